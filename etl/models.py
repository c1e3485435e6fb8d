"""The SQL models (etl/sql): staging and marts, rebuilt as tables at the end of every load."""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl import config
from etl.db import scalar

# Build order: a model reads only the raw tables and the models listed before it.
STAGING = (
    "stg_organizations",
    "stg_staff",
    "stg_certifications",
    "stg_nominations",
    "stg_training",
    "stg_assignments",
    "stg_apps",
    "stg_app_usage",
    "stg_elearning",
    "stg_projects",
    "stg_targets",
    "stg_fiscal_years",
)
MARTS = (
    "mart_kpis_by_fy",
    "mart_usage_monthly",
    "mart_certifications_by_bureau",
    "mart_data_freshness",
    "mart_programme_people",
    "mart_department_coverage",
    "mart_dx_talent_people",
    "mart_app_costs_by_fy",
    "mart_apps",
)


def sql_text(name: str) -> str:
    return (config.SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def build(con: duckdb.DuckDBPyConnection) -> None:
    for statement in sql_text("macros").split(";"):
        if statement.strip():
            con.execute(statement)
    for name in STAGING:
        con.execute(f"create or replace table {name} as {sql_text(name)}")
    fiscal_years = [r[0] for r in con.execute("select fiscal_year from stg_fiscal_years").fetchall()]
    for name in MARTS:
        sql = sql_text(name)
        params = {"fiscal_years": fiscal_years} if "$fiscal_years" in sql else None
        con.execute(f"create or replace table {name} as {sql}", params)


def data_tests() -> list[Path]:
    return sorted((config.SQL_DIR / "tests").glob("*.sql"))


def run_data_tests(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Each data test is a query that must return no rows; returns {test: rows returned} for failures."""
    failures = {}
    for path in data_tests():
        rows = scalar(con, f"select count(*) from ({path.read_text(encoding='utf-8')})")
        if rows:
            failures[path.stem] = rows
    return failures
