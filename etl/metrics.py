"""Pure metric functions over the marts: the contract's figures as numbers and data frames."""

from __future__ import annotations

import duckdb
import pandas as pd

from etl.db import scalar
from etl.models import sql_text


def latest_fiscal_year(con: duckdb.DuckDBPyConnection) -> int | None:
    """The latest fiscal year that has data."""
    return scalar(con, "select max(fiscal_year) from stg_fiscal_years")


def fiscal_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    return [r[0] for r in con.execute("select fiscal_year from stg_fiscal_years order by 1").fetchall()]


def kpis_frame(con: duckdb.DuckDBPyConnection, years: list[int] | None = None) -> pd.DataFrame:
    """One row per fiscal year; years outside the loaded range are computed by the same model."""
    frame = con.execute("select * from mart_kpis_by_fy order by fiscal_year").df()
    if years is None:
        return frame
    missing = [y for y in years if y not in set(frame["fiscal_year"])]
    if missing:
        extra = con.execute(sql_text("mart_kpis_by_fy"), {"fiscal_years": missing}).df()
        frame = pd.concat([frame, extra], ignore_index=True)
    return frame[frame["fiscal_year"].isin(years)].sort_values("fiscal_year").reset_index(drop=True)


def _int(value) -> int:
    return 0 if value is None or pd.isna(value) else int(value)


def kpis(con: duckdb.DuckDBPyConnection, fiscal_year: int | None = None) -> dict:
    """The figures `python -m etl kpis --json` prints (contract section 5)."""
    if fiscal_year is None:
        fiscal_year = latest_fiscal_year(con)
    if fiscal_year is None:
        raise LookupError("no data")
    row = kpis_frame(con, [fiscal_year]).iloc[0]
    target = row["dx_talent_target"]
    return {
        "fiscal_year": int(fiscal_year),
        "certified": {
            "bronze": _int(row["certified_bronze"]),
            "silver": _int(row["certified_silver"]),
            "gold": _int(row["certified_gold"]),
        },
        "dx_talent_cumulative": _int(row["dx_talent_cumulative"]),
        "dx_talent_target": None if pd.isna(target) else float(target) if target % 1 else int(target),
        "hours_saved": float(row["hours_saved"]),
        "cost_avoided_cumulative_yen": _int(row["cost_avoided_cumulative_yen"]),
        "apps_in_operation": _int(row["apps_in_operation"]),
        "active_apps": _int(row["active_apps"]),
        "leader_coverage": {
            "departments_covered": _int(row["departments_covered"]),
            "departments_total": _int(row["departments_total"]),
        },
    }
