"""Study: ran on commit c09b924 (2026-11-23); its result is recorded in docs/benchmarks-stories.md
(the sensitivity tables of each join bar).

How story-clustering B-cubed F1 moves with one tunable of grouping.

Builds :class:`~newsfuse.group.params.GroupingParams` for the embedder with one
field (``merge_score``, ``lexical_join``, ``embedding.join``...) set to each given
value (``dataclasses.replace``) and reruns the Multi-News dev clustering benchmark
(two shuffled orders) with them, printing one row per value. Use it to check that
a threshold sits on a plateau rather than a peak tuned to this set.

Usage: python benchmarks/studies/clustering_sensitivity.py [DATA] --field merge_score
       --values 0.8 0.9 1.0 1.1 [--set NAME=VALUE ...] [--embedder hashing|minilm]
       [--seed N] [--limit N]

``--set`` fixes other fields for the whole run (a row of a two-way grid, e.g.
``--field mix_join --values 0.75 0.8 0.85 0.9 --set join_mix=0.7``). Fields of the
embedder's calibration are named ``embedding.join``, ``embedding.link``...
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
from pathlib import Path

import study_paths  # noqa: F401

from clustering import DEFAULT_DATA, bcubed, cluster_documents, load_documents
from newsfuse.group.params import EmbeddingCalibration, GroupingParams


def _field_type(name: str) -> type | None:
    """The type of the params field ``name`` (``embedding.x`` for the calibration), or
    None if there is no such field."""
    owner: type = GroupingParams
    if name.startswith("embedding."):
        owner, name = EmbeddingCalibration, name.removeprefix("embedding.")
    defaults = owner()
    if name not in {f.name for f in dataclasses.fields(owner)} or name == "embedding":
        return None
    return type(getattr(defaults, name))


def replace_field(params: GroupingParams, name: str, value: str) -> GroupingParams:
    """``params`` with the field ``name`` set to ``value`` (converted to its type)."""
    kind = _field_type(name)
    if kind is None:
        raise ValueError(f"GroupingParams has no field {name}")
    if kind is bool:
        typed: object = value.strip().lower() in ("1", "true", "yes")
    else:
        typed = kind(float(value)) if kind in (int, float) else kind(value)
    if name.startswith("embedding."):
        embedding = dataclasses.replace(params.embedding, **{name.split(".", 1)[1]: typed})
        return dataclasses.replace(params, embedding=embedding)
    return dataclasses.replace(params, **{name: typed})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--field", default="merge_score", help="a GroupingParams field")
    parser.add_argument("--values", nargs="+", default=["0.8", "0.9", "1.0", "1.1", "1.2"])
    parser.add_argument(
        "--embedder",
        default="hashing",
        choices=["minilm", "minilm-static", "minilm-torch", "hashing", "mpnet"],
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE")
    parser.add_argument(
        "--limit", type=int, default=None, help="only the first N documents (a quick check)"
    )
    args = parser.parse_args()

    fixed = dict(item.split("=", 1) for item in args.set)
    for name in [args.field, *fixed]:
        if _field_type(name) is None:
            parser.error(f"GroupingParams has no field {name}")
    base = GroupingParams.for_embedder(args.embedder)
    for name, value in fixed.items():
        base = replace_field(base, name, value)
    documents = load_documents(args.data)[: args.limit]
    gold = {doc_id: cluster for doc_id, cluster, _ in documents}
    ids = [doc_id for doc_id, _, _ in documents]
    print(
        f"{args.field} on {args.data.name}, embedder {args.embedder}, "
        f"seeds {args.seed}, {args.seed + 1}; fixed: {fixed or 'none'}"
    )
    print(f"| {args.field} | P A / B | R A / B | F1 A / B |")
    print("|---|---|---|---|")
    for value in args.values:
        params = replace_field(base, args.field, value)
        scores = []
        for seed in (args.seed, args.seed + 1):
            with tempfile.TemporaryDirectory() as workdir:
                run, _ = cluster_documents(documents, seed, args.embedder, Path(workdir), params)
            scores.append(bcubed([run[d] for d in ids], [gold[d] for d in ids]))
        (pa, ra, fa), (pb, rb, fb) = scores
        print(f"| {value} | {pa:.3f} / {pb:.3f} | {ra:.3f} / {rb:.3f} | {fa:.3f} / {fb:.3f} |")


if __name__ == "__main__":
    main()
