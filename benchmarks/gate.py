"""The evaluation gate: fail when a ROUGE or fact-comparison score drops below its floor.

Usage::

    python benchmarks/gate.py [DATA.jsonl] [--floors benchmarks/floors.json]
    python benchmarks/gate.py [DATA.jsonl] --update --reason "why the floors move"
    python benchmarks/gate.py --only facts

The fact half runs ``../shared/bench/facts-dev.jsonl`` through the same path as
``newsfuse brief --format json -`` (read, clean, compare, serialise), scores it
with the benchmark's own evaluator, and checks ``benchmarks/facts_floors.json``
(tolerance FACTS_TOLERANCE).

Modelled on trafilatura's evaluation gate: the dev-set scores are pinned in
``benchmarks/floors.json``; the gate reruns the evaluation and exits 1 if any
score is more than ``tolerance`` (0.3) points below its floor, or if a system
named in ``max_leaks`` leaks more boilerplate sentences than allowed. Floors
move only with ``--update --reason``, which records the reason and date in the
file, so a lower floor is always explained in the diff.
Exit 0: pass; 1: a floor was missed; 2: bad input.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsfuse.errors import NewsfuseError  # noqa: E402
from newsfuse.evaluate import evaluate_file, format_report  # noqa: E402
from newsfuse.evaluate.rouge import ROUGE_TYPES  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "multinews-dev.jsonl"
DEFAULT_FLOORS = ROOT / "benchmarks" / "floors.json"
DEFAULT_FACTS = ROOT.parent / "shared" / "bench" / "facts-dev.jsonl"
FACTS_FLOORS = ROOT / "benchmarks" / "facts_floors.json"
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--floors", type=Path, default=DEFAULT_FLOORS)
    parser.add_argument("--facts", type=Path, default=DEFAULT_FACTS, help="fact benchmark data")
    parser.add_argument("--only", choices=("rouge", "facts"), help="run one half of the gate")
    parser.add_argument("--update", action="store_true", help="pin the scores of this run")
    parser.add_argument("--reason", default="", help="why the floors change (with --update)")
    arguments = parser.parse_args()
    if arguments.update and not arguments.reason.strip():
        parser.error("--update needs --reason: say why the floors move")
    if arguments.only == "facts":
        return gate_facts(arguments.facts)
    status = gate_rouge(arguments)
    if arguments.only == "rouge" or arguments.update:
        return status
    return max(status, gate_facts(arguments.facts))


def gate_facts(data: Path) -> int:
    """Score the fact comparison on ``data`` and check it against FACTS_FLOORS."""
    import subprocess
    import tempfile

    from newsfuse.pipeline import compare_facts, read_report
    from newsfuse.render.data import fact_to_dict

    try:
        floors = json.loads(FACTS_FLOORS.read_text(encoding="utf-8"))["floors"]
        clusters = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    except (OSError, ValueError, KeyError) as error:
        print(f"gate: cannot read the fact benchmark: {error}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        predictions = Path(scratch) / "predictions.jsonl"
        report_path = Path(scratch) / "report.json"
        with predictions.open("w", encoding="utf-8") as handle:
            for cluster in clusters:
                articles = read_report(cluster["articles"]).articles
                facts = [fact_to_dict(fact) for fact in compare_facts(articles)]
                handle.write(json.dumps({"id": cluster["id"], "facts": facts}) + "\n")
        evaluator = data.parent / "facts_eval.py"
        command = [sys.executable, str(evaluator), str(data), "--predictions", str(predictions)]
        result = subprocess.run([*command, "--report", str(report_path)], check=False)
        if result.returncode != 0:
            return 2
        scores = json.loads(report_path.read_text(encoding="utf-8"))
    failures = [
        f"facts {metric}: {scores.get(metric)} < floor {floor} - {FACTS_TOLERANCE} tolerance"
        for metric, floor in floors.items()
        if scores.get(metric) is None or scores[metric] < floor - FACTS_TOLERANCE
    ]
    if failures:
        print("\ngate: FAIL\n" + "\n".join(failures), file=sys.stderr)
        return 1
    print(f"gate: facts pass ({', '.join(f'{m}={scores[m]:.2f}' for m in floors)})")
    return 0


def gate_rouge(arguments: argparse.Namespace) -> int:
    """Score summaries on the Multi-News dev clusters and check them against the floors."""
    try:
        floors = json.loads(arguments.floors.read_text(encoding="utf-8"))
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
        arguments.floors.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
        print(f"\ngate: floors updated in {arguments.floors}")
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
