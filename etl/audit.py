"""The audit log: who did what and when (sign-ins, loads, undos, header mappings, downloads of lists of
named staff). One JSON object a line, appended and never rewritten, in a file beside the database and
outside its snapshots, so an undo never erases it. Nothing in the app edits or deletes it. Each entry
carries the SHA-256 of the line before it: an entry edited, removed or slipped in breaks the chain there,
and the Data quality page says so (a chain shows tampering, it cannot prevent it)."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from etl import config

ACTIONS = ("sign_in", "load", "undo", "mapping", "download")


# characters str.splitlines() (and many editors) take for the end of a line, which JSON leaves raw in a
# string when it is not asked to escape everything: written escaped, an entry stays one line
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
GENESIS = "0" * 64  # what the first entry names as the one before it


def _digest(line: bytes) -> str:
    return hashlib.sha256(line.rstrip(b"\n")).hexdigest()


def _last_line(handle) -> bytes:
    """The last entry of a file opened for reading and appending (b"" for an empty file)."""
    end = handle.seek(0, os.SEEK_END)
    position, tail = end, b""
    while position > 0 and tail.count(b"\n") < 2:
        step = min(4096, position)
        position -= step
        handle.seek(position)
        tail = handle.read(step) + tail
    lines = [line for line in tail.split(b"\n") if line.strip()]
    return lines[-1] if lines else b""


def record(actor: str, action: str, detail: dict | None = None, path: Path | None = None) -> None:
    """Appends one entry, which carries the hash of the entry before it (an append of one line under a
    lock: entries never interleave, and the chain follows the order they were written in)."""
    if action not in ACTIONS:
        raise ValueError(action)
    path = path or config.audit_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            last = _last_line(handle)
            entry = {
                "at": datetime.now(UTC).isoformat(timespec="seconds"),
                "actor": actor,
                "action": action,
                "detail": detail or {},
                "prev": _digest(last) if last else GENESIS,
            }
            line = json.dumps(entry, ensure_ascii=False, default=str).translate(_LINE_BREAKS) + "\n"
            end = handle.seek(0, os.SEEK_END)
            if end:  # a file whose last line lost its end (edited by hand) gets it back first
                handle.seek(end - 1)
                if handle.read(1) != b"\n":
                    line = "\n" + line
                handle.seek(0, os.SEEK_END)
            handle.write(line.encode("utf-8", errors="backslashreplace"))  # a lone surrogate stays text
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


@dataclass(frozen=True)
class Log:
    entries: list[dict]  # oldest first; a line that cannot be read is an entry of action "unreadable"
    chain_holds: bool  # every entry names the hash of the line before it
    broken_at: int | None = None  # the first line (from 1) whose link does not hold
    unchained: int = 0  # entries written before the log carried hashes (their first lines)


def read(path: Path | None = None) -> Log:
    """Every entry and whether the chain of hashes holds. Never fails on a line: one that is not an entry
    is shown as unreadable (and breaks the chain), whatever it holds."""
    path = path or config.audit_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Log([], True)
    except OSError:
        return Log([], False, 1)
    out: list[dict] = []
    previous, broken_at, unchained = GENESIS, None, 0
    for number, line in enumerate((line for line in raw.split(b"\n") if line.strip()), start=1):
        entry = _entry(line)
        if entry is None:
            entry = {"at": "", "actor": "", "action": "unreadable", "detail": {"line": number}, "prev": None}
            broken_at = broken_at or number
        elif unchained == number - 1 and entry["prev"] is None:  # a log begun before entries had hashes
            unchained = number
        elif broken_at is None and entry["prev"] != previous:
            broken_at = number
        out.append(entry)
        previous = _digest(line)
    return Log(out, broken_at is None, broken_at, unchained)


def _entry(line: bytes) -> dict | None:
    try:
        entry = json.loads(line.decode("utf-8"))
    except ValueError:  # not UTF-8, not JSON
        return None
    if not isinstance(entry, dict):
        return None
    detail = entry.get("detail")
    return {
        "at": str(entry.get("at", "")),
        "actor": str(entry.get("actor", "")),
        "action": str(entry.get("action", "")),
        "detail": detail if isinstance(detail, dict) else {"value": detail},
        "prev": entry.get("prev"),
    }


def entries(path: Path | None = None) -> list[dict]:
    """Every entry, oldest first (see read)."""
    return read(path).entries
