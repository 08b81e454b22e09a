"""A story's headline: a source title where one exists, else a short line made from the lead.

A story list titled with a body sentence ("The FBI is looking into the incident,
one of the officials said.") does not say what happened. Sources usually carry a
title; Multi-News documents and pasted text do not, so the headline is then cut
from the brief's lead: its main clause, without dateline, attribution,
parentheticals or an aside after the subject, at most ``params.headline_words``
words, cut where a phrase ends (never on a conjunction, preposition, determiner,
possessive, auxiliary or an opening mark).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsfuse.calendar_words import WEEKDAYS
from newsfuse.model import Article, BriefSentence
from newsfuse.segment import split_sentences
from newsfuse.summary.lexical import REPORTING_VERBS, junk_edges
from newsfuse.summary.params import BriefParams

# "WASHINGTON (AP) — ", "LONDON, March 3 - ": a dateline names the desk, not the event.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]+(?:\([^)]*\))?[^—–-]{0,20}?\s[—–-]+\s+")
# "Salahuddin, Libya (CNN) -- ": a place in any case is a dateline when an agency follows it.
_AGENCY_DATELINE = re.compile(
    r"^[A-Z][\w.' ]{0,30}(?:, [A-Z][\w.' ]{0,30})?\s*\([^)]*\)\s*[—–-]+\s+"
)
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
# "Tamara Lovett, 48, was found ...": an age after a name is detail, not the news.
_AGE_APPOSITIVE = re.compile(r"^([^,]{1,60}?),\s+\d{1,3},\s+")
# "said on Sunday that": headlines drop the weekday and the "that" after a verb of saying.
# A weekday inside a name ("Saturday Night Live", "Bloody Sunday") stays: a capital
# follows it, or one comes just before it with no preposition between.
_WEEKDAY = re.compile(
    r"\s+(?P<preposition>(?:on|late|early|last)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?(?=[,.;]|\s+[^A-Z\s])"
)
# "The officer who was caught on camera ... has been fired": a restrictive relative clause
# with its own auxiliary, up to the main clause's auxiliary (no other clause inside).
_RELATIVE_BEFORE_VERB = re.compile(
    r"^((?:The|A|An)\s[^,;\"“”]{1,60}?)\s+who\s+(?:is|are|was|were|has|had|have)\s"
    r"(?:(?!\b(?:who|that|which|and|but)\b)[^,;\"“”])*?"
    r"(?=\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should)\s)"
)
# ", police said." / ", according to officials.": who said it is not the news.
_ATTRIBUTION = re.compile(
    r",?\s*(?:according to [^,]+|[^,]{0,60}\b(?:said|says|reported|reports|announced|"
    r"confirmed|told [^,]+))\s*[.!?]?[\"”']?$",
)
# " -- or 'yo-yo' dieting -- ": an aside between paired dashes, as in brackets.
_DASHED_ASIDE = re.compile(r"\s+(?:--|—|–)\s+[^—–]{1,80}?\s+(?:--|—|–)\s+")
# "Kalashnikov, who died in December aged 94, wrote ...": a non-restrictive relative
# clause or an appositive ("one of three passengers") between subject and verb.
_INSERTION = re.compile(
    r"^([^,]{1,60}?),\s+(?!(?:and|but|or|so|yet|he|she|it|they|we|you|i|the|this|that|these|"
    r"those|there|then|when|while|if|as|because|according)\b)(?:[a-z]|one of)[^,\"“”]{0,160},"
    r"\s+(?=[a-z])"
)
# Where a long clause may be cut: before a preposition or conjunction ("to" only
# before a noun phrase, see _cuts_before).
_CUT_BEFORE_TEXT = """
after before as at because by during for from in into on over since through under until
when where while with without amid despite following and but that
"""
_CUT_BEFORE = frozenset(_CUT_BEFORE_TEXT.split())
# Words that open an introductory phrase before the main clause.
_OPENING_WORDS = frozenset(
    [
        "although",
        "though",
        "if",
        "once",
        "now",
        "tonight",
        "today",
        "yesterday",
        "last",
        "earlier",
        *WEEKDAYS,
    ]
)
_QUOTE_MARKS = ('"', "“", "'", "‘")
# Verbs whose "that" clause is the news ("said that", "has learned that"): no cut there.
_KNOWING_TEXT = """
say tell told learned learnt revealed reveals found finds believe believes believed think
thinks thought know knows knew show shows showed shown
"""
_SAYING_OR_KNOWING = REPORTING_VERBS | frozenset(_KNOWING_TEXT.split())
# Verbs of saying after which "that" can go in a headline ("said that X" -> "said X").
_SAYING = frozenset({"said", "says", "told", "announced", "confirmed", "reported", "wrote"})
# Auxiliaries and modals: a phrase with one has a verb of its own.
_FINITE_AUXILIARIES_TEXT = """
is are was were has have had will would shall should can could may might must do does did
"""
_FINITE_AUXILIARIES = frozenset(_FINITE_AUXILIARIES_TEXT.split())
# Where a clause ends inside a sentence.
_CLAUSE_BOUNDARY = re.compile(r", |; | [—–] | -- ")
# Closed-class words that lean on what follows them: a headline never ends on one
# ("... star -- and", "... thanks to", "... the cause of her", "... a memo they").
_LEANING_TEXT = """
and but or nor so yet because although though while whereas if unless whether than that
which who whom whose when where as
about above across after against along amid among around at before behind below beside
between beyond by despite down during except following for from in inside into like near
of off on onto out outside over past per since through throughout to toward towards under
until up upon via with within without
a an the this these those each every either neither some any no another such
my your his her its our their i he she we they
is are was were be been being am has have had do does did will would shall should can
could may might must not also just very really more most less even only all both
thanks due according prior
"""
_LEANING = frozenset(_LEANING_TEXT.split())
# Particles end a phrasal verb ("struck out") where a clause ends, not at a cut.
_PARTICLES = frozenset({"out", "up", "down", "off", "over", "in", "on", "back", "away", "around"})
# Words after "to" that make it a preposition before a noun phrase, not an infinitive.
_NOUN_PHRASE_OPENERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my"})
# Verbs of saying whose object is what was said: a headline ending on one has lost its news.
_REPORTING_ENDS = frozenset({"said", "says", "told", "tells", "wrote", "writes", "saying"})
# A reporting verb after these is passive and ends its clause ("no injuries were reported").
_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# Object pronouns after which a particle ends a phrasal verb ("spitting it out").
_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "me", "us", "you"})
_TRAILING = ".,;:!?—–- "


def make_headline(
    articles: Sequence[Article],
    brief: Sequence[BriefSentence],
    params: BriefParams = BriefParams(),
) -> str:
    """The story's headline: the title most sources share (first-seen on a tie), else one
    made from the brief's lead (:func:`headline_from_lead`); '' with neither."""
    titles = [a.title.strip() for a in articles if a.title.strip()]
    if titles:
        return Counter(titles).most_common(1)[0][0]
    if not brief:
        return ""
    # A quotation says what someone said, not what happened: the first sentence that
    # does not open with one is the lead for the headline.
    reported = [s.text for s in brief if not s.text.lstrip().startswith(_QUOTE_MARKS)]
    return headline_from_lead((reported or [brief[0].text])[0], params)


