"""The summary-quality gate: fail when a ROUGE score drops below its pinned floor.

Usage::

    python benchmarks/gate.py [DATA.jsonl] [--floors benchmarks/floors.json]
    python benchmarks/gate.py [DATA.jsonl] --update --reason "why the floors move"

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

DEFAULT_DATA = ROOT.parent.parent / "shared" / "data" / "multinews-dev.jsonl"
DEFAULT_FLOORS = ROOT / "benchmarks" / "floors.json"
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
    parser.add_argument("--update", action="store_true", help="pin the scores of this run")
    parser.add_argument("--reason", default="", help="why the floors change (with --update)")
    arguments = parser.parse_args()
    if arguments.update and not arguments.reason.strip():
        parser.error("--update needs --reason: say why the floors move")
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
