"""Tests of newsfuse.reading: every input shape, and every bad input skipped with a reason.

Fixtures are invented articles (tests/fixtures/ingest) or written to tmp_path here.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES as FIXTURES_ROOT
from newsfuse.config import MAX_INPUT_BYTES
from newsfuse.reading import read_inputs
from newsfuse.reading.dates import parse_published
from newsfuse.reading.decode import decode_bytes, normalise_text
from newsfuse.reading.text import split_title

FIXTURES = FIXTURES_ROOT / "ingest"

STORY = (
    "The ferry link between Ostmark and Velde reopened on Friday.\n\n"
    "Harbour master Ilka Brandt said repairs cost about 80,000 euros."
)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_txt_with_title_line(tmp_path: Path) -> None:
    path = write(tmp_path / "001_ferry.txt", "Ferry link reopens\n\n" + STORY)
    report = read_inputs([path])
    assert report.skipped == ()
    (article,) = report.articles
    assert article.id == "001_ferry"
    assert article.title == "Ferry link reopens"
    assert article.text == STORY
    assert article.origin == str(path)


def test_txt_without_title_line_keeps_first_paragraph(tmp_path: Path) -> None:
    path = write(tmp_path / "ferry.txt", STORY)
    (article,) = read_inputs([path]).articles
    assert article.title == ""
    assert article.text == STORY


def test_long_unpunctuated_first_line_is_not_a_title(tmp_path: Path) -> None:
    first = (
        "The ferry link between Ostmark and the island of Velde reopened on Friday three "
        "days after a storm damaged the main pier and cut the island off from the mainland"
    )
    path = write(tmp_path / "ferry.txt", first + "\n\nRepairs cost 80,000 euros.")
    (article,) = read_inputs([path]).articles
    assert article.title == ""
    assert article.text.startswith(first)


def test_split_title_refuses_bylines_and_sentences() -> None:
    assert split_title("By Jane Roe\nThe council met.") == ("", "By Jane Roe\nThe council met.")
    assert split_title("The council met.\nIt voted.") == ("", "The council met.\nIt voted.")
    assert split_title("Council votes\nIt voted.") == ("Council votes", "It voted.")


def test_html_page_gives_main_text_and_metadata() -> None:
    (article,) = read_inputs([FIXTURES / "flood_page.html"]).articles
    assert article.id == "flood_page"
    assert article.title == "Flood closes Brenvale bridge"
    assert article.author == "Mira Tolan"
    assert article.source == "Daily Lark"
    assert article.url == "https://lark.example/brenvale-flood"
    assert article.published is not None and article.published.date().isoformat() == "2024-03-05"
    assert "flooding 340 homes in the town of Brenvale." in article.text
    assert "emergency shelters had been opened at two schools" in article.text
    assert "Sport" not in article.text  # navigation is not main text
    assert "\n\n" in article.text  # paragraphs are kept


def test_html_without_article_falls_back_to_visible_text(tmp_path: Path) -> None:
    path = write(tmp_path / "tiny.htm", "<html><head><title>Note</title></head><body>Hi.</body>")
    report = read_inputs([path])
    assert report.skipped == ()
    assert report.articles[0].text == "Hi."


def test_jsonl_articles_keep_provenance(tmp_path: Path) -> None:
    lines = [
        {
            "id": "a1",
            "title": "Flood",
            "text": "The river rose.",
            "source": "Daily Lark",
            "url": "https://lark.example/a1",
            "published": "2024-03-05T10:00:00+01:00",
            "author": "Mira Tolan",
        },
        {"text": "The bridge closed.", "published": "2024-03-06"},
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(line) for line in lines))
    first, second = read_inputs([path]).articles
    assert (first.id, first.source, first.url, first.author) == (
        "a1",
        "Daily Lark",
        "https://lark.example/a1",
        "Mira Tolan",
    )
    assert first.origin == f"{path}:1"
    assert first.published == datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
    assert second.id == "batch"  # no id: the file stem
    assert second.origin == f"{path}:2"
    assert second.published == datetime(2024, 3, 6, tzinfo=UTC)  # no zone: UTC


def test_jsonl_record_with_html(tmp_path: Path) -> None:
    html = (FIXTURES / "flood_page.html").read_text(encoding="utf-8")
    path = write(tmp_path / "pages.jsonl", json.dumps({"id": "p1", "html": html}))
    (article,) = read_inputs([path]).articles
    assert article.title == "Flood closes Brenvale bridge"
    assert "Heavy rain caused the river Orme" in article.text


def test_jsonl_multinews_cluster_and_article_cluster(tmp_path: Path) -> None:
    rows = [
        {"id": "c1", "documents": ["First report.", "Second report."], "summary": "S."},
        {"id": "c2", "articles": [{"text": "Third report."}, {"id": "x", "text": "Fourth."}]},
    ]
    path = write(tmp_path / "clusters.jsonl", "\n".join(json.dumps(row) for row in rows))
    report = read_inputs([path])
    assert [a.id for a in report.articles] == ["c1/0", "c1/1", "c2/0", "x"]
    assert [a.text for a in report.articles][:2] == ["First report.", "Second report."]
    assert report.articles[2].origin == f"{path}:2"


def test_multinews_raw_text(tmp_path: Path) -> None:
    path = write(tmp_path / "cluster.txt", "Doc one.\n\nMore one. ||||| Doc two. |||||")
    report = read_inputs([path])
    assert [a.id for a in report.articles] == ["cluster/0", "cluster/1"]
    assert report.articles[0].text == "Doc one.\n\nMore one."
    assert report.articles[1].text == "Doc two."


def test_multinews_src_lines_with_newline_tokens(tmp_path: Path) -> None:
    text = "A one. NEWLINE_CHAR A two. ||||| B one.\nC one. ||||| D one.\n"
    report = read_inputs([write(tmp_path / "train.src", text)])
    assert [a.id for a in report.articles] == ["train-1/0", "train-1/1", "train-2/0", "train-2/1"]
    assert report.articles[0].text == "A one. \n A two."


def test_folder_is_read_recursively_sorted_without_hidden_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second story.")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.txt", "Nested story.")
    write(tmp_path / "a.txt", "First story.")
    write(tmp_path / ".hidden.txt", "Secret.")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "x.txt", "Git.")
    write(tmp_path / "page.weird", "<html><body><p>Sniffed page.</p></body></html>")
    write(tmp_path / "note.data", "Sniffed text.")
    report = read_inputs([tmp_path])
    texts = [a.text for a in report.articles]
    assert texts == [
        "First story.",
        "Second story.",
        "Sniffed text.",
        "Sniffed page.",
        "Nested story.",
    ]
    assert [a.id for a in report.articles][-1] == "a~2"  # stem collision gets a suffix


def test_stdin_json_lines() -> None:
    stdin = io.StringIO('{"id": "s1", "text": "From a pipe."}\n\nnot json\n')
    report = read_inputs(["-"], stdin=stdin)
    assert [(a.id, a.origin) for a in report.articles] == [("s1", "<stdin>:1")]
    (skipped,) = report.skipped
    assert skipped.origin == "<stdin>:3"
    assert "malformed JSON" in skipped.reason


def test_record_dicts() -> None:
    report = read_inputs([{"id": "r1", "text": "Given directly.", "source": "Lark"}, {"x": 1}])
    assert [(a.id, a.source, a.origin) for a in report.articles] == [("r1", "Lark", "<record 1>")]
    assert report.skipped[0].origin == "<record 2>"
    assert '"text"' in report.skipped[0].reason


def test_wrong_python_type_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        read_inputs([42])  # type: ignore[list-item]


def test_bad_inputs_are_skipped_and_good_ones_still_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", STORY)
    empty = write(tmp_path / "empty.txt", "")
    blank = write(tmp_path / "blank.txt", " \n\n ")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    nul_binary = tmp_path / "blob.txt"
    nul_binary.write_bytes(bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    report = read_inputs([good, empty, blank, binary, nul_binary, missing])
    assert [a.id for a in report.articles] == ["good"]
    reasons = {Path(s.origin).name: s.reason for s in report.skipped}
    assert "empty" in reasons["empty.txt"]
    assert "whitespace" in reasons["blank.txt"]
    assert "PNG" in reasons["photo.txt"]
    assert "binary" in reasons["blob.txt"]
    assert "does not exist" in reasons["missing.txt"]


def test_latin1_and_cp1252_are_read_correctly(tmp_path: Path) -> None:
    text = "Señor Núñez dijo que el año fue difícil en Zürich, für alle."
    latin = write(tmp_path / "latin.txt", text, "latin-1")
    smart = write(tmp_path / "smart.txt", "He said “no” – twice…", "cp1252")
    report = read_inputs([latin, smart])
    assert report.skipped == ()
    assert [a.text for a in report.articles] == [text, "He said “no” – twice…"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_encodings_with_and_without_bom(tmp_path: Path, encoding: str) -> None:
    text = "Der Bürgermeister sagte, die Brücke bleibt geschlossen."
    (article,) = read_inputs([write(tmp_path / "de.txt", text, encoding)]).articles
    assert article.text == text


def test_oversized_file_is_skipped_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # sparse: instant, no 50 MB written
        handle.truncate(50 * 1024 * 1024)
    assert big.stat().st_size > MAX_INPUT_BYTES
    started = time.perf_counter()
    report = read_inputs([big, write(tmp_path / "ok.txt", STORY)])
    assert time.perf_counter() - started < 2.0
    assert [a.id for a in report.articles] == ["ok"]
    assert "MB" in report.skipped[0].reason and "limit" in report.skipped[0].reason


def test_malformed_json_line_names_file_line_and_error(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.jsonl", '{"text": "Fine."}\n{"text": "Broken\n{"text": "Also fine."}'
    )
    report = read_inputs([path])
    assert [a.text for a in report.articles] == ["Fine.", "Also fine."]
    (skipped,) = report.skipped
    assert skipped.origin == f"{path}:2"
    assert "malformed JSON" in skipped.reason and "column" in skipped.reason


def test_records_with_missing_text_or_wrong_types_name_the_field(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "title": "No text"},
        {"id": "b", "text": 42},
        {"id": "c", "text": "Fine.", "source": ["not", "a", "string"]},
        {"id": "d", "documents": "not a list"},
        [1, 2],
        {"id": "e", "text": "Kept."},
    ]
    path = write(tmp_path / "rows.jsonl", "\n".join(json.dumps(row) for row in rows))
    report = read_inputs([path])
    assert [a.id for a in report.articles] == ["e"]
    reasons = [s.reason for s in report.skipped]
    assert '"text"' in reasons[0] and "missing" in reasons[0]
    assert '"text"' in reasons[1] and "int" in reasons[1]
    assert '"source"' in reasons[2]
    assert '"documents"' in reasons[3]
    assert "JSON object" in reasons[4]
    assert [s.origin for s in report.skipped] == [f"{path}:{n}" for n in range(1, 6)]


def test_duplicate_explicit_ids_are_skipped(tmp_path: Path) -> None:
    rows = [{"id": "same", "text": "First."}, {"id": "same", "text": "Second."}]
    path = write(tmp_path / "dups.jsonl", "\n".join(json.dumps(row) for row in rows))
    report = read_inputs([path])
    assert [a.text for a in report.articles] == ["First."]
    assert 'duplicate id "same"' in report.skipped[0].reason
    assert report.skipped[0].origin == f"{path}:2"


def test_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "once.txt", STORY)
    report = read_inputs([path, tmp_path])
    assert len(report.articles) == 1
    assert any("already read" in s.reason for s in report.skipped)


def test_folder_with_nothing_readable_is_reported(tmp_path: Path) -> None:
    (tmp_path / "only").mkdir()
    (tmp_path / "only" / "pic.bin").write_bytes(b"%PDF-1.4 binary")
    report = read_inputs([tmp_path / "only"])
    assert report.articles == ()
    assert any("no readable article" in s.reason for s in report.skipped)


def test_text_is_normalised() -> None:
    raw = "Cafe\u0301 opens\r\nat\u00a0noon\u200b.\r\n\r\nNext."
    assert normalise_text(raw) == "Café opens\nat noon.\n\nNext."


@given(st.text(max_size=200))
def test_normalise_text_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "\r" not in once and "\u200b" not in once and "\u00a0" not in once


@given(st.text(min_size=1, max_size=200).filter(lambda t: "\x00" not in t))
def test_utf8_round_trips(text: str) -> None:
    try:
        decoded = decode_bytes(text.encode("utf-8"), "x")
    except Exception as error:  # only binary-looking control-character soup may be refused
        assert "control characters" in str(error)
        return
    assert decoded == text


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)))
def test_parse_published_reads_iso_and_assumes_utc(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    parsed = parse_published(moment.isoformat())
    assert parsed == moment.replace(tzinfo=UTC)


def test_parse_published_other_forms() -> None:
    assert parse_published("2024-03-05T10:00:00Z") == datetime(2024, 3, 5, 10, tzinfo=UTC)
    assert parse_published(0) == datetime(1970, 1, 1, tzinfo=UTC)
    assert parse_published("not a date at all") is None
    assert parse_published("March 5, 2024") == datetime(2024, 3, 5, tzinfo=UTC)


def test_unknown_extension_binary_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "archive.xyz"
    path.write_bytes(b"PK\x03\x04" + os.urandom(64))
    report = read_inputs([path])
    assert report.articles == ()
    assert "zip" in report.skipped[0].reason


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=600), st.sampled_from([".txt", ".html", ".jsonl", ".bin", ""]))
def test_reading_arbitrary_bytes_never_raises(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        report = read_inputs([path])
    assert len(report.articles) + len(report.skipped) >= 1
    for article in report.articles:
        assert article.text.strip() and article.origin.startswith(str(path))
    for skipped in report.skipped:
        assert skipped.reason and "\n" not in skipped.reason


def test_api_read_report_reads_and_cleans(tmp_path: Path) -> None:
    from newsfuse.pipeline import read_report

    report = read_report([FIXTURES / "water_vote_wire.txt", tmp_path / "missing.txt"])
    (article,) = report.articles
    assert article.author == "Tomas Reiher"
    assert "HINWEIS" not in article.text
    assert report.skipped[0].origin.endswith("missing.txt")
