"""Study: new pair signals for event boundaries, ranked on every set at once.

Every pair of read documents of Multi-News dev, of both invented event sets and of the
three fact-comparison cluster files (``../shared/bench/facts-*.jsonl``, each cluster an
event; untitled and undated as the hidden real set) is scored offline with the index's
join score (``score_join``: TF-IDF of the whole text with the set's final document
frequencies, MiniLM on the 32-word lead) and with candidate signals that the index does
not use yet:

- ``figures``: distinct numbers (three or more digits, or with a decimal point; years
  and numbers inside dates left out) that both whole texts state: "18,432 votes",
  "$4.2 billion". Reports of one event repeat its specific figures.
- ``salient``: names weighed by how much of each text is about them. A name's salience
  in a text is its share of the text's name mentions (a name in the title or first
  sentence counts twice); the signal is the sum over shared names of the smaller of the
  two saliences, times the name's inverse document frequency within the set.
- ``mpnet128``: all-mpnet-base-v2 on the 128-word lead (when installed), as a reference.

And five yes/no rules that would split a pair (each a candidate conflict, like the
index's day and place conflicts), counted among pairs that join:

- ``verb_differs``: the leads (title and first sentence; untitled, the first sentence)
  share no main-verb lemma (the root of each sentence and the verbs it coordinates,
  spaCy's small English parser), as "floods" against "approves".
- ``title_names_differ``: both titles name someone or somewhere (capitalised words the
  lead does not also write in lower case) and neither lead names any of the other's.
- ``dateline_differs``: the place conflict of the index (``conflict_in_places``) with the
  place of the wire dateline the cleaner removed ("MILLBROOK --") added to each lead's
  places.
- ``site_differs``: a place conflict that only a name after "at" in the lead gives ("at
  Vellerton International Airport"), read as the index reads one after "in" or "near".
- ``site_unnamed``: the index's site rule (``GroupingParams.site_marks``): the same, unless
  the other's text names the site anywhere (a company's site is named by every report).

The rules are counted among pairs that join and, since a story's centroid can join
what no single pair does, in the band just below the bar ([0.8, 1)).

With ``--pool`` every set but Multi-News is scored as one set (its document frequencies
pooled), as ``event_boundaries.py --pool`` ingests them: the wrong merges left are
between sets.

For each signal it prints the AUC of same-event against different-event pairs in the
ambiguous band of the join (``[low, 1)``, no figure or day conflict: what a second stage
would decide) and among pairs that already join (what could split a false merge).

Usage: python benchmarks/studies/pair_signals.py [MULTINEWS] [--low 0.5 0.7] [--no-mpnet]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import study_paths  # noqa: F401
from fact_errors import labelled_clusters

from clustering import DEFAULT_DATA
from clustering_second_stage import auc
from clustering_second_stage import load_sets as second_stage_sets
from shared_data import shared_path

FACT_SETS = ("facts-dev.jsonl", "facts-dev2.jsonl", "facts-real-dev.jsonl")
SIGNALS = ("join", "figures", "salient", "mpnet128")
RULES = (
    "verb_differs",
    "title_names_differ",
    "dateline_differs",
    "site_differs",
    "site_unnamed",
)
# Dependencies of a sentence root's own verbs: a coordinated or complementing clause
# states the same event ("burst its banks and flooded 46 homes").
_MAIN_VERB_DEPS = frozenset({"conj", "xcomp", "advcl"})
# Verbs that state no event of their own.
_LIGHT_VERBS = frozenset({"be", "have", "say"})
# A named site the lead puts the event at ("at Vellerton International Airport").
_SITE = re.compile(r"\bat\s+((?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+)*)")
# The place of a wire dateline: its opening upper-case words ("SALT LAKE CITY (AP) --").
_DATELINE_PLACE = re.compile(r"\s*([A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+)*)")

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")
_NAME = re.compile(r"\b[A-Z][a-zA-Z'-]{2,}(?:\s+[A-Z][a-zA-Z'-]{2,})*")
_MONTH = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$", re.IGNORECASE
)


def extract_figures(text: str) -> set[float]:
    """Specific numbers of a text: three or more digits or a decimal point, not a year
    and not a day after a month name."""
    figures = set()
    for match in _NUMBER.finditer(text):
        raw = match.group(0)
        value = float(raw.replace(",", ""))
        digits = sum(c.isdigit() for c in raw)
        if "." not in raw and digits < 3:
            continue
        if "," not in raw and "." not in raw and 1900 <= value <= 2100:
            continue
        if _MONTH.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        figures.add(value)
    return figures


def name_salience(title: str, text: str) -> dict[str, float]:
    """Each name's share of the text's name mentions (title and first sentence twice)."""
    first = text.split(". ", 1)[0]
    counts: Counter[str] = Counter()
    for part, weight in ((title, 2), (first, 1), (text, 1)):
        for match in _NAME.finditer(part):
            for word in match.group(0).split():
                if word.lower() not in _STOP:
                    counts[word.lower()] += weight
    total = sum(counts.values()) or 1
    return {name: count / total for name, count in counts.items()}


_STOP = {
    "the", "a", "an", "in", "on", "at", "but", "and", "he", "she", "it", "they", "we",
    "this", "that", "his", "her", "their", "its", "for", "after", "as", "when", "while",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "if",
    "there", "what", "with", "from", "by", "of", "to", "mr", "mrs", "ms", "dr", "i",
}  # fmt: skip


def lead_sentences(title: str, text: str) -> list[str]:
    """The title (when there is one) and first sentence: where a report says what happened."""
    from newsfuse.group.features import _split_sentences

    return ([title] if title.strip() else []) + _split_sentences(text)[:1]


def main_verbs(leads: Sequence[Sequence[str]]) -> list[set[str]]:
    """The main-verb lemmas of each lead: every sentence's root and the verbs it
    coordinates, light verbs left out."""
    from newsfuse.facts.nlp import load_pipeline

    nlp = load_pipeline()
    flat = [sentence for lead in leads for sentence in lead]
    parsed = iter(nlp.pipe(flat))
    verbs = []
    for lead in leads:
        found: set[str] = set()
        for _ in lead:
            for token in next(parsed):
                main = token.dep_ == "ROOT" or (
                    token.dep_ in _MAIN_VERB_DEPS and token.head.dep_ == "ROOT"
                )
                if main and token.pos_ in ("VERB", "NOUN") and token.lemma_ not in _LIGHT_VERBS:
                    found.add(token.lemma_.lower())
        verbs.append(found)
    return verbs


def title_names(title: str, text: str) -> set[int]:
    """Hashed capitalised words of a title that its lead does not also write in lower case."""
    from newsfuse.group.features import (
        _LOWER_WORD,
        _NAME,
        _NAME_STOPWORDS,
        _POSSESSIVE,
        hash_place,
    )

    if not title.strip():
        return set()
    common = set(_LOWER_WORD.findall("\n".join(lead_sentences(title, text))))
    return {
        hash_place(_POSSESSIVE.sub("", word))
        for match in _NAME.finditer(title)
        for word in match.group(0).split()
        if word not in _NAME_STOPWORDS and _POSSESSIVE.sub("", word).lower() not in common
    }


def dateline_places(removed_datelines: Sequence[str]) -> set[int]:
    """Hashed words of the place a removed wire dateline names (empty: none)."""
    from newsfuse.group.features import hash_place

    match = _DATELINE_PLACE.match(removed_datelines[0]) if removed_datelines else None
    if match is None:
        return set()
    return {hash_place(word) for word in match.group(1).split() if len(word) > 2}


def site_places(title: str, text: str) -> set[int]:
    """Hashed words of the names after "at" in a lead ("at Fallow Farm"), cut where the
    index cuts a place (a word that is no name, a possessive)."""
    from newsfuse.group.features import _MONTHS, _NAME_STOPWORDS, _POSSESSIVE, hash_place

    found = set()
    for sentence in lead_sentences(title, text):
        for match in _SITE.finditer(sentence):
            for word in match.group(1).split():
                if word in _NAME_STOPWORDS or word.lower() in _MONTHS:
                    break
                bare = _POSSESSIVE.sub("", word)
                found.add(hash_place(bare))
                if bare != word:
                    break
    return found


def pool_sets(
    sets: list[tuple[str, list[dict[str, str]], dict[str, str]]],
) -> list[tuple[str, list[dict[str, str]], dict[str, str]]]:
    """Multi-News, and every other set as one (ids and events prefixed by their set)."""
    records, gold = [], {}
    for name, rows, events in sets[1:]:
        for row in rows:
            records.append({**row, "id": f"{name}:{row['id']}"})
            gold[f"{name}:{row['id']}"] = f"{name}:{events[row['id']]}"
    return [sets[0], ("pooled", records, gold)]


def load_sets(multinews: Path) -> list[tuple[str, list[dict[str, str]], dict[str, str]]]:
    """(name, records without times, id -> true event) of every set: those of
    ``clustering_second_stage.load_sets``, then the fact sets' clusters."""
    sets = second_stage_sets(multinews)
    for name in FACT_SETS:
        path = shared_path("bench", name)
        if not path.exists():
            continue
        records, gold = [], {}
        for cluster in labelled_clusters(path):
            for article in cluster["articles"]:
                doc_id = f"{cluster['id']}/{article['id']}"
                records.append(
                    {
                        "id": doc_id,
                        "title": article.get("title") or "",
                        "text": article["text"],
                        "source": article.get("source") or "unknown",
                    }
                )
                gold[doc_id] = cluster["id"]
        sets.append((path.stem, records, gold))
    return sets


