"""The dashboard's data layer: one cached read-only connection per snapshot, cached aggregates.

A load in another process switches the database path to a new snapshot file; the next interaction
sees a new snapshot id, so caches and the connection follow without a restart or a lock error.
A page asks for a report by name with its parameters (`report`); named functions remain only where
Python adds something to the SQL (the contract's figures, the status line, the warnings).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date

import duckdb
import numpy as np
import pandas as pd
import streamlit as st

from etl import config, metrics, models, plans, reports, schema, settings
from etl import impact as event_studies
from etl.fiscal import today_in_japan
from etl.reports import ReportName
from presentation import privacy


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


def rules() -> tuple[tuple[str, int], ...]:
    """The business rules in force (etl/settings.py), as a cache key: a report, a deck or its files made
    under other values is not the one the office now asks for (its words already say the new value)."""
    return tuple(sorted(settings.load().values.items()))


def report(snapshot: str, name: ReportName, **params) -> pd.DataFrame:
    """Report `name` (etl/sql/<name>.sql) with its parameters, cached per snapshot and rules in force."""
    return _report(snapshot, name, rules(), **params)


@st.cache_data(show_spinner=False)
def _report(snapshot: str, name: ReportName, rules_in_force: tuple, **params) -> pd.DataFrame:
    # `rules_in_force` keys the cache only: reports.run binds the rules from the settings file itself
    with cursor(snapshot) as con:
        return reports.run(con, name, **params)


@st.cache_data(show_spinner=False)
def _meta(snapshot: str, key: str) -> str | None:
    """One entry of the snapshot's meta table: asked once per snapshot, on its shared connection, not on
    every rerun of every page (None without one, or without a meta table: an older version's)."""
    with cursor(snapshot) as con:
        try:
            return schema.meta(con, key)
        except duckdb.Error:
            return None


def models_current(snapshot: str) -> bool:
    """Whether the snapshot's models were built by this version's SQL."""
    return _meta(snapshot, "models") == models.fingerprint()


def report_row(snapshot: str, name: ReportName, **params) -> dict:
    """A one-row report as a dict (missing values as None)."""
    return reports.first_row(report(snapshot, name, **params))


def kpis_frame(snapshot: str) -> pd.DataFrame:
    # a year in progress is cut at as_of, which is never later than today: today is part of the key
    return _kpis_frame(snapshot, today_in_japan())


@st.cache_data(show_spinner=False)
def _kpis_frame(snapshot: str, today: date) -> pd.DataFrame:
    with cursor(snapshot) as con:
        return metrics.kpis_frame(con, None, today)


def impact(snapshot: str, fiscal_year: int) -> dict:
    """Programme impact (contract 4.3, `python -m etl impact`) of the cohorts up to a fiscal year."""
    return _impact(snapshot, fiscal_year, today_in_japan())


@st.cache_data(show_spinner=False)
def _impact(snapshot: str, fiscal_year: int, today: date) -> dict:
    with cursor(snapshot) as con:
        return metrics.impact(con, fiscal_year, today)


def planner(snapshot: str, fiscal_year: int, inputs: tuple[int | None, int | None]) -> dict:
    """Next year's programme (metrics.planner) for (Silver nominations, Gold places); None: the year's own."""
    return _planner(snapshot, fiscal_year, inputs, today_in_japan(), plans.load_bands()[0])


@st.cache_data(show_spinner=False, max_entries=64)
def _planner(snapshot: str, fiscal_year: int, inputs: tuple, today: date, bands: tuple) -> dict:
    # the bands key the cache only: the kpis the target line reads grade with the settings file
    with cursor(snapshot) as con:
        return metrics.planner(con, fiscal_year, today, *inputs)


def estimation_pending(snapshot: str) -> bool:
    """Whether the snapshot's event study is still being made (the first run draws the overview first)."""
    return _meta(snapshot, schema.EVENT_STUDY) == schema.PENDING


@st.cache_data(show_spinner=False)
def event_study(snapshot: str) -> pd.DataFrame:
    """The Impact page's event study, as the last load estimated it (etl/impact.py)."""
    with cursor(snapshot) as con:
        return event_studies.stored(con)


def kpis(snapshot: str, fiscal_year: int) -> dict | None:
    """The contract's figures of a fiscal year (`python -m etl kpis`), None for a year without data."""
    # the grade bands of the settings file are part of the key: an edited file grades afresh
    return _kpis(snapshot, fiscal_year, today_in_japan(), plans.load_bands()[0])


@st.cache_data(show_spinner=False)
def _kpis(snapshot: str, fiscal_year: int, today: date, bands: tuple[plans.Band, ...]) -> dict | None:
    if fiscal_year not in fiscal_years(snapshot):
        return None
    with cursor(snapshot) as con:
        return metrics.kpis(con, fiscal_year, today, bands)


@st.cache_data(show_spinner=False)
def fiscal_years(snapshot: str) -> list[int]:
    with cursor(snapshot) as con:
        return metrics.fiscal_years(con)


@st.cache_data(show_spinner=False)
def report_as_seen(
    snapshot: str,
    name: ReportName,
    bureaus: tuple[str, ...] | list[str],
    people: bool = False,
    hidden_elsewhere: frozenset[tuple] = frozenset(),
    **params,
) -> pd.DataFrame:
    """Report `name` for the chosen bureaus as the role reads it. A role that sees people gets it as it
    is. For any other, the city's rows hide their small counts (privacy.for_viewer), and a bureau's rows
    are those of the report run for every bureau alone, hidden where small on all of them at once
    (privacy.cube_hidden, by the report's rules in privacy.CUBES); `hidden_elsewhere` holds (bureau,
    *key) rows another view hides already."""
    if people:
        return report(snapshot, name, bureaus=list(bureaus), **params)
    cube = privacy.CUBES[name]
    keys, columns = list(cube.keys), list(cube.columns)
    city = report(snapshot, name, bureaus=[], **params)
    seen = privacy.for_viewer(city, columns, cube.dependents, within=cube.within)
    if not bureaus:
        return seen
    if len(bureaus) > 1:  # the sidebar offers such a role one bureau: a sum over several would undo the cube
        return seen.iloc[0:0]
    hidden_keys = frozenset(
        tuple(row)
        for row in city.loc[privacy.hidden_cells(seen, city, columns[0]), keys].itertuples(index=False)
    )
    every = report_by_bureau(snapshot, name, **params)
    forced = np.array(
        [tuple(row) in hidden_elsewhere for row in every[["bureau_name", *keys]].itertuples(index=False)],
        dtype=bool,
    )
    shown = privacy.bureau_for_viewer(
        every,
        bureaus[0],
        keys,
        columns,
        cube.dependents,
        additive=cube.additive,
        additive_by=cube.additive_by,
        within=cube.within,
        hidden_keys=hidden_keys,
        forced=forced,
    )
    return shown.drop(columns="bureau_name")


def hidden_by_year(
    snapshot: str,
    years,
    table: ReportName,
    seen: Callable[[pd.DataFrame], pd.DataFrame],
    column: str,
    **params,
) -> frozenset[tuple]:
    """The (bureau, year) rows that a by-bureau `table` of each of `years`, as `seen` shows it to the role,
    hides: `report_as_seen`'s hidden_elsewhere, so that a bureau's own cards never show them."""
    hidden = set()
    for year in years:
        every = report(snapshot, table, fiscal_year=int(year), **params)
        gone = privacy.hidden_cells(seen(every), every, column)
        hidden |= {(bureau, year) for bureau in every.loc[gone, "bureau_name"]}
    return frozenset(hidden)


def report_by_bureau(snapshot: str, name: ReportName, **params) -> pd.DataFrame:
    """Report `name` run for each bureau alone, as one frame with `bureau_name` (each run cached)."""
    frames = [
        report(snapshot, name, bureaus=[bureau], **params).assign(bureau_name=bureau)
        for bureau in bureaus(snapshot)
    ]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["bureau_name"])


