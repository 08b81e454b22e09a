"""Non-story sentences that survive cleaning: disclaimers, editor's notes, credits, calls to action.

Reads Multi-News clusters through the pipeline (``evaluate.pipeline``: read, clean,
split), flags every sentence of the cleaned sources, and optionally of newsfuse's
briefs, with a deliberately liberal scanner (``SCAN``, independent of the cleaner's
rules) by class, and counts them on the two halves of the file (by position: the
first half is where rules were written, the second checks them). The scanner
over-flags on purpose; ``--show N`` prints N flagged sentences per class for reading.

    python benchmarks/non_story_sentences.py [DATA] [--budgets 120 300] [--show N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfuse.evaluate import read_clusters  # noqa: E402
from newsfuse.evaluate.harness import prepare_cluster  # noqa: E402
from newsfuse.summary import summarize  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")
# Liberal patterns per class (over-flagging is fine: the counts are read).
SCAN = {
    "opinion disclaimer": re.compile(
        r"\b(?:opinions?|views?) (?:expressed|in this)|\bsolely (?:those|the views) of"
        r"|\bdo(?:es)? not necessarily (?:reflect|represent)|\bthe author'?s? own\b",
        re.I,
    ),
    "editor's note": re.compile(
        r"^\W*(?:editor'?s'? note|update[sd]?\b\s*[:(—-]|correction\b\s*[:—-]|clarification\s*:)"
        r"|\bthis (?:story|article|post|report|piece) (?:has been|was|is being|will be) "
        r"(?:updated|corrected|revised|amended|edited)"
        r"|\ban earlier version of this\b|\b(?:was|were|has been) updated (?:to|with)\b",
        re.I,
    ),
    "credit": re.compile(
        r"\((?:[^()]{0,40}\b)?(?:photos?|image|pictures?|video|credit|file)\b[^()]{0,60}\)"
        r"|^\W*\([^()]{0,60}/[^()]{0,60}\)\W*$|^(?:[A-Z][\w.'-]+ ){1,3}?[A-Z][\w.'-]+/[A-Z]"
        r"|\b(?:photo|image|picture|video)s? (?:by|credit|courtesy)\b|\bcourtesy (?:of )?[A-Z]"
        r"|\b(?:getty|shutterstock|ap) images\b|\bAP Photo\b|\bbuy photo\b|\btoggle caption\b"
        r"|^\W*(?:photo|image|picture|video)s?\s*:",
        re.I,
    ),
    "call to action": re.compile(
        r"^\W*(?:read|see|watch|listen|click|tap|follow|sign up|subscribe|like us|check out"
        r"|find out|learn more|get|download|share|more)\b[^.]{0,20}(?::|\bhere\b|\bmore\b)"
        r"|\bclick here\b|\bread (?:more|the full)\b"
        r"|\bfor more (?:on|about|news|stories|information)\b"
        r"|\bfollow (?:us|him|her|the author|@)|\bon twitter at\b|@\w+ on twitter",
        re.I,
    ),
}


def flag(text: str) -> list[str]:
    """The scanner's classes for one sentence."""
    return [name for name, pattern in SCAN.items() if pattern.search(text)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--budgets", type=int, nargs="*", default=[120, 300])
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--half", choices=["first", "second", "both"], default="both")
    arguments = parser.parse_args()
    clusters = read_clusters(arguments.data).clusters
    middle = len(clusters) // 2
    counts: dict[str, Counter[str]] = {}
    flagged: dict[str, list[tuple[str, str, str]]] = {}
    for number, cluster in enumerate(clusters):
        half = "first" if number < middle else "second"
        if arguments.half not in ("both", half):
            continue
        prepared = prepare_cluster(cluster)
        sets = {"sources": [s.text for ss in prepared.sentences for s in ss]}
        for budget in arguments.budgets:
            brief = summarize(list(prepared.articles), budget) if prepared.articles else []
            sets[f"brief {budget}"] = [s.text for s in brief]
        for where, texts in sets.items():
            tally = counts.setdefault(f"{where} / {half}", Counter())
            tally["sentences"] += len(texts)
            for text in texts:
                for name in flag(text):
                    tally[name] += 1
                    entry = (half, cluster.id[-6:], text)
                    flagged.setdefault(f"{where} / {name}", []).append(entry)
    names = ["sentences", *SCAN]
    print("| set / half | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for key in sorted(counts):
        print(f"| {key} | " + " | ".join(str(counts[key][n]) for n in names) + " |")
    if arguments.show:
        for key in sorted(flagged):
            print(f"\n## {key} ({len(flagged[key])})")
            for half, cid, text in flagged[key][: arguments.show]:
                print(f"- [{half} {cid}] {text[:220]}")


if __name__ == "__main__":
    main()
