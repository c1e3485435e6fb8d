"""The Import page's pieces: what a file will load as (its preview), the form that maps the headers of a
file of no known kind, the load itself and the history of loads. The page lays them out."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from etl import audit, loader, mapping
from etl.kinds import ANY_OF, KINDS
from etl.preview import Preview
from presentation import untrusted
from presentation.words import KIND_WORDS, LOAD_STATUS_WORDS
from shell import data, uploads
from shell.i18n import lang, t
from shell.state import ImportState
from shell.tables import LOAD_COLUMNS, translated

QUARANTINE_COLUMNS = {
    "row_number": "col_row",
    "column_name": "col_column",
    "raw_value": "col_value",
    "reason": "col_reason",
}


def outcome(state: ImportState) -> None:
    """What the last action did (it reran the page): its message, and each file's result."""
    flash = state.take_flash()
    if flash:
        kind, text = flash
        getattr(st, kind)(text)
    rows = state.take_result()
    if rows:
        st.subheader(t("import_result"))
        for row in rows:  # a file that was refused says why, in words
            if row["status_code"] == "rejected":
                st.error(f"{untrusted.markdown(row['path'])}: {untrusted.markdown(row['message'])}")
        frame = translated(pd.DataFrame(rows), {"path": "col_file", **LOAD_COLUMNS})
        st.dataframe(frame, hide_index=True, width="stretch", placeholder="")


def preview_panel(path: Path, number: int, preview: Preview, state: ImportState, user) -> None:
    """One file (or sheet) as it would load: its kind, headers, a sample and the rows set aside; or,
    for a file of no known kind, the form that maps its headers."""
    title = f"{preview.path}" + (f" [{preview.sheet}]" if preview.sheet else "")
    kind = t(KIND_WORDS[preview.kind]) if preview.kind else t("preview_unknown")
    expanded = preview.kind is None and not preview.skipped or preview.has_issues
    with st.expander(f"{untrusted.markdown(title)} — {kind}", expanded=expanded):
        (st.success if preview.kind else st.warning)(untrusted.markdown(preview.message))
        if preview.kind:
            _recognised(preview)
        elif preview.headers and not preview.skipped:
            _mapping_form(f"map_{path.name}_{number}", preview, state, user)


def _recognised(preview: Preview) -> None:
    pairs = pd.DataFrame({"header": list(preview.mapping), "column": list(preview.mapping.values())})
    st.caption(t("preview_mapping"))
    st.dataframe(
        translated(pairs, {"header": "col_header", "column": "col_field"}), hide_index=True, placeholder=""
    )
    if preview.ignored:
        st.caption(t("preview_ignored", headers=untrusted.markdown(", ".join(preview.ignored))))
    if preview.sample is not None and len(preview.sample):
        st.caption(t("preview_sample"))
        st.dataframe(preview.sample, hide_index=True, placeholder="")
    else:  # an empty table says "empty" in English, whatever the page's language
        st.caption(t("preview_sample_none"))
    if preview.rows_quarantined:
        shown = len(preview.quarantine)
        note = t("preview_first_page", shown=shown) if shown < preview.rows_quarantined else ""
        st.caption(f"{t('preview_set_aside_heading', count=f'{preview.rows_quarantined:,}')} {note}")
        st.dataframe(translated(preview.quarantine, QUARANTINE_COLUMNS), hide_index=True, placeholder="")
    if preview.rows_warned:
        st.caption(t("preview_warnings", count=f"{preview.rows_warned:,}"))


def _member(kind: str, column: str, key: str) -> str:
    """The column a header is saved for: a group of which one would do (an e-learning file's person,
    by staff id or by e-mail address) asks which of them the header is."""
    if ANY_OF not in column:
        return column
    return st.radio(
        t("map_which_column"),
        column.split(ANY_OF),
        format_func=lambda c: mapping.display_name(KINDS[kind], c, lang()),
        key=f"{key}_{column}_which",
        horizontal=True,
    )


def _mapping_form(key: str, preview: Preview, state: ImportState, user) -> None:
    st.markdown(f"**{t('map_title')}**")
    st.caption(t("map_intro"))
    options = [k for k, _ in preview.candidates] + [k for k in KINDS if k not in dict(preview.candidates)]
    chosen = st.selectbox(t("map_kind"), options, format_func=lambda k: t(KIND_WORDS[k]), key=f"{key}_kind")
    missing = dict(preview.candidates).get(chosen) or list(KINDS[chosen].needed)
    picks = {
        _member(chosen, column, key): st.selectbox(
            t("map_header_for", column=mapping.display_name(KINDS[chosen], column, lang())),
            preview.headers,
            key=f"{key}_{column}",
        )
        for column in missing
    }
    if st.button(t("map_save"), key=f"{key}_save"):
        for column, header in picks.items():
            mapping.save_alias(chosen, column, header)
            audit.record(user.id, "mapping", {"kind": chosen, "column": column, "header": header})
        state.mapping_version += 1
        st.toast(t("map_saved"))
        st.rerun()


def run_load(saved: dict, files: list, state: ImportState, user) -> None:
    """Loads the saved files through the ETL with a progress bar, and reruns the page to show the
    outcome (so that the previews and the history reflect the new data)."""
    bar = st.progress(0.0, text=t("import_running"))
    result = loader.load(
        list(saved),
        actor=user.id,
        lang=lang(),
        display_names=saved,
        progress=lambda f, label: bar.progress(min(f, 1.0), text=t("import_running")),
    )
    bar.empty()
    state.flash = (
        ("error", f"{t('import_failed')}: {untrusted.markdown(result.error)}")
        if result.error
        else ("success", t("import_done"))
    )
    state.last_result = [
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


def load_history(snapshot: str) -> None:
    history = data.report(snapshot, "report_load_history")
    history["message"] = history["message_ja" if lang() == "ja" else "message_en"]
    history["status"] = history["status"].map(lambda s: t(LOAD_STATUS_WORDS[s]))
    history["kind"] = history["kind"].map(lambda k: t(KIND_WORDS[k]) if isinstance(k, str) else "")
    columns = {
        "loaded_at": "col_loaded_at",
        "file_name": "col_file",
        **LOAD_COLUMNS,
        "content_hash": "col_hash",
    }
    st.dataframe(translated(history, columns), hide_index=True, width="stretch", placeholder="")


def undo_last_load(state: ImportState, user) -> None:
    """Makes the data before the last load current again, after the person ticks that they are sure."""
    st.caption(t("undo_intro"))
    sure = st.checkbox(t("undo_confirm"), key="undo_confirm")
    if st.button(t("undo_button"), disabled=not sure):
        restored = loader.undo(actor=user.id)
        state.flash = (
            ("success", t("undo_done", snapshot=restored)) if restored else ("info", t("undo_nothing"))
        )
        del st.session_state["undo_confirm"]
        st.rerun()
