"""Lexical evidence about sentences: content words, numbers and names.

Embeddings say two sentences are about the same thing; they are poor at saying
whether the sentences agree on a number or a name ("560 troops" and "600
troops" embed almost identically). These helpers give the cheap, exact signals
that redundancy control and citation scoring combine with the embeddings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsfuse.summary.params import SENTENCE_CACHE_SIZE

# Function words that carry no content for overlap measures (a short list: news
# sentences are long enough that the rest of the vocabulary does the work).
_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
said says say told according mr mrs ms dr new one
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NUMBER = re.compile(r"(?<![A-Za-z\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d,]\d)")

_UNIT_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TEN_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
_UNITS = {word: value for value, word in enumerate(_UNIT_WORDS.split())}
_TENS = {word: 10 * (index + 2) for index, word in enumerate(_TEN_WORDS.split())}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_SCALE_AFTER_DIGITS = re.compile(
    rf"(?<![\w.])(\d+(?:\.\d+)?)\s+({'|'.join(_SCALES)})\b", re.IGNORECASE
)
# Second person, or a call to action, outside quotation marks: the text speaks to the
# reader ("Do you live nearby?", "Send us your photos.", "Click here to subscribe.").
_READER_ADDRESS = re.compile(
    r"\b(you|your|yours|yourself)\b|^(click|subscribe|sign up|follow us|send us|share this|"
    r"read more|watch|listen|download|contact us|get the|join us)\b|\bnewsletter\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


# A sentence opening with a connective that answers an earlier sentence ("But police
# said...", "So there will be...", "However, the council...") leans on a sentence the
# brief may not contain, so the brief does not choose it (docs/benchmarks-brief.md).
# "and" or "but" inside a sentence is fine, and so are "So far, ..." (a time phrase) and
# "Still images ..." ("still" and "besides" count only with a comma).
_BACKWARD_CONNECTIVE = re.compile(
    r"^[\"'“‘(]*(so|but|and|or|yet|also|however|instead|thus|therefore|moreover|furthermore|"
    r"nevertheless|nonetheless|otherwise|still(?=,)|besides(?=,))\b(?![-'’])"
    r"(?<!so(?= far| many| much))",
    re.IGNORECASE,
)


def needs_earlier_sentence(text: str) -> bool:
    """True if ``text`` opens with a connective that refers back to a sentence before it
    (discourse cue words; a brief lifts sentences out of their article)."""
    return bool(_BACKWARD_CONNECTIVE.match(text.lstrip()))


# Characters that are page furniture, not prose, when they open or close a sentence:
# list dashes, bullets, pipes, rules ("--A 76-year-old man ...", "... said. |").
JUNK_CHARACTERS = "-–—•*·>|~=_#/\\"
_LEADING_JUNK = re.compile(r"^[" + re.escape(JUNK_CHARACTERS) + r"]+\s*")
_TRAILING_JUNK = re.compile(r"\s*[" + re.escape(JUNK_CHARACTERS) + r"]+$")


def junk_edges(text: str) -> tuple[int, int]:
    """How many characters of junk open and close ``text`` (0, 0 for a clean sentence).

    A sentence opening with a negative number ("-5 degrees ...") is not junk.
    """
    leading = _LEADING_JUNK.match(text)
    head = leading.end() if leading and not re.match(r"^-\d", text) else 0
    trailing = _TRAILING_JUNK.search(text, head)
    tail = len(text) - trailing.start() if trailing else 0
    return head, tail


def has_unbalanced_quotes(text: str) -> bool:
    """True if ``text``'s double quotation marks do not pair up (a quotation cut in half)."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def opens_quotation(text: str) -> bool:
    """True if ``text`` opens a double quotation it does not close."""
    if text.count("“") > text.count("”"):
        return True
    straight = text.count('"')
    # An odd count whose last mark opens (space or start before it) leaves a quote open.
    if straight % 2 == 1:
        last = text.rfind('"')
        return last == 0 or text[last - 1].isspace() or text[last - 1] in "([—–-"
    return False


