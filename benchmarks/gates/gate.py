"""The evaluation gate: fail when a ROUGE or fact-comparison score drops below its floor.

Usage::

    python benchmarks/gates/gate.py [DATA.jsonl] [--floors benchmarks/gates/floors.json]
    python benchmarks/gates/gate.py [DATA.jsonl] --update --reason "why the floors move"
    python benchmarks/gates/gate.py --only facts [--facts-dir ../shared/bench]
    python benchmarks/gates/gate.py --only facts --update --reason "why the floors move"

The fact half runs each labelled set named in ``benchmarks/gates/facts_floors.json``
(``facts-dev``, ``facts-dev2`` and the real-news ``facts-real-dev``, all in
``--facts-dir``) through the same path as ``newsfuse brief --format json -``
(read, clean, compare, serialise), scores it with the benchmark's own
evaluator, and checks that set's floors (tolerance FACTS_TOLERANCE).

Modelled on trafilatura's evaluation gate: the dev-set scores are pinned in
``benchmarks/gates/floors.json``; the gate reruns the evaluation and exits 1 if any
score is more than ``tolerance`` (0.3) points below its floor, or if a system
named in ``max_leaks`` leaks more boilerplate sentences than allowed. Floors
move only with ``--update --reason``, which records the reason and date in the
file, so a lower floor is always explained in the diff.

Each floors file also pins the sha256 of every file its half reads (``digests``:
the data, and for the facts the evaluator next to it). The gate checks them before
it evaluates anything and stops (exit 2) on a mismatch: floors only mean something
on the data they were measured on, so a data change must be deliberate, and
``--update --reason`` records the new digests with the new floors.
Exit 0: pass; 1: a floor was missed; 2: bad input or a data digest mismatch.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from newsfuse.errors import NewsfuseError  # noqa: E402
from newsfuse.evaluate import evaluate_file, format_report  # noqa: E402
from newsfuse.evaluate.rouge import ROUGE_TYPES  # noqa: E402
from newsfuse.pipeline import compare_facts, read_report  # noqa: E402
from newsfuse.render.data import fact_to_dict  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")
DEFAULT_FLOORS = ROOT / "benchmarks" / "gates" / "floors.json"
DEFAULT_FACTS_DIR = shared_path("bench")
FACTS_FLOORS = ROOT / "benchmarks" / "gates" / "facts_floors.json"
# Fact scores are deterministic; this only absorbs one item more or less on 24 clusters.
FACTS_TOLERANCE = 0.02
# Scores may wobble by this much (library versions, tokenizer details) without failing.
TOLERANCE = 0.3


def check(report_scores: dict[str, dict[str, float]], floors: dict, tolerance: float) -> list[str]:
    """Every missed floor, as one line each (empty when the gate passes)."""
    failures = []
    for system, metrics in floors.get("floors", {}).items():
        if system not in report_scores:
            failures.append(f"{system}: not evaluated")
            continue
        for metric, floor in metrics.items():
            score = report_scores[system][metric]
            if score < floor - tolerance:
                failures.append(
                    f"{system} {metric}: {score:.2f} < floor {floor:.2f} - {tolerance} tolerance"
                )
    return failures


def check_leaks(leaks: dict[str, int], floors: dict) -> list[str]:
    """Systems that leaked more boilerplate sentences than ``max_leaks`` allows them.

    Only systems named in ``max_leaks`` are held to it: baselines read the same
    cleaned text but have no filter of their own, and their leaks are the
    cleaner's to fix.
    """
    limits = floors.get("max_leaks", {})
    return [
        f"{name}: {leaks[name]} boilerplate leak(s), at most {limit} allowed"
        for name, limit in limits.items()
        if leaks.get(name, 0) > limit
    ]


def digest_file(path: Path) -> str:
    """The sha256 of ``path``'s bytes in hex: what a floors file pins of the data it was
    measured on."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_digests(floors: dict, files: dict[str, Path], floors_path: Path) -> str | None:
    """The first file whose digest differs from the one pinned in ``floors``, as one line
    (None when every file matches), so that floors are never checked on other data."""
    pinned = floors.get("digests", {})
    for role, path in files.items():
        if role not in pinned:
            return (
                f"gate: {floors_path} pins no sha256 for the {role} file {path}; "
                "pin it with --update --reason"
            )
        try:
            actual = digest_file(path)
        except OSError as error:
            return f"gate: cannot read the {role} file {path}: {error}"
        expected = pinned[role]
        if actual != expected:
            return (
                f"gate: {role} file {path} has sha256 {actual}, expected {expected} "
                f"(pinned in {floors_path}); a data change must be deliberate: "
                "rerun with --update --reason"
            )
    return None


