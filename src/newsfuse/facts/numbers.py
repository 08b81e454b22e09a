"""Numbers as news prints them: digits, separators, scale words and number words.

Everything here is a pure function from a string to a number (or ``None``).
The regular expressions are exported so the claim extractor can find the
same forms it later parses, which keeps spans and values consistent.

Supported forms: ``560``, ``1,200``, ``1 200`` (space or thin-space groups),
``1.200.000`` and ``3,2`` (European style, when asked for), ``2.5``, scale
words and suffixes (``1.2 million``, ``2.5bn``, ``40m``, ``3,2 Mio``), and
English number words (``five hundred and sixty``, ``Thirty-two``,
``a dozen``, ``two million``).
"""

from __future__ import annotations

import math
import re

# How close to a whole number the log10 of two figures' ratio must be for a decimal slip:
# float noise only (3.2e7 * 10 is not exactly 3.2e8 in binary).
DECIMAL_SLIP_TOLERANCE = 1e-9

# Number words and the value they stand for. "a" is handled by the parser
# (it means one only before a scale word: "a dozen", "a hundred", "a million").
SMALL_NUMBERS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Multipliers that close a group ("three hundred", "two million"). "dozen" is
# a multiplier too: "two dozen" is 24 and "a dozen" is 12.
MULTIPLIERS: dict[str, int] = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}

# Scale words and suffixes after a numeral ("1.2 million", "$2.5bn", "€3,2 Mio",
# "12k"). Keys are lower-case; "m" is resolved by the extractor because it can
# also be metres.
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    # South Asian scale words ("Rs 3 lakh", "₹2 crore"): 1,00,000 and 1,00,00,000.
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "mrd": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "tr": 1e12,
    # "Rs 2.48 lakh crore": a lakh of crores, Indian copy's word for a trillion.
    "lakh crore": 1e12,
    "lakh crores": 1e12,
}
# Unicode vulgar fractions written after a numeral ("4½-inch", "2¾ miles").
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 1 / 8, "⅜": 3 / 8,
    "⅝": 5 / 8, "⅞": 7 / 8, "⅕": 1 / 5,
}  # fmt: skip
# Denominators of fraction words ("two-thirds", "a quarter of"), singular and plural.
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}  # fmt: skip

# Plural vague amounts ("hundreds of people"): kept as claims marked vague,
# valued at the smallest amount they can mean.
VAGUE_AMOUNTS: dict[str, float] = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "millions": 2_000_000,
}

_WORD_ALTERNATION = "|".join(sorted([*SMALL_NUMBERS, *TENS, *MULTIPLIERS], key=len, reverse=True))
# A run of number words, hyphens and "and" ("five hundred and sixty",
# "Thirty-two", "a dozen", "two million", "six and a half"). It must start with
# a number word or "a" before a multiplier, and never ends on "and".
NUMBER_WORDS_PATTERN = (
    r"(?:\bhalf[ -]a(?=[ -](?:dozen|million|billion)\b)"
    rf"|\ba(?=[ -](?:dozen|hundred|thousand|million|billion)\b)|\b(?:{_WORD_ALTERNATION})\b)"
    rf"(?:(?:[ -]|[ -]and[ -])(?:{_WORD_ALTERNATION})\b)*"
    r"(?:[ -]and[ -]a[ -]half\b)?"
)
# "and a half" after a numeral ("3 and a half days"): adds 0.5.
AND_A_HALF_RE = re.compile(r"^[ -]and[ -]a[ -]half\b", re.IGNORECASE)
NUMBER_WORDS_RE = re.compile(NUMBER_WORDS_PATTERN, re.IGNORECASE)

# Numerals. Order matters: grouped forms first so "1,200" is not read as "1".
DIGITS_PATTERN = (
    r"(?<![\d.,])(?:"
    r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"  # 3,00,000 / 1,20,00,000 (Indian lakh grouping)
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,200 / 1,200,000.5
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"  # 1.200.000 (European)
    r"|\d{1,3}(?:\.\d{3})+,\d+"  # 1.234,5 (European, dotted thousands and a decimal comma)
    r"|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d])(?:[.,]\d+)?"  # 1 200 / 1 200 000
    r"|\d+[½¼¾⅓⅔⅛⅜⅝⅞⅕]"  # 4½
    r"|\d+(?:[.,]\d+)?"  # 560 / 2.5 / 3,2
    r")(?![\d])"
)
DIGITS_RE = re.compile(DIGITS_PATTERN)

_GROUP_SPACES = re.compile(r"[\u00a0\u202f\u2009 ]")


