"""Import: check each file before loading, map unknown headers, load through the ETL, undo a load."""

import streamlit as st

from etl import config
from presentation import untrusted
from shell import data, uploads
from shell.components import uploader_labels
from shell.i18n import lang, t
from shell.imports import (
    finish_load,
    follow_load,
    load_history,
    loads_elsewhere,
    outcome,
    preview_panel,
    start_load,
    undo_last_load,
    wait_for_others,
)
from shell.state import ImportState, page_state

user = st.session_state["user"]  # the router let only a data administrator through
state = page_state("import", ImportState)
if state.job is not None and state.job.done:
    finish_load(state)
st.title(t("import_title"))
outcome(state)
st.markdown(t("import_intro"))
snapshot = data.snapshot_id()
is_demo = bool(snapshot) and data.status(snapshot)["dataset"] == "demo"

files = st.file_uploader(t("import_files"), type=["csv", "xlsx"], accept_multiple_files=True, key="uploader")
# files stay in the uploader after a load; they are not previewed or loaded again
loaded_before = [f.name for f in files or [] if uploads.was_loaded(f)]
if loaded_before:
    st.caption(t("import_already_loaded", files=untrusted.markdown(", ".join(loaded_before))))
files = [f for f in files or [] if not uploads.was_loaded(f)]
limit_mb = config.MAX_UPLOAD_BYTES // (1024 * 1024)
uploader_labels(limit_mb)
too_large = [f.name for f in files if f.size > config.MAX_UPLOAD_BYTES]
for name in too_large:
    st.error(t("import_too_large", name=untrusted.markdown(name), limit=limit_mb))
saved = uploads.save([f for f in files if f.size <= config.MAX_UPLOAD_BYTES])

if saved:
    st.subheader(t("preview_title"))
    for path, previews in uploads.previews(saved, lang(), state.mapping_version).items():
        for number, preview in enumerate(previews):
            preview_panel(path, number, preview, state, user)

confirmed = True
if is_demo and saved:
    st.warning(t("import_replace_demo"))
    confirmed = st.checkbox(t("import_confirm_demo"))
# one load at a time: the session's own, followed below, or another person's on this server; a load
# started while another process writes (the command line) waits its turn
elsewhere = loads_elsewhere(state)
if elsewhere:
    wait_for_others(state)
busy = state.job is not None or elsewhere is not None
held = state.job is not None or (elsewhere is not None and elsewhere.holds_loads)
if st.button(
    t("import_button"), type="primary", disabled=not saved or bool(too_large) or not confirmed or held
):
    start_load(saved, files, state, user)
if state.job is not None:
    follow_load(state)

if snapshot:
    st.subheader(t("history_title"))
    load_history(snapshot)
    st.subheader(t("undo_title"))
    undo_last_load(state, user, snapshot, busy)
