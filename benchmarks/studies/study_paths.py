"""The folders a study imports from, put on ``sys.path`` once: every study imports this first.

A study runs as a script (``python benchmarks/studies/NAME.py``), so only its own folder
is on the path. Importing this module adds the rest: ``benchmarks/studies/`` itself
(sibling studies, also when a study is loaded from elsewhere), ``benchmarks/``
(``shared_data``, ``fact_params``, ``clustering`` …), ``benchmarks/fit/`` (the ROUGE
scorer) and the package's ``src/``, unless ``PYTHONPATH`` is set, so that
``PYTHONPATH=<other checkout>/src`` studies that checkout's code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"

# Later entries end up first on sys.path: sibling studies, then benchmarks/, fit/, src/.
_FOLDERS = [BENCHMARKS / "fit", BENCHMARKS, BENCHMARKS / "studies"]
if not os.environ.get("PYTHONPATH"):
    _FOLDERS.insert(0, ROOT / "src")
for _folder in _FOLDERS:
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))
