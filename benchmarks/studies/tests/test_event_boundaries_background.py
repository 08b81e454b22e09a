"""benchmarks/event_boundaries.py with a background: invented reports in a mixed store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from study_scripts import load_benchmark

REPORTS = [
    {
        "id": "crane-herald",
        "title": "Crane falls at Velm harbour",
        "text": "A crane fell onto the Velm harbour quay on Monday, the port authority said.",
        "source": "velm-herald",
        "published": "2026-02-02T09:00:00Z",
    },
    {
        "id": "crane-post",
        "title": "Velm harbour crane collapse",
        "text": "The port authority said a crane collapsed onto the Velm quay on Monday.",
        "source": "osk-post",
        "published": "2026-02-02T11:00:00Z",
    },
]
BACKGROUND = [
    {"id": "orchard#0", "text": "Frost damaged the Tarrow orchards overnight, growers said."},
    {"id": "bridge#0", "text": "The Osk bridge reopened after six weeks of repairs."},
]


def test_background_documents_share_the_store_and_the_reports_are_all_placed(
    tmp_path: Path,
) -> None:
    benchmark = load_benchmark("event_boundaries")
    placed, _ = benchmark.group_reports(
        REPORTS, "hashing", False, 13, tmp_path, background=BACKGROUND
    )
    assert {"crane-herald", "crane-post"} <= placed.keys()
    (db,) = tmp_path.glob("events-*.db")
    with sqlite3.connect(db) as connection:
        stored = {row[0] for row in connection.execute("SELECT source_id FROM articles")}
    assert stored == {"crane-herald", "crane-post", "orchard#0", "bridge#0"}


def test_a_fact_benchmark_cluster_file_is_read_as_reports_of_its_events(tmp_path: Path) -> None:
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text(
        '{"id": "ferry", "articles": ['
        '{"id": "a", "source": "osk-post", "published": null, "title": "",'
        ' "text": "A ferry ran aground off Velm on Friday."},'
        '{"id": "b", "source": null, "published": "2026-02-06T10:00:00Z",'
        ' "title": "Velm ferry aground", "text": "The Velm ferry ran aground."}]}\n',
        encoding="utf-8",
    )
    reports = load_benchmark("event_boundaries").load_reports(clusters)
    assert [(r["id"], r["event"], r["source"], r["published"]) for r in reports] == [
        ("ferry/a", "ferry", "osk-post", ""),
        ("ferry/b", "ferry", "unknown", "2026-02-06T10:00:00Z"),
    ]


def test_an_undated_report_is_ingested_undated_when_times_are_used(tmp_path: Path) -> None:
    undated = [{**REPORTS[0], "published": ""}, REPORTS[1]]
    placed, _ = load_benchmark("event_boundaries").group_reports(
        undated, "hashing", True, 13, tmp_path
    )
    assert placed.keys() == {"crane-herald", "crane-post"}
