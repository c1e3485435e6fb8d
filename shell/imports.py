"""The Import page's pieces: what a file will load as (its preview), the form that maps the headers of a
file of no known kind, the load itself and the history of loads. The page lays them out."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pandas as pd
import streamlit as st

from etl import audit, config, loader, mapping
from etl.kinds import ANY_OF, KINDS
from etl.preview import Preview
from etl.snapshots import SnapshotStore, Writer
from presentation import untrusted
from presentation.words import KIND_WORDS, LOAD_STATUS_WORDS
from shell import data, load_job, uploads
from shell.i18n import lang, t
from shell.state import ImportState
from shell.tables import LOAD_COLUMNS, number_columns, translated

QUARANTINE_COLUMNS = {
    "row_number": "col_row",
    "column_name": "col_column",
    "raw_value": "col_value",
    "reason": "col_reason",
}


def outcome(state: ImportState) -> None:
    """What the last action did (it reran the page): its message, and each file's result. Cleared once
    drawn whole: a rerun that stops this run midway finds them still there, and draws them again."""
    flash, rows = state.flash, state.last_result
    if flash:
        kind, text = flash
        getattr(st, kind)(text)
    if rows:
        st.subheader(t("import_result"))
        for row in rows:  # a file that was refused says why, in words
            if row["status_code"] == "rejected":
                st.error(f"{untrusted.markdown(row['path'])}: {untrusted.markdown(row['message'])}")
        frame = translated(pd.DataFrame(rows), {"path": "col_file", **LOAD_COLUMNS})
        st.dataframe(
            frame, hide_index=True, width="stretch", column_config=number_columns(frame), placeholder=""
        )
    state.flash, state.last_result = None, []


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


def start_load(saved: dict, files: list, state: ImportState, user) -> None:
    """Starts loading the saved files on a thread of its own (shell.load_job), and reruns the page to
    follow it: whatever the person does meanwhile, the load goes on to the end."""
    by_id = {f.file_id: f.name for f in files}
    # None when another load started a moment before: the rerun shows it running
    state.job = load_job.start(saved, by_id, user.id, lang(), uploads.jobs_folder())
    st.rerun()


class Elsewhere(NamedTuple):
    """Another writer at work, as the Import page says it."""

    message: str
    holds_loads: bool  # a load of this server: one at a time. Another process's: a load waits its turn


def loads_elsewhere(state: ImportState) -> Elsewhere | None:
    """Who else is writing, or None: a load of this server that another session (or this one, before)
    started; else whoever holds the writers' lock, a load or undo of the command line, or the first run's
    estimate. The session's own load is followed by `follow_load`, which says what it waits for."""
    elsewhere = [job for job in load_job.running() if job is not state.job]
    if elsewhere:
        return Elsewhere(t("import_other_running", started=elsewhere[0].started.strftime("%H:%M")), True)
    if state.job is not None:
        return None
    writer = SnapshotStore(config.db_path()).writer()
    if writer is None:
        return None
    if writer.started is None:
        return Elsewhere(t("import_writer_running_now", task=writer_task(writer)), False)
    started = writer.started.strftime("%H:%M")
    return Elsewhere(t("import_writer_running", task=writer_task(writer), started=started), False)


def writer_task(writer: Writer) -> str:
    return t(writer.task_words)


@st.fragment(run_every=2)
def wait_for_others(state: ImportState) -> None:
    """That another writer is at work, until it is done: then the page reruns, loading and undoing open."""
    elsewhere = loads_elsewhere(state)
    if elsewhere is None:
        st.rerun(scope="app")
    st.info(elsewhere.message)


@st.fragment(run_every=1)
def follow_load(state: ImportState) -> None:
    """The running load's progress, redrawn every second; once it is done, the page reruns and shows
    the outcome."""
    job = state.job
    if job is None or job.done:
        st.rerun(scope="app")
    st.progress(job.fraction, text=t("import_running"))
    writer = SnapshotStore(config.db_path()).writer()
    if writer is not None and not writer.is_thread(job.thread):  # it waits for the lock
        st.caption(t("import_load_waiting", task=writer_task(writer)))
    st.caption(t("import_goes_on"))


def finish_load(state: ImportState) -> None:
    """Once the session's load is done: its message and each file's result for the page to show, and
    the files it loaded marked as loaded (a refused file stays, to be fixed or mapped and tried again).
    Everything is worked out before the job is let go: reading the session's state is where a rerun
    stops a run, and the next run then finds the job and does this again."""
    job = state.job
    result = job.result
    reading = lang()
    error = result.error_messages.get(reading, result.error) if result.error else None
    if error and result.committed:  # loaded, but something after it went wrong (the audit log)
        flash = ("warning", untrusted.markdown(error))
    elif error:
        flash = ("error", f"{t('import_failed')}: {untrusted.markdown(error)}")
    elif not any(f.status == "loaded" for f in result.files):
        flash = ("warning", t("import_nothing_loaded"))
    else:
        flash = ("success", t("import_done"))
    rows = [
        vars(f)
        | {
            "message": f.messages.get(reading, f.message),
            "status": t(LOAD_STATUS_WORDS[f.status]),
            "status_code": f.status,
            "kind": t(KIND_WORDS[f.kind]) if f.kind else "",
        }
        for f in result.files
    ]
    if result.committed:
        refused = {f.path for f in result.files if f.status == "rejected"}
        uploads.mark_loaded([file_id for file_id, name in job.uploads.items() if name not in refused])
    state.flash, state.last_result, state.job = flash, rows, None


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
    shown = translated(history, columns)
    st.dataframe(shown, hide_index=True, width="stretch", column_config=number_columns(shown), placeholder="")


def undo_last_load(state: ImportState, user, snapshot: str, busy: bool = False) -> None:
    """Makes the data before the last load current again, after the person ticks that they are sure; not
    while a load runs (it would wait for it, and undo it). Only the load the person saw: one that went
    in meanwhile (another person's, or the command line's) is not undone unseen."""
    st.caption(t("undo_intro"))
    sure = st.checkbox(t("undo_confirm"), key="undo_confirm")
    if st.button(t("undo_button"), disabled=not sure or busy):
        try:
            restored = loader.undo(actor=user.id, seen=snapshot)
        except loader.DataChanged:
            state.flash = ("warning", t("undo_changed"))
        else:
            state.flash = (
                ("success", t("undo_done", snapshot=restored)) if restored else ("info", t("undo_nothing"))
            )
        del st.session_state["undo_confirm"]
        st.rerun()
