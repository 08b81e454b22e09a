"""Whether two counted nouns name the same kind of thing, from WordNet (Miller 1995).

Two figures can only disagree about one attribute if they count the same
thing: "troops" and "soldiers", "dockers" and "union members", "passengers" and
"people" can; "jobs" and "cuts", "deaths" and "injuries" cannot. The relation
is read from WordNet's noun database as Debian's ``wordnet-base`` package
installs it (``/usr/share/wordnet``, or the directory in ``$NEWSFUSE_WORDNET``).

The files are read in the WordNet database format (wndb(5WN)): a word is
found by binary search in the sorted ``index.noun`` and its synsets are read
at their byte offsets in ``data.noun``, so nothing is loaded up front and a
lookup costs a few disk reads. (NLTK's ``WordNetCorpusReader`` reads the same
files, but importing NLTK and loading its index took 5 to 40 s on the shared
2-core dev box, most of the fact comparison's budget.) Lookups are cached.

When the files are absent, :func:`nouns_related` answers ``None`` ("cannot
tell") and the verdict falls back to its word lists, as before WordNet was used.
"""

from __future__ import annotations

import functools
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsfuse.once import load_once

__all__ = [
    "WORDNET_DIR",
    "WordNet",
    "load_wordnet",
    "noun_is_kind_of",
    "noun_names_group",
    "noun_names_time",
    "nouns_related",
    "verb_changes_magnitude",
    "verbs_related",
]

WORDNET_DIR = Path("/usr/share/wordnet")
# Senses of a word taken into account, most frequent first: rarer senses relate
# almost any two words ("cut" is also a kind of "share", as in "job").
SENSES = 3
# Hypernym steps climbed from each word when looking for a shared class: "docker"
# reaches "person" in four ("laborer", "workman", "worker", "person").
HYPERNYM_STEPS = 4
# A shared class must be at least this deep below WordNet's root ("entity"): "person"
# (depth 3) is a class of its own, "abstraction" (1) or "physical entity" (1) is not.
MIN_SHARED_DEPTH = 3
# ... and at most this many steps from the two words together: "passenger" and
# "people" meet at "person" in three; "injury" and "death" only at "change" in five.
MAX_SHARED_STEPS = 4
# The lexicographer file of nouns denoting people (lexnames(5WN)): counts of
# any kind of person ("dockers", "union members") count people.
PERSON_LEXFILE = 18
# The lexicographer file of nouns denoting groupings (noun.group): "pack", "crowd", "team".
GROUP_LEXFILE = 14
# The lexicographer file of nouns denoting time periods (noun.time): "hour", "evening".
TIME_LEXFILE = 28
# wndb pointer symbols: hypernym, instance hypernym, member meronym ("people" has member "person").
HYPERNYM_POINTERS = frozenset({"@", "@i"})
MEMBER_POINTER = "%m"
# Verb pointers followed one way: troponym-of ("wound" is a way to "hurt"), entailment
# ("snore" entails "sleep") and cause ("kill" causes "die").
VERB_POINTERS = frozenset({"@", "*", ">"})
# Verb steps climbed from each word: WordNet's verb hierarchy is shallow, and two
# steps up from a specific verb ("shoot") already reach a general one ("hurt");
# three reach "change" or "act", which relate almost any two verbs.
VERB_STEPS = 2
# Verb senses of knowing, saying and being (lexnames(5WN): verb.cognition,
# verb.communication, verb.stative) report or hold a figure but name no event:
# "confirmed 32 cases" and "verified 88 cases" may count different things.
EVENTLESS_VERB_LEXFILES = frozenset({31, 32, 42})
# Depth below the tops of the verb hierarchy that a shared or reached sense must have:
# tops ("change, alter, vary", "get, acquire", "act") lie a step or two above most verbs.
MIN_VERB_DEPTH = 1
# First words of the verb synsets that verbs of changing an amount sit under: "change
# magnitude" (intransitive: "rise", "go up", "shrink") and the transitive "increase" and
# "decrease" ("make bigger / smaller": "raise", "reduce", "cut back"), which WordNet
# files under "change, alter" instead.
MAGNITUDE_VERBS = frozenset({"change_magnitude", "increase", "decrease"})
# Steps climbed from a verb's senses towards it: "cut" (its sense "reduce, cut back")
# reaches it in two, "go up" ("rise, go up, climb" → "grow" → "increase") in three;
# four would reach it from verbs of motion and of state as well.
MAGNITUDE_STEPS = 3
# Entries kept by each word-lookup cache: a long-running server meets an open-ended
# vocabulary, and a few thousand words cover the facts of the briefs in reach.
LOOKUP_CACHE_SIZE = 8192


