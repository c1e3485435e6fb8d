#!/usr/bin/env bash
# Creates .venv and installs the pinned packages; does nothing when they are already installed.
# Usage: scripts/setup.sh [requirements file]   (default: requirements.txt)
# The packages are installed with uv (itself from PyPI, pinned below): the same pins as pip would take,
# in seconds instead of half a minute on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements="${1:-requirements.txt}"
UV_VERSION="0.13.9"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=".venv/.installed-$(cat requirements*.txt scripts/setup.sh | sha256sum | cut -c1-16)-$(basename "$requirements")"
if [ ! -f "$stamp" ]; then
  if [ ! -x .venv/bin/uv ] || [ "$(.venv/bin/uv --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
    .venv/bin/python -m pip install --quiet "uv==$UV_VERSION"
  fi
  .venv/bin/uv pip install --quiet --python .venv/bin/python -r "$requirements"
  # uv, unlike pip, leaves the packages uncompiled: where PYTHONDONTWRITEBYTECODE is set, every process
  # would compile them again (5 s of the first load went to scipy's and diff_diff's sources)
  .venv/bin/python -m compileall -q -j0 .venv/lib >/dev/null
  touch "$stamp"
fi
