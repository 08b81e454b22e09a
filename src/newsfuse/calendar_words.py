"""English day and month names, lower-case and in calendar order.

Several stages tell a date from a name ("Last Tuesday" is no surname) or read a date;
they share these lists so that each reads the same words.
"""

from __future__ import annotations

__all__ = ["MONTHS", "WEEKDAYS"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
