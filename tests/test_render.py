"""Tests for newsfuse.render: every format, citations, the JSON schema and HTML safety.

Briefs are built by hand from invented articles (the Tollmere ferry-terminal
fire), so these tests depend on no other pipeline stage.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conftest import CHROMIUM, CHROMIUM_ARGS, REPO
from newsfuse.clean.classify import REASON_CAPTION
from newsfuse.errors import ConfigError
from newsfuse.model import (
    Article,
    Brief,
    BriefSentence,
    BriefStats,
    Citation,
    Claim,
    Fact,
    Removal,
    Skipped,
)
from newsfuse.render import FORMATS, brief_to_dict, load_schema, render
from newsfuse.render.data import normalise_value
from newsfuse.render.layout import build_fact_rows, format_note, safe_url, split_note

LANTERN_TEXT = (
    "Forty firefighters tackled a blaze at the Tollmere ferry terminal on Monday. "
    "The terminal lies 6 miles north of Brackwater. Eight people were injured."
)
HERON_TEXT = (
    "About 45 firefighters were sent to the terminal on 9 March, the fire service said. "
    "Tollmere is 10 km from Brackwater."
)
PIKE_TEXT = (
    "The number of injured rose to 12 on Tuesday, the hospital said. "
    "Firefighters stayed at the terminal overnight."
)


def span(text: str, phrase: str) -> tuple[int, int]:
    """The [start, end) span of ``phrase`` in ``text`` (fails the test if absent)."""
    start = text.index(phrase)
    return start, start + len(phrase)


def citation(article: Article, phrase: str, score: float = 0.8) -> Citation:
    start, end = span(article.text, phrase)
    return Citation(article.id, start, end, score)


def claim(
    article: Article, phrase: str, kind: str, value: float | str, unit: str | None = None
) -> Claim:
    start, end = span(article.text, phrase)
    return Claim(article.id, start, end, phrase, kind, value, unit)  # type: ignore[arg-type]


def make_brief() -> Brief:
    """Three invented outlets; sources deliberately not in citation order."""
    lantern = Article(
        id="lantern-1",
        text=LANTERN_TEXT,
        title="Fire at Tollmere ferry terminal",
        source="Tollmere Lantern",
        url="https://lantern.example/tollmere-fire",
        published=datetime(2026, 3, 9, 18, 5, tzinfo=UTC),
        author="Ina Marsh",
        origin="examples/tollmere/lantern.txt",
    )
    heron = Article(
        id="heron-7",
        text=HERON_TEXT,
        title="Fire at Tollmere ferry terminal",
        source="Heron Valley Radio",
        url="https://heron.example/news/7",
        published=datetime(2026, 3, 9, 20, 40, tzinfo=UTC),
        origin="examples/tollmere/heron.html",
    )
    pike = Article(
        id="pike",
        text=PIKE_TEXT,
        title="Injured toll rises after terminal fire",
        source="The Pike Gazette",
        url="",
        published=datetime(2026, 3, 10, 11, 0, tzinfo=UTC),
        origin="<stdin>:3",
    )
    sentences = (
        BriefSentence(
            "Forty firefighters tackled a blaze at the Tollmere ferry terminal on Monday.",
            (
                citation(lantern, "Forty firefighters tackled a blaze"),
                citation(heron, "About 45 firefighters were sent", 0.6),
            ),
            note="45 according to [heron-7]",
        ),
        BriefSentence(
            "The number of injured rose to 12 on Tuesday, the hospital said.",
            (
                citation(pike, "The number of injured rose to 12 on Tuesday", 0.9),
                citation(lantern, "Eight people were injured.", 0.4),
            ),
        ),
    )
    facts = (
        Fact(
            "conflict",
            "firefighters at the scene",
            "count",
            (
                claim(lantern, "Forty firefighters", "count", 40.0),
                claim(heron, "About 45 firefighters", "count", 45.0),
            ),
        ),
        Fact(
            "revision",
            "people injured",
            "count",
            (
                claim(lantern, "Eight people were injured", "count", 8.0),
                claim(pike, "rose to 12", "count", 12.0),
            ),
        ),
        Fact(
            "agree",
            "distance from Brackwater",
            "quantity",
            (
                claim(lantern, "6 miles", "quantity", 9656.064, "m"),
                claim(heron, "10 km", "quantity", 10000.0, "m"),
            ),
        ),
        Fact(
            "agree",
            "date of the fire",
            "date",
            (
                claim(lantern, "Monday", "date", "2026-03-09"),
                claim(heron, "9 March", "date", "2026-03-09"),
            ),
        ),
    )
    stats = BriefStats(
        articles_read=3,
        skipped=(Skipped("inbox/broken.jsonl:4", "line is not valid JSON"),),
        boilerplate_removed_chars=1234,
        boilerplate_removed_blocks=7,
        words=23,
        timings={"summarize": 0.42, "facts": 0.13},
    )
    return Brief(sentences, (lantern, heron, pike), facts, stats, budget=120)


HOSTILE = "<script>alert('x')</script> | <img src=x onerror=alert(1)>"


def make_hostile_brief() -> Brief:
    """Every untrusted field carries markup or a script URL."""
    brief = make_brief()
    text = f"Crowds gathered {HOSTILE} near the quay. [lantern-1]"
    evil = Article(
        id="evil",
        text=text,
        title=f"Quay news {HOSTILE}",
        source='"><svg onload=alert(2)>',
        url="javascript:alert(3)",
        author="<b onmouseover=alert(4)>",
        origin="<iframe src=http://attacker.example/>",
        published=None,
    )
    second = replace(evil, id="evil-2", url="JaVaScRiPt:alert(5)", source="Quay Post")
    third = replace(evil, id="evil-3", url="data:text/html,<script>1</script>", source="Q3")
    sentence = BriefSentence(
        text, (Citation("evil", 0, len(text), 1.0),), note=f"{HOSTILE} according to [evil]"
    )
    fact = Fact(
        "conflict",
        f"crowd size {HOSTILE}",
        "count",
        (
            Claim("evil", 0, 6, HOSTILE, "count", 3.0),
            Claim("lantern-1", 0, 5, "Forty", "count", 40.0),
        ),
    )
    return replace(
        brief,
        sentences=(*brief.sentences, sentence),
        sources=(*brief.sources, evil, second, third),
        facts=(*brief.facts, fact),
    )


def sentence_lines(output: str) -> list[str]:
    """The bullet lines of a text or Markdown brief, joined back when wrapped."""
    joined = re.sub(r"\n  (?=\S)", " ", output)
    return [line for line in joined.splitlines() if line.startswith("- ")]


def read_grid(output: str) -> list[list[str]]:
    """The text fact table read back into rows of cells, wrapped cell lines re-joined.

    Columns are located by the runs of dashes under the header; a line whose
    status column is empty continues the row above.
    """
    table = output.split("\nFacts\n-----\n", 1)[1].split("\n\n", 1)[0].splitlines()
    spans = [m.span() for m in re.finditer(r"-+", table[1])]
    rows: list[list[str]] = []
    for line in [table[0], *table[2:]]:
        cells = [line[start : end + 1].strip() for start, end in spans]
        if rows and not cells[1]:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return rows


# --- text ---------------------------------------------------------------------------------


def test_text_citations_map_to_source_numbers_in_source_order() -> None:
    output = render(make_brief(), "text")
    lines = sentence_lines(output)
    assert lines[0].startswith("- Forty firefighters tackled a blaze")
    assert "on Monday. [1, 2]" in lines[0]
    # The second sentence cites pike (source 3) first and lantern (1): printed ascending.
    assert "the hospital said. [1, 3]" in lines[1]
    sources = output.split("Sources\n-------\n", 1)[1]
    assert re.search(r"^\[1\] Tollmere Lantern\b", sources, re.M)
    assert re.search(r"^\[2\] Heron Valley Radio\b", sources, re.M)
    assert re.search(r"^\[3\] The Pike Gazette\b", sources, re.M)


def test_text_shows_note_with_article_ids_as_source_numbers() -> None:
    output = render(make_brief(), "text")
    first = sentence_lines(output)[0]
    assert "(≠ 45 according to [2])" in first
    assert "heron-7" not in first


def test_text_has_title_sources_fact_table_and_footer_in_order() -> None:
    output = render(make_brief(), "text")
    assert output.splitlines()[0] == "Fire at Tollmere ferry terminal"  # the title two share
    order = [output.index(h) for h in ("\nSources\n", "\nFacts\n", "3 articles read")]
    assert order == sorted(order)
    assert "9 Mar 2026 18:05 UTC" in output
    assert "https://lantern.example/tollmere-fire" in output
    assert "<stdin>:3" in output  # no URL: the origin says where it came from
    footer = output.splitlines()[-1]
    assert footer.startswith("3 articles read · 1 skipped · 1,234 chars of boilerplate")
    assert "7 blocks" in footer
    assert "\x1b[" not in output  # no ANSI colour


def test_text_fact_table_marks_conflict_revision_and_agreement() -> None:
    output = render(make_brief(), "text")
    header, *rows = read_grid(output)
    assert header == ["Fact", "Status", "[1]", "[2]", "[3]"]
    assert rows == [
        [
            "firefighters at the scene",
            "≠ CONFLICT",
            "Forty firefighters",
            "About 45 firefighters",
            "–",
        ],
        # The later figure, with when it was reported.
        ["people injured", "→ REVISED", "Eight people were injured", "–", "→ rose to 12 (10 Mar)"],
        ["distance from Brackwater", "✓ agree", "6 miles", "10 km", "–"],
        ["date of the fire", "✓ agree", "Monday", "9 March", "–"],
    ]
    table = output.split("\nFacts\n", 1)[1].splitlines()
    assert max(len(line) for line in table[:-2]) <= 100


def test_text_fact_table_with_many_sources_falls_back_to_blocks() -> None:
    brief = make_brief()
    extra = tuple(
        Article(id=f"x{n}", text="Forty firefighters.", source=f"Outlet {n}") for n in range(9)
    )
    conflict = Fact(
        "conflict",
        "firefighters at the scene",
        "count",
        (*brief.facts[0].claims, *(Claim(a.id, 0, 5, "Forty", "count", 40.0) for a in extra)),
    )
    output = render(replace(brief, sources=brief.sources + extra, facts=(conflict,)), "text")
    table = output.split("\nFacts\n", 1)[1]
    assert "≠ CONFLICT  firefighters at the scene" in table
    assert "[1] Forty firefighters · [2] About 45 firefighters · [4] Forty" in table
    assert "[12] Forty" in table


def test_same_day_revision_shows_the_time() -> None:
    brief = make_brief()
    later_same_day = replace(brief.sources[2], published=datetime(2026, 3, 9, 22, 15, tzinfo=UTC))
    brief = replace(brief, sources=(*brief.sources[:2], later_same_day))
    assert build_fact_rows(brief)[1].cells[2] == "→ rose to 12 (9 Mar 22:15)"
    assert read_grid(render(brief, "text"))[2][4] == "→ rose to 12 (9 Mar 22:15)"


# --- markdown -----------------------------------------------------------------------------


def test_markdown_has_citations_sources_and_fact_table() -> None:
    output = render(make_brief(), "markdown")
    assert output.startswith("# Fire at Tollmere ferry terminal\n")
    lines = sentence_lines(output)
    assert lines[0].endswith(r"on Monday. \[1, 2\] *(≠ 45 according to \[2\])*")
    assert lines[1].endswith(r"the hospital said. \[1, 3\]")
    assert "| Fact | Status | \\[1\\] | \\[2\\] | \\[3\\] |" in output
    assert "|---|---|---|---|---|" in output
    assert "| firefighters at the scene | **≠ CONFLICT** | Forty firefighters |" in output
    assert "→ rose to 12 (10 Mar)" in output
    assert "**✓ agree**" in output
    assert "[Fire at Tollmere ferry terminal](https://lantern.example/tollmere-fire)" in output
    assert "**\\[3\\]** The Pike Gazette" in output


def test_markdown_escapes_hostile_text_and_links_only_http() -> None:
    output = render(make_hostile_brief(), "markdown")
    unescaped = re.compile(r"(?<!\\)<")
    assert not unescaped.search(output), "raw HTML would reach a Markdown renderer"
    assert "](javascript" not in output.lower()
    assert "](data:" not in output
    assert r"\<script\>" in output
    # A table cell cannot be split by a pipe in the text.
    table_rows = [line for line in output.splitlines() if line.startswith("| crowd size")]
    assert len(table_rows) == 1
    header = next(line for line in output.splitlines() if line.startswith("| Fact |"))
    assert header == r"| Fact | Status | \[1\] | \[2\] | \[3\] | \[4\] |"  # 5, 6 state nothing
    assert table_rows[0].count(" | ") == header.count(" | ")


# --- json ---------------------------------------------------------------------------------


def test_json_validates_against_the_schema() -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for brief in (make_brief(), make_hostile_brief(), Brief((), ())):
        data = json.loads(render(brief, "json"))
        jsonschema.Draft202012Validator(schema).validate(data)
        assert data["schema_version"] == "1.1"


def test_an_undated_source_shows_its_caption_date_marked_as_such() -> None:
    brief = make_brief()
    caption = Removal("Crews hose down the Tollmere pier on 8 March 2026 (photo)", REASON_CAPTION)
    undated = replace(brief.sources[2], published=None, removed=(caption,))
    brief = replace(brief, sources=(*brief.sources[:2], undated))
    data = brief_to_dict(brief)
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert [(s["published"] is None, s["page_date"]) for s in data["sources"]] == [
        (False, None),
        (False, None),
        (True, "2026-03-08"),
    ]
    text = render(brief, "text")
    assert "8 Mar 2026, from the page's stamp or caption" in text
    # A date in the story's own sentences never dates the page.
    plain = replace(undated, removed=(), text=undated.text + " The pier opened on 2 May 1931.")
    assert (
        brief_to_dict(replace(brief, sources=(*brief.sources[:2], plain)))["sources"][2][
            "page_date"
        ]
        is None
    )


def test_json_schema_rejects_a_broken_fact() -> None:
    data = brief_to_dict(make_brief())
    data["facts"][0]["claims"][0]["value"] = [40]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema())


def test_json_spans_round_trip_to_article_text() -> None:
    brief = make_brief()
    data = json.loads(render(brief, "json"))
    texts = {source["id"]: a.text for source, a in zip(data["sources"], brief.sources, strict=True)}
    by_number = {source["n"]: source["id"] for source in data["sources"]}
    for item, sentence in zip(data["summary"], brief.sentences, strict=True):
        assert item["text"] == sentence.text
        for cited, original in zip(item["citations"], sentence.citations, strict=True):
            assert cited["article"] == original.article_id
            assert by_number[cited["source"]] == cited["article"]
            assert cited["text"] == texts[cited["article"]][cited["start"] : cited["end"]]
            assert (cited["start"], cited["end"], cited["score"]) == (
                original.start,
                original.end,
                original.score,
            )
    for fact in data["facts"]:
        for c in fact["claims"]:
            assert texts[c["article"]][c["start"] : c["end"]] == c["text"]


def test_json_follows_the_evaluator_contract() -> None:
    data = json.loads(render(make_brief(), "json"))
    conflict, revision, distance, date = data["facts"]
    assert conflict == {
        "status": "conflict",
        "subject": "firefighters at the scene",
        "kind": "count",
        "claims": [
            {
                "article": "lantern-1",
                "text": "Forty firefighters",
                "value": 40,
                "unit": None,
                "start": 0,
                "end": 18,
            },
            {
                "article": "heron-7",
                "text": "About 45 firefighters",
                "value": 45,
                "unit": None,
                "start": 0,
                "end": 21,
            },
        ],
    }
    assert isinstance(conflict["claims"][0]["value"], int)
    assert revision["status"] == "revision"
    assert [c["value"] for c in distance["claims"]] == [9656.064, 10000]
    assert [c["unit"] for c in distance["claims"]] == ["m", "m"]
    assert [c["value"] for c in date["claims"]] == ["2026-03-09", "2026-03-09"]


def test_json_sources_stats_and_unicode() -> None:
    brief = make_brief()
    brief = replace(
        brief, sources=(replace(brief.sources[0], source="Tøllmere Lantërn"), *brief.sources[1:])
    )
    output = render(brief, "json")
    assert "Tøllmere Lantërn" in output  # ensure_ascii=False
    data = json.loads(output)
    assert data["sources"][0] == {
        "n": 1,
        "id": "lantern-1",
        "source": "Tøllmere Lantërn",
        "title": "Fire at Tollmere ferry terminal",
        "url": "https://lantern.example/tollmere-fire",
        "published": "2026-03-09T18:05:00+00:00",
        "page_date": None,
        "origin": "examples/tollmere/lantern.txt",
        "author": "Ina Marsh",
    }
    assert data["sources"][2]["url"] == ""
    assert data["stats"] == {
        "articles_read": 3,
        "skipped": [{"origin": "inbox/broken.jsonl:4", "reason": "line is not valid JSON"}],
        "boilerplate_removed": {"chars": 1234, "blocks": 7},
        "words": 23,
        "budget": 120,
        "timings": {"summarize": 0.42, "facts": 0.13},
    }
    assert data["summary"][0]["note"] == "45 according to [heron-7]"  # ids kept in data


@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20)))
def test_normalise_value_always_gives_strict_json(value: float | str) -> None:
    normalised = normalise_value(value)
    json.dumps(normalised, allow_nan=False)
    if isinstance(value, float) and isinstance(normalised, int | float):
        assert normalised == value


# --- html ---------------------------------------------------------------------------------


class PageParser(HTMLParser):
    """Collects tags, ids, links and resource attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[tuple[str, dict[str, str | None]]] = []
        self.event_handlers: list[str] = []
        self.resource_attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if "href" in attributes:
            self.hrefs.append((str(attributes["href"]), attributes))
        self.event_handlers += [name for name in attributes if name.startswith("on")]
        self.resource_attributes += [
            name for name in attributes if name in {"src", "srcset", "poster", "background"}
        ]


