"""`newsfuse brief --each`: each cluster of a collection briefed in one process, one file each."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURES, run_cli
from newsfuse.errors import ExitCode
from newsfuse.pipeline import read_clusters

ARTICLES = sorted((FIXTURES / "cli").glob("*.txt"))


def write_clusters(path: Path) -> Path:
    """A JSONL file of two invented clusters, a malformed line and a cluster of empty documents."""
    texts = [article.read_text(encoding="utf-8") for article in ARTICLES]
    lines = [
        json.dumps({"id": "coast/storm 1", "documents": texts[:2]}),
        "{not json",
        json.dumps({"id": "island", "documents": texts[1:]}),
        json.dumps({"id": "empty", "documents": ["", " "]}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_clusters_yields_each_line_with_its_own_articles(tmp_path: Path) -> None:
    clusters = list(read_clusters(write_clusters(tmp_path / "clusters.jsonl")))
    assert [cluster_id for cluster_id, _ in clusters] == [
        "coast/storm 1",
        "clusters-2",
        "island",
        "empty",
    ]
    first, malformed, island, empty = (report for _, report in clusters)
    assert len(first.articles) == 2 and len(island.articles) == 2
    assert {a.id for a in first.articles} == {"coast/storm 1/0", "coast/storm 1/1"}
    assert not malformed.articles and "clusters.jsonl:2" in str(malformed.skipped[0])
    assert not empty.articles and empty.skipped


def test_each_cluster_of_a_jsonl_gets_its_own_file(tmp_path: Path) -> None:
    source = write_clusters(tmp_path / "clusters.jsonl")
    out = tmp_path / "briefs"
    result = run_cli(
        "brief", "--each", str(source), "-o", str(out), "--no-facts", "--format", "json"
    )
    # The malformed line and the empty cluster are reported; the other two are briefed.
    assert result.returncode == ExitCode.SKIPPED, result.stderr
    assert "clusters.jsonl:2" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["coast_storm_1.json", "island.json"]
    brief = json.loads((out / "island.json").read_text(encoding="utf-8"))
    assert brief["summary"] and len(brief["sources"]) == 2
    assert "2 of 4 clusters briefed" in result.stderr


def test_each_subfolder_is_one_cluster(tmp_path: Path) -> None:
    collection = tmp_path / "collection"
    for name, articles in (("storm", ARTICLES[:2]), ("radio", ARTICLES[2:])):
        (collection / name).mkdir(parents=True)
        for article in articles:
            shutil.copy(article, collection / name / article.name)
    out = tmp_path / "briefs"
    result = run_cli("brief", "--each", str(collection), "-o", str(out), "--no-facts")
    assert result.returncode == ExitCode.OK, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["radio.txt", "storm.txt"]
    assert "[1]" in (out / "storm.txt").read_text(encoding="utf-8")


def test_each_without_an_output_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("brief", "--each", str(write_clusters(tmp_path / "c.jsonl")))
    assert result.returncode == ExitCode.BAD_INPUT
    assert "-o DIR" in result.stderr
