"""Programme impact (contract 4.3) on a tiny city whose every figure is worked out by hand below.

FY2024 cohort: C1 silver 2024-06-01, C2 silver 2024-08-01, C3 gold 2024-10-01 (no Silver first), C4 silver
2025-01-10. Four members, sorted: the lower median is index (4 - 1) // 2 = 1, so r = 2024-08-01.
FY2025 cohort: E1 silver 2025-08-01 and L1 silver 2025-09-01; r = index 0 = 2025-08-01.
as_of = 2026-03-31, the last training session (today is later).
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from etl import cli, metrics
from tests.conftest import loaded_connection

APPS_HEADER = "アプリID,アプリ名,所管所属コード,作成日,作成者職員番号,1件あたり削減時間(分)\n"
# each app: (id, creator, created_on) and why it is there
APPS = [
    ("A1", "C1", "2024-06-01"),  # on C1's certification day itself: in neither window
    ("A2", "C1", "2025-06-01"),  # exactly c + 365 for C1: after
    ("A3", "C2", "2023-08-02"),  # exactly c - 365 for C2: before
    ("A4", "C3", "2023-10-01"),  # c - 366 for C3: in neither
    ("A5", "C3", "2025-10-02"),  # c + 366 for C3: in neither
    ("A6", "N1", "2024-07-31"),  # r - 1: a comparison member's before
    ("A7", "N2", "2025-08-01"),  # exactly r + 365: a comparison member's after
    ("A8", "N3", "2024-08-01"),  # r itself: in neither
    ("A9", "L1", "2024-08-11"),  # r + 10 by L1, certified 2025-09-01, later than r + 365: after
    ("A10", "E1", "2024-09-01"),  # by E1, certified exactly r + 365: not in the comparison group
]
CITY = {
    "orgs.csv": "所属コード,所属名,局名\n0101,総務課,総務局\n",
    # FY2024 roster: the cohort, N1-N3, L1 and E1; FY2025's holds only E1 and L1 (no comparison)
    "staff.csv": "年度,職員番号,所属コード,氏名\n"
    + "".join(f"2024,{s},0101,{s}\n" for s in ("C1", "C2", "C3", "C4", "N1", "N2", "N3", "L1", "E1"))
    + "2025,E1,0101,E1\n2025,L1,0101,L1\n",
    "certs.csv": "職員番号,認定区分,認定日\nC1,silver,2024-06-01\nC2,silver,2024-08-01\nC3,gold,2024-10-01\n"
    "C4,silver,2025-01-10\nE1,silver,2025-08-01\nL1,silver,2025-09-01\nN1,bronze,2024-09-01\n",
    "apps.csv": APPS_HEADER + "".join(f"{a},app {a},0101,{d},{c},6\n" for a, c, d in APPS),
    # FY2025: A2 (C1's, made after C1's certification) saves 10 x 6 min = 1 h, A7 (N2's) 20 x 6 = 2 h
    "usage.csv": "アプリID,利用月,利用件数\nA2,2025-07,10\nA7,2025-09,20\n",
    # FY2025 training: Silver 120 min + Gold 60 min attended, a Silver session with no minutes (0),
    # a Silver absence and a Bronze session (neither counts): 3 hours
    "training.csv": "職員番号,研修名,区分,受講日,出欠,受講時間(分)\n"
    "E1,シルバー研修,silver,2025-06-01,出席,120\nL1,ゴールドゼミ,gold,2025-07-01,出席,60\n"
    "L1,シルバー研修,silver,2025-06-01,出席,\nN1,シルバー研修,silver,2025-06-01,欠席,600\n"
    "N2,ブロンズ研修,bronze,2025-06-01,出席,90\nE1,シルバー研修 第2回,silver,2026-03-31,出席,0\n",
}
TODAY = date(2026, 11, 28)


@pytest.fixture
def city(db, exports):
    con = loaded_connection(db, exports, CITY)
    yield con
    con.close()


def test_a_cohort_is_compared_with_the_colleagues_not_certified_over_the_same_days(city):
    figures = metrics.impact(city, 2025, today=TODAY)
    assert figures["as_of"] == "2026-03-31"
    fy2024, fy2025 = figures["cohorts"]
    assert fy2024 == {
        "fiscal_year": 2024,
        "people": 4,
        "reference_day": "2024-08-01",
        "window_complete": True,  # C4's after-window ends 2026-01-10, r + 365 is 2025-08-01
        "makers_before": 1,  # C2 (A3 at exactly c - 365)
        "makers_after": 1,  # C1 (A2 at exactly c + 365); A1 on the day itself counts in neither
        # N1, N2, N3 and L1 (certified after r + 365); E1 (exactly r + 365) and the cohort are not in it
        "comparison": {"people": 4, "makers_before": 1, "makers_after": 2},  # N1 before; N2 and L1 after
        # 100 x ((1 - 1) / 4 - (2 - 1) / 4) = -25
        "difference_pp": pytest.approx(-25.0),
    }
    assert fy2025["reference_day"] == "2025-08-01" and fy2025["people"] == 2
    assert fy2025["window_complete"] is False  # L1's after-window ends 2026-09-01, after as_of
    assert fy2025["comparison"] == {"people": 0, "makers_before": 0, "makers_after": 0}
    assert fy2025["difference_pp"] is None  # an empty comparison group: no difference


def test_the_years_shares_come_from_apps_made_after_their_makers_certification(city):
    fy2024 = metrics.impact(city, 2024, today=TODAY)
    # FY2024's new apps A1 (on C1's certification day: not yet DX talent), A6, A8, A9, A10: none is DX talent's
    assert fy2024["dx_talent_apps_share"] == 0.0
    assert [c["fiscal_year"] for c in fy2024["cohorts"]] == [2024]  # cohorts up to the year asked
    assert (
        fy2024["dx_talent_hours_share"] is None and fy2024["training_hours"] == 0.0
    )  # no usage, no training
    assert fy2024["dx_talent_hours_per_training_hour"] is None
    fy2025 = metrics.impact(city, 2025, today=TODAY)
    assert fy2025["dx_talent_apps_share"] == pytest.approx(2 / 3)  # A2 and A5 of A2, A5, A7
    assert fy2025["dx_talent_hours_share"] == pytest.approx(1 / 3)  # 1 h of A2 of 3 h
    assert fy2025["training_hours"] == pytest.approx(3.0)
    assert fy2025["dx_talent_hours_per_training_hour"] == pytest.approx(1 / 3)


def test_the_command_prints_the_contracts_json(city, db, capsys):
    city.close()
    assert cli.main(["impact", "--db", str(db), "--fy", "2025", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed) == {
        "fiscal_year",
        "as_of",
        "cohorts",
        "dx_talent_apps_share",
        "dx_talent_hours_share",
        "training_hours",
        "dx_talent_hours_per_training_hour",
    }
    assert set(printed["cohorts"][0]) == {
        "fiscal_year",
        "people",
        "reference_day",
        "window_complete",
        "makers_before",
        "makers_after",
        "comparison",
        "difference_pp",
    }
    assert printed["cohorts"][0]["difference_pp"] == pytest.approx(-25.0)


def test_the_command_without_a_database_says_so(tmp_path, capsys):
    assert cli.main(["impact", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no database" in capsys.readouterr().err


def test_the_demo_shows_certified_people_building_more_after_certification_than_their_colleagues(demo_con):
    # conftest pins today at 2026-11-16: FY2023 and FY2024 cohorts are complete, FY2025's is not
    figures = metrics.impact(demo_con, 2026)
    cohorts = {c["fiscal_year"]: c for c in figures["cohorts"]}
    assert sorted(cohorts) == [2023, 2024, 2025]
    for year in (2023, 2024):
        cohort = cohorts[year]
        assert cohort["window_complete"] and cohort["makers_before"] > 0  # some built before
        assert 2 < cohort["difference_pp"] < 15  # believable, not a miracle
    assert cohorts[2025]["window_complete"] is False
    assert 0 < figures["dx_talent_apps_share"] < 0.5 and figures["dx_talent_hours_per_training_hour"] > 0


def test_who_builds_after_certification_by_cohort_and_level(city):
    from etl import reports

    rows = reports.run(city, "report_impact_builders", fiscal_year=2025, as_of=date(2026, 3, 31))
    found = {(r.fiscal_year, r.level): r for r in rows.itertuples()}
    # FY2024 Silver: C1, C2, C4. Only C1 made an app after certification: A2 at c + 365, 1 h in FY2025
    silver = found[(2024, "silver")]
    assert (silver.people, silver.makers, silver.apps, silver.median_days_to_first_app) == (3, 1, 1, 365)
    assert silver.hours_saved == pytest.approx(1.0)
    # C3 is Gold (first certified Gold): A5 at c + 366, no usage
    gold = found[(2024, "gold")]
    assert (gold.people, gold.makers, gold.apps, gold.median_days_to_first_app) == (1, 1, 1, 366)
    # FY2025: E1's A10 came before E1's certification; nobody has built since
    later = found[(2025, "silver")]
    assert (later.people, later.makers, later.apps) == (2, 0, 0) and pd.isna(later.median_days_to_first_app)


def test_next_years_intake_is_a_range_from_the_complete_cohorts_rates():
    rates = pd.DataFrame(
        {
            "fiscal_year": [2023, 2024, 2025],
            "intake": [100, 200, 300],
            "people": [120, 220, 10],  # 1.2 and 1.1 certified per nomination; 2025 is not complete
            "makers": [12, 33, 9],  # 10% and 15% built in their first year
            "apps": [24, 44, 9],  # 0.2 apps a person either way
            "hours_saved": [600.0, 1100.0, 5.0],  # 5 hours a person either way
            "complete": [True, True, False],
        }
    )
    plan = metrics.plan_intake(rates, 500)
    assert plan["cohorts"] == [2023, 2024]
    assert plan["certified"] == pytest.approx((550, 600))  # 500 x 1.1, 500 x 1.2
    assert plan["makers"] == pytest.approx((55, 90))  # 550 x 10%, 600 x 15%
    assert plan["apps"] == pytest.approx((110, 120))
    assert plan["hours"] == pytest.approx((2750, 3000))
    assert metrics.plan_intake(rates[~rates["complete"]], 500) is None  # no complete cohort: no plan


MANAGERS = {
    "orgs.csv": "所属コード,所属名,局名\n0101,総務課,総務局\n",
    # S1 is promoted to 係長 in FY2025, S2 was 係長 already, S3 joins as 課長, S4 stays 主事
    "staff.csv": "年度,職員番号,所属コード,職名\n2024,S1,0101,主事\n2024,S2,0101,係長\n2024,S4,0101,主事\n"
    "2025,S1,0101,係長\n2025,S2,0101,係長\n2025,S3,0101,課長\n2025,S4,0101,主事\n",
    # S1 took Bronze; S3 was absent from it
    "training.csv": "職員番号,研修名,区分,受講日,出欠\nS1,ブロンズ研修,bronze,2024-05-01,出席\n"
    "S3,ブロンズ研修,bronze,2025-05-01,欠席\n",
}


def test_new_managers_are_those_in_a_manager_position_this_year_and_not_last_year(db, exports):
    from etl import reports

    con = loaded_connection(db, exports, MANAGERS)
    try:
        [row] = reports.run(
            con, "report_new_managers", fiscal_year=2025, positions=["係長", "課長"]
        ).itertuples()
        assert (row.bureau_name, row.new_managers, row.attended_bronze) == (
            "総務局",
            2,
            1,
        )  # S1 and S3; S1 took it
        [only] = reports.run(con, "report_new_managers", fiscal_year=2025, positions=["課長"]).itertuples()
        assert (only.new_managers, only.attended_bronze) == (1, 0)  # the settings decide who is a manager
        # the roster's first year has no year before it to be new against
        assert reports.run(con, "report_new_managers", fiscal_year=2024, positions=["係長"]).empty
    finally:
        con.close()


def test_the_manager_positions_come_from_the_settings_file(tmp_path, monkeypatch):
    from etl import settings
    from tests.conftest import office_settings

    office_settings(tmp_path, monkeypatch, '[programme]\nmanager_positions = ["課長", "部長"]\n')
    assert settings.load().manager_positions == ("課長", "部長")
    office_settings(tmp_path, monkeypatch, "[programme]\nmanager_positions = 3\n")
    loaded = settings.load()
    assert loaded.manager_positions == settings.MANAGER_POSITIONS
    assert [key for _, key, _ in loaded.problems] == ["positions_unusable"]


def test_gold_places_are_planned_from_the_gold_years_own_rates(city):
    from etl import reports

    rates = reports.run(city, "report_impact_rates", fiscal_year=2025, as_of="2026-03-31")
    found = {row.fiscal_year: row for row in rates[rates["programme"] == "gold"].itertuples()}
    # FY2024: C3 Gold 2024-10-01 with no Gold session attended; A5 at g + 366 is outside the first year
    assert (found[2024].intake, found[2024].people, found[2024].apps, found[2024].complete) == (0, 1, 0, True)
    # FY2025: L1 attended the Gold seminar (60 min) and is not Gold
    assert (found[2025].intake, found[2025].people, found[2025].complete) == (1, 0, False)
    # a year with no places gives no rate: no Gold projection, and the planner starts at FY2025's own
    plan = metrics.planner(city, 2025, TODAY)
    assert plan["gold"] is None and plan["gold_places"] == 1 and plan["nominations"] == 0
    rates = pd.DataFrame(
        {
            "fiscal_year": [2024, 2025],
            "intake": [40, 50],
            "people": [40, 45],  # 1.0 and 0.9 certified per place
            "makers": [8, 9],
            "apps": [20, 9],  # 0.5 and 0.2 apps per Gold person
            "hours_saved": [800.0, 450.0],
            "complete": [True, True],
        }
    )
    planned = metrics.plan_intake(rates, 60)
    assert planned["certified"] == pytest.approx((54, 60)) and planned["apps"] == pytest.approx((10.8, 30))


def test_a_planner_range_says_its_unit_once_and_one_figure_when_the_ends_agree():
    from presentation.charts.impact import planner_range
    from presentation.words import Words

    plan = {"hours": (2783.2, 3412.9), "certified": (80.2, 80.4), "apps": (9.6, 12.2)}
    assert planner_range(plan, "hours", Words("ja")) == "2,783〜3,413時間"
    assert planner_range(plan, "hours", Words("en")) == "2,783–3,413 h"
    assert planner_range({"hours": (9783.0, 13412.0)}, "hours", Words("ja")) == "9,783時間〜1.3万時間"
    assert planner_range(plan, "certified", Words("en")) == "80"  # one past cohort: one figure
    assert planner_range(plan, "apps", Words("en")) == "10–12"
    # a count in its unit too, once (the cards read 745〜755 beside 2,783〜3,413時間)
    assert planner_range(plan, "apps", Words("ja")) == "10〜12本"
    assert planner_range(plan, "certified", Words("ja")) == "80人"
