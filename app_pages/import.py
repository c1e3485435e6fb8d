"""Import: check each file before loading, map unknown headers, load through the ETL, undo a load."""

import pandas as pd
import streamlit as st

from etl import audit, config, loader, mapping
from etl.kinds import KINDS
from presentation import untrusted
from presentation.words import KIND_WORDS, LOAD_STATUS_WORDS
from shell import data, uploads
from shell.components import (
    uploader_labels,
)
from shell.i18n import lang, t
from shell.tables import LOAD_COLUMNS, translated

language = lang()
user = st.session_state["user"]  # the router let only a data administrator through
st.title(t("import_title"))
if "flash" in st.session_state:  # the outcome of an action that reran the page
    kind, text = st.session_state.pop("flash")
    getattr(st, kind)(text)
if "last_result" in st.session_state:
    st.subheader(t("import_result"))
    rows = st.session_state.pop("last_result")
    for row in rows:  # a file that was refused says why, in words
        if row["status_code"] == "rejected":
            st.error(f"{untrusted.markdown(row['path'])}: {untrusted.markdown(row['message'])}")
    st.dataframe(
        translated(pd.DataFrame(rows), {"path": "col_file", **LOAD_COLUMNS}), hide_index=True, width="stretch"
    )
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
too_large = [f.name for f in files or [] if f.size > config.MAX_UPLOAD_BYTES]
for name in too_large:
    st.error(t("import_too_large", name=untrusted.markdown(name), limit=limit_mb))
saved = uploads.save([f for f in files or [] if f.size <= config.MAX_UPLOAD_BYTES])

if saved:
    st.subheader(t("preview_title"))
    version = st.session_state.get("mapping_version", 0)
    for path, previews in uploads.previews(saved, language, version).items():
        for number, preview in enumerate(previews):
            title = f"{preview.path}" + (f" [{preview.sheet}]" if preview.sheet else "")
            kind = t(KIND_WORDS[preview.kind]) if preview.kind else t("preview_unknown")
            with st.expander(
                f"{untrusted.markdown(title)} — {kind}",
                expanded=preview.kind is None and not preview.skipped or preview.has_issues,
            ):
                (st.success if preview.kind else st.warning)(untrusted.markdown(preview.message))
                if preview.kind:
                    pairs = pd.DataFrame(
                        {"header": list(preview.mapping), "column": list(preview.mapping.values())}
                    )
                    st.caption(t("preview_mapping"))
                    st.dataframe(
                        translated(pairs, {"header": "col_header", "column": "col_field"}), hide_index=True
                    )
                    if preview.ignored:
                        st.caption(
                            t("preview_ignored", headers=untrusted.markdown(", ".join(preview.ignored)))
                        )
                    if preview.sample is not None and len(preview.sample):
                        st.caption(t("preview_sample"))
                        st.dataframe(preview.sample, hide_index=True)
                    else:  # an empty table says "empty" in English, whatever the page's language
                        st.caption(t("preview_sample_none"))
                    if preview.rows_quarantined:
                        shown = len(preview.quarantine)
                        note = (
                            t("preview_first_page", shown=shown) if shown < preview.rows_quarantined else ""
                        )
                        st.caption(
                            f"{t('preview_set_aside_heading', count=f'{preview.rows_quarantined:,}')} {note}"
                        )
                        columns = {
                            "row_number": "col_row",
                            "column_name": "col_column",
                            "raw_value": "col_value",
                            "reason": "col_reason",
                        }
                        st.dataframe(translated(preview.quarantine, columns), hide_index=True)
                    if preview.rows_warned:
                        st.caption(t("preview_warnings", count=f"{preview.rows_warned:,}"))
                elif preview.headers and not preview.skipped:
                    st.markdown(f"**{t('map_title')}**")
                    st.caption(t("map_intro"))
                    key = f"map_{path.name}_{number}"
                    options = [k for k, _ in preview.candidates] + [
                        k for k in KINDS if k not in dict(preview.candidates)
                    ]
                    chosen = st.selectbox(
                        t("map_kind"), options, format_func=lambda k: t(KIND_WORDS[k]), key=f"{key}_kind"
                    )
                    missing = dict(preview.candidates).get(chosen) or list(KINDS[chosen].required)
                    picks = {
                        column: st.selectbox(
                            t("map_header_for", column=mapping.display_name(KINDS[chosen], column, language)),
                            preview.headers,
                            key=f"{key}_{column}",
                        )
                        for column in missing
                    }
                    if st.button(t("map_save"), key=f"{key}_save"):
                        for column, header in picks.items():
                            mapping.save_alias(chosen, column, header)
                            audit.record(
                                user.id, "mapping", {"kind": chosen, "column": column, "header": header}
                            )
                        st.session_state["mapping_version"] = version + 1
                        st.toast(t("map_saved"))
                        st.rerun()

confirmed = True
if is_demo and saved:
    st.warning(t("import_replace_demo"))
    confirmed = st.checkbox(t("import_confirm_demo"))
if st.button(t("import_button"), type="primary", disabled=not saved or bool(too_large) or not confirmed):
    bar = st.progress(0.0, text=t("import_running"))
    result = loader.load(
        list(saved),
        actor=user.id,
        lang=language,
        display_names=saved,
        progress=lambda f, label: bar.progress(min(f, 1.0), text=t("import_running")),
    )
    bar.empty()
    # show the outcome after a rerun, so the page (previews, history) reflects the new data
    st.session_state["flash"] = (
        ("error", f"{t('import_failed')}: {untrusted.markdown(result.error)}")
        if result.error
        else ("success", t("import_done"))
    )
    st.session_state["last_result"] = [
        vars(f)
        | {
            "status": t(LOAD_STATUS_WORDS[f.status]),
            "status_code": f.status,
            "kind": t(KIND_WORDS[f.kind]) if f.kind else "",
        }
        for f in result.files
    ]
    if result.committed:  # a refused file stays available, to be fixed or mapped and tried again
        refused = {f.path for f in result.files if f.status == "rejected"}
        uploads.mark_loaded([f for f in files if f.name not in refused])
    st.rerun()

if snapshot:
    st.subheader(t("history_title"))
    history = data.report(snapshot, "report_load_history")
    history["message"] = history[f"message_{language}"]
    history["status"] = history["status"].map(lambda s: t(LOAD_STATUS_WORDS[s]))
    history["kind"] = history["kind"].map(lambda k: t(KIND_WORDS[k]) if isinstance(k, str) else "")
    columns = {
        "loaded_at": "col_loaded_at",
        "file_name": "col_file",
        **LOAD_COLUMNS,
        "content_hash": "col_hash",
    }
    st.dataframe(translated(history, columns), hide_index=True, width="stretch")
    st.subheader(t("undo_title"))
    st.caption(t("undo_intro"))
    sure = st.checkbox(t("undo_confirm"), key="undo_confirm")
    if st.button(t("undo_button"), disabled=not sure):
        restored = loader.undo(actor=user.id)
        st.session_state["flash"] = (
            ("success", t("undo_done", snapshot=restored)) if restored else ("info", t("undo_nothing"))
        )
        del st.session_state["undo_confirm"]
        st.rerun()
