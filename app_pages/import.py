"""Import: load CSV or Excel exports from the browser through the same loader as the command line."""

import tempfile
from pathlib import Path

import streamlit as st

from etl import config, loader
from ui import data
from ui.i18n import lang, t
from ui.tables import LOAD_COLUMNS, translated

st.title(t("import_title"))
st.markdown(t("import_intro"))
snapshot = st.session_state.get("snapshot")
is_demo = bool(snapshot) and data.status(snapshot)["dataset"] == "demo"

uploads = st.file_uploader(t("import_files"), type=["csv", "xlsx"], accept_multiple_files=True)
limit_mb = config.MAX_UPLOAD_BYTES // (1024 * 1024)
too_large = [u.name for u in uploads or [] if u.size > config.MAX_UPLOAD_BYTES]
for name in too_large:
    st.error(t("import_too_large", name=name, limit=limit_mb))
confirmed = True
if is_demo and uploads:
    st.warning(t("import_replace_demo"))
    confirmed = st.checkbox(t("import_confirm_demo"))

if st.button(t("import_button"), type="primary", disabled=not uploads or bool(too_large) or not confirmed):
    with tempfile.TemporaryDirectory(prefix="dxdash-upload-") as folder:
        names = {}
        for number, upload in enumerate(uploads):
            # the uploaded name is shown, never used as a path
            path = (
                Path(folder)
                / f"upload-{number:03d}{'.xlsx' if upload.name.lower().endswith('.xlsx') else '.csv'}"
            )
            path.write_bytes(upload.getbuffer())
            names[path] = upload.name
        bar = st.progress(0.0)
        result = loader.load(
            list(names), lang=lang(), display_names=names, progress=lambda f, label: bar.progress(min(f, 1.0))
        )
    if result.error:
        st.error(f"{t('import_failed')}: {result.error}")
    else:
        st.success(t("import_done"))
    st.subheader(t("import_result"))
    rows = [vars(f) | {"status": t(f"status_{f.status}")} for f in result.files]
    if rows:
        import pandas as pd

        frame = pd.DataFrame(rows)
        columns = {"path": "col_file", **LOAD_COLUMNS}
        st.dataframe(translated(frame, columns), hide_index=True, width="stretch")
    snapshot = data.snapshot_id()

if snapshot:
    st.subheader(t("history_title"))
    history = data.load_history(snapshot)
    history["message"] = history[f"message_{lang()}"]
    history["status"] = history["status"].map(lambda s: t(f"status_{s}"))
    columns = {
        "loaded_at": "col_loaded_at",
        "file_name": "col_file",
        **LOAD_COLUMNS,
        "content_hash": "col_hash",
    }
    st.dataframe(translated(history, columns), hide_index=True, width="stretch")
