"""The articles parsed by spaCy, and the named people, places and organisations it finds.

The pipeline is loaded once by :mod:`newsfuse.facts.nlp`. Parsing is most of
the fact comparison's time, so only the sentences that hold a claim are parsed
(see :func:`parse_articles`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsfuse.embed.threads import single_threaded_blas
from newsfuse.facts.nlp import load_pipeline
from newsfuse.facts.recogniser import recognise_names
from newsfuse.model import Article, Claim, ClaimKind, Sentence
from newsfuse.segment import split_sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import TrainablePipe
    from spacy.tokens import Doc

# Key of a Doc's user data holding the names found in the whole text, when only some
# sentences were parsed: (start, end, label, text) each.
_ALL_ENTITIES = "newsfuse_all_entities"
# A sentence closed off by a full stop, "!" or "?", perhaps inside quotes or brackets:
# the parser does not join what follows it.
_CLOSED_RE = re.compile(r"[.!?][\"'’”)\]]*\s*$")
# A title word between a name and a person ("Group [Commander] Elspeth Varga").
_TITLE_WORD_RE = re.compile(r"\s+[A-Z][a-z]+\s+")
# spaCy labels kept as entity claims, and the claim kind each becomes.
ENTITY_KINDS: dict[str, ClaimKind] = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organization",
}


def parse_articles(
    articles: Sequence[Article],
    claims: Sequence[Sequence[Claim]] | None = None,
    *,
    context: int = 0,
    names_in_whole_text: bool = True,
) -> list[Doc]:
    """Parse the articles in one batch (tagger, parser, NER), each as one Doc.

    With ``claims`` (one list per article), only the sentences that matter to
    the comparison are tagged and parsed (see :func:`_mask_sentences`): those
    holding a claim with ``context`` sentences either side, the ones the parser
    would join to them, and the lede. The other sentences are blanked to
    spaces, so each Doc keeps the article's character offsets and
    ``doc.char_span`` finds every claim. Names are still recognised in the
    whole text (the recogniser has its own token vectors, so it finds what it
    finds in a full parse): the Doc's ``ents`` are those in the parsed
    sentences, and :func:`extract_entities` reads all of them. With
    ``names_in_whole_text`` false, names are recognised only in the parsed
    sentences, except in an article with an age (whose owner may be named
    anywhere), which is still read whole.
    """
    nlp = load_pipeline()
    # One BLAS thread: a second one spins on the same cores and costs CPU for no speed.
    with single_threaded_blas():
        return _parse(nlp, articles, claims, context, names_in_whole_text)


def _parse(
    nlp: Language,
    articles: Sequence[Article],
    claims: Sequence[Sequence[Claim]] | None,
    context: int,
    names_in_whole_text: bool,
) -> list[Doc]:
    """The body of :func:`parse_articles`."""
    if claims is None:
        return list(nlp.pipe(article.text for article in articles))
    recogniser: TrainablePipe = nlp.get_pipe("ner")
    whole = [
        names_in_whole_text or any(claim.kind == "age" for claim in article_claims)
        for article_claims in claims
    ]
    read_whole = iter(
        recognise_names(
            recogniser,
            [
                nlp.make_doc(article.text)
                for article, wanted in zip(articles, whole, strict=True)
                if wanted
            ],
        )
    )
    named = [next(read_whole) if wanted else None for wanted in whole]
    docs = []
    texts = []
    sentence_starts: list[list[int]] = []
    for article, article_claims, full in zip(articles, claims, named, strict=True):
        people = (
            []
            if full is None
            else [entity.start_char for entity in full.ents if entity.label_ == "PERSON"]
        )
        text, starts = _mask_sentences(article, article_claims, people, context=context)
        docs.append(nlp.make_doc(text))
        texts.append(text)
        sentence_starts.append(starts)
    # Names in the parsed sentences alone, for the articles not read whole: found before
    # the sentence starts are set, while the Docs are as the tokenizer made them, so the
    # numpy decoder reads them (spaCy's own recogniser takes four times as long).
    alone = [doc for doc, full in zip(docs, named, strict=True) if full is None]
    recognise_names(recogniser, alone)
    for doc, starts in zip(docs, sentence_starts, strict=True):
        for start in starts:
            # A kept sentence after a blanked one starts a sentence, as it did in the
            # full text: else the parser joins it to the kept sentence before the blank.
            token = doc.char_span(start, start + 1, alignment_mode="expand")
            if token is not None and len(token) and token[0].idx == start:
                token[0].is_sent_start = True
    parsed = list(nlp.pipe(docs, disable=["ner"]))
    for doc, text, full in zip(parsed, texts, named, strict=True):
        if full is None:
            continue
        kept = []
        for entity in full.ents:
            # The masked text, not ``doc.text``, which joins every token anew on each read.
            if text[entity.start_char : entity.end_char] != entity.text:
                continue  # in a blanked sentence
            span = doc.char_span(entity.start_char, entity.end_char, label=entity.label_)
            if span is not None:
                kept.append(span)
        doc.ents = kept
        doc.user_data[_ALL_ENTITIES] = [
            (entity.start_char, entity.end_char, entity.label_, entity.text) for entity in full.ents
        ]
    return parsed


def _mask_sentences(
    article: Article, claims: Sequence[Claim], people: Sequence[int] = (), *, context: int = 0
) -> tuple[str, list[int]]:
    """The article's text with every sentence not needed for ``claims`` blanked to spaces,
    and the start of each kept sentence that follows a blanked one.

    Kept: the lede (which marks lede claims) and each sentence holding a claim
    with ``context`` sentences either side, since the tagger and parser read
    the neighbouring words (about four tokens either way) and choose the
    sentence breaks from them. ``people`` are the start offsets of the people
    named in the text: an age is given to a person in its sentence, else the
    last one named before it, else the first one after, so the sentences
    naming those are kept too. Each kept run then grows over the sentences the
    parser would join to it (see :func:`_join_open_sentences`).
    """
    sentences = split_sentences(article)
    if not sentences:
        return article.text, []
    ends = [sentence.end for sentence in sentences]
    keep = {0}
    for claim in claims:
        number = bisect.bisect_right(ends, claim.start)
        if number >= len(sentences):
            continue
        keep.update(range(number - context, number + context + 1))
        if claim.kind == "age":
            # The person may be named before or, in a delayed lede, after the age.
            keep.update((number - 1, number + 1))
            sentence = sentences[number]
            before = [start for start in people if start < sentence.start]
            after = [start for start in people if start >= sentence.end]
            if before:
                keep.add(bisect.bisect_right(ends, before[-1]))
            if after:
                keep.add(bisect.bisect_right(ends, after[0]))
    keep = _join_open_sentences(sentences, {n for n in keep if 0 <= n < len(sentences)})
    pieces: list[str] = []
    starts: list[int] = []
    position = 0
    for number, sentence in enumerate(sentences):
        if number in keep:
            if number - 1 not in keep and number > 0:
                starts.append(sentence.start)
            continue
        pieces.append(article.text[position : sentence.start])
        pieces.append(" " * (sentence.end - sentence.start))
        position = sentence.end
    pieces.append(article.text[position:])
    return "".join(pieces), starts


def _join_open_sentences(sentences: Sequence[Sentence], keep: set[int]) -> set[int]:
    """``keep`` grown over each neighbour that no full stop closes off from a kept sentence.

    A headline, byline, caption or list item ends without a full stop, and the
    parser reads it and what follows as one sentence ("Key numbers - Net
    profit: Rs 452 crore - Revenue: ..."): a claim's sentence then spans them
    all, so they are parsed together, as in the full text.
    """
    grown = set(keep)
    for number in keep:
        low = number
        while low > 0 and not _CLOSED_RE.search(sentences[low - 1].text):
            low -= 1
        high = number
        while high < len(sentences) - 1 and not _CLOSED_RE.search(sentences[high].text):
            high += 1
        grown.update(range(low, high + 1))
    return grown


def extract_entities(article: Article, doc: Doc, drop_title_words: bool = True) -> list[Claim]:
    """People, places and organisations named in the article, one claim per mention.

    With ``drop_title_words``, a one-word name written only as the first word of a
    person's title ("Group Commander Elspeth Varga") is left out.

    The value is the name as written with a leading "the" and possessive "'s"
    removed, so that "the Northern Front's" and "Northern Front" compare equal.
    """
    claims: list[Claim] = []
    found = doc.user_data.get(_ALL_ENTITIES)
    if found is None:
        found = [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
    people = {start for start, _, label, _ in found if label == "PERSON"}
    titled: dict[str, bool] = {}  # name -> written only before a title and a person
    for start, end, label, text in found:
        kind = ENTITY_KINDS.get(label)
        if kind is None:
            continue
        if drop_title_words and kind != "person":
            if text not in titled:
                titled[text] = _only_in_titles(article.text, text, people)
            if titled[text]:
                continue
        name = text.strip()
        for prefix in ("the ", "The "):
            if name.startswith(prefix):
                name = name[len(prefix) :]
        for suffix in ("'s", "’s"):
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        if len(name) < 2 or not any(char.isupper() for char in name):
            continue
        claims.append(
            Claim(
                article.id,
                start,
                end,
                text,
                kind,
                " ".join(name.split()),
            )
        )
    return claims


def _only_in_titles(text: str, name: str, people: set[int]) -> bool:
    """Whether a one-word name is written only as the first word of a person's title
    ("Group" in "Group Commander Elspeth Varga"): then it names no organisation or
    place. A name also written on its own ("the Fed", then "Fed Chair Jerome Powell")
    is kept."""
    if " " in name.strip() or not name.strip():
        return False
    found = False
    for match in re.finditer(rf"(?<![\w-]){re.escape(name.strip())}(?![\w-])", text):
        title = _TITLE_WORD_RE.match(text, match.end())
        if title is None or title.end() not in people:
            return False
        found = True
    return found
