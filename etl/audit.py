"""The audit log: who did what and when (sign-ins, loads, undos, header mappings, downloads of lists of
named staff). One JSON object a line, appended and never rewritten, in a file beside the database and
outside its snapshots, so an undo never erases it. Nothing in the app edits or deletes it."""

from __future__ import annotations

import fcntl
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from etl import config

ACTIONS = ("sign_in", "load", "undo", "mapping", "download")


def record(actor: str, action: str, detail: dict | None = None, path: Path | None = None) -> None:
    """Appends one entry (an append of one line under a lock: entries never interleave)."""
    if action not in ACTIONS:
        raise ValueError(action)
    path = path or config.audit_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "actor": actor,
        "action": action,
        "detail": detail or {},
    }
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    with open(path, "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def command_line_user() -> str:
    """Who ran a command on the server (a monthly job, a person at the console)."""
    import getpass

    try:
        return f"command line ({getpass.getuser()})"
    except (KeyError, OSError):
        return "command line"


def entries(path: Path | None = None) -> list[dict]:
    """Every entry, oldest first (a line that cannot be read is skipped, never fatal)."""
    path = path or config.audit_path()
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    return out
