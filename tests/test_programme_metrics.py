"""Ideas, seminar projects and e-learning on small hand-made exports whose answers can be counted on
fingers: an idea two projects took up, a project with no app, an app with no usage, a course completed
twice."""

from __future__ import annotations

from datetime import date

import pytest

from etl import metrics, models, reports
from tests.conftest import loaded_connection

ORGS = "所属コード,所属名,局名\n0101,総務課,総務局\n0201,市民課,門司区役所\n"
ROSTER = "年度,職員番号,所属コード,氏名\n" + "".join(
    f"{fy},{staff},{dept},職員{staff[-1]}\n"
    for fy in (2024, 2025)
    for staff, dept in (("000001", "0101"), ("000002", "0101"), ("000003", "0201"), ("000004", "0201"))
)
IDEAS = (
    "提出番号,職員番号,区分,提出日,評価,アイデア名,想定削減時間(時間/年),分類\n"
    "S1,000001,silver,2024-11-01,合格,申請受付の電子化,120,ペーパーレス\n"  # taken up by two projects
    "S2,000002,silver,2024-12-01,合格,台帳の一元化,300,業務改善\n"  # passed, taken up by none: backlog
    "S3,000003,silver,2024-12-10,不合格,窓口の自動化,500,窓口改善\n"  # failed: never backlog
    "S4,000004,silver,2025-01-10,合格,点検記録の共有,60,情報共有\n"  # a project with no app yet
)
PROJECTS = (
    "プロジェクト番号,チーム名,テーマ,状況,年度,元課題番号,アプリID,発表日,実装日\n"
    "P1,チームA,申請の電子化,実装済,2025,S1,A1,2025-09-01,2025-10-01\n"
    "P2,チームA,申請状況の見える化,実装済,2025,S1,A2,2025-09-01,2026-01-01\n"
    "P3,チームB,点検記録の共有,開発中,2025,S4,,2025-09-01,\n"
)
APPS = (
    "アプリID,アプリ名,所管所属コード,作成日,作成者職員番号,運用開始日,1件あたり削減時間(分)\n"
    "A1,電子申請アプリ,0101,2025-09-20,000001,2025-10-01,30\n"
    "A2,申請状況アプリ,0101,2025-12-20,000001,2026-01-01,10\n"  # no usage at all
    "A9,備品台帳アプリ,0101,2024-04-01,000002,2024-04-01,5\n"
)
# A1: 120 uses a month at 30 minutes, October to March: 60 hours a month, 360 hours in FY2025
USAGE = "アプリID,利用月,利用件数\n" + "".join(
    f"A1,{month},120\n" for month in ("2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03")
)
CERTS = (
    "職員番号,認定区分,認定日\n000001,silver,2025-02-20\n000003,silver,2026-02-20\n000004,silver,2025-02-20\n"
)
LEARNING_HEADER = (
    "user_external_id,course_title,course_category,num_video_consumed_minutes,"
    "course_last_accessed_date,course_completion_date\n"
)


@pytest.fixture
def con(db, exports):
    connection = loaded_connection(
        db,
        exports,
        {
            "orgs.csv": ORGS,
            "roster.csv": ROSTER,
            "ideas.csv": IDEAS,
            "projects.csv": PROJECTS,
            "apps.csv": APPS,
            "usage.csv": USAGE,
            "certs.csv": CERTS,
            "elearning_2025-06.csv": LEARNING_HEADER
            + "000001,Excel入門,IT,60,2025-05-10,2025-05-10\n"
            + "000002,Python基礎,IT,30,2025-06-15,\n"
            + "000003,Excel入門,IT,45,2025-06-20,2025-06-20\n"
            + "000099,SQL入門,データ,20,2025-07-01,\n",  # a learner on no roster
            # the same course completed twice: the next export has the new completion, which replaces
            "elearning_2025-09.csv": LEARNING_HEADER + "000001,Excel入門,IT,90,2025-08-01,2025-08-01\n",
        },
    )
    yield connection
    connection.close()


