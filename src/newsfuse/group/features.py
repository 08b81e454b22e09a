"""Cheap per-article features used to group articles into stories.

Everything here is a pure function of an article's text: a content hash for
exact duplicates, MinHash signatures for near-duplicates (Broder 1997), the
event date (published, else the latest full date written in the text), the
"key numbers" of the lead (``560 troops``), and capitalised names standing in
for named entities. None of it needs a model, so it is fast enough to run on
every article at ingest time.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

from newsfuse.calendar_words import MONTHS, WEEKDAYS
from newsfuse.clean.classify import (
    REASON_BYLINE,
    REASON_CAPTION,
    REASON_DATE,
    REASON_DATELINE,
    REASON_STAMP,
)
from newsfuse.group.lexical import count_terms
from newsfuse.group.params import GroupingParams
from newsfuse.model import Article, Removal

# The tunables of these features are in GroupingParams. The shingle and MinHash layout
# below is a stored format instead: signatures and band keys are kept in the store and
# compared with those of later articles, so changing it needs a re-ingest.

# Words per shingle for near-duplicate detection: 5-word shingles are the usual choice
# for web near-duplicates (Broder 1997); shorter ones match unrelated prose too often.
SHINGLE_WORDS = 5

# MinHash permutations, split into LSH bands of ROWS_PER_BAND rows. With 16 bands of 4
# rows a pair at Jaccard 0.8 shares a band with probability 1-(1-0.8^4)^16 ≈ 0.9999 and
# a pair at 0.3 with probability ≈ 0.12, so few candidates need checking.
MINHASH_PERMUTATIONS = 64
ROWS_PER_BAND = 4

# Universal hashing (a*x + b) mod p with the Mersenne prime 2^31-1: the products stay
# below 2^62, so numpy's uint64 arithmetic is exact.
_MERSENNE = (1 << 31) - 1
_RANDOM = np.random.default_rng(20240611)
_HASH_A = _RANDOM.integers(1, _MERSENNE, size=MINHASH_PERMUTATIONS, dtype=np.uint64)
_HASH_B = _RANDOM.integers(0, _MERSENNE, size=MINHASH_PERMUTATIONS, dtype=np.uint64)

_WORD = re.compile(r"\w+(?:[.'’-]\w+)*", re.UNICODE)
# A word written in lower case (the spelling of a common word; see extract_names).
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w,]*\d)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_NAME = re.compile(r"\b[A-Z][a-zA-Z’'-]{2,}(?:\s+[A-Z][a-zA-Z’'-]{2,})*")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d\d)\b", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I
)
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
# Numeric dates are read day first (the common order outside the US): 11/07/2016 is
# 11 July. Where the day-first reading is impossible (07/31/2016) the month-first one is used.
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")
_WEEKDAYS = WEEKDAYS
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")(?:'s|’s)?\b", re.IGNORECASE)
# Capitalised words that open a time phrase before a weekday ("On Monday, ...").
_TIME_OPENERS = frozenset(
    [
        "on",
        "by",
        "since",
        "until",
        "till",
        "last",
        "next",
        "this",
        "each",
        "every",
        "from",
        "before",
        "after",
        "late",
        "early",
        "through",
        "and",
        "or",
    ]
)
# Nouns of the day marks among the key numbers: the weekday an event is said to have
# happened on ("on Tuesday"), and a full date in the lead (its ordinal).
DAY_MARK_PREFIX = "@"
WEEKDAY_MARK = "@weekday"
DATE_MARK = "@date"
# Noun of the report-day marks: a weekday the lead gives to a statement or a lasting state
# ("residents said on Sunday", "services remained suspended on Saturday"), not to the
# event; a follow-up filed a day later dates itself so (``params.followup_weekdays``).
REPORT_DAY_MARK = "@reportday"
# Noun of the place marks: where the title and first sentence say the event happened
# ("in Kelbrook"), each place name hashed to an int so that it travels with the figures.
PLACE_MARK = "@place"
# Noun of the site marks: a name the lead puts the event at ("at Fallow Farm"), each word
# as its lexical term id, so that it can be looked up among another report's terms.
SITE_MARK = "@site"
# Noun of the names the title and first sentence give (hashed likewise): a place another
# report puts the event in is no conflict when this report's lead names it too.
LEAD_NAME_MARK = "@named"
_POSSESSIVE = re.compile(r"[’'](?:s)?$")
# Noun of the sequel mark: the title or first sentence says its event is a repeat of an
# earlier one of its storyline ("a second strike", "walk out again", "three weeks after
# the last strike"), which a report of the first occurrence cannot say. Value 1.
SEQUEL_MARK = "@sequel"
# Noun of the stage marks: the latest stage of a legal case the lead reports (arrest or
# charge 1, trial 2, verdict or sentence 3); an arrest and a trial months later are two
# events of one storyline.
STAGE_MARK = "@stage"
# Incidents that recur in one storyline (walkouts, marches, attacks, disasters,
# accidents): a repeat is said of one of these. Decisions and objects are left out ("a
# second destroyer", "fresh evidence", "a new round of talks" are not repeats).
_INCIDENT_NOUNS = (
    r"(?:strikes?|walkouts?|stoppages?|protests?|rall(?:y|ies)|march(?:es)?|demonstrations?|"
    r"riots?|clash(?:es)?|unrest|attacks?|raids?|robber(?:y|ies)|heists?|hold-?ups?|"
    r"shootings?|stabbings?|bombings?|blasts?|explosions?|fires?|blazes?|floods?|flooding|"
    r"storms?|quakes?|earthquakes?|tremors?|eruptions?|landslides?|derailments?|crash(?:es)?|"
    r"collisions?|spills?|outages?|blackouts?|evacuations?|curfews?|lockdowns?)"
)
# Verbs of those incidents, for "walked out again", "the river flooded the square again".
_INCIDENT_VERBS = (
    r"(?:strik(?:e|es|ing)|struck|walk(?:s|ed|ing)?\s+out|march(?:es|ed|ing)?|"
    r"protest(?:s|ed|ing)?|rall(?:y|ies|ied|ying)|riot(?:s|ed|ing)?|clash(?:es|ed|ing)?|"
    r"flood(?:s|ed|ing)?|erupt(?:s|ed|ing)?|attack(?:s|ed|ing)?|rob(?:s|bed|bing)?|"
    r"burn(?:s|ed|t|ing)?|shook|shak(?:e|es|en|ing)|derail(?:s|ed)?|crash(?:es|ed)?)"
)
# A repeat: an ordinal, "another", "fresh" or "renewed" before an incident ("a second
# strike", "fresh deadly clashes"), an incident verb with "again" or "once more" (not
# "for a second time", said of decisions too: "lifted rates for a second time"), or a
# span of weeks or more after an earlier event named as such ("three weeks after the last
# strike", "months after his arrest"). A stretch of one event ("a second day of
# strikes") is not a repeat: "day", "night" and "week" are no incidents.
_SEQUEL = re.compile(
    r"\b(?:(?:second|third|fourth|fifth|another|fresh|renewed|repeat)\s+(?:[a-z-]+\s+)?"
    + _INCIDENT_NOUNS
    + r"|"
    + _INCIDENT_VERBS
    + r"\s+(?:[a-z]+\s+){0,3}?(?:again|once\s+more)"
    r"|(?:weeks?|months?|years?)\s+(?:after|since)\s+(?:the\s+(?:last|previous|first|earlier)"
    r"|(?:a|an)\s+(?:similar|earlier|previous)|(?:his|her|their|its)\s+(?:arrest|detention|"
    r"indictment|conviction|trial|sentencing)))\b",
    re.IGNORECASE,
)
# "again" of a return to normal ("cranes were working again", "the road is open again"):
# the end of an event, not a repeat; cut from the lead before a repeat is looked for.
# So is an "again" that is only possible ("prepared to act again", "could rise again").
_RESUMED_AGAIN = re.compile(
    r"\b(?:(?:work\w*|open\w*|reopen\w*|runn?\w*|flow\w*|mov\w*|operat\w*|normal|back|home|"
    r"up|safe|free)|(?:to|will|would|could|may|might|can|should)\s+\w+)\s+again\b",
    re.IGNORECASE,
)
# Stages of a legal case in a lead, latest last: arrest or charge, trial, verdict.
_STAGES = (
    re.compile(
        r"\b(?:arrest(?:ed)?|detained|charged\s+(?:with|in|over)|(?:was|were|been|be)\s+charged|"
        r"indicted|in\s+custody)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:(?:goes|went|go|stands?|stood|going)\s+on\s+trial|trial\s+(?:opens?|opened|"
        r"began|begins|starts?|started|got\s+under\s?way)|testif(?:y|ied|ies))\b",
        re.I,
    ),
    re.compile(
        r"\b(?:convicted|acquitted|found\s+(?:not\s+)?guilty|sentenced|jailed|verdict|"
        r"cleared\s+of)\b",
        re.I,
    ),
)
# A place the lead puts the event in: a capitalised name after "in", "at", "near"...
_PLACE = re.compile(r"\b(?:in|near|outside)\s+((?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+)*)")
# A named site the lead puts the event at ("at Vellerton International Airport").
_SITE = re.compile(r"\bat\s+((?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+)*)")
# "In this 15 Aug. 2014 file photo": the caption dates an archive picture, not the report.
_FILE_PHOTO = re.compile(r"\bfile (?:photo|image|picture|footage)\b", re.IGNORECASE)

# A tally ("voted 9 to 6", "a 9-6 vote", "by 14 votes to 1", "won 3-1"): two counts read
# together, kept only beside a word of voting or scoring so that ranges ("5 to 10
# years") are not tallies.
_TALLY = re.compile(r"(?<![\w.,])(\d{1,3})\s*(?:votes?\s+to|to|-|–)\s*(\d{1,3})(?![\w.,]*\d)")
_TALLY_WORDS = re.compile(
    r"\b(?:vot\w*|ballot\w*|won|win|wins|beat\w*|lost|loss|defeat\w*|score\w*|margin)\b",
    re.IGNORECASE,
)
# Words read on each side of a tally for a word of voting or scoring.
_TALLY_CONTEXT_CHARACTERS = 30
# Key-number noun of a tally; its value is the two counts as one number (9 to 6 -> 9006).
TALLY_NOUN = "tally"

# A figure given as a lower bound ("at least 20 people", "more than 300 people"): reports
# of one event raise such counts as news comes in (20 killed, then 21), so a bound is
# not a headline figure that another count contradicts.
_LOWER_BOUND = re.compile(r"\b(?:at\s+least|more\s+than)\s+$", re.IGNORECASE)
# Characters read before a number for a lower-bound phrase.
_BOUND_CONTEXT_CHARACTERS = 12

# Words that follow a number without naming what it counts.
_NUMBER_FILLERS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "by",
        "with",
        "from",
        "as",
        "than",
        "per",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "more",
        "less",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "over",
        "under",
        "up",
        "down",
        "new",
        "other",
        "extra",
        "further",
        "additional",
        "another",
    ]
)
# Capitalised words that start sentences or name days and months, not entities.
_NAME_STOPWORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "But",
        "Or",
        "If",
        "In",
        "On",
        "At",
        "For",
        "With",
        "From",
        "By",
        "To",
        "Of",
        "As",
        "It",
        "Its",
        "This",
        "That",
        "These",
        "Those",
        "He",
        "She",
        "They",
        "We",
        "You",
        "His",
        "Her",
        "Their",
        "Our",
        "Your",
        "There",
        "Here",
        "When",
        "Where",
        "While",
        "What",
        "Who",
        "Why",
        "How",
        "After",
        "Before",
        "Since",
        "Until",
        "During",
        "According",
        "Also",
        "However",
        "Meanwhile",
        *(word.capitalize() for word in (*WEEKDAYS, *MONTHS)),
        "Last",
        "Next",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Image",
        "Photo",
        "Read",
        "More",
        "Share",
        "Comment",
        "Comments",
        "Copyright",
        "Getty",
        "Images",
        "Reuters",
    ]
)


# Removed blocks whose dates are the report's own (its stamps, dateline, byline, photo
# captions); a related-articles list or site furniture dates other pages.
STAMP_REASONS = frozenset(
    {REASON_BYLINE, REASON_CAPTION, REASON_DATE, REASON_DATELINE, REASON_STAMP}
)

# Date sources that say when the report was published; any other is a stand-in.
KNOWN_DATE_SOURCES = ("published", "text")


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an article's event happened, and where that date came from.

    ``source`` is ``"published"`` (metadata, or a stamp the cleaner parsed), ``"text"`` (a
    full date in a block the cleaner removed: a "Last update" stamp or a photo caption,
    which date the report) or ``"ingested"`` (no date known; the ingest time stands in,
    is shown as such, and grouping ignores it). Dates in the story's sentences are never
    used: they are mostly past events the report mentions ("served there in 1944").
    """

    when: datetime
    source: str

    @property
    def known(self) -> bool:
        """Whether the date says when the event happened (not just when we read it, nor
        a date the body mentions), so that grouping may use it."""
        return self.source in KNOWN_DATE_SOURCES


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What grouping needs to know about one article, computed once at ingest."""

    content_hash: str
    lead: str
    date: EventDate
    minhash: npt.NDArray[np.uint64]
    # Headline figures, and the lead's day marks under nouns starting with "@".
    key_numbers: tuple[tuple[str, int], ...]
    names: tuple[str, ...]
    # The title and first sentence: what happened, weighed against a story's terms.
    event_lead: str = ""


def normalise_for_hashing(text: str) -> str:
    """Casefold, NFKC-normalise and collapse whitespace, so trivial variants hash alike."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def hash_content(article: Article) -> str:
    """The SHA-256 of the normalised title and body: equal for exact re-publications."""
    material = normalise_for_hashing(article.title) + "\n" + normalise_for_hashing(article.text)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def extract_lead(article: Article, words: int) -> str:
    """The title followed by the body, cut to ``words`` words in all (what is embedded).

    The title counts against the budget: the encoder's cost grows with the word pieces
    it reads, and a title with the start of the body already states the event.
    """
    body = article.text.split()
    title = article.title.split()[:words]
    if not title or body[: len(title)] == title:
        return " ".join(body[:words])
    rest = " ".join(body[: words - len(title)])
    return f"{' '.join(title)}. {rest}" if rest else " ".join(title)


