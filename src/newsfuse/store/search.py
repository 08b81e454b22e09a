"""User search text to an SQLite FTS5 query that cannot be a syntax error.

A query is split into words (runs of letters and digits, as the FTS5
``unicode61`` tokenizer splits the indexed text); every other character,
quotes, hyphens, ``*``, ``:``, parentheses, is a separator, never FTS5 syntax.
Each word becomes a quoted prefix term and the terms are ANDed, so
``fire-fighters "harbour*`` finds articles holding a word starting with
"fire", one starting with "fighters" and one starting with "harbour", in any
order, case and diacritics ignored.
"""

from __future__ import annotations

import re

# Letters and digits in any script; underscore is a separator, as in unicode61.
_WORD = re.compile(r"[^\W_]+")


def split_search_words(query: str) -> list[str]:
    """The words of a search query, in order (punctuation dropped)."""
    return _WORD.findall(query)


def build_match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for ``query``: its words as ANDed prefix terms.

    Returns None when the query holds no word at all (then nothing can match).
    Words are double-quoted, so FTS5 keywords (AND, OR, NOT, NEAR) are plain words.
    """
    words = split_search_words(query)
    if not words:
        return None
    return " AND ".join(f'"{word}"*' for word in words)