def terms_and_marks(articles: Sequence[Any], params: Any) -> tuple[list[Any], list[Any]]:
    """Each article's weighted terms (document frequencies over ``articles``) and its key
    numbers and day marks by noun: what ``score_join`` reads of a pair."""
    from newsfuse.group.features import extract_day_marks, extract_key_numbers
    from newsfuse.group.index import _by_noun
    from newsfuse.group.lexical import DocumentFrequencies, count_terms, weigh_terms

    counts = [count_terms(a.title + "\n" + a.text) for a in articles]
    frequencies = DocumentFrequencies.empty()
    for article_counts in counts:
        frequencies.add(article_counts)
    terms = [weigh_terms(c, frequencies) for c in counts]
    marks = [
        _by_noun(extract_key_numbers(a, params) + extract_day_marks(a, params)) for a in articles
    ]
    return terms, marks


def score_pairs(
    records: Sequence[dict[str, str]], gold: dict[str, str], mpnet: bool
) -> list[dict[str, Any]]:
    """One row per pair of read documents: same event?, conflict, and every signal."""
    from newsfuse import pipeline
    from newsfuse.clean.classify import REASON_DATELINE
    from newsfuse.corpus import load_embedder
    from newsfuse.group.features import (
        LEAD_NAME_MARK,
        PLACE_MARK,
        extract_lead,
        extract_place_marks,
    )
    from newsfuse.group.index import (
        _by_noun,
        _numbers_conflict,
        conflict_in_days,
        conflict_in_places,
        score_join,
    )
    from newsfuse.group.lexical import cosine
    from newsfuse.group.params import GroupingParams

    params = GroupingParams()
    without_sites = replace(params, site_marks=False)
    articles = pipeline.read_report(list(records)).articles
    terms, marks = terms_and_marks(articles, params)
    figures = [extract_figures(a.title + "\n" + a.text) for a in articles]
    places = [_by_noun(extract_place_marks(a, without_sites)) for a in articles]
    indexed_sites = [_by_noun(extract_place_marks(a, params)) for a in articles]
    with_sites = [
        {**marks_of, PLACE_MARK: marks_of.get(PLACE_MARK, set()) | site_places(a.title, a.text)}
        for a, marks_of in zip(articles, places, strict=True)
    ]
    with_datelines = [
        {
            **marks_of,
            PLACE_MARK: marks_of.get(PLACE_MARK, set())
            | dateline_places([r.text for r in a.removed if r.reason == REASON_DATELINE]),
        }
        for a, marks_of in zip(articles, places, strict=True)
    ]
    verbs = main_verbs([lead_sentences(a.title, a.text) for a in articles])
    titled = [title_names(a.title, a.text) for a in articles]
    salience = [name_salience(a.title, a.text) for a in articles]
    name_df: Counter[str] = Counter(n for s in salience for n in s)
    idf = {n: math.log((1 + len(articles)) / (1 + df)) + 1 for n, df in name_df.items()}

    def encode(embedder: str, words: int) -> np.ndarray:
        vectors = np.asarray(
            load_embedder(embedder).encode([extract_lead(a, words) for a in articles]),
            dtype=np.float64,
        )
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    vectors = {"minilm32": encode("minilm", 32)}
    if mpnet:
        vectors["mpnet128"] = encode("mpnet", 128)
    rows = []
    for i, j in itertools.combinations(range(len(articles)), 2):
        shared = salience[i].keys() & salience[j].keys()
        row: dict[str, Any] = {
            "i": i,
            "j": j,
            "same": gold[articles[i].id] == gold[articles[j].id],
            "conflict": _numbers_conflict(marks[i], marks[j])
            or conflict_in_days(marks[i], marks[j], params.day_mark_tolerance_days),
            "figures": len(figures[i] & figures[j]),
            "salient": sum(min(salience[i][n], salience[j][n]) * idf[n] for n in shared),
        }
        named = places[i].get(LEAD_NAME_MARK, set()), places[j].get(LEAD_NAME_MARK, set())
        row |= {
            "verb_differs": bool(verbs[i] and verbs[j] and not verbs[i] & verbs[j]),
            "title_names_differ": bool(
                titled[i] and titled[j] and not titled[i] & named[1] and not titled[j] & named[0]
            ),
            "dateline_differs": conflict_in_places(with_datelines[i], with_datelines[j])
            and not conflict_in_places(places[i], places[j]),
            "site_differs": conflict_in_places(with_sites[i], with_sites[j])
            and not conflict_in_places(places[i], places[j]),
            "site_unnamed": conflict_in_places(
                indexed_sites[i], indexed_sites[j], terms[i].keys(), terms[j].keys()
            )
            and not conflict_in_places(places[i], places[j]),
        }
        row |= {name: float(v[i] @ v[j]) for name, v in vectors.items()}
        row["join"] = score_join(row["minilm32"], cosine(terms[i], terms[j]), params)
        rows.append(row)
    return rows