# Connectives and phrases that answer an earlier sentence, beyond the brief's own list
# (needs_earlier_sentence): a lifted sentence opening with one reads as a reply.
_LEANING_OPENER = re.compile(
    r"^[\"'“‘(]*(if anything|in fact|indeed|in turn|as a result|in addition|additionally|"
    r"meanwhile|then|nor|for example|for instance|on the other hand|even so|that said|"
    r"likewise|similarly|again|instead|by contrast|in contrast|at the time|after that|"
    r"the opposite|the other|the latter|the former|both|neither|either)\b(?![-'’])",
    re.IGNORECASE,
)
# A personal pronoun as the subject or possessor at the opening needs a named antecedent.
_PRONOUN_OPENER = re.compile(
    r"^[\"'“‘(]*(he|she|they|it|his|her|their|its|him|them)\b(?![-'’])", re.IGNORECASE
)
# "It is unclear whether ...", "It was not until ...": an expletive "it" refers to nothing.
_EXPLETIVE_IT = re.compile(
    r"^[\"'“‘(]*it(?:'s|’s| is| was| has been| had been| remains| remained| seems| seemed|"
    r" appears| appeared| will be| would be| could be| may be| might be)\b"
    r"[^,;]*?\b(to|that|whether|if|when|how|why|what|who|unclear|not clear|not known|"
    r"too early|not until|time)\b",
    re.IGNORECASE,
)
# A demonstrative at the opening points back ("This is the third ...", "Those men ..."),
# unless it names a time relative to publication ("This week", "That night").
_DEMONSTRATIVE_OPENER = re.compile(
    r"^[\"'“‘(]*(this|that|these|those|such)\b(?![-'’])"
    r"(?!\s+(week|year|month|morning|afternoon|evening|night|weekend|summer|winter|spring|"
    r"autumn|fall|season|time|decade|century|day|past|coming|past|last|next)\b)",
    re.IGNORECASE,
)
# Verbs that attribute a quotation in news copy, past and present ("he asked", "she
# insists"): a hand list of the common ones, nearly all in WordNet's verb.communication.
_REPORTING_VERBS = """
    said says added adds told tells explained explains wrote writes noted notes continued
    continues recalled recalls asked asks insisted insists argued argues claimed claims
    warned warns replied replies responded responds answered answers stated states
    declared declares announced announces acknowledged acknowledges admitted admits
    conceded concedes confirmed confirms denied denies suggested suggests urged urges
    remarked remarks observed observes commented comments maintained maintains
    complained complains joked jokes quipped quips recounted recounts described
    describes emphasized emphasizes emphasised emphasises stressed stresses cautioned
    cautions predicted predicts promised promises vowed vows pointed points concluded
    concludes reported reports testified testifies wondered wonders shouted shouts
    yelled yells whispered whispers tweeted tweets posted posts
"""
REPORTING_VERBS = frozenset(_REPORTING_VERBS.split())
# A quotation attributed to a bare pronoun: the speaker is named in a sentence not there.
_PRONOUN_SPEAKER = re.compile(
    r"\b(he|she|they)\s+(" + "|".join(sorted(REPORTING_VERBS)) + r")\b", re.IGNORECASE
)


def dangling_reason(text: str) -> str:
    """Why the opening of ``text`` needs an antecedent ('' if it stands alone).

    Reasons: ``connective``, ``pronoun``, ``demonstrative``, ``pronoun speaker``.
    """
    text = text.strip()
    if needs_earlier_sentence(text) or _LEANING_OPENER.match(text):
        return "connective"
    outside = _QUOTED.sub(" ", text)
    # Inside a quotation attributed to a named speaker, "this" and "he" are the
    # speaker's: the sentence says who is talking.
    speaker_named = text[:1] in '"“' and _names_outside_quotes(outside, skip_first=False)
    if _PRONOUN_OPENER.match(text) and not _EXPLETIVE_IT.match(text) and not speaker_named:
        return "pronoun"
    if _DEMONSTRATIVE_OPENER.match(text) and not speaker_named:
        return "demonstrative"
    if _PRONOUN_SPEAKER.search(outside) and not _names_outside_quotes(outside):
        return "pronoun speaker"
    return ""


