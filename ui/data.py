"""The dashboard's data layer: one cached read-only connection per snapshot, cached aggregates.

A load in another process switches the database path to a new snapshot file; the next interaction
sees a new snapshot id, so caches and the connection follow without a restart or a lock error.
"""

from __future__ import annotations

import os
from datetime import date

import duckdb
import pandas as pd
import streamlit as st

from etl import config, metrics
from etl.fiscal import today_in_japan
from etl.models import sql_text


def snapshot_id() -> str | None:
    """The current snapshot file (what the database path points at), or None before any load."""
    path = config.db_path()
    if not path.exists():
        return None
    return os.path.realpath(path)


@st.cache_resource(max_entries=2)
def _connection(snapshot: str) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(snapshot, read_only=True)


def cursor(snapshot: str) -> duckdb.DuckDBPyConnection:
    """A cursor per query, from the snapshot's shared read-only connection."""
    return _connection(snapshot).cursor()


def _run(snapshot: str, function, *args):
    """Calls function(cursor, *args) with a cursor of its own, closed afterwards."""
    con = cursor(snapshot)
    try:
        return function(con, *args)
    finally:
        con.close()


def _frame(snapshot: str, sql: str, params=None) -> pd.DataFrame:
    return _run(snapshot, lambda con: con.execute(sql, params).df())


def kpis_frame(snapshot: str) -> pd.DataFrame:
    # a year in progress is cut at as_of, which is never later than today: today is part of the key
    return _kpis_frame(snapshot, today_in_japan())


@st.cache_data(show_spinner=False)
def _kpis_frame(snapshot: str, today: date) -> pd.DataFrame:
    return _run(snapshot, metrics.kpis_frame, None, today)


def kpis(snapshot: str, fiscal_year: int) -> dict:
    return _kpis(snapshot, fiscal_year, today_in_japan())


@st.cache_data(show_spinner=False)
def _kpis(snapshot: str, fiscal_year: int, today: date) -> dict:
    return _run(snapshot, metrics.kpis, fiscal_year, today)


@st.cache_data(show_spinner=False)
def fiscal_years(snapshot: str) -> list[int]:
    return _run(snapshot, metrics.fiscal_years)


@st.cache_data(show_spinner=False)
def bureaus(snapshot: str) -> list[str]:
    """Bureaus in their fixed display order (bureau code, then name)."""
    frame = _frame(
        snapshot,
        "select bureau_name from stg_organizations where bureau_name <> '' "
        "group by bureau_name order by min(bureau_order)",
    )
    return frame["bureau_name"].tolist()


@st.cache_data(show_spinner=False)
def status(snapshot: str) -> dict:
    """Dataset (demo or office), last load time and the latest date in the data."""
    return _run(snapshot, metrics.data_status)


@st.cache_data(show_spinner=False)
def usage_monthly(snapshot: str, bureaus: tuple[str, ...]) -> pd.DataFrame:
    return _run(snapshot, metrics.hours_by_month, list(bureaus))


@st.cache_data(show_spinner=False)
def certifications_by_bureau(snapshot: str, fiscal_year: int, bureaus: tuple[str, ...]) -> pd.DataFrame:
    return _run(snapshot, metrics.certifications_by_bureau, fiscal_year, list(bureaus))


@st.cache_data(show_spinner=False)
def hours_by_bureau(snapshot: str, fiscal_year: int, bureaus: tuple[str, ...]) -> pd.DataFrame:
    return _run(snapshot, metrics.hours_by_bureau, fiscal_year, list(bureaus))


@st.cache_data(show_spinner=False)
def load_history(snapshot: str) -> pd.DataFrame:
    return _frame(snapshot, sql_text("report_load_history"))


@st.cache_data(show_spinner=False)
def quality_summary(snapshot: str) -> dict:
    return _run(snapshot, metrics.quality_summary)


@st.cache_data(show_spinner=False)
def quarantine(snapshot: str) -> pd.DataFrame:
    return _frame(snapshot, sql_text("report_quarantine"))


@st.cache_data(show_spinner=False)
def freshness(snapshot: str) -> pd.DataFrame:
    return _frame(snapshot, "select * from mart_data_freshness order by kind")


@st.cache_data(show_spinner=False)
def rows_by_kind(snapshot: str) -> pd.DataFrame:
    return _frame(snapshot, sql_text("report_rows_by_kind"))


