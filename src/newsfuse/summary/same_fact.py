"""Whether two sentences state the same fact: one figure counting the same thing, or one
name given to a thing.

A repeat by meaning often shares few words ("212 passengers were taken off by
lifeboats" / "lifeboats rescued 212 passengers"), and two sentences about the same
people share many without stating the same fact. A figure is a sharper key: the
fact extractor's claims (:func:`newsfuse.facts.extract.scan_claims`: the value
normalised, "40,000" = "forty thousand", "$2 million" = "2m dollars", with its kind
and unit) together with what the figure counts, the first content words after it
("212 *passengers*", "53 million dollars in *debt*"). Two sentences with one such
key in common state the same fact. Dates and years are not keys (many facts share
a day), nor is a figure with no lower-case content word after it in its clause ("Xbox
360 is ...", "30 Rock"), nor one after a definite determiner or a possessive ("the two
teens", "her three children": a reference to a known group, not a figure stated).

A name given to something is a fact of the same sort, keyed by the name: two
sentences that each say what a thing is named ("gave its controller the name Spark" /
"announced that the official name of its controller is Spark") state one fact however
they word it. The key is a name (a run of capitalised words) after a naming word (name,
named, dubbed, known as, called ...) in its clause. A name stated without a naming word
("Spark goes on sale in May") is another fact about the named thing, and so is a name
after a naming participle used as a modifier ("a bear named Bruno escaped", "the newly
named Ruhl probe will launch"): like "the two teens", that refers to the thing by its
name and states something else about it. Nor is a name after a preposition ("was named
chief of Kelvix": the post's organisation) or in the possessive ("named Kelvix's chief").
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from newsfuse.calendar_words import MONTHS, WEEKDAYS
from newsfuse.model import Article
from newsfuse.summary.lexical import STOPWORDS, content_words, words
from newsfuse.summary.params import SENTENCE_CACHE_SIZE

# The counted noun is among the first few words after the figure ("2,000 new homes",
# "300 more homes"), before the clause ends (a comma or a full stop).
_COUNTED_NOUN_WORDS = 3
_CLAUSE_END = re.compile(r"[,;:.!?()\"“”—–]")
# "the two teens", "her three children": a figure after a definite determiner or a
# possessive refers back to a group already known; it does not state the figure. Not
# "that", which before a figure is usually the conjunction ("said that 40 people ...").
_REFERRING_BEFORE = re.compile(
    r"\b(?:the|these|those|its|his|her|their|our|your|my|both|all)\s+$", re.IGNORECASE
)
FigureKey = tuple[str, float | str, str | None, str]
# Words that say what something is named: the noun and verb "name", "dubbed", "known
# as", "called" (not the phrasal verbs "called for", "called on", "called off" ...).
_NAMING = re.compile(
    r"\b(?:(?:re)?nam(?:e|es|ed|ing)|dubbed|christened|nicknamed|known\s+as|call(?:ed|ing)"
    r"|(?:en)?titled)\b",
    re.IGNORECASE,
)
_NOT_NAMING_AFTER = re.compile(
    r"\s+(?:for|on|off|up|in|out|back|to|into|upon|it\s+quits)\b", re.IGNORECASE
)
# The clause a naming word gives its name in; not quotation marks, which often hold the
# name itself ('the official name ... is "Spark."'). A break right after the word "name"
# is skipped: an apposition there is the name ("gave it a new name, Spark").
_NAMING_CLAUSE_END = re.compile(r"[,;:.!?()—–]")
# Capitalised words that are not names given to anything: days and months.
_CALENDAR_WORDS = frozenset((*WEEKDAYS, *MONTHS))
# A naming participle right before a name modifies a noun ("a bear named Bruno")
# unless an auxiliary makes it the verb ("was renamed the Ruhl probe", "has named
# Spark"); adverbs between ("will now be called", "formally named") do not count.
_PARTICIPLES_TEXT = "named renamed dubbed called known nicknamed christened titled entitled"
_PARTICIPLES = frozenset(_PARTICIPLES_TEXT.split())
_AUXILIARIES_TEXT = "is are was were be been being am has have had 's ’s"
_AUXILIARIES = frozenset(_AUXILIARIES_TEXT.split())
_ADVERB_BEFORE = re.compile(r"(?:\w+ly|now|also|since|then|later|once)$", re.IGNORECASE)
_ARTICLE = frozenset(("a", "an", "the"))
_POSSESSIVE = re.compile(r"['’]s$")
# A name after a preposition (determiners between) is where or whose, not the name
# given: "named chief of Kelvix", "the name of its Norin console is Spark".
_PREPOSITIONS_TEXT = """
    of for in at on by with from to after about into during under over near against
    between among through without via like
