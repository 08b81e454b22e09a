"""Benchmark the fact comparison on a labelled cluster file (default: facts-dev).

    python benchmarks/facts.py [DATA] [--verbose] [--no-embeddings] [--clean] [--predictions OUT]
                               [--param NAME=VALUE ...] [--embedder NAME]

Builds ``Article`` objects straight from each cluster's ``articles`` (id, text,
source, published, title), or with ``--clean`` reads them through the product
path (``newsfuse.pipeline.read_report``: ingest and clean, as ``newsfuse brief -``
does, in one process so the models load once), runs :func:`newsfuse.facts.compare_facts`, writes
the predictions as JSON Lines and scores them with the benchmark's own
evaluator (``facts_eval.py`` next to DATA), whose table is printed as is,
followed by the time taken per cluster. ``--param dispute_threshold=0.58`` runs
with one :class:`~newsfuse.facts.FactParams` field changed (``dataclasses.replace``),
for sweeps; ``--param parse_claim_sentences_only=true`` sets a true/false field.
``--embedder mpnet`` embeds the clauses with another registered encoder
(``newsfuse models list``) instead of the default MiniLM.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from fact_params import add_param_option, parse_params  # noqa: E402
from newsfuse.config import DEFAULT_EMBEDDER  # noqa: E402
from newsfuse.embed import get_embedder  # noqa: E402
from newsfuse.facts import compare_facts  # noqa: E402
from newsfuse.model import Article  # noqa: E402
from newsfuse.render.data import fact_to_dict  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("bench", "facts-dev.jsonl")


def load_articles(cluster: dict) -> list[Article]:
    """Articles of one benchmark cluster, as the pipeline would hand them over."""
    articles = []
    for raw in cluster["articles"]:
        published = raw.get("published")
        articles.append(
            Article(
                id=str(raw["id"]),
                text=raw["text"],
                title=raw.get("title", ""),
                source=raw.get("source", ""),
                published=datetime.fromisoformat(published.replace("Z", "+00:00"))
                if published
                else None,
            )
        )
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--verbose", action="store_true", help="per-cluster HIT/MISS/FP lines")
    parser.add_argument("--no-embeddings", action="store_true", help="align on words only")
    parser.add_argument("--clean", action="store_true", help="read through ingest + clean")
    parser.add_argument("--predictions", help="keep the predictions in this file")
    parser.add_argument("--evaluator", help="path of facts_eval.py (default: next to DATA)")
    parser.add_argument("--embedder", default=DEFAULT_EMBEDDER, help="clause encoder by name")
    add_param_option(parser)
    args = parser.parse_args()
    params = parse_params(args.param)
    embedder = None if args.no_embeddings else get_embedder(args.embedder)
    data = Path(args.data)
    evaluator = Path(args.evaluator) if args.evaluator else data.parent / "facts_eval.py"
    clusters = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line]
    load = load_articles
    if args.clean:
        from newsfuse.pipeline import read_report

        def load(cluster: dict) -> list[Article]:
            return list(read_report(cluster["articles"]).articles)

    compare_facts(
        load(clusters[0]), embedder=embedder, embeddings=not args.no_embeddings, params=params
    )  # warm up
    seconds = []
    lines = []
    for cluster in clusters:
        started = time.perf_counter()
        facts = compare_facts(
            load(cluster), embedder=embedder, embeddings=not args.no_embeddings, params=params
        )
        seconds.append(time.perf_counter() - started)
        lines.append(json.dumps({"id": cluster["id"], "facts": [fact_to_dict(f) for f in facts]}))
    if args.predictions:
        output = Path(args.predictions)
    else:
        descriptor, name = tempfile.mkstemp(suffix=".jsonl", prefix="facts-predictions-")
        os.close(descriptor)
        output = Path(name)
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    command = [sys.executable, str(evaluator), str(data), "--predictions", str(output)]
    if args.verbose:
        command.append("--verbose")
    result = subprocess.run(command, check=False)
    print(
        f"time per cluster: median {statistics.median(seconds):.2f} s, "
        f"max {max(seconds):.2f} s over {len(seconds)} clusters "
        f"(embeddings {'off' if args.no_embeddings else args.embedder})"
    )
    if not args.predictions:
        output.unlink()
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