def story_headline(
    titles: Sequence[str], lead_text: str, params: BriefParams = BriefParams()
) -> str:
    """A story's headline for its listing, made without a brief: the title most of
    ``titles`` share (first-seen on a tie), else a headline cut from the first sentence
    of ``lead_text`` (the first article's text) that is long enough to report something;
    '' with neither."""
    present = [t.strip() for t in titles if t.strip()]
    if present:
        return Counter(present).most_common(1)[0][0]
    sentences = [s.text for s in split_sentences(Article(id="lead", text=lead_text))]
    if not sentences:
        return ""
    reporting = [
        s
        for s in sentences
        if len(s.split()) >= params.min_chosen_words and not s.lstrip().startswith(_QUOTE_MARKS)
    ]
    return headline_from_lead((reporting or sentences)[0], params)


def headline_from_lead(lead: str, params: BriefParams = BriefParams()) -> str:
    """A short headline cut from ``lead``: its main clause, at most ``params.headline_words``
    words, with no dateline, attribution, parenthetical or final full stop."""
    # The splitter may leave a dateline's dash on the next sentence ("— Flood waters ...").
    junk_before, junk_after = junk_edges(lead.strip())
    lead = lead.strip()[junk_before : len(lead.strip()) - junk_after]
    text = _AGENCY_DATELINE.sub("", _DATELINE.sub("", lead, count=1), count=1)
    text = _PARENTHETICAL.sub("", text)
    # The comma before a relative clause stays, so the clause goes as an insertion below.
    text = _AGE_APPOSITIVE.sub(
        lambda m: m[1] + (", " if re.match(r"(?:who|whose|which)\b", text[m.end() :]) else " "),
        text,
        count=1,
    )
    if len(text.split()) > params.headline_words:
        # Only a lead too long for a headline loses its weekday and relative clause.
        text = _WEEKDAY.sub(_without_weekday, text)
        text = re.sub(rf"\b({'|'.join(sorted(_SAYING))})\s+that\s+", r"\1 ", text)
        text = _RELATIVE_BEFORE_VERB.sub(r"\1 ", text, count=1)
    text = _DASHED_ASIDE.sub(" ", text)
    insertion = _INSERTION.match(text)
    if insertion and _is_insertion(insertion[1], text[len(insertion[1]) : insertion.end()]):
        text = f"{insertion[1]} {text[insertion.end() :]}"
    if '"' not in text and "”" not in text:
        # Attributions are cut only outside quotations, never inside them.
        shortened = _ATTRIBUTION.sub("", text)
        if len(shortened.split()) >= params.min_chosen_words:
            text = shortened
    # An opening phrase ("After months of talks, ...") is not the main clause.
    opening, comma, rest = text.partition(", ")
    if comma and opening.split()[0].lower() in _CUT_BEFORE | _OPENING_WORDS:
        text = rest[:1].upper() + rest[1:]
    tokens = text.split()
    clause_end = True
    # The earliest clause boundary that leaves a head long enough to report something.
    for boundary in _CLAUSE_BOUNDARY.finditer(text):
        head = text[: boundary.start()]
        if (
            len(head.split()) >= params.min_chosen_words
            and not _opens_quotation(head)
            and (not params.headline_needs_verb or _has_verb(head))
        ):
            tokens = head.split()
            break
    if len(tokens) > params.headline_words:
        clause_end = False
        cuts = [
            position
            for position in range(params.min_chosen_words, params.headline_words + 1)
            if _cuts_before(tokens, position) and _can_end(tokens, position, False)
        ]
        tokens = tokens[: cuts[-1] if cuts else params.headline_words]
    opened = _unclosed_quotation(tokens)
    if opened is not None and opened >= params.min_chosen_words:
        # A quotation cut in half reads as a misquote: stop before it opens.
        tokens, clause_end = tokens[:opened], False
    tokens = _trim_leaning(tokens, clause_end)
    headline = " ".join(tokens).rstrip(_TRAILING)
    return headline.strip("\"“”'‘’ ") if headline.count('"') % 2 else headline


