"""First run: with no database, generate the demo exports and load them through the ETL."""

from __future__ import annotations

import streamlit as st

from etl import config, demo, loader
from shell import data
from shell.i18n import t


def ensure_data() -> bool:
    """True when a database exists (creating the demo one first if needed)."""
    if config.db_path().exists():
        if not data.models_current(data.snapshot_id()):  # loaded by an earlier version: built again first
            with st.status(t("models_rebuild"), expanded=False) as status:
                loader.rebuild()
                status.update(label=t("models_rebuilt"), state="complete")
        return True
    folder = config.db_path().parent / "demo-exports"  # beside the database it feeds
    with st.status(t("first_run"), expanded=True) as status:
        bar = st.progress(0.0)
        demo.write_demo(folder)
        bar.progress(0.3)
        result = loader.load(
            [folder],
            actor="demo (first start)",
            progress=lambda fraction, label: bar.progress(0.3 + 0.7 * fraction),
        )
        if result.error or not result.committed:
            status.update(label=t("first_run_failed", detail=result.error or ""), state="error")
            return False
        status.update(label=t("first_run_done"), state="complete", expanded=False)
    return True