def _names_outside_quotes(outside: str, *, skip_first: bool = True) -> bool:
    """True if text outside quotations has a capitalised word (past its first one, which
    every sentence capitalises, unless the sentence opens with a quotation)."""
    tokens = words(outside)[1 if skip_first else 0 :]
    return any(token[:1].isupper() and token.lower() != "i" for token in tokens)


# A quotation mark, with any opening bracket, at the very start of a sentence.
_OPENS_WITH_QUOTE = re.compile(r"^[(\[]*[\"“]")


def lacks_speaker(text: str) -> bool:
    """True if ``text`` is nothing but a quotation (its marks paired, no word outside
    them): the speaker is named in a sentence before it ('"It will grow the economy."'
    after '"It simplifies the code," she said.'), so lifted alone it quotes nobody."""
    stripped = text.strip()
    if not _OPENS_WITH_QUOTE.match(stripped) or has_unbalanced_quotes(stripped):
        return False
    outside = _QUOTED.sub(" ", stripped)
    return not any(character.isalnum() for character in outside)


def names_speaker(text: str) -> bool:
    """True if ``text`` has a verb of saying outside its quotations ("..., Lind said.",
    "Lind wrote: ..."): a quotation in it is attributed to someone."""
    outside = _QUOTED.sub(" ", text)
    return any(word.lower() in REPORTING_VERBS for word in words(outside))


def addresses_reader(text: str) -> bool:
    """True if ``text``, outside quotes, speaks to the reader rather than about the event."""
    return bool(_READER_ADDRESS.search(_QUOTED.sub("", text).strip()))


# Adding to something said before, outside quotation marks: "also", "as well", "again",
# "the other", a clause-final "too" ("too much" is degree, not addition).
_ADDITIVE = re.compile(
    r"\balso\b(?! known\b)|\bas well\b(?! as\b)|\b(?:again|the other)\b"
    r"|\btoo\b(?=\s*(?:[,.;:!?)]|$))",
    re.IGNORECASE,
)
# A first-person singular narrator outside quotation marks: an op-ed's author ("I knew
# ..."), whom a brief never introduces. Case kept: "I" only as a capital.
# A Roman "I" ("Level I, II and III", "World War I") is not a narrator.
_FIRST_PERSON = re.compile(
    r"\b(?:(?<!Level )(?<!Type )(?<!Phase )(?<!Part )(?<!War )(?<!Class )(?<!Stage )"
    r"(?<!Chapter )(?<!Title )I(?!,? (?:and )?II\b)|I'm|I've|I'd|I'll|I’m|I’ve|I’d|I’ll|"
    r"[Mm]e|[Mm]y|[Mm]yself)\b"
)
# A medium the page shows and the brief does not: "this picture", "these photos",
# "the video below".
_SHOWN_MEDIUM = re.compile(
    r"\b(?:this|these)\s+(picture|photo|photograph|image|video|clip|graphic|chart|slideshow)"
    r"s?\b|\b(picture|photo|photograph|image|video|clip|graphic|chart|map)s?\s+(?:above|below)\b",
    re.IGNORECASE,
)
# The outlet selling itself: an issue, edition or copy of the publication on sale or to
# buy, "this week's ... magazine", "our podcast".
_PROMOTION = re.compile(
    r"\b(?:this|next|last) week's (?:[A-Z][\w&'’!-]*\s+){0,3}(?:magazine|issue|edition)\b"
    r"|\b(?:magazine|issue|edition|copy)\b[^.!?]{0,25}\b(?:(?:is|are) )?(?:on sale|out now|"
    r"on newsstands|in stores)\b"
    r"|\bpick up (?:a|your) copy\b|\b(?:buy|get) (?:the|a|your) (?:digital )?(?:edition|copy|"
    r"issue)\b|\bour (?:magazine|podcast|newsletter|latest issue)\b",
    re.IGNORECASE,
)


def additive_outside_quotes(text: str) -> bool:
    """True if ``text``, outside quotes, adds to something said before it ("have also
    been discharged", "the other victims")."""
    return bool(_ADDITIVE.search(_QUOTED.sub(" ", text)))


