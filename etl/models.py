"""The SQL models (etl/sql): staging and marts, rebuilt as tables at the end of every load."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from etl import config, impact, settings
from etl.db import parameter_names, scalar, unordered
from etl.fiscal import cut_a_year_before, fiscal_year_end, today_in_japan
from etl.kinds import KINDS, raw_table

# Build order: a model reads only the raw tables and the models listed before it.
STAGING = (
    "stg_organizations",
    "stg_bureau_orders",
    "stg_staff",
    "stg_staff_addresses",
    "stg_certifications",
    "stg_nominations",
    "stg_training",
    "stg_assignments",
    "stg_apps",
    "stg_app_usage_monthly",
    "stg_app_usage_months",
    "stg_app_usage",
    "stg_elearning",
    "stg_elearning_users",
    "stg_projects",
    "stg_targets",
    "stg_fiscal_years",
)
MARTS = (
    "mart_dx_talent_people",  # the one definition of DX talent (Silver or Gold): the marts below count it
    "mart_kpis_by_fy",
    "mart_kpis_same_period",
    "mart_usage_monthly",
    "mart_certifications_by_bureau",
    "mart_data_freshness",
    "mart_programme_people",
    "mart_department_coverage",
    "mart_app_costs_by_fy",
    "mart_apps",
    "mart_projects",
    "mart_ideas",
    "mart_learners",
    "mart_learning_activity",
)


def fingerprint() -> str:
    """The models' SQL as this version of the code writes it. A snapshot whose models were built by
    other SQL (an earlier version, without a newer mart) is rebuilt before anyone reads it."""
    digest = hashlib.sha256()
    for path in sorted(config.SQL_DIR.glob("*.sql")):
        if not path.name.startswith("report_"):  # reports are read live, never stored
            text = path.read_bytes()
            digest.update(path.name.encode() + b"\0" + text + b"\0")
            # a rule a stored model binds is part of what built it: a changed value rebuilds it
            for name, rule_value in sorted(settings.sql_parameters(parameter_names(text.decode())).items()):
                digest.update(f"{name}={rule_value}\0".encode())
    # the stored event study: its panel's SQL and the code that estimates it
    for path in (config.SQL_DIR / "report_impact_panel.sql", Path(impact.__file__)):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def bound(sql: str, params: dict | None = None) -> dict | None:
    """`params` and the rules (etl/settings.py) that `sql` names, for con.execute; None when there are none."""
    out = {k: v for k, v in (params or {}).items() if f"${k}" in sql}
    out |= settings.sql_parameters(parameter_names(sql))
    return out or None


def sql_text(name: str) -> str:
    return (config.SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


@dataclass(frozen=True)
class AsOf:
    """How far the data reaches (contract 4.1): the latest event date loaded, never later than today."""

    as_of: date | None
    usage_as_of: date | None

    def complete(self, fiscal_year: int) -> bool:
        return self.as_of is None or self.as_of >= fiscal_year_end(fiscal_year)


def as_of(con: duckdb.DuckDBPyConnection, today: date | None = None) -> AsOf:
    row = con.execute(sql_text("report_as_of"), {"today": today or today_in_japan()}).fetchone()
    return AsOf(row[0], row[1])


def year_cuts(fiscal_years: list[int], reach: AsOf) -> dict:
    """Parameters of mart_kpis_by_fy for whole years: cumulative figures at the year's end, or at
    as_of in a year in progress; flows count every row of the year."""
    ends = [fiscal_year_end(fy) for fy in fiscal_years]
    stock = [end if reach.as_of is None else min(end, reach.as_of) for end in ends]
    return {"fiscal_years": list(fiscal_years), "stock_cuts": stock, "flow_cuts": ends, "usage_cuts": ends}


def same_period_cuts(fiscal_years: list[int], reach: AsOf) -> dict:
    """Parameters of mart_kpis_by_fy for the year before each of `fiscal_years`, cut at the same day
    (前年同期): usage at usage_as_of's day, every other figure at as_of's day."""
    cuts = [cut_a_year_before(fy, reach.as_of) for fy in fiscal_years]
    usage_day = reach.usage_as_of or reach.as_of
    usage = [cut_a_year_before(fy, usage_day) for fy in fiscal_years]
    return {
        "fiscal_years": [fy - 1 for fy in fiscal_years],
        "stock_cuts": cuts,
        "flow_cuts": cuts,
        "usage_cuts": usage,
    }


# Models that are views: row-level usage is never copied (it is the largest table by far); the figures
# read the monthly summary, kept incrementally, and its flagged copy (a table: small, read by every page).
VIEWS = ("stg_app_usage",)
# Models kept up to date incrementally: model -> the kind whose touched groups it recomputes.
INCREMENTAL = {"stg_app_usage_monthly": "app_usage"}


def _exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(scalar(con, "select count(*) from duckdb_tables() where table_name = ?", [table]))


def incremental_ready(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether every incremental model exists, so that a run gathers the groups its rows touch."""
    return all(_exists(con, name) for name in INCREMENTAL)


