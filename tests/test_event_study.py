"""The Impact page's event study (etl/impact.py): Callaway-Sant'Anna's estimator through the wrapper the
load uses, on simulated panels whose answer is known, and the panel it is given, on the tiny city of
test_impact.py."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from etl import impact, reports
from tests.test_impact import city  # noqa: F401  (the fixture)

PERIODS = 40
GROUPS = (0, 13, 19, 25)  # certification periods; 0: never certified


def simulated(effect, seed: int, people: int = 2400) -> pd.DataFrame:
    """A staggered panel: y = person + month + effect(months since certification) + noise (sd 1), with
    parallel trends by construction; `effect` maps months since certification (>= 0) to the true effect."""
    rng = np.random.default_rng(seed)
    staff = np.repeat(np.arange(people), PERIODS)
    period = np.tile(np.arange(1, PERIODS + 1), people)
    group = np.repeat(rng.choice(GROUPS, size=people, p=(0.4, 0.2, 0.2, 0.2)), PERIODS)
    person_level = np.repeat(rng.normal(0, 2, people), PERIODS)
    month_level = np.sin(period / 5.0) + period * 0.05  # a common trend the estimator must remove
    since = period - group
    treated = (group > 0) & (since >= 0)
    true = np.where(treated, np.vectorize(effect)(np.maximum(since, 0)), 0.0)
    y = person_level + month_level + true + rng.normal(0, 1, people * PERIODS)
    return pd.DataFrame({"staff_id": staff.astype(str), "period": period, "first_period": group, "y": y})


def by_month(estimates: pd.DataFrame) -> pd.DataFrame:
    return estimates.dropna(subset=["event_month"]).set_index("event_month")


def test_a_constant_known_effect_is_recovered_within_its_interval():
    estimates = impact.event_study(simulated(lambda _: 0.5, seed=1), "y")
    overall = estimates[estimates["event_month"].isna()].iloc[0]
    assert overall["lower"] < 0.5 < overall["upper"]
    assert overall["lower"] > 0  # and it is told apart from no effect
    after = by_month(estimates).loc[0:]
    covered = ((after["lower"] < 0.5) & (after["upper"] > 0.5)).mean()
    assert covered >= 0.85  # 95% pointwise intervals: about one month in twenty may miss
    assert after["estimate"].mean() == pytest.approx(0.5, abs=0.05)


def test_an_effect_that_grows_with_time_is_placed_at_the_right_month():
    # 0.1 more a month since certification: an off-by-one month would miss by 0.1 everywhere
    estimates = by_month(impact.event_study(simulated(lambda m: 0.1 * (m + 1), seed=2), "y"))
    for month in (0, 6, 12):
        row = estimates.loc[month]
        assert row["lower"] < 0.1 * (month + 1) < row["upper"], month
    assert estimates.loc[12, "estimate"] > estimates.loc[0, "estimate"] + 0.8


def test_no_effect_shows_none_before_or_after():
    estimates = impact.event_study(simulated(lambda _: 0.0, seed=3), "y")
    overall = estimates[estimates["event_month"].isna()].iloc[0]
    assert overall["lower"] < 0 < overall["upper"]
    months = by_month(estimates).drop(index=-1)  # the reference month is zero by construction
    assert ((months["lower"] < 0) & (months["upper"] > 0)).mean() >= 0.85


def test_the_window_is_a_year_before_to_two_years_after_with_the_people_behind_each_month():
    estimates = by_month(impact.event_study(simulated(lambda _: 0.5, seed=4), "y"))
    assert (
        estimates.index.min() == impact.FIRST_EVENT_MONTH and estimates.index.max() == impact.LAST_EVENT_MONTH
    )
    assert estimates.loc[-1, "estimate"] == 0 and pd.isna(estimates.loc[-1, "lower"])  # the base month
    # 40 periods: group 25 is seen to month 15, group 19 to 21, group 13 to 27
    assert list(estimates.loc[[15, 16, 22], "cohorts"]) == [3, 2, 1]
    assert estimates.loc[22, "people"] < estimates.loc[16, "people"] < estimates.loc[15, "people"]


def test_a_panel_with_no_one_to_compare_gives_no_estimate():
    panel = simulated(lambda _: 0.5, seed=5)
    assert impact.event_study(panel[panel["first_period"] == 0], "y").empty  # no one certified
    assert impact.event_study(panel[panel["first_period"] > 0], "y").empty  # no one never certified


def test_the_panel_runs_from_a_year_before_the_first_certification_to_the_last_whole_month(city):  # noqa: F811
    panel = reports.run(city, "report_impact_panel", as_of="2026-03-31").set_index(["staff_id", "period"])
    # C1's certification month 2024-06 is the first: the panel starts 2023-06 (period 1) and ends 2026-03
    assert panel.index.get_level_values("period").max() == 34
    assert panel.loc[("C1", 1), "first_period"] == 13 and panel.loc[("N1", 1), "first_period"] == 0  # Bronze
    # C1's first app A1 is of 2024-06 (period 13); C3's A4 of 2023-10 (period 5)
    assert not panel.loc[("C1", 12), "has_built"] and panel.loc[("C1", 13), "has_built"]
    assert panel.loc[("C3", 5), "has_built"] and not panel.loc[("C3", 4), "has_built"]
    # A2 (C1's) saved 10 x 6 min = 1 h in 2025-07 (period 26); A7 (N2's) 2 h in 2025-09 (period 28)
    assert panel.loc[("C1", 26), "hours_saved"] == pytest.approx(1.0)
    assert panel.loc[("N2", 28), "hours_saved"] == pytest.approx(2.0)
    assert panel["hours_saved"].sum() == pytest.approx(3.0)
    # as_of not a month's last day: that month is left out
    shorter = reports.run(city, "report_impact_panel", as_of="2026-03-30")
    assert shorter["period"].max() == 33


def test_a_load_stores_the_estimates_for_the_page(city):  # noqa: F811
    stored = city.execute(f"select * from {impact.TABLE}").df()
    # five certified of ten people: the estimator runs (a tiny city's intervals are wide, not missing)
    assert set(stored["outcome"]) == set(impact.OUTCOMES.values())
    assert stored.groupby("outcome")["event_month"].apply(lambda s: s.isna().sum()).eq(1).all()
