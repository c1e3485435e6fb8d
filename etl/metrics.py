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


def _report(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    return con.execute(sql_text(name), params or None).df()


def data_status(con: duckdb.DuckDBPyConnection) -> dict:
    """Which dataset is loaded (demo or office), the last load time and the latest date in the data."""
    row = _report(con, "report_data_status").iloc[0]
    latest = row["latest_date"]
    return {
        "dataset": row["dataset"],
        "last_load_at": row["last_load_at"],
        "latest_date": None if pd.isna(latest) else pd.Timestamp(latest).date(),
    }


def hours_by_month(con: duckdb.DuckDBPyConnection, bureaus: list[str]) -> pd.DataFrame:
    return _report(con, "report_hours_by_month", bureaus=bureaus)


def certifications_by_bureau(
    con: duckdb.DuckDBPyConnection, fiscal_year: int, bureaus: list[str]
) -> pd.DataFrame:
    frame = _report(con, "report_certifications_by_bureau", fiscal_year=fiscal_year, bureaus=bureaus)
    frame["per_100_staff"] = frame["certified"] / frame["staff"].where(frame["staff"] > 0) * 100
    return frame


def hours_by_bureau(con: duckdb.DuckDBPyConnection, fiscal_year: int, bureaus: list[str]) -> pd.DataFrame:
    return _report(con, "report_hours_by_bureau", fiscal_year=fiscal_year, bureaus=bureaus)


def quality_summary(con: duckdb.DuckDBPyConnection) -> dict:
    row = _report(con, "report_quality_summary").iloc[0]
    return {key: int(value) for key, value in row.items()}


def talent_projection(frame: pd.DataFrame, fiscal_year: int) -> dict | None:
    """Cumulative DX talent at the current pace against the target that covers `fiscal_year`
    (or, after it ended, the latest target before it).

    The pace is the average yearly increase over the years since the first Silver/Gold
    certification in which the number grew (a year in progress with none yet does not drag it down).
    """
    rows = frame[frame["fiscal_year"] <= fiscal_year].set_index("fiscal_year")
    with_target = rows[rows["dx_talent_target"].notna()]
    if with_target.empty or fiscal_year not in rows.index:
        return None
    target = float(with_target["dx_talent_target"].iloc[-1])
    target_end = int(with_target["dx_talent_target_to"].iloc[-1])
    current = int(rows.loc[fiscal_year, "dx_talent_cumulative"])
    increases = rows["dx_talent_cumulative"].diff().fillna(rows["dx_talent_cumulative"])
    pace = float(increases[increases > 0].mean()) if (increases > 0).any() else 0.0
    path, value, year = [], float(current), fiscal_year
    reached_in = int(rows[rows["dx_talent_cumulative"] >= target].index.min()) if current >= target else None
    while reached_in is None and pace > 0 and year < fiscal_year + 20:
        year += 1
        value += pace
        path.append((year, value))
        if value >= target:
            reached_in = year
    remaining = target_end - fiscal_year
    needed = (target - current) / remaining if remaining > 0 and current < target else None
    return {
        "target": target,
        "target_end": target_end,
        "current": current,
        "pace": pace,
        "reached_in": reached_in,
        "needed": needed,
        "path": path,
    }


def funnel(con: duckdb.DuckDBPyConnection, fiscal_year: int, level: str, bureaus: list[str]) -> pd.DataFrame:
    """Nominated -> trained -> submitted -> certified for one level and year, city-wide and by bureau.

    Each step counts people who also passed the steps before it. A step with no rows at all for the
    level and year (no Gold nominations, say) has no data: it is skipped, and `has_<step>` is false.
    """
    return _report(con, "report_funnel", fiscal_year=fiscal_year, level=level, bureaus=bureaus)


def department_coverage(con: duckdb.DuckDBPyConnection, fiscal_year: int, bureaus: list[str]) -> pd.DataFrame:
    return _report(con, "report_department_coverage", fiscal_year=fiscal_year, bureaus=bureaus)


def bureau_delivery(con: duckdb.DuckDBPyConnection, fiscal_year: int) -> pd.DataFrame:
    return _report(con, "report_bureau_delivery", fiscal_year=fiscal_year)


def progression(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return _report(con, "report_progression")


def rule_checks(con: duckdb.DuckDBPyConnection, fiscal_year: int, bureaus: list[str]) -> pd.DataFrame:
    return _report(con, "report_rule_checks", fiscal_year=fiscal_year, bureaus=bureaus)


def retention(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return _report(con, "report_retention")


def leavers(con: duckdb.DuckDBPyConnection, fiscal_year: int, bureaus: list[str]) -> pd.DataFrame:
    return _report(con, "report_leavers", fiscal_year=fiscal_year, bureaus=bureaus)


def department_certifications(
    con: duckdb.DuckDBPyConnection, fiscal_year: int, bureaus: list[str]
) -> pd.DataFrame:
    return _report(con, "report_department_certifications", fiscal_year=fiscal_year, bureaus=bureaus)