def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def test_html_citations_link_to_numbered_source_anchors() -> None:
    page = render(make_brief(), "html")
    parsed = parse(page)
    assert page.startswith("<!doctype html>")
    for href, _ in parsed.hrefs:
        if href.startswith("#"):
            assert href[1:] in parsed.ids, href
    first, second = re.findall(r'<span class="cites">(.*?)</span>', page)
    assert re.findall(r'href="#source-(\d+)"', first) == ["1", "2"]
    assert re.findall(r'href="#source-(\d+)"', second) == ["1", "3"]
    assert '<li id="source-2" data-source="2" value="2"><strong>Heron Valley Radio</strong>' in page
    note = re.search(r'<span class="note" role="note">(.*?)</span></li>', page)
    assert note is not None and '45 according to [<a href="#source-2"' in note.group(1)


def test_html_fact_table_highlights_with_colour_and_text() -> None:
    page = render(make_brief(), "html")
    assert '<tr class="conflict"><th scope="row">firefighters at the scene</th>' in page
    assert '<td class="status">≠ CONFLICT</td>' in page
    assert '<tr class="revision">' in page
    assert '<td data-source="3" class="revised">→ rose to 12 (10 Mar)</td>' in page
    assert '<td class="status">✓ agree</td>' in page
    assert "tr.conflict" in page and "--conflict-bg" in page  # a colour, not only the marker


