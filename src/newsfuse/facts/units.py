"""Units of measure and currencies, normalised to SI base units and ISO codes.

Lengths go to metres, areas to square metres, masses to kilograms, volumes to
litres, durations to seconds, speeds to metres per second, temperatures to
degrees Celsius. Conversion factors are the exact legal definitions (NIST
Handbook 44, Appendix C) so that "40 miles" and "65 km" compare correctly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit the extractor recognises: its base unit and the factor to reach it."""

    base: str
    factor: float
    offset: float = 0.0  # only temperatures need one (°F → °C)


_UNITS: dict[str, Unit] = {}


def _define(base: str, factor: float, *aliases: str, offset: float = 0.0) -> None:
    for alias in aliases:
        _UNITS[alias] = Unit(base, factor, offset)


_MILE = 1609.344
_FOOT = 0.3048
_INCH = 0.0254
_POUND = 0.45359237
_YEAR = 365.25 * 86400.0

_define("m", 1.0, "m", "metre", "metres", "meter", "meters")
_define("m", 1000.0, "km", "kilometre", "kilometres", "kilometer", "kilometers")
_define("m", 0.01, "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_define("m", 0.001, "mm", "millimetre", "millimetres", "millimeter", "millimeters")
_define("m", _MILE, "mi", "mile", "miles")
_define("m", 1852.0, "nmi", "nautical mile", "nautical miles")
_define("m", _FOOT, "ft", "foot", "feet")
_define("m", _INCH, "in.", "inch", "inches")
_define("m", 0.9144, "yd", "yard", "yards")
_define("kg", 1.0, "kg", "kilogram", "kilograms", "kilo", "kilos")
_define("kg", 0.001, "g", "gram", "grams")
_define("kg", 1000.0, "t", "tonne", "tonnes", "metric ton", "metric tons")
_define("kg", 907.18474, "ton", "tons", "short ton", "short tons")
_define("kg", 1016.0469088, "long ton", "long tons")
_define("kg", _POUND, "lb", "lbs", "pound", "pounds")
_define("kg", _POUND / 16, "oz", "ounce", "ounces")
_define("m2", 1.0, "m2", "m²", "sq m", "square metre", "square metres", "square meter")
_define("m2", 1.0, "square meters")
_define("m2", 1e6, "km2", "km²", "sq km", "square kilometre", "square kilometres")
_define("m2", 1e6, "square kilometer", "square kilometers")
_define("m2", 1e4, "ha", "hectare", "hectares")
_define("m2", 4046.8564224, "acre", "acres")
_define("m2", _FOOT**2, "sq ft", "ft2", "ft²", "square foot", "square feet")
_define("m2", _MILE**2, "sq mi", "mi2", "mi²", "square mile", "square miles")
_define("l", 1.0, "l", "litre", "litres", "liter", "liters")
_define("l", 0.001, "ml", "millilitre", "millilitres", "milliliter", "milliliters")
_define("l", 1000.0, "m3", "m³", "cubic metre", "cubic metres", "cubic meter", "cubic meters")
_define("l", 3.785411784, "gal", "gallon", "gallons")
_define("l", 158.987294928, "bbl", "barrel", "barrels")
_define("s", 1.0, "s", "sec", "secs", "second", "seconds")
_define("s", 60.0, "min", "mins", "minute", "minutes")
_define("s", 3600.0, "h", "hr", "hrs", "hour", "hours")
_define("s", 86400.0, "day", "days")
_define("s", 604800.0, "week", "weeks")
_define("s", 1209600.0, "fortnight", "fortnights")
# Calendar months and years as news means them in sentences and terms ("96 months",
# "an eight-year term"): the mean Julian month and year, 365.25 days.
_define("s", _YEAR / 12, "month", "months")
_define("s", _YEAR, "year", "years", "yr", "yrs")
_define("s", 10 * _YEAR, "decade", "decades")
_define("m/s", 1.0, "m/s", "metres per second", "meters per second")
# Speeds of spacecraft, meteors and particles are told per second ("17 km per second").
_define("m/s", 1000.0, "km/s", "km per second", "kilometres per second", "kilometers per second")
_define("m/s", 1000.0, "kilometres a second", "kilometers a second", "km a second")
_define("m/s", _MILE, "mi/s", "miles per second", "miles a second")
_define("m/s", 1 / 3.6, "km/h", "kmh", "kph", "km/hr", "kilometres per hour")
_define("m/s", 1 / 3.6, "kilometers per hour", "kilometres an hour", "kilometers an hour")
_define("m/s", 1 / 3.6, "km an hour", "km per hour")
_define("m/s", 0.44704, "mph", "mi/h", "miles per hour", "miles an hour")
_define("m/s", 1852 / 3600, "kn", "kt", "kts", "knot", "knots")
_define("°C", 1.0, "°c", "ºc", "degrees celsius", "degrees centigrade", "celsius")
_define("°C", 5 / 9, "°f", "ºf", "degrees fahrenheit", "fahrenheit", offset=-32.0)

# Currency markers before or after a number, mapped to ISO 4217 codes.
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD",
    "$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "$a": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "₩": "KRW",
    "chf": "CHF",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
    "francs": "CHF",
}
# ISO codes written out in copy ("EUR 3.2m", "3.2 million USD").
ISO_CURRENCY_RE = re.compile(
    r"\b(?:USD|EUR|GBP|JPY|CNY|CHF|CAD|AUD|NZD|INR|SEK|NOK|DKK|PLN|CZK|HUF|ZAR|BRL|MXN|SGD|HKD|KRW|RUB|TRY)\b"
)


