#!/usr/bin/env bash
# Fresh machine → a cited brief of the bundled example.
# Creates .venv, installs newsfuse with pinned versions, and briefs examples/harbour-fire/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/newsfuse brief examples/harbour-fire/