def parse_numeral(text: str, *, decimal_comma: bool = False) -> float | None:
    """Parse a digit numeral such as ``1,200``, ``1 200``, ``2.5`` or ``3,2``.

    ``decimal_comma`` selects the European reading of a lone separator
    (``3,2`` = 3.2 and ``1.200`` = 1200). Without it a comma followed by
    exactly three digits groups thousands and any other comma is a decimal
    point, because "3,2 Mio" cannot mean thirty-two million.
    """
    text = _GROUP_SPACES.sub("", text.strip())
    if text and text[-1] in VULGAR_FRACTIONS:
        whole = parse_numeral(text[:-1]) if text[:-1] else 0.0
        return None if whole is None else whole + VULGAR_FRACTIONS[text[-1]]
    if not text or not re.fullmatch(r"[\d.,]+", text) or not text[0].isdigit():
        return None
    if decimal_comma:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text and "." in text:
        # Both separators: the last one is the decimal mark.
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        groups = text.split(",")
        if all(len(group) == 3 for group in groups[1:]) or re.fullmatch(
            r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?", text
        ):
            text = text.replace(",", "")
        elif len(groups) == 2:
            text = text.replace(",", ".")
        else:
            return None
    elif text.count(".") > 1:
        groups = text.split(".")
        if not all(len(group) == 3 for group in groups[1:]):
            return None
        text = text.replace(".", "")
    try:
        return float(text)
    except ValueError:
        return None


def parse_number_words(text: str) -> float | None:
    """Parse English number words: ``five hundred and sixty`` → 560, ``a dozen`` → 12,
    ``half a million`` → 500,000.

    The classic two-accumulator algorithm: ``group`` collects the value below
    the current multiplier, ``total`` the completed thousands/millions groups.
    Returns ``None`` when the words do not form a number ("and", "hundred and").
    """
    words = [w for w in re.split(r"[\s-]+", text.strip().lower()) if w]
    if words[-3:] == ["and", "a", "half"] and len(words) > 3:
        whole = parse_number_words(" ".join(words[:-3]))
        return None if whole is None else whole + 0.5
    if not words:
        return None
    total = 0.0
    group = 0.0
    seen_number = False
    if words[:2] == ["half", "a"] and len(words) > 2:
        # "half a million": the half multiplies the scale word that follows.
        group = 0.5
        words = words[2:]
        seen_number = True
    for index, word in enumerate(words):
        if word == "and":
            if not seen_number or index == len(words) - 1:
                return None
            continue
        if word == "a" and index == 0 and not seen_number:
            group = 1
            continue
        if word in SMALL_NUMBERS:
            group += SMALL_NUMBERS[word]
        elif word in TENS:
            group += TENS[word]
        elif word in MULTIPLIERS:
            multiplier = MULTIPLIERS[word]
            if group == 0:
                group = 1.0
            if multiplier < 1000:
                group *= multiplier
            else:
                total += group * multiplier
                group = 0
        else:
            return None
        seen_number = True
    if not seen_number:
        return None
    return float(total + group)


def parse_scale(word: str) -> float | None:
    """The factor of a scale word or suffix (``million`` → 1e6, ``bn`` → 1e9), else ``None``."""
    return SCALES.get(re.sub(r"\s+", " ", word.lower().rstrip(".")))


def parse_fraction(numerator: str, denominator: str) -> float | None:
    """A fraction in words as a share of one: ("two", "thirds") → 0.667, ("a", "quarter") → 0.25.

    ``None`` when either word is not one (the numerator may be "a", "an" or a
    small number word; the denominator a word of :data:`FRACTION_DENOMINATORS`).
    """
    below = FRACTION_DENOMINATORS.get(denominator.lower())
    top_word = numerator.lower()
    top = 1 if top_word in ("a", "an") else SMALL_NUMBERS.get(top_word)
    if below is None or top is None or top == 0 or top > below:
        return None
    return top / below


def number_to_words(number: int) -> str:
    """Render a non-negative integer as English words ("five hundred and sixty").

    The inverse of :func:`parse_number_words`, used to test it and to write
    readable subjects.
    """
    if number < 0:
        raise ValueError("only non-negative integers have words here")
    if number < 20:
        return next(word for word, value in SMALL_NUMBERS.items() if value == number)
    if number < 100:
        tens = next(word for word, value in TENS.items() if value == number // 10 * 10)
        return tens if number % 10 == 0 else f"{tens}-{number_to_words(number % 10)}"
    if number < 1000:
        head = f"{number_to_words(number // 100)} hundred"
        return head if number % 100 == 0 else f"{head} and {number_to_words(number % 100)}"
    for word, value in sorted(MULTIPLIERS.items(), key=lambda item: -item[1]):
        if value >= 1000 and number >= value:
            head = f"{number_to_words(number // value)} {word}"
            rest = number % value
            if rest == 0:
                return head
            joiner = " and " if rest < 100 else " "
            return f"{head}{joiner}{number_to_words(rest)}"
    raise AssertionError("unreachable")  # pragma: no cover


def format_value(value: float) -> str:
    """A compact human form of a number for notes and subjects (560, 2.5, 1,200,000)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


def is_decimal_slip(first: float, second: float) -> bool:
    """Whether two differing positive numbers are the same digits with the decimal
    point moved ("Rs 3.2 crore" / "Rs 32 crore", "Rs 2 lakh" / "Rs 20 lakh"): one is
    the other times an exact power of ten, as a misplaced point or scale word makes."""
    if first <= 0 or second <= 0 or first == second:
        return False
    exponent = math.log10(max(first, second) / min(first, second))
    return abs(exponent - round(exponent)) < DECIMAL_SLIP_TOLERANCE
