#!/usr/bin/env bash
# Runs the dashboard. With no database yet, it generates the demo exports and loads them first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
# with no database yet, the demo is made while the server starts (the first page waits for it and shows
# its progress); on every later start this returns at once
.venv/bin/python -m etl.first_run >/dev/null 2>&1 &
scripts/system-packages.sh
.venv/bin/python -m shell.auth_secret  # a cookie secret for sign-in, where one is configured and empty
exec .venv/bin/python -m streamlit run dashboard.py "$@"
