"""Report queries (etl/sql/report_*.sql) by name, with their parameters bound and checked."""

from __future__ import annotations

import functools
from typing import Literal, get_args

import duckdb
import pandas as pd

from etl import config, settings
from etl.db import parameter_names

# Every report file, so that a misspelt name is caught by a type checker and by `run`.
ReportName = Literal[
    "report_app_activity",
    "report_app_inventory",
    "report_app_table",
    "report_apps_missing_cost",
    "report_as_of",
    "report_bureau_delivery",
    "report_bureaus",
    "report_certifications_by_bureau",
    "report_cleanup",
    "report_costs_by_bureau",
    "report_data_freshness",
    "report_data_status",
    "report_department_certifications",
    "report_department_coverage",
    "report_elearning_funnel",
    "report_estimated_vs_realised",
    "report_funnel",
    "report_hours_by_bureau",
    "report_hours_by_dimension",
    "report_hours_by_month",
    "report_idea_backlog",
    "report_idea_funnel",
    "report_idea_to_live",
    "report_ideas_by_bureau",
    "report_ideas_by_category",
    "report_ideas_by_year",
    "report_impact_builders",
    "report_impact_cohorts",
    "report_impact_panel",
    "report_impact_rates",
    "report_impact_year",
    "report_learning_by_bureau",
    "report_learning_by_month",
    "report_learning_by_year",
    "report_learning_courses",
    "report_learning_outcomes",
    "report_leavers",
    "report_load_history",
    "report_new_managers",
    "report_makers",
    "report_makers_by_bureau",
    "report_method",
    "report_orphan_certifications",
    "report_orphan_elearning",
    "report_orphan_nominations",
    "report_orphan_usage",
    "report_programme_method",
    "report_progression",
    "report_project_board",
    "report_quality_summary",
    "report_quarantine",
    "report_retention",
    "report_roster_unknown_departments",
    "report_rows_by_kind",
    "report_rule_checks",
    "report_seminar_by_year",
    "report_seminar_teams",
    "report_usage_gaps",
]
REPORTS: tuple[str, ...] = get_args(ReportName)

# What a breakdown calls its rows of no known group (a department missing from the roster), and its
# city-wide row: the SQL macros unknown_group() and all_groups() return the same words.
UNKNOWN = "__unknown__"
ALL = "__all__"

# Parameters that choose among a few values: checked before DuckDB sees them.
CHOICES: dict[str, tuple[str, ...]] = {
    "level": ("bronze", "silver", "gold"),
    "dimension": ("dept", "category"),
    "lang": ("ja", "en"),
}


@functools.cache
def _query(name: str) -> tuple[str, frozenset[str]]:
    """A report's SQL and the names of its parameters ($name), read once."""
    text = (config.SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    return text, frozenset(parameter_names(text))


def parameters(name: ReportName) -> frozenset[str]:
    """What a caller gives report `name`: the parameters its SQL names, but the rules (etl/settings.py),
    which `run` binds itself with their values in force."""
    return _query(name)[1] - settings.BY_NAME.keys()


def run(con: duckdb.DuckDBPyConnection, name: ReportName, **params) -> pd.DataFrame:
    """Runs report `name` with exactly the parameters its SQL names (bureaus as a list of names)."""
    if name not in REPORTS:
        raise ValueError(f"unknown report: {name}")
    sql, named = _query(name)
    expected = parameters(name)
    if set(params) != expected:
        raise TypeError(f"{name} takes {sorted(expected)}, not {sorted(params)}")
    for key, allowed in CHOICES.items():
        if key in params and params[key] not in allowed:
            raise ValueError(f"{key} must be one of {allowed}, not {params[key]!r}")
    bound = {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}
    bound |= settings.sql_parameters(named)
    return con.execute(sql, bound or None).df()


def first_row(frame: pd.DataFrame) -> dict:
    """A one-row report as a dict, with missing values as None."""
    return {key: (None if pd.isna(value) else value) for key, value in frame.iloc[0].items()}
