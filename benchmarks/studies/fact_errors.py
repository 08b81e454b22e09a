"""Study: ran on commit 108a0ed (2026-12-03); what it showed is in docs/benchmarks-facts.md
(the classes of false conflicts on facts-real-dev and facts-dev2). Lists every false and
missed conflict of a run with the sentences of its claims, to read errors as classes.

Takes the labelled cluster file and the predictions that ``benchmarks/facts.py
--predictions OUT`` wrote, matches them with the set's own evaluator
(``--evaluator``; default ``facts_eval.py`` next to DATA, else the shared one in
``../shared/bench/``, so that the sets in benchmarks/data/ work too), and prints per
cluster each predicted conflict that matches no labelled conflict or revision (FP), with
each claim's sentence (the claim in [[ ]]), and each labelled conflict not found (MISS), with every
predicted fact that holds one of its values and the status it got. The texts
are read through the product path (ingest + clean), as ``--clean`` does, so the
claims' character spans fit.

Usage:
    python benchmarks/facts.py DATA --clean --predictions /tmp/pred.jsonl
    python benchmarks/studies/fact_errors.py DATA /tmp/pred.jsonl [--evaluator PATH]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from study_paths import BENCHMARKS

from newsfuse.pipeline import read_report
from shared_data import shared_path

if TYPE_CHECKING:
    from newsfuse.model import Article

# Characters of a sentence shown at most: enough for a clause either side of a claim.
SHOWN_CHARACTERS = 400


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding ``text[start:end]``, the claim marked ``[[...]]``,
    whitespace collapsed and cut to ``SHOWN_CHARACTERS``."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    match = re.search(r"\.\s|\n", text[end:])
    right = end + (match.start() + 1 if match else len(text) - end)
    marked = f"{text[left:start]}[[{text[start:end]}]]{text[end:right]}"
    return " ".join(marked.split())[:SHOWN_CHARACTERS]


def evaluator_path(data: Path, given: Path | None) -> Path:
    """The evaluator to match with: ``given`` if any, else ``facts_eval.py`` next to
    ``data`` when there is one, else the shared ``../shared/bench/facts_eval.py``."""
    if given is not None:
        return given
    beside = data.parent / "facts_eval.py"
    return beside if beside.exists() else shared_path("bench", "facts_eval.py")


# The labelled sets a study reads by name: the shared dev sets and the study sets of
# benchmarks/data/ (never the transfer sets heldout2, heldout3 and heldout6).
STUDY_SETS = {
    **{name: shared_path("bench", f"facts-{name}.jsonl") for name in ("dev", "dev2", "real-dev")},
    **{
        name: BENCHMARKS / "data" / f"facts-{name}.jsonl"
        for name in ("heldout", "heldout4", "heldout5", "heldout7")
    },
}

# The evaluator's number match (facts_eval.py): figures within this relative tolerance
# match, except whole numbers below EXACT_BELOW, which must be equal.
VALUE_TOLERANCE = 0.03
EXACT_BELOW = 100
# A date value is compared on its ISO day ("2026-12-05"), the characters before any time.
ISO_DAY_CHARACTERS = 10


def numbers_match(labelled: float, found: float) -> bool:
    """Whether ``found`` matches the ``labelled`` number as the evaluator matches them."""
    if float(labelled).is_integer() and abs(labelled) < EXACT_BELOW:
        return found == float(labelled)
    return abs(found - labelled) <= VALUE_TOLERANCE * max(abs(labelled), abs(found))


# An article's opening this long names it in both Multi-News dev and facts-real-dev.
OPENING_CHARACTERS = 200
# Multi-News dev lines before this one are the audit's half A.
AUDIT_HALF = 61


def document_records(documents: list[str], prefix: str = "d") -> list[dict[str, str]]:
    """A Multi-News cluster's documents as ingest records with the ids ``d0``, ``d1`` …
    (``prefix`` before the index)."""
    return [{"id": f"{prefix}{index}", "text": text} for index, text in enumerate(documents)]


def cluster_articles(cluster: dict[str, Any]) -> list[Article]:
    """A cluster's articles read through ingest + clean, as ``benchmarks/facts.py --clean``
    reads them: its ``articles`` records, or else its Multi-News ``documents``."""
    records = cluster.get("articles") or document_records(cluster["documents"])
    return list(read_report(records).articles)


def unlabelled_clusters(
    data: Path | None = None, real: Path | None = None
) -> Iterator[tuple[int, list[Article]]]:
    """The Multi-News dev clusters (``data``) that facts-real-dev (``real``) does not
    score, with their line numbers, read through ingest + clean; defaults: the shared
    files. A cluster is named by its articles' openings (``OPENING_CHARACTERS``)."""
    real = real or shared_path("bench", "facts-real-dev.jsonl")
    data = data or shared_path("data", "multinews-dev.jsonl")
    labelled = {
        article["text"][:OPENING_CHARACTERS]
        for cluster in labelled_clusters(real)
        for article in cluster["articles"]
    }
    for number, line in enumerate(data.read_text(encoding="utf-8").splitlines()):
        documents = json.loads(line)["documents"]
        if any(document[:OPENING_CHARACTERS] in labelled for document in documents):
            continue
        yield number, list(read_report(document_records(documents)).articles)


