"""A load started on the Import page runs on a thread of its own, not inside the page's script run.

Streamlit stops a script run at its next element when the session asks for a rerun: the person switches
language, changes a filter, opens another page, or the browser reconnects. A load made inside the run
stopped halfway, and silently: nothing was loaded and nothing said so. On its own thread the load goes
on to the end whatever the page does, and the page follows it and shows its outcome when it is done.
No Streamlit here: the thread has no session, and the page reads the job's fields."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from etl import config, loader
from etl.db import first_line
from etl.messages import LANGS, in_each_language
from etl.snapshots import SnapshotStore

log = logging.getLogger(__name__)


@dataclass(eq=False)
class LoadJob:
    files: dict[Path, str]  # the job's own copies of the uploads -> the names the person gave them
    uploads: dict[str, str]  # the uploads it loads: file id -> name, marked loaded when it is done
    actor: str
    lang: str  # the language it started in: the results keep each message in both
    started: datetime = field(default_factory=datetime.now)  # the server's clock, as the load log's times
    fraction: float = 0.0
    thread: int | None = None  # the thread that loads, once it runs (it holds the writers' lock then)
    result: loader.LoadResult | None = None
    _finished: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Until the load is done, or `timeout` seconds: True when it is done. It looks every 50 ms: a
        timed wait on the event never returned under faketime (the suite runs on other days)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.done:
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True


_running: set[LoadJob] = set()
_guard = threading.Lock()


def running() -> list[LoadJob]:
    """The loads this server is making now, for every session (a load of the command line is not here:
    it waits for the writers' lock, and so does one started here while it runs)."""
    with _guard:
        return sorted(_running, key=lambda job: job.started)


def start(
    saved: dict[Path, str], uploads: dict[str, str], actor: str, lang: str, parent: Path
) -> LoadJob | None:
    """Starts loading `saved` (path -> name), or returns None when a load of this server is running (one
    at a time: two clicks, or two people, at the same moment start one). The files are linked into a
    folder of the job's own under `parent` first: the session's upload folder goes when the session
    does, which may be before the load is done."""
    own = Path(tempfile.mkdtemp(prefix="load-", dir=parent))
    try:
        files = {}
        for number, (path, name) in enumerate(saved.items()):
            copy = own / f"{number}{path.suffix}"
            try:
                os.link(path, copy)
            except OSError:  # another file system
                shutil.copyfile(path, copy)
            files[copy] = name
        job = LoadJob(files, dict(uploads), actor, lang)
        with _guard:
            if _running:
                shutil.rmtree(own, ignore_errors=True)
                return None
            _running.add(job)
        try:
            threading.Thread(target=_run, args=(job, own), name="dxdash-load", daemon=True).start()
        except BaseException:
            with _guard:
                _running.discard(job)
            raise
    except BaseException:
        shutil.rmtree(own, ignore_errors=True)
        raise
    return job


def _run(job: LoadJob, own: Path) -> None:
    job.thread = threading.get_ident()
    store = SnapshotStore(config.db_path())
    before = store.current()
    try:
        job.result = loader.load(
            list(job.files),
            actor=job.actor,
            lang=job.lang,
            display_names=job.files,
            progress=lambda fraction, _label: setattr(job, "fraction", min(max(fraction, 0.0), 1.0)),
        )
    except Exception as error:  # a fault of ours, not of a file: the page says what became of the data
        log.exception("the load failed")
        # the loader raises after the new data is current only where the audit log cannot be written
        changed = store.current() != before
        key = "run_unaudited" if changed else "run_failed"
        errors = in_each_language(key, detail=first_line(error))
        job.result = loader.LoadResult(committed=changed, error=errors[job.lang], error_messages=errors)
    finally:
        if job.result is None:  # even the account of a failure failed: the page must still hear of it
            job.result = loader.LoadResult(error="-", error_messages={lang: "-" for lang in LANGS})
        shutil.rmtree(own, ignore_errors=True)
        with _guard:
            _running.discard(job)
        job._finished.set()
