"""Loading the models in the background when the server starts (``newsfuse serve``).

The first brief would otherwise wait for them (about 1.4 CPU-seconds on the
reference machine). Requests are served meanwhile; one that needs a model before
the warm-up has it waits for the same load (the loaders run once per process).
"""

from __future__ import annotations

import logging
import threading

from fastapi import FastAPI

from newsfuse.pipeline import warm_up

__all__ = ["MODELS_ON_DEMAND", "start_warm_up"]

log = logging.getLogger(__name__)

# What /healthz says about the models: loaded on first use, without a warm-up.
MODELS_ON_DEMAND = "on demand"


def start_warm_up(app: FastAPI) -> threading.Thread:
    """Load the models in a daemon thread; ``app.state.models`` says how far it got:
    ``"loading"``, ``"ready"`` or ``"failed: <reason>"``."""
    app.state.models = "loading"

    def run() -> None:
        try:
            warm_up()
        except Exception as error:  # a broken install shows on the first brief as well
            log.warning("newsfuse: loading the models failed: %s", error)
            app.state.models = f"failed: {error}"
        else:
            app.state.models = "ready"

    thread = threading.Thread(target=run, name="newsfuse-warm-up", daemon=True)
    thread.start()
    return thread
