"""Database snapshots: a load writes a new file, then the database path is switched to it atomically.

The database path (`--db`, `DXDASH_DB`) is a symbolic link to the current snapshot in a folder
beside it. Readers open the path read-only and so always see a whole snapshot; a writer never
touches a snapshot that readers may have open. A load killed halfway leaves only a `.tmp` file,
which the next load removes.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from etl import config

# what a writer can be doing (Writer.task), and its words (etl/messages.toml; the Import page says them too)
TASK_WORDS = {
    "load": "writer_task_load",
    "undo": "writer_task_undo",
    "rebuild": "writer_task_rebuild",
    "estimate": "writer_task_estimate",
}
TASKS = tuple(TASK_WORDS)


@dataclass(frozen=True)
class Writer:
    """Who holds the writers' lock: a load, an undo, a rebuild of the models or the first run's estimate,
    in this process (a load of the Import page, the server's first run) or another (the command line)."""

    task: str | None  # one of TASKS; None for a moment after the lock is taken, before it is said
    pid: int | None
    started: datetime | None  # the writer's clock (this machine's), as the load log's times
    thread: int | None = None  # the writing thread's id in its process (a page's load job knows its own)

    @property
    def task_words(self) -> str:
        """The key of what it does in the words (unknown for a moment after it took the lock)."""
        return TASK_WORDS[self.task] if self.task else "writer_task_unknown"

    def is_thread(self, thread: int | None) -> bool:
        """Whether the writer is `thread` of this process."""
        return thread is not None and self.pid == os.getpid() and self.thread == thread


class SnapshotStore:
    def __init__(self, db_path: Path):
        # absolute, as current() resolves the link: a relative --db would otherwise name the current
        # snapshot in two ways, and the cleanup would take it for an old one and delete it
        self.db_path = Path(db_path).absolute()
        self.folder = self.db_path.parent / (self.db_path.name + ".snapshots")

    def current(self) -> Path | None:
        """The snapshot the database path points at, or None before the first load."""
        if self.db_path.is_symlink():
            target = self.db_path.resolve()
            return target if target.exists() else None
        return self.db_path if self.db_path.exists() else None

    def snapshots(self) -> list[Path]:
        if not self.folder.exists():
            return []
        return sorted(self.folder.glob("*.duckdb"))

    @contextlib.contextmanager
    def lock(self, task: str = "load", waiting: Callable[[Writer | None], None] | None = None):
        """One writer at a time; readers never take this lock. The holder says what it is doing in a
        file beside the lock (`writer()`), for the pages to tell the people waiting; `waiting` hears who
        holds it when this has to wait (the command line says so)."""
        if task not in TASKS:
            raise ValueError(task)
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".lock", "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if waiting is not None:
                    waiting(self.writer())
                fcntl.flock(handle, fcntl.LOCK_EX)
            said = self.folder / ".writer.json"
            try:
                note = said.with_name(f".writer.{os.getpid()}.tmp")
                note.write_text(
                    json.dumps(
                        {
                            "task": task,
                            "pid": os.getpid(),
                            "thread": threading.get_ident(),
                            "started": datetime.now().isoformat(),
                        }
                    ),
                    encoding="utf-8",
                )
                os.replace(note, said)
                yield
            finally:
                said.unlink(missing_ok=True)
                fcntl.flock(handle, fcntl.LOCK_UN)

    def writer(self) -> Writer | None:
        """Who is writing now (a load of the command line, another session's, the first run's estimate),
        or None when no one holds the writers' lock. It takes no lock itself but for an instant: a
        shared one that fails while a writer holds it, so a writer that died is never reported."""
        try:
            with open(self.folder / ".lock", "rb") as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
                except BlockingIOError:
                    pass
                else:
                    fcntl.flock(handle, fcntl.LOCK_UN)
                    return None
        except FileNotFoundError:  # no load yet
            return None
        try:
            said = json.loads((self.folder / ".writer.json").read_text(encoding="utf-8"))
            task = said["task"] if said.get("task") in TASKS else None
            thread = said.get("thread")
            return Writer(
                task,
                int(said["pid"]),
                datetime.fromisoformat(said["started"]),
                thread if isinstance(thread, int) else None,
            )
        except (OSError, ValueError, KeyError, TypeError):  # taken a moment ago, not said yet
            return Writer(None, None, None)

    def new_path(self) -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%S")
        return self.folder / f"{stamp}-{time.time_ns() % 1_000_000_000:09d}-{os.getpid()}.duckdb"

    def prepare(self, start_empty: bool) -> tuple[Path, Path]:
        """Copies the current snapshot (unless starting empty) to a work file. Returns (work, final)."""
        for stale in self.folder.glob("*.tmp*"):  # left by a load that was killed
            stale.unlink(missing_ok=True)
        final = self.new_path()
        work = final.with_name(final.name + ".tmp")
        current = self.current()
        if current is not None and not start_empty:
            shutil.copyfile(current, work)
        return work, final

    def publish(self, work: Path, final: Path) -> None:
        """Makes the finished work file the current snapshot, atomically and durably: each rename is
        written out with its folder before the next step relies on it (after a power cut the database
        never names a snapshot its folder does not list)."""
        os.replace(work, final)
        sync_folder(final.parent)
        self.switch_to(final)
        self.cleanup()

    def switch_to(self, snapshot: Path) -> None:
        link = self.db_path.with_name(f".{self.db_path.name}.{os.getpid()}.link")
        link.unlink(missing_ok=True)
        os.symlink(os.path.relpath(snapshot, self.db_path.parent), link)
        if self.db_path.exists() and not self.db_path.is_symlink():
            # a plain database file from before snapshots: keep it as the oldest snapshot
            self.folder.mkdir(parents=True, exist_ok=True)
            os.replace(self.db_path, self.folder / "00000000T000000-legacy.duckdb")
            sync_folder(self.folder)
        os.replace(link, self.db_path)
        sync_folder(self.db_path.parent)

    def chain(self) -> list[Path]:
        """The current snapshot and the ones undo goes back to, newest first, as far as they are kept.

        Each snapshot records the one it was loaded on; after an undo the newest files on disk are the
        undone ones, so what to keep follows these links, never the file names.
        """
        chain: list[Path] = []
        snapshot = self.current()
        while snapshot is not None and snapshot.exists() and snapshot not in chain:
            chain.append(snapshot)
            if len(chain) >= config.SNAPSHOTS_KEPT:
                break
            snapshot = previous_snapshot(snapshot, self.folder)
        return chain

    def cleanup(self) -> None:
        keep = {snapshot.resolve() for snapshot in self.chain()}
        if not keep:
            return
        for snapshot in self.snapshots():
            if snapshot.resolve() not in keep:
                snapshot.unlink(missing_ok=True)
                Path(str(snapshot) + ".wal").unlink(missing_ok=True)

    def discard(self, work: Path) -> None:
        work.unlink(missing_ok=True)
        Path(str(work) + ".wal").unlink(missing_ok=True)


def sync_folder(folder: Path) -> None:
    """Writes a folder's entries out to the disk: a rename or a new file in it is durable only then."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def previous_snapshot(snapshot: Path, folder: Path) -> Path | None:
    """The snapshot the last load into `snapshot` started from (what undo makes current again)."""
    try:
        con = duckdb.connect(str(snapshot), read_only=True)
    except duckdb.Error:
        return None
    try:
        rows = con.execute("select previous_snapshot from loads order by load_id desc limit 1").fetchall()
    except duckdb.Error:
        return None
    finally:
        con.close()
    if not rows or not rows[0][0]:
        return None
    return folder / rows[0][0]
