"""The talent figures on small hand-made exports whose answers can be counted on fingers."""

from __future__ import annotations

import pytest

from etl import metrics, reports
from tests.conftest import loaded_connection

ORGS = "所属コード,所属名,局名,局コード\n0101,総務課,総務局,01\n0102,人事課,総務局,01\n0201,市民課,門司区役所,02\n"
ROSTER = (
    "年度,職員番号,所属コード,退職日\n"
    "2024,000001,0101,\n"
    "2025,000001,0201,\n"  # moved from 総務局 to 門司区役所 in April 2025
    "2024,000002,0102,\n"
    "2025,000002,0102,2026-03-31\n"  # left at the end of FY2025
    "2024,000003,0102,\n"
    "2025,000003,0102,\n"
)


@pytest.fixture
def con(db, exports):
    connection = loaded_connection(
        db,
        exports,
        {
            "orgs.csv": ORGS,
            "roster.csv": ROSTER,
            "nominations.csv": "年度,所属コード,職員番号,選出区分\n2025,0201,000001,シルバー\n2025,0102,000002,シルバー\n"
            "2025,0102,000003,シルバー\n",
            "training.csv": "職員番号,研修名,区分,受講日,出欠\n000001,DX研修1,silver,2025-06-10,出席\n"
            "000002,DX研修1,silver,2025-06-10,欠席\n",
            "assignments.csv": "提出番号,職員番号,区分,提出日,評価\nS1,000001,silver,2025-12-01,合格\n"
            "S3,000003,silver,2025-12-01,再提出\n",
            "certs.csv": "職員番号,認定区分,認定日\n000001,silver,2024-06-01\n000001,gold,2025-09-01\n"
            "000002,silver,2026-02-01\n",
        },
    )
    yield connection
    connection.close()


def test_a_person_who_moved_counts_under_the_department_of_the_events_year(con):
    fy2024 = reports.run(con, "report_certifications_by_bureau", fiscal_year=2024, bureaus=[])
    fy2025 = reports.run(con, "report_certifications_by_bureau", fiscal_year=2025, bureaus=[])
    assert fy2024[["bureau_name", "level", "certified"]].values.tolist() == [["総務局", "silver", 1]]
    # 000001's Gold (FY2025) is under 門司区役所, where the FY2025 roster puts them; 000002's Silver under 総務局
    assert sorted(fy2025[["bureau_name", "level", "certified"]].values.tolist()) == [
        ["総務局", "silver", 1],
        ["門司区役所", "gold", 1],
    ]


def test_a_silver_who_became_gold_counts_once_in_dx_talent(con):
    assert metrics.kpis(con, 2025)["dx_talent_cumulative"] == 2
    assert metrics.kpis(con, 2024)["dx_talent_cumulative"] == 1


def test_a_department_with_one_leader_is_on_the_action_list(con):
    coverage = reports.run(con, "report_department_coverage", fiscal_year=2025, bureaus=[]).set_index(
        "dept_code"
    )
    assert coverage.loc["0201", "leaders_nominated"] == 1
    assert coverage.loc["0102", "leaders_nominated"] == 2
    assert coverage.loc["0101", "leaders_nominated"] == 0
    action = coverage[coverage["leaders_nominated"] < 2].index.tolist()
    assert action == ["0101", "0201"]
    assert metrics.kpis(con, 2025)["leader_coverage"] == {"departments_covered": 1, "departments_total": 3}


def test_the_silver_funnel_follows_the_nominated_leaders(con):
    city = reports.run(con, "report_funnel", fiscal_year=2025, level="silver", bureaus=[]).iloc[0]
    # 3 nominated; 000002 was absent, so 1 trained; 000001 submitted; 000001 was certified in FY2024
    assert (city["nominated"], city["trained"], city["submitted"], city["certified"]) == (3, 1, 1, 0)


def test_a_step_with_no_data_is_missing_not_zero(con):
    gold = reports.run(con, "report_funnel", fiscal_year=2025, level="gold", bureaus=[]).iloc[0]
    assert not gold["has_nominated"] and not gold["has_submitted"]
    assert gold["has_certified"] and gold["certified"] == 1


def test_rule_checks_list_each_case(con):
    checks = reports.run(con, "report_rule_checks", fiscal_year=2025, bureaus=[])
    by_rule = {rule: sorted(group["staff_id"]) for rule, group in checks.groupby("rule")}
    assert by_rule["certified_without_assignment"] == ["000002"]
    assert by_rule["certified_without_session"] == [
        "000001",
        "000002",
    ]  # gold with no gold session; absent silver
    assert by_rule["submitted_not_certified"] == ["000003"]
    assert by_rule["nominated_not_trained"] == ["000002", "000003"]


def test_retention_separates_active_from_cumulative_dx_talent(con):
    retention = reports.run(con, "report_retention").set_index("fiscal_year")
    assert retention.loc[2025, "dx_talent_cumulative"] == 2
    assert retention.loc[2025, "dx_talent_active"] == 1  # 000002 left on 2026-03-31
    assert reports.run(con, "report_leavers", fiscal_year=2025, bureaus=[])["staff_id"].tolist() == ["000002"]