def run(con, name, **params):
    return reports.run(con, name, **params)


def test_an_idea_taken_up_by_two_projects_counts_once_in_the_funnel_and_in_the_estimate(con):
    funnel = run(con, "report_idea_funnel", fiscal_year=2025, bureaus=[]).iloc[0]
    assert funnel[["submitted", "passed", "taken_up", "building", "live"]].tolist() == [4, 3, 2, 2, 1]
    idea = con.execute(
        "select projects, apps, live_on, days_to_live from mart_ideas where submission_id = 'S1'"
    )
    assert idea.fetchone() == (2, 2, date(2025, 10, 1), 334)
    projects = run(con, "report_estimated_vs_realised", fiscal_year=2025)
    assert projects["project_id"].tolist() == ["P1", "P2"]
    assert projects["realised_hours"].tolist() == pytest.approx([360.0, 0.0])
    assert projects["maker_level"].tolist() == ["silver", "silver"]  # 000001, Silver since February 2025
    # A1 could be used 182 days of the year (1 October to 31 March): 360 hours scale to a year
    assert projects["realised_hours_a_year"].tolist() == pytest.approx([360 * 365 / 182, 0.0])
    totals = metrics.estimate_totals(projects)
    assert totals["ideas"] == 1 and totals["apps"] == 2 and totals["projects"] == 2
    assert totals["estimated_hours"] == 120  # not 240: the idea promised its hours once
    assert totals["ratio"] == pytest.approx(360 * 365 / 182 / 120)


def test_a_year_before_the_projects_has_ideas_but_nothing_taken_up(con):
    funnel = run(con, "report_idea_funnel", fiscal_year=2024, bureaus=[]).iloc[0]
    assert funnel[["submitted", "passed", "taken_up", "building", "live"]].tolist() == [4, 3, 0, 0, 0]


def test_a_project_with_no_app_is_on_the_board_and_out_of_the_estimate(con):
    board = run(con, "report_project_board", fiscal_year=2025).set_index("project_id")
    assert board.loc["P3", "status"] == "building" and not board.loc["P3", "has_app"]
    assert board.index.tolist() == ["P3", "P1", "P2"]  # by status: building before live
    estimates = run(con, "report_estimated_vs_realised", fiscal_year=2025)
    assert "P3" not in estimates["project_id"].tolist()


def test_an_app_with_no_usage_has_realised_nothing_not_a_missing_figure(con):
    estimates = run(con, "report_estimated_vs_realised", fiscal_year=2025).set_index("project_id")
    # A2 started on 1 January: 90 days of the year, enough to judge, and nothing saved in them
    assert estimates.loc["P2", "days_in_use"] == 90
    assert estimates.loc["P2", "realised_hours_a_year"] == 0
    assert estimates.loc["P2", "realised_ratio"] == 0


def test_time_from_idea_to_live_app(con):
    live = run(con, "report_idea_to_live", fiscal_year=2025)
    assert live["days_idea_to_live"].tolist() == [334, 426]
    assert live["median_days"].iloc[0] == 380


def test_the_backlog_holds_passed_ideas_no_project_took_up(con):
    backlog = run(con, "report_idea_backlog", fiscal_year=2025, min_hours=100, bureaus=[])
    assert backlog["submission_id"].tolist() == ["S2"]  # S3 failed, S1 and S4 were taken up
    assert backlog.iloc[0]["maker_apps"] == 1  # its maker built A9
    assert run(con, "report_idea_backlog", fiscal_year=2025, min_hours=301, bureaus=[]).empty
    # at the end of FY2024 no project had taken up anything yet: every passed idea of 50 hours or more
    earlier = run(con, "report_idea_backlog", fiscal_year=2024, min_hours=50, bureaus=[])
    assert earlier["submission_id"].tolist() == ["S2", "S1", "S4"]


