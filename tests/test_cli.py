"""End-to-end tests of the ``newsfuse`` command as a user runs it: a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES as FIXTURES_ROOT
from conftest import REPO, run_cli, subprocess_env
from newsfuse.errors import ExitCode

FIXTURES = FIXTURES_ROOT / "cli"
SCHEMA = REPO / "src" / "newsfuse" / "render" / "brief.schema.json"
HEAVY_MODULES = ("torch", "spacy", "sentence_transformers", "trafilatura", "sklearn", "onnxruntime")


def test_help_is_fast_and_imports_no_model_library() -> None:
    started = time.perf_counter()
    result = run_cli("--help")
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert "brief" in result.stdout
    # Generous bound for a loaded CI machine; the deterministic check is the one below.
    assert elapsed < 3.0
    probe = (
        "import sys; from newsfuse.cli import _register; _register(); "
        f"print([m for m in {HEAVY_MODULES!r} if m in sys.modules])"
    )
    env = subprocess_env()
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert loaded.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def json_brief() -> dict[str, object]:
    result = run_cli("brief", "--format", "json", "--budget", "80", str(FIXTURES))
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_json_brief_validates_and_respects_budget(json_brief: dict[str, object]) -> None:
    jsonschema.validate(json_brief, json.loads(SCHEMA.read_text(encoding="utf-8")))
    summary = json_brief["summary"]
    assert isinstance(summary, list) and summary
    words = sum(len(str(sentence["text"]).split()) for sentence in summary)
    assert words <= 80


def test_every_citation_span_points_at_its_text(json_brief: dict[str, object]) -> None:
    from newsfuse import read

    articles = {article.id: article for article in read([FIXTURES])}
    for sentence in json_brief["summary"]:  # type: ignore[attr-defined]
        citations = sentence["citations"]
        assert citations, sentence
        # The sentence's own spans lead: one, or one per kept piece of a compressed one.
        own = []
        for citation in citations:
            if citation["article"] != citations[0]["article"]:
                break
            own.append(citation)
        article = articles[citations[0]["article"]]
        assert "".join(article.text[c["start"] : c["end"]] for c in own) == sentence["text"]
        assert all(c["text"] == article.text[c["start"] : c["end"]] for c in own)
        for citation in citations[len(own) :]:
            span = articles[citation["article"]].text[citation["start"] : citation["end"]]
            assert span.strip(), citation


def test_boilerplate_does_not_reach_the_brief(json_brief: dict[str, object]) -> None:
    text = " ".join(str(s["text"]) for s in json_brief["summary"])  # type: ignore[attr-defined]
    for fragment in ("Share this story", "Comments (14)", "More from the Gazette", "©"):
        assert fragment not in text


def test_text_format_numbers_sources() -> None:
    result = run_cli("brief", "--budget", "60", str(FIXTURES / "coastal-wire.txt"))
    assert result.returncode == 0, result.stderr
    assert "[1]" in result.stdout


def test_bad_inputs_are_reported_one_line_each_and_good_ones_still_briefed(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(
        "Le maire de Val-d'Aubrac a inauguré le pont du Moulin, après trois années de travaux."
        "\n\nLa cérémonie a réuni près de deux cents habitants.".encode("latin-1")
    )
    utf16 = tmp_path / "utf16.txt"
    utf16.write_text(
        "Dockworkers in Port Halden voted to end a nine-day strike on Friday."
        "\n\nThe union said 212 members took part in the vote.",
        encoding="utf-16",
    )
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    malformed = tmp_path / "records.jsonl"
    malformed.write_text(
        '{"id": "ok-1", "text": "A fishing boat was towed into Port Halden '
        'after its engine failed."}\n'
        '{"id": "broken", "text": \n'
        '{"id": "notext", "title": "A record without any body"}\n',
        encoding="utf-8",
    )
    missing = tmp_path / "does-not-exist.txt"
    good = FIXTURES / "coastal-wire.txt"

    result = run_cli(
        "brief",
        "--no-facts",
        str(empty),
        str(binary),
        str(latin1),
        str(utf16),
        str(huge),
        str(malformed),
        str(missing),
        str(good),
    )
    assert result.returncode == ExitCode.SKIPPED, result.stderr
    assert "Traceback" not in result.stderr
    skipped_lines = [line for line in result.stderr.splitlines() if "skipped" in line]
    for name in ("empty.txt", "photo.txt", "huge.txt", "does-not-exist.txt"):
        assert sum(name in line for line in skipped_lines) == 1, (name, result.stderr)
    assert any("records.jsonl:2" in line for line in skipped_lines), result.stderr
    assert any("records.jsonl:3" in line for line in skipped_lines), result.stderr
    # Mis-encoded files are read, not skipped.
    assert not any("latin1.txt" in line or "utf16.txt" in line for line in skipped_lines)
    assert "[1]" in result.stdout


def test_stdin_json_lines(tmp_path: Path) -> None:
    records = [
        {
            "id": "a",
            "source": "Coastal Wire",
            "published": "2025-03-04T09:15:00Z",
            "text": (FIXTURES / "coastal-wire.txt").read_text(encoding="utf-8"),
        },
        {
            "id": "b",
            "source": "Island Radio",
            "published": "2025-03-05T08:00:00Z",
            "text": (FIXTURES / "island-radio.txt").read_text(encoding="utf-8"),
        },
    ]
    stdin = "\n".join(json.dumps(record) for record in records) + "\n"
    result = run_cli("brief", "--format", "json", "-", stdin=stdin)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    cited = {c["article"] for s in data["summary"] for c in s["citations"]}
    assert cited <= {"a", "b"} and cited
    assert isinstance(data["facts"], list)


def test_no_readable_input_fails_without_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    result = run_cli("brief", str(empty))
    assert result.returncode == ExitCode.BAD_INPUT
    assert "Traceback" not in result.stderr
    assert "empty.txt" in result.stderr
    debug = run_cli("--debug", "brief", str(empty))
    assert "Traceback" in debug.stderr


def test_non_article_is_skipped_with_its_reason_unless_kept(tmp_path: Path) -> None:
    # An invented error page that a crawler saved in place of an article.
    notice = tmp_path / "saved-page.txt"
    notice.write_text(
        "Oops! The page you requested was not found.\n\n"
        "The link you followed may be broken, or the page may have been removed. Check the "
        "URL for spelling errors, or go back to the home page and use the search box.\n",
        encoding="utf-8",
    )
    story = str(FIXTURES / "coastal-wire.txt")
    result = run_cli("brief", "--no-facts", "--format", "json", story, str(notice))
    assert result.returncode == ExitCode.SKIPPED, result.stderr
    assert "saved-page.txt" in result.stderr and "is not an article" in result.stderr
    assert "--keep-non-articles" in result.stderr
    cited = {c["article"] for s in json.loads(result.stdout)["summary"] for c in s["citations"]}
    assert cited and not any("saved-page" in article for article in cited)

    kept = run_cli("brief", "--no-facts", "--keep-non-articles", story, str(notice))
    assert kept.returncode == 0, kept.stderr
    assert "is not an article" not in kept.stderr


def test_every_command_module_is_registered() -> None:
    result = run_cli("--help")
    commands = ("brief", "ingest", "stories", "story", "storyline", "export", "refresh-briefs")
    for command in (*commands, "serve", "eval"):
        assert command in result.stdout, command


def test_a_command_module_that_fails_to_import_fails_loudly() -> None:
    # A broken command must stop the CLI, not vanish from --help.
    probe = (
        "import sys; sys.modules['newsfuse.cli.eval_cmd'] = None\n"
        "try:\n    import newsfuse.cli\nexcept ImportError:\n    print('raised')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        check=False,
    )
    assert result.stdout.strip() == "raised", result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("no-such-command",), "No such command 'no-such-command'"),
        (("brief", "--no-such-option"), "No such option: --no-such-option"),
        (("models",), "Missing command"),
    ],
)
def test_a_usage_mistake_is_a_usage_error_not_an_internal_one(
    args: tuple[str, ...], message: str
) -> None:
    result = run_cli(*args)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Usage: " in result.stderr
    assert "internal error" not in result.stderr
