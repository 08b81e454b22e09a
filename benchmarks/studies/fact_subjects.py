"""Study: ran on commits a83d158 and the `subjects` branch (2026-12-04); what it showed is
in docs/benchmarks-facts.md. Prints every fact row's subject with its claims' sentences
and counts the subjects that do not read as noun phrases made of the sources' words.

A subject is counted bad, under the first of these that holds:

- ``not in source``: a word of it (other than the words subjects add: "date", "amount
  of", "distance of ... from", ...) is written in none of its claims' articles, nor is
  it the plural of a word they write ("storeys" for "a two-storey building"): a stem;
- ``no content``: it holds no word but a figure, a determiner or a pronoun ("Hundreds");
- ``lower-cased name``: a word the articles only write capitalised mid-sentence
  ("iraqi" for "Iraqi");
- ``dropped link``: two of its words stand apart in the claim's sentence with a
  preposition, "to", a determiner or a verb between them that the subject left out
  ("treated hospital" for "treated in hospital", "date number rose" for "the number");
- ``dangling verb``: it ends in a verb whose particle, object or figure-holding
  preposition it left out ("damage put" for "damage put at £2.4 million").

Usage (each SET is example, seeds, dev, dev2, real-dev, mn-a or mn-b; mn-a is the first
ten of the first twenty Multi-News dev clusters, mn-b the next ten):
    python benchmarks/studies/fact_subjects.py SET [SET ...] [--bad-only] [--quiet]
        [--param NAME=true|false ...]   (a true/false FactParams field, for ablations)
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from fact_errors import cluster_articles, document_records, labelled_clusters
from study_paths import ROOT

from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.nlp import load_pipeline
from newsfuse.model import Article, Fact
from newsfuse.pipeline import read_report
from shared_data import shared_path

# Words a subject adds around the sources' words ("amount of", "distance of ... from").
ADDED_WORDS = frozenset(
    {"date", "year", "amount", "percentage", "distance", "area", "mass", "volume", "duration",
     "speed", "temperature", "age", "of", "from", "the", "number", "votes", "for", "against",
     "who", "and", "where"}
)  # fmt: skip
# Words that name nothing on their own.
EMPTY_WORDS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "it", "its", "they", "them", "he",
     "she", "his", "her", "some", "all", "any", "each", "many", "several", "few"}
)  # fmt: skip
# Multi-News clusters read: the first 20 of the dev file, split in two halves.
MULTINEWS_CLUSTERS = 20
# Characters of a Multi-News cluster id printed, from its end.
SHOWN_ID_CHARACTERS = 12
# Tokens at most between two subject words for them to count as a dropped link.
GAP_TOKENS = 3
# Characters of a sentence shown at most.
SHOWN_CHARACTERS = 300


def parse_params(settings: list[str]) -> FactParams:
    """``FactParams()`` with each true/false ``NAME=VALUE`` applied. Not imported from
    benchmarks/facts.py, which puts this checkout's src first on the path."""
    changes = {}
    for setting in settings:
        name, _, value = setting.partition("=")
        if name not in FactParams.__dataclass_fields__ or value not in ("true", "false"):
            raise SystemExit(f"--param {setting}: not a true/false FactParams field")
        changes[name] = value == "true"
    return replace(FactParams(), **changes)


def read_set(name: str) -> Iterator[tuple[str, list[Article]]]:
    """The clusters of a data set, each as cleaned Articles (the product path)."""
    if name == "example":
        yield name, list(read_report([str(ROOT / "examples" / "harbour-fire")]).articles)
    elif name == "seeds":
        seeds = sorted(str(p) for p in shared_path("seeds").iterdir())
        yield name, list(read_report(seeds).articles)
    elif name in ("dev", "dev2", "real-dev"):
        for cluster in labelled_clusters(shared_path("bench", f"facts-{name}.jsonl")):
            yield cluster["id"], cluster_articles(cluster)
    elif name in ("mn-a", "mn-b"):
        lines = shared_path("data", "multinews-dev.jsonl").read_text().splitlines()
        half = MULTINEWS_CLUSTERS // 2
        chosen = lines[:half] if name == "mn-a" else lines[half:MULTINEWS_CLUSTERS]
        for line in chosen:
            cluster = json.loads(line)
            records = document_records(cluster["documents"], prefix="")
            yield cluster["id"][-SHOWN_ID_CHARACTERS:], list(read_report(records).articles)
    else:
        raise SystemExit(f"unknown set {name!r}")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The character span of the sentence (or line) holding ``text[start:end]``."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    match = re.search(r"\.\s|\n", text[end:])
    right = end + (match.start() + 1 if match else len(text) - end)
    return left, right


def subject_words(subject: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’-]*", subject)


def singulars(word: str) -> list[str]:
    """The singulars an English plural may have ("storeys" -> "storey", "men" -> "man"),
    by the regular rules and the few common irregular nouns; [] for no plural."""
    irregular = {"men": "man", "women": "woman", "children": "child", "people": "person",
                 "feet": "foot", "teeth": "tooth"}  # fmt: skip
    if word in irregular:
        return [irregular[word]]
    if word.endswith("ies"):
        return [f"{word[:-3]}y"]
    if word.endswith("es"):
        return [word[:-2], word[:-1]]
    if word.endswith("s") and not word.endswith("ss"):
        return [word[:-1]]
    return []


