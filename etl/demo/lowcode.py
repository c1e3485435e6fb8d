"""The demo city's low-code apps and their monthly use, calibrated so that at scale 1 FY2024's hours saved
land near 85,000 and cost avoided through FY2024 near 10 billion yen."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from etl.demo.city import City, Programme
from etl.demo.words import APP_CATEGORIES, APP_TOPICS, FIRST_FY
from etl.fiscal import fiscal_year_end, fiscal_year_of

HOURS_TARGET_FY2024 = 85_000.0
COST_TARGET_THROUGH_FY2024 = 10_000_000_000.0


def apps(city: City, programme: Programme) -> pd.DataFrame:
    rng = city.rng
    # apps in the register at the end of each fiscal year (the tool reached every desk in FY2021)
    growth = {2021: 150, 2022: 600, 2023: 1200, 2024: 1900, 2025: 2500, 2026: 2900, 2027: 3300}
    rows = []
    previous = 0
    # an app's maker is on the roster of the year it was made (a maker drawn from every year's roster made
    # a fifth of each year's apps by people who had left: "no known bureau" was the largest bureau of makers);
    # plain arrays: drawing from pandas' string array converts it to one at every draw
    makers = {fy: np.asarray(roster["staff_id"], dtype=object) for fy, roster in city.rosters.items()}
    for fy in city.fiscal_years:
        count = int(round((growth.get(fy, previous + 400) - previous) * city.scale))
        previous = growth.get(fy, previous + 400)
        for _ in range(count):
            created = city.random_day(city.fy_date(fy, 4, 1), city.fy_date(fy, 3, 31))
            maker = rng.choice(makers[fiscal_year_of(created)]) if rng.random() < 0.92 else None
            rows.append(dict(created=created, creator=maker))
    for project in programme.implemented:
        rows.append(
            dict(
                created=project["implemented"] - timedelta(days=10),
                creator=project["creator"],
                project=project,
            )
        )
    frame = pd.DataFrame(rows).sort_values("created", kind="stable").reset_index(drop=True)
    n = len(frame)
    frame["app_id"] = [f"APP-{i + 1:05d}" for i in range(n)]
    for project_id, app_id in zip(frame.get("project", pd.Series([None] * n)), frame["app_id"], strict=False):
        if isinstance(project_id, dict):
            project_id["app_id"] = app_id
    roster_of = {fy: dict(zip(r["staff_id"], r["dept_code"], strict=False)) for fy, r in city.rosters.items()}
    dept_codes = city.departments["dept_code"].to_numpy()  # once, not per app
    frame["owner_dept_code"] = [
        roster_of[fiscal_year_of(c)].get(s) or rng.choice(dept_codes)
        for c, s in zip(frame["created"], frame["creator"], strict=False)
    ]
    projects = frame["project"] if "project" in frame else pd.Series([None] * n)
    frame["app_name"] = [
        f"{p['theme']}アプリ" if isinstance(p, dict) else f"{rng.choice(APP_TOPICS)}アプリ" for p in projects
    ]
    frame["category"] = rng.choice(APP_CATEGORIES, size=n)
    release_lag = rng.integers(7, 60, size=n)
    frame["released"] = [
        None if rng.random() < 0.15 else c + timedelta(days=int(lag))
        for c, lag in zip(frame["created"], release_lag, strict=False)
    ]
    frame["released"] = [r if r is None or r <= city.last_day else None for r in frame["released"]]
    start = [r or c for r, c in zip(frame["released"], frame["created"], strict=False)]
    frame["start"] = start
    frame["retired"] = [
        s + timedelta(days=int(rng.integers(200, 1200))) if rng.random() < 0.12 else None for s in start
    ]
    frame["retired"] = [r if r is not None and r <= city.last_day else None for r in frame["retired"]]
    frame["minutes"] = np.clip(np.round(rng.lognormal(2.3, 0.6, size=n)), 2, 120)
    frame["initial"] = rng.lognormal(np.log(2_800_000), 0.5, size=n)
    frame["running"] = rng.lognormal(np.log(450_000), 0.5, size=n)
    frame["maintenance"] = rng.lognormal(np.log(300_000), 0.5, size=n)
    frame.loc[rng.random(n) < 0.06, "maintenance"] = np.nan  # some apps have no maintenance estimate
    # scale the outsourcing estimates so that cost avoided through FY2024 lands near 10 billion yen,
    # measured by the contract's own formula (the app_costs macro the marts use)
    through_fy2024 = cost_avoided_through(frame, 2024)
    if through_fy2024 > 0:
        factor = COST_TARGET_THROUGH_FY2024 * city.scale / through_fy2024
        for column in ("initial", "running", "maintenance"):
            frame[column] = (frame[column] * factor / 1000).round() * 1000
    return _programme_effect(city, programme, frame, roster_of)


# Of the apps made outside the seminar, the share whose maker was certified Silver or Gold in the 365 days
# before, and the share whose maker is certified in the 90 days after (people already keen: a small
# pre-trend). Certified people so start building more often in the year after certification than their
# colleagues, the effect the Impact page looks for (contract 4.3).
AFTER_CERTIFICATION = 0.08
BEFORE_CERTIFICATION = 0.012


def _programme_effect(city: City, programme: Programme, frame: pd.DataFrame, roster_of: dict) -> pd.DataFrame:
    """Gives some apps a recently certified maker. A stream of its own draws them, after every other draw
    of the city's, so that the apps, their dates, uses and costs (the headline figures) stay as they are."""
    rng = np.random.default_rng(city.rng.bit_generator.seed_seq.spawn(1)[0])
    first: dict[str, date] = {}
    for row in programme.certifications:
        if row["level"] in ("silver", "gold"):
            first[row["staff_id"]] = min(row["day"], first.get(row["staff_id"], row["day"]))
    people = np.array(list(first))
    days = np.array([d.toordinal() for d in first.values()])
    projects = frame["project"] if "project" in frame else pd.Series(None, index=frame.index)
    for index in frame.index[
        frame["creator"].notna() & projects.isna()
    ]:  # a seminar app keeps its team's maker
        created = frame.at[index, "created"].toordinal()
        draw = rng.random()
        if draw < AFTER_CERTIFICATION:
            window = (days >= created - 365) & (days <= created - 1)
        elif draw < AFTER_CERTIFICATION + BEFORE_CERTIFICATION:
            window = (days >= created + 1) & (days <= created + 90)
        else:
            continue
        on_roster = roster_of.get(fiscal_year_of(frame.at[index, "created"]), {})
        candidates = [person for person in people[window] if person in on_roster]
        if candidates:
            maker = candidates[int(rng.integers(len(candidates)))]
            frame.at[index, "creator"] = maker
            frame.at[index, "owner_dept_code"] = on_roster[maker]
    return frame


