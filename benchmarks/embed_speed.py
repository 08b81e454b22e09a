"""Speed and fidelity of the embedding backends: int8 ONNX (default) against torch.

Usage::

    python benchmarks/embed_speed.py [../shared/data/multinews-dev.jsonl] [--sentences 600]
        [--repeat 3] [--export]

Takes the first ``--sentences`` sentences of 4+ words of the clusters' documents
(split by newsfuse's splitter, the length mix the brief embeds), encodes them with
both backends in the same run (median of ``--repeat`` passes; the ONNX backend's
memory of recent vectors is cleared before each pass) and prints sentences/s, the
ratio, and the cosine of each ONNX vector to its torch vector (mean, 1st
percentile, min). ``--export`` also times building the ONNX model from scratch
in a temporary cache directory and reports the cached file's size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfuse.embed import (  # noqa: E402
    Embedder,
    EmbedSettings,
    OnnxMiniLMEmbedder,
    TorchMiniLMEmbedder,
    prepare_onnx_model,
)
from newsfuse.embed.model_files import find_model_directory  # noqa: E402
from newsfuse.evaluate.data import read_clusters  # noqa: E402
from newsfuse.model import Article  # noqa: E402
from newsfuse.segment import split_sentences  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")


def collect_sentences(path: Path, count: int) -> list[str]:
    """The first ``count`` sentences of 4+ words of the documents in ``path``."""
    sentences: list[str] = []
    for cluster in read_clusters(path).clusters:
        for number, document in enumerate(cluster.documents):
            article = Article(id=f"{cluster.id}-{number}", text=document)
            sentences += [s.text for s in split_sentences(article) if len(s.text.split()) >= 4]
            if len(sentences) >= count:
                return sentences[:count]
    return sentences


def time_encoding(embedder: Embedder, texts: list[str], repeat: int) -> tuple[float, np.ndarray]:
    """Median seconds of ``repeat`` full passes, and the vectors of the last one."""
    embedder.encode(texts[:8])  # warm-up
    seconds = []
    vectors = np.zeros(0)
    for _ in range(repeat):
        if isinstance(embedder, OnnxMiniLMEmbedder):
            embedder.clear_memo()
        started = time.perf_counter()
        vectors = embedder.encode(texts)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=DEFAULT_DATA, type=Path)
    parser.add_argument("--sentences", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--threads", type=int, default=EmbedSettings().threads, help="onnxruntime threads"
    )
    parser.add_argument("--export", action="store_true", help="also time a fresh export")
    args = parser.parse_args()

    texts = collect_sentences(args.data, args.sentences)
    words = statistics.mean(len(t.split()) for t in texts)
    print(f"{len(texts)} sentences, {words:.1f} words on average, median of {args.repeat} passes")
    onnx = OnnxMiniLMEmbedder(EmbedSettings(threads=args.threads))
    onnx_seconds, onnx_vectors = time_encoding(onnx, texts, args.repeat)
    torch_seconds, torch_vectors = time_encoding(TorchMiniLMEmbedder(), texts, args.repeat)
    cosines = np.sum(onnx_vectors * torch_vectors, axis=1)
    print("\n| backend | sentences/s |\n|---|---|")
    print(f"| minilm-torch (sentence-transformers, batch 64) | {len(texts) / torch_seconds:.0f} |")
    onnx_rate = len(texts) / onnx_seconds
    print(f"| minilm (int8 ONNX, one sentence a run, {args.threads} threads) | {onnx_rate:.0f} |")
    print(f"\nspeed-up: {torch_seconds / onnx_seconds:.2f}x (same run)")
    print(
        f"cosine ONNX to torch: mean {cosines.mean():.4f}, "
        f"1st percentile {np.percentile(cosines, 1):.4f}, min {cosines.min():.4f}"
    )
    if args.export:
        with tempfile.TemporaryDirectory() as cache:
            started = time.perf_counter()
            built = prepare_onnx_model(find_model_directory(), Path(cache))
            print(f"export + quantisation: {time.perf_counter() - started:.1f} s")
            print(f"cached file: {built.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