def pin_digests(floors: dict, files: dict[str, Path]) -> None:
    """Record the sha256 of every file in ``files`` in ``floors`` (``--update``)."""
    floors["digests"] = {role: digest_file(path) for role, path in files.items()}


def facts_files(data: Path) -> dict[str, Path]:
    """The files the fact half reads: the labelled clusters and the evaluator beside them."""
    return {"data": data, "evaluator": data.parent / "facts_eval.py"}


def fact_sets(pinned: dict, directory: Path) -> dict[str, Path]:
    """Each labelled set the fact floors name, as its data file in ``directory``."""
    return {name: directory / f"{name}.jsonl" for name in pinned["sets"]}


def read_floors(path: Path) -> dict:
    """The floors file at ``path`` (raises OSError or ValueError when it is unreadable)."""
    floors: dict = json.loads(path.read_text(encoding="utf-8"))
    return floors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--floors", type=Path, default=DEFAULT_FLOORS)
    parser.add_argument(
        "--facts-dir", type=Path, default=DEFAULT_FACTS_DIR, help="folder of the fact sets"
    )
    parser.add_argument(
        "--facts-floors", type=Path, default=FACTS_FLOORS, help="floors of the fact half"
    )
    parser.add_argument("--only", choices=("rouge", "facts"), help="run one half of the gate")
    parser.add_argument("--update", action="store_true", help="pin the scores of this run")
    parser.add_argument("--reason", default="", help="why the floors change (with --update)")
    arguments = parser.parse_args()
    if arguments.update and not arguments.reason.strip():
        parser.error("--update needs --reason: say why the floors move")
    if not arguments.update:
        status = verify_data(arguments)
        if status:
            return status
    if arguments.only == "facts":
        return gate_facts(arguments)
    status = gate_rouge(arguments)
    if arguments.only == "rouge" or arguments.update:
        return status
    return max(status, gate_facts(arguments))


def verify_data(arguments: argparse.Namespace) -> int:
    """Check the digests of every file the halves to run will read, before any evaluation."""
    checks: list[tuple[dict, dict[str, Path], Path]] = []
    try:
        if arguments.only != "facts":
            checks.append(
                (read_floors(arguments.floors), {"data": arguments.data}, arguments.floors)
            )
        if arguments.only != "rouge":
            pinned = read_floors(arguments.facts_floors)
            for name, data in fact_sets(pinned, arguments.facts_dir).items():
                checks.append((pinned["sets"][name], facts_files(data), arguments.facts_floors))
    except (OSError, ValueError, KeyError) as error:
        print(f"gate: cannot read the floors: {error}", file=sys.stderr)
        return 2
    for floors, files, floors_path in checks:
        mismatch = check_digests(floors, files, floors_path)
        if mismatch:
            print(mismatch, file=sys.stderr)
            return 2
    return 0