def test_teams_and_themes_of_the_seminar(con):
    year = run(con, "report_seminar_by_year").set_index("fiscal_year").loc[2025]
    assert year[["teams", "themes", "projects", "live"]].tolist() == [2, 3, 3, 2]
    teams = run(con, "report_seminar_teams", fiscal_year=2025).set_index("team")
    assert teams.loc["チームA", "themes"] == 2 and teams.loc["チームB", "building"] == 1


def test_ideas_by_bureau_and_result(con):
    year = run(con, "report_ideas_by_year", bureaus=[]).set_index("fiscal_year").loc[2024]
    assert year[["ideas", "silver", "gold", "pass", "resubmit", "fail", "none"]].tolist() == [
        4,
        4,
        0,
        3,
        0,
        1,
        0,
    ]
    assert year["est_hours"] == 980
    bureaus = run(con, "report_ideas_by_bureau", fiscal_year=2024, bureaus=[]).set_index("bureau_name")
    assert bureaus.loc["総務局", "ideas"] == 2 and bureaus.loc["総務局", "per_100"] == 100
    assert run(con, "report_ideas_by_bureau", fiscal_year=2024, bureaus=["門司区役所"])[
        "bureau_name"
    ].tolist() == ["門司区役所"]


def test_a_course_completed_twice_counts_once_at_its_later_completion(con):
    year = run(con, "report_learning_by_year", bureaus=[]).set_index("fiscal_year").loc[2025]
    assert year["learners"] == 4 and year["completions"] == 2  # 000001's Excel once, 000003's
    assert year["minutes"] == 90 + 30 + 45 + 20  # the later export's 90 minutes replace the 60
    months = run(con, "report_learning_by_month", fiscal_year=2025, bureaus=[])
    assert [m.month for m in months["month"]] == [4, 5, 6, 7, 8]  # April to the last month with activity
    assert months["active_learners"].tolist() == [0, 0, 2, 1, 1]  # May's activity was replaced by August's
    assert months["completions"].tolist() == [0, 0, 1, 0, 1]


def test_share_of_staff_active_by_bureau_and_a_learner_on_no_roster(con):
    bureaus = run(con, "report_learning_by_bureau", fiscal_year=2025).set_index("bureau_name")
    assert bureaus.loc["総務局", ["staff", "learners", "per_100"]].tolist() == [2, 2, 100]
    assert bureaus.loc["門司区役所", ["staff", "learners", "per_100"]].tolist() == [2, 1, 50]
    assert bureaus.loc[reports.UNKNOWN, "learners"] == 1


def test_top_courses_and_catalogue_use(con):
    rows = run(con, "report_learning_courses", fiscal_year=2025, bureaus=[])
    courses, categories = rows[rows["course_title"].notna()], rows[rows["course_title"].isna()]
    assert courses.iloc[0][["course_title", "learners", "completions"]].tolist() == ["Excel入門", 2, 2]
    # a category counts each learner once, however many of its courses they took
    assert categories.set_index("category").loc["IT", ["courses", "learners"]].tolist() == [2, 3]
    year = run(con, "report_learning_by_year", bureaus=[]).set_index("fiscal_year").loc[2025]
    assert year["courses_used"] == 3 and year["courses_seen"] == 3


def test_learners_against_those_who_did_not_learn(con):
    outcomes = run(con, "report_learning_outcomes", fiscal_year=2025, bureaus=[]).set_index("is_learner")
    learners, others = outcomes.loc[True], outcomes.loc[False]
    assert learners[["staff", "dx_talent", "makers"]].tolist() == [3, 2, 2]
    # 000003 certified after learning; 000001 was certified before it but built A1 after it
    assert learners[["dx_talent_after_learning", "makers_after_learning"]].tolist() == [1, 1]
    assert others[["staff", "dx_talent", "makers"]].tolist() == [1, 1, 0]


def test_the_data_tests_pass_on_the_hand_made_exports(con):
    assert models.run_data_tests(con) == {}
