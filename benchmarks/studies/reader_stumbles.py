"""Study: ran on branch readable4 (2026-12-04); what it showed is in
docs/benchmarks-readability.md. Counts, per data set and budget, the classes of
sentence a person reading the briefs still stumbles over (issue 18), text-only:

1. ``additive``: "also", a final "too", "as well", "again" or "the other" outside
   quotation marks (``summary.lexical.additive_outside_quotes``) in the first sentence of
   a brief sentence (or passage) whose article's sentence before it is not in the brief
   (what it adds to is likely never said);
2. ``narrator``: a first-person singular narrator outside quotation marks ("I knew ...");
   ``deictic``: "this picture", "these photos", "the video below", never introduced
   (no earlier brief sentence names that medium);
3. ``definite``: "the" + a lower-case content word no earlier brief sentence (nor the
   sentence before it) uses, in a sentence past the first; a crude upper bound;
4. ``quote runs``: three or more quoting sentences in a row with one speaker (the same
   word beside a verb of saying, or a pronoun after a named one);
5. ``verbless titles``: made-up headlines with no verb (spaCy);
6. ``promotion``: a lead or headline, and any sentence, that is the outlet's own
   promotion (``summary.lexical.promotes_outlet``).

Usage::

    python benchmarks/studies/reader_stumbles.py DATA [DATA ...] --budget 120 300
        [--param NAME=VALUE] [--show 5]
"""

from __future__ import annotations

import argparse
import re
from dataclasses import replace
from pathlib import Path

import study_paths  # noqa: F401

from newsfuse.facts.nlp import load_pipeline
from newsfuse.model import Article
from newsfuse.segment import split_sentences
from newsfuse.summary import summarize
from newsfuse.summary.headline import make_headline
from newsfuse.summary.lexical import (
    REPORTING_VERBS,
    additive_outside_quotes,
    content_words,
    first_person_narrator,
    promotes_outlet,
    shown_medium,
    words,
)
from newsfuse.summary.params import BriefParams
from newsfuse.summary.stop_words import ENGLISH_STOP_WORDS
from readability import parse_param, read_prepared

_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_DEFINITE = re.compile(r"\bthe\s+([a-z][a-z-]{2,})\b")
_PRONOUNS = frozenset({"he", "she", "they"})


def speaker(text: str) -> str:
    """The word beside a verb of saying outside quotation marks ('' if none)."""
    outside = words(_QUOTED.sub(" ", text))
    for position, word in enumerate(outside):
        if word.lower() in REPORTING_VERBS:
            around = [outside[p] for p in (position - 1, position + 1) if 0 <= p < len(outside)]
            for candidate in around:
                if candidate[:1].isupper() or candidate.lower() in _PRONOUNS:
                    return candidate.lower()
    return ""


def quote_runs(texts: list[str]) -> int:
    """Runs of three or more quoting sentences in a row with one speaker."""
    runs = 0
    length, current = 0, ""
    for text in texts:
        quoted = any(len(q.split()) >= 4 for q in _QUOTED.findall(text))
        who = speaker(text) if quoted else ""
        if quoted and who and (who == current or (who in _PRONOUNS and current)):
            length += 1
        elif quoted and who:
            length, current = 1, who if who not in _PRONOUNS else ""
        else:
            length, current = 0, ""
        if length == 3:
            runs += 1
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--budget", type=int, nargs="+", default=[120, 300])
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--show", type=int, default=0)
    arguments = parser.parse_args()
    params = replace(BriefParams(), **dict(parse_param(text) for text in arguments.param))
    nlp = load_pipeline()
    print(
        "| set | budget | sentences | additive | narrator | deictic | definite (crude) "
        "| quote runs | verbless titles | promoting lead/title | promoting sentences |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    shown: dict[str, list[str]] = {}
    for path in arguments.data:
        clusters = read_prepared(path, None)
        for budget in arguments.budget:
            counts = dict.fromkeys(
                ("sentences", "additive", "narrator", "deictic", "definite", "runs"), 0
            )
            counts |= dict.fromkeys(("verbless", "promo lead", "promo"), 0)
            for prepared in clusters:
                articles = list(prepared.articles)
                brief = summarize(articles, budget, params=params)
                if not brief:
                    continue
                texts = [s.text for s in brief]
                by_article = {
                    a.id: list(sentences)
                    for a, sentences in zip(articles, prepared.sentences, strict=True)
                }
                spans = [(c.article_id, c.start, c.end) for s in brief for c in s.citations[:1]]
                counts["sentences"] += len(texts)
                for position, sentence in enumerate(brief):
                    text = sentence.text
                    source = sentence.citations[0]
                    article_sentences = by_article.get(source.article_id, [])
                    before = [s for s in article_sentences if s.end <= source.start]
                    previous_kept = not before or any(
                        a == source.article_id and start <= before[-1].start < end
                        for a, start, end in spans
                    )
                    # In a passage, only its first sentence's additive leans outside it.
                    opening = split_sentences(Article(id="s", text=text))[:1]
                    first = opening[0].text if opening else text
                    if additive_outside_quotes(first) and not previous_kept:
                        counts["additive"] += 1
                        shown.setdefault("additive", []).append(text)
                    outside = _QUOTED.sub(" ", text)
                    if first_person_narrator(text):
                        counts["narrator"] += 1
                        shown.setdefault("narrator", []).append(text)
                    medium = shown_medium(text)
                    if medium and not any(medium in t.lower() for t in texts[:position]):
                        counts["deictic"] += 1
                        shown.setdefault("deictic", []).append(text)
                    if position:
                        earlier = {w for t in texts[:position] for w in content_words(t)}
                        for match in _DEFINITE.finditer(outside):
                            word = match[1]
                            if word in ENGLISH_STOP_WORDS:
                                continue
                            head = outside[: match.start()]
                            if not (content_words(word) & (earlier | content_words(head))):
                                counts["definite"] += 1
                                shown.setdefault("definite", []).append(f"[{word}] {text}")
                                break
                    if promotes_outlet(text):
                        counts["promo"] += 1
                        shown.setdefault("promotion", []).append(text)
                counts["runs"] += quote_runs(texts)
                title = make_headline(articles, brief, params)
                if promotes_outlet(title) or promotes_outlet(texts[0]):
                    counts["promo lead"] += 1
                if not any(a.title.strip() for a in articles):
                    doc = nlp(title)
                    if not any(t.pos_ in {"VERB", "AUX"} for t in doc):
                        counts["verbless"] += 1
                        shown.setdefault("verbless title", []).append(title)
            print(
                f"| {path.name} | {budget} | " + " | ".join(str(counts[k]) for k in counts) + " |"
            )
    if arguments.show:
        for kind, texts in shown.items():
            print(f"\n## {kind} ({len(texts)})")
            for text in texts[: arguments.show]:
                print(f"- {text[:220]}")


if __name__ == "__main__":
    main()
