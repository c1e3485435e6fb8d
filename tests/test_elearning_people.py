"""The e-learning service names people by e-mail address: its own export loads beside a staff-id file,
the roster resolves the addresses (contract section 2), and an address on no roster waits for one."""

from __future__ import annotations

import json

import duckdb
import pytest

from etl import reports
from tests.conftest import query, write
from tests.test_cli import etl
from tests.test_pages import run_page

ORGS = "所属コード,所属名,局名\n0101,総務課,総務局\n0102,人事課,総務局\n"
# K0003 held team.lead@ in FY2024; K0004 holds it on the FY2025 roster, the latest: K0004 is its person
ROSTER = (
    "職員番号,年度,所属コード,氏名,メールアドレス\n"
    "K0001,2024,0101,山田太郎,taro.yamada@city.example\n"
    "K0002,2024,0101,佐藤花子,Hanako.Sato@City.Example\n"
    "K0003,2024,0102,鈴木一郎,team.lead@city.example\n"
    "K0003,2025,0102,鈴木一郎,ichiro.suzuki@city.example\n"
    "K0004,2025,0102,高橋次郎,team.lead@city.example\n"
)
# the office's own file, by staff id; loaded first (file names in code-point order)
BY_STAFF_ID = (
    "職員番号,講座名,視聴時間(分),最終受講日,修了日\n"
    "K0001,Excel基礎,60,2024/05/01,\n"  # replaced by the service's later row of the same person and course
    "K0001,kintone入門,30,2024/07/01,\n"
    "K0003,Excel基礎,15,2024/05/01,2024/05/01\n"
)
# the service's "user course activity" report as it writes it: UTF-8 with a BOM, English headers with
# spaces, UTC datetimes; addresses in upper case, full-width and padded with spaces
SERVICE = (
    "User Name,User Email,External ID,Course ID,Course Title,Course Category,Completion Ratio,"
    "Num Video Consumed Minutes,Course First Accessed Date,Course Last Accessed Date,Course Completion Date\r\n"
    "Taro Yamada,TARO.YAMADA@CITY.EXAMPLE,,101,Excel基礎,Office,100,90,"
    "2024-06-01T00:00:00Z,2024-06-10T01:00:00Z,2024-06-10T01:00:00Z\r\n"
    # 15:30 UTC on 31 March is 1 April in Tokyo: FY2025
    "Hanako Sato, ｈａｎａｋｏ．ｓａｔｏ＠ｃｉｔｙ．ｅｘａｍｐｌｅ ,,102,kintone入門,Office,40,45,"
    "2025-03-01T00:00:00Z,2025-03-31T15:30:00Z,\r\n"
    "Jiro Takahashi, Team.Lead@City.Example ,,101,Excel基礎,Office,100,30,"
    "2024-09-01T00:00:00Z,2024-09-01T03:00:00Z,2024-09-01T03:00:00Z\r\n"
    # single sign-on gave this one an External ID: the staff id is the person, whatever the address
    "Ichiro Suzuki,nobody@elsewhere.example,K0003,103,データ活用,Data,80,60,"
    "2024-11-01T00:00:00Z,2024-12-01T00:00:00Z,\r\n"
    "Unknown Person,unknown.person@city.example,,103,データ活用,Data,10,120,"
    "2024-10-01T00:00:00Z,2024-10-01T00:00:00Z,\r\n"
)
# FY2024 by hand (the unknown address in none of it):
#   learners:    K0001 (Excel基礎 90, kintone入門 30), K0003 (データ活用 60, Excel基礎 15), K0004 (Excel基礎 30) = 3
#   hours:       (90 + 30 + 60 + 15 + 30) / 60 = 225 / 60 = 3.75
#   completions: K0001 Excel基礎, K0003 Excel基礎, K0004 Excel基礎 = 3
# FY2025: K0002's kintone入門 on 1 April (Tokyo): 1 learner, 45 / 60 = 0.75 hours, no completion
LATER_ROSTER = "職員番号,年度,所属コード,メールアドレス\nK0005,2025,0101,Unknown.Person@city.example\n"