@dataclass(frozen=True, slots=True)
class Synset:
    """One synset: its offset in its data file, lexicographer file, words,
    hypernyms (for a verb, also what it entails and causes) and members."""

    offset: int
    lexfile: int
    words: tuple[str, ...]
    hypernyms: tuple[int, ...]
    members: tuple[int, ...]


class WordNet:
    """Read-only access to WordNet's files of one part of speech ("noun" or "verb")
    in a directory (wndb format)."""

    def __init__(self, directory: Path, part: str = "noun") -> None:
        self.directory = directory
        self.part = part
        self._pos = part[0].encode()
        self._pointers = HYPERNYM_POINTERS if part == "noun" else VERB_POINTERS
        self._index: BinaryIO = open(directory / f"index.{part}", "rb")  # noqa: SIM115
        self._data: BinaryIO = open(directory / f"data.{part}", "rb")  # noqa: SIM115
        self._index_size = self._index.seek(0, os.SEEK_END)
        # One reader per process, shared by the server's threads: a seek and its read go together.
        self._lock = threading.Lock()
        self.senses = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._senses)
        self.synset = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._synset)
        self.depth = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._depth)

    def close(self) -> None:
        """Close the two database files."""
        self._index.close()
        self._data.close()

    def _index_line(self, word: bytes) -> bytes | None:
        """The index line of ``word``, by binary search over the sorted file."""
        low, high = 0, self._index_size
        while low < high:
            middle = (low + high) // 2
            self._index.seek(middle)
            if middle:
                self._index.readline()  # skip to the start of the next line
            line = self._index.readline()
            key = line.split(b" ", 1)[0]
            if not line or line.startswith(b"  ") or key > word:
                high = middle
            elif key < word:
                low = middle + 1
            else:
                return line
        self._index.seek(low)
        if low:
            self._index.readline()
        line = self._index.readline()
        return line if line.split(b" ", 1)[0] == word else None

    def _senses(self, word: str) -> tuple[int, ...]:
        """Offsets of the synsets of ``word`` (a lemma), most frequent first."""
        key = word.strip().lower().replace(" ", "_").encode("utf-8")
        if not key:
            return ()
        with self._lock:
            line = self._index_line(key)
        if line is None:
            return ()
        fields = line.split()
        synset_count = int(fields[2])
        return tuple(int(offset) for offset in fields[len(fields) - synset_count :])

    def _synset(self, offset: int) -> Synset:
        """The synset stored at byte ``offset`` of the data file."""
        with self._lock:
            self._data.seek(offset)
            line = self._data.readline()
        fields = line.split(b" | ", 1)[0].split()
        word_count = int(fields[3], 16)
        words = tuple(fields[4 + 2 * k].decode("utf-8").lower() for k in range(word_count))
        cursor = 4 + 2 * word_count
        pointer_count = int(fields[cursor])
        hypernyms: list[int] = []
        members: list[int] = []
        for k in range(pointer_count):
            symbol, target, pos = fields[cursor + 1 + 4 * k : cursor + 4 + 4 * k]
            if pos != self._pos:
                continue
            if symbol.decode() in self._pointers:
                hypernyms.append(int(target))
            elif symbol.decode() == MEMBER_POINTER:
                members.append(int(target))
        return Synset(offset, int(fields[1]), words, tuple(hypernyms), tuple(members))

    def _depth(self, offset: int) -> int:
        """Shortest number of hypernym steps from the synset up to a root (a synset
        with none), or, when none is reached, the steps to the last new synset.

        Breadth first, each synset once: a verb's pointers (what it entails and
        causes beside its hypernyms) close loops, around which a recursion never ends.
        """
        seen = {offset}
        level = [offset]
        steps = 0
        while True:
            following = []
            for node in level:
                parents = self.synset(node).hypernyms
                if not parents:
                    return steps
                following += [parent for parent in parents if parent not in seen]
                seen.update(parents)
            if not following:
                return steps
            level = following
            steps += 1

    def ancestors(self, offset: int, steps: int) -> dict[int, int]:
        """The synset and its hypernyms up to ``steps`` up, each with its distance."""
        found = {offset: 0}
        frontier = [offset]
        for distance in range(1, steps + 1):
            frontier = [
                parent
                for node in frontier
                for parent in self.synset(node).hypernyms
                if parent not in found
            ]
            for parent in frontier:
                found.setdefault(parent, distance)
        return found