def test_html_neutralises_hostile_input() -> None:
    page = render(make_hostile_brief(), "html")
    parsed = parse(page)
    assert parsed.tags.count("script") == 1  # only the page's own highlighter
    assert "img" not in parsed.tags and "svg" not in parsed.tags and "iframe" not in parsed.tags
    assert parsed.event_handlers == []
    assert all(not h.lower().startswith(("javascript", "data")) for h, _ in parsed.hrefs)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "| &lt;img src=x onerror=alert(1)&gt;" in page
    assert "URL not linked (not http/https): javascript:alert(3)" in page


def test_html_is_self_contained() -> None:
    page = render(make_hostile_brief(), "html")
    parsed = parse(page)
    assert parsed.resource_attributes == []
    assert "<link" not in page and "@import" not in page and "url(" not in page
    external = [(h, a) for h, a in parsed.hrefs if re.match(r"https?:", h)]
    assert [h for h, _ in external] == [
        "https://lantern.example/tollmere-fire",
        "https://heron.example/news/7",
    ]
    assert all(a.get("rel") == "noopener noreferrer nofollow" for _, a in external)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None and "default-src &#39;none&#39;" in csp.group(1)


def test_html_works_for_an_empty_brief() -> None:
    page = render(Brief((), ()), "html")
    assert "<h1>News brief</h1>" in page
    assert "The brief is empty" in page
    assert "<table" not in page