def judge(fact: Fact, texts: dict[str, str], nlp: object) -> str:
    """The first reason the subject is not a readable noun phrase of the sources' words,
    or "" when it is."""
    words = subject_words(fact.subject)
    sources = " ".join(texts[c.article_id] for c in fact.claims)
    lowered = sources.lower()
    own = [w for w in words if w.lower() not in ADDED_WORDS]
    for word in own:
        forms = [word.lower(), *singulars(word.lower())]
        if not any(re.search(rf"(?<![A-Za-z]){re.escape(f)}(?![A-Za-z])", lowered) for f in forms):
            return "not in source"
    if not [w for w in own if w.lower() not in EMPTY_WORDS]:
        return "no content"
    for word in own:
        if word != word.lower():
            continue
        found = re.finditer(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", sources, re.I)
        written = [(m.group(), sources[max(0, m.start() - 2) : m.start()]) for m in found]
        capitalised = written and all(w[0].isupper() for w, _ in written)
        mid_sentence = any(not re.search(r"[.!?\n]\s*$|^$", before) for _, before in written)
        if capitalised and mid_sentence:
            return "lower-cased name"
    # Past the first word ("date", "amount of"), only "of", "from" and "the" are added.
    first_added = words[:1] and words[0].lower() in ADDED_WORDS
    own = [w for w in words[1 if first_added else 0 :] if w.lower() not in ("of", "from", "the")]
    claim = fact.claims[0]
    text = texts[claim.article_id]
    left, right = sentence_span(text, claim.start, claim.end)
    doc = nlp(text[left:right])  # type: ignore[operator]
    figure = range(claim.start - left, claim.end - left)
    tokens = [t for t in doc]
    position = -1
    matched = []
    for word in own:
        index = next((t.i for t in tokens[position + 1 :] if t.text.lower() == word.lower()), None)
        if index is None:
            index = next((t.i for t in tokens if t.text.lower() == word.lower()), None)
            if index is None:
                matched.append(None)
                continue
        else:
            position = index
        matched.append(index)
    said = {w.lower() for w in words}
    for first, second in pairwise(matched):
        if first is None or second is None:
            continue
        moved = tokens[second]
        if second < first and moved.pos_ not in ("VERB", "ADJ") and moved.tag_ != "VBN":
            return "reordered"  # "later day" for "a day or two later"
        if not 1 < second - first <= GAP_TOKENS + 1:
            continue
        gap = [t for t in tokens[first + 1 : second] if t.lower_ not in said]
        if any(t.idx in figure for t in gap):
            continue
        if any(
            t.pos_ in ("ADP", "DET", "VERB") or t.lower_ == "to" or t.text in ("'s", "’s")
            for t in gap
        ):
            return "dropped link"
    # "date the fire broke out", "duration Laura spent": a clause with the figure gapped.
    clause = bool(first_added) and len(words) > 1 and words[1].lower() not in ("of", "from")
    start = matched[0] if matched else None
    if clause and start is not None and len(own) > 1:
        before = tokens[start - 1] if start > 0 else None
        if before is not None and before.lower_ == "the" and "the" not in said:
            return "dropped link"  # "date number rose" for "the number rose"
    last = matched[-1] if matched else None
    if last is not None and tokens[last].tag_.startswith("VB") and len(own) > 1:
        verb = tokens[last]
        in_subject = {i for i in matched if i is not None}
        for child in verb.children:
            if child.i in in_subject or child.lower_ in said:
                continue
            if clause and any(g.idx in figure for g in child.subtree):
                continue  # the figure itself is the gap of the clause
            if child.dep_ in ("prt", "dobj", "oprd", "xcomp", "dative"):
                return "dangling verb"
            holds_figure = any(g.idx in figure for g in child.subtree)
            if child.dep_ in ("prep", "agent") and holds_figure:
                return "dangling verb"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--bad-only", action="store_true", help="Print only the bad rows.")
    parser.add_argument("--quiet", action="store_true", help="Print only the counts.")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    params = parse_params(args.param)
    nlp = load_pipeline()
    for name in args.sets:
        reasons: Counter[str] = Counter()
        rows = 0
        for cluster, articles in read_set(name):
            if not articles:
                continue
            texts = {a.id: a.text for a in articles}
            facts = compare_facts(articles, params=params)
            for fact in facts:
                if fact.kind in ("person", "place", "organization"):
                    continue
                rows += 1
                reason = judge(fact, texts, nlp)
                reasons[reason or "ok"] += 1
                if args.quiet or (args.bad_only and not reason):
                    continue
                print(f"{cluster} | {fact.subject} | {fact.status} | {reason or 'ok'}")
                for claim in fact.claims[:2]:
                    text = texts[claim.article_id]
                    left, right = sentence_span(text, claim.start, claim.end)
                    shown = f"{text[left : claim.start]}[[{text[claim.start : claim.end]}]]"
                    shown += text[claim.end : right]
                    print(f"    {claim.article_id}: {' '.join(shown.split())[:SHOWN_CHARACTERS]}")
        bad = rows - reasons["ok"]
        detail = ", ".join(f"{r} {n}" for r, n in sorted(reasons.items()) if r != "ok")
        print(f"subjects: {name}: {bad} bad of {rows} rows ({detail})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