@load_once
def load_wordnet(directory: str | None = None, part: str = "noun") -> WordNet | None:
    """WordNet's database of ``part`` ("noun" or "verb") in ``directory`` (default
    ``$NEWSFUSE_WORDNET`` or ``/usr/share/wordnet``), opened once per process;
    ``None`` when its files are absent."""
    root = Path(directory or os.environ.get("NEWSFUSE_WORDNET") or WORDNET_DIR)
    if not (root / f"index.{part}").is_file() or not (root / f"data.{part}").is_file():
        return None
    try:
        return WordNet(root, part)
    except OSError:
        return None


def _classes(wordnet: WordNet, word: str) -> dict[int, int]:
    """The word's most frequent senses, their hypernyms and, for a group noun
    ("people"), its members ("person"), each with its distance from the word."""
    found: dict[int, int] = {}
    for sense in wordnet.senses(word)[:SENSES]:
        for offset, distance in wordnet.ancestors(sense, HYPERNYM_STEPS).items():
            found[offset] = min(found.get(offset, distance), distance)
        for member in wordnet.synset(sense).members:
            found.setdefault(member, 1)
    return found


@functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)
def word_is_adjective(word: str, directory: str | None = None) -> bool | None:
    """Whether WordNet lists ``word`` as an adjective ("silver", "gold", "red"; not
    "school" or "car"); ``None`` when its adjective files are absent."""
    wordnet = load_wordnet(directory, part="adj")
    if wordnet is None:
        return None
    return bool(wordnet.senses(word))


@functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)
def nouns_related(first: str, second: str, directory: str | None = None) -> bool | None:
    """Whether two nouns (lemmas) name the same kind of thing; ``None`` if WordNet
    cannot tell (its files are absent, or it does not know one of the words).

    They do when both count people ("dockers", "union members", "people"), or
    share a sense (a synonym) or a class close to both and deep enough below the
    root to mean something ("passenger" and "people" meet at "person"; "job" and
    "cut" share only "act", "injury" and "death" only a distant "change").
    """
    if first == second:
        return True
    wordnet = load_wordnet(directory)
    if wordnet is None:
        return None
    one, other = _classes(wordnet, first), _classes(wordnet, second)
    if not one or not other:
        return None
    if _counts_people(wordnet, first) and _counts_people(wordnet, second):
        return True
    if set(wordnet.senses(first)[:SENSES]) & set(wordnet.senses(second)[:SENSES]):
        return True  # synonyms, however broad their sense
    return any(
        wordnet.depth(offset) >= MIN_SHARED_DEPTH
        and one[offset] + other[offset] <= MAX_SHARED_STEPS
        for offset in one.keys() & other.keys()
    )


@functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)
def noun_is_kind_of(first: str, second: str, directory: str | None = None) -> bool | None:
    """Whether one noun (a lemma, or a compound as "big cat") is a kind of the other
    ("toddler" of "child", "lion" of "big cat"); ``None`` if WordNet cannot tell.

    Stricter than :func:`nouns_related`: siblings ("son" and "daughter") are not
    kinds of each other, so it can name one thing described in two ways.
    """
    if first == second:
        return True
    wordnet = load_wordnet(directory)
    if wordnet is None:
        return None
    one, other = wordnet.senses(first)[:SENSES], wordnet.senses(second)[:SENSES]
    if not one or not other:
        return None
    if set(one) & set(other):
        return True
    return _either_reaches(wordnet, one, other, HYPERNYM_STEPS)


