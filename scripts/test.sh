#!/usr/bin/env bash
# Runs every check: lint, format, ETL unit tests, data tests, page tests and browser tests.
# Installs what it needs on a fresh machine (Python packages; Chromium, Japanese fonts, poppler via apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt
scripts/system-packages.sh poppler-utils  # poppler: the tests read the PDF briefing
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