def lookup_unit(alias: str) -> Unit | None:
    """The unit an alias names ("km", "square feet", "mph"), case-insensitively, or ``None``."""
    key = re.sub(r"\s+", " ", alias.strip().lower())
    return _UNITS.get(key) or _UNITS.get(key.rstrip("."))


def to_base(value: float, alias: str) -> tuple[float, str]:
    """Convert ``value`` in the unit ``alias`` to its base unit: (40, "miles") → (64373.76, "m").

    Raises ``KeyError`` for an alias that is not a unit; the extractor only
    calls it with aliases it matched from :data:`UNIT_PATTERN`.
    """
    unit = lookup_unit(alias)
    if unit is None:
        raise KeyError(alias)
    return (value + unit.offset) * unit.factor, unit.base


def from_base(value: float, alias: str) -> float:
    """Convert a base-unit value back to ``alias``: the inverse of :func:`to_base`."""
    unit = lookup_unit(alias)
    if unit is None:
        raise KeyError(alias)
    return value / unit.factor - unit.offset


def _alias_pattern(alias: str) -> str:
    # Multi-word aliases may be written with spaces or hyphens ("square-foot").
    parts = [re.escape(part) for part in alias.split(" ")]
    body = r"[ -]".join(parts)
    # Symbols ("°c", "km/h") end on a non-word character, so no word boundary there.
    return body + (r"\b" if alias[-1].isalnum() else "")


# Every alias, longest first so "square feet" wins over "feet" and "km/h" over "km".
UNIT_PATTERN = "|".join(_alias_pattern(alias) for alias in sorted(_UNITS, key=len, reverse=True))
UNIT_RE = re.compile(UNIT_PATTERN, re.IGNORECASE)

# Adjectival units take the singular ("a 14-mile line", "a 1,500-pound satellite").
ADJECTIVAL_SINGULARS = frozenset(
    {"mile", "foot", "inch", "yard", "metre", "meter", "kilometre", "kilometer", "pound"}
)


def unit_factor(alias: str) -> float | None:
    """How many base units one ``alias`` is ("feet" → 0.3048), or ``None`` for no unit."""
    unit = lookup_unit(alias)
    return None if unit is None else unit.factor