def gate_facts(arguments: argparse.Namespace) -> int:
    """Score the fact comparison on every set in ``--facts-floors`` and check each set's floors."""
    floors_path: Path = arguments.facts_floors
    try:
        pinned = read_floors(floors_path)
        sets = fact_sets(pinned, arguments.facts_dir)
    except (OSError, ValueError, KeyError) as error:
        print(f"gate: cannot read {floors_path}: {error}", file=sys.stderr)
        return 2
    failures: list[str] = []
    for name, data in sets.items():
        scores = score_fact_set(data)
        if scores is None:
            return 2
        entry = pinned["sets"][name]
        if arguments.update:
            entry["floors"] = {metric: _rounded(scores[metric]) for metric in entry["floors"]}
            pin_digests(entry, facts_files(data))
            continue
        failures += [
            f"facts {name} {metric}: {scores.get(metric)} < floor {floor} - {FACTS_TOLERANCE}"
            " tolerance"
            for metric, floor in entry["floors"].items()
            if floor is not None
            and (scores.get(metric) is None or scores[metric] < floor - FACTS_TOLERANCE)
        ]
        print(
            f"gate: facts {name}: "
            + ", ".join(f"{m}={_shown(scores.get(m))}" for m in entry["floors"])
        )
    if arguments.update:
        pinned["measured"] = datetime.date.today().isoformat()
        pinned["reason"] = arguments.reason
        floors_path.write_text(json.dumps(pinned, indent=2) + "\n", encoding="utf-8")
        print(f"gate: fact floors and data digests updated in {floors_path}")
        return 0
    if failures:
        print("\ngate: FAIL\n" + "\n".join(failures), file=sys.stderr)
        return 1
    print("gate: facts pass")
    return 0


def _rounded(score: float | None) -> float | None:
    """A floor as pinned: two decimals, ``None`` where the metric is undefined (no revisions)."""
    return None if score is None else round(score, 2)


def _shown(score: float | None) -> str:
    return "n/a" if score is None else f"{score:.2f}"


def score_fact_set(data: Path) -> dict | None:
    """The evaluator's figures for one labelled set through the product path, else ``None``."""
    try:
        clusters = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    except (OSError, ValueError) as error:
        print(f"gate: cannot read {data}: {error}", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as scratch:
        predictions = Path(scratch) / "predictions.jsonl"
        report_path = Path(scratch) / "report.json"
        with predictions.open("w", encoding="utf-8") as handle:
            for cluster in clusters:
                articles = read_report(cluster["articles"]).articles
                facts = [fact_to_dict(fact) for fact in compare_facts(articles)]
                handle.write(json.dumps({"id": cluster["id"], "facts": facts}) + "\n")
        evaluator = facts_files(data)["evaluator"]
        command = [sys.executable, str(evaluator), str(data), "--predictions", str(predictions)]
        result = subprocess.run([*command, "--report", str(report_path)], check=False)
        if result.returncode != 0:
            return None
        scores: dict = json.loads(report_path.read_text(encoding="utf-8"))
    return scores


def gate_rouge(arguments: argparse.Namespace) -> int:
    """Score summaries on the Multi-News dev clusters and check them against the floors."""
    try:
        floors = read_floors(arguments.floors)
        systems = list(floors["floors"])
        budget = int(floors.get("budget", 300))
        tolerance = float(floors.get("tolerance", TOLERANCE))
        report = evaluate_file(arguments.data, budget=budget, systems=systems)
    except (OSError, ValueError, KeyError) as error:
        print(f"gate: cannot read {arguments.floors}: {error}", file=sys.stderr)
        return 2
    except NewsfuseError as error:
        print(f"gate: {error}", file=sys.stderr)
        return 2
    print(format_report(report))
    scores = {s.name: {m: s.scores[m].mean for m in ROUGE_TYPES} for s in report.systems}
    if arguments.update:
        floors["floors"] = {
            name: {m: round(v, 2) for m, v in metrics.items()} for name, metrics in scores.items()
        }
        floors["updated"] = datetime.date.today().isoformat()
        floors["reason"] = arguments.reason
        floors["clusters"] = report.clusters
        pin_digests(floors, {"data": arguments.data})
        arguments.floors.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
        print(f"\ngate: floors and data digest updated in {arguments.floors}")
        return 0
    failures = check(scores, floors, tolerance)
    failures += check_leaks({s.name: s.leaks for s in report.systems}, floors)
    if failures:
        print("\ngate: FAIL\n" + "\n".join(failures), file=sys.stderr)
        return 1
    print(f"\ngate: pass ({len(scores)} system(s), tolerance {tolerance})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