# --- shared behaviour ---------------------------------------------------------------------


def test_unknown_format_names_the_choices() -> None:
    with pytest.raises(ConfigError, match=r"'pdf'.*text, markdown, json, html"):
        render(make_brief(), "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_without_trailing_newline(fmt: str) -> None:
    output = render(make_brief(), fmt.upper())
    assert output and not output.endswith("\n")
    assert "Tollmere" in output


def test_unknown_cited_article_does_not_break_rendering() -> None:
    brief = make_brief()
    stray = BriefSentence("A stray claim.", (Citation("nowhere", 0, 3, 0.5),))
    brief = replace(brief, sentences=(*brief.sentences, stray))
    assert "- A stray claim." in render(brief, "text")
    data = json.loads(render(brief, "json"))
    assert data["summary"][-1]["citations"][0] == {
        "source": None,
        "article": "nowhere",
        "start": 0,
        "end": 3,
        "score": 0.5,
        "text": "",
    }
    jsonschema.validate(data, load_schema())


ids = st.text(alphabet="abcxyz-0123456789", min_size=1, max_size=6)


@given(st.lists(ids, min_size=1, max_size=4, unique=True), st.text(max_size=60))
@example(known=["0"], note="[ ]")  # a bracket with no id in it stays exactly as written
def test_split_note_keeps_every_character_not_mapped(known: list[str], note: str) -> None:
    numbers = {article_id: n for n, article_id in enumerate(known, start=1)}
    assert format_note(split_note(note, {})) == note
    rendered = format_note(split_note(note, numbers))
    if "[" not in note:
        assert rendered == note


@given(st.lists(ids, min_size=1, max_size=4, unique=True), st.data())
def test_split_note_maps_every_known_id(known: list[str], data: st.DataObject) -> None:
    numbers = {article_id: n for n, article_id in enumerate(known, start=1)}
    picked = data.draw(st.lists(st.sampled_from(known), min_size=1, max_size=3))
    note = f"600 according to [{', '.join(picked)}]"
    segments = split_note(note, numbers)
    assert segments[-1].sources == tuple(numbers[p] for p in picked)
    assert format_note(segments) == "600 according to " + str([numbers[p] for p in picked])


@given(st.text(max_size=40))
def test_safe_url_only_passes_http_urls(url: str) -> None:
    result = safe_url(url)
    if result is not None:
        assert re.match(r"(?i)https?://[^/\s]", result)


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://lantern.example/a?b=1", True),
        ("HTTP://heron.example", True),
        ("javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("//lantern.example/x", False),
        ("https://", False),
        ("", False),
    ],
)
def test_safe_url_cases(url: str, linked: bool) -> None:
    assert (safe_url(url) is not None) is linked


