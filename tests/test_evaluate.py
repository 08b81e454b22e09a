"""Tests of the evaluation harness: ROUGE, bootstrap statistics, baselines, the eval command.

All clusters are invented (fictional towns, outlets and people); no test needs
the Multi-News data or loads a neural model.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, subprocess_env
from newsfuse.evaluate import (
    bootstrap_interval,
    evaluate_clusters,
    paired_bootstrap_pvalue,
    read_clusters,
    score_summary,
)
from newsfuse.evaluate.baselines import (
    summarize_lead3,
    summarize_lexrank,
    summarize_mmr,
    summarize_oracle,
    summarize_round_robin,
    summarize_textrank,
)
from newsfuse.evaluate.data import Cluster
from newsfuse.evaluate.leaks import count_leaks, looks_like_boilerplate
from newsfuse.evaluate.text import count_words, cut_to_budget, split_plain_sentences
from newsfuse.model import Article
from newsfuse.segment import split_sentences
from newsfuse.summary.learned import (
    FEATURE_NAMES,
    LearnedScorer,
    extract_features,
    load_weights,
    select_for_rouge,
)

FLOOD_A = (
    "Heavy rain flooded the river town of Marrowby on Tuesday night. "
    "The mayor, Ilsa Brenning, said 240 homes were evacuated before dawn. "
    "Volunteers filled sandbags along the Quell embankment. "
    "Schools will stay closed until Friday."
)
FLOOD_B = (
    "Floodwater swept through Marrowby after two days of heavy rain. "
    "About 240 homes were evacuated, according to mayor Ilsa Brenning. "
    "The regional weather office warned of more storms on Thursday. "
    "Sign up for our newsletter to get alerts."
)
FLOOD_C = (
    "Rescue crews in Marrowby pulled three people from a flooded bakery. "
    "The Quell river rose four metres in a single night. "
    "Officials estimate the damage at 12 million crowns."
)
FLOOD_REFERENCE = (
    "Heavy rain flooded Marrowby, where 240 homes were evacuated, mayor Ilsa Brenning said. "
    "Rescue crews pulled three people from a bakery as the Quell river rose four metres."
)

MARKET_A = (
    "The Tollen harbour fish market reopened on Monday after a fire in March. "
    "Its owner, Pieter Vasko, rebuilt the hall with a new roof. "
    "Traders returned to forty stalls."
)
MARKET_B = (
    "Forty traders moved back into the rebuilt Tollen fish market. "
    "The March fire had destroyed the old wooden hall. "
    "Pieter Vasko said insurance paid for most of the work."
)
MARKET_REFERENCE = (
    "The Tollen fish market reopened after a March fire destroyed its hall; "
    "forty traders returned, owner Pieter Vasko said."
)


def _documents(*texts: str) -> list[list[str]]:
    return [split_plain_sentences(text) for text in texts]


def _write_clusters(path: Path) -> Path:
    records = [
        {"id": "flood", "documents": [FLOOD_A, FLOOD_B, FLOOD_C], "summary": FLOOD_REFERENCE},
        {"id": "market", "documents": [MARKET_A, MARKET_B], "summary": "– " + MARKET_REFERENCE},
    ]
    lines = [json.dumps(r) for r in records]
    lines.append('{"id": "broken", "documents": "not closed"')
    lines.append(json.dumps({"id": "nosummary", "documents": [MARKET_A]}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ROUGE -------------------------------------------------------------------------------


def test_identical_summaries_score_100() -> None:
    sentences = split_plain_sentences(FLOOD_A)
    scores = score_summary(sentences, sentences)
    assert scores.as_dict() == pytest.approx(
        {"rouge1": 100.0, "rouge2": 100.0, "rougeL": 100.0, "rougeLsum": 100.0}
    )


def test_disjoint_summaries_score_0() -> None:
    scores = score_summary(["Apples ripen slowly."], ["Trains depart hourly."])
    assert scores.rouge1 == 0.0 and scores.rouge2 == 0.0


def test_known_rouge1_value_with_stemming() -> None:
    # "runs"/"running" stem to "run": 3 of 4 unigrams match both ways -> F1 = 75.
    scores = score_summary(["the dog runs home"], ["the dog running away"])
    assert scores.rouge1 == pytest.approx(75.0)
    assert scores.rouge2 == pytest.approx(200 / 3)  # 2 of 3 bigrams both ways


@pytest.mark.slow  # importing the Python rouge-score (NLTK) takes seconds
def test_rust_and_python_rouge_agree() -> None:
    pytest.importorskip("rouge_score_rs")
    pytest.importorskip("rouge_score")
    system = split_plain_sentences(FLOOD_B + " " + FLOOD_C)
    reference = split_plain_sentences(FLOOD_REFERENCE)
    assert score_summary(system, reference, backend="rs") == score_summary(
        system, reference, backend="python"
    )


# Text helpers ------------------------------------------------------------------------


def test_reference_is_split_into_sentences() -> None:
    assert split_plain_sentences('Dr. Vasko left. He said: "Goodbye." Then it rained.') == [
        "Dr. Vasko left.",
        'He said: "Goodbye."',
        "Then it rained.",
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="abc \n", min_size=0, max_size=40), max_size=8),
    st.integers(min_value=1, max_value=30),
)
def test_cut_never_exceeds_budget_and_keeps_a_prefix(sentences: list[str], budget: int) -> None:
    cut = cut_to_budget(sentences, budget)
    all_words = [w for s in sentences for w in s.split()]
    kept_words = [w for s in cut for w in s.split()]
    assert sum(count_words(s) for s in cut) == min(budget, len(all_words))
    assert kept_words == all_words[: len(kept_words)]


# Statistics --------------------------------------------------------------------------


def test_bootstrap_interval_contains_the_mean() -> None:
    values = np.random.default_rng(1).normal(40.0, 5.0, size=80)
    interval = bootstrap_interval(values)
    assert interval.low < interval.mean < interval.high
    assert interval.mean == pytest.approx(values.mean())
    assert interval.high - interval.low < 5.0


def test_paired_test_detects_a_clear_difference() -> None:
    generator = np.random.default_rng(2)
    baseline = generator.normal(40.0, 5.0, size=60)
    system = baseline + 2.0 + generator.normal(0.0, 1.0, size=60)
    assert paired_bootstrap_pvalue(system, baseline) < 0.01


def test_paired_test_finds_no_difference_in_noise() -> None:
    generator = np.random.default_rng(3)
    baseline = generator.normal(40.0, 5.0, size=60)
    noise = generator.normal(0.0, 1.0, size=60)
    system = baseline + noise - noise.mean()  # same mean: no real difference
    assert paired_bootstrap_pvalue(system, baseline) > 0.2
    assert paired_bootstrap_pvalue(baseline - 1.0, baseline) == 1.0


# Baselines ---------------------------------------------------------------------------


def test_lead3_and_round_robin_follow_source_order() -> None:
    documents = _documents(FLOOD_A, FLOOD_B, FLOOD_C)
    assert summarize_lead3(documents, 300) == documents[0][:3]
    robin = summarize_round_robin(documents, 25)
    assert robin[:3] == [documents[0][0], documents[1][0], documents[2][0]]
    assert sum(count_words(s) for s in robin[:-1]) < 25 <= sum(count_words(s) for s in robin)


@pytest.mark.parametrize(
    "baseline", [summarize_lexrank, summarize_textrank, summarize_mmr], ids=lambda f: f.__name__
)
def test_graph_and_mmr_baselines_fill_the_budget_from_the_cluster(baseline: object) -> None:
    documents = _documents(FLOOD_A, FLOOD_B, FLOOD_C)
    pool = {s for doc in documents for s in doc}
    output = baseline(documents, 40)  # type: ignore[operator]
    assert output and set(output) <= pool
    assert len(set(output)) == len(output)
    assert sum(count_words(s) for s in output) >= 40


def test_oracle_beats_round_robin_on_the_reference() -> None:
    documents = _documents(FLOOD_A, FLOOD_B, FLOOD_C)
    reference = split_plain_sentences(FLOOD_REFERENCE)
    oracle = cut_to_budget(summarize_oracle(documents, 40, FLOOD_REFERENCE), 40)
    robin = cut_to_budget(summarize_round_robin(documents, 40), 40)
    assert score_summary(oracle, reference).rouge2 > score_summary(robin, reference).rouge2


# Reading and leaks -------------------------------------------------------------------


def test_bad_lines_are_skipped_with_file_and_line(tmp_path: Path) -> None:
    data = read_clusters(_write_clusters(tmp_path / "clusters.jsonl"))
    assert [c.id for c in data.clusters] == ["flood", "market"]
    assert data.clusters[1].summary == MARKET_REFERENCE  # leading en dash dropped
    origins = [s.origin for s in data.skipped]
    assert origins == [f"{tmp_path / 'clusters.jsonl'}:3", f"{tmp_path / 'clusters.jsonl'}:4"]
    assert "summary" in data.skipped[1].reason


def test_leak_check_flags_page_furniture_only() -> None:
    assert looks_like_boilerplate("Sign up for our newsletter to get alerts.")
    assert looks_like_boilerplate("(Image: Getty)")
    assert not looks_like_boilerplate(FLOOD_A.split(". ")[1])
    assert count_leaks(split_plain_sentences(FLOOD_B), looks_like_boilerplate) == 1


# Learned scorer ----------------------------------------------------------------------


def _flood_sentences() -> list:
    articles = [
        Article(id=f"flood-{n}", text=text) for n, text in enumerate((FLOOD_A, FLOOD_B, FLOOD_C))
    ]
    return [s for article in articles for s in split_sentences(article)]


def test_learned_scorer_prefers_reporting_over_furniture() -> None:
    sentences = _flood_sentences()
    features = extract_features(sentences)
    assert features.shape == (len(sentences), len(FEATURE_NAMES))
    assert load_weights().features == FEATURE_NAMES
    scores = LearnedScorer()(sentences)
    by_text = dict(zip((s.text for s in sentences), scores, strict=True))
    assert (
        by_text[split_plain_sentences(FLOOD_A)[0]]
        > by_text["Sign up for our newsletter to get alerts."]
    )


def test_selection_skips_repeats_and_furniture_and_keeps_source_order() -> None:
    sentences = _flood_sentences()
    scores = LearnedScorer()(sentences)
    chosen = select_for_rouge(sentences, scores, 60)
    texts = [s.text for s in chosen]
    assert "Sign up for our newsletter to get alerts." not in texts
    assert sum(count_words(t) for t in texts) >= 60 or len(chosen) > 4
    keys = [(s.index, s.article_id) for s in chosen]
    assert keys == sorted(keys)


# The harness and the command ---------------------------------------------------------


def test_harness_scores_every_system_on_every_cluster() -> None:
    clusters = [
        Cluster("flood", (FLOOD_A, FLOOD_B, FLOOD_C), FLOOD_REFERENCE),
        Cluster("market", (MARKET_A, MARKET_B), MARKET_REFERENCE),
    ]
    report = evaluate_clusters(clusters, budget=30, systems=["newsfuse", "roundrobin", "oracle"])
    assert [s.name for s in report.systems] == ["newsfuse", "roundrobin", "oracle"]
    newsfuse = report.system("newsfuse")
    assert len(newsfuse.per_cluster) == 2 and newsfuse.p_values == {}
    assert set(report.system("roundrobin").p_values) == {"rouge1", "rouge2", "rougeL", "rougeLsum"}
    # Briefs never overrun the budget (whole sentences only), so they may fall short of it.
    assert 20 <= newsfuse.mean_words <= 30 and newsfuse.leaks == 0
    assert 0 < newsfuse.scores["rouge1"].mean < 100


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    environment = subprocess_env()
    return subprocess.run(
        [sys.executable, *arguments],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment,
        timeout=120,
        check=False,
    )


def test_eval_command_end_to_end(tmp_path: Path) -> None:
    data = _write_clusters(tmp_path / "clusters.jsonl")
    out = tmp_path / "out"
    result = _run(
        "-m", "newsfuse", "eval", str(data), "--systems", "lead3,roundrobin",
        "--budget", "30", "--out", str(out), "--quiet",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "| lead3 |" in result.stdout and "| roundrobin |" in result.stdout
    assert "skipped 2 line(s)" in result.stdout
    assert (out / "roundrobin" / "flood.txt").read_text().startswith("Heavy rain flooded")
    records = [json.loads(line) for line in (out / "scores.jsonl").read_text().splitlines()]
    assert {(r["system"], r["id"]) for r in records} == {
        (system, cluster) for system in ("lead3", "roundrobin") for cluster in ("flood", "market")
    }
    summary = json.loads((out / "summary.json").read_text())
    assert summary["clusters"] == 2 and summary["budget"] == 30
    assert "readability audit" in result.stdout
    audit = summary["audits"]["roundrobin"]
    assert audit["briefs"] == 2 and audit["sentences"] >= 2


def test_eval_command_rejects_unknown_system(tmp_path: Path) -> None:
    data = _write_clusters(tmp_path / "clusters.jsonl")
    result = _run("-m", "newsfuse", "eval", str(data), "--systems", "gpt9", "--quiet")
    assert result.returncode == 2
    assert "unknown system 'gpt9'" in result.stderr


def _load_gate() -> ModuleType:
    specification = importlib.util.spec_from_file_location(
        "gate", REPO / "benchmarks" / "gates" / "gate.py"
    )
    assert specification is not None and specification.loader is not None
    module = importlib.util.module_from_spec(specification)
    specification.loader.exec_module(module)
    return module


GATE = "benchmarks/gates/gate.py"


def test_gate_pins_floors_and_fails_below_them(tmp_path: Path) -> None:
    data = _write_clusters(tmp_path / "clusters.jsonl")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"budget": 30, "floors": {"roundrobin": {"rouge1": 0.0}}}))
    assert _run(
        "benchmarks/gates/gate.py", str(data), "--floors", str(floors), "--update"
    ).returncode
    updated = _run(GATE, str(data), "--floors", str(floors), "--update",
                   "--reason", "test")  # fmt: skip
    assert updated.returncode == 0, updated.stderr
    pinned = json.loads(floors.read_text())
    assert pinned["reason"] == "test" and 0 < pinned["floors"]["roundrobin"]["rouge1"] < 100
    gate = _load_gate()
    assert pinned["digests"] == {"data": gate.digest_file(data)}
    scores = {"roundrobin": dict(pinned["floors"]["roundrobin"])}
    assert gate.check(scores, pinned, 0.3) == []
    scores["roundrobin"]["rouge2"] -= 0.2  # within tolerance
    assert gate.check(scores, pinned, 0.3) == []
    scores["roundrobin"]["rouge1"] -= 0.5
    assert gate.check(scores, pinned, 0.3) == [
        f"roundrobin rouge1: {scores['roundrobin']['rouge1']:.2f} < floor "
        f"{pinned['floors']['roundrobin']['rouge1']:.2f} - 0.3 tolerance"
    ]
    assert gate.check({}, pinned, 0.3) == ["roundrobin: not evaluated"]
    limits = {"max_leaks": {"newsfuse": 0}}
    assert gate.check_leaks({"newsfuse": 0, "roundrobin": 9}, limits) == []
    assert gate.check_leaks({"newsfuse": 2}, limits) == [
        "newsfuse: 2 boilerplate leak(s), at most 0 allowed"
    ]


def test_gate_stops_when_its_data_differs_from_the_pinned_digest(tmp_path: Path) -> None:
    data = _write_clusters(tmp_path / "clusters.jsonl")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"budget": 30, "floors": {"roundrobin": {"rouge1": 0.0}}}))
    unpinned = _run(
        "benchmarks/gates/gate.py", str(data), "--floors", str(floors), "--only", "rouge"
    )
    assert unpinned.returncode == 2 and "pins no sha256 for the data file" in unpinned.stderr
    gate = _load_gate()
    pinned = json.loads(floors.read_text())
    gate.pin_digests(pinned, {"data": data})
    assert pinned["digests"]["data"] == gate.digest_file(data)
    floors.write_text(json.dumps(pinned))
    assert gate.check_digests(pinned, {"data": data}, floors) is None
    data.write_text(data.read_text() + "\n", encoding="utf-8")
    changed = _run(
        "benchmarks/gates/gate.py", str(data), "--floors", str(floors), "--only", "rouge"
    )
    assert changed.returncode == 2
    [message] = changed.stderr.strip().splitlines()
    assert str(data) in message and pinned["digests"]["data"] in message
    assert gate.digest_file(data) in message and "--update --reason" in message
