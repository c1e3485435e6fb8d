"""Uploaded files on the server: saved under names of our own in a session folder, previewed once."""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from etl import preview

PREFIX = "dxdash-upload-"


@st.cache_resource
def _process_root() -> Path:
    """This server's parent folder of upload folders; made once per process, after sweeping away what
    servers that are gone left behind (a crash, a restart: their sessions can never come back)."""
    sweep(Path(tempfile.gettempdir()))
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))


def jobs_folder() -> Path:
    """Where a load keeps its own links to the uploads while it runs (shell.load_job): this server's
    folder, swept like the sessions' when a later server starts."""
    return _process_root()


def sweep(temporary: Path) -> list[Path]:
    """Removes the upload folders of servers that are no longer running; returns what it removed."""
    removed = []
    for stale in temporary.glob(f"{PREFIX}*"):
        pid = stale.name.removeprefix(PREFIX).split("-")[0]
        if stale.is_dir() and not (pid.isdigit() and _alive(int(pid))):
            shutil.rmtree(stale, ignore_errors=True)
            removed.append(stale)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def folder() -> Path:
    """The session's own upload folder. It goes when the session ends (its state is collected), when the
    files are loaded, or, if the server stops first, when the next server starts."""
    if "upload_dir" not in st.session_state or not Path(st.session_state["upload_dir"]).exists():
        path = tempfile.mkdtemp(dir=_process_root())
        st.session_state["upload_dir"] = path
        context = get_script_run_ctx()
        if context is not None:
            weakref.finalize(context.session_state, shutil.rmtree, path, True)
    return Path(st.session_state["upload_dir"])


def save(uploads) -> dict[Path, str]:
    """Each upload as a file on disk; the name a person gave it is shown, never used as a path."""
    saved: dict[Path, str] = {}
    for upload in uploads:
        suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
        path = folder() / f"{upload.file_id}{suffix}"
        if not path.exists():
            path.write_bytes(upload.getbuffer())
        saved[path] = upload.name
    return saved


def previews(saved: dict[Path, str], lang: str, mapping_version: int) -> dict[Path, list[preview.Preview]]:
    """Previews, remembered per file until the mapping or the language changes."""
    cache = st.session_state.setdefault("previews", {})
    out = {}
    for path, name in saved.items():
        key = (str(path), lang, mapping_version)
        if key not in cache:
            cache[key] = preview.preview(path, lang=lang, display_name=name)
        out[path] = cache[key]
    return out


def was_loaded(upload) -> bool:
    return upload.file_id in st.session_state.get("loaded_uploads", set())


def mark_loaded(file_ids) -> None:
    """Remembers what was loaded (the uploader keeps listing it) and frees the saved copies."""
    st.session_state.setdefault("loaded_uploads", set()).update(file_ids)
    shutil.rmtree(st.session_state.pop("upload_dir", ""), ignore_errors=True)
    st.session_state.pop("previews", None)
