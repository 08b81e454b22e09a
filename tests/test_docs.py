"""The reference docs are generated from the code, and a stale or incomplete one fails here.

``python scripts/gen_docs.py`` rewrites docs/cli.md, docs/api.md and the field tables of
docs/json-schema.md; these tests regenerate them in memory and compare.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

import newsfuse
import newsfuse.cli

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "scripts" / "gen_docs.py"
DOC_NAMES = ["cli.md", "api.md", "json-schema.md"]


def load_generator() -> ModuleType:
    """``scripts/gen_docs.py`` as a module (scripts/ is not a package)."""
    specification = importlib.util.spec_from_file_location("gen_docs", GENERATOR)
    assert specification is not None and specification.loader is not None
    module = importlib.util.module_from_spec(specification)
    specification.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen_docs() -> ModuleType:
    return load_generator()


@pytest.fixture(scope="module")
def rendered(gen_docs: ModuleType) -> dict[str, str]:
    return {path.name: text for path, text in gen_docs.render_all().items()}


def read_doc(name: str) -> str:
    return (ROOT / "docs" / name).read_text(encoding="utf-8")


def split_sections(text: str) -> dict[str, str]:
    """Level-two heading → the text under it, for a Markdown document."""
    sections: dict[str, str] = {}
    heading = ""
    for line in text.splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            sections[heading] = ""
        else:
            sections[heading] = sections.get(heading, "") + line + "\n"
    return sections


@pytest.mark.parametrize("name", DOC_NAMES)
def test_committed_reference_doc_matches_the_code(rendered: dict[str, str], name: str) -> None:
    assert read_doc(name) == rendered[name], (
        f"docs/{name} is out of date: run python scripts/gen_docs.py"
    )


def test_every_cli_option_is_documented_under_its_command(gen_docs: ModuleType) -> None:
    sections = split_sections(read_doc("cli.md"))
    undocumented = []
    for command, spelling in gen_docs.list_cli_options():
        heading = f"newsfuse {command}" if command else "Global options"
        if f"`{spelling}`" not in sections.get(heading, ""):
            undocumented.append(f"{heading}: {spelling}")
    assert not undocumented, (
        f"options missing from docs/cli.md: {undocumented}; run python scripts/gen_docs.py"
    )


def test_every_option_that_help_shows_is_in_the_reference(gen_docs: ModuleType) -> None:
    # Read from the rendered --help, independently of how the generator walks the click app.
    _, _, commands = gen_docs.list_commands()
    sections = split_sections(read_doc("cli.md"))
    runner = CliRunner()
    option = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![\w-])")
    undocumented = []
    for name in ["", *(name for name, _, _ in commands)]:
        arguments = [*name.split(), "--help"]
        result = runner.invoke(
            newsfuse.cli.app, arguments, env={"NO_COLOR": "1", "COLUMNS": "200", "TERM": "dumb"}
        )
        assert result.exit_code == 0, result.output
        section = sections.get(f"newsfuse {name}" if name else "Global options", "")
        for spelling in set(option.findall(result.output)) - {"--help"}:
            if not re.search(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])", section):
                undocumented.append(f"newsfuse {name} {spelling}".replace("  ", " "))
    assert not undocumented, (
        f"shown by --help but missing from docs/cli.md: {sorted(undocumented)}; "
        "run python scripts/gen_docs.py"
    )


def test_every_cli_command_has_a_section(gen_docs: ModuleType) -> None:
    _, _, commands = gen_docs.list_commands()
    sections = split_sections(read_doc("cli.md"))
    missing = [name for name, _, _ in commands if f"newsfuse {name}" not in sections]
    assert not missing, f"commands missing from docs/cli.md: {missing}"


def test_every_public_name_is_documented(gen_docs: ModuleType) -> None:
    text = read_doc("api.md")
    found, missing = gen_docs.resolve_public_names()
    undocumented = [name for name in found if f"### `{name}`" not in text]
    unnoted = [name for name in missing if f"> - `{name}` (" not in text]
    assert not undocumented, (
        f"newsfuse.__all__ names missing from docs/api.md: {undocumented}; "
        "run python scripts/gen_docs.py"
    )
    assert not unnoted, f"unloadable names not noted in docs/api.md: {unnoted}"
    assert set(found) | set(missing) == set(newsfuse.__all__)


def test_every_schema_field_has_a_row(gen_docs: ModuleType) -> None:
    schema = json.loads(gen_docs.SCHEMA.read_text(encoding="utf-8"))
    text = read_doc("json-schema.md")
    generated = text.split(gen_docs.SCHEMA_BEGIN)[1].split(gen_docs.SCHEMA_END)[0]
    for title, path, node in gen_docs.list_object_sections(schema):
        for key in node["properties"]:
            assert f"| `{key}` |" in generated, f"{path or title}.{key} has no row"


def test_schema_doc_keeps_its_hand_written_text(rendered: dict[str, str]) -> None:
    text = rendered["json-schema.md"]
    assert text.startswith("# The JSON brief")
    assert "## Versioning" in text
    assert "## Validating" in text


def test_schema_doc_without_markers_is_an_error(gen_docs: ModuleType) -> None:
    with pytest.raises(ValueError, match="markers"):
        gen_docs.render_schema_reference("# no markers here\n")


def test_a_public_name_without_its_module_is_noted_not_fatal(
    gen_docs: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stands for a name another branch adds to __all__ before its module is merged.
    monkeypatch.setattr(newsfuse, "__all__", [*newsfuse.__all__, "NotYetMerged"])
    text = gen_docs.render_api_reference()
    assert "> - `NotYetMerged` (AttributeError:" in text
    assert "### `brief`" in text


def test_check_reports_a_stale_doc_and_writing_fixes_it(
    gen_docs: ModuleType,
    rendered: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(gen_docs, "ROOT", tmp_path)
    for attribute, name in [("CLI_DOC", "cli.md"), ("API_DOC", "api.md")]:
        monkeypatch.setattr(gen_docs, attribute, tmp_path / name)
        (tmp_path / name).write_text(rendered[name], encoding="utf-8")
    schema_doc = tmp_path / "json-schema.md"
    schema_doc.write_text(read_doc("json-schema.md"), encoding="utf-8")
    monkeypatch.setattr(gen_docs, "SCHEMA_DOC", schema_doc)
    assert gen_docs.main(["--check"]) == 0

    (tmp_path / "cli.md").write_text("stale\n", encoding="utf-8")
    assert gen_docs.main(["--check"]) == 1
    assert "cli.md is out of date: run python scripts/gen_docs.py" in capsys.readouterr().err

    assert gen_docs.main([]) == 0
    assert (tmp_path / "cli.md").read_text(encoding="utf-8") == rendered["cli.md"]
    assert gen_docs.main(["--check"]) == 0
