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
