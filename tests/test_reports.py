"""The one way a figure travels from SQL: named reports with checked parameters, and builders that a
briefing can call without Streamlit."""

from __future__ import annotations

from pathlib import Path

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
        reports.run(demo_con, "report_hours_by_dimension", fiscal_year=2024, bureaus=[], dimension="name; --")


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