# --- in a real browser --------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs Debian's chromium at {CHROMIUM}")
def test_html_in_headless_chromium_at_phone_width() -> None:
    """The page's CSP admits its own style and script, loads nothing, runs no injected code."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 740})
            console: list[str] = []
            requests: list[str] = []
            dialogs: list[str] = []
            page.on("console", lambda message: console.append(message.text))
            page.on("request", lambda request: requests.append(request.url))

            def refuse(dialog: Any) -> None:
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", refuse)
            page.set_content(render(make_hostile_brief(), "html"))
            # The inline style applied (a CSP hash mismatch would leave max-width unset).
            assert page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth")
            assert (
                page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") != "none"
            )
            # Readable on a phone: the page itself never scrolls sideways (the table may).
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
            # The inline script runs: hovering a citation highlights its source.
            page.hover("a[href='#source-2']")
            assert "hl" in page.evaluate("document.querySelector('#source-2').className")
            assert (console, requests, dialogs) == ([], [], [])
        finally:
            browser.close()


# --- the bundled example ------------------------------------------------------------------

EXAMPLE = REPO / "examples" / "harbour-fire"


def visible_words(path: Path) -> int:
    """Words a reader would see: tags, head and attributes dropped from HTML."""
    text = path.read_text("utf-8")
    if path.suffix == ".html":
        text = re.sub(r"(?s)<head>.*?</head>|<[^>]+>", " ", text)
    return len(text.split())


def test_bundled_example_has_dated_reports_with_the_promised_facts() -> None:
    files = sorted(EXAMPLE.iterdir())
    assert [f.suffix for f in files].count(".html") == 1
    assert 3 <= len(files) <= 4
    for path in files:
        assert 150 <= visible_words(path) <= 400, path.name
        text = path.read_text("utf-8")
        assert re.search(r"Published: \w+day \d+ March 2026|article:published_time", text)
        assert "©" in text, f"{path.name} should carry a copyright line to clean away"
    corpus = "\n".join(f.read_text("utf-8") for f in files)
    for phrase in ("Forty firefighters", "About 45 firefighters", "5 miles", "8 km", "rose to 12"):
        assert phrase in corpus


def test_split_note_reads_the_fact_comparer_formats() -> None:
    numbers = {"a": 1, "b, c": 2, "c": 3}
    assert format_note(split_note("600 according to [c], [a]", numbers)) == (
        "600 according to [3], [1]"
    )
    assert format_note(split_note("later revised to 45 [b, c]", numbers)) == (
        "later revised to 45 [2]"
    )
    assert format_note(split_note("see [a, zz]", numbers)) == "see [1, zz]"


def test_fact_rows_put_disputes_first_and_keep_order_within_a_verdict() -> None:
    brief = make_brief()
    single = Fact("single", "damage", "money", (Claim("pike", 0, 3, "£2m", "money", 2e6, "GBP"),))
    shuffled = (single, brief.facts[2], brief.facts[1], brief.facts[3], brief.facts[0])
    rows = build_fact_rows(replace(brief, facts=shuffled))
    assert [row.subject for row in rows] == [
        "firefighters at the scene",
        "people injured",
        "distance from Brackwater",
        "date of the fire",
        "damage",
    ]
    data = json.loads(render(replace(brief, facts=shuffled), "json"))
    assert data["facts"][0]["subject"] == "damage"  # the JSON keeps the comparer's order
    assert data["facts"][0]["claims"][0]["value"] == 2000000


def test_every_format_titles_an_untitled_brief_with_a_headline_from_its_lead() -> None:
    article = Article(
        id="a",
        text="Crews rescued 40 hikers from Mount Arvel on Sunday after a landslide, police said.",
    )
    lead = BriefSentence(text=article.text, citations=(citation(article, "Crews rescued"),))
    brief = Brief((lead,), (article,))
    headline = "Crews rescued 40 hikers from Mount Arvel on Sunday after a landslide"
    for fmt in FORMATS:
        output = render(brief, fmt)
        assert headline in output, fmt
        assert "News brief" not in output, fmt
    assert brief_to_dict(brief)["title"] == headline


def test_a_source_without_a_title_is_headed_by_its_first_sentence() -> None:
    brief = make_brief()
    untitled = replace(brief.sources[2], title="", source="")
    brief = replace(brief, sources=(*brief.sources[:2], untitled))
    text = " ".join(render(brief, "text").split())  # the sources list wraps
    assert f'[3] {untitled.id} — "The number of injured rose to 12' in text
    assert "(no title; from its first sentence)" in text
    markdown = render(brief, "markdown")
    assert "(no title; from its first sentence)" in markdown
    html = render(brief, "html")
    assert '<span class="heading-made">(no title; from its first sentence)</span>' in html
    # A titled source shows its own title, unmarked.
    assert text.count("(no title; from its first sentence)") == 1
