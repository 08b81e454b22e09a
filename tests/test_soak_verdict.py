"""The soak's verdict (benchmarks/soak.py): memory flatness and exactly-once accounting."""

from __future__ import annotations

import importlib.util
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


def minutes(soak: ModuleType, peaks: list[float], lows: list[float], largest: list[int]) -> list:
    return [
        soak.Minute(rss_mb=peak, rss_samples=[low, peak], largest_story=size)
        for peak, low, size in zip(peaks, lows, largest, strict=True)
    ]


def test_a_peak_that_rises_with_the_largest_story_is_working_set_not_a_leak(
    soak: ModuleType,
) -> None:
    rows = minutes(
        soak, [300] * 5 + [328, 330, 332, 340, 375], [250] * 10, [59] * 5 + [59, 70, 85, 100, 115]
    )
    verdict = soak.judge_memory(rows, soak.MemoryLimits())
    assert verdict.peak_growth > 0.10
    assert not verdict.peak_judged
    assert verdict.flat


def test_a_peak_that_rises_while_the_stories_stay_the_same_size_is_not_flat(
    soak: ModuleType,
) -> None:
    rows = minutes(soak, [300] * 5 + [328, 330, 332, 340, 375], [250] * 10, [40] * 10)
    verdict = soak.judge_memory(rows, soak.MemoryLimits())
    assert verdict.peak_judged
    assert not verdict.flat


def test_a_rising_low_is_a_leak_however_the_stories_grow(soak: ModuleType) -> None:
    lows = [250.0 + 3 * minute for minute in range(10)]
    rows = minutes(soak, [400] * 10, lows, [20 * (minute + 1) for minute in range(10)])
    verdict = soak.judge_memory(rows, soak.MemoryLimits())
    assert verdict.low_slope == pytest.approx(3.0)
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
