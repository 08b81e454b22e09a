#!/usr/bin/env bash
# Regenerate constraints.txt from a clean virtualenv with every extra installed.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --upgrade pip
"$tmp/venv/bin/python" -m pip install --quiet '.[test,eval,dask,fuzz]'
{
  echo '# Pinned versions for a reproducible install: pip install -c constraints.txt -e ".[test,eval,dask,fuzz]"'
  echo '# Regenerate with: scripts/lock.sh'
  "$tmp/venv/bin/python" -m pip freeze --exclude newsfuse
} > constraints.txt
rm -rf "$tmp"
