"""Rendering speed per format, and an end-to-end check of the JSON fact contract.

Builds one brief per cluster of the fact-comparison benchmark (each article's
first paragraph as a cited sentence, the cluster's expected facts as the fact
table), renders every cluster in every format several times, and prints the
median time per brief with its ratio to the JSON rendering measured in the
same run.

With ``--check-contract`` it also writes the facts of every brief, exactly as
``--format json`` prints them, as predictions for the benchmark's evaluator
(``facts_eval.py`` next to the data) and runs it: since the facts are the
expected ones, every recall must come out 1.00, which shows that the JSON
shape is the one the evaluator reads.

    python benchmarks/render_speed.py [DATA] [--runs 5] [--check-contract]

DATA defaults to ../shared/bench/facts-dev.jsonl relative to the repository root.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsfuse.model import (  # noqa: E402
    Article,
    Brief,
    BriefSentence,
    BriefStats,
    Citation,
    Claim,
    ClaimKind,
    Fact,
)
from newsfuse.render import FORMATS, load_schema, render  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("bench", "facts-dev.jsonl")
CURRENCIES = {"USD", "EUR", "GBP"}


def build_brief(cluster: dict[str, Any]) -> Brief:
    """A brief for one benchmark cluster: first paragraphs as sentences, expected facts."""
    articles = tuple(
        Article(
            id=str(item["id"]),
            text=str(item["text"]),
            title=str(item.get("title", "")),
            source=str(item.get("source", "")),
            published=_parse_time(item.get("published")),
            origin=f"{cluster['id']}:{item['id']}",
        )
        for item in cluster["articles"]
    )
    sentences = []
    for article in articles:
        end = article.text.find("\n\n")
        end = len(article.text) if end < 0 else end
        others = tuple(Citation(a.id, 0, 10, 0.5) for a in articles if a.id != article.id)
        sentences.append(
            BriefSentence(article.text[:end], (Citation(article.id, 0, end, 1.0), *others[:1]))
        )
    texts = {a.id: a.text for a in articles}
    facts = tuple(_build_fact(item, texts) for item in cluster["expect"])
    words = sum(len(s.text.split()) for s in sentences)
    stats = BriefStats(articles_read=len(articles), words=words)
    return Brief(tuple(sentences), articles, facts, stats, budget=words)


def _build_fact(item: dict[str, Any], texts: dict[str, str]) -> Fact:
    claims = []
    for article_id, expected in item["claims"].items():
        surface = str(expected.get("text", ""))
        start = max(texts[article_id].find(surface), 0)
        value = expected["value"]
        unit = expected.get("unit")
        claims.append(
            Claim(
                article_id,
                start,
                start + len(surface),
                surface,
                _kind(value, unit),
                value if isinstance(value, str) else float(value),
                unit,
            )
        )
    return Fact(
        item["status"],
        str(item.get("about", "")),
        _kind(claims[0].value, claims[0].unit),
        tuple(claims),
    )


def _kind(value: object, unit: str | None) -> ClaimKind:
    if isinstance(value, str):
        return "date"
    if unit == "%":
        return "percent"
    if unit in CURRENCIES:
        return "money"
    return "quantity" if unit else "count"


def _parse_time(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def time_formats(briefs: list[Brief], runs: int) -> dict[str, list[float]]:
    """Seconds per brief for each format, one figure per run (total over briefs / count)."""
    timings: dict[str, list[float]] = {fmt: [] for fmt in FORMATS}
    for fmt in FORMATS:
        render(briefs[0], fmt)  # warm-up: imports, template compilation
    for _ in range(runs):
        for fmt in FORMATS:
            started = time.perf_counter()
            for brief in briefs:
                render(brief, fmt)
            timings[fmt].append((time.perf_counter() - started) / len(briefs))
    return timings


def check_contract(clusters: list[dict[str, Any]], briefs: list[Brief], data: Path) -> int:
    """Run the benchmark's evaluator on the JSON facts; return its exit status."""
    import jsonschema

    schema = load_schema()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for cluster, brief in zip(clusters, briefs, strict=True):
            printed = json.loads(render(brief, "json"))
            jsonschema.validate(printed, schema)
            handle.write(json.dumps({"id": cluster["id"], "facts": printed["facts"]}) + "\n")
    evaluator = data.parent / "facts_eval.py"
    command = [sys.executable, str(evaluator), str(data), "--predictions", handle.name]
    print("$", " ".join(command[1:]))
    try:
        return subprocess.run(command, check=False).returncode
    finally:
        Path(handle.name).unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=5, help="timed runs (median is reported)")
    parser.add_argument("--check-contract", action="store_true")
    args = parser.parse_args()
    if not args.data.exists():
        print(
            f"render_speed: {args.data}: no such file; pass the facts-dev.jsonl path",
            file=sys.stderr,
        )
        return 2
    clusters = [
        json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()
    ]
    briefs = [build_brief(cluster) for cluster in clusters]
    timings = time_formats(briefs, args.runs)
    baseline = statistics.median(timings["json"])
    sizes = {fmt: statistics.mean(len(render(b, fmt).encode()) for b in briefs) for fmt in FORMATS}
    print(
        f"{len(briefs)} briefs, {sum(len(b.sources) for b in briefs)} sources, "
        f"{sum(len(b.facts) for b in briefs)} facts; median of {args.runs} runs"
    )
    print(f"{'format':<10} {'ms/brief':>9} {'vs json':>8} {'KB/brief':>9}")
    for fmt in FORMATS:
        median = statistics.median(timings[fmt])
        print(
            f"{fmt:<10} {median * 1000:>9.2f} {median / baseline:>7.1f}x {sizes[fmt] / 1024:>9.1f}"
        )
    if args.check_contract:
        return check_contract(clusters, briefs, args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
