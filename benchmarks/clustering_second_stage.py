"""Which signal could decide the pairs the fast join finds ambiguous (a second stage)?

Every pair of read documents of Multi-News dev and of each invented event set is
scored offline with the index's own join score (TF-IDF of the whole text with the
set's final document frequencies, MiniLM on the 32-word lead, ``score_join``) and
with the candidate second-stage signals: MiniLM on a 128-word lead, all-mpnet-base-v2
on the 32- and 128-word leads (when installed), the names the two leads share, and the
lead check's coverage (TF-IDF cosine of one's title and first sentence with the
other's whole text; the smaller of the two directions).

A second stage would accept pairs in the band ``[low, 1)`` of the join score, with no
figure or day conflict. For it to raise Multi-News recall without costing precision on
event sets, a signal must rank Multi-News same-event pairs in the band above both
Multi-News different-event pairs and the event sets' different-incident pairs in the
band (areas under the ROC curve; 0.5 is chance). The last table does the same among
pairs that already join (join score >= 1): which signal tells the event sets'
different incidents from same-event pairs.

Usage: python benchmarks/clustering_second_stage.py [MULTINEWS] [--low 0.5 0.6 0.7]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from clustering import DEFAULT_DATA, load_documents  # noqa: E402
from event_boundaries import DEFAULT_DATA as EVENT_SETS  # noqa: E402

SIGNALS = ("join", "tfidf", "minilm32", "minilm128", "mpnet32", "mpnet128", "names", "lead")


def load_sets(multinews: Path) -> list[tuple[str, list[dict[str, str]], dict[str, str]]]:
    """(name, records without times, id -> true event) of Multi-News and the event sets."""
    documents = load_documents(multinews)
    sets = [
        (
            "multinews",
            [{"id": d, "text": t} for d, _, t in documents],
            {d: c for d, c, _ in documents},
        )
    ]
    for path in EVENT_SETS:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        records = [{k: r[k] for k in ("id", "title", "text", "source")} for r in rows]
        sets.append((path.stem, records, {r["id"]: r["event"] for r in rows}))
    return sets


def score_pairs(
    records: Sequence[dict[str, str]], gold: dict[str, str], mpnet: bool
) -> list[dict[str, Any]]:
    """One row per pair of read documents: same event?, conflicts, and every signal."""
    from newsfuse import pipeline
    from newsfuse.corpus import load_embedder
    from newsfuse.group.features import (
        extract_day_marks,
        extract_event_lead,
        extract_key_numbers,
        extract_lead,
        extract_names,
    )
    from newsfuse.group.index import _by_noun, _numbers_conflict, conflict_in_days, score_join
    from newsfuse.group.lexical import DocumentFrequencies, cosine, count_terms, weigh_terms
    from newsfuse.group.params import GroupingParams

    params = GroupingParams(event_lead_needs_title=False)
    articles = pipeline.read_report(list(records)).articles
    counts = [count_terms(a.title + "\n" + a.text) for a in articles]
    frequencies = DocumentFrequencies.empty()
    for article_counts in counts:
        frequencies.add(article_counts)
    terms = [weigh_terms(c, frequencies) for c in counts]
    leads = [weigh_terms(count_terms(extract_event_lead(a, params)), frequencies) for a in articles]
    names = [set(extract_names(a, params)) for a in articles]
    marks = [
        _by_noun(extract_key_numbers(a, params) + extract_day_marks(a, params)) for a in articles
    ]

    def encode(embedder: str, words: int) -> np.ndarray:
        texts = [extract_lead(a, words) for a in articles]
        vectors = np.asarray(load_embedder(embedder).encode(texts), dtype=np.float64)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    vectors = {"minilm32": encode("minilm", 32), "minilm128": encode("minilm", 128)}
    if mpnet:
        vectors |= {"mpnet32": encode("mpnet", 32), "mpnet128": encode("mpnet", 128)}
    rows = []
    for i, j in itertools.combinations(range(len(articles)), 2):
        tfidf = cosine(terms[i], terms[j])
        row: dict[str, Any] = {
            "same": gold[articles[i].id] == gold[articles[j].id],
            "conflict": _numbers_conflict(marks[i], marks[j])
            or conflict_in_days(marks[i], marks[j], params.day_mark_tolerance_days),
            "tfidf": tfidf,
            "names": len(names[i] & names[j]),
            "lead": min(cosine(leads[i], terms[j]), cosine(leads[j], terms[i])),
        }
        row |= {name: float(v[i] @ v[j]) for name, v in vectors.items()}
        row["join"] = score_join(row["minilm32"], tfidf, params)
        rows.append(row)
    return rows


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Area under the ROC curve (Mann-Whitney), ties counted half; NaN if a side is empty."""
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--low", nargs="+", type=float, default=[0.5, 0.6, 0.7])
    args = parser.parse_args()

    from newsfuse.embed.mpnet import is_mpnet_installed

    mpnet = is_mpnet_installed()
    signals = [s for s in SIGNALS if mpnet or not s.startswith("mpnet")]
    scored = {name: score_pairs(r, g, mpnet) for name, r, g in load_sets(args.data)}
    multinews = scored.pop("multinews")
    events = [row for rows in scored.values() for row in rows]

    print("Ambiguous band, no conflict: AUC of Multi-News same-event pairs against")
    print("| band | MN same | MN other | events other | signal: vs MN other / vs events other |")
    print("|---|---|---|---|---|")
    for low in args.low:

        def band(rows: list[dict[str, Any]], same: bool, low: float = low) -> list[dict[str, Any]]:
            return [
                r
                for r in rows
                if low <= r["join"] < 1.0 and not r["conflict"] and r["same"] == same
            ]

        same, other, event_other = (
            band(multinews, True),
            band(multinews, False),
            band(events, False),
        )
        cells = ", ".join(
            f"{s} {auc([r[s] for r in same], [r[s] for r in other]):.2f} / "
            f"{auc([r[s] for r in same], [r[s] for r in event_other]):.2f}"
            for s in signals
        )
        print(f"| [{low}, 1) | {len(same)} | {len(other)} | {len(event_other)} | {cells} |")

    print("\nPairs that join (join score >= 1): AUC of same-event against other pairs")
    print("| set | same | other | " + " | ".join(signals) + " |")
    print("|---|---|---|" + "---|" * len(signals))
    for name, rows in [("multinews", multinews), *scored.items()]:
        joined = [r for r in rows if r["join"] >= 1.0]
        same = [r for r in joined if r["same"]]
        other = [r for r in joined if not r["same"]]
        cells = " | ".join(
            f"{auc([r[s] for r in same], [r[s] for r in other]):.2f}" for s in signals
        )
        print(f"| {name} | {len(same)} | {len(other)} | {cells} |")


if __name__ == "__main__":
    main()
