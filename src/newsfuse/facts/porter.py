"""The Porter stemmer (Porter 1980), with NLTK's extensions, without importing NLTK.

The rules are those of ``nltk.stem.porter.PorterStemmer()`` in its default
``NLTK_EXTENSIONS`` mode (NLTK, Apache-2.0), so stems are the same as NLTK's;
``tests/test_porter.py`` checks that. It is held here because ``import nltk``
loads the whole toolkit (scipy and scikit-learn with it), which cost more than
the rest of a brief's start-up together, for one function.
"""

from __future__ import annotations

from collections.abc import Callable

_VOWELS = frozenset("aeiou")

# Irregular forms NLTK maps straight to their stem, before any rule.
_IRREGULAR: dict[str, str] = {
    form: stem
    for stem, forms in {
        "sky": ("sky", "skies"),
        "die": ("dying",),
        "lie": ("lying",),
        "tie": ("tying",),
        "news": ("news",),
        "inning": ("innings", "inning"),
        "outing": ("outings", "outing"),
        "canning": ("cannings", "canning"),
        "howe": ("howe",),
        "proceed": ("proceed",),
        "exceed": ("exceed",),
        "succeed": ("succeed",),
    }.items()
    for form in forms
}

Condition = Callable[[str], bool] | None
Rule = tuple[str, str, Condition]


def _consonants(word: str) -> list[bool]:
    """Whether each letter is a consonant: not a vowel, and a "y" only after a vowel or first."""
    flags: list[bool] = []
    for index, char in enumerate(word):
        if char in _VOWELS:
            flags.append(False)
        elif char == "y":
            flags.append(True if index == 0 else not flags[index - 1])
        else:
            flags.append(True)
    return flags


def _measure(stem: str) -> int:
    """Porter's m: how many vowel-consonant sequences the stem has."""
    pattern = "".join("c" if flag else "v" for flag in _consonants(stem))
    return pattern.count("vc")


def _positive_measure(stem: str) -> bool:
    return _measure(stem) > 0


def _measure_above_one(stem: str) -> bool:
    return _measure(stem) > 1


def _has_vowel(stem: str) -> bool:
    return not all(_consonants(stem))


def _ends_double_consonant(word: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and _consonants(word)[-1]


def _ends_cvc(word: str) -> bool:
    """Porter's *o (consonant, vowel, consonant other than w, x, y), or NLTK's two-letter vc."""
    flags = _consonants(word)
    if len(word) >= 3:
        return flags[-3] and not flags[-2] and flags[-1] and word[-1] not in "wxy"
    return len(word) == 2 and not flags[0] and flags[1]


def _apply_first_rule(word: str, rules: list[Rule]) -> str:
    """Apply the first rule whose suffix ends the word (``*d``: a double consonant)."""
    for suffix, replacement, condition in rules:
        if suffix == "*d" and _ends_double_consonant(word):
            stem = word[:-2]
            return stem + replacement if condition is None or condition(stem) else word
        if word.endswith(suffix):
            stem = word[: len(word) - len(suffix)]
            return stem + replacement if condition is None or condition(stem) else word
    return word


def _step1a(word: str) -> str:
    if word.endswith("ies") and len(word) == 4:
        return word[:-3] + "ie"
    return _apply_first_rule(
        word, [("sses", "ss", None), ("ies", "i", None), ("ss", "ss", None), ("s", "", None)]
    )


def _step1b(word: str) -> str:
    if word.endswith("ied"):
        return word[:-3] + ("ie" if len(word) == 4 else "i")
    if word.endswith("eed"):
        stem = word[:-3]
        return stem + "ee" if _measure(stem) > 0 else word
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and _has_vowel(word[: -len(suffix)]):
            stem = word[: -len(suffix)]
            break
    else:
        return word
    return _apply_first_rule(
        stem,
        [
            ("at", "ate", None),
            ("bl", "ble", None),
            ("iz", "ize", None),
            ("*d", stem[-1], lambda _: stem[-1] not in "lsz"),
            ("", "e", lambda rest: _measure(rest) == 1 and _ends_cvc(rest)),
        ],
    )


def _step1c(word: str) -> str:
    return _apply_first_rule(
        word, [("y", "i", lambda stem: len(stem) > 1 and _consonants(stem)[-1])]
    )


def _step2(word: str) -> str:
    if word.endswith("alli") and _positive_measure(word[:-4]):
        return _step2(word[:-4] + "al")
    rules: list[Rule] = [
        (suffix, replacement, _positive_measure)
        for suffix, replacement in (
            ("ational", "ate"),
            ("tional", "tion"),
            ("enci", "ence"),
            ("anci", "ance"),
            ("izer", "ize"),
            ("bli", "ble"),
            ("alli", "al"),
            ("entli", "ent"),
            ("eli", "e"),
            ("ousli", "ous"),
            ("ization", "ize"),
            ("ation", "ate"),
            ("ator", "ate"),
            ("alism", "al"),
            ("iveness", "ive"),
            ("fulness", "ful"),
            ("ousness", "ous"),
            ("aliti", "al"),
            ("iviti", "ive"),
            ("biliti", "ble"),
            ("fulli", "ful"),
        )
    ]
    rules.append(("logi", "log", lambda _: _positive_measure(word[:-3])))
    return _apply_first_rule(word, rules)


def _step3(word: str) -> str:
    return _apply_first_rule(
        word,
        [
            (suffix, replacement, _positive_measure)
            for suffix, replacement in (
                ("icate", "ic"),
                ("ative", ""),
                ("alize", "al"),
                ("iciti", "ic"),
                ("ical", "ic"),
                ("ful", ""),
                ("ness", ""),
            )
        ],
    )


def _step4(word: str) -> str:
    rules: list[Rule] = [
        (suffix, "", _measure_above_one)
        for suffix in ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment")
    ]
    rules.append(("ent", "", _measure_above_one))
    rules.append(("ion", "", lambda stem: _measure(stem) > 1 and stem[-1] in "st"))
    rules += [
        (suffix, "", _measure_above_one)
        for suffix in ("ou", "ism", "ate", "iti", "ous", "ive", "ize")
    ]
    return _apply_first_rule(word, rules)


def _step5a(word: str) -> str:
    if word.endswith("e"):
        stem = word[:-1]
        measure = _measure(stem)
        if measure > 1 or (measure == 1 and not _ends_cvc(stem)):
            return stem
    return word


def _step5b(word: str) -> str:
    return _apply_first_rule(word, [("ll", "l", lambda _: _measure(word[:-1]) > 1)])


def porter_stem(word: str) -> str:
    """The Porter stem of ``word``, lower-cased, as NLTK's ``PorterStemmer().stem`` gives it."""
    stem = word.lower()
    if stem in _IRREGULAR:
        return _IRREGULAR[stem]
    if len(word) <= 2:
        return stem
    for step in (_step1a, _step1b, _step1c, _step2, _step3, _step4, _step5a, _step5b):
        stem = step(stem)
    return stem