def first_person_narrator(text: str) -> bool:
    """True if ``text``, outside quotes, speaks in the first person singular ("I knew")."""
    return bool(_FIRST_PERSON.search(_QUOTED.sub(" ", text)))


def shown_medium(text: str) -> str:
    """The medium ``text`` points at as shown on the page ("this picture" -> "picture"),
    '' if none."""
    match = _SHOWN_MEDIUM.search(text)
    return (match[1] or match[2]).lower() if match else ""


def promotes_outlet(text: str) -> bool:
    """True if ``text`` is the outlet promoting its own issue, edition or show."""
    return bool(_PROMOTION.search(text))


_PRONOUN_SPEAKERS = frozenset({"he", "she", "they", "i", "we", "it"})


def quotation_speaker(text: str) -> str:
    """The named speaker of a quotation of four or more words in ``text``: the capitalised
    word beside a verb of saying outside the quotation marks ("..., Carter said.",
    "said Lind"), lower-cased; '' for no quotation or a pronoun speaker."""
    if not any(len(quoted.split()) >= 4 for quoted in _QUOTED.findall(text)):
        return ""
    outside = words(_QUOTED.sub(" ", text))
    for position, word in enumerate(outside):
        if word.lower() in REPORTING_VERBS:
            for near in (position - 1, position + 1):
                if (
                    0 <= near < len(outside)
                    and outside[near][:1].isupper()
                    and outside[near].lower() not in _PRONOUN_SPEAKERS
                ):
                    return outside[near].lower()
    return ""


def words(text: str) -> list[str]:
    """Return the word tokens of ``text`` in order, case preserved."""
    return _WORD.findall(text)


def stem(word: str) -> str:
    """Crudely fold plurals and possessives so "troops" matches "troop" and "city's" "city"."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def content_words(text: str) -> frozenset[str]:
    """Return the stemmed, lower-cased non-stopwords of ``text``."""
    return frozenset(
        stem(word)
        for word in words(text)
        if word.lower() not in STOPWORDS and len(word) > 1 and not word.isdigit()
    )


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def numbers(text: str) -> frozenset[float]:
    """Return the numeric values stated in ``text``: digits, "2.5 million", "five hundred"."""
    found: set[float] = set()
    scaled_spans: list[tuple[int, int]] = []
    for match in _SCALE_AFTER_DIGITS.finditer(text):
        found.add(float(match.group(1)) * _SCALES[match.group(2).lower()])
        scaled_spans.append(match.span(1))
    for match in _NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in scaled_spans):
            continue
        found.add(float(match.group(1).replace(",", "") + (match.group(2) or "")))
    found.update(_spelled_numbers(text))
    return frozenset(found)


def _spelled_numbers(text: str) -> set[float]:
    """Parse runs of English number words ("five hundred and sixty") into values.

    "one" alone is skipped: it is far more often a pronoun ("one of the") than a count.
    """
    values: set[float] = set()
    total = current = 0
    run: list[str] = []

    def close() -> None:
        nonlocal total, current, run
        if run and run != ["one"]:
            values.add(float(total + current))
        total = current = 0
        run = []

    for token in words(text.lower()):
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred" and run:
            current = max(current, 1) * 100
        elif token in _SCALES and run:
            total += max(current, 1) * _SCALES[token]
            current = 0
        elif token == "and" and run:
            continue
        else:
            close()
            continue
        run.append(token)
    close()
    return values


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def names(text: str) -> frozenset[str]:
    """Return lower-cased capitalised words after the first token: a cheap proxy for names.

    The first word is skipped because every sentence capitalises it.
    """
    tokens = words(text)
    return frozenset(
        token.lower()
        for token in tokens[1:]
        if token[:1].isupper() and token.lower() not in STOPWORDS and len(token) > 1
    )


def containment(part: frozenset[str], whole: frozenset[str]) -> float:
    """Fraction of ``part`` found in ``whole`` (0 when ``part`` is empty)."""
    if not part:
        return 0.0
    return len(part & whole) / len(part)


def normalise_for_identity(text: str) -> str:
    """Fold case and whitespace so that copies of a sentence compare equal."""
    return " ".join(words(text.lower()))