def test_silver_to_gold_progression(con):
    cohorts = reports.run(con, "report_progression").set_index("cohort")
    assert cohorts.loc[2024, "silver"] == 1 and cohorts.loc[2024, "went_gold"] == 1
    assert cohorts.loc[2024, "median_days_to_gold"] == 457
    assert cohorts.loc[2025, "went_gold"] == 0


def _talent_years(cumulative_2026: int = 2250):
    """Four fiscal years, FY2026 in progress (its figure at 30 Nov), under two plans: 2,400 by FY2025 and
    3,600 by FY2028."""
    import pandas as pd

    return pd.DataFrame(
        {
            "fiscal_year": [2023, 2024, 2025, 2026],
            "stock_cut": pd.to_datetime(["2024-03-31", "2025-03-31", "2026-03-31", "2026-11-30"]),
            "dx_talent_cumulative": [750, 1500, 2250, cumulative_2026],
            "dx_talent_target": [2400.0, 2400.0, 2400.0, 3600.0],
            "dx_talent_target_to": pd.array([2025, 2025, 2025, 2028], dtype="Int64"),
            "dx_talent_plan": [800.0, 1600.0, 2400.0, 2500.0],
        }
    )


def test_a_year_in_progress_is_projected_from_its_own_expected_end_and_counted_in_the_years_left():
    """FY2026 at 30 Nov (its Silver cohort not yet certified) said "1,350 to go: 675 a year are needed
    until FY2028", as if it had ended, and projected FY2027 from today's figure."""
    projection = metrics.talent_projection(_talent_years(), 2026)
    assert projection["in_progress"] and projection["pace"] == 750  # three complete years of 750
    assert projection["start"] == 3000  # FY2025's end plus a year at the pace
    assert projection["path"] == [(2027, 3750)] and projection["reached_in"] == 2027
    assert projection["needed"] == pytest.approx((3600 - 2250) / 3)  # FY2026, FY2027 and FY2028
    assert projection["target_years"] == [2027, 2028] and not projection["ended"]
    # a year's partial increase counts in no pace, and today's figure stands where it is already more
    ahead = metrics.talent_projection(_talent_years(cumulative_2026=3100), 2026)
    assert ahead["pace"] == 750 and ahead["start"] == 3100 and ahead["path"] == [(2027, 3850)]


def test_a_closed_year_at_its_plans_end_says_the_plan_ended_short_of_its_target():
    from presentation.charts.talent import projection_note
    from presentation.words import Words

    projection = metrics.talent_projection(_talent_years(), 2025)
    assert projection["ended"] and projection["needed"] is None and projection["reached_in"] == 2026
    assert projection_note(projection, Words("en")) == (
        "The plan to FY2025 ended at 2,250 of its 2,400 target (93.8%). "
        "At the current pace (750 a year) it is reached in FY2026."
    )
    before = metrics.talent_projection(_talent_years(), 2024)  # one year left: all of the gap in it
    assert not before["ended"] and before["needed"] == 900
    assert projection_note(before, Words("ja")).startswith("目標2,400人まで残り900人。2025年度までに年900人")


def test_the_talent_chart_holds_the_target_to_its_plans_end_and_says_which_day_a_running_year_stands_at():
    from presentation.charts.talent import talent_vs_target
    from presentation.words import Words

    frame = _talent_years()
    figure = talent_vs_target(frame, metrics.talent_projection(frame, 2026), Words("en"))
    # a line per plan's target, the latest held to its plan's end
    names = [trace.name for trace in figure.data]
    assert names[1:3] == ["Target (to FY2025)", "Target (to FY2028)"]
    earlier, target, projection = figure.data[1], figure.data[2], figure.data[-1]
    assert list(earlier.x) == ["FY2023", "FY2024", "FY2025"] and list(earlier.y) == [2400] * 3
    assert list(target.x) == ["FY2026", "FY2027", "FY2028"] and list(target.y) == [3600] * 3
    assert (projection.x[0], projection.y[0]) == ("FY2026", 3000)  # the year's expected end, above its bar
    assert figure.layout.title.text.endswith("(at fiscal year end; FY2026 as of 30 Nov 2026)")
    closed = talent_vs_target(frame.iloc[:3], metrics.talent_projection(frame, 2025), Words("en"))
    assert closed.layout.title.text.endswith("(at fiscal year end)")


def test_next_years_plan_reaches_against_the_target_that_covers_next_year(demo_con):
    """The FY2025 deck measured next year's plan against 2,400, the target of a plan that had ended; a
    year in progress left its own cohort out of the cumulative figure."""
    closed = metrics.planner(demo_con, 2025)
    assert (closed["reach"]["year"], closed["reach"]["target"], closed["reach"]["target_end"]) == (
        2026,
        3600,
        2028,
    )
    at_end = metrics.kpis(demo_con, 2025)["dx_talent_cumulative"]
    assert closed["reach"]["low"] == pytest.approx(at_end + closed["silver"]["certified"][0])
    running = metrics.planner(demo_con, 2026)
    now = metrics.kpis(demo_con, 2026)
    assert not now["year_complete"] and running["reach"]["year"] == 2027
    # this year's nominees at the same rates (the default intake is this year's own), then next year's
    low = running["silver"]["certified"][0]
    expected = max(now["dx_talent_cumulative"], at_end + low) + low
    assert running["reach"]["low"] == pytest.approx(expected)
    assert running["reach"]["low"] > now["dx_talent_cumulative"] + low  # the year's own cohort is in it
