"""Tests for newsfuse.embed: the backends, their registry and settings, and the model cache."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from conftest import run_python, subprocess_env
from newsfuse.embed import (
    DIMENSIONS,
    STATIC_DIMENSIONS,
    EmbedSettings,
    HashingEmbedder,
    OnnxMiniLMEmbedder,
    StaticMiniLMEmbedder,
    TorchMiniLMEmbedder,
    Vectors,
    get_embedder,
    prepare_onnx_model,
    prepare_static_table,
    single_threaded_blas,
)
from newsfuse.embed.cache import hash_weights
from newsfuse.embed.model_files import find_model_directory
from newsfuse.embed.registry import load_minilm
from newsfuse.errors import ConfigError

# Invented sentences: paraphrases, numbers, names, a heading, one very long run-on line
# (cut at EmbedSettings.max_tokens by both backends) and padding-sensitive short ones.
SENTENCES = [
    "A fire destroyed three timber warehouses on the Brenmoor quay late on Tuesday.",
    "Three warehouses at Brenmoor harbour burned down on Tuesday night.",
    "Mayor Ilse Vantongeren said the town would pay for temporary housing.",
    "The Ostral river rose 4.2 metres above its usual level, flooding 210 homes.",
    "Harbour blaze",
    "Police in Quenlow arrested two men aged 34 and 41.",
    "Shares in Dravik Foods fell 12% after the company cut its forecast for the year.",
    "   Leading and trailing spaces are ignored by both backends.   ",
    "Officials said the cause of the collapse was not yet known, but that engineers "
    "had flagged cracks in the eastern span in 2019, 2021 and again in March, and that "
    "repairs costing about 3.1 million crowns had been postponed twice, each time "
    "because the regional budget ran short, according to documents seen by the Tarrow "
    "Herald, which also reported that the contractor, Velm & Sons, had warned the "
    "council in writing, that residents had petitioned for a weight limit, that buses "
    "were rerouted for a week in April, and that the span reopened without inspection.",
    "Rescue teams worked through the night.",
]


@pytest.fixture(scope="module")
def onnx_embedder() -> OnnxMiniLMEmbedder:
    embedder = get_embedder()
    assert isinstance(embedder, OnnxMiniLMEmbedder), "the default backend should be ONNX"
    return embedder


@pytest.fixture(scope="module")
def torch_embedder() -> TorchMiniLMEmbedder:
    embedder = get_embedder("minilm-torch")
    assert isinstance(embedder, TorchMiniLMEmbedder)
    return embedder


def _copy_cache(tmp_path: Path) -> Path:
    """A cache directory in ``tmp_path`` holding a copy of the built model (and its hash)."""
    built = get_embedder()
    assert isinstance(built, OnnxMiniLMEmbedder)
    cache = tmp_path / "cache"
    cache.mkdir()
    for path in built.path.parent.glob(built.path.name + "*"):
        shutil.copy2(path, cache / path.name)
    return cache


def test_onnx_matches_torch_reference(
    onnx_embedder: OnnxMiniLMEmbedder, torch_embedder: TorchMiniLMEmbedder
) -> None:
    fast = onnx_embedder.encode(SENTENCES)
    reference = torch_embedder.encode(SENTENCES)
    assert fast.shape == reference.shape == (len(SENTENCES), DIMENSIONS)
    assert fast.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    cosines = (fast * reference).sum(axis=1)
    assert cosines.mean() >= 0.98
    assert cosines.min() >= 0.98
    # The neighbourhood is kept: the paraphrase pair is each other's nearest sentence.
    similarity = fast @ fast.T
    np.fill_diagonal(similarity, -1)
    assert int(similarity[0].argmax()) == 1


def test_result_does_not_depend_on_batch_or_order(tmp_path: Path) -> None:
    # A fresh embedder (no remembered vectors), reusing the built model file.
    fresh = OnnxMiniLMEmbedder(EmbedSettings(cache=_copy_cache(tmp_path)))
    alone = np.stack([fresh.encode([text])[0] for text in reversed(SENTENCES)])[::-1]
    again = OnnxMiniLMEmbedder(EmbedSettings(cache=tmp_path / "cache"))
    together = again.encode([*SENTENCES, SENTENCES[0]])
    np.testing.assert_allclose(together[:-1], alone, atol=1e-6)
    np.testing.assert_array_equal(together[-1], together[0])


def test_empty_input_gives_no_rows(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    assert onnx_embedder.encode([]).shape == (0, DIMENSIONS)
    assert onnx_embedder.encode([]).dtype == np.float32


def test_cached_model_is_reused_without_building(
    onnx_embedder: OnnxMiniLMEmbedder, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    cache = _copy_cache(tmp_path)
    copied = cache / onnx_embedder.path.name
    before = copied.stat().st_mtime_ns
    assert prepare_onnx_model(find_model_directory(), cache) == copied
    assert copied.stat().st_mtime_ns == before
    assert "preparing" not in capfd.readouterr().err
    assert sorted(p.name for p in cache.iterdir() if not p.name.endswith(".lock")) == sorted(
        [copied.name, copied.name + ".sha256", copied.name + ".verified", "weights.sha256-stamp"]
    )


def test_weights_hash_is_remembered_until_the_file_changes(tmp_path: Path) -> None:
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"first weights")
    cache = tmp_path / "cache"
    first = hash_weights(weights, cache)
    assert first == hashlib.sha256(b"first weights").hexdigest()
    assert first in (cache / "weights.sha256-stamp").read_text(encoding="utf-8")
    assert hash_weights(weights, cache) == first
    weights.write_bytes(b"other weights, longer")  # a reinstall: new size and mtime
    assert hash_weights(weights, cache) == hashlib.sha256(b"other weights, longer").hexdigest()
    (cache / "weights.sha256-stamp").write_text("garbage", encoding="utf-8")
    assert hash_weights(weights, cache) == hashlib.sha256(b"other weights, longer").hexdigest()


@pytest.mark.slow
def test_corrupt_cache_file_is_rebuilt_not_trusted(
    onnx_embedder: OnnxMiniLMEmbedder, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    cache = _copy_cache(tmp_path)
    partial = cache / onnx_embedder.path.name
    partial.write_bytes(partial.read_bytes()[:1000])  # as if a copy was cut short

    rebuilt = prepare_onnx_model(find_model_directory(), cache)

    assert rebuilt == partial
    assert rebuilt.stat().st_size > 1_000_000
    assert "preparing the embedding model once" in capfd.readouterr().err
    embedder = OnnxMiniLMEmbedder(EmbedSettings(cache=cache))
    np.testing.assert_allclose(
        embedder.encode(SENTENCES[:3]), onnx_embedder.encode(SENTENCES[:3]), atol=1e-4
    )


def test_unusable_cache_falls_back_to_torch_with_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be\n", encoding="utf-8")
    monkeypatch.setenv("NEWSFUSE_CACHE_DIR", str(blocker / "cache"))
    with pytest.warns(RuntimeWarning, match="torch embedding backend.*cache directory"):
        embedder = load_minilm()
    assert isinstance(embedder, TorchMiniLMEmbedder)
    assert embedder.encode(["A bridge opened."]).shape == (1, DIMENSIONS)


def test_unknown_embedder_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="minilm-torch"):
        get_embedder("no-such-model")


@pytest.fixture(scope="module")
def static_embedder() -> StaticMiniLMEmbedder:
    embedder = get_embedder("minilm-static")
    assert isinstance(embedder, StaticMiniLMEmbedder)
    return embedder


def test_static_vectors_keep_minilm_neighbourhoods(
    static_embedder: StaticMiniLMEmbedder, onnx_embedder: OnnxMiniLMEmbedder
) -> None:
    vectors = static_embedder.encode(SENTENCES)
    assert vectors.shape == (len(SENTENCES), STATIC_DIMENSIONS)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -1)
    # The paraphrase pair is each other's nearest sentence, as it is under MiniLM ...
    assert int(similarity[0].argmax()) == 1
    assert int(similarity[1].argmax()) == 0
    # ... and the pair ranks above every unrelated pair of the first four sentences.
    reference = onnx_embedder.encode(SENTENCES)
    assert similarity[0, 1] > max(similarity[0, 2], similarity[0, 3], similarity[2, 3])
    assert reference[0] @ reference[1] > reference[0] @ reference[3]


def test_static_vectors_depend_on_the_text_only(static_embedder: StaticMiniLMEmbedder) -> None:
    alone = np.stack([static_embedder.encode([text])[0] for text in SENTENCES])
    together = static_embedder.encode([*reversed(SENTENCES)])[::-1]
    np.testing.assert_allclose(together, alone, atol=1e-6)


def test_static_text_without_word_pieces_is_the_zero_vector(
    static_embedder: StaticMiniLMEmbedder,
) -> None:
    vectors = static_embedder.encode(["", "   ", "Rescue teams worked through the night."])
    assert not vectors[0].any() and not vectors[1].any()
    assert np.linalg.norm(vectors[2]) == pytest.approx(1.0, abs=1e-5)
    assert static_embedder.encode([]).shape == (0, STATIC_DIMENSIONS)


@pytest.mark.slow
def test_static_table_is_rebuilt_identically_after_corruption(
    static_embedder: StaticMiniLMEmbedder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = _copy_cache(tmp_path)
    original = static_embedder.path.read_bytes()
    damaged = cache / static_embedder.path.name
    damaged.write_bytes(original[:500])  # no sidecar either: not trusted
    rebuilt = prepare_static_table(find_model_directory(), cache)
    assert "preparing the fast static embedding once" in capsys.readouterr().err
    assert rebuilt == damaged
    assert rebuilt.read_bytes() == original
    assert (cache / (rebuilt.name + ".sha256")).is_file()


def test_encoder_threads_work_in_a_forked_child(tmp_path: Path) -> None:
    # The parent starts its encoder threads, then forks workers (as refresh_briefs'
    # process pool does): the children must make their own threads, not wait forever
    # on the parent's, which a fork does not copy.
    script = tmp_path / "fork_after_encoding.py"
    script.write_text(
        "import multiprocessing\n"
        "from newsfuse.embed import get_embedder\n"
        "def work(n):\n"
        "    return get_embedder().encode([f'Ferry {n} left port.', f'Ferry {n} docked.']).shape\n"
        "if __name__ == '__main__':\n"
        "    get_embedder().encode(['The parent embeds first.', 'Its threads start.'])\n"
        "    with multiprocessing.get_context('fork').Pool(2) as pool:\n"
        "        print(pool.map(work, range(2)))\n",
        encoding="utf-8",
    )
    environment = subprocess_env()
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"[(2, {DIMENSIONS}), (2, {DIMENSIONS})]"


def test_a_call_holding_more_texts_than_the_memo_gets_every_vector(
    onnx_embedder: OnnxMiniLMEmbedder, tmp_path: Path
) -> None:
    small = OnnxMiniLMEmbedder(EmbedSettings(cache=_copy_cache(tmp_path), memo_size=2))
    vectors = small.encode(SENTENCES[:5])
    np.testing.assert_allclose(vectors, onnx_embedder.encode(SENTENCES[:5]), atol=1e-6)


def test_threads_sharing_an_encoder_never_lose_a_vector(tmp_path: Path) -> None:
    # The ingest embeds the next batch in a worker thread while the caller works; with
    # a full memo, one thread's new vectors evict what another thread found a moment ago.
    small = OnnxMiniLMEmbedder(EmbedSettings(cache=_copy_cache(tmp_path), memo_size=3))
    texts = [f"Ferry number {n} left the harbour at dawn." for n in range(8)]
    expected = {text: small.encode([text])[0] for text in texts}

    def encode_rounds(offset: int) -> list[Vectors]:
        return [
            small.encode([texts[(offset + i + j) % len(texts)] for j in range(4)])
            for i in range(12)
        ]

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(encode_rounds, (0, 3)))
    for offset, rounds in zip((0, 3), results, strict=True):
        for i, vectors in enumerate(rounds):
            batch = [texts[(offset + i + j) % len(texts)] for j in range(4)]
            np.testing.assert_allclose(vectors, np.stack([expected[t] for t in batch]), atol=1e-6)


def test_blas_runs_on_one_thread_inside_the_block_and_is_restored_after() -> None:
    def blas_threads() -> list[int]:
        return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]

    before = blas_threads()
    assert before, "numpy's BLAS should be visible to threadpoolctl"
    with single_threaded_blas():
        assert blas_threads() == [1] * len(before)
    assert blas_threads() == before


def test_every_backend_is_chosen_by_name_including_the_model_free_one() -> None:
    hashing = get_embedder("hashing")
    assert isinstance(hashing, HashingEmbedder)
    assert get_embedder("hashing") is hashing
    vectors = hashing.encode(["Ferries resumed at Brenmoor.", ""])
    assert vectors.shape == (2, DIMENSIONS)
    assert not vectors[1].any()


def test_the_default_name_and_settings_give_the_same_embedder(
    onnx_embedder: OnnxMiniLMEmbedder,
) -> None:
    assert get_embedder("minilm") is onnx_embedder
    assert get_embedder("minilm", EmbedSettings()) is onnx_embedder


def test_settings_reach_the_backend(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    # A cut at 8 word pieces drops the long sentence's tail, so its vector changes.
    short = get_embedder("minilm", EmbedSettings(max_tokens=8, threads=1))
    assert short is not onnx_embedder
    long_sentence = SENTENCES[8]
    cosine = float(short.encode([long_sentence])[0] @ onnx_embedder.encode([long_sentence])[0])
    assert cosine < 0.99
    np.testing.assert_allclose(
        short.encode(["Harbour blaze"]), onnx_embedder.encode(["Harbour blaze"]), atol=1e-6
    )


def test_settings_refuse_counts_below_one() -> None:
    with pytest.raises(ConfigError, match="threads must be at least 1"):
        EmbedSettings(threads=0)
    with pytest.raises(ConfigError, match="memo_size must be at least 0"):
        EmbedSettings(memo_size=-5)
    assert EmbedSettings(memo_size=0).memo_size == 0


def test_importing_the_package_loads_no_model_library() -> None:
    heavy = ["torch", "onnxruntime", "sentence_transformers", "tokenizers", "transformers"]
    script = f"import sys, newsfuse.embed; print([m for m in {heavy!r} if m in sys.modules])"
    result = run_python(script, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_an_intact_cache_file_is_hashed_once_until_it_changes(tmp_path: Path) -> None:
    from newsfuse.embed.cache import is_intact, store_with_hash

    target = tmp_path / "model.bin"
    store_with_hash(target, b"built model")
    assert is_intact(target)
    stamp = tmp_path / "model.bin.verified"
    assert stamp.is_file()  # the next process trusts it after one stat
    assert is_intact(target)
    target.write_bytes(b"cut")  # cut short in place: a new size, so hashed again
    assert not is_intact(target)
    target.write_bytes(b"built model")
    assert is_intact(target)
