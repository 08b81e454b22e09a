"""The fact comparison over a batch of articles: claims in, facts with verdicts out.

Extract claims from each article (:mod:`~newsfuse.facts.extract`,
:mod:`~newsfuse.facts.entities`), describe them (:mod:`~newsfuse.facts.describe`),
group them across articles (:mod:`~newsfuse.facts.cluster`), and give each group
a verdict (:mod:`~newsfuse.facts.verdict`) and a readable subject
(:mod:`~newsfuse.facts.subject`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np

from newsfuse.clean.classify import REASON_BYLINE, REASON_DATE, REASON_DATELINE, REASON_STAMP
from newsfuse.clean.stamps import names_update, parse_stamp, stamp_parts
from newsfuse.config import DEFAULT_EMBEDDER
from newsfuse.embed import Embedder, Vectors, get_embedder
from newsfuse.facts.cluster import group_mentions
from newsfuse.facts.dates import placed_by_stamp, written_days
from newsfuse.facts.describe import Mention, describe_claim, is_time_offset
from newsfuse.facts.entities import extract_entities, parse_articles
from newsfuse.facts.extract import join_currency_conversions, scan_claims, with_local_dollars
from newsfuse.facts.increments import explained_by_increment, told_as_change
from newsfuse.facts.memory_zone import parsing_zone
from newsfuse.facts.nonfacts import inside_proper_name
from newsfuse.facts.params import FactParams
from newsfuse.facts.qualifiers import LOWER_BOUNDS
from newsfuse.facts.revisions import announces_update, update_notice_spans
from newsfuse.facts.subject import (
    acting_verb,
    claim_phrase,
    describe_subject,
    keep_words_only,
)
from newsfuse.facts.verdict import (
    decide_status,
    is_clear_dispute,
    only_reported_apart,
    values_agree,
)
from newsfuse.group.features import page_stamp_date, page_stamp_removal
from newsfuse.model import (
    FACT_STATUS_ORDER,
    Article,
    Claim,
    ClaimKind,
    Fact,
    FactStatus,
    Removal,
)
from newsfuse.segment import split_sentences


def compare_facts(
    articles: Sequence[Article],
    *,
    embedder: Embedder | None = None,
    embeddings: bool = True,
    params: FactParams = FactParams(),
) -> list[Fact]:
    """Extract claims from every article, align them across sources and give verdicts.

    ``embedder`` defaults to the shared MiniLM model; ``embeddings=False``
    aligns on words and syntax alone (faster, a little less accurate).
    Vague amounts ("hundreds of people") are reported as single facts and
    never make a conflict. ``params`` holds the alignment's weights and
    thresholds and the verdicts' tolerances.
    """
    if not articles:
        return []
    embeddings = embeddings and params.embed_clauses
    if embeddings and embedder is None:
        embedder = get_embedder(DEFAULT_EMBEDDER)
    dated = [_dated(article) for article in articles]
    stamp_dated = {
        article.id
        for article, placed in zip(articles, dated, strict=True)
        if _dated_uncertainly(article, placed, params.stamp_reads_publication_part)
    }
    articles = dated
    by_id = {article.id: article for article in articles}
    story_year: int | None = None
    day_years: dict[tuple[int, int], int] = {}
    if params.undated_days_take_story_year:
        story_year, day_years = _story_calendar(articles)
    scanned = [
        scan_claims(article, story_year, day_years, params.stance_words_name_tally_sides, params)
        for article in articles
    ]
    if params.local_dollars:
        scanned = with_local_dollars(articles, scanned)
    if params.conversions_join_their_figure:
        scanned = join_currency_conversions(articles, scanned)
    if params.time_offsets_are_no_facts:
        scanned = [
            [claim for claim in found if not is_time_offset(claim, article.text)]
            for article, found in zip(articles, scanned, strict=True)
        ]
    mentions, vague, entities, phrases, verbs = _describe_articles(articles, scanned, params)
    updated = (
        _updated_figures(mentions, articles, params)
        if params.update_notice_is_revision_cue
        else set()
    )
    facts: list[Fact] = []
    published = {article.id: article.published for article in articles}
    texts = {article.id: article.text for article in articles}
    paired = None
    if embeddings and embedder is not None:
        paired = _PairableOnly(embedder, _pairable(mentions))
    groups = group_mentions(mentions, paired, published, params)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.claim.article_id].append(mention)
    for alignment in groups:
        group = sorted(
            alignment.mentions, key=lambda mention: (mention.claim.article_id, mention.claim.start)
        )
        claims = tuple(mention.claim for mention in group)
        subject = describe_subject(group, phrases, verbs, params.generic_subjects_keep_verb)
        if params.subjects_hold_words_only:
            subject = keep_words_only(subject)
        cues = {mention.claim: mention.revision_cue for mention in group}
        status = decide_status(claims, by_id, cues, params)
        if status == "conflict" and explained_by_increment(group, by_article, published, params):
            status = "revision"  # the later total is the earlier figure plus a stated change
        together = False  # one attribute at two moments: one row, side by side
        if status == "conflict":
            score, margin, crowding = (
                alignment.dispute_score,
                alignment.dispute_margin,
                alignment.crowding,
            )
            if not is_clear_dispute(
                group, score, params, margin=margin, crowding=crowding, published=published
            ):
                status = "differs"
                together = params.reports_apart_side_by_side and only_reported_apart(
                    group, score, params, margin=margin, crowding=crowding, published=published
                )
            elif params.stamp_placed_days_differ and placed_by_stamp(claims, stamp_dated):
                status = "differs"  # a day placed by a stamp that may be days late
                together = params.reports_apart_side_by_side
            elif _tally_rises(group, by_id, cues, params):
                status = "revision"  # one attribute, and a later tally above the earlier reports
            elif _updated_later(claims, by_id, cues, updated, params):
                status = "revision"  # one attribute, given anew by a report that says it updates
            elif params.change_from_other_figure_differs and told_as_change(
                group, by_article, texts, params
            ):
                status = "differs"  # one attribute before and after a change one source tells
                together = params.reports_apart_side_by_side
        attributed = tuple(replace(claim, attribute=subject) for claim in claims)
        if status == "differs" and not together:
            own = {
                named: phrases.get(claim, "")
                for named, claim in zip(attributed, claims, strict=True)
            }
            facts.extend(_split_differing(attributed, subject, params, own))
        else:
            facts.append(Fact(status, subject, claims[0].kind, attributed))
    facts = _without_restated_singles(facts, params.singles_shown_once)
    facts.extend(
        Fact("single", phrases.get(claim) or claim.text, claim.kind, (claim,)) for claim in vague
    )
    facts.extend(_compare_entities(entities))
    facts.sort(key=lambda fact: (FACT_STATUS_ORDER[fact.status], fact.claims[0].article_id,
                                 fact.claims[0].start))  # fmt: skip
    return facts


# Kinds of figure an update notice revises: amounts and measures, not dates (which are
# moved, not revised), ages or percentages (often the size of a change, "rose 9%").
UPDATED_KINDS = frozenset({"count", "quantity", "money"})
# Roles of a figure that is no new level: the size of a change or an added amount.
CHANGE_ROLES = frozenset({"change", "increment"})


def _updated_figures(
    mentions: Sequence[Mention],
    articles: Sequence[Article],
    params: FactParams,
) -> set[Claim]:
    """The current amounts and measures of each article that announces it updates earlier
    figures (``revisions.announces_update``): read as cued, as if a change word
    stood beside them. An earlier figure restated ("up from 42") and a change's
    size are not among them. Only the verdict of a clear dispute reads them, not the
    alignment (see ``_updated_later``). With ``params.update_notice_near_figure`` a
    notice speaks for the whole report only from its opening sentence, else for its own
    and the previous sentence's figures, and never from a quotation
    (``_noticed_sentences``). With ``params.earlier_account_is_update_notice``, a figure
    placed against earlier reports ("up from earlier estimates") is a notice too
    (``revisions.EARLIER_ACCOUNT_NOTICE``). With ``params.notice_reads_bound_as_level``,
    a lower bound whose "more" was read as an increment ("more than 180,000 people") is
    a level, not a change, as ``verdict`` reads it."""
    near = params.update_notice_near_figure
    earlier_accounts = params.earlier_account_is_update_notice
    noticed = {
        article.id: _noticed_sentences(article, near, earlier_accounts)
        for article in articles
        if announces_update(article.text, earlier_accounts)
    }
    return {
        mention.claim
        for mention in mentions
        if mention.claim.article_id in noticed
        and _in_noticed(mention.claim, noticed[mention.claim.article_id])
        and mention.claim.kind in UPDATED_KINDS
        and not mention.previous
        and not mention.earlier
        and not _is_change_role(mention, params.notice_reads_bound_as_level)
    }


def _is_change_role(mention: Mention, bounds_are_levels: bool) -> bool:
    """Whether a figure is the size of a change (``CHANGE_ROLES``); with
    ``bounds_are_levels`` a lower bound read as an increment ("more than 180,000") is not."""
    if bounds_are_levels and mention.role == "increment" and mention.claim.bound in LOWER_BOUNDS:
        return False
    return mention.role in CHANGE_ROLES


def _noticed_sentences(
    article: Article, near: bool, earlier_accounts: bool = False
) -> list[tuple[int, int]] | None:
    """The spans of an article's sentences whose figures an update notice speaks for;
    ``None`` for all of them: a notice in the opening sentence ("This update replaces
    the advisory of March 3", a lede "stronger than first thought"), or any notice when
    not ``near``. Else a notice outside quotation marks speaks for its own sentence
    and the one before, which "The revised figure ..." refers back to; one further
    away is about something else."""
    if not near:
        return None
    notices = [start for start, _ in update_notice_spans(article.text, earlier_accounts)]
    sentences = [(sentence.start, sentence.end) for sentence in split_sentences(article)]
    held = [
        index
        for index, (start, end) in enumerate(sentences)
        if any(start <= at < end for at in notices)
    ]
    if 0 in held:
        return None
    covered = {index for noticed in held for index in (noticed - 1, noticed)}
    return [sentences[index] for index in sorted(covered)]


def _in_noticed(claim: Claim, sentences: list[tuple[int, int]] | None) -> bool:
    """Whether a claim stands in one of the noticed sentences (``None``: all)."""
    return sentences is None or any(start <= claim.start < end for start, end in sentences)


def _updated_later(
    claims: Sequence[Claim],
    articles: dict[str, Article],
    cues: dict[Claim, bool],
    updated: set[Claim],
    params: FactParams,
) -> bool:
    """Whether a group that would be a conflict is a revision by a report that announces
    it updates earlier figures (``_updated_figures``), a day or more after a report of
    another value. It is asked only of a clear dispute (one attribute): the notice says
    the report's figures are new, not which one each replaces."""
    if not updated.intersection(claims):
        return False
    noticed = {claim: cue or claim in updated for claim, cue in cues.items()}
    return decide_status(claims, articles, noticed, params) == "revision"


def _tally_rises(
    group: Sequence[Mention],
    articles: dict[str, Article],
    cues: dict[Claim, bool],
    params: FactParams,
) -> bool:
    """Whether a group that would be a conflict is a revision by a tally so far: a count
    told in the present perfect ("two patients have died") a day or more after a report of
    a lower figure and of no higher one (``Mention.tally``; ``decide_status`` with those
    tallies as cues and ``rising_only``). It is asked only of a clear dispute (one
    attribute): a tense is weaker evidence of an update than a word of change."""
    rising = {mention.claim for mention in group if mention.tally}
    if not rising:
        return False
    claims = tuple(mention.claim for mention in group)
    tallies = {claim: cue or claim in rising for claim, cue in cues.items()}
    return decide_status(claims, articles, tallies, params, rising_only=rising) == "revision"


def _describe_articles(
    articles: Sequence[Article], scanned: Sequence[Sequence[Claim]], params: FactParams
) -> tuple[list[Mention], list[Claim], list[Claim], dict[Claim, str], dict[Claim, tuple[str, str]]]:
    """Parse the articles and describe their claims: the mentions, the vague amounts,
    the named entities, what each described claim measures in its sentence's words, and
    the verb acting on what each counts (with ``subject_names_shared_words``).

    The Docs live only inside :func:`~newsfuse.facts.memory_zone.parsing_zone`; what
    leaves it is plain data (claims, strings, numbers).
    """
    # Vague amounts are only named ("hundreds" of "US forces"), so their sentences are
    # parsed only when that is asked for.
    named = params.name_vague_amounts
    needed = [[c for c in found if named or not c.vague] for found in scanned]
    mentions: list[Mention] = []
    vague: list[Claim] = []
    entities: list[Claim] = []
    phrases: dict[Claim, str] = {}
    verbs: dict[Claim, tuple[str, str]] = {}
    with parsing_zone(params.parse_in_memory_zone):
        docs = parse_articles(
            articles,
            needed if params.parse_claim_sentences_only else None,
            context=params.parse_context_sentences,
            names_in_whole_text=params.recognise_names_in_whole_text,
        )
        for article, doc, found in zip(articles, docs, scanned, strict=True):
            for claim in found:
                if params.numbers_in_names_are_no_facts and inside_proper_name(claim, doc):
                    continue  # "Channel 4", "30 Rock": part of a name, no fact of the story
                if claim.vague:
                    vague.append(claim)
                    if named and doc.text[claim.start : claim.end].strip():
                        phrases[claim] = claim_phrase(
                            claim,
                            doc,
                            params.subject_complements,
                            params.subject_names_shared_words,
                            params.subject_keeps_agents,
                            params.subject_verbs_keep_complements,
                            params.shares_named_by_their_count,
                            params.subject_reads_acronyms_as_names,
                            params.subject_counts_in_plural,
                            generic_verbs=params.generic_subjects_keep_verb,
                            restated_counts=params.restated_count_names_noun,
                            shared_subjects=params.subjects_share_their_verb_subject,
                            pronoun_subjects=params.date_subjects_keep_pronouns,
                            measure_units=params.measures_skip_their_unit,
                        )
                else:
                    mentions.append(describe_claim(claim, doc, params))
                    phrases[claim] = claim_phrase(
                        claim,
                        doc,
                        params.subject_complements,
                        params.subject_names_shared_words,
                        params.subject_keeps_agents,
                        params.subject_verbs_keep_complements,
                        params.shares_named_by_their_count,
                        params.subject_reads_acronyms_as_names,
                        params.subject_counts_in_plural,
                        age_holder=mentions[-1].person if params.subject_names_age_holder else "",
                        generic_verbs=params.generic_subjects_keep_verb,
                        restated_counts=params.restated_count_names_noun,
                        shared_subjects=params.subjects_share_their_verb_subject,
                        pronoun_subjects=params.date_subjects_keep_pronouns,
                        measure_units=params.measures_skip_their_unit,
                    )
                    if params.subject_names_shared_words:
                        verbs[claim] = acting_verb(claim, doc)
            entities.extend(extract_entities(article, doc, params.drop_title_word_names))
        del docs
    if params.subjects_hold_words_only:
        phrases = {claim: keep_words_only(phrase) for claim, phrase in phrases.items()}
    return mentions, vague, entities, phrases, verbs


def _dated(article: Article) -> Article:
    """The article, dated by its own stamp or caption when it has no publication time,
    so that its weekdays resolve and a report months apart is told apart; a date in its
    sentences never stands in (see ``find_event_date``)."""
    stamped = page_stamp_date(article, datetime.now(UTC))
    return article if stamped is None else replace(article, published=stamped)


def _dated_uncertainly(article: Article, dated: Article, by_parts: bool = True) -> bool:
    """Whether an article's day is only a page's: no metadata time, but a stamp or caption
    that :func:`_dated` read, or an update stamp the cleaner read ("Updated: June 22,
    2017"). An update is the day a page last changed, which may be days after it was
    written; a caption dates its photo. Weekdays placed from such a day are uncertain.
    With ``by_parts`` a stamp is read part by part ("Published June 3 | Updated June 5"):
    the day is uncertain only when the time the article took is an update's and no
    publication part of its stamps gives that day; an undated page that :func:`_dated`
    placed by its byline, date line or dateline is certain (``_undated_by``)."""
    if article.published is None:
        if not by_parts or dated.published is None:
            return dated.published is not None
        removal = page_stamp_removal(article, datetime.now(UTC))
        return removal is None or _undated_by(removal)
    stamps = [removal.text for removal in article.removed if removal.reason == REASON_STAMP]
    if not by_parts:
        return any(names_update(text) and parse_stamp(text) == article.published for text in stamps)
    parts = [part for text in stamps for part in stamp_parts(text)]
    published = article.published
    return any(update and when == published for update, when in parts) and not any(
        not update and when.date() == published.date() for update, when in parts
    )


# Removed blocks whose date is the day a page was written: a byline's ("By Ana Ruiz •
# June 6, 2024"), a date line's, a dateline's.
WRITING_DAY_REASONS = frozenset({REASON_BYLINE, REASON_DATE, REASON_DATELINE})


def _undated_by(removal: Removal) -> bool:
    """Whether the block that dated a page leaves its writing day uncertain: a caption
    (its photo's day) or an update stamp, not a byline, date line or publication stamp."""
    if removal.reason in WRITING_DAY_REASONS:
        return False
    return removal.reason != REASON_STAMP or names_update(removal.text)


def _story_calendar(articles: Sequence[Article]) -> tuple[int | None, dict[tuple[int, int], int]]:
    """Where a story's undated articles place a day written without a year: the year of
    each (month, day) its articles write in full, and else the story's year: the year its
    dated articles share, or else the year of the latest full date its articles write
    ("Wednesday, March 30, 2016"); ``None`` when neither tells. A story spans days
    (GroupingParams.story_max_span_days); its full dates are its history, captions and
    stamps of the current event, the latest. A day written in full outranks the latest
    year: an eclipse story's "31 Jan" is its "Jan. 31, 2018", not the next one in 2037."""
    written = [day for article in articles for day in written_days(article.text)]
    counts = Counter((day.month, day.day, day.year) for day in written)
    day_years: dict[tuple[int, int], int] = {}
    # the year a story writes a day with most often, the later on a tie
    for (month, day_of_month, year), _ in sorted(
        counts.items(), key=lambda item: (item[1], item[0][2])
    ):
        day_years[(month, day_of_month)] = year
    years = {article.published.year for article in articles if article.published is not None}
    if years:
        return (years.pop() if len(years) == 1 else None), day_years
    return max((day.year for day in written), default=None), day_years


def _split_differing(
    claims: tuple[Claim, ...],
    subject: str,
    params: FactParams,
    phrases: dict[Claim, str] | None = None,
) -> list[Fact]:
    """A group that is no clear dispute, as agreements of its sets of equal figures
    (each from two or more articles) and the rest beside them.

    The verdict found the differing figures to be look-alikes, not one attribute,
    so the sources that give the same figure still corroborate each other ("40 per
    cent" in two reports beside another's "4.8 per cent"). A row whose figures all
    agree is never shown as differing. A one-source row left over is named by its own
    claims' phrase (``phrases``, by claim) when they share one.
    """
    classes: list[list[Claim]] = []
    for claim in claims:
        for members in classes:
            if values_agree(members[0], claim, params):
                members.append(claim)
                break
        else:
            classes.append([claim])
    corroborated = [members for members in classes if _article_count(members) >= 2]
    if not corroborated:
        return [Fact("differs", subject, claims[0].kind, claims)]
    corroborated.sort(key=_article_count, reverse=True)
    facts = [Fact("agree", subject, claims[0].kind, tuple(members)) for members in corroborated]
    rest = tuple(claim for members in classes if members not in corroborated for claim in members)
    if rest:
        status: FactStatus = "differs" if _article_count(rest) >= 2 else "single"
        facts.append(Fact(status, subject, rest[0].kind, rest))
        if status == "single":
            facts[-1] = _named_by_own_phrase(facts[-1], phrases or {})
    return facts


def _named_by_own_phrase(fact: Fact, phrases: dict[Claim, str]) -> Fact:
    """A one-source row split from a look-alike group, named by its own claims' phrase
    when they share one ("stations" for "four stations", not the group's "firefighters")."""
    own = {phrases.get(claim, "") for claim in fact.claims}
    if len(own) != 1 or not (subject := own.pop()):
        return fact
    claims = tuple(replace(claim, attribute=subject) for claim in fact.claims)
    return Fact(fact.status, subject, fact.kind, claims)


def _without_restated_singles(facts: list[Fact], once: bool = False) -> list[Fact]:
    """Drop a one-source row that repeats what its article already says in a shared row,
    and with ``once`` in an earlier one-source row ("Xbox 360" named twice).

    An article often states its figure twice (headline, then body); the shared row
    shows it once, and a second row with the same subject and value adds nothing.
    """
    shown = {
        (claim.article_id, fact.subject, claim.kind, claim.value, claim.unit)
        for fact in facts
        if fact.status != "single"
        for claim in fact.claims
    }
    kept: list[Fact] = []
    for fact in facts:
        said = {(c.article_id, fact.subject, c.kind, c.value, c.unit) for c in fact.claims}
        if fact.status == "single" and said <= shown:
            continue
        if once and fact.status == "single":
            shown |= said
        kept.append(fact)
    return kept


def _article_count(claims: Sequence[Claim]) -> int:
    """How many articles the claims come from."""
    return len({claim.article_id for claim in claims})


def _compare_entities(claims: Sequence[Claim]) -> list[Fact]:
    """People, places and organisations named by two or more sources, as agreements.

    A short name ("Rehn") is folded into a longer one that ends with it
    ("Tomas Rehn") within the same kind. Names are never set against each
    other as conflicts: different names are usually different entities.
    """
    names_by_kind: dict[ClaimKind, set[str]] = defaultdict(set)
    for claim in claims:
        names_by_kind[claim.kind].add(str(claim.value))
    canonical: dict[tuple[ClaimKind, str], str] = {}
    for kind, names in names_by_kind.items():
        for name in names:
            longer = [other for other in names if other != name and other.endswith(" " + name)]
            canonical[(kind, name)] = max(longer, key=len) if len(longer) == 1 else name
    grouped: dict[tuple[ClaimKind, str], dict[str, Claim]] = defaultdict(dict)
    for claim in claims:
        key = (claim.kind, canonical[(claim.kind, str(claim.value))])
        grouped[key].setdefault(claim.article_id, replace(claim, value=key[1]))
    facts = []
    for (kind, name), by_article in grouped.items():
        if len(by_article) >= 2:
            attributed = tuple(replace(c, attribute=name) for c in by_article.values())
            facts.append(Fact("agree", name, kind, attributed))
    return facts


def _pairable(mentions: Sequence[Mention]) -> tuple[bool, ...]:
    """Whether each mention can be scored against another: its dimension is in two articles.

    Pairs are only scored across articles within one dimension, so the others'
    clause embeddings would never be read.
    """
    articles: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        articles[mention.dimension].add(mention.claim.article_id)
    return tuple(len(articles[mention.dimension]) >= 2 for mention in mentions)


class _PairableOnly:
    """An embedder that encodes only the pairable mentions' clauses, each distinct one once.

    Embedding is half the comparison's time on long news; a clause whose
    mention has no partner gets a zero row that no score reads.
    """

    def __init__(self, inner: Embedder, needed: tuple[bool, ...]) -> None:
        self.name = inner.name
        self.inner = inner
        self.needed = needed

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Vectors for ``texts``, one row each; rows not needed are zero."""
        if len(texts) != len(self.needed):
            return self.inner.encode(texts)
        distinct = list(
            dict.fromkeys(t for t, keep in zip(texts, self.needed, strict=True) if keep)
        )
        if not distinct:
            return np.zeros((len(texts), 1), dtype=np.float32)
        vectors = self.inner.encode(distinct)
        row = {text: index for index, text in enumerate(distinct)}
        result = np.zeros((len(texts), vectors.shape[1]), dtype=vectors.dtype)
        for index, (text, keep) in enumerate(zip(texts, self.needed, strict=True)):
            if keep:
                result[index] = vectors[row[text]]
        return result
