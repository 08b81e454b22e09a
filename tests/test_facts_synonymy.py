"""WordNet noun relations (newsfuse.facts.synonymy) on a tiny database written in
WordNet's own file format, on the installed one where present, and without one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.facts.describe import Mention
from newsfuse.facts.params import FactParams
from newsfuse.facts.synonymy import (
    WORDNET_DIR,
    WordNet,
    load_wordnet,
    nouns_related,
    verbs_related,
)
from newsfuse.facts.verdict import is_clear_dispute
from newsfuse.model import Claim

# name: (lexicographer file, words, hypernyms, member meronyms); 18 is noun.person.
SYNSETS: dict[str, tuple[int, list[str], list[str], list[str]]] = {
    "entity": (3, ["entity"], [], []),
    "physical": (3, ["physical_entity"], ["entity"], []),
    "agent": (3, ["causal_agent"], ["physical"], []),
    "person": (3, ["person", "individual"], ["agent"], []),
    "worker": (18, ["worker"], ["person"], []),
    "labourer": (18, ["labourer"], ["worker"], []),
    "workman": (18, ["workman"], ["labourer"], []),
    "docker": (18, ["docker", "stevedore"], ["workman"], []),
    "member": (18, ["member"], ["person"], []),
    "group": (3, ["group"], ["entity"], []),
    "people": (14, ["people"], ["group"], ["person"]),
    "act": (4, ["act"], ["entity"], []),
    "job": (4, ["job", "position"], ["act"], []),
    "cut": (4, ["cut"], ["act"], []),
}


# Invented verb synsets: name: (lexicographer file, words, troponym-of, causes); lexicographer
# files as WordNet's: 29 body, 30 change, 31 cognition, 38 motion, 40 possession, 41 social.
VERB_SYNSETS: dict[str, tuple[int, list[str], list[str], list[str]]] = {
    "act": (41, ["act"], [], []),
    "change": (30, ["change"], ["act"], []),
    "harm": (29, ["harm"], ["act"], []),
    "hurt": (29, ["hurt", "injure"], ["harm"], []),
    "wound": (29, ["wound"], ["hurt"], []),
    "shoot": (29, ["shoot"], ["wound"], []),
    "graze": (29, ["graze"], ["shoot"], []),
    "die": (30, ["die", "perish"], ["change"], []),
    "kill": (30, ["kill"], [], ["die"]),
    "move": (38, ["move"], [], []),
    "land": (38, ["land", "set_down"], ["move"], []),
    "splash_down": (38, ["splash_down"], ["land"], []),
    "rise": (30, ["rise"], ["change"], []),
    "fall": (30, ["fall"], ["change"], []),
    "judge": (31, ["judge"], ["act"], []),
    "confirm": (31, ["confirm"], ["judge"], []),
    "verify": (31, ["verify"], ["confirm"], []),
    "get": (40, ["get"], [], []),
    "obtain": (40, ["obtain"], ["get"], []),
}


def write_wordnet(
    directory: Path,
    synsets: dict[str, tuple[int, list[str], list[str], list[str]]] = SYNSETS,
    part: str = "noun",
) -> Path:
    """Write ``synsets`` as ``index.PART`` and ``data.PART`` (wndb(5WN)), licence header
    included; the fourth field is member meronyms of a noun, what a verb causes."""
    names = list(synsets)
    offsets = dict.fromkeys(names, 0)
    pos, second_pointer = part[0], "%m" if part == "noun" else ">"
    header = f"  1 A tiny invented {part} database for tests.  \n"
    for _ in range(2):  # offsets are fixed-width, so a second pass makes them exact
        lines, position = [], len(header)
        for name in names:
            lexfile, words, hypernyms, members = synsets[name]
            pointers = [f"@ {offsets[h]:08d} {pos} 0000" for h in hypernyms]
            pointers += [f"{second_pointer} {offsets[m]:08d} {pos} 0000" for m in members]
            line = (
                f"{offsets[name]:08d} {lexfile:02d} {pos} {len(words):02x} "
                + " ".join(f"{w} 0" for w in words)
                + f" {len(pointers):03d} "
                + " ".join(pointers)
                + f" | gloss of {name}  \n"
            )
            offsets[name] = position
            lines.append(line)
            position += len(line.encode())
    (directory / f"data.{part}").write_text(header + "".join(lines), encoding="utf-8")
    senses: dict[str, list[str]] = {}
    for name in names:
        for word in synsets[name][1]:
            senses.setdefault(word, []).append(name)
    index = [
        f"{word} {pos} {len(found)} 0 {len(found)} 0 "
        + " ".join(f"{offsets[n]:08d}" for n in found)
        for word, found in sorted(senses.items())
    ]
    (directory / f"index.{part}").write_text(header + "\n".join(index) + "\n", encoding="utf-8")
    return directory


@pytest.fixture()
def tiny(tmp_path: Path) -> str:
    return str(write_wordnet(tmp_path))


def test_every_word_of_the_database_is_found_and_unknown_words_are_not(tiny: str) -> None:
    wordnet = WordNet(Path(tiny))
    try:
        for _, words, _, _ in SYNSETS.values():
            for word in words:
                assert wordnet.senses(word), word
        assert wordnet.senses("zebra") == ()
        assert wordnet.senses("aardvark") == ()
        docker = wordnet.synset(wordnet.senses("stevedore")[0])
        assert docker.words == ("docker", "stevedore") and docker.lexfile == 18
    finally:
        wordnet.close()


def test_kinds_of_person_and_people_are_related(tiny: str) -> None:
    assert nouns_related("docker", "member", tiny)
    assert nouns_related("people", "docker", tiny)
    assert nouns_related("job", "position", tiny)  # one synset


def test_things_that_share_only_a_broad_class_are_not_related(tiny: str) -> None:
    assert nouns_related("job", "cut", tiny) is False
    assert nouns_related("people", "job", tiny) is False


def test_without_the_database_nothing_can_be_told(tmp_path: Path) -> None:
    assert load_wordnet(str(tmp_path)) is None
    assert nouns_related("jobs", "cuts", str(tmp_path)) is None
    assert nouns_related("troop", "troop", str(tmp_path)) is True


def _counting(article: str, value: float, noun: str) -> Mention:
    claim = Claim(article, 0, 3, str(value), "count", value)
    return Mention(claim, "count:", noun[:4], (), (), "NUMBER", False, True, False, head_word=noun)


@pytest.mark.skipif(not (WORDNET_DIR / "index.noun").is_file(), reason="wordnet-base absent")
def test_counts_of_unrelated_nouns_are_side_by_side_not_a_conflict() -> None:
    params = FactParams()
    assert not is_clear_dispute(
        (_counting("a", 7000, "job"), _counting("b", 4000, "cut")), 0.9, params
    )
    assert is_clear_dispute(
        (_counting("a", 1900, "docker"), _counting("b", 2400, "member")), 0.9, params
    )
    assert nouns_related("injury", "death") is False
    assert nouns_related("passenger", "people") is True


def test_lookups_from_many_threads_read_the_right_lines(tiny: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    words = [word for _, found, _, _ in SYNSETS.values() for word in found] * 20
    wordnet = WordNet(Path(tiny))
    try:
        expected = {word: wordnet._senses(word) for word in set(words)}
        with ThreadPoolExecutor(max_workers=8) as pool:
            found = list(pool.map(lambda word: (word, wordnet._senses(word)), words))
        assert all(senses == expected[word] for word, senses in found)
    finally:
        wordnet.close()


@pytest.fixture()
def tiny_verbs(tmp_path: Path) -> str:
    return str(write_wordnet(tmp_path, VERB_SYNSETS, "verb"))


def test_every_verb_of_the_database_is_found_with_its_troponyms_and_causes(
    tiny_verbs: str,
) -> None:
    wordnet = WordNet(Path(tiny_verbs), "verb")
    try:
        shoot = wordnet.synset(wordnet.senses("shoot")[0])
        assert shoot.words == ("shoot",)
        assert shoot.hypernyms == wordnet.senses("wound")
        kill = wordnet.synset(wordnet.senses("kill")[0])
        assert kill.hypernyms == wordnet.senses("die")  # cause is followed like a troponym
        assert wordnet.senses("set down") == wordnet.senses("land")
        assert wordnet.senses("sprout") == ()
    finally:
        wordnet.close()


def test_synonyms_ways_and_causes_of_verbs_are_related(tiny_verbs: str) -> None:
    assert verbs_related("land", "set down", tiny_verbs)  # one synset
    assert verbs_related("hurt", "wound", tiny_verbs)
    assert verbs_related("shoot", "injure", tiny_verbs)  # two troponym steps
    assert verbs_related("kill", "die", tiny_verbs)
    assert verbs_related("perish", "kill", tiny_verbs)
    assert verbs_related("splash down", "set down", tiny_verbs)  # a step below a top


def test_verbs_that_meet_only_far_up_or_as_siblings_are_not_related(tiny_verbs: str) -> None:
    assert verbs_related("graze", "harm", tiny_verbs) is False  # four steps up
    assert verbs_related("rise", "fall", tiny_verbs) is False  # both ways to change
    assert verbs_related("obtain", "get", tiny_verbs) is False  # "get" tops the hierarchy
    assert verbs_related("kill", "hurt", tiny_verbs) is False
    assert verbs_related("rise", "sprout", tiny_verbs) is None
    assert verbs_related("rise", "fall", str(Path(tiny_verbs) / "absent")) is None


@pytest.mark.skipif(not (WORDNET_DIR / "index.verb").is_file(), reason="wordnet-base absent")
def test_verbs_of_knowing_name_no_event(tiny_verbs: str) -> None:
    assert verbs_related("verify", "confirm", tiny_verbs) is False


def test_the_installed_verbs_relate_reports_of_one_event() -> None:
    assert verbs_related("hurt", "wound") and verbs_related("hurt", "shoot")
    assert verbs_related("land", "set down") and verbs_related("kill", "die")
    assert verbs_related("rise", "fall") is False
    assert verbs_related("die", "hurt") is False
    assert verbs_related("confirm", "verify") is False
    assert verbs_related("get", "obtain") is False


def test_verbs_whose_pointers_loop_get_a_depth_and_can_be_related(tmp_path: Path) -> None:
    # Invented: "respire" causes "draw breath", a way to "respire"; "pant" is a way to
    # "draw breath". WordNet's own verbs hold such loops ("breathe", "choke").
    looped = {
        **VERB_SYNSETS,
        "respire": (29, ["respire"], [], ["draw_breath"]),
        "draw_breath": (29, ["draw_breath"], ["respire"], []),
        "pant": (29, ["pant"], ["draw_breath"], []),
    }
    directory = str(write_wordnet(tmp_path, looped, "verb"))
    wordnet = WordNet(Path(directory), "verb")
    try:
        depth = {word: wordnet.depth(wordnet.senses(word)[0]) for word in ("respire", "pant")}
        assert depth == {"respire": 1, "pant": 2}  # the steps to the last synset not yet seen
        assert wordnet.depth(wordnet.senses("graze")[0]) == 5  # no loop: as before
    finally:
        wordnet.close()
    assert verbs_related("pant", "draw breath", directory)
    assert verbs_related("pant", "shoot", directory) is False
