"""Coverage-guided fuzzing of newsfuse's input-facing stages with atheris (libFuzzer).

Runs one target of ``tests/fuzz_targets.py`` (the checks the hypothesis tests
use: no exception but the documented ``newsfuse.errors``, no hang, every
character offset in range) for a fixed time, with newsfuse's own code
instrumented for coverage. The fuzzer runs in a child process; this script
reads its libFuzzer statistics and prints executions, coverage and crashes.

A crash is an input on which the check raised anything but a documented error,
or that ran longer than ``--timeout`` seconds (libFuzzer's own per-input
timeout, since a C parser cannot be interrupted from Python). Each distinct
crash (by exception type and the line that raised it) is written to
``OUT/TARGET/crashes/`` with its traceback beside it; the inputs that reached
new coverage are kept in ``OUT/TARGET/corpus/`` and reused by the next run.
Nothing here touches the network.

Usage (from the repo root)::

    PYTHONPATH=src nice python benchmarks/fuzz.py TARGET --seconds 120 [--out DIR]
    PYTHONPATH=src python benchmarks/fuzz.py --list

Needs ``pip install atheris==3.0.0`` (a wheel exists for CPython 3.11 on
x86-64 Linux). Results are in ``docs/benchmarks-robustness.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The targets live with the tests, which drive the same checks with hypothesis.
sys.path.insert(0, str(REPO / "tests"))

DEFAULT_OUT = Path("/tmp/newsfuse-fuzz")
# An input that takes longer than this is a hang: news pages brief in well under a second.
DEFAULT_TIMEOUT_SECONDS = 20
# Inputs longer than this are not tried: the per-document limits are issue 17's part 2,
# and long inputs slow the search for crashes down more than they add coverage.
DEFAULT_MAX_LEN = 4096
# Seeds per target, from the invented example articles and fixtures of this repository.
SEED_GLOBS = (
    "examples/harbour-fire/*",
    "tests/fixtures/ingest/*",
    "tests/fixtures/brief/*.txt",
    "tests/fixtures/store/*.jsonl",
)

_STAT = re.compile(r"^stat::(\w+):\s*(\d+)", re.M)
_PROGRESS = re.compile(r"#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)")


def main() -> int:
    """Parse arguments, then run the fuzzer in a child (or be that child)."""
    from fuzz_targets import BYTE_TARGETS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", nargs="?", choices=sorted(BYTE_TARGETS))
    parser.add_argument("--seconds", type=int, default=60, help="how long to fuzz")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="corpus and crash folders")
    parser.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT_SECONDS)
    parser.add_argument("--max-len", type=int, default=DEFAULT_MAX_LEN)
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.list or not args.target:
        print("\n".join(sorted(BYTE_TARGETS)))
        return 0
    folder = args.out / args.target
    if args.child:
        return run_fuzzer(args.target, folder, args.seconds, args.timeout, args.max_len)
    return supervise(args.target, folder, args.seconds, args.timeout, args.max_len)


def supervise(target: str, folder: Path, seconds: int, timeout: int, max_len: int) -> int:
    """Run the fuzzer child for ``seconds`` and print what it found; 1 if it found crashes."""
    corpus, crashes = folder / "corpus", folder / "crashes"
    corpus.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    seed_corpus(corpus)
    before = {path.name for path in crashes.iterdir()}
    command = [
        sys.executable,
        __file__,
        target,
        "--child",
        "--out",
        str(folder.parent),
        "--seconds",
        str(seconds),
        "--timeout",
        str(timeout),
        "--max-len",
        str(max_len),
    ]
    started = time.monotonic()
    # The grace period lets libFuzzer finish its last input and print its statistics.
    child = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 4 * timeout + 60
    )
    elapsed = time.monotonic() - started
    log = child.stderr
    (folder / "last-run.log").write_text(log + child.stdout, encoding="utf-8")
    stats = {name: int(value) for name, value in _STAT.findall(log)}
    progress = _PROGRESS.findall(log)
    coverage, features, corpus_size = progress[-1][1:] if progress else ("?", "?", "?")
    new_crashes = sorted(path.name for path in crashes.iterdir() if path.name not in before)
    crash_inputs = [name for name in new_crashes if not name.endswith(".txt")]
    print(f"target         {target}")
    print(f"seconds        {elapsed:.0f}")
    print(f"executions     {stats.get('number_of_executed_units', '?')}")
    print(f"exec/s         {stats.get('average_exec_per_sec', '?')}")
    print(f"coverage       {coverage} edges, {features} features, corpus {corpus_size} inputs")
    print(f"peak RSS       {stats.get('peak_rss_mb', '?')} MB")
    print(f"crashes        {len(crash_inputs)} new (distinct), in {crashes}")
    for name in crash_inputs:
        print(f"  {name}")
    if child.returncode not in (0, 1) and not crash_inputs:
        print(f"fuzzer exited with {child.returncode}; see {folder / 'last-run.log'}")
    return 1 if crash_inputs else 0


def seed_corpus(corpus: Path) -> None:
    """Copy the repository's invented example inputs into an empty corpus as seeds."""
    if any(corpus.iterdir()):
        return
    for pattern in SEED_GLOBS:
        for path in sorted(REPO.glob(pattern)):
            if path.is_file() and path.stat().st_size <= DEFAULT_MAX_LEN * 4:
                digest = hashlib.sha1(path.read_bytes()).hexdigest()
                (corpus / f"seed-{digest}").write_bytes(path.read_bytes())


def run_fuzzer(target: str, folder: Path, seconds: int, timeout: int, max_len: int) -> int:
    """Be the libFuzzer process: instrument newsfuse, then fuzz the target until time is up."""
    import atheris

    # HTML is parsed in this process, where it is instrumented, not in the parsing child
    # (newsfuse.reading.worker); libFuzzer's -timeout bounds each input instead.
    os.environ["NEWSFUSE_PARSE_TIMEOUT"] = "0"
    # Only newsfuse is instrumented: coverage of its own branches is what guides the search.
    with atheris.instrument_imports(include=["newsfuse", "fuzz_targets"]):
        import fuzz_targets
        import newsfuse.facts.extract
        import newsfuse.pipeline
        import newsfuse.reading
        import newsfuse.segment  # noqa: F401
    check = fuzz_targets.BYTE_TARGETS[target]
    crashes = folder / "crashes"
    seen: set[str] = set()

    def one_input(data: bytes) -> None:
        try:
            check(data)
        except Exception as error:  # every escape is a finding to record
            where = traceback.extract_tb(error.__traceback__)[-1]
            signature = f"{type(error).__name__}:{where.filename}:{where.lineno}"
            if signature in seen:
                return
            seen.add(signature)
            name = f"crash-{hashlib.sha1(data).hexdigest()[:16]}"
            (crashes / name).write_bytes(data)
            report = f"{signature}\n{''.join(traceback.format_exception(error))}"
            (crashes / f"{name}.txt").write_text(report, encoding="utf-8")
            print(f"CRASH {signature}", file=sys.stderr, flush=True)

    libfuzzer_args = [
        sys.argv[0],
        f"-max_total_time={seconds}",
        f"-timeout={timeout}",
        f"-max_len={max_len}",
        "-print_final_stats=1",
        f"-artifact_prefix={crashes}{os.sep}",
        str(folder / "corpus"),
    ]
    atheris.Setup(libfuzzer_args, one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
