"""Files that name staff: made for one person, audited when made, served a few times, then gone.

Streamlit keeps a downloaded file in memory under an id made from its content and serves it at
/media/<id> to anyone who asks, from any session or none, until two clean-ups after no session shows
it (which an idle server never runs). For a list of named staff that is not good enough, so here:
- the audit entry is written by the function that makes the file, before its bytes exist (a file
  asked for without the button's click, or with the click lost, is still on record; if the entry
  cannot be written, no file is made);
- the file can be read FETCHES times, with or without an extension in its address (Streamlit reads it
  once to make its address, the page checks the address, then downloads it), and is deleted then; its
  address reaches only the browser of the session that made it, over that session's own connection;
- a file not fetched so is deleted after KEEP_SECONDS (swept whenever a file is made or read);
- a person makes at most BURST such files at once, then one every 1 / RATE seconds: the function can be
  called without the page (a script that repeats the request), and each call writes the audit log.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

from streamlit import runtime
from streamlit.runtime import memory_media_file_storage as storage_module

from shell import throttle

KEEP_SECONDS = 120
FETCHES = 3  # Streamlit's own read when it makes the address, the page's check, and the download
MAX_PENDING = 1_000  # files made and not yet gone, all people together: the oldest go first beyond it
BURST, RATE = 10, 0.2  # personal files a person makes at once, then a file every 5 seconds
_pending: dict[str, list] = {}  # id of a file made -> [reads left, when it goes], oldest first
_buckets: dict[str, dict] = {}  # a person -> their bucket of files (shell.throttle)
_lock = threading.Lock()


class TooManyFiles(Exception):
    """A person asked for files that name staff faster than anyone reads them."""


def _media():
    manager = runtime.get_instance().media_file_mgr
    return manager, manager._storage  # noqa: SLF001 (Streamlit offers no public way to drop a file)


def _drop(file_ids: list[str]) -> None:
    """Deletes files from Streamlit's memory (whether or not they were fetched)."""
    if not file_ids or not runtime.exists():
        return
    manager, storage = _media()
    with manager._lock:  # noqa: SLF001
        for file_id in file_ids:
            manager._file_metadata.pop(file_id, None)  # noqa: SLF001
            storage._files_by_id.pop(file_id, None)  # noqa: SLF001


def _expired(now: float) -> list[str]:
    """Takes the files whose time is up (and the oldest beyond MAX_PENDING) off the list; call with _lock."""
    gone = [file_id for file_id, (_, until) in _pending.items() if until <= now]
    for file_id in gone:
        del _pending[file_id]
    oldest = list(_pending)[: max(0, len(_pending) - MAX_PENDING)]
    for file_id in oldest:
        del _pending[file_id]
    return gone + oldest


def install() -> None:
    """Counts the reads of a pending file (idempotent; runs at the start of every page run)."""
    if not runtime.exists():
        return
    _, storage = _media()
    if getattr(storage.get_file, "counts_reads", False):
        return
    get_file = storage.get_file

    def get_file_counted(filename: str):
        file_id = os.path.splitext(filename)[0]  # as the store reads it: "<id>", "<id>.csv", "<id>.x"
        last = False
        with _lock:
            gone = _expired(time.monotonic())
            entry = _pending.get(file_id)
            if entry is not None:
                entry[0] -= 1
                last = entry[0] <= 0
                if last:
                    del _pending[file_id]
        if file_id in gone:  # its time was up before this read: not found, as any file that is gone
            _drop(gone)
            return get_file(filename)
        file = get_file(filename)
        _drop([*gone, file_id] if last else gone)  # the last read allowed: the file goes after it
        return file

    get_file_counted.counts_reads = True
    storage.get_file = get_file_counted


def dropped_after_download(make: Callable[[], bytes], mimetype: str, file_name: str) -> Callable[[], bytes]:
    """What a download button calls to make a file that Streamlit drops after FETCHES reads (or after
    KEEP_SECONDS), instead of keeping it in memory until two clean-ups after its page moved on."""

    def made() -> bytes:
        data = make()
        file_id = storage_module._calculate_file_id(data, mimetype, file_name)  # noqa: SLF001 (the id Streamlit gives it)
        with _lock:
            gone = _expired(time.monotonic())
            _pending.pop(file_id, None)  # made again: a new count, at the end of the list
            _pending[file_id] = [FETCHES, time.monotonic() + KEEP_SECONDS]
        _drop(gone)
        return data

    return made


def personal_file(
    make: Callable[[], bytes], mimetype: str, file_name: str, person: str, audit_entry: Callable[[], None]
) -> Callable[[], bytes]:
    """What a download button calls to make a file that names staff (see the module's text)."""

    def audited() -> bytes:
        with _lock:
            allowed = throttle.take(_buckets.setdefault(person, {}), time.monotonic(), BURST, RATE)
        if not allowed:
            raise TooManyFiles(person)
        audit_entry()  # raises when it cannot write: then there is no file
        return make()

    return dropped_after_download(audited, mimetype, file_name)
