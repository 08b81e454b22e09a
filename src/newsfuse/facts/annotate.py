"""Flag brief sentences that state a figure other sources dispute.

The note names the other sources' values by article id ("600 according to
[b]"); the renderer maps the ids to source numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsfuse.facts.numbers import format_value
from newsfuse.facts.params import FactParams
from newsfuse.facts.verdict import values_agree
from newsfuse.model import BriefSentence, Citation, Claim, Fact


def _describe_value(claim: Claim) -> str:
    """A claim's value as a note shows it: "600", "USD 2.5 million", "40 miles"."""
    if isinstance(claim.value, str):
        return claim.value
    if claim.kind in ("count", "age") or claim.unit is None:
        return format_value(claim.value)
    if claim.kind == "money":
        return f"{claim.unit} {format_value(claim.value)}"
    return claim.text.strip()


def annotate_brief(
    sentences: Sequence[BriefSentence], facts: Sequence[Fact], params: FactParams = FactParams()
) -> list[BriefSentence]:
    """Flag brief sentences that state a figure other sources dispute.

    For every conflict or revision with a claim inside a sentence's own spans (its
    first citation, and the next ones from the same article: a compressed sentence's
    kept pieces), the sentence's ``note`` lists the other sources' values,
    e.g. ``"600 according to [b]"`` (article ids; the renderer maps them to
    source numbers). A revision is flagged as ``"later revised to 45 [c]"``.
    """
    annotated = []
    for sentence in sentences:
        notes: list[str] = []
        if sentence.citations:
            # A compressed sentence (``summary.compress``) cites one span per kept piece.
            own = _own_spans(sentence.citations)
            for fact in facts:
                if fact.status not in ("conflict", "revision"):
                    continue
                inside = [
                    claim
                    for claim in fact.claims
                    if any(
                        claim.article_id == cited.article_id
                        and cited.start <= claim.start
                        and claim.end <= cited.end
                        for cited in own
                    )
                ]
                if not inside:
                    continue
                notes.extend(_dispute_notes(fact, inside[0], params))
        if notes:
            note = "; ".join(dict.fromkeys(notes))
            if sentence.note:
                note = f"{sentence.note}; {note}"
            annotated.append(replace(sentence, note=note))
        else:
            annotated.append(sentence)
    return annotated


def _dispute_notes(fact: Fact, stated: Claim, params: FactParams) -> list[str]:
    """ "<value> according to [x], [y]" for each value that differs from ``stated``."""
    by_value: dict[str, list[str]] = {}
    for claim in fact.claims:
        if claim.article_id == stated.article_id or values_agree(claim, stated, params):
            continue
        by_value.setdefault(_describe_value(claim), []).append(f"[{claim.article_id}]")
    verb = "later reported as" if fact.status == "revision" else ""
    return [
        f"{verb + ' ' if verb else ''}{value} according to {', '.join(ids)}"
        for value, ids in by_value.items()
    ]


def _own_spans(citations: Sequence[Citation]) -> list[Citation]:
    """The leading citations from the first one's article: the spans the sentence is made of."""
    own = []
    for citation in citations:
        if citation.article_id != citations[0].article_id:
            break
        own.append(citation)
    return own
