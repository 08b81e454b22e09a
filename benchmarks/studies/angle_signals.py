"""Study: which signal would join another angle of an event (analysis, reaction, aid,
a victim's profile, a road test) to the event's news reports, and at what cost.

Every pair of read documents of each readable set (Multi-News dev, the invented towns,
crisis, repeats and angles sets, the three fact-comparison cluster files; never the
blind set) is scored offline, untitled-and-undated as well as titled, with the index's
pair join score (``score_join``: TF-IDF of the whole text, MiniLM on the 32-word lead)
and its figure and day conflicts. Pairs that do not join (score < 1, no conflict) are
what a new signal would have to join; for each candidate rule it counts the same-event
pairs it joins (gain) and the different-event pairs it joins (cost):

- ``text>=C``: MiniLM on the first 256 words (the whole text of most reports) instead
  of the 32-word lead, read as the index reads the lead (``score_join`` >= 1 with the
  join bar C), for leads that open on colour.
- ``rare>=K/dfD``: K or more shared names (capitalised words, whole text) that occur in at
  most D documents of the set (a name in no other story of the store).
- ``fig>=K``: K or more shared specific figures with the noun they count ("340 homes",
  "£48 million"; years and small counts left out).
- combinations (``rare2+fig``).

Rules are then picked by leave-one-set-out: on all sets but one, the rule with the most
gain with at most ``--cost`` different-event pairs per 100 joined; it is scored on the
held-out set.

With ``--pool`` every set but Multi-News is scored as one store, so a name is rare only
if no other set's report names it either.

Usage: python benchmarks/studies/angle_signals.py [MULTINEWS] [--cost 5] [--pool]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from pair_signals import _NAME, _STOP, load_sets, pool_sets, terms_and_marks
from study_paths import ROOT

from clustering import DEFAULT_DATA

DATA_DIR = ROOT / "benchmarks" / "data"
STUDY_SETS = ("event_boundaries_sequels_study.jsonl", "event_boundaries_angles_study.jsonl")
# A figure and the noun after it; a year or a count under ten names no event.
_FIGURE = re.compile(
    r"(?<![\w.,])([£$€]?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(million|billion|percent|%))?"
    r"\s+(?:[a-z-]+\s+)?([a-z][a-z-]{2,})"
)
_SKIP_NOUNS = {"and", "the", "for", "per", "was", "were", "from", "with", "when", "that"}


def figures_with_nouns(text: str) -> set[tuple[str, str]]:
    """(value, noun) of each figure of ten or more that is not a year."""
    found = set()
    for match in _FIGURE.finditer(text):
        currency, raw, scale, noun = match.groups()
        value = float(raw.replace(",", ""))
        if value < 10 and not scale:
            continue
        if "," not in raw and "." not in raw and 1900 <= value <= 2100 and not currency:
            continue
        noun = noun if noun not in _SKIP_NOUNS else ""
        found.add((f"{currency}{value:g}{scale or ''}", noun if not scale else ""))
    return found


def names_of(title: str, text: str) -> set[str]:
    """One-word names of the whole text (capitalised words, not sentence openers)."""
    names = set()
    lowered = set(re.findall(r"\b[a-z][a-z'-]+\b", text))
    for match in _NAME.finditer(f"{title}\n{text}"):
        for word in match.group(0).split():
            low = word.lower()
            if low not in _STOP and low not in lowered and len(low) > 2:
                names.add(low)
    return names


def full_names(title: str, text: str) -> set[str]:
    """Names of two or more capitalised words not opening a sentence ("Colm Ashdry")."""
    found = set()
    for match in re.finditer(
        r"(?<![.!?\n]\s)(?<!^)\b[A-Z][a-z'-]{2,}(?:\s+[A-Z][a-z'-]{2,})+", text
    ):
        words = [w for w in match.group(0).split() if w.lower() not in _STOP]
        if len(words) >= 2:
            found.add(" ".join(words).lower())
    return found


def score_pairs(records: Sequence[dict[str, str]], gold: dict[str, str]) -> list[dict[str, Any]]:
    """One row per pair: same event?, conflict, join score, and the candidate signals."""
    from newsfuse import pipeline
    from newsfuse.corpus import load_embedder
    from newsfuse.group.features import extract_lead
    from newsfuse.group.index import _numbers_conflict, conflict_in_days, score_join
    from newsfuse.group.lexical import cosine
    from newsfuse.group.params import GroupingParams

    params = GroupingParams()
    articles = pipeline.read_report(list(records)).articles
    terms, marks = terms_and_marks(articles, params)
    names = [names_of(a.title, a.text) for a in articles]
    people = [full_names(a.title, a.text) for a in articles]
    people_df: Counter[str] = Counter(n for s in people for n in s)
    name_df: Counter[str] = Counter(n for s in names for n in s)
    figures = [figures_with_nouns(a.title + "\n" + a.text) for a in articles]
    embedder = load_embedder("minilm")

    def encode(words: int) -> np.ndarray:
        vectors = np.asarray(
            embedder.encode([extract_lead(a, words) for a in articles]), dtype=np.float64
        )
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    lead, whole = encode(params.embedding.lead_words), encode(256)
    text_params = {
        bar: replace(params, embedding=replace(params.embedding, join=bar)) for bar in TEXT_BARS
    }
    rows = []
    for i, j in itertools.combinations(range(len(articles)), 2):
        lexical = cosine(terms[i], terms[j])
        shared = names[i] & names[j]
        text = float(whole[i] @ whole[j])
        rows.append(
            {
                **{f"text{bar}": score_join(text, lexical, p) for bar, p in text_params.items()},
                "same": gold[articles[i].id] == gold[articles[j].id],
                "conflict": _numbers_conflict(marks[i], marks[j])
                or conflict_in_days(marks[i], marks[j], params.day_mark_tolerance_days),
                "join": score_join(float(lead[i] @ lead[j]), lexical, params),
                "text": text,
                "lexical": lexical,
                "rare2": sum(1 for n in shared if name_df[n] <= 2),
                "rare3": sum(1 for n in shared if name_df[n] <= 3),
                "people": sum(1 for n in people[i] & people[j] if people_df[n] <= 3),
                "figures": len({f for f in figures[i] & figures[j] if f[1] or "£" in f[0]}),
            }
        )
    return rows


# Join bars tried for MiniLM on the whole text (the lead's bar is 0.66).
TEXT_BARS = (0.6, 0.66, 0.7, 0.75, 0.8)


def make_rules() -> dict[str, dict[str, float]]:
    """Candidate rules that would join a pair the index does not join: each is the
    least value of every signal it needs."""
    rules: dict[str, dict[str, float]] = {}
    for bar in TEXT_BARS:
        rules[f"text>={bar}"] = {f"text{bar}": 1}
    for k in (2, 3, 4):
        for df in (2, 3):
            rules[f"rare>={k}/df{df}"] = {f"rare{df}": k}
    for k in (1, 2, 3):
        rules[f"fig>={k}"] = {"figures": k}
    for low in (0.5, 0.6, 0.7):
        rules[f"join>={low}+rare>=2/df3"] = {"join": low, "rare3": 2}
        rules[f"join>={low}+person"] = {"join": low, "people": 1}
    rules["person>=2"] = {"people": 2}
    rules["rare>=2/df3+fig>=1"] = {"rare3": 2, "figures": 1}
    rules["rare>=2/df3+text>=0.75"] = {"rare3": 2, "text0.75": 1}
    rules["fig>=1+text>=0.75"] = {"figures": 1, "text0.75": 1}
    return rules


def holds(row: dict[str, Any], rule: dict[str, float]) -> bool:
    """Whether every signal of ``rule`` reaches its least value in ``row``."""
    return all(row[signal] >= least for signal, least in rule.items())


def load_all(
    multinews: Path, pool: bool = False
) -> list[tuple[str, list[dict[str, str]], dict[str, str]]]:
    """Every readable set, titled, and each set with a title again untitled; with
    ``pool``, every set but Multi-News as one (its names' document frequencies pooled)."""
    sets = load_sets(multinews)
    for name in STUDY_SETS:
        rows = [json.loads(x) for x in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()]
        records = [{k: r[k] for k in ("id", "title", "text", "source")} for r in rows]
        sets.append((Path(name).stem, records, {r["id"]: r["event"] for r in rows}))
    if pool:
        sets = pool_sets(sets)
    untitled = [
        (f"{name} (untitled)", [{**r, "title": ""} for r in records], gold)
        for name, records, gold in sets[1:]
        if name.startswith(("event_boundaries", "pooled"))
    ]
    return sets + untitled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--cost", type=float, default=5.0, help="different-event pairs allowed per 100 joined"
    )
    parser.add_argument(
        "--pool", action="store_true", help="score every set but Multi-News as one set"
    )
    args = parser.parse_args()
    sets = load_all(args.data, args.pool)
    rules = make_rules()
    table: dict[str, dict[str, tuple[int, int]]] = {}
    totals: dict[str, tuple[int, int]] = {}
    for name, records, gold in sets:
        rows = [r for r in score_pairs(records, gold) if r["join"] < 1 and not r["conflict"]]
        totals[name] = (sum(r["same"] for r in rows), sum(not r["same"] for r in rows))
        table[name] = {
            rule: (
                sum(r["same"] for r in rows if holds(r, need)),
                sum(not r["same"] for r in rows if holds(r, need)),
            )
            for rule, need in rules.items()
        }
    names = list(table)
    print("Pairs below the join bar, no conflict: joined same-event / different-event pairs")
    print("| rule | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    print("| (all) | " + " | ".join(f"{s} / {o}" for s, o in totals.values()) + " |")
    for rule in rules:
        cells = " | ".join(f"{table[n][rule][0]} / {table[n][rule][1]}" for n in names)
        print(f"| {rule} | {cells} |")

    print(f"\nLeave one set out (most gain, at most {args.cost:g} other pairs per 100 joined)")
    print("| held out | picked | held-out same / other |")
    print("|---|---|---|")
    for held in names:
        best, best_gain = "none", 0
        for rule in rules:
            same = sum(table[n][rule][0] for n in names if n != held)
            other = sum(table[n][rule][1] for n in names if n != held)
            if same > best_gain and other * 100 <= args.cost * (same + other):
                best, best_gain = rule, same
        cell = "-" if best == "none" else f"{table[held][best][0]} / {table[held][best][1]}"
        print(f"| {held} | {best} | {cell} |")


if __name__ == "__main__":
    main()
