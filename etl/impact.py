"""The Impact page's event study (issue 21): how the certified moved against the not yet certified, month by
month from 12 months before their certification to 24 after, for two outcomes: the share who have built
their first app, and the hours saved a month by the apps they created.

Certification is staggered (a cohort a year, some people earlier or later), so a plain two-way fixed-
effects regression would compare the late certified with the already certified and mix the effects of
different months. The estimator is Callaway and Sant'Anna's (2021) group-time ATT, as the `diff-diff`
library implements it: each certification month's people against those not yet certified in the same
calendar months (never-certified staff and those certified later), aggregated by months since
certification; pointwise 95% intervals from the estimator's influence function (analytical, no bootstrap:
the same figures on every build). The pre-period estimates are against the month before certification
(a universal base), so a reader sees whether the groups moved together before. Why this library, and what
the figures can and cannot show: docs/decisions.md.

The estimates are computed at the end of every load (etl/models.build) and stored as the table
impact_event_study, since they take a second or more on a city's panel: the page only reads them.
"""

from __future__ import annotations

import warnings
from datetime import date
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:  # imported where a frame is made: a load with no one certified never needs pandas
    import pandas as pd

# months since certification shown: a year before, two years after
FIRST_EVENT_MONTH = -12
LAST_EVENT_MONTH = 24
# the panel's outcome column -> the outcome's name in the stored table
OUTCOMES = {"has_built": "built_share", "hours_saved": "hours_per_person"}
COLUMNS = {
    "outcome": "varchar",
    "event_month": "integer",  # null: the overall estimate after certification
    "estimate": "double",
    "std_error": "double",
    "lower": "double",
    "upper": "double",
    "people": "bigint",  # certified people observed at that month since certification
    "cohorts": "bigint",  # certification months among them
}
TABLE = "impact_event_study"


def event_study(panel: pd.DataFrame, outcome: str) -> pd.DataFrame:
    """Callaway-Sant'Anna estimates of `outcome` by months since certification, and the overall
    after-certification estimate (event_month None), from a panel of staff_id, period (whole months from
    1), first_period (the certification month's period; 0: not certified) and the outcome. Empty when
    the panel cannot identify any effect (no certified people with a month before, or no one to compare)."""
    import pandas as pd
    from diff_diff import CallawaySantAnna  # imported here: only a load or a test needs it

    data = panel[["staff_id", "period", "first_period", outcome]].copy()
    data[outcome] = data[outcome].astype(float)
    # a group certified in the panel's first month has no month before: nothing to compare it from
    data = data[data["first_period"] != 1]
    treated = data.loc[data["first_period"] > 0, ["staff_id", "first_period"]].drop_duplicates()
    if treated.empty or data.loc[data["first_period"] == 0, "staff_id"].nunique() == 0:
        return pd.DataFrame(columns=list(COLUMNS)).astype(_pandas_types())
    estimator = CallawaySantAnna(
        control_group="not_yet_treated", estimation_method="reg", base_period="universal", cband=False
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the library's notes on small cells: the intervals say it
        fitted = estimator.fit(data, outcome, "staff_id", "period", "first_period")
        by_month = fitted.aggregate("event_study").to_dataframe()
    by_month = by_month[
        (by_month["event_time"] >= FIRST_EVENT_MONTH) & (by_month["event_time"] <= LAST_EVENT_MONTH)
    ]
    last_period = int(data["period"].max())
    sizes = treated.groupby("first_period").size()
    people = {
        month: int(sum(n for g, n in sizes.items() if 1 <= g + month <= last_period))
        for month in by_month["event_time"]
    }
    rows = pd.DataFrame(
        {
            "outcome": OUTCOMES.get(outcome, outcome),
            "event_month": by_month["event_time"].astype("Int64"),
            "estimate": by_month["att"],
            "std_error": by_month["se"],
            "lower": by_month["conf_int_lower"],
            "upper": by_month["conf_int_upper"],
            "people": by_month["event_time"].map(people).astype("Int64"),
            "cohorts": by_month["event_time"].map(
                lambda m: sum(1 for g in sizes.index if 1 <= g + m <= last_period)
            ),
        }
    )
    # the reference month (-1) is zero by construction and has no interval: it stays, as the base
    low, high = fitted.overall_conf_int
    overall = pd.DataFrame(
        {
            "outcome": [OUTCOMES.get(outcome, outcome)],
            "event_month": pd.array([None], dtype="Int64"),
            "estimate": [fitted.overall_att],
            "std_error": [fitted.overall_se],
            "lower": [low],
            "upper": [high],
            "people": pd.array([len(treated)], dtype="Int64"),
            "cohorts": [len(sizes)],
        }
    )
    return pd.concat([rows, overall], ignore_index=True).astype(_pandas_types())


def _pandas_types() -> dict:
    return {
        "outcome": "object",
        "event_month": "Int64",
        "estimate": "float64",
        "std_error": "float64",
        "lower": "float64",
        "upper": "float64",
        "people": "Int64",
        "cohorts": "int64",
    }


def build(con: duckdb.DuckDBPyConnection, as_of: date | None) -> None:
    """(Re)creates impact_event_study from the loaded data as of `as_of` (empty with no data)."""
    columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS.items())
    con.execute(f"create or replace table {TABLE} ({columns})")
    if as_of is None:
        return
    # no one certified: the panel has no months (report_impact_panel's bounds), so nothing to estimate
    certified = "select exists (select 1 from mart_dx_talent_people where first_on is not null)"
    if not con.execute(certified).fetchone()[0]:
        return
    import pandas as pd

    from etl import reports  # reports reads the SQL folder; imported late like the estimator

    panel = reports.run(con, "report_impact_panel", as_of=as_of)
    if panel.empty:
        return
    estimates = pd.concat([event_study(panel, outcome) for outcome in OUTCOMES], ignore_index=True)
    if not estimates.empty:
        con.register("_impact_estimates", estimates)
        con.execute(f"insert into {TABLE} select {', '.join(COLUMNS)} from _impact_estimates")
        con.unregister("_impact_estimates")


def stored(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The estimates the last load stored, in outcome and month order (the overall estimate last)."""
    return con.execute(f"select * from {TABLE} order by outcome, event_month nulls last").df()