"""
_PREPOSITIONS = frozenset(_PREPOSITIONS_TEXT.split())
_DETERMINERS_TEXT = "a an the its their his her our your my this that these those"
_DETERMINERS = frozenset(_DETERMINERS_TEXT.split())


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def figure_keys(text: str) -> frozenset[FigureKey]:
    """The (kind, value, unit, counted word) of every figure ``text`` states about something."""
    # Lazy: the fact extractor's patterns are only needed once a brief checks repeats.
    from newsfuse.facts.extract import scan_claims
    from newsfuse.facts.patterns import FRACTION_RE, NUMBER_RE

    # Most sentences state no figure: a number's digits or words are needed for a claim,
    # and looking for them is far cheaper than the extractor's full scan.
    if not (NUMBER_RE.search(text) or FRACTION_RE.search(text)):
        return frozenset()
    keys: set[FigureKey] = set()
    for claim in scan_claims(Article(id="sentence", text=text)):
        if claim.kind == "date" or claim.attribute == "year":  # the extractor marks years
            continue
        if _REFERRING_BEFORE.search(text[: claim.start]):
            continue
        after = _CLAUSE_END.split(text[claim.end :], maxsplit=1)[0]
        # A capitalised word after the figure is a name ("30 Rock"), not what it counts:
        # the counted word comes before any.
        following = " ".join(
            itertools.takewhile(lambda w: w[:1].islower(), after.split()[:_COUNTED_NOUN_WORDS])
        )
        for word in content_words(following):
            keys.add((claim.kind, claim.value, claim.unit, word))
    return frozenset(keys)


def states_same_fact(first: str, second: str) -> bool:
    """True if the two sentences state one figure of the same kind counting the same thing."""
    return bool(figure_keys(first) & figure_keys(second))


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def naming_keys(text: str) -> frozenset[str]:
    """The names (runs of capitalised words, lower-cased) ``text`` says a thing
    is given: after a naming word, in its clause, not after a participle modifying a noun."""
    keys: set[str] = set()
    for match in _NAMING.finditer(text):
        after = text[match.end() :]
        naming = match.group(0).lower()
        if naming.startswith("call") and _NOT_NAMING_AFTER.match(after):
            continue
        pieces = _NAMING_CLAUSE_END.split(after, maxsplit=2)
        clause = pieces[0]
        if naming in ("name", "names") and not clause.strip() and len(pieces) > 1:
            clause = pieces[1]
        following = words(clause)
        if naming.split()[0] in _PARTICIPLES and _modifies_noun(text[: match.start()], following):
            continue
        keys.update(_names(following))
    return frozenset(keys)


def _modifies_noun(before: str, following: list[str]) -> bool:
    """True if a naming participle with ``before`` and ``following`` around it is followed by
    a name directly (perhaps after an article) with no auxiliary before it."""
    rest = following[1:] if following and following[0].lower() in _ARTICLE else following
    if not rest or not rest[0][:1].isupper():
        return False  # "named the dinosaur Lunaris": the verb, with its object
    previous = [word for word in words(before) if not _ADVERB_BEFORE.fullmatch(word)]
    return not previous or previous[-1].lower() not in _AUXILIARIES


def _names(tokens: list[str]) -> list[str]:
    """Runs of capitalised words (with the numbers inside them: "Xbox 360") in ``tokens``,
    lower-cased, leaving out stop words, days and months, and the names that are not the
    one given: a possessive ("named Kelvix's chief") or after a preposition ("named chief
    of Kelvix", "its name for the Norin console is Spark")."""
    names: list[str] = []
    run: list[str] = []
    before = ""  # the word before the run, determiners skipped
    for token in [*tokens, "."]:
        word = token.lower()
        capitalised = token[:1].isupper() and len(token) > 1
        if (capitalised and word not in STOPWORDS and word not in _CALENDAR_WORDS) or (
            token.isdigit() and run
        ):
            run.append(word)
            continue
        if run and not _POSSESSIVE.search(run[-1]) and before not in _PREPOSITIONS:
            names.append(" ".join(run))
        if run or word not in _DETERMINERS:
            before = word
        run = []
    return names


def gives_same_name(first: str, second: str) -> bool:
    """True if both sentences say something is given one name (``naming_keys``)."""
    return bool(naming_keys(first) & naming_keys(second))
