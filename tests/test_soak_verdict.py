"""The soak's verdict (benchmarks/soak.py): memory flatness and exactly-once accounting."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

SOAK = Path(__file__).resolve().parents[1] / "benchmarks" / "soak.py"


@pytest.fixture(scope="module")
def soak() -> ModuleType:
    specification = importlib.util.spec_from_file_location("soak_benchmark", SOAK)
    assert specification is not None and specification.loader is not None
    module = importlib.util.module_from_spec(specification)
    sys.modules["soak_benchmark"] = module  # dataclasses look their module up
    specification.loader.exec_module(module)
    return module


def minutes(soak: ModuleType, peaks: list[float], lows: list[float]) -> list:
    return [
        soak.Minute(rss_mb=peak, rss_samples=[low, peak])
        for peak, low in zip(peaks, lows, strict=True)
    ]


def test_one_burst_in_the_last_minute_is_not_growth(soak: ModuleType) -> None:
    # The peak held at 328 MB for the second half, then one minute reached 375 MB.
    peaks = [320.0] * 10 + [328, 327, 329, 328, 330, 327, 329, 328, 330, 375]
    verdict = soak.judge_memory(minutes(soak, peaks, [250.0] * 20), soak.MemoryLimits())
    assert verdict.endpoint_growth > 0.10
    assert verdict.peak_growth < 0.10
    assert verdict.flat


def test_a_peak_that_climbs_minute_after_minute_is_not_flat(soak: ModuleType) -> None:
    peaks = [300.0] * 5 + [300.0 + 8 * minute for minute in range(5)]
    verdict = soak.judge_memory(minutes(soak, peaks, [250.0] * 10), soak.MemoryLimits())
    assert verdict.peak_growth == pytest.approx(32 / 300)
    assert not verdict.flat


def test_a_rising_low_is_a_leak_even_under_a_flat_peak(soak: ModuleType) -> None:
    lows = [250.0 + 3 * minute for minute in range(10)]
    verdict = soak.judge_memory(minutes(soak, [400.0] * 10, lows), soak.MemoryLimits())
    assert verdict.low_slope == pytest.approx(3.0)
    assert verdict.peak_growth == 0
    assert not verdict.flat


def test_pruned_articles_are_subtracted_from_the_expected_count(
    soak: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recorder = soak.Recorder(0.0)
    recorder.minutes = {
        0: soak.Minute(ingested=30, repeats=1, rss_mb=300, rss_samples=[280, 300]),
        1: soak.Minute(ingested=30, pruned=12, rss_mb=300, rss_samples=[280, 300]),
    }
    # 9 seeds + 60 acknowledged - 1 repeat - 12 pruned.
    stored = soak.StoreCount(listed=56, rows=56, distinct_hashes=56, problems="")
    outputs = soak.Outputs(keep_minutes=5, json_path=tmp_path / "soak.json")
    status = soak.report(recorder, stored, 9, soak.MemoryLimits(), "", 2.0, outputs)
    assert status == 0
    assert "12 pruned = 56 expected" in capsys.readouterr().out
    assert '"pruned": 12' in (tmp_path / "soak.json").read_text(encoding="utf-8")
    wrong = soak.StoreCount(listed=68, rows=68, distinct_hashes=68, problems="")
    assert soak.report(recorder, wrong, 9, soak.MemoryLimits(), "", 2.0, outputs) == 1


def test_a_pruned_story_page_is_an_error_only_without_retention(soak: ModuleType) -> None:
    assert soak.pruned_away("/api/stories/s-0123456789abcdef", 404, retention=True)
    assert soak.pruned_away("/stories/s-0123456789abcdef", 404, retention=True)
    assert not soak.pruned_away("/stories/s-0123456789abcdef", 404, retention=False)
    assert not soak.pruned_away("/api/stories?limit=20", 500, retention=True)
    assert not soak.pruned_away("/", 404, retention=True)


def test_the_stored_column_counts_every_article_row_near_duplicates_included(
    soak: ModuleType, store: Path
) -> None:
    with sqlite3.connect(store) as connection:
        rows, copies = connection.execute(
            "SELECT count(*), count(duplicate_of) FROM articles"
        ).fetchone()
        sizes, largest = connection.execute("SELECT sum(size), max(size) FROM stories").fetchone()
    assert copies >= 1  # the invented events hold a syndicated copy
    assert sizes == rows - copies  # a story's size leaves its copies out
    assert soak.story_sizes(store) == (rows, largest)
