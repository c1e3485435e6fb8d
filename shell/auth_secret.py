"""Writes a random cookie secret into .streamlit/secrets.toml when its [auth] section has none, so that
no two sites share one and none is ever committed. Run by scripts/run.sh; no Streamlit needed."""

from __future__ import annotations

import re
import secrets
import sys
from pathlib import Path

EMPTY = re.compile(r'^(\s*cookie_secret\s*=\s*)""\s*$', re.MULTILINE)


def ensure_cookie_secret(path: Path) -> bool:
    """True when a secret was written (the file exists, has [auth], and its cookie_secret was empty)."""
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8")
    if "[auth]" not in text or not EMPTY.search(text):
        return False
    written = EMPTY.sub(lambda m: f'{m.group(1)}"{secrets.token_urlsafe(48)}"', text, count=1)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(written, encoding="utf-8")
    temporary.chmod(0o600)
    temporary.replace(path)
    return True


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".streamlit/secrets.toml")
    if ensure_cookie_secret(target):
        print(f"wrote a new cookie secret into {target}", file=sys.stderr)