@st.cache_data(show_spinner=False)
def funnel(snapshot: str, fiscal_year: int, level: str, bureaus: tuple[str, ...]) -> pd.DataFrame:
    return _run(snapshot, metrics.funnel, fiscal_year, level, list(bureaus))


@st.cache_data(show_spinner=False)
def department_coverage(snapshot: str, fiscal_year: int, bureaus: tuple[str, ...]) -> pd.DataFrame:
    return _run(snapshot, metrics.department_coverage, fiscal_year, list(bureaus))


@st.cache_data(show_spinner=False)
def bureau_delivery(snapshot: str, fiscal_year: int) -> pd.DataFrame:
    return _run(snapshot, metrics.bureau_delivery, fiscal_year)


@st.cache_data(show_spinner=False)
def progression(snapshot: str) -> pd.DataFrame:
    return _run(snapshot, metrics.progression)


@st.cache_data(show_spinner=False)
def rule_checks(snapshot: str, fiscal_year: int, bureaus: tuple[str, ...]) -> pd.DataFrame:
    return _run(snapshot, metrics.rule_checks, fiscal_year, list(bureaus))


@st.cache_data(show_spinner=False)
def retention(snapshot: str) -> pd.DataFrame:
    return _run(snapshot, metrics.retention)


@st.cache_data(show_spinner=False)
def leavers(snapshot: str, fiscal_year: int, bureaus: tuple[str, ...]) -> pd.DataFrame:
    return _run(snapshot, metrics.leavers, fiscal_year, list(bureaus))


@st.cache_data(show_spinner=False)
def department_certifications(snapshot: str, fiscal_year: int, bureaus: tuple[str, ...]) -> pd.DataFrame:
    return _run(snapshot, metrics.department_certifications, fiscal_year, list(bureaus))


@st.cache_data(show_spinner=False)
def app_inventory(snapshot: str) -> pd.DataFrame:
    return _run(snapshot, metrics.app_inventory)


@st.cache_data(show_spinner=False)
def app_table(snapshot: str, fiscal_year: int, bureaus: tuple[str, ...]) -> pd.DataFrame:
    return _run(snapshot, metrics.app_table, fiscal_year, list(bureaus))


@st.cache_data(show_spinner=False)
def makers(snapshot: str) -> pd.DataFrame:
    return _run(snapshot, metrics.makers)


@st.cache_data(show_spinner=False)
def makers_by_bureau(snapshot: str, fiscal_year: int) -> pd.DataFrame:
    return _run(snapshot, metrics.makers_by_bureau, fiscal_year)


@st.cache_data(show_spinner=False)
def cleanup(snapshot: str, bureaus: tuple[str, ...]) -> pd.DataFrame:
    return _run(snapshot, metrics.cleanup, list(bureaus))


@st.cache_data(show_spinner=False)
def app_activity(snapshot: str) -> dict:
    return _run(snapshot, metrics.app_activity)


@st.cache_data(show_spinner=False)
def hours_by_dimension(
    snapshot: str, fiscal_year: int, bureaus: tuple[str, ...], dimension: str
) -> pd.DataFrame:
    return _run(snapshot, metrics.hours_by_dimension, fiscal_year, list(bureaus), dimension)


@st.cache_data(show_spinner=False)
def estimated_vs_realised(snapshot: str, fiscal_year: int) -> pd.DataFrame:
    return _run(snapshot, metrics.estimated_vs_realised, fiscal_year)


@st.cache_data(show_spinner=False)
def costs_by_bureau(snapshot: str, fiscal_year: int, bureaus: tuple[str, ...]) -> pd.DataFrame:
    return _run(snapshot, metrics.costs_by_bureau, fiscal_year, list(bureaus))


@st.cache_data(show_spinner=False)
def method(snapshot: str, fiscal_year: int) -> dict:
    return _run(snapshot, metrics.method, fiscal_year)


@st.cache_data(show_spinner=False)
def apps_missing_cost(snapshot: str, fiscal_year: int) -> pd.DataFrame:
    return _run(snapshot, metrics.apps_missing_cost, fiscal_year)


@st.cache_data(show_spinner=False)
def freshness_warnings(snapshot: str, today) -> list:
    return _run(snapshot, metrics.freshness_warnings, today)


@st.cache_data(show_spinner=False)
def orphans(snapshot: str) -> dict:
    return _run(snapshot, metrics.orphans)


@st.cache_data(show_spinner=False)
def gaps(snapshot: str) -> dict:
    return _run(snapshot, metrics.gaps)