def touched_table(kind_name: str) -> str:
    """The temp table of the groups a run's rows touched, for an incremental model fed by a kind."""
    if kind_name not in KINDS:  # an allow-list: the name becomes part of a table name
        raise ValueError(kind_name)
    return f"_touched_{kind_name}"


def refresh_incremental(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Recomputes only the groups of `name` that this run's rows touched (temp table _touched_<kind>,
    written by the loader's upsert); builds it whole where it does not exist yet."""
    kind = KINDS[INCREMENTAL[name]]
    source, touched = raw_table(kind.name), touched_table(kind.name)
    if not _exists(con, name):
        con.execute(f"create or replace temp view usage_in_scope as select * from {source}")
        with unordered(con):  # a summary has no order of its own
            con.execute(f"create table {name} as {sql_text(name)}")
        con.execute("drop view usage_in_scope")
        return
    if not _exists(con, touched):
        return  # no rows of the kind were loaded: the model stands
    on = " and ".join(f'm."{k}" is not distinct from t."{k}"' for k in kind.refresh_groups)
    con.execute(f"create or replace temp table _groups as select distinct * from {touched}")
    con.execute(f"delete from {name} as m using _groups as t where {on}")
    on_source = " and ".join(
        f't."{k}" is not distinct from {expression}' for k, expression in kind.refresh_groups.items()
    )
    # the months touched bound the rows to read: DuckDB skips the row groups of other months unread
    raw_date, group_month = kind.refresh_months
    low, high = con.execute(
        f'select min("{group_month}"), last_day(max("{group_month}")) from _groups'
    ).fetchone()
    con.execute(
        f"""create or replace temp table usage_in_scope as
            select s.* from {source} as s semi join _groups as t on {on_source}
            where s."{raw_date}" between ? and ?""",
        [low, high],
    )
    con.execute(f"insert into {name} {sql_text(name)}")
    con.execute("drop table usage_in_scope")
    con.execute("drop table _groups")
    con.execute(f"drop table {touched}")


def build(con: duckdb.DuckDBPyConnection, today: date | None = None, estimate: bool = True) -> None:
    """Every model from the raw tables; with `estimate` False the event study is left empty, for
    `loader.estimate` to make once the figures are there (the first run)."""
    for statement in sql_text("macros").split(";"):
        if statement.strip():
            con.execute(statement)
    for name in STAGING:
        if name in VIEWS:
            if _exists(con, name):  # a table in a snapshot written by an earlier version
                con.execute(f"drop table {name}")
            con.execute(f"create or replace view {name} as {sql_text(name)}")
        elif name in INCREMENTAL:
            refresh_incremental(con, name)
        else:
            con.execute(f"create or replace table {name} as {sql_text(name)}")
    fiscal_years = [r[0] for r in con.execute("select fiscal_year from stg_fiscal_years").fetchall()]
    reach = as_of(con, today)
    in_progress = [fy for fy in fiscal_years if not reach.complete(fy)]
    params = {
        "mart_kpis_by_fy": year_cuts(fiscal_years, reach),
        "mart_kpis_same_period": same_period_cuts(in_progress, reach),
        "mart_app_costs_by_fy": year_cuts(fiscal_years, reach),
    }
    for name in MARTS:
        sql = sql_text(name if name != "mart_kpis_same_period" else "mart_kpis_by_fy")
        con.execute(f"create or replace table {name} as {sql}", bound(sql, params.get(name)))
    impact.build(con, reach.as_of if estimate else None)


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
