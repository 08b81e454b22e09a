"""Bounds on the work one input may cost, and the cheap pre-scan that enforces them.

lxml's C parser (under trafilatura) cannot be interrupted from Python, and its time
and memory grow with the nesting depth and the number of elements of a page: a
550 KB page of 50,000 nested ``<div>`` took 14 s and 600 MB. So an HTML page is
measured before it is parsed, by a linear scan of its tags in pure Python, and a
page over the limits is skipped with the reason instead of parsed. What the scan
cannot foresee is bounded by parsing in a child process with a time and memory
limit (:mod:`newsfuse.reading.worker`). The settings and their environment
variables are documented in ``docs/reading-limits.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsfuse.config import environment_number
from newsfuse.errors import InputError


@dataclass(frozen=True, slots=True)
class ReadingLimits:
    """The most one HTML document may ask of the readers; over any limit it is skipped."""

    # Characters of HTML: the largest news pages with inline scripts and styles are a few
    # MB; 5 MB leaves room for them and bounds what lxml holds in memory.
    max_html_chars: int = 5_000_000
    # Open elements nested inside each other. Chromium's HTML parser stops nesting at 512
    # (kMaximumHTMLParserDOMTreeDepth), so no page displays deeper structure than that.
    max_depth: int = 512
    # Start tags in the page. trafilatura's CPU time grows with them (about 0.13 ms each:
    # 40,000 took 5.3 s, see docs/reading-limits.md), so 50,000 bounds a page to about 7 s,
    # while Lighthouse already calls a page of 1,400 elements an excessive DOM.
    max_elements: int = 50_000
    # Wall-clock seconds one page may take to parse, in a child process that is killed
    # past it; 0 parses in this process, unbounded. Pages under the element limit take
    # at most about 7 s of CPU and news pages 10-100 ms (docs/reading-limits.md), so 30
    # s only trips on a page the pre-scan did not foresee, even on a loaded machine.
    max_parse_seconds: float = 30.0
    # Peak resident memory of the parsing child, in MB (0: unbounded); its address space
    # is capped at twice this. The child starts at about 40 MB and a 4.8 MB page (near
    # the size limit) peaks at 140 MB, so 1,000 MB only trips on pathological pages (a
    # 550 KB page of 50,000 nested elements took 600 MB before the depth limit).
    max_parse_memory_mb: int = 1_000


DEFAULT_LIMITS = ReadingLimits()

# Environment variables that set the parse limits for every reader of a process.
PARSE_SECONDS_VARIABLE = "NEWSFUSE_PARSE_TIMEOUT"
PARSE_MEMORY_VARIABLE = "NEWSFUSE_PARSE_MEMORY_MB"


def limits_setting(base: ReadingLimits = DEFAULT_LIMITS) -> ReadingLimits:
    """``base`` with the parse limits of ``$NEWSFUSE_PARSE_TIMEOUT`` (seconds) and
    ``$NEWSFUSE_PARSE_MEMORY_MB`` where they are set (0 turns a limit off)."""
    seconds = environment_number(PARSE_SECONDS_VARIABLE, "seconds")
    memory = environment_number(PARSE_MEMORY_VARIABLE, "MB", whole=True)
    if seconds is not None:
        base = replace(base, max_parse_seconds=seconds)
    if memory is not None:
        base = replace(base, max_parse_memory_mb=int(memory))
    return base


# Elements that never have content, so never add depth.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
     "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "isindex"}
)  # fmt: skip
# Elements an HTML parser closes when a sibling of the same name opens (optional end tags),
# so a page of unclosed <p> or <li> is flat, as browsers and lxml build it.
SELF_CLOSING_SIBLINGS = frozenset(
    {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
     "tfoot", "rp", "rt", "colgroup", "caption"}
)  # fmt: skip
# Elements whose content is raw text, not markup: a "<div>" inside a script is not a tag.
RAW_TEXT_ELEMENTS = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
)  # fmt: skip

# A comment, a doctype or processing instruction, or a start or end tag with its name.
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<[!?][^>]*>?|<(/?)([A-Za-z][^\s/>]*)([^>]*)>?", re.S)

_RAW_TEXT_ENDS = {name: re.compile(f"</{name}", re.I) for name in RAW_TEXT_ELEMENTS}


@dataclass(frozen=True, slots=True)
class PageShape:
    """What the pre-scan measured: deepest nesting and number of start tags."""

    depth: int
    elements: int


def measure_html(html: str, limits: ReadingLimits = DEFAULT_LIMITS) -> PageShape:
    """Nesting depth and tag count of ``html`` as an HTML parser would build it, roughly:
    void elements add no depth, an end tag closes up to its open element, raw-text
    elements are skipped. Stops early once a limit is passed (the answer is then only
    known to be over it)."""
    stack: list[str] = []
    open_counts: dict[str, int] = {}
    deepest = elements = 0
    position = 0
    while True:
        match = _MARKUP.search(html, position)
        if match is None:
            break
        position = match.end()
        name = match.group(2)
        if name is None:
            continue
        name = name.lower()
        if match.group(1):
            if open_counts.get(name):
                while stack:
                    closed = stack.pop()
                    open_counts[closed] -= 1
                    if closed == name:
                        break
            continue
        elements += 1
        if elements > limits.max_elements:
            break
        if name in RAW_TEXT_ELEMENTS:
            end = _RAW_TEXT_ENDS[name].search(html, position)
            position = len(html) if end is None else end.start()
            continue
        if name in VOID_ELEMENTS or match.group(3).rstrip().endswith("/"):
            continue
        if name in SELF_CLOSING_SIBLINGS and stack and stack[-1] == name:
            continue
        stack.append(name)
        open_counts[name] = open_counts.get(name, 0) + 1
        deepest = max(deepest, len(stack))
        if deepest > limits.max_depth:
            break
    return PageShape(depth=deepest, elements=elements)


def check_html_limits(html: str, origin: str, limits: ReadingLimits = DEFAULT_LIMITS) -> None:
    """Raise :class:`InputError` with a one-line reason if ``html`` is over ``limits``."""
    if len(html) > limits.max_html_chars:
        raise InputError(
            origin,
            f"HTML page is too large ({len(html):,} characters, limit "
            f"{limits.max_html_chars:,}); skipped",
        )
    shape = measure_html(html, limits)
    if shape.depth > limits.max_depth:
        raise InputError(
            origin,
            f"HTML page is too deeply nested (over {limits.max_depth} levels); skipped",
        )
    if shape.elements > limits.max_elements:
        raise InputError(
            origin,
            f"HTML page has too many elements (over {limits.max_elements:,}); skipped",
        )