# Irregular past forms common in news leads: with the auxiliaries, the verbs of saying
# and "-ed", they tell a clause from a noun phrase without a tagger.
_IRREGULAR_PAST_TEXT = """
became began bit blew broke brought built bought caught chose came cut dealt did drew drove
ate fell fed felt fought found fled flew forbade forgot forgave froze got gave went grew
hung hit held hurt kept knew laid led left lent let lay lost made meant met paid put quit
ran rang rose saw sought sold sent set shook shot shut sang sank sat slept slid spoke spent
spun split spread stood stole stuck stung struck swore swept swam took taught tore told
thought threw won wore wrote dies died
"""
_IRREGULAR_PAST = frozenset(_IRREGULAR_PAST_TEXT.split())


def _has_verb(text: str) -> bool:
    """True if ``text`` shows a finite verb by its form: an auxiliary or modal, a verb of
    saying, an irregular past or a lower-case word in "-ed" past its first word. A
    present-tense verb ("Police arrest ...") is missed: the caller then cuts later."""
    tokens = [_bare(token) for token in text.split()[1:] if token[:1].islower()]
    return any(
        token in _FINITE_AUXILIARIES
        or token in REPORTING_VERBS
        or token in _IRREGULAR_PAST
        or (len(token) > 4 and token.endswith("ed"))
        for token in tokens
    )


