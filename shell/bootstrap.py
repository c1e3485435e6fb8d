"""First run: with no database, the demo exports are generated and loaded through the ETL (etl.first_run),
by the process run.sh started while the server started, or here where none is under way."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time

import streamlit as st

from etl import config, first_run, loader
from shell import data
from shell.i18n import lang, t

WAIT_SECONDS = 600  # a first run that has not finished by then is taken over, or reported
_estimating = threading.Lock()


def _estimate_later() -> None:
    """The event study a first run left for later, made in the background: the overview is drawn first,
    and the Impact page says the estimate is coming until a rerun shows it."""

    def run() -> None:
        with contextlib.suppress(OSError, AttributeError):  # Linux: a thread has a priority of its own
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)  # the pages come first
        with _estimating:
            loader.estimate()

    if not _estimating.locked():
        threading.Thread(target=run, name="dxdash-estimate", daemon=True).start()


_maker: threading.Thread | None = None
_maker_guard = threading.Lock()


def _make_the_demo() -> threading.Thread:
    """The first run made by this server, on a thread of its own: inside the page's script run a rerun
    (a click, a browser that reconnects) stopped it midway, and the next run began it again. One thread
    per server; the first run's own lock keeps out any other process."""
    global _maker

    def run() -> None:
        try:
            result = first_run.prepare()
        except Exception as error:  # a fault of ours: the page following the run says so, in words
            logging.getLogger(__name__).exception("the first run failed")
            first_run.say_failed(error)
            return
        if result is not None and result.committed:  # made here: the event study follows
            _estimate_later()

    with _maker_guard:
        if _maker is None or not _maker.is_alive():
            _maker = threading.Thread(target=run, name="dxdash-first-run", daemon=True)
            _maker.start()
        return _maker


def _follow_the_first_run(bar, maker: threading.Thread | None) -> None:
    """Follows the progress of the first run (this server's thread, or another process), until it is done."""
    deadline = time.monotonic() + WAIT_SECONDS
    while (maker is not None and maker.is_alive() or first_run.under_way()) and time.monotonic() < deadline:
        bar.progress(min(max(float(first_run.status().get("fraction", 0.0)), 0.0), 1.0))
        time.sleep(0.2)


WARM_UP = "first-run-warm-up"


def _warm_up_the_browser() -> None:
    """While the data is being made, the browser fetches and compiles the code of the overview's cards,
    tables and charts, which Streamlit loads only when the first of each kind is drawn (a chain of
    requests that otherwise follows the data by a second): one of each, out of sight and out of the
    accessibility tree, empty."""
    import pandas as pd
    import plotly.graph_objects as go

    with st.container(key=WARM_UP):
        st.html(
            f"<style>.st-key-{WARM_UP} {{ visibility: hidden; position: absolute; width: 480px; height: 0;"
            " overflow: hidden; pointer-events: none; }</style>"
        )
        st.metric(WARM_UP, "0", label_visibility="collapsed")
        st.table(pd.DataFrame({WARM_UP: [0]}))
        st.plotly_chart(go.Figure(), config={"staticPlot": True})


def ensure_data() -> bool:
    """True when a database exists (creating the demo one first if needed)."""
    if config.db_path().exists():
        if not data.models_current(data.snapshot_id()):  # loaded by an earlier version: built again first
            with st.status(t("models_rebuild"), expanded=False) as status:
                loader.rebuild()
                status.update(label=t("models_rebuilt"), state="complete")
        if data.estimation_pending(data.snapshot_id()) and not first_run.under_way():
            _estimate_later()
        return True
    with st.status(t("first_run"), expanded=True) as status:
        bar = st.progress(0.0)
        _warm_up_the_browser()
        # made by the process run.sh started, or else by this server: either way followed from here
        _follow_the_first_run(bar, None if first_run.under_way() else _make_the_demo())
        if not config.db_path().exists():
            said = first_run.status()  # the reader's language, where the run wrote both
            detail = (said.get("errors") or {}).get(lang()) or said.get("error")
            status.update(label=t("first_run_failed", detail=detail or ""), state="error")
            return False
        status.update(label=t("first_run_done"), state="complete", expanded=False)
    return True