def print_auc_rows(
    scored: dict[str, list[dict[str, Any]]],
    signals: Sequence[str],
    keep: Callable[[dict[str, Any]], bool],
) -> None:
    """One table row per set: the pairs ``keep`` takes, same-event and other, and each
    signal's AUC of same-event against other pairs among them."""
    for name, rows in scored.items():
        kept = [r for r in rows if keep(r)]
        same = [r for r in kept if r["same"]]
        other = [r for r in kept if not r["same"]]
        cells = " | ".join(
            f"{auc([r[s] for r in same], [r[s] for r in other]):.2f}" for s in signals
        )
        print(f"| {name} | {len(same)} | {len(other)} | {cells} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--low", nargs="+", type=float, default=[0.5, 0.7])
    parser.add_argument("--no-mpnet", action="store_true")
    parser.add_argument("--dump", type=Path, help="write every scored pair as JSON lines")
    parser.add_argument(
        "--pool", action="store_true", help="score every set but Multi-News as one set"
    )
    args = parser.parse_args()

    from newsfuse.embed.mpnet import is_mpnet_installed

    mpnet = is_mpnet_installed() and not args.no_mpnet
    signals = [s for s in SIGNALS if mpnet or s != "mpnet128"]
    sets = load_sets(args.data)
    if args.pool:
        sets = pool_sets(sets)
    scored = {name: score_pairs(r, g, mpnet) for name, r, g in sets}
    if args.dump:
        with args.dump.open("w") as out:
            for name, rows in scored.items():
                for row in rows:
                    out.write(json.dumps({"set": name, **row}) + "\n")

    print("Ambiguous band (no conflict): AUC of same-event against other pairs, per set")
    for low in args.low:
        print(f"\nband [{low}, 1)")
        print("| set | same | other | " + " | ".join(signals) + " |")
        print("|---|---|---|" + "---|" * len(signals))
        print_auc_rows(
            scored, signals, lambda r, low=low: low <= r["join"] < 1.0 and not r["conflict"]
        )

    print("\nPairs that join (join score >= 1): AUC of same-event against other pairs")
    print("| set | same | other | " + " | ".join(signals) + " |")
    print("|---|---|---|" + "---|" * len(signals))
    print_auc_rows(scored, signals, lambda r: r["join"] >= 1.0)

    print("\nRules that would split a pair, among pairs with no figure or day conflict:")
    print("flagged same-event / flagged other pairs (of all same / other)")
    print("| set | join | same | other | " + " | ".join(RULES) + " |")
    print("|---|---|---|---|" + "---|" * len(RULES))
    for name, rows in scored.items():
        for label, low, high in (("[0.8, 1)", 0.8, 1.0), (">= 1", 1.0, math.inf)):
            kept = [r for r in rows if low <= r["join"] < high and not r["conflict"]]
            same = [r for r in kept if r["same"]]
            other = [r for r in kept if not r["same"]]
            cells = " | ".join(
                f"{sum(r[rule] for r in same)} / {sum(r[rule] for r in other)}" for rule in RULES
            )
            print(f"| {name} | {label} | {len(same)} | {len(other)} | {cells} |")


if __name__ == "__main__":
    main()
