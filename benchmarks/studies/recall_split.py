"""Study: ran on commit 42ef63e (2026-12-05); its result is recorded in
docs/benchmarks-stories.md, "Why Multi-News pairs split".

Why same-cluster pairs end in different stories on Multi-News dev, and the B-cubed
recall each reason costs.

Every document is ingested in one seeded order through the real pipeline
(``benchmarks/clustering.py``). Every pair of documents of one true cluster that ends in
two stories is put in the first of these classes that holds (the order is the order of
the table):

- "non-article": the reader or cleaner left one side out (crawl notices, cookie walls,
  error pages; ``benchmarks/non_articles.py``): it is a singleton in every grouping;
- "copy": one side's text is also a document of another cluster (stored once);
- "language": the two sides' languages differ (stories stay within one language);
- "time window": both sides are dated and further apart than the story window;
- "conflict, bar reached": the offline pair score (``score_join`` of the TF-IDF cosine
  with the set's final document frequencies and the MiniLM lead cosine, as in
  ``clustering_bound.py``) reaches the join bar (1.0) but a figure, day or place
  conflict between the two multiplies it below (the conflict named);
- "bar reached, no conflict": the pair alone would join; the story's centroid, another
  member's conflict or the arrival order kept them apart;
- "conflict below the bar": a conflict applies and the pair score is below 1.0 anyway;
- "opinion / first person": one side reads as a column or interview (first-person
  singular pronouns outside quotation marks at least ``FIRST_PERSON_SHARE`` of its
  words, or an opinion marker in its first 200 characters);
- "near" (pair score in [0.7, 1)), "weak" ([0.4, 0.7)) and "other angle" (below 0.4).

A last table asks whether cheap signals could reach the split pairs in the ambiguous
band (``--band``) without reaching other clusters' pairs: a key figure (same noun and
value) or a full date shared in the leads or whole texts, a first-person side.
``--strip-openers`` re-runs everything with the page furniture opening a text cut.

A split pair (i, j) of a cluster of n documents costs B-cubed recall 2 / (N n), N the
number of documents: the costs of all classes add up to exactly 1 - R. The table gives
both, overall and per half (the halves of ``lead_budget_halves.py``: clusters at even
positions of the file are half A, odd half B). Untitled Multi-News has no event lead,
so the lead check never runs and is not a class.

Usage: python benchmarks/studies/recall_split.py [DATA] [--seed N] [--band LOW HIGH]
[--show CLASS] [--strip-openers]
"""

from __future__ import annotations

import argparse
import itertools
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import study_paths  # noqa: F401
from clustering_bound import compute_scores

from clustering import (
    DEFAULT_DATA,
    bcubed,
    cluster_documents,
    copied_documents,
    load_documents,
)

# Share of a text's words that are "I", "me", "my", "mine" or "myself" above which it
# reads as a first-person column or interview (news reports quote a few).
FIRST_PERSON_SHARE = 0.01
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself)\b")
# Quoted speech: a report quoting someone's "I" is not written in the first person.
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")
_OPINION = re.compile(r"\b(?:opinion|op-ed|editorial|commentary|column(?:ist)?)\b", re.I)
# Page furniture that opens some crawled texts as one line with the story ("Loading ...
# The two were covering ..."), so it eats words of the embedded lead: video players,
# photo and advertisement labels. ``--strip-openers`` cuts it to see what it costs.
OPENERS = re.compile(
    r"^\s*(?:Media playback is unsupported on your device|Loading\s*\.\.\.|"
    r"EMBED More News Videos|CLOSE|View Images|Photo|Advertisement|"
    r"Continue reading the main story)(?!\w)\s*",
    re.IGNORECASE,
)
# The ambiguous band of pair scores a second-stage signal would have to decide.
BAND = (0.4, 1.0)
CLASSES = (
    "non-article",
    "copy",
    "language",
    "time window",
    "conflict, bar reached: figure",
    "conflict, bar reached: day",
    "conflict, bar reached: place",
    "bar reached, no conflict",
    "conflict below the bar",
    "opinion / first person",
    "near [0.7, 1)",
    "weak [0.4, 0.7)",
    "other angle (< 0.4)",
)


def strip_openers(text: str) -> str:
    """``text`` without the page furniture (``OPENERS``) it opens with."""
    while (match := OPENERS.match(text)) and match.group(0).strip():
        text = text[match.end() :]
    return text


