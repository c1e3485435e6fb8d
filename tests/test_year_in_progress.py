"""A year in progress (contract 4.1) and plans with grades (4.2), on a tiny city whose data stops mid-year.

Every expected figure is worked out by hand in the comments: FY2025 is seen up to as_of 2025-09-30
(the last certification), usage up to 2025-09-15 (the last usage row).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from etl import metrics, plans
from etl.fiscal import cut_a_year_before, same_day_a_year_before
from tests.conftest import loaded_connection, office_settings

TINY_CITY = {
    "orgs.csv": "所属コード,所属名,局名\n0101,総務課,総務局\n0102,人事課,総務局\n",
    "staff.csv": "年度,職員番号,所属コード\n2024,S1,0101\n2024,S2,0101\n2024,S3,0102\n"
    "2025,S1,0101\n2025,S2,0101\n2025,S3,0102\n",
    # FY2024: 総務課 has two leaders, 人事課 one; FY2025: 総務課 two
    "nominations.csv": "年度,所属コード,職員番号,選出区分\n2024,0101,S1,silver\n2024,0101,S2,silver\n"
    "2024,0102,S3,silver\n2025,0101,S1,silver\n2025,0101,S2,silver\n",
    # S1 is certified Silver, then Gold: one DX talent. S3's Silver comes after last year's cut.
    "certs.csv": "職員番号,認定区分,認定日\nS1,silver,2024-06-15\nS2,silver,2024-09-10\nS3,silver,2024-12-01\n"
    "S1,gold,2025-08-01\nS2,bronze,2025-09-30\n",
    # A2 retires mid-FY2025; A3 is released after 2024-09-30, the cut of the year before
    "apps.csv": "アプリID,アプリ名,所管所属コード,作成日,運用開始日,廃止日,1件あたり削減時間(分),"
    "外注想定初期費用(円),外注想定年間運用費(円),外注想定年間保守費(円)\n"
    "A1,申請受付,0101,2023-04-01,2023-05-01,,30,1000000,365000,0\n"
    "A2,集計,0101,2024-04-01,2024-04-01,2025-06-30,60,500000,73000,36500\n"
    "A3,照会,0102,2024-10-01,2024-11-01,,10,2000000,0,182500\n",
    "usage_months.csv": "アプリID,利用月,利用件数\nA1,2024-04,100\nA1,2024-10,50\nA1,2025-08,40\n",
    "usage_days.csv": "アプリID,利用日,利用件数\nA2,2024-09-10,3\nA2,2024-09-20,5\nA3,2024-12-01,6\n"
    "A2,2025-05-10,10\nA3,2025-09-15,12\n",
    "targets.csv": "指標,開始年度,終了年度,目標値\n"
    "dx_talent,2024,2025,5\n"
    "cost_avoided,2025,2025,6000000\n"
    "hours_saved,2025,2025,60\n"
    "certified_gold,2025,2025,2\n"
    "certified_bronze,2025,2025,0\n"
    "apps_in_operation,2025,2025,2.5\n"
    "leader_coverage,2025,2025,0.5\n"
    "active_apps,2025,2025,4\n",
}
TODAY = date(2026, 11, 28)


@pytest.fixture
def city(db, exports):
    con = loaded_connection(db, exports, TINY_CITY)
    yield con
    con.close()


def test_as_of_is_the_latest_event_and_usage_as_of_the_latest_usage_row(city):
    figures = metrics.kpis(city, 2025, today=TODAY)
    assert (figures["as_of"], figures["usage_as_of"]) == ("2025-09-30", "2025-09-15")
    assert figures["year_complete"] is False
    assert metrics.kpis(city, 2024, today=TODAY)["year_complete"] is True


def test_a_year_in_progress_counts_cumulative_figures_to_as_of_and_flows_as_loaded(city):
    figures = metrics.kpis(city, 2025, today=TODAY)
    assert figures["certified"] == {"bronze": 1, "silver": 0, "gold": 1}
    assert figures["dx_talent_cumulative"] == 3  # S1 (Silver then Gold) once, S2, S3
    # A1 40 x 30 min + A2 10 x 60 min + A3 12 x 10 min = 20 + 10 + 2 hours
    assert figures["hours_saved"] == pytest.approx(32.0)
    assert figures["active_apps"] == 3
    # A1 from 2023-05-01 to as_of, 884 days: 1,000,000 + 365,000 x 884 / 365 = 1,884,000
    # A2 from 2024-04-01 to its retirement 2025-06-30, 456 days: 500,000 + 109,500 x 456 / 365 = 636,800
    # A3 from 2024-11-01 to as_of, 334 days: 2,000,000 + 182,500 x 334 / 365 = 2,167,000
    assert figures["cost_avoided_cumulative_yen"] == 1_884_000 + 636_800 + 2_167_000
    assert figures["apps_in_operation"] == 2  # A2 retired before as_of
    assert figures["leader_coverage"] == {"departments_covered": 1, "departments_total": 2}


def test_the_same_period_last_year_cuts_fy2024_at_the_same_day(city):
    same = metrics.kpis(city, 2025, today=TODAY)["same_period_last_year"]
    assert (same["fiscal_year"], same["as_of"], same["usage_as_of"]) == (2024, "2024-09-30", "2024-09-15")
    assert same["certified"] == {"bronze": 0, "silver": 2, "gold": 0}  # S3 (December) comes later
    assert same["dx_talent_cumulative"] == 2
    # usage counted by 2024-09-15: A1's April month row (100 x 30 min) and A2 on 09-10 (3 x 60 min);
    # A2's 09-20 row is after usage_as_of's day though before as_of's
    assert same["hours_saved"] == pytest.approx(53.0)
    assert same["active_apps"] == 2
    # A1 519 days: 1,519,000; A2 183 days: 500,000 + 300 x 183 = 554,900; A3 not yet released
    assert same["cost_avoided_cumulative_yen"] == 1_519_000 + 554_900
    assert same["apps_in_operation"] == 2
    assert same["leader_coverage"] == {"departments_covered": 1, "departments_total": 2}


def test_a_complete_year_has_whole_year_figures_and_no_same_period(city):
    figures = metrics.kpis(city, 2024, today=TODAY)
    assert figures["same_period_last_year"] is None
    assert figures["hours_saved"] == pytest.approx(50 + 25 + 3 + 5 + 1)
    # to 2025-03-31: A1 701 days, A2 365 days, A3 151 days
    assert figures["cost_avoided_cumulative_yen"] == 1_701_000 + 609_500 + 2_075_500
    assert figures["apps_in_operation"] == 3


def test_plans_of_the_three_sorts_and_their_grades(city):
    plan = metrics.kpis(city, 2025, today=TODAY)["plan"]
    # the city's bands: A from 120%, B from 100% (met), C from 70%, D below
    # cumulative, from 0 on 2024-04-01 to 5 on 2026-03-31 (729 days), read at as_of (547 days in)
    assert plan["dx_talent"]["plan"] == pytest.approx(5 * 547 / 729)
    assert plan["dx_talent"]["achievement"] == pytest.approx(3 / (5 * 547 / 729))  # 79.96%
    assert plan["dx_talent"]["grade"] == "C"
    # cumulative from FY2024's 4,386,000 on 2025-04-01 to 6,000,000 on 2026-03-31, halfway by as_of
    assert plan["cost_avoided"]["plan"] == pytest.approx(4_386_000 + (6_000_000 - 4_386_000) * 182 / 364)
    assert plan["cost_avoided"]["grade"] == "C"  # 4,687,800 of 5,193,000: 90.3%, missed
    # yearly flows pro-rated: 183 of 365 days have passed; 20 + 10 + 2 hours so far
    assert plan["hours_saved"]["plan"] == pytest.approx(60 * 183 / 365)
    assert plan["hours_saved"]["achievement"] == pytest.approx(32 / (60 * 183 / 365))  # 106.4%
    assert plan["hours_saved"]["grade"] == "B"
    assert plan["certified_gold"]["plan"] == pytest.approx(2 * 183 / 365)
    assert plan["certified_gold"]["grade"] == "C"  # 99.7% is not 100%: the plan was missed
    # levels are never pro-rated; exactly on a bound is the higher grade
    assert plan["apps_in_operation"] == {"plan": 2.5, "achievement": 0.8, "grade": "C"}
    assert plan["leader_coverage"] == {"plan": 0.5, "achievement": 1.0, "grade": "B"}
    # active apps are a level too: A1, A2 and A3 were used in FY2025, 3 of 4 (a plan pro-rated to
    # 183 days would read 2.0 and grade them A at 150%)
    assert plan["active_apps"] == {"plan": 4.0, "achievement": 0.75, "grade": "C"}
    # a plan of nothing cannot be judged: no grade (評価不能)
    assert plan["certified_bronze"] == {"plan": 0.0, "achievement": None, "grade": None}
    assert "certified_silver" not in plan


def test_a_complete_year_reads_a_cumulative_plan_at_its_end(city):
    plan = metrics.kpis(city, 2024, today=TODAY)["plan"]
    assert list(plan) == ["dx_talent"]
    assert plan["dx_talent"]["plan"] == pytest.approx(5 * 364 / 729)
    assert plan["dx_talent"]["achievement"] == pytest.approx(3 / (5 * 364 / 729))  # 120.2%
    assert plan["dx_talent"]["grade"] == "A"


@pytest.mark.parametrize(
    ("achievement", "letter"),
    [
        (Fraction(6, 5), "A"),  # exactly 120%
        (Fraction(11_999, 10_000), "B"),
        (Fraction(1), "B"),  # exactly the plan: met
        (Fraction(9_999, 10_000), "C"),
        (Fraction(7, 10), "C"),
        (Fraction(6_999, 10_000), "D"),
        (Fraction(0), "D"),
        (None, None),  # nothing to judge
    ],
)
def test_the_city_s_bands_grade_on_their_bounds_exactly(achievement, letter):
    assert plans.grade(achievement, plans.DEFAULT_BANDS) == letter


def test_the_office_sets_its_own_bands_in_its_settings_file(city, tmp_path, monkeypatch):
    office_settings(
        tmp_path,
        monkeypatch,
        "[[grades.bands]]\nletter = 'S'\nfrom = 0.75\nja = '順調'\nen = 'on track'\ncolour = 'blue'\n"
        "[[grades.bands]]\nletter = 'T'\nfrom = 0\nja = '要注意'\nen = 'watch'\ncolour = 'orange'\n",
    )
    bands, warning = plans.load_bands()
    assert warning is None and [band.letter for band in bands] == ["S", "T"]
    plan = metrics.kpis(city, 2025, today=TODAY)["plan"]
    assert plan["apps_in_operation"]["grade"] == "S"  # 80% reaches 75%
    assert plan["dx_talent"]["grade"] == "S"  # 79.96%
    assert plan["certified_bronze"]["grade"] is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[grades\nbands = ", "bands_unreadable"),
        ("[grades]\nbands = []\n", "bands_none"),
        ("[[grades.bands]]\nletter = 'A'\nfrom = 0\nja = 'x'\n", "bands_missing"),
        ("[[grades.bands]]\nletter = 'A'\nfrom = '120%'\nja = 'x'\nen = 'x'\n", "bands_bad_bound"),
        (
            "[[grades.bands]]\nletter = 'A'\nfrom = 0\nja = 'x'\nen = 'x'\ncolour = '#f00'\n",
            "bands_bad_colour",
        ),
        (
            "[[grades.bands]]\nletter = 'A'\nfrom = 0.7\nja = 'x'\nen = 'x'\n"
            "[[grades.bands]]\nletter = 'B'\nfrom = 1.0\nja = 'y'\nen = 'y'\n",
            "bands_not_descending",
        ),
        ("[[grades.bands]]\nletter = 'A'\nfrom = 0.7\nja = 'x'\nen = 'x'\n", "bands_last_not_zero"),
        (
            "[[grades.bands]]\nletter = 'A'\nfrom = 1\nja = 'x'\nen = 'x'\n"
            "[[grades.bands]]\nletter = 'A'\nfrom = 0\nja = 'y'\nen = 'y'\n",
            "bands_letter_twice",
        ),
    ],
)
def test_a_broken_bands_setting_grades_with_the_city_s_bands_and_says_why(
    city, tmp_path, monkeypatch, text, problem
):
    office_settings(tmp_path, monkeypatch, text)
    bands, warning = plans.load_bands()
    assert bands == plans.DEFAULT_BANDS
    assert warning[0] == "bands_fallback" and warning[1]["problem"][0] == problem
    for lang in ("ja", "en"):
        assert "settings.toml" in plans.describe(warning, lang)
    # the figures are never stopped by it: graded with the default bands
    assert metrics.kpis(city, 2025, today=TODAY)["plan"]["hours_saved"]["grade"] == "B"


def test_as_of_is_never_later_than_today(db, exports):
    files = dict(TINY_CITY)
    files["training.csv"] = "職員番号,研修名,区分,受講日\nS1,DX基礎,bronze,2026-02-01\n"  # booked ahead
    con = loaded_connection(db, exports, files)
    try:
        figures = metrics.kpis(con, 2025, today=date(2025, 10, 15))
        assert figures["as_of"] == "2025-10-15"
        assert figures["same_period_last_year"]["as_of"] == "2024-10-15"
        # A3 runs 349 days to 2025-10-15, A1 899: costs follow the day that has passed, not the booking
        assert figures["cost_avoided_cumulative_yen"] == 1_899_000 + 636_800 + 2_174_500
    finally:
        con.close()


def test_the_29th_of_february_reads_as_the_28th_a_year_before():
    assert same_day_a_year_before(date(2028, 2, 29)) == date(2027, 2, 28)
    assert cut_a_year_before(2027, date(2028, 2, 29)) == date(2027, 2, 28)
    # nothing of the year has happened yet: nothing of the year before counts
    assert cut_a_year_before(2027, date(2027, 3, 1)) == date(2026, 3, 31)