def usage(city: City, apps: pd.DataFrame) -> pd.DataFrame:
    """Uses per app per month; about a quarter of apps are built and then hardly used."""
    rng = city.rng
    months = pd.date_range(date(FIRST_FY, 4, 1), city.last_day, freq="MS").date
    n = len(apps)
    base = rng.lognormal(3.2, 1.1, size=n) * (rng.random(n) > 0.25)
    starts = apps["start"].to_numpy()
    retired = apps["retired"].to_numpy()
    month_first = np.array([m.toordinal() for m in months])
    month_last = np.array([(pd.Timestamp(m) + pd.offsets.MonthEnd(0)).date().toordinal() for m in months])
    start_day = np.array([d.toordinal() for d in starts])
    retired_day = np.array([d.toordinal() if d is not None else 10**9 for d in retired])
    in_operation = (start_day[:, None] <= month_last[None, :]) & (retired_day[:, None] > month_first[None, :])
    app_index, month_index = np.nonzero(in_operation)
    seasonal = 1 + 0.25 * np.sin(np.array([m.month for m in months]) / 12 * 2 * np.pi)[month_index]
    growth = np.array([1 + 0.04 * (m.year - FIRST_FY) for m in months])[month_index]
    # the month the data ends in, where it ends before the month does (April's first days), counts its
    # days so far
    passed = np.minimum(month_last, city.last_day.toordinal()) - month_first + 1
    so_far = (passed / (month_last - month_first + 1))[month_index]
    rate = base[app_index] * seasonal * growth * so_far
    fy2024 = np.array([fiscal_year_of(m) == 2024 for m in months])[month_index]
    hours = (rate * apps["minutes"].to_numpy()[app_index] / 60)[fy2024].sum()
    if hours > 0:
        rate *= HOURS_TARGET_FY2024 * city.scale / hours
    # a seminar app saves about what its idea estimated, some less and some more; drawn from a generator
    # of its own, so that the city's other numbers stay as they were
    own = np.random.default_rng(n)
    minutes = apps["minutes"].to_numpy()
    for index, project in enumerate(apps.get("project", [])):
        if isinstance(project, dict) and project.get("est_hours"):
            rows = app_index == index
            per_month = project["est_hours"] * 60 / minutes[index] / 12 * own.lognormal(-0.3, 0.5)
            rate[rows] = per_month * seasonal[rows] / seasonal[rows].mean() * so_far[rows]
    uses = rng.poisson(rate)
    return pd.DataFrame(
        {"app_id": apps["app_id"].to_numpy()[app_index], "month": months[month_index], "uses": uses}
    ).query("uses > 0")


def cost_avoided_through(apps: pd.DataFrame, fiscal_year: int) -> float:
    """The contract's cost avoided of the generated apps to the end of a fiscal year, computed by the
    same SQL macro as the dashboard's figures (in a throw-away in-memory database)."""
    import duckdb

    from etl.models import sql_text

    con = duckdb.connect()
    try:
        for statement in sql_text("macros").split(";"):
            if statement.strip():
                con.execute(statement)
        stg_apps = pd.DataFrame(
            {
                "app_id": apps["app_id"],
                "start_on": pd.to_datetime(apps["start"]),
                "retired_on": pd.to_datetime(apps["retired"]),
                "initial_cost_yen": apps["initial"],
                "annual_running_cost_yen": apps["running"],
                "annual_maintenance_cost_yen": apps["maintenance"],
            }
        )
        con.register("stg_apps", stg_apps)
        total = con.execute(
            """select sum(coalesce(cost_initial_yen, 0) + coalesce(cost_running_yen, 0)
                          + coalesce(cost_maintenance_yen, 0))
               from app_costs([?], [?])""",
            [fiscal_year, fiscal_year_end(fiscal_year)],
        ).fetchone()[0]
        return float(total or 0)
    finally:
        con.close()