def _without_weekday(match: re.Match[str]) -> str:
    """'' for a weekday phrase, the phrase itself inside a name ("Bloody Sunday")."""
    before = match.string[: match.start()].split()[-1:]
    named = not match["preposition"] and before and before[0][:1].isupper()
    return match[0] if named else ""


def _opens_quotation(text: str) -> bool:
    """True if ``text`` opens a double quotation it does not close."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _unclosed_quotation(tokens: Sequence[str]) -> int | None:
    """The position of the token that opens a quotation ``tokens`` do not close, if any."""
    if not _opens_quotation(" ".join(tokens)):
        return None
    for position in range(len(tokens) - 1, -1, -1):
        if tokens[position].startswith(('"', "“")):
            return position
    return None


def _is_insertion(subject: str, aside: str) -> bool:
    """True if ``aside`` (", ... ,") after ``subject`` is an appositive or a relative
    clause: the subject does not open with a phrase ("For people with heart disease, ...")
    and an aside other than a relative clause has no verb of its own ("..., lowering fever
    and treating headaches may not be so safe")."""
    if subject.split()[0].lower() in _CUT_BEFORE | _OPENING_WORDS:
        return False
    words = [_bare(word) for word in aside.strip(", ").split()]
    return words[0] in {"who", "whose", "which"} or not _FINITE_AUXILIARIES.intersection(words)


def _cuts_before(tokens: Sequence[str], position: int) -> bool:
    """True if a phrase starts at ``tokens[position]``: a preposition or conjunction, or
    "to" before a noun phrase ("to the head of"), never the infinitive ("to release")."""
    word = tokens[position].lower().strip(",")
    if word == "that":
        # "said on Friday that ...": what was said or found is the news, kept whole.
        return not _SAYING_OR_KNOWING.intersection(
            _bare(t) for t in tokens[max(0, position - 4) : position]
        )
    if word == "to":
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        return following.lower() in _NOUN_PHRASE_OPENERS or following[:1].isupper()
    return word in _CUT_BEFORE


def _bare(token: str) -> str:
    return token.lower().strip(".,;:!?\"“”'‘’()[]")


def _can_end(tokens: Sequence[str], end: int, clause_end: bool) -> bool:
    """True if a headline may end on ``tokens[end - 1]``: not a word that leans on the
    next one, an active reporting verb without what was said, a possessive, or an opening
    mark; a particle only after an object pronoun or where a clause ends (``clause_end``)."""
    token = tokens[end - 1]
    bare = _bare(token)
    before = _bare(tokens[end - 2]) if end > 1 else ""
    if bare in _PARTICLES and (clause_end or before in _OBJECT_PRONOUNS):
        return True
    if not bare or bare in _LEANING:
        return False
    if bare in _REPORTING_ENDS and before not in _PASSIVE:
        return False
    if token.rstrip(",;:").endswith(("'s", "’s")) and bare not in {"it's", "it’s"}:
        return False
    return not token.rstrip(",;:").endswith(("(", "[", "“", "‘", "—", "–", "-"))


def _trim_leaning(tokens: list[str], clause_end: bool) -> list[str]:
    """``tokens`` without the words at its end that cannot end a headline (all of them
    if none can); ``clause_end`` if a clause ends after them."""
    end = len(tokens)
    while end > 0 and not _can_end(tokens, end, clause_end and end == len(tokens)):
        end -= 1
    return tokens[:end] if end else tokens