def split_pairs(
    assignment: Mapping[str, str], gold: Mapping[str, str]
) -> Iterator[tuple[str, str, float]]:
    """Every pair of one true cluster in two stories, with the B-cubed recall it costs:
    2 / (N n) for N documents and a cluster of n, so the costs add up to 1 - R."""
    size = Counter(gold.values())
    for first, second in itertools.combinations(sorted(gold), 2):
        cluster = gold[first]
        if cluster == gold[second] and assignment[first] != assignment[second]:
            yield first, second, 2 / (len(gold) * size[cluster])


def reads_as_opinion(text: str) -> bool:
    """Whether a text reads as a column or interview (see the module doc)."""
    words = max(len(text.split()), 1)
    unquoted = _QUOTED.sub(" ", text)
    return bool(_OPINION.search(text[:200])) or (
        len(_FIRST_PERSON.findall(unquoted)) / words >= FIRST_PERSON_SHARE
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[3])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--band", type=float, nargs=2, default=BAND, help="pair-score band of the last table"
    )
    parser.add_argument("--show", default="", help="print the pairs of this class")
    parser.add_argument(
        "--strip-openers",
        action="store_true",
        help="cut page furniture opening a text (OPENERS) before ingest, a counterfactual",
    )
    args = parser.parse_args()

    from newsfuse import pipeline
    from newsfuse.group.features import (
        DATE_MARK,
        compute_features,
        extract_key_numbers,
        find_text_dates,
    )
    from newsfuse.group.index import (
        _by_noun,
        _numbers_conflict,
        conflict_in_days,
        conflict_in_places,
        same_language,
    )
    from newsfuse.group.lexical import DocumentFrequencies, count_terms, weigh_terms
    from newsfuse.group.params import GroupingParams

    params = GroupingParams.for_embedder("minilm")
    documents = load_documents(args.data)
    gold = {doc_id: cluster for doc_id, cluster, _ in documents}
    if args.strip_openers:
        cut = [(d, c, strip_openers(t)) for d, c, t in documents]
        changed = sum(a[2] != b[2] for a, b in zip(documents, cut, strict=True))
        print(f"Openers cut from {changed} texts")
        documents = cut
    copied = copied_documents(documents)
    with tempfile.TemporaryDirectory() as workdir:
        assignment, _ = cluster_documents(documents, args.seed, "minilm", Path(workdir))
    articles = pipeline.read_report([{"id": d, "text": t} for d, _, t in documents]).articles
    by_id = {a.id: a for a in articles}
    position = {a.id: n for n, a in enumerate(articles)}
    joined, _, _ = compute_scores([(a.title, a.text) for a in articles], "minilm")
    now = datetime.now(UTC)
    features = {a.id: compute_features(a, now, params) for a in articles}
    marks = {key: _by_noun(f.key_numbers) for key, f in features.items()}
    counts = {a.id: count_terms(a.title + "\n" + a.text) for a in articles}
    frequencies = DocumentFrequencies.empty()
    for article_counts in counts.values():
        frequencies.add(article_counts)
    terms = {key: weigh_terms(c, frequencies) for key, c in counts.items()}
    whole = replace(params, key_number_sentences=10**6)
    text_figures = {a.id: set(extract_key_numbers(a, whole)) for a in articles}
    opinion = {a.id: reads_as_opinion(a.text) for a in articles}
    text_dates = {a.id: {d.date() for d in find_text_dates(a.text)} for a in articles}

    clusters = list(dict.fromkeys(gold.values()))
    half_of = {cluster: "AB"[n % 2] for n, cluster in enumerate(clusters)}
    total = len(gold)

    def classify(first: str, second: str) -> str:
        if first not in by_id or second not in by_id:
            return "non-article"
        if first in copied or second in copied:
            return "copy"
        if not same_language(by_id[first].language, by_id[second].language):
            return "language"
        dates = features[first].date, features[second].date
        if dates[0].known and dates[1].known:
            gap = abs((dates[0].when - dates[1].when).total_seconds()) / 86400
            if gap > params.story_window_days:
                return "time window"
        a, b = marks[first], marks[second]
        conflicts = [
            name
            for name, holds in (
                ("figure", _numbers_conflict(a, b) or _numbers_conflict(b, a)),
                ("day", conflict_in_days(a, b, params.day_mark_tolerance_days)),
                ("place", conflict_in_places(a, b, terms[first], terms[second])),
            )
            if holds
        ]
        score = float(joined[position[first], position[second]])
        if score >= 1.0:
            if conflicts:
                return f"conflict, bar reached: {conflicts[0]}"
            return "bar reached, no conflict"
        if conflicts:
            return "conflict below the bar"
        if opinion[first] or opinion[second]:
            return "opinion / first person"
        if score >= 0.7:
            return "near [0.7, 1)"
        if score >= 0.4:
            return "weak [0.4, 0.7)"
        return "other angle (< 0.4)"

    pairs: dict[str, Counter[str]] = {c: Counter() for c in CLASSES}
    cost: dict[str, defaultdict[str, float]] = {c: defaultdict(float) for c in CLASSES}
    for first, second, pair_cost in split_pairs(assignment, gold):
        cluster = gold[first]
        reason = classify(first, second)
        if args.show and reason == args.show:
            both_read = first in by_id and second in by_id
            score = float(joined[position[first], position[second]]) if both_read else 0.0
            for doc_id in (first, second):
                text = by_id[doc_id].text if doc_id in by_id else "(left out)"
                mark = "op" if doc_id in by_id and opinion[doc_id] else "  "
                print(f"{score:.2f} {mark} {doc_id}: {' '.join(text.split())[:110]}")
        for key in ("all", half_of[cluster]):
            pairs[reason][key] += 1
            cost[reason][key] += pair_cost

    # Would a story-to-story merge on shared key figures or dates reach the split pairs?
    # Among read, non-copied pairs in the ambiguous band with no conflict: how many
    # share a key figure (same noun, same value) or a full date in their leads.
    band: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    readable = sorted(d for d in by_id if d not in copied)
    for first, second in itertools.combinations(readable, 2):
        score = float(joined[position[first], position[second]])
        if not args.band[0] <= score < args.band[1]:
            continue
        a, b = marks[first], marks[second]
        if (
            _numbers_conflict(a, b)
            or _numbers_conflict(b, a)
            or conflict_in_days(a, b, params.day_mark_tolerance_days)
            or conflict_in_places(a, b, terms[first], terms[second])
        ):
            continue
        same = gold[first] == gold[second]
        if same and assignment[first] == assignment[second]:
            continue
        band[same]["pairs"] += 1
        figures = {
            (noun, value)
            for noun, values in a.items()
            if not noun.startswith("@")
            for value in values & b.get(noun, set())
        }
        band[same]["shared figure, lead"] += bool(figures)
        band[same]["shared date, lead"] += bool(a.get(DATE_MARK, set()) & b.get(DATE_MARK, set()))
        band[same]["shared figure, whole text"] += bool(text_figures[first] & text_figures[second])
        band[same]["shared date, whole text"] += bool(text_dates[first] & text_dates[second])
        band[same]["one side first person"] += opinion[first] or opinion[second]

    ids = sorted(gold)
    p, r, f = bcubed([assignment[d] for d in ids], [gold[d] for d in ids])
    print(
        f"Multi-News dev: {total} documents, {len(by_id)} read; order seed {args.seed}; "
        f"P {p:.3f} R {r:.3f} F1 {f:.3f} (1 - R = {1 - r:.3f})"
    )
    print(
        "\n| class | split pairs | recall cost | F1 if only it were won (P held) "
        "| pairs A / B | cost A / B |"
    )
    print("|---|---|---|---|---|---|")
    for reason in CLASSES:
        won = r + cost[reason]["all"]
        print(
            f"| {reason} | {pairs[reason]['all']} | {cost[reason]['all']:.4f} | "
            f"{2 * p * won / (p + won):.3f} | {pairs[reason]['A']} / {pairs[reason]['B']} | "
            f"{cost[reason]['A']:.4f} / {cost[reason]['B']:.4f} |"
        )
    every = sum(c["all"] for c in cost.values())
    print(f"| total | {sum(c['all'] for c in pairs.values())} | {every:.4f} | | | |")
    print(
        f"\nPairs of read documents with pair score in [{args.band[0]}, {args.band[1]}), "
        "no conflict: "
        "same-cluster pairs the index split / different-cluster pairs"
    )
    print("| signal | same cluster, split | different clusters |\n|---|---|---|")
    for key in band[False]:
        print(f"| {key} | {band[True][key]} | {band[False][key]} |")


if __name__ == "__main__":
    main()
