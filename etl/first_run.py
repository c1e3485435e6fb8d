"""The first run: with no database yet, the demo exports are written beside it and loaded through the ETL,
and the event study is estimated once the figures are there.

`scripts/run.sh` starts it (`python -m etl.first_run`) while the server starts, so the demo is being made
before a browser asks for a page; the dashboard waits for it and shows its progress, or makes the demo
itself where no run is under way. One process at a time: the others see it under way.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from etl import config

Progress = Callable[[float], None]
ACTOR = "demo (first start)"


def _beside(db: Path, what: str) -> Path:
    return db.parent / f".{db.name}.first-run.{what}"


def demo_folder(db: Path) -> Path:
    """The demo exports, beside the database they feed."""
    return db.parent / "demo-exports"


@contextlib.contextmanager
def _claimed(db: Path) -> Iterator[bool]:
    """True inside while this process holds the first run's lock; False where another process does."""
    db.parent.mkdir(parents=True, exist_ok=True)
    with open(_beside(db, "lock"), "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def under_way(db: Path | None = None) -> bool:
    """Whether another process is making the first run's data now."""
    db = config.db_path(db)
    if not _beside(db, "lock").exists():
        return False
    with _claimed(db) as mine:
        return not mine


def status(db: Path | None = None) -> dict:
    """What the process making the first run last said: {"fraction": 0.4} or {"error": "..."}."""
    try:
        return json.loads(_beside(config.db_path(db), "json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _say(db: Path, **entry) -> None:
    path = _beside(db, "json")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + f".{os.getpid()}")
    partial.write_text(json.dumps(entry), encoding="utf-8")
    os.replace(partial, path)  # a reader never sees half a file


def prepare(db: Path | None = None, progress: Progress | None = None):
    """With no database and no other first run under way: writes the demo exports and loads them, the
    event study left for `loader.estimate`. Returns the load's result, or None where there was nothing
    to do (a database exists) or another process is doing it."""
    from etl import demo, loader  # imported once there is work: run.sh starts this on every start

    db = config.db_path(db)
    with _claimed(db) as mine:
        if not mine or db.exists():
            return None

        def report(fraction: float) -> None:
            _say(db, fraction=fraction)
            if progress is not None:
                progress(fraction)

        report(0.0)
        demo.write_demo(demo_folder(db))
        report(0.3)
        result = loader.load(
            [demo_folder(db)],
            db=db,
            actor=ACTOR,
            progress=lambda fraction, label: report(0.3 + 0.7 * fraction),
            estimate=False,
        )
        if result.error or not result.committed:
            _say(db, error=result.error or "", errors=result.error_messages)  # each language's words
        else:
            report(1.0)
        return result


def say_failed(error: BaseException, db: Path | None = None) -> None:
    """A first run that broke off with an error of ours: what it says to whoever follows it."""
    from etl.db import first_line
    from etl.messages import in_each_language

    errors = in_each_language("run_failed", detail=first_line(error))
    _say(config.db_path(db), error=errors["en"], errors=errors)


def main() -> int:
    db = config.db_path()
    if db.exists():  # every later start: nothing to do, and nothing imported
        return 0
    result = prepare(db)
    if result is not None and result.committed:
        from etl import loader

        with contextlib.suppress(OSError):
            os.nice(19)  # the server and the browser drawing the first overview come first
        loader.estimate(db)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
