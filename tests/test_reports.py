"""The one way a figure travels from SQL: named reports with checked parameters, and builders that a
briefing can call without Streamlit."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from etl import config, reports

ROOT = Path(__file__).resolve().parent.parent


def test_every_report_file_is_named_and_every_name_has_a_file():
    files = {path.stem for path in config.SQL_DIR.glob("report_*.sql")}
    assert set(reports.REPORTS) == files


def test_a_report_refuses_missing_extra_or_unknown_parameters(demo_con):
    with pytest.raises(TypeError):
        reports.run(demo_con, "report_hours_by_bureau", fiscal_year=2024)  # bureaus missing
    with pytest.raises(TypeError):
        reports.run(demo_con, "report_makers", fiscal_year=2024)  # takes none
    with pytest.raises(ValueError):
        reports.run(demo_con, "report_no_such_thing")
    with pytest.raises(ValueError):  # a choice outside its allow-list never reaches DuckDB
        reports.run(
            demo_con,
            "report_hours_by_dimension",
            fiscal_year=2024,
            bureaus=[],
            dimension="name; --",
            previous_through=None,
        )


def test_bureaus_may_be_a_tuple_as_the_filters_hold_them(demo_con):
    bureau = reports.run(demo_con, "report_bureaus")["bureau_name"].iloc[0]
    as_tuple = reports.run(demo_con, "report_hours_by_bureau", fiscal_year=2024, bureaus=(bureau,))
    as_list = reports.run(demo_con, "report_hours_by_bureau", fiscal_year=2024, bureaus=[bureau])
    assert as_tuple.equals(as_list) and as_tuple["bureau_name"].tolist() == [bureau]


def test_the_sql_and_python_name_the_unknown_and_city_wide_rows_alike(demo_con):
    assert demo_con.execute("select unknown_group(), all_groups()").fetchone() == (
        reports.UNKNOWN,
        reports.ALL,
    )


def test_the_quarantine_reason_follows_the_language(demo_con):
    ja = reports.run(demo_con, "report_quarantine", lang="ja")
    en = reports.run(demo_con, "report_quarantine", lang="en")
    assert len(ja) == len(en) > 0
    assert (ja["reason"] != en["reason"]).all()


def test_every_kind_of_the_registry_is_counted_and_each_dated_kind_has_its_freshness(demo_con):
    # the lists in the SQL are written out; the registry (etl/kinds.py) is what they must follow
    from etl.kinds import DATE, DATE_OR_MONTH, FISCAL_YEAR, KINDS

    counted = set(reports.run(demo_con, "report_rows_by_kind")["kind"])
    assert counted == set(KINDS)
    dated = {
        k.name for k in KINDS.values() if any(c.type in (DATE, DATE_OR_MONTH, FISCAL_YEAR) for c in k.columns)
    }
    fresh = set(demo_con.execute("select kind from mart_data_freshness").df()["kind"])
    assert fresh == dated - {"targets"}  # a plan's years are not data arriving


ROSTER_2026 = "年度,職員番号,氏名,所属コード\n2026,000001,山田 太郎,0101\n"
USAGE_MAY = "アプリID,利用日,利用件数\nA1,2026-05-31,3\n"
LEARNING_JUNE = "職員番号,講座名,視聴時間(分),最終受講日\n000001,データ活用入門,30,2026-06-30\n"


@pytest.mark.parametrize(
    ("today", "files", "expected"),
    [
        # 45 days after the latest usage and e-learning is still their monthly cycle
        ("2026-07-15", {"s.csv": ROSTER_2026, "u.csv": USAGE_MAY, "e.csv": LEARNING_JUNE}, []),
        ("2026-07-16", {"s.csv": ROSTER_2026, "u.csv": USAGE_MAY, "e.csv": LEARNING_JUNE}, ["warn_usage_old"]),
        ("2026-08-15", {"s.csv": ROSTER_2026, "u.csv": USAGE_MAY, "e.csv": LEARNING_JUNE},
         ["warn_usage_old", "warn_elearning_old"]),
        # no e-learning at all is a city without the service, not a missed export; no usage is said so
        ("2026-06-01", {"s.csv": ROSTER_2026, "u.csv": USAGE_MAY}, []),
        ("2026-06-01", {"s.csv": ROSTER_2026}, ["warn_usage_none"]),
        # a new fiscal year without its roster
        ("2027-04-10", {"s.csv": ROSTER_2026, "u.csv": "アプリID,利用日,利用件数\nA1,2027-04-01,3\n"},
         ["warn_roster_missing"]),
    ],
)  # fmt: skip
def test_freshness_warns_of_a_monthly_export_missed_and_a_roster_missing(db, exports, today, files, expected):
    from datetime import date

    from etl import metrics
    from presentation.charts.quality import warning_params
    from presentation.words import LANGUAGES, Words
    from tests.conftest import loaded_connection

    con = loaded_connection(db, exports, files)
    warnings = metrics.freshness_warnings(con, date.fromisoformat(today))
    assert [key for key, _ in warnings] == expected
    for lang in LANGUAGES:  # each says what it found in words, with no placeholder or None left
        for key, params in warnings:
            said = Words(lang)(key, **warning_params(params, Words(lang)))
            assert "{" not in said and "None" not in said, said


def test_the_licence_list_has_no_latest_date_only_its_last_load(demo_con):
    """Its last join (months old) read as a stale export beside "all within their cycle"."""
    fresh = reports.run(demo_con, "report_data_freshness").set_index("kind")
    assert pd.isna(fresh.loc["elearning_users", "latest_date"])
    assert pd.notna(fresh.loc["elearning_users", "last_loaded_at"])
    assert pd.notna(fresh.loc["elearning", "latest_date"])