def _either_reaches(
    wordnet: WordNet,
    one: tuple[int, ...],
    other: tuple[int, ...],
    steps: int,
    min_depth: int = 0,
) -> bool:
    """Whether a sense of either word reaches a sense of the other, at least
    ``min_depth`` deep, within ``steps`` of its pointer chain (hypernyms; for a verb
    also what it entails and causes)."""

    def reaches(senses: tuple[int, ...], targets: tuple[int, ...]) -> bool:
        wanted = {t for t in targets if min_depth <= 0 or wordnet.depth(t) >= min_depth}
        return any(not wanted.isdisjoint(wordnet.ancestors(sense, steps)) for sense in senses)

    return reaches(one, other) or reaches(other, one)


def _counts_people(wordnet: WordNet, word: str) -> bool:
    """Whether the word's most frequent sense is a kind of person ("docker"), or a
    group whose members are people ("people")."""
    senses = wordnet.senses(word)
    if not senses:
        return False
    first = wordnet.synset(senses[0])
    return first.lexfile == PERSON_LEXFILE or any(
        # "person" itself heads WordNet's top file (noun.Tops), not noun.person
        wordnet.synset(member).lexfile == PERSON_LEXFILE or "person" in wordnet.synset(member).words
        for member in first.members
    )


@functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)
def noun_names_group(word: str, directory: str | None = None) -> bool | None:
    """Whether one of a noun's frequent senses is a grouping ("pack", "crowd", "squad"),
    so that "a pack of five runners" sizes the group; ``None`` if WordNet cannot tell."""
    wordnet = load_wordnet(directory)
    if wordnet is None:
        return None
    senses = wordnet.senses(word)[:SENSES]
    if not senses:
        return None
    return any(wordnet.synset(sense).lexfile == GROUP_LEXFILE for sense in senses)


@functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)
def noun_names_time(word: str, directory: str | None = None) -> bool | None:
    """Whether a noun's most frequent sense is a time period ("hour", "evening"), so that
    "during the Wednesday evening rush hour" dates the verb above; ``None`` if WordNet
    cannot tell."""
    wordnet = load_wordnet(directory)
    if wordnet is None:
        return None
    senses = wordnet.senses(word)
    if not senses:
        return None
    return wordnet.synset(senses[0]).lexfile == TIME_LEXFILE


@functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)
def verbs_related(first: str, second: str, directory: str | None = None) -> bool | None:
    """Whether two verbs (lemmas, a phrasal verb as "set down") can report one
    event: they share a sense ("land", "set down"), or one is, within
    ``VERB_STEPS``, a way of doing the other ("shoot" of "hurt"), or entails or
    causes it ("kill" causes "die"). ``None`` if WordNet cannot tell.

    Rare senses are left out as for nouns: "hurt" is also "ache", "shoot" also "sprout".
    """
    if first == second:
        return True
    wordnet = load_wordnet(directory, "verb")
    if wordnet is None:
        return None
    one, other = wordnet.senses(first)[:SENSES], wordnet.senses(second)[:SENSES]
    if not one or not other:
        return None
    one, other = _event_senses(wordnet, one), _event_senses(wordnet, other)
    if any(wordnet.depth(sense) >= MIN_VERB_DEPTH for sense in set(one) & set(other)):
        return True
    return _either_reaches(wordnet, one, other, VERB_STEPS, MIN_VERB_DEPTH)


def _event_senses(wordnet: WordNet, senses: tuple[int, ...]) -> tuple[int, ...]:
    """The senses that name an event, not knowing, saying or being."""
    return tuple(s for s in senses if wordnet.synset(s).lexfile not in EVENTLESS_VERB_LEXFILES)


@functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)
def verb_changes_magnitude(verb: str, directory: str | None = None) -> bool | None:
    """Whether a verb (a lemma, a phrasal verb as "go up") names a change in an amount:
    one of its most frequent senses lies within ``MAGNITUDE_STEPS`` below WordNet's
    "change magnitude" ("cut its estimate to", "the toll has gone up to", "trimmed to").
    ``None`` if WordNet cannot tell (its files are absent, or it does not know the verb).
    """
    wordnet = load_wordnet(directory, "verb")
    if wordnet is None:
        return None
    senses = wordnet.senses(verb)[:SENSES]
    if not senses:
        return None
    return any(
        wordnet.synset(offset).words[0] in MAGNITUDE_VERBS
        for sense in senses
        for offset in wordnet.ancestors(sense, MAGNITUDE_STEPS)
    )