def elearning(db, fiscal_year: int) -> dict:
    result = etl("kpis", "--db", str(db), "--fy", str(fiscal_year), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def load(db, *paths) -> None:
    result = etl("load", *map(str, paths), "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def service_loaded(db, exports):
    write(exports, "01_組織.csv", ORGS)
    write(exports, "02_職員名簿.csv", ROSTER)
    write(exports, "03_動画学習_職員番号.csv", BY_STAFF_ID)
    write(exports, "04_user_course_activity.csv", "\ufeff" + SERVICE)
    load(db, exports)
    return db


def test_the_service_s_own_export_loads_beside_a_staff_id_file_and_counts_each_person_once(service_loaded):
    fy2024 = elearning(service_loaded, 2024)
    assert fy2024["elearning"] == {"learners": 3, "hours": pytest.approx(3.75), "completions": 3}
    fy2025 = elearning(service_loaded, 2025)
    assert fy2025["elearning"] == {"learners": 1, "hours": pytest.approx(0.75), "completions": 0}
    # FY2025 is in progress (as of 1 April 2025): set against FY2024 cut at 1 April 2024, when nobody
    # had yet learned
    assert fy2025["year_complete"] is False
    assert fy2025["same_period_last_year"]["elearning"] == {"learners": 0, "hours": 0.0, "completions": 0}


def test_an_address_on_no_roster_is_kept_listed_with_its_file_and_row_and_comes_in_with_a_later_roster(
    service_loaded, exports
):
    con = duckdb.connect(str(service_loaded), read_only=True)
    try:
        listed = reports.run(con, "report_orphan_elearning")
    finally:
        con.close()
    assert listed[["email", "course_title", "source_row"]].values.tolist() == [
        ["unknown.person@city.example", "データ活用", 6]
    ]
    assert listed["source_file"].iloc[0].endswith("04_user_course_activity.csv")
    # a later roster gives the address to K0005: its row comes in, no reload of the e-learning files
    later = write(exports, "05_職員名簿_追加.csv", LATER_ROSTER)
    load(service_loaded, later)
    fy2024 = elearning(service_loaded, 2024)
    assert fy2024["elearning"] == {"learners": 4, "hours": pytest.approx(5.75), "completions": 3}
    assert query(service_loaded, "select count(*) from raw_elearning") == [(8,)]


@pytest.mark.parametrize(
    ("lang", "heading"), [("ja", "名簿にないメールアドレス"), ("en", "addresses on no roster")]
)
def test_the_data_quality_page_lists_the_unknown_address(service_loaded, monkeypatch, lang, heading):
    monkeypatch.setenv("DXDASH_DB", str(service_loaded))
    app = run_page("quality", lang)
    assert not app.exception, [e.value for e in app.exception]
    [expander] = [e for e in app.expander if heading in e.label]
    assert ": 1" in expander.label or "1行" in expander.label
    [frame] = [d.value for d in expander.dataframe]
    assert "unknown.person@city.example" in frame.to_csv()


def test_a_row_with_neither_a_staff_id_nor_an_address_is_set_aside_with_its_reason(db, exports):
    write(
        exports,
        "el.csv",
        "職員番号,メールアドレス,講座名,視聴時間(分),最終受講日\n,,Excel基礎,10,2024-05-01\n",
    )
    result = etl("load", str(exports), "--db", str(db))
    assert result.returncode == 1  # a row set aside, the rest committed
    assert query(db, "select column_name, reason_code from row_issues") == [("staff_id", "missing_person")]


def test_a_file_with_neither_column_names_both_as_missing(db, exports):
    write(exports, "el.csv", "講座名,視聴時間(分),最終受講日\nExcel基礎,10,2024-05-01\n")
    result = etl("load", str(exports), "--db", str(db), "--kind", "elearning")
    assert result.returncode != 0
    assert "staff_id / email" in result.stdout + result.stderr


def test_the_demo_s_adoption_funnel_narrows_step_by_step_and_its_bureaus_add_up_to_the_city(demo_db):
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        funnel = reports.run(con, "report_elearning_funnel")
    finally:
        con.close()
    city = funnel[funnel["bureau_name"] == reports.ALL].iloc[0]
    steps = [int(city[step]) for step in ("licences", "joined", "enrolled", "first_lecture")]
    assert steps == sorted(steps, reverse=True) and steps[-1] > 0
    assert steps[-1] < steps[-2]  # the demo has people who enrolled and never watched
    bureaus = funnel[funnel["bureau_name"] != reports.ALL]
    assert int(bureaus["licences"].sum()) == steps[0]


# stamps around Tokyo's midnight (UTC+9): 14:59:59Z is still the same day in Tokyo, 15:00:00Z the next
STAMPS = ["2024-03-31T14:59:59Z", "2024-03-31T15:00:00Z", "2024-12-31T23:59:59Z", "2025-02-28T15:00:00Z"]
TOKYO_DAYS = ["2024-03-31", "2024-04-01", "2025-01-01", "2025-03-01"]


@pytest.mark.parametrize(
    "odd_one, odd_day",
    [
        (None, None),  # every value a UTC stamp: DuckDB types the column
        ("2024/06/01", "2024-06-01"),  # one other form: every value typed by the Python parser
    ],
)
def test_utc_stamps_are_the_same_tokyo_days_whether_duckdb_or_python_types_them(
    db, exports, odd_one, odd_day
):
    stamps = STAMPS + ([odd_one] if odd_one else [])
    rows = "".join(f"K000{i},講座{i},10,{stamp}\n" for i, stamp in enumerate(stamps, 1))
    write(exports, "el.csv", "職員番号,講座名,視聴時間(分),最終受講日\n" + rows)
    load(db, exports)
    got = query(db, "select activity_on::varchar from raw_elearning order by source_row")
    assert [day for (day,) in got] == TOKYO_DAYS + ([odd_day] if odd_day else [])


def test_a_utc_stamp_that_is_no_date_is_set_aside_as_a_bad_date(db, exports):
    rows = "K0001,講座1,10,2024-04-01T00:00:00Z\nK0002,講座2,10,2024-13-01T00:00:00Z\n"
    write(exports, "el.csv", "職員番号,講座名,視聴時間(分),最終受講日\n" + rows)
    result = etl("load", str(exports), "--db", str(db))
    assert result.returncode == 1  # the bad row set aside, the good one committed
    assert query(db, "select column_name, reason_code from row_issues") == [("activity_on", "bad_date")]
    assert query(db, "select activity_on::varchar from raw_elearning") == [("2024-04-01",)]
