"""Database snapshots: a load writes a new file, then the database path is switched to it atomically.

The database path (`--db`, `DXDASH_DB`) is a symbolic link to the current snapshot in a folder
beside it. Readers open the path read-only and so always see a whole snapshot; a writer never
touches a snapshot that readers may have open. A load killed halfway leaves only a `.tmp` file,
which the next load removes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from pathlib import Path

import duckdb

from etl import config


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
    def lock(self):
        """One writer at a time; readers never take this lock."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

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