def audit_clusters() -> Iterator[tuple[int, list[Article]]]:
    """The real clusters the audit reads, with their line numbers in Multi-News dev: those
    not scored in facts-real-dev, read through ingest + clean, with two articles or more."""
    for number, articles in unlabelled_clusters():
        if len(articles) >= 2:
            yield number, articles


def json_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file, blank lines skipped."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def labelled_clusters(path: Path) -> Iterator[dict[str, Any]]:
    """The clusters of a labelled fact set (JSON Lines), blank lines skipped."""
    return json_records(path)


def read_predictions(path: Path) -> dict[str, list[Any]]:
    """The facts ``benchmarks/facts.py --predictions`` wrote, by cluster id."""
    return {record["id"]: record["facts"] for record in json_records(path)}


def _load_evaluator(path: Path) -> ModuleType:
    specification = importlib.util.spec_from_file_location("facts_eval", path)
    if specification is None or specification.loader is None:
        raise SystemExit(f"{path}: cannot load the evaluator")
    module = importlib.util.module_from_spec(specification)
    sys.modules["facts_eval"] = module  # its dataclasses look their module up
    specification.loader.exec_module(module)
    return module


def _values(claims_by_article: dict[str, list[dict[str, Any]]]) -> str:
    return "; ".join(f"{a}={c['value']}" for a, cs in claims_by_article.items() for c in cs)


def report_cluster(evaluator: ModuleType, cluster: dict[str, Any], raw_facts: list[Any]) -> None:
    """Print one cluster's false and missed conflicts (nothing when it has none)."""
    facts = evaluator.read_facts(raw_facts, [])
    expected = [e for e in cluster["expect"] if e["status"] in ("conflict", "revision")]
    predicted = [f for f in facts if f.status == "conflict"]
    matched = evaluator.max_matching(expected, predicted, evaluator.fact_matches)
    false = [f for j, f in enumerate(predicted) if j not in set(matched.values())]
    missed = [e for i, e in enumerate(expected) if i not in matched and e["status"] == "conflict"]
    if not false and not missed:
        return
    texts = {a.id: a.text for a in cluster_articles(cluster)}
    print(f"== {cluster['id']}")
    for fact in false:
        print(f"  FP   {fact.subject}")
        for article, claims in fact.claims_by_article.items():
            for claim in claims:
                shown = sentence_around(texts[article], claim["start"], claim["end"])
                print(f"    {article} {claim['value']}: {shown}")
    for item in missed:
        print(f"  MISS {item['about']}")
        for article, wanted in item["claims"].items():
            print(f"    {article} {wanted['value']} {wanted.get('unit', '')} ({wanted['text']!r})")
            for fact in facts:
                for claim in fact.claims_by_article.get(article, []):
                    if evaluator.value_matches(wanted, claim):
                        shown = sentence_around(texts[article], claim["start"], claim["end"])
                        values = _values(fact.claims_by_article)
                        print(f"       in {fact.status} '{fact.subject}' [{values}]: {shown}")


def report_false_revisions(
    evaluator: ModuleType, cluster: dict[str, Any], raw_facts: list[Any]
) -> None:
    """Print one cluster's predicted revisions that match no labelled revision (FP), with
    each claim's sentence, the article's publication time, and the label (if any) that
    holds one of its values: what a reader was wrongly told had been corrected."""
    facts = evaluator.read_facts(raw_facts, [])
    expected = [e for e in cluster["expect"] if e["status"] == "revision"]
    predicted = [f for f in facts if f.status == "revision"]
    matched = evaluator.max_matching(expected, predicted, evaluator.fact_matches)
    false = [f for j, f in enumerate(predicted) if j not in set(matched.values())]
    if not false:
        return
    articles = {a.id: a for a in cluster_articles(cluster)}
    print(f"== {cluster['id']}")
    for fact in false:
        labels = sorted(
            {
                f"{item['status']} '{item['about']}'"
                for item in cluster["expect"]
                for article, claims in fact.claims_by_article.items()
                for claim in claims
                if article in item["claims"]
                and evaluator.value_matches(item["claims"][article], claim)
            }
        )
        print(f"  FP revision {fact.subject} [{_values(fact.claims_by_article)}]")
        print(f"    label: {'; '.join(labels) or 'unlabelled'}")
        for article, claims in fact.claims_by_article.items():
            for claim in claims:
                text = articles[article].text
                shown = sentence_around(text, claim["start"], claim["end"])
                print(f"    {article} {articles[article].published} {claim['value']}: {shown}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("predictions", type=Path)
    parser.add_argument(
        "--evaluator",
        type=Path,
        help="path of facts_eval.py (default: next to DATA, else ../shared/bench/)",
    )
    parser.add_argument(
        "--revisions", action="store_true", help="list false revisions instead of conflicts"
    )
    args = parser.parse_args()
    evaluator = _load_evaluator(evaluator_path(args.data, args.evaluator))
    predictions = read_predictions(args.predictions)
    report = report_false_revisions if args.revisions else report_cluster
    for cluster in labelled_clusters(args.data):
        report(evaluator, cluster, predictions.get(cluster["id"], []))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
