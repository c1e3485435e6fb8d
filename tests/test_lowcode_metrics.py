"""Low-code figures on small hand-made exports: costs, hours, makers and the clean-up lists."""

from __future__ import annotations

import pytest

from etl import metrics, reports
from tests.conftest import loaded_connection

ORGS = "所属コード,所属名,局名\n0101,総務課,総務局\n0201,市民課,門司区役所\n"
APPS = (
    "アプリID,アプリ名,所管所属コード,作成日,運用開始日,廃止日,1件あたり削減時間(分),"
    "外注想定初期費用(円),外注想定年間運用費(円),外注想定年間保守費(円),作成者職員番号\n"
    # released on the first day of FY2024, retired at the end of September: running stops accruing
    "A1,申請,0101,2024-03-01,2024-04-01,2024-09-30,10,1000000,365000,0,000001\n"
    # never released: starts on its created date
    "A2,集計,0101,2024-10-01,,,20,0,365000,365000,000002\n"
    # no cost estimates at all: counts as zero and is listed
    "A3,予約,0201,2024-04-01,,,5,,,,000001\n"
)


@pytest.fixture
def con(db, exports):
    connection = loaded_connection(
        db,
        exports,
        {
            "orgs.csv": ORGS,
            "apps.csv": APPS,
            "roster.csv": "年度,職員番号,所属コード,退職日\n2024,000001,0101,\n2024,000002,0201,2025-03-31\n",
            "certs.csv": "職員番号,認定区分,認定日\n000001,シルバー,2023-12-01\n",
            "usage.csv": "アプリID,利用月,利用件数\nA1,2024-05,60\nA2,2024-11,30\nA3,2024-04,12\n",
            # the exports reach the last day of FY2024, so the year is complete (contract 4.1)
            "elearning.csv": "staff_id,course_title,minutes,activity_on\n000001,DX入門,30,2025-03-31\n",
        },
    )
    yield connection
    connection.close()


def test_an_app_retired_mid_year_stops_accruing_running_cost(con):
    costs = con.execute(
        "select fiscal_year, cost_running_yen from mart_app_costs_by_fy where app_id = 'A1' order by 1"
    ).fetchall()
    # 2024-04-01 .. 2024-09-30 is 183 days, in FY2024 and still in every later year
    assert costs == [(2024, pytest.approx(183_000.0))]
    assert metrics.kpis(con, 2024)["apps_in_operation"] == 2  # A1 retired before the year's end


def test_an_app_with_no_released_date_starts_on_its_created_date(con):
    days = con.execute(
        "select days_accrued from mart_app_costs_by_fy where app_id = 'A2' and fiscal_year = 2024"
    ).fetchall()
    assert days == [(182,)]  # 2024-10-01 .. 2025-03-31


def test_cost_avoided_adds_the_components_and_rounds_once(con):
    # A1: 1,000,000 + 183,000; A2: 0 + (365,000 + 365,000) x 182 / 365 = 364,000; A3: 0
    assert metrics.kpis(con, 2024)["cost_avoided_cumulative_yen"] == 1_000_000 + 183_000 + 364_000


def test_missing_costs_count_as_zero_and_are_listed(con):
    missing = reports.run(con, "report_apps_missing_cost", fiscal_year=2024)
    assert missing["app_id"].tolist() == ["A3"]
    assert missing[["missing_initial", "missing_running", "missing_maintenance"]].values.tolist() == [
        [True, True, True]
    ]
    assert reports.run(con, "report_method", fiscal_year=2024).iloc[0]["apps_missing_cost"] == 1


def test_hours_per_app_and_the_long_tail(con):
    apps = reports.run(con, "report_app_table", fiscal_year=2024, bureaus=[]).set_index("app_id")
    assert apps.loc["A1", "hours_saved"] == pytest.approx(10.0)
    assert apps.loc["A2", "hours_saved"] == pytest.approx(10.0)
    assert apps.loc["A3", "hours_saved"] == pytest.approx(1.0)
    shares = metrics.pareto(apps.reset_index())
    assert shares["top10"] == pytest.approx(10 / 21)


def test_makers_and_how_many_are_dx_talent(con):
    row = (
        reports.run(con, "report_makers").set_index("fiscal_year").loc[2023]
    )  # A1 was created in March 2024: FY2023
    assert (row["makers"], row["dx_talent_makers"]) == (1, 1)
    row = reports.run(con, "report_makers").set_index("fiscal_year").loc[2024]
    assert (row["makers"], row["new_makers"], row["dx_talent_makers"]) == (2, 1, 1)


def test_an_app_whose_maker_left_is_on_the_clean_up_list(con):
    cleanup = reports.run(con, "report_cleanup", bureaus=[]).set_index("app_id")
    assert bool(cleanup.loc["A2", "is_creator_left"])
    # A3 is owned by 門司区役所 while its maker is in 総務局
    assert bool(cleanup.loc["A3", "is_creator_elsewhere"])


def test_full_time_equivalents_and_scenarios_do_not_touch_the_figures(con):
    assert metrics.fte(1860.0, 1860.0) == 1.0
    frame = metrics.kpis_frame(con)
    band = metrics.cost_scenarios(frame, 0.5, 2.0)
    assert (band["low_yen"] * 4 == band["high_yen"]).all()
    assert metrics.kpis(con, 2024)["cost_avoided_cumulative_yen"] == 1_547_000
