"""Data tests on the marts: SQL queries in etl/sql/tests that must return no rows."""

from __future__ import annotations

import duckdb
import pytest

from etl import models, reports


@pytest.mark.parametrize("test", models.data_tests(), ids=lambda p: p.stem)
def test_data_test_returns_no_rows_on_the_demo_data(demo_con, test):
    rows = demo_con.execute(test.read_text(encoding="utf-8")).fetchall()
    assert rows == [], f"{test.stem}: {rows[:5]}"


def test_every_mart_and_raw_table_has_a_data_test():
    covered = {p.stem.split("__")[0] for p in models.data_tests()}
    assert {m for m in models.MARTS if m != "mart_data_freshness"} <= covered
    from etl.kinds import KINDS, raw_table

    assert {raw_table(k) for k in KINDS} <= covered


def test_the_data_tests_catch_a_duplicate_key_and_a_negative_figure(demo_db_copy):
    con = duckdb.connect(str(demo_db_copy))
    con.execute("insert into raw_certifications select * from raw_certifications limit 1")
    con.execute("update mart_kpis_by_fy set hours_saved = -1 where fiscal_year = 2024")
    failures = models.run_data_tests(con)
    con.close()
    assert "raw_certifications__key_unique" in failures
    assert "mart_kpis_by_fy__invariants" in failures


def test_the_demo_shows_the_quality_view_orphans_and_three_rows_set_aside(demo_con):
    reasons = demo_con.execute(
        "select column_name, raw_value, reason_code from row_issues where severity = 'quarantine' order by 1"
    ).fetchall()
    assert [(column, value) for column, value, _ in reasons] == [
        ("certified_on", "令和6年13月1日"),
        ("level", "プラチナ"),
        ("uses", "-12"),
    ]
    assert all(code for _, _, code in reasons)
    assert demo_con.execute("select count(*) from stg_app_usage where is_orphan").fetchall()[0][0] > 0
    assert demo_con.execute("select count(*) from stg_certifications where is_orphan").fetchall()[0][0] > 0


def test_a_reload_of_the_same_exports_gives_the_same_figures(demo_db_copy, demo_exports):
    from etl import loader, metrics

    def figures():
        con = duckdb.connect(str(demo_db_copy), read_only=True)
        try:
            return [metrics.kpis(con, fy) for fy in metrics.fiscal_years(con)]
        finally:
            con.close()

    before = figures()
    result = loader.load([demo_exports], db=demo_db_copy)
    assert {f.status for f in result.files} == {"unchanged"}
    assert figures() == before


def test_a_fractional_figure_is_summed_exactly_whatever_the_order_of_its_rows(demo_con):
    # a float sum follows the order its threads add in: 0.1 + 0.2 + 0.3 is 0.6000000000000001 one way
    # and 0.6 the other, and a figure of 2,454.65 hours showed as 2,454.6 on one load and 2,454.7 on the next
    orders = ["(0.1), (0.2), (0.3)", "(0.3), (0.2), (0.1)", "(0.2), (0.3), (0.1)"]
    sums = {
        demo_con.execute(f"select exact_sum(x) from (values {rows}) as t(x)").fetchone()[0] for rows in orders
    }
    assert sums == {0.6}
    plain = {
        demo_con.execute(f"select sum(x::double) from (values {rows}) as t(x)").fetchone()[0]
        for rows in orders
    }
    assert len(plain) == 2  # the float sum itself does differ, so the exact one is needed


def test_the_demo_tells_the_citys_story(demo_con):
    def one(sql):
        return demo_con.execute(sql).fetchall()[0]

    staff = demo_con.execute("select fiscal_year, count(*) from stg_staff group by 1 order by 1").fetchall()
    assert [fy for fy, _ in staff][0] == 2021
    assert all(7_500 <= count <= 8_500 for _, count in staff)
    assert (
        one("select count(distinct employment_type) from stg_staff")[0] == 2
    )  # regular and fiscal-year appointees
    departments, bureaus = one("select count(*), count(distinct bureau_name) from stg_organizations")
    assert 300 <= departments <= 400 and bureaus == 23
    silver = dict(demo_con.execute("select fiscal_year, certified_silver from mart_kpis_by_fy").fetchall())
    assert all(650 <= silver[fy] <= 850 for fy in (2023, 2024, 2025))
    assert one("select count(distinct team), count(*) from stg_projects where fiscal_year = 2024") == (13, 16)
    assert one("select count(*) from stg_projects where status = 'live' and app_id is not null")[0] > 0
    assert one("select count(distinct course_title) from stg_elearning")[0] >= 600
    # in FY2024, 13 Gold seminar teams presented 16 themes; some ideas became apps
    seminar = reports.run(demo_con, "report_seminar_by_year").set_index("fiscal_year").loc[2024]
    assert (seminar["teams"], seminar["themes"]) == (13, 16)
    assert reports.run(demo_con, "report_idea_funnel", fiscal_year=2025, bureaus=[]).iloc[0]["live"] > 0
    assert one("select value from stg_targets where metric = 'dx_talent' and fy_from = 2023")[0] == 2400
    # plans for several other figures, so grades show on first run
    assert one("select count(distinct metric) from stg_targets")[0] >= 6


def test_every_plan_line_meets_its_value_on_the_last_day_of_its_range(demo_con):
    from etl import metrics, plans

    for target in metrics.targets(demo_con):
        base = None
        if target.metric in plans.CUMULATIVE:
            before = metrics.kpis_frame(demo_con, [target.fy_from - 1]).iloc[0]
            base = plans.figure(metrics.figures_of(before), target.metric)
            # and it starts from the figure at the end of the year before the range
            first = plans.plan_for(target, target.fy_from - 1, None, True, base)
            assert first == base
        last = plans.plan_for(target, target.fy_to, None, True, base)
        assert last == pytest.approx(target.value), target
