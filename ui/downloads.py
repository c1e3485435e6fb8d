"""Files that name staff: made for one person, audited when made, served once, then gone.

Streamlit keeps a downloaded file in memory under an id made from its content and serves it at
/media/<id> to anyone who asks, from any session or none, until two clean-ups after no session shows
it (which an idle server never runs). For a list of named staff that is not good enough, so here:
- the audit entry is written by the function that makes the file, before its bytes exist (a file
  asked for without the button's click, or with the click lost, is still on record; if the entry
  cannot be written, no file is made);
- the file is served to the first FETCHES requests for it, which are those the person's own browser
  makes the moment the file is made (Streamlit's page checks the address, then downloads it), and
  deleted then; its address reaches only that browser, over its own session's connection;
- a file not fetched so is deleted after KEEP_SECONDS.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from streamlit import runtime
from streamlit.runtime import memory_media_file_storage as storage_module

KEEP_SECONDS = 120
FETCHES = 2  # the page's check of the address, and the download
_pending: dict[str, int] = {}  # id of a personal file made -> fetches left
_lock = threading.Lock()


def _media():
    manager = runtime.get_instance().media_file_mgr
    return manager, manager._storage  # noqa: SLF001 (Streamlit offers no public way to drop a file)


def _forget(file_id: str) -> None:
    """Deletes a personal file from Streamlit's memory (whether or not it was fetched)."""
    with _lock:
        _pending.pop(file_id, None)
    manager, storage = _media()
    with manager._lock:  # noqa: SLF001
        manager._file_metadata.pop(file_id, None)  # noqa: SLF001
        storage._files_by_id.pop(file_id, None)  # noqa: SLF001


def install() -> None:
    """Serves a pending personal file once (idempotent; runs at the start of every page run)."""
    if not runtime.exists():
        return
    _, storage = _media()
    if getattr(storage.get_file, "serves_personal_files_once", False):
        return
    get_file = storage.get_file

    def get_file_once(filename: str):
        file = get_file(filename)
        file_id, extension = filename.rsplit(".", 1)[0], "." in filename
        # the route asks for "<id>.<extension>"; Streamlit itself asks for "<id>" when it makes the URL
        if extension:
            with _lock:
                left = _pending.get(file_id)
                if left is not None:
                    _pending[file_id] = left - 1
            if left == 1:
                _forget(file_id)
        return file

    get_file_once.serves_personal_files_once = True
    storage.get_file = get_file_once


def served_once(make: Callable[[], bytes], mimetype: str, file_name: str) -> Callable[[], bytes]:
    """What a download button calls to make a file that Streamlit drops once it is fetched (or after
    KEEP_SECONDS), instead of keeping it in memory until two clean-ups after its page moved on."""

    def made() -> bytes:
        data = make()
        file_id = storage_module._calculate_file_id(data, mimetype, file_name)  # noqa: SLF001 (the id Streamlit gives it)
        with _lock:
            _pending[file_id] = FETCHES
        timer = threading.Timer(KEEP_SECONDS, _forget, args=(file_id,))
        timer.daemon = True
        timer.start()
        return data

    return made


def personal_file(
    make: Callable[[], bytes], mimetype: str, file_name: str, audit_entry: Callable[[], None]
) -> Callable[[], bytes]:
    """What a download button calls to make a file that names staff (see the module's text)."""

    def audited() -> bytes:
        audit_entry()  # raises when it cannot write: then there is no file
        return make()

    return served_once(audited, mimetype, file_name)
