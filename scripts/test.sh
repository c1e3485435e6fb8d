#!/usr/bin/env bash
# Runs every check: lint, format, ETL unit tests, data tests, page tests and browser tests.
# Installs what it needs on a fresh machine (Python packages; Chromium, Japanese fonts, poppler and
# faketime via apt-get). The tests run in DXDASH_TEST_WORKERS processes (default 2, the machine's cores);
# pass -n 0 to run them in this one process.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt
# poppler: the tests read the PDF briefing; faketime: the suite is run on other days (README);
# nginx-light: the README's deployment behind a reverse proxy, tested as written
scripts/system-packages.sh poppler-utils faketime nginx-light
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest -n "${DXDASH_TEST_WORKERS:-2}" --dist loadfile "$@"
