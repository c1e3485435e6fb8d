"""Uploaded files on the server: saved under names of our own in a session folder, previewed once."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import streamlit as st

from etl import loader


def folder() -> Path:
    if "upload_dir" not in st.session_state or not Path(st.session_state["upload_dir"]).exists():
        st.session_state["upload_dir"] = tempfile.mkdtemp(prefix="dxdash-upload-")
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


def previews(saved: dict[Path, str], lang: str, mapping_version: int) -> dict[Path, list[loader.Preview]]:
    """Previews, remembered per file until the mapping or the language changes."""
    cache = st.session_state.setdefault("previews", {})
    out = {}
    for path, name in saved.items():
        key = (str(path), lang, mapping_version)
        if key not in cache:
            cache[key] = loader.preview(path, lang=lang, display_name=name)
        out[path] = cache[key]
    return out


def was_loaded(upload) -> bool:
    return upload.file_id in st.session_state.get("loaded_uploads", set())


def mark_loaded(uploads) -> None:
    """Remembers what was loaded (the uploader keeps listing it) and frees the saved copies."""
    st.session_state.setdefault("loaded_uploads", set()).update(u.file_id for u in uploads)
    shutil.rmtree(st.session_state.pop("upload_dir", ""), ignore_errors=True)
    st.session_state.pop("previews", None)