def bureaus(snapshot: str) -> list[str]:
    """Bureaus in their fixed display order (bureau code, then name)."""
    return report(snapshot, "report_bureaus")["bureau_name"].tolist()


@st.cache_data(show_spinner=False)
def status(snapshot: str) -> dict:
    """Dataset (demo or office), last load time and the latest date in the data."""
    with cursor(snapshot) as con:
        return metrics.data_status(con)


@st.cache_data(show_spinner=False)
def freshness_warnings(snapshot: str, today: date) -> list:
    with cursor(snapshot) as con:
        return metrics.freshness_warnings(con, today)


def _deck_choice(
    snapshot: str,
    fiscal_year: int,
    lang: str,
    bureau: str | None,
    planned: tuple = (None, None),
    hide_small: bool = False,
) -> tuple:
    """Which deck: a snapshot's fiscal year in a language, city-wide or for a bureau; `planned` is the
    Impact page's planner (Silver nominations, Gold places); `hide_small` for a role that sees
    aggregates only."""
    return (snapshot, fiscal_year, lang, bureau, planned, hide_small)


def briefing_deck(*choice):
    """The briefing's slides (briefing.content) of a `_deck_choice`, cached per snapshot and day like the
    kpis."""
    return _briefing_deck(_deck_choice(*choice), today_in_japan(), (plans.load_bands()[0], rules()))


@st.cache_data(show_spinner=False, max_entries=16)
def _briefing_deck(choice: tuple, today: date, settings_in_force):
    # the bands and rules key the cache only: the deck grades and cuts with the settings file, as the pages do
    from briefing import content

    snapshot, fiscal_year, lang, bureau, planned, hide_small = choice
    with cursor(snapshot) as con:
        return content.gather(con, fiscal_year, lang, bureau, today, planned, hide_small)


def briefing_files(*choice) -> tuple[bytes, bytes]:
    """The PowerPoint and PDF of a `_deck_choice`, made once for everyone who asks for the same deck (a
    person who clicks again, or six people at once, wait for the one print) and kept for the last few."""
    return _briefing_files(_deck_choice(*choice), today_in_japan(), (plans.load_bands()[0], rules()))


@st.cache_data(show_spinner=False, max_entries=4)
def _briefing_files(choice: tuple, today: date, settings_in_force) -> tuple[bytes, bytes]:
    from briefing import pdf, slides

    deck = _briefing_deck(choice, today, settings_in_force)
    return slides.write(deck), pdf.write(deck)