def shingle_words(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of ``size``-word shingles of the normalised text (whole text if shorter)."""
    words = _WORD.findall(normalise_for_hashing(text))
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def compute_minhash(shingles: Iterable[str]) -> npt.NDArray[np.uint64]:
    """A MinHash signature (Broder 1997): per permutation, the least hashed shingle.

    Two signatures agree in a fraction of positions that estimates the Jaccard
    similarity of the shingle sets.
    """
    values = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little")
            % _MERSENNE
            for s in shingles
        ),
        dtype=np.uint64,
    )
    if values.size == 0:
        return np.full(MINHASH_PERMUTATIONS, _MERSENNE, dtype=np.uint64)
    hashed = (_HASH_A[:, None] * values[None, :] + _HASH_B[:, None]) % np.uint64(_MERSENNE)
    return np.asarray(hashed.min(axis=1), dtype=np.uint64)


def estimate_jaccard(first: npt.NDArray[np.uint64], second: npt.NDArray[np.uint64]) -> float:
    """The fraction of MinHash positions on which two signatures agree."""
    return float(np.mean(first == second))


def band_minhash(signature: npt.NDArray[np.uint64]) -> list[int]:
    """LSH band keys (Indyk & Motwani 1998): equal keys mark near-duplicate candidates."""
    keys = []
    for band in range(MINHASH_PERMUTATIONS // ROWS_PER_BAND):
        rows = signature[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND].tobytes()
        digest = hashlib.blake2b(rows, digest_size=7).digest()
        keys.append(int.from_bytes(digest, "little"))
    return keys


def _safe_date(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


def find_text_dates(text: str) -> list[datetime]:
    """Every full calendar date (day, month and year) written in ``text``, in order found."""
    found: list[datetime] = []
    for match in _DAY_MONTH_YEAR.finditer(text):
        day, month, year = match.groups()
        found.append(_safe_date(int(year), _MONTHS[month.lower()], int(day)) or _NO_DATE)
    for match in _MONTH_DAY_YEAR.finditer(text):
        month, day, year = match.groups()
        found.append(_safe_date(int(year), _MONTHS[month.lower()], int(day)) or _NO_DATE)
    for match in _ISO_DATE.finditer(text):
        year, month, day = match.groups()
        found.append(_safe_date(int(year), int(month), int(day)) or _NO_DATE)
    for match in _NUMERIC_DATE.finditer(text):
        first, second, year = (int(g) for g in match.groups())
        parsed = _safe_date(year, second, first) or _safe_date(year, first, second)
        found.append(parsed or _NO_DATE)
    return [d for d in found if d is not _NO_DATE]


_NO_DATE = datetime(1, 1, 1, tzinfo=UTC)


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def page_stamp_date(article: Article, now: datetime) -> datetime | None:
    """For an article without a publication time, the date its own stamp or photo caption
    gives (``find_event_date``'s ``"text"`` source); else ``None``."""
    if article.published is not None:
        return None
    event = find_event_date(article, now)
    return event.when if event.source == "text" else None


def find_event_date(article: Article, ingested_at: datetime) -> EventDate:
    """The article's publication date: from metadata, else the latest full date in a stamp
    or caption the cleaner removed, else the ingest time (marked ``"ingested"``, unknown).

    Update stamps and captions carry the date of the report itself, except captions of
    file photos. A date in the story's own sentences ("in 1944", "since 2002") is never
    taken: it is mostly a past event the report refers to, and an undated article about
    a war-crimes trial must not be dated 1944. The latest stamp date is used because
    reports rarely give future full dates; dates after the ingest time are ignored as
    implausible.
    """
    if article.published is not None:
        return EventDate(_as_utc(article.published), "published")
    limit = _as_utc(ingested_at)
    stamped = _dating_removal(article, limit)
    return EventDate(limit, "ingested") if stamped is None else EventDate(stamped[1], "text")


def page_stamp_removal(article: Article, now: datetime) -> Removal | None:
    """The removed block (stamp, byline, caption ...) whose date :func:`page_stamp_date`
    gives an article without a publication time, so a reader can tell how sure that
    day is (a byline's is the writing day, a caption's its photo's); else ``None``."""
    if article.published is not None:
        return None
    stamped = _dating_removal(article, _as_utc(now))
    return None if stamped is None else stamped[0]


def _dating_removal(article: Article, limit: datetime) -> tuple[Removal, datetime] | None:
    """The first removed stamp, byline or caption (no file photo) with a full date up to
    ``limit``, and its latest such date."""
    for removal in article.removed:
        if removal.reason not in STAMP_REASONS or _FILE_PHOTO.search(removal.text):
            continue
        dates = [d for d in find_text_dates(removal.text) if d <= limit]
        if dates:
            return removal, max(dates)
    return None


def _split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _find_tallies(text: str) -> set[tuple[str, int]]:
    """Vote and score tallies of ``text`` as key numbers: two reports of one vote give
    its tally, and another tally in the same place is another vote."""
    found = set()
    for match in _TALLY.finditer(text):
        around = text[
            max(0, match.start() - _TALLY_CONTEXT_CHARACTERS) : match.end()
            + _TALLY_CONTEXT_CHARACTERS
        ]
        if _TALLY_WORDS.search(around):
            first, second = int(match.group(1)), int(match.group(2))
            found.add((TALLY_NOUN, first * 1000 + second))
    return found


def _singular(noun: str) -> str:
    """A counted noun without a plural "s", so that "14 votes" and "9 vote" (from "a 9
    vote margin") are figures for one thing; "ss" and short words are kept."""
    if len(noun) > 3 and noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


def extract_key_numbers(
    article: Article, params: GroupingParams = GroupingParams()
) -> tuple[tuple[str, int], ...]:
    """Numbers in the title and first sentences paired with the words they count.

    ``"send 560 additional troops"`` gives ``("troops", 560)``. Two reports of
    one event state the same headline figures; a different figure for the same
    thing (560 troops vs 600 troops) is evidence of a different event. Years,
    numbers inside dates and lower bounds ("at least 20 people") are left out.
    """
    sentences = _split_sentences(article.text)[: params.key_number_sentences]
    pairs: set[tuple[str, int]] = set()
    for part in [article.title, *sentences]:
        pairs.update(_find_tallies(part))
        for match in _NUMBER.finditer(part):
            value = int(match.group(1).replace(",", ""))
            if 1900 <= value <= 2100 or value < 2:
                continue
            if _LOWER_BOUND.search(
                part[max(0, match.start() - _BOUND_CONTEXT_CHARACTERS) : match.start()]
            ):
                continue
            following = _WORD.findall(part[match.end() : match.end() + 60].lower())
            for word in following[: params.number_context_words]:
                if word in _NUMBER_FILLERS or word.isdigit() or word in _MONTHS:
                    continue
                if word not in _WEEKDAYS:  # "voted 9 to 6 on Saturday" counts no Saturdays
                    pairs.add((_singular(word), value))
                break
    return tuple(sorted(pairs))


def extract_names(article: Article, params: GroupingParams = GroupingParams()) -> tuple[str, ...]:
    """Capitalised word runs of the title and lead (people, places, organisations).

    A model-free stand-in for named entities: good enough to tell whether two
    stories are about the same actors, and fast enough for every article. With
    ``params.names_skip_common_words`` a word the lead also writes in lower case is left
    out: two reports of different fires both open with "Fire", which names nobody.
    """
    names: set[str] = set()
    lead = extract_lead(article, params.name_lead_words)
    common = set(_LOWER_WORD.findall(lead)) if params.names_skip_common_words else set()
    for match in _NAME.finditer(lead):
        words = [
            w
            for w in match.group(0).split()
            if w not in _NAME_STOPWORDS and w.lower() not in common
        ]
        if words:
            names.add(" ".join(words).lower())
            names.update(w.lower() for w in words)
    return tuple(sorted(names))


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Whether the weekday at ``text[start:end]`` is part of a name ("Sunday Times",
    "Super Tuesday", "Good Friday"): a capitalised word next to it, other than one that
    opens a time phrase ("On Monday", "Last Friday")."""
    before = _WORD.findall(text[max(0, start - 30) : start])
    after = re.match(r"[ \t]+([A-Z][a-z]+)", text[end:])
    if after and after.group(1).lower() not in _MONTHS:
        return True
    previous = before[-1] if before and text[start - 1 : start].isspace() else ""
    return previous[:1].isupper() and previous.lower() not in _TIME_OPENERS


def extract_event_lead(article: Article, params: GroupingParams = GroupingParams()) -> str:
    """The title and first sentences of the body: where a report says what happened.

    Reports of one event state it there in shared words (the warehouse, the curfew);
    a report of another incident in the same place names the same people but states
    another event. Without a title (and ``params.event_lead_needs_title``) it is empty:
    an untitled text often opens with site furniture, not the event.
    """
    if params.event_lead_needs_title and not article.title.strip():
        return ""
    sentences = _split_sentences(article.text)[: params.event_lead_sentences]
    return "\n".join([article.title, *sentences])


# Words that make a weekday the day of a report, not of its event: a statement ("said on
# Sunday", "told reporters on Friday") or a state lasting from an earlier event ("remained
# closed on Saturday", "on Monday were still dousing"). A verb of the event itself ("voted
# on Saturday", "resigned on Friday") gives the event's day.
_REPORT_DAY_WORDS = re.compile(
    r"\b(?:said|says|told|added|stated|confirmed|warned|still|remained|remain|"
    r"stayed|stays|continued|continues)\b",
    re.IGNORECASE,
)
# Words either side of a weekday searched for those: "said on Sunday", "on Monday were
# still", "said late on Friday".
_REPORT_DAY_REACH = 3


def _dates_the_report(lead: str, start: int, end: int) -> bool:
    """Whether the weekday at ``lead[start:end]`` dates a statement or a lasting state
    (the report's own day, often the day after its event) rather than the event; a
    possessive ("Sunday's fire") always names the event."""
    if lead[start:end].lower().endswith(("'s", "’s")):
        return False
    before = _WORD.findall(lead[max(0, start - 60) : start])[-_REPORT_DAY_REACH:]
    after = _WORD.findall(lead[end : end + 60])[:_REPORT_DAY_REACH]
    return any(_REPORT_DAY_WORDS.fullmatch(word) for word in before + after)


def extract_day_marks(
    article: Article,
    params: GroupingParams = GroupingParams(),
    published: datetime | None = None,
) -> tuple[tuple[str, int], ...]:
    """The days the title and first sentence say the event happened on, as key numbers.

    ``"a fire destroyed a warehouse late on Monday"`` gives ``("@weekday", 0)``, and a
    full date written there gives ``("@date", ordinal)``. Reports of one event name its
    day (follow-ups name it beside their own; with ``params.followup_weekdays`` a day
    given to a statement or a lasting state is ``("@reportday", day)``, the report's own
    day, not the event's), while successive events of one crisis
    happen on different days: with no publication time, these marks are what dates the
    event. With a ``published`` time a weekday is also resolved to a date (the last such
    day on or before publication). Only the lead is read: later sentences recall
    earlier days as background.
    """
    sentences = _split_sentences(article.text)[: params.day_mark_sentences]
    lead = "\n".join([article.title, *sentences])
    found = [m for m in _WEEKDAY.finditer(lead) if not _in_a_name(lead, m.start(), m.end())]
    weekdays = {_WEEKDAYS.index(m.group(1).lower()) for m in found}
    reported = {
        _WEEKDAYS.index(m.group(1).lower())
        for m in found
        if params.followup_weekdays and _dates_the_report(lead, m.start(), m.end())
    }
    # A weekday named both ways ("said on Sunday after Sunday's march") is the event's.
    event_days = {
        _WEEKDAYS.index(m.group(1).lower())
        for m in found
        if not (params.followup_weekdays and _dates_the_report(lead, m.start(), m.end()))
    }
    marks = {(WEEKDAY_MARK, day) for day in event_days}
    marks.update((REPORT_DAY_MARK, day) for day in reported - event_days)
    limit = None if published is None else _as_utc(published)
    marks.update(
        (DATE_MARK, d.toordinal()) for d in find_text_dates(lead) if limit is None or d <= limit
    )
    if limit is not None:
        day = limit.toordinal()
        # Days back from publication to the weekday named (0 when it is that day).
        marks.update((DATE_MARK, day - (limit.weekday() - w) % 7) for w in weekdays)
    return tuple(sorted(marks))


def hash_place(name: str) -> int:
    """A word of a place or name as a key-number value (CRC-32 of it lower-cased), so
    that place marks and names can be compared without storing strings beside figures."""
    return zlib.crc32(" ".join(name.lower().split()).encode("utf-8"))


def _place_words(name: str) -> list[str]:
    """The words of a place name after its preposition, cut at a word that is no name
    (a weekday, a month, a sentence opener) and after a possessive, which is dropped."""
    words: list[str] = []
    for word in name.split():
        if word in _NAME_STOPWORDS or word.lower() in _MONTHS:
            break
        words.append(_POSSESSIVE.sub("", word))
        if word != words[-1]:
            break
    return words


def extract_place_marks(
    article: Article, params: GroupingParams = GroupingParams()
) -> tuple[tuple[str, int], ...]:
    """The places the title and first sentence put the event in, and the names they
    give, word by word, as key numbers.

    ``"The River Alder flooded the market square in Kelbrook on Tuesday"`` gives
    ``("@place", hash_place("kelbrook"))``, and ``("@named", hash_place(word))`` for
    "river", "alder" and "kelbrook" (words, not whole names: "in Queen Elizabeth
    National park" and "in Queen Elizabeth National Park in Uganda" share a place).
    Reports of one event say where it happened; another incident of the same
    storyline (same river, same mayor) often happened somewhere else, which its lead
    names while naming the other place only later, as background. A possessive is
    dropped ("in Kelbrook's market square"), and words that are not names (weekdays,
    months, sentence openers) end a place. A name after "at" gives ``("@site", term)``
    for each of its words' lexical term ids (``params.site_marks``). Untitled texts have
    them too, from their first sentence, unless ``params.place_marks_need_title``.
    """
    if params.place_marks_need_title and not article.title.strip():
        return ()
    sentences = _split_sentences(article.text)[: params.day_mark_sentences]
    marks: set[tuple[str, int]] = set()
    for part in [article.title, *sentences]:
        for match in _PLACE.finditer(part):
            words = _place_words(match.group(1))
            marks.update((PLACE_MARK, hash_place(word)) for word in words)
        if params.site_marks:
            for match in _SITE.finditer(part):
                words = _place_words(match.group(1))
                marks.update((SITE_MARK, term) for term in count_terms(" ".join(words)))
        for match in _NAME.finditer(part):
            words = [_POSSESSIVE.sub("", w) for w in match.group(0).split()]
            marks.update((LEAD_NAME_MARK, hash_place(w)) for w in words if w not in _NAME_STOPWORDS)
    return tuple(sorted(marks))


def extract_sequel_marks(
    article: Article, params: GroupingParams = GroupingParams()
) -> tuple[tuple[str, int], ...]:
    """Whether the title and first sentence report a repeat, or a later legal stage, of
    an earlier event of the storyline, as key numbers.

    ``"Dockers strike again, three weeks after the last walkout"`` gives
    ``("@sequel", 1)``; ``"Ex-mayor goes on trial months after his arrest"`` gives it
    and ``("@stage", 2)`` (the latest stage its lead names). With no publication time
    these are what tell a report of the second strike, or of the trial, from one of the
    first strike, or of the arrest: their people, place and words are the same. Only the
    lead is read: later sentences recall earlier events as background. Each kind only
    with ``params.sequel_marks`` and ``params.stage_marks``.
    """
    if not (params.sequel_marks or params.stage_marks):
        return ()
    sentences = _split_sentences(article.text)[: params.day_mark_sentences]
    lead = "\n".join([article.title, *sentences])
    marks: set[tuple[str, int]] = set()
    if params.sequel_marks and _SEQUEL.search(_RESUMED_AGAIN.sub(" ", lead)):
        marks.add((SEQUEL_MARK, 1))
    stages = [stage for stage, pattern in enumerate(_STAGES, start=1) if pattern.search(lead)]
    if params.stage_marks and stages:
        marks.add((STAGE_MARK, max(stages)))
    return tuple(sorted(marks))


def compute_features(
    article: Article, ingested_at: datetime, params: GroupingParams = GroupingParams()
) -> ArticleFeatures:
    """All grouping features of one article (no model needed), under ``params``; the
    first ``params.embedding.lead_words`` words of the lead are kept for embedding."""
    date = find_event_date(article, ingested_at)
    published = date.when if date.known else None
    return ArticleFeatures(
        content_hash=hash_content(article),
        lead=extract_lead(article, params.embedding.lead_words),
        date=date,
        minhash=compute_minhash(shingle_words(article.title + "\n" + article.text)),
        key_numbers=tuple(
            sorted(
                extract_key_numbers(article, params)
                + extract_day_marks(article, params, published)
                + extract_place_marks(article, params)
                + extract_sequel_marks(article, params)
            )
        ),
        names=extract_names(article, params),
        event_lead=extract_event_lead(article, params),
    )
