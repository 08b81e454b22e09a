"""Cold start: each command in fresh processes, beside a cold sumy LexRank run on the same files.

Every run is a new Python process (warm disk caches: one unmeasured warm-up round
first), so the times include interpreter start-up, imports and model loading, as a
user typing the command once pays them. The commands are interleaved within each
round so that a change in the machine's load falls on all of them alike.

LexRank (Erkan & Radev 2004) is sumy's ``LexRankSummarizer`` with its English
stemmer and stop words, over sentences split by a regular expression (NLTK's punkt
data is not installed), choosing as many sentences as the newsfuse brief's word
budget allows; sumy comes with the ``eval`` extra.

    python benchmarks/cold_start.py --runs 5 /work/shared/seeds/
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from shared_data import shared_path

# Targets of issue 19 for a fresh process with warm disk caches, in seconds.
TARGETS = {"--help": 0.5, "--version": 0.5, "brief --no-facts": 1.5, "brief": 2.5}
BASELINE = "sumy LexRank"
# Sentence ends for the LexRank baseline: ., ! or ? (and a closing quote) before a capital.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, by a regular expression, for the LexRank baseline."""
    return [s.strip() for s in SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def run_lexrank(paths: list[str], budget: int) -> None:
    """Print a sumy LexRank summary of the text files under ``paths`` (the baseline's process)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    class RegexTokenizer:
        """sumy's tokenizer interface, by regular expression instead of NLTK's punkt."""

        language = "english"

        def to_words(self, sentence: str) -> list[str]:
            return WORD.findall(sentence)

    tokenizer = RegexTokenizer()
    files = [p for path in map(Path, paths) for p in sorted(path.rglob("*.txt") or [path])]
    paragraphs = [
        Paragraph([Sentence(s, tokenizer) for s in split_sentences(f.read_text(encoding="utf-8"))])
        for f in files
    ]
    document = ObjectDocumentModel(paragraphs)
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    ranked = summarizer(document, len(document.sentences))
    words = 0
    for sentence in ranked:
        words += len(sentence.words)
        if words > budget:
            break
        print(sentence)


def time_process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh process; raises if it fails.

    CPU time is the figure to read on a shared machine: waiting for a core is not in it.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def commands(paths: list[str], budget: int) -> dict[str, list[str]]:
    """The command lines measured, by label."""
    newsfuse = [sys.executable, "-m", "newsfuse"]
    brief = [*newsfuse, "brief", "--budget", str(budget)]
    return {
        "--help": [*newsfuse, "--help"],
        "--version": [*newsfuse, "--version"],
        "brief --no-facts": [*brief, "--no-facts", *paths],
        "brief": [*brief, *paths],
        BASELINE: [sys.executable, __file__, "--lexrank", "--budget", str(budget), *paths],
    }


def format_table(walls: dict[str, list[float]], cpus: dict[str, list[float]]) -> str:
    """A Markdown table: wall and CPU medians and minima, ratios of medians to LexRank's."""
    wall_baseline = statistics.median(walls[BASELINE])
    cpu_baseline = statistics.median(cpus[BASELINE])
    lines = [
        "| command | wall median s | wall min s | wall ratio to LexRank "
        "| CPU median s | CPU ratio to LexRank | target s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, wall in walls.items():
        cpu = statistics.median(cpus[label])
        target = TARGETS.get(label)
        lines.append(
            f"| `{label}` | {statistics.median(wall):.2f} | {min(wall):.2f} | "
            f"{statistics.median(wall) / wall_baseline:.2f} | {cpu:.2f} | "
            f"{cpu / cpu_baseline:.2f} | {'' if target is None else f'{target:.1f}'} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Measure every command ``--runs`` times and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(shared_path("seeds"))])
    parser.add_argument("--runs", type=int, default=5, help="measured rounds (after a warm-up)")
    parser.add_argument("--budget", type=int, default=120, help="words per brief or summary")
    parser.add_argument("--lexrank", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.lexrank:
        run_lexrank(args.paths, args.budget)
        return
    env = dict(os.environ)
    lines = commands(args.paths, args.budget)
    walls: dict[str, list[float]] = {label: [] for label in lines}
    cpus: dict[str, list[float]] = {label: [] for label in lines}
    for round_number in range(args.runs + 1):
        for label, command in lines.items():
            wall, cpu = time_process(command, env)
            if round_number:  # round 0 warms the disk caches and the per-user model cache
                walls[label].append(wall)
                cpus[label].append(cpu)
    load = os.getloadavg()[0]
    print(f"{args.runs} fresh processes per command, {os.cpu_count()} CPUs, load {load:.1f}")
    print(format_table(walls, cpus))


if __name__ == "__main__":
    main()
