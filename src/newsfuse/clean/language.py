"""Which language a line is in, from its script and stop-word profile.

Used to spot reader-facing notices (comment moderation rules, cookie banners)
written in another language than the article. The method is the classic
stop-word profile (Grefenstette 1995, "Comparing two language identification
schemes"), plus letters that only some Latin-script languages use, and the
Unicode script of the letters for non-Latin text. The lists are our own
selection of the most frequent function words of each language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (readable word lists)."""
    return frozenset(words.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        "the of and to in a is that for on with as was by at it from he she they be this "
        "are have has had not but or an which will said were their his her its who"
    ),
    "de": word_set(
        "der die das und ist nicht ein eine zu den von mit sich des auf für im dem "
        "auch es an werden aus er sie nach bei wird oder sind wie über kein keine"
    ),
    "es": word_set(
        "el la los las de que y en un una por con para no se del al es lo como más "
        "pero sus le ya o este sí porque esta entre cuando muy sin sobre"
    ),
    "fr": word_set(
        "le la les de des et en un une du que qui est pour dans pas au ce sur se ne "
        "plus par avec sont ou il elle nous vous leur aux cette"
    ),
    "it": word_set(
        "il lo la gli le di che e un una per non del della con sono si da nel nella "
        "anche come più ma ha alla questo questa"
    ),
    "pt": word_set(
        "o a os as de que e do da em um uma para com não no na por mais dos das se "
        "ao foi pelo pela são também seu sua"
    ),
    "nl": word_set(
        "de het een en van in is dat op te zijn niet met voor er aan ook als bij door "
        "maar om naar dan wordt worden"
    ),
    "tr": word_set(
        "ve bir bu da de ile için olarak daha çok gibi en ama olan veya ya her şu "
        "değil kadar sonra göre ise mi mı yok var"
    ),
}

# Letters that mark a Latin-script language (each found counts like a stop word).
MARKER_LETTERS: dict[str, frozenset[str]] = {
    "de": frozenset("äöüß"),
    "es": frozenset("ñ¿¡"),
    "fr": frozenset("œèêëçàâîû"),
    "pt": frozenset("ãõ"),
    "tr": frozenset("ışğİ"),
}

# A line's language is trusted only with at least this much evidence (stop words +
# marker letters); short lines ("Photo", "ALSO:") carry too little to say.
MIN_EVIDENCE = 2

# Share of language votes (words in lines of a detected language) the article's main
# language needs before lines in other languages are treated as notices: two thirds
# means the story outweighs any notice two to one.
MAIN_LANGUAGE_MIN_SHARE = 2 / 3
# A line's language shows in its first few hundred characters; looking further only costs.
MAX_SAMPLE_CHARS = 1000

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_NON_ASCII_LETTERS = re.compile(r"[^\W\d_A-Za-z]", re.UNICODE)


def detect_script(text: str) -> str:
    """The dominant Unicode script of the letters in ``text`` ("LATIN", "CYRILLIC", ...)."""
    scripts: Counter[str] = Counter()
    scripts["LATIN"] = len(_ASCII_LETTERS.findall(text))  # fast path: most text is ASCII
    for character in _NON_ASCII_LETTERS.findall(text):
        name = unicodedata.name(character, "")
        scripts[name.split(" ", 1)[0] if name else "UNKNOWN"] += 1
    script, count = scripts.most_common(1)[0]
    return script if count else ""


def _languages_of_stop_words() -> dict[str, tuple[str, ...]]:
    languages: dict[str, tuple[str, ...]] = {}
    for language, stop_words in STOP_WORDS.items():
        for word in stop_words:
            languages[word] = (*languages.get(word, ()), language)
    return languages


# Each stop word's languages, and every marker letter: one look-up per distinct word
# instead of one pass over the words per language (ingest detects every article's).
_STOP_WORD_LANGUAGES = _languages_of_stop_words()
_ANY_MARKER = frozenset().union(*MARKER_LETTERS.values())


def language_scores(text: str) -> Counter[str]:
    """Evidence per language: stop-word hits plus marker letters."""
    lowered = text.lower()
    scores: Counter[str] = Counter(dict.fromkeys(STOP_WORDS, 0))
    for word, count in Counter(_WORD.findall(lowered)).items():
        for language in _STOP_WORD_LANGUAGES.get(word, ()):
            scores[language] += count
        if _ANY_MARKER.isdisjoint(word):
            continue
        for language, letters in MARKER_LETTERS.items():
            # Counted per word, like a stop word: one long word full of marker letters
            # is one piece of evidence, not five.
            if not letters.isdisjoint(word):
                scores[language] += count
    return scores


@lru_cache(maxsize=8192)  # the cleaner asks again for the same lines while it iterates
def detect_language(text: str) -> str:
    """Best-guess language code of ``text``, the script name if not Latin, or "" if unsure."""
    script = detect_script(text)
    if script and script != "LATIN":
        return script
    scores = language_scores(text)
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < MIN_EVIDENCE:
        return ""
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return ""
    return ranked[0][0]


def detect_main_language(lines: list[str]) -> str:
    """The language of most of the text, or "" when no language clearly dominates.

    Each line votes for its language with its number of words (pooling all words
    instead would let one long notice full of marker letters outvote a short
    article). The winner must hold MAIN_LANGUAGE_MIN_SHARE of the votes: telling a
    notice from the story by language is only safe when the story is clearly longer.
    """
    votes: Counter[str] = Counter()
    for line in lines:
        language = detect_language(line[:MAX_SAMPLE_CHARS])
        if language:
            votes[language] += len(_WORD.findall(line))
    if not votes:
        return ""
    language, count = votes.most_common(1)[0]
    return language if count >= MAIN_LANGUAGE_MIN_SHARE * sum(votes.values()) else ""


def is_foreign(line: str, article_language: str) -> bool:
    """True if ``line`` is clearly in another language (or script) than the article."""
    if not article_language:
        return False
    line = line[:MAX_SAMPLE_CHARS]
    line_language = detect_language(line)
    if not line_language or line_language == article_language:
        return False
    if article_language in STOP_WORDS:
        # Names and loanwords make single hits common; the article's own function
        # words must be nearly absent too.
        own = language_scores(line)[article_language]
        return own <= 1 and language_scores(line)[line_language] >= own + MIN_EVIDENCE
    return True


def text_language(text: str) -> str:
    """The language of a whole text (its non-empty lines vote, see
    :func:`detect_main_language`), "" when no language clearly dominates."""
    return detect_main_language([line for line in text.splitlines() if line.strip()])
