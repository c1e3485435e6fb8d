"""Every page through Streamlit's AppTest, in Japanese and English, on the demo database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from etl import metrics
from presentation import fmt
from shell import roles
from tests.conftest import office_settings

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PAGES = [*roles.READING_PAGES, "import"]  # every page there is


def run_page(page: str, lang: str, **params) -> AppTest:
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    app.query_params["lang"] = lang
    for key, value in params.items():
        app.query_params[key] = value
    app.switch_page(f"app_pages/{page}.py")  # the first run opens the page, as a link to it does
    app.run()
    return app


@pytest.fixture
def app_db(demo_db_copy):
    return demo_db_copy


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_an_exception(app_db, page, lang):
    app = run_page(page, lang)
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]


@pytest.mark.parametrize("page", ["overview", "talent", "apps", "hours", "costs"])
def test_the_first_year_with_data_has_nothing_to_compare_with_and_says_no_change(app_db, page):
    # FY2021 is the demo's first year: no card may compare it with a year that has no data
    app = run_page(page, "en", fy="2021")
    assert not app.exception, [e.value for e in app.exception]
    assert app.metric and all(not m.delta for m in app.metric)


def test_a_card_compares_with_the_year_before_when_it_has_data(app_db):
    app = run_page("hours", "en", fy="2024")
    [hours] = [m for m in app.metric if m.label == "Work hours saved"]
    assert hours.delta and hours.delta[0] in "+-"


@pytest.mark.parametrize("fy", [2024, 2025])
def test_overview_figures_equal_the_kpis_command(app_db, fy):
    import duckdb

    con = duckdb.connect(str(app_db), read_only=True)
    figures = metrics.kpis(con, fy)
    con.close()
    app = run_page("overview", "ja", fy=str(fy))
    values = {m.label: m.value for m in app.metric}
    assert values["DX人材(累計)"] == fmt.integer(figures["dx_talent_cumulative"], unit="人")
    assert values["シルバー認定(年度内)"] == fmt.integer(figures["certified"]["silver"], unit="人")
    assert values["ゴールド認定(年度内)"] == fmt.integer(figures["certified"]["gold"], unit="人")
    assert values["業務削減時間"] == fmt.hours(figures["hours_saved"], "ja")
    assert values["システム経費削減額(累計)"] == fmt.yen(figures["cost_avoided_cumulative_yen"], "ja")
    assert values["運用中アプリ"] == fmt.integer(figures["apps_in_operation"], unit="本")
    coverage = figures["leader_coverage"]
    assert values["リーダー2人選出の所属"] == fmt.percent(
        coverage["departments_covered"] / coverage["departments_total"]
    )


def test_the_overview_defaults_to_the_latest_fiscal_year_with_data(app_db):
    app = run_page("overview", "en")
    import duckdb

    con = duckdb.connect(str(app_db), read_only=True)
    latest = metrics.latest_fiscal_year(con)
    con.close()
    assert app.selectbox[0].value == latest
    assert app.selectbox[0].value == max(app.session_state["filter_fy"], latest)


def test_a_bureau_in_the_url_filters_the_bureau_charts_and_says_kpis_are_city_wide(app_db):
    app = run_page("overview", "en", bureau="総務局")
    assert app.multiselect[0].value == ["総務局"]
    assert any("city-wide" in c.value for c in app.sidebar.caption)
    # the two charts set against the plan (DX talent, cost avoided) stay the city's, and say so
    city_wide = "City-wide: a cumulative figure set against the plan"
    assert sum(c.value.startswith(city_wide) for c in app.main.caption) == 2
    assert not any(c.value.startswith(city_wide) for c in run_page("overview", "en").main.caption)


def test_the_demo_banner_shows_on_demo_data(app_db):
    app = run_page("overview", "ja")
    assert any("デモデータ" in i.value for i in app.info)


def _kpis(app_db, fy):
    import duckdb

    con = duckdb.connect(str(app_db), read_only=True)
    try:
        return metrics.kpis(con, fy)
    finally:
        con.close()


def test_low_code_pages_show_the_kpis_command_figures(app_db):
    figures = _kpis(app_db, 2024)
    hours = {m.label: m.value for m in run_page("hours", "ja", fy="2024").metric}
    costs = {m.label: m.value for m in run_page("costs", "ja", fy="2024").metric}
    apps = {m.label: m.value for m in run_page("apps", "ja", fy="2024").metric}
    assert hours["業務削減時間"] == fmt.hours(figures["hours_saved"], "ja")
    assert costs["システム経費削減額(累計)"] == fmt.yen(figures["cost_avoided_cumulative_yen"], "ja")
    assert apps["運用中アプリ"] == fmt.integer(figures["apps_in_operation"], unit="本")
    assert apps["利用実績のあるアプリ"] == fmt.integer(figures["active_apps"], unit="本")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "abc"])
def test_an_assumption_in_the_url_that_is_not_a_number_falls_back_to_its_default(app_db, value):
    from presentation.assumptions import DEFAULTS

    figures = _kpis(app_db, 2024)
    app = run_page("costs", "en", fy="2024", hourly_yen=value, low=value, high=value)
    assert not app.exception, [e.value for e in app.exception]
    values = {m.label: m.value for m in app.metric}
    assert values["Value of hours saved (FY2024)"] == fmt.yen(
        figures["hours_saved"] * DEFAULTS["hourly_yen"], "en"
    )
    assert values["Low"] == fmt.yen(figures["cost_avoided_cumulative_yen"] * DEFAULTS["low"], "en")
    assert "nan" not in " ".join(m.value + m.label for m in app.metric)


def test_assumptions_in_the_url_change_what_they_drive_and_never_the_figures(app_db):
    figures = _kpis(app_db, 2024)
    app = run_page("costs", "en", fy="2024", hourly_yen="5000", low="0.5", high="1.5")
    values = {m.label: m.value for m in app.metric}
    assert values["Cost avoided (cumulative)"] == fmt.yen(figures["cost_avoided_cumulative_yen"], "en")
    assert values["Low"] == fmt.yen(figures["cost_avoided_cumulative_yen"] * 0.5, "en")
    assert values["High"] == fmt.yen(figures["cost_avoided_cumulative_yen"] * 1.5, "en")
    assert values["Value of hours saved (FY2024)"] == fmt.yen(figures["hours_saved"] * 5000, "en")
    assert app.query_params["hourly_yen"] in ("5000", ["5000"])
    hours = run_page("hours", "en", fy="2024", fte_hours="2000")
    fte = {m.label: m.value for m in hours.metric}["Full-time equivalents"]
    assert fte == f"{figures['hours_saved'] / 2000:,.1f} FTE"


TABS = {
    "talent": [
        "tab_certifications",
        "tab_progress",
        "tab_funnel",
        "tab_coverage",
        "tab_progression",
        "tab_rules",
        "tab_retention",
    ],
    "apps": ["tab_inventory", "tab_makers", "tab_long_tail", "tab_cleanup", "tab_app_table"],
    "ideas": ["tab_ideas", "tab_pipeline", "tab_estimates", "tab_backlog", "tab_seminar"],
    "learning": [
        "tab_learning_activity",
        "tab_learning_bureaus",
        "tab_learning_courses",
        "tab_learning_outcomes",
        "tab_learning_adoption",
    ],
    "impact": [
        "tab_impact_cohorts",
        "tab_impact_event",
        "tab_impact_makers",
        "tab_impact_return",
        "tab_impact_plan",
        "tab_impact_managers",
    ],
}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("page", "tab"), [(p, tab) for p, tabs in TABS.items() for tab in tabs])
def test_every_tab_opens_from_its_link_and_runs(app_db, page, tab, lang):
    from presentation.words import translate

    label = translate(lang, tab)
    app = run_page(page, lang, fy="2024", **{f"{page}_tab": label})
    assert not app.exception, [e.value for e in app.exception]
    # the linked tab is the one drawn, and only it (closed tabs cost nothing on a rerun)
    drawn = {t.label: len(t.children) for t in app.tabs}
    assert drawn[label] > 0
    assert all(count == 0 for name, count in drawn.items() if name != label)


def test_on_127_0_0_1_without_sign_in_the_one_local_user_has_every_page_and_says_so(app_db):
    app = run_page("quality", "en")
    assert not app.exception, [e.value for e in app.exception]
    assert "Local mode, no sign-in (this computer only)" in [c.value for c in app.sidebar.caption]
    # a data administrator reads the audit log (the demo's first load is in it), and nothing edits it
    assert "Audit log" in [h.value for h in app.subheader]
    assert not app.text_input and not app.text_area


def metrics_years(app_db) -> list[int]:
    import duckdb

    con = duckdb.connect(str(app_db), read_only=True)
    try:
        return metrics.fiscal_years(con)
    finally:
        con.close()


def report(app_db, name, **params):
    import duckdb

    from etl import reports

    con = duckdb.connect(str(app_db), read_only=True)
    try:
        return reports.run(con, name, **params)
    finally:
        con.close()


def test_the_ideas_cards_show_the_reports_figures(app_db):
    app = run_page("ideas", "ja", fy="2025")
    values = {m.label: m.value for m in app.metric}
    ideas = report(app_db, "report_ideas_by_year", bureaus=[]).set_index("fiscal_year").loc[2025]
    seminar = report(app_db, "report_seminar_by_year").set_index("fiscal_year").loc[2025]
    funnel = report(app_db, "report_idea_funnel", fiscal_year=2025, bureaus=[]).iloc[0]
    totals = metrics.estimate_totals(report(app_db, "report_estimated_vs_realised", fiscal_year=2025))
    assert values["提出アイデア"] == fmt.integer(ideas["ideas"], unit="件")
    assert values["ゼミ チーム/テーマ"] == f"{seminar['teams']} / {seminar['themes']}"
    assert values["アプリ化(累計)"] == fmt.integer(funnel["live"], unit="件")
    assert values["実績 ÷ 想定"] == fmt.percent(totals["ratio"], 0)


def test_the_learning_cards_are_the_contract_s_figures_set_against_the_same_period_in_a_year_in_progress(
    app_db,
):
    import duckdb

    con = duckdb.connect(str(app_db), read_only=True)
    try:
        whole, in_progress = metrics.kpis(con, 2025), metrics.kpis(con, 2026)
    finally:
        con.close()
    app = run_page("learning", "en", fy="2025")
    values = {m.label: m for m in app.metric}
    assert values["E-learning learners"].value == fmt.integer(whole["elearning"]["learners"])
    assert values["E-learning completions"].value == fmt.integer(whole["elearning"]["completions"])
    assert values["E-learning hours"].value == fmt.hours(whole["elearning"]["hours"], "en")
    assert values["E-learning learners"].delta  # a whole year against the whole year before
    # a year in progress: the contract's figures against the same period of the year before (4.1)
    now = run_page("learning", "en", fy="2026")
    cards = {m.label: m for m in now.metric}
    before = in_progress["same_period_last_year"]["elearning"]["learners"]
    expected = fmt.change(in_progress["elearning"]["learners"], before, fmt.integer, "en")
    assert expected and cards["E-learning learners"].delta == expected
    assert not cards["Per 100 staff"].delta  # the page's own figure: whole years only
    # one bureau's cards are the page's own rows, and a year in progress has no change for them
    year = report(app_db, "report_learning_by_year", bureaus=["総務局"]).set_index("fiscal_year")
    scoped = run_page("learning", "en", fy="2026", bureau="総務局")
    shown = {m.label: m for m in scoped.metric}
    assert shown["Active learners"].value == fmt.integer(year.loc[2026, "learners"])
    assert all(not m.delta for m in scoped.metric)
    assert any("A year in progress" in c.value for c in scoped.caption)


def test_the_hours_page_points_to_the_estimates_on_the_ideas_page(app_db):
    app = run_page("hours", "en", fy="2025")
    assert not app.exception
    assert any("Ideas & projects" in link.label for link in app.get("page_link"))


# what each programme tab says when nothing of the programme is loaded
SAYS_NONE = {
    "ideas": {
        "tab_ideas": "ideas_none",
        "tab_pipeline": "ideas_none_yet",
        "tab_estimates": "to_live_none",
        "tab_backlog": "table_no_rows",
        "tab_seminar": "seminar_none",
    },
    "learning": {tab: "learning_none" for tab in TABS["learning"]}
    | {"tab_learning_adoption": "adoption_none"},
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_office_that_loaded_no_programme_data_reads_that_there_is_none_not_empty_charts(db, exports, lang):
    from presentation.words import translate
    from tests.conftest import loaded_connection

    loaded_connection(
        db,
        exports,
        {
            "orgs.csv": "所属コード,所属名,局名\n0101,総務課,総務局\n",
            "roster.csv": "年度,職員番号,所属コード,氏名\n2025,000001,0101,職員1\n",
        },
    ).close()
    for page, tabs in SAYS_NONE.items():
        for tab, key in tabs.items():
            app = run_page(page, lang, fy="2025", **{f"{page}_tab": translate(lang, tab)})
            assert not app.exception, (page, tab, [e.value for e in app.exception])
            assert not app.get("plotly_chart"), (page, tab)  # no chart of nothing
            said = [i.value for i in app.info] + [c.value for c in app.caption]
            assert translate(lang, key) in said, (page, tab, said)


def test_a_database_an_earlier_version_loaded_is_built_again_before_a_page_reads_it(app_db):
    import duckdb

    con = duckdb.connect(str(app_db))
    con.execute("drop table mart_ideas")  # an earlier version had no such mart
    con.execute("update meta set value = 'earlier' where key = 'models'")
    con.close()
    app = run_page("ideas", "en", fy="2024")
    assert not app.exception, [e.value for e in app.exception]
    assert {m.label for m in app.metric} >= {"Ideas submitted", "Live as apps (total)"}


def _plan_captions(app) -> str:
    return "\n".join(c.value for c in [*app.caption, *app.markdown])


def test_each_card_grades_its_plan_with_the_city_s_bands(app_db):
    figures = _kpis(app_db, 2025)
    app = run_page("overview", "ja", fy="2025")
    captions = _plan_captions(app)
    from etl import plans

    for judged in figures["plan"].values():
        band = plans.band_of(judged["grade"])
        assert f"{band.letter} {band.ja}" in captions  # "B 目標達成": the settings' words, not ours
    assert figures["plan"]["dx_talent"]["grade"] in {"A", "B", "C", "D"}


def test_the_office_s_own_bands_reach_the_cards_and_a_broken_list_is_reported_on_the_quality_page(
    app_db, tmp_path, monkeypatch
):
    settings = office_settings(
        tmp_path,
        monkeypatch,
        "[[grades.bands]]\nletter = 'S'\nfrom = 0.5\nja = '順調'\nen = 'on track'\ncolour = 'violet'\n"
        "[[grades.bands]]\nletter = 'T'\nfrom = 0\nja = '要注意'\nen = 'needs a look'\n",
    )
    captions = _plan_captions(run_page("overview", "en", fy="2025"))
    assert "S on track" in captions or "T needs a look" in captions
    assert "plan met" not in captions
    quality = run_page("quality", "en")
    assert not [w for w in quality.warning if "grade bands" in w.value]
    settings.write_text("[[grades.bands]]\nletter = 'S'\nfrom = 0.5\nja = '順調'\nen = 'on track'\n", "utf-8")
    overview = run_page("overview", "ja", fy="2025")
    assert not overview.exception and "目標達成" in _plan_captions(overview)  # the city's bands again
    from etl import plans
    from presentation import untrusted

    problem = plans.load_bands()[1]
    assert problem[1]["problem"][0] == "bands_last_not_zero"
    for lang, words in (("ja", "評価区分"), ("en", "grade bands")):
        quality = run_page("quality", lang)
        assert not quality.exception
        [warning] = [w for w in quality.warning if words in w.value]
        assert warning.value == untrusted.markdown(plans.describe(problem, lang))  # names the file and why


@pytest.mark.parametrize(
    "params",
    [
        {"fy": "²"},
        {"fy": "9" * 5000},
        {"fy": "1" * 4 + "\u2028"},
        {"hourly_yen": "1" * 5000, "bureau": "\x00"},
        {"overview_tab": "\u2028", "fy": "-2024"},
    ],
    ids=["superscript", "5000-digits", "line-break", "huge-number", "unknown-words"],
)
def test_a_link_with_nonsense_in_its_query_opens_the_latest_year(app_db, params):
    app = run_page("overview", "ja", **params)
    assert not app.exception, [e.value for e in app.exception]
    assert app.sidebar.selectbox[0].value == max(metrics_years(app_db))


def test_a_link_with_a_full_width_year_opens_that_year(app_db):
    app = run_page("overview", "ja", fy="２０２４")
    assert not app.exception and app.sidebar.selectbox[0].value == 2024


def test_the_audit_log_says_whether_its_chain_of_hashes_holds(app_db):
    from etl import audit, config

    path = config.audit_path(app_db)
    audit.record("admin@city.example", "undo", {}, path)
    audit.record("admin@city.example", "undo", {}, path)
    holds = run_page("quality", "en")
    assert any("Tamper check: all" in s.value for s in holds.success)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[1:]), encoding="utf-8")  # the first entry removed
    broken = run_page("quality", "en")
    assert not broken.exception and any("breaks at line 1" in e.value for e in broken.error)


@pytest.mark.parametrize(
    ("lang", "said"), [("ja", "既定の 180 を使っています"), ("en", "the default 180 applies")]
)
def test_a_rule_the_settings_file_breaks_is_reported_and_the_rules_in_force_are_listed(
    app_db, tmp_path, monkeypatch, lang, said
):
    office_settings(tmp_path, monkeypatch, "[lowcode]\ninactive_days = 2\nrecent_use_days = 30\n")
    app = run_page("quality", lang)
    assert not app.exception
    shown = [w.value.replace("\\", "") for w in app.warning]  # the file's words are escaped as text
    assert [w for w in shown if said in w and "lowcode.inactive_days = 2" in w]
    [rules] = [table.value for table in app.table if "lowcode.recent_use_days" in table.value.to_csv()]
    row = rules[rules.iloc[:, 0] == "lowcode.recent_use_days"].iloc[0]  # setting, in force, default, from
    assert (row.iloc[1], row.iloc[2]) == ("30", "90")


def test_a_rule_changed_while_the_dashboard_runs_changes_the_list_and_its_words_together(
    app_db, tmp_path, monkeypatch
):
    # the reports are cached; a cache that did not know the rules would keep the old list under new words
    from presentation.words import translate

    def inactive_heading():
        app = run_page("apps", "en", apps_tab=translate("en", "tab_cleanup"))
        assert not app.exception
        return next(h.value for h in app.subheader if h.value.startswith("Inactive"))

    before = inactive_heading()
    office_settings(tmp_path, monkeypatch, "[lowcode]\ninactive_days = 30\n")
    after = inactive_heading()
    assert "180 days" in before and "30 days" in after
    count = lambda heading: int(heading.rsplit("(", 1)[1].rstrip(")").replace(",", ""))  # noqa: E731
    assert count(after) > count(before)


@pytest.mark.parametrize("fy", [2024, 2026])  # a complete year, and the demo's year in progress
def test_the_overview_card_and_the_briefing_row_show_the_same_change_worked_out_independently(app_db, fy):
    import duckdb

    from briefing import content

    con = duckdb.connect(str(app_db), read_only=True)
    now, before = metrics.kpis(con, fy), metrics.kpis(con, fy - 1)
    deck = content.gather(con, fy, "en")
    con.close()
    # the year before, or the same period of it in a year in progress (contract 4.1)
    against = now["same_period_last_year"] or before
    expected = fmt.change(now["hours_saved"], against["hours_saved"], fmt.hours, "en")
    [card] = [m for m in run_page("overview", "en", fy=str(fy)).metric if m.label == "Work hours saved"]
    [row] = [r for r in deck.slides[0].tables[0].rows if r[0] == "Work hours saved"]
    assert card.delta == row[2] == expected


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_impact_page_shows_the_contracts_difference_and_says_it_is_no_proof_of_cause(app_db, lang):
    import duckdb

    from presentation.words import translate

    con = duckdb.connect(str(app_db), read_only=True)
    figures = metrics.impact(con, 2026)
    con.close()
    latest = [c for c in figures["cohorts"] if c["window_complete"]][-1]
    app = run_page("impact", lang)
    assert not app.exception, [e.value for e in app.exception]
    assert app.get("plotly_chart")  # the first tab's cohort chart
    app = run_page("impact", lang, impact_tab=translate(lang, "tab_impact_event"))
    cards = {m.label: m.value for m in app.metric}
    # what a person reads: the card writes the short unit (+7.3pt), which stays on one line
    shown = cards[translate(lang, "kpi_impact_difference")]
    assert shown == fmt.points(latest["difference_pp"], lang, short=True) and shown.endswith("pt")
    assert cards[translate(lang, "kpi_impact_apps_share")] == fmt.percent(figures["dx_talent_apps_share"])
    assert any(translate(lang, "impact_caveat") in info.value for info in app.info)
    # the event study the load stored, summed up in the page's words with its own figures
    con = duckdb.connect(str(app_db), read_only=True)
    overall = con.execute(
        "select estimate, people from impact_event_study where outcome = 'built_share' and event_month is null"
    ).fetchone()
    con.close()
    summary = translate(lang, "impact_event_summary_built").split("{")[0]
    said = [m.value for m in app.markdown if summary in m.value]
    assert said and fmt.points(overall[0] * 100, lang) in said[0] and fmt.integer(overall[1]) in said[0]


@pytest.mark.parametrize("people", [True, False])
def test_the_overview_hides_small_certified_counts_by_bureau_from_an_aggregate_role_only(
    app_db, monkeypatch, people
):
    """Gold certified by bureau runs from 0 to 5 a bureau in the demo: an executive sees no count of 1-4."""
    from shell import access, components

    for module in (access, components):
        monkeypatch.setattr(module, "sees_people", lambda: people)
    app = run_page("overview", "ja", fy="2025")
    assert not app.exception, [e.value for e in app.exception]
    [by_bureau] = [table.value for table in app.table if "ゴールド" in table.value.columns]
    gold = pd.to_numeric(by_bureau["ゴールド"], errors="coerce")
    counted = report(app_db, "report_certifications_by_bureau", fiscal_year=2025, bureaus=[])
    truth = counted[counted["level"] == "gold"]["certified"]
    assert ((truth > 0) & (truth < 5)).any()  # the demo has small groups to hide
    note = [c.value for c in app.caption if "5人未満の集団" in c.value]
    if people:
        assert gold.notna().all() and not note
    else:
        assert not ((gold > 0) & (gold < 5)).any() and gold.isna().sum() >= 2 and note


def test_a_bureau_s_ideas_by_result_and_category_hide_small_groups_from_an_aggregate_role(
    app_db, monkeypatch
):
    """Filtered to one bureau, a year's one failed idea is a person: an executive reads the bureau's ideas
    and those passed (where not small on any bureau), no other result, and no pipeline."""
    from presentation.words import translate
    from shell import access, components, sidebar

    bureaus = report(app_db, "report_certifications_by_bureau", fiscal_year=2024, bureaus=[])["bureau_name"]
    small = None
    for bureau in bureaus.unique():
        years = report(app_db, "report_ideas_by_year", bureaus=[bureau]).set_index("fiscal_year")
        if 2024 in years.index and 0 < years.loc[2024, "fail"] < 5 and years.loc[2024, "pass"] >= 5:
            small = bureau
            break
    assert small is not None  # the demo has a bureau with a few failed ideas in FY2024
    for module in (access, components, sidebar):
        monkeypatch.setattr(module, "sees_people", lambda: False)
    app = run_page("ideas", "ja", fy="2024", bureau=small)
    assert not app.exception, [e.value for e in app.exception]
    [table] = [d.value for d in app.dataframe if "不合格" in d.value.columns]
    assert (table["不合格"] == "—").all() and (table["再提出"] == "—").all()
    shown = table[table["アイデア"] != "—"]
    assert len(shown) and (table["アイデア"] == "—").any()  # some of the bureau's years shown, some not
    # a shown year's bar keeps its height: the results other than passed stand together
    [bars] = [t.value for t in app.table if "少人数のため内訳非表示" in t.value.columns]
    for label in shown["年度"]:
        year = years.loc[int(label[:4])]
        assert bars.loc[label, "少人数のため内訳非表示"] == year["ideas"] - year["pass"]
    named = set(report(app_db, "report_ideas_by_category", fiscal_year=2024, bureaus=[small])["category"])
    shown_categories = [t.value for t in app.table if set(t.value.index) == named]
    for categories in shown_categories:  # none where every category is hidden (the page says so)
        counts = pd.to_numeric(categories["提出"], errors="coerce")
        assert not ((counts > 0) & (counts < 5)).any()
    pipeline = run_page("ideas", "ja", fy="2024", bureau=small, ideas_tab=translate("ja", "tab_pipeline"))
    assert not pipeline.exception, [e.value for e in pipeline.exception]
    assert translate("ja", "pipeline_bureau_hidden") in [i.value for i in pipeline.info]


def test_an_aggregate_role_chooses_one_bureau_and_reads_the_bureaus_months_as_decided_on_all(
    app_db, monkeypatch
):
    """Two bureaus in the URL keep the first for an executive (their sum less the city's would undo the
    hiding); the bureau's months are those privacy.cube_hidden decides on every bureau."""
    import os

    from presentation import privacy
    from shell import access, components, data, sidebar

    for module in (access, components, sidebar):
        monkeypatch.setattr(module, "sees_people", lambda: False)
    snapshot = os.path.realpath(app_db)
    every = data.report_by_bureau(snapshot, "report_learning_by_month", fiscal_year=2025)
    hidden = privacy.cube_hidden(
        every, ["month"], ["active_learners", "completions"], additive=("completions",)
    )
    counts = every.assign(hidden=hidden).groupby("bureau_name")["hidden"].sum()
    bureau, other = counts.sort_values(ascending=False).index[:2]
    assert counts[bureau] > 0  # the demo has a bureau with hidden months
    app = run_page("learning", "ja", fy="2025", bureau=[bureau, other])
    assert not app.exception, [e.value for e in app.exception]
    assert app.session_state["filter_bureaus"] == [bureau]
    [months] = [
        t.value
        for t in app.table
        if "受講者" in t.value.columns and not any("年度" in str(label) for label in t.value.index)
    ]
    shown = pd.to_numeric(months["受講者"], errors="coerce")
    expected = every[every["bureau_name"] == bureau].assign(hidden=hidden[every["bureau_name"] == bureau])
    assert shown.isna().tolist() == expected["hidden"].tolist()
    assert shown.dropna().tolist() == expected.loc[~expected["hidden"], "active_learners"].tolist()


def test_hours_by_category_set_a_year_in_progress_against_the_same_months_of_the_year_before(app_db):
    """FY2026 to November against the whole of FY2025 made every category look a fifth down."""
    import duckdb

    from etl.fiscal import month_a_year_before

    con = duckdb.connect(str(app_db), read_only=True)
    try:
        now = metrics.kpis(con, 2026)
        through = month_a_year_before(date.fromisoformat(now["usage_as_of"]))
        whole, same = con.execute(
            """select sum(hours_saved), sum(hours_saved) filter (where usage_month <= ?)
               from mart_usage_monthly where fiscal_year = 2025""",
            [through],
        ).fetchone()
    finally:
        con.close()
    assert not now["year_complete"] and same < whole
    app = run_page("hours", "ja", fy="2026")
    assert not app.exception, [e.value for e in app.exception]
    [categories] = [t.value for t in app.table if any("2025年度同期" in str(c) for c in t.value.columns)]
    previous = next(c for c in categories.columns if "2025年度同期" in str(c))
    assert float(pd.to_numeric(categories[previous]).sum()) == pytest.approx(float(same), rel=1e-9)
    [departments] = [d.value for d in app.dataframe if "前年同期の削減時間" in d.value.columns]
    assert float(departments["前年同期の削減時間"].sum()) == pytest.approx(float(same), abs=1.0)


def test_a_cell_hidden_to_cover_another_stays_hidden_under_a_filter_to_its_bureau(app_db, monkeypatch):
    """Silver FY2024: a bureau's 23 was hidden only to cover another's 1; filtered to that bureau alone the
    overview showed 23, and the Silver card less the other bars gave the 1 back."""
    from presentation import privacy
    from shell import access, components

    counted = report(app_db, "report_certifications_by_bureau", fiscal_year=2024, bureaus=[])
    hidden = privacy.each_for_viewer(counted, "level", ["certified"], ("per_100_staff",), False)
    cover = hidden[hidden["certified"].isna() & (counted["certified"] >= 5)]
    assert len(cover)  # the demo has a count hidden only to cover a small one
    level, bureau = cover.iloc[0][["level", "bureau_name"]]
    for module in (access, components):
        monkeypatch.setattr(module, "sees_people", lambda: False)
    app = run_page("overview", "ja", fy="2024", bureau=bureau)
    assert not app.exception, [e.value for e in app.exception]
    word = {"bronze": "ブロンズ", "silver": "シルバー", "gold": "ゴールド"}[level]
    [by_bureau] = [table.value for table in app.table if word in table.value.columns]
    assert pd.isna(pd.to_numeric(by_bureau[word], errors="coerce")).all()


def test_an_aggregate_role_reads_no_small_count_of_ideas_that_did_not_pass_nor_any_taken_up(
    app_db, monkeypatch
):
    """FY2025: 31 ideas and 30 passed, both shown, said one of the bureau's ideas did not pass."""
    from shell import access, components

    for module in (access, components):
        monkeypatch.setattr(module, "sees_people", lambda: False)
    app = run_page("ideas", "ja", fy="2025")
    assert not app.exception, [e.value for e in app.exception]
    [table] = [d.value for d in app.dataframe if "プロジェクト化" in d.value.columns]
    ideas, passed = (pd.to_numeric(table[c], errors="coerce") for c in ("アイデア", "合格"))
    not_passed = ideas - passed
    assert not ((not_passed > 0) & (not_passed < 5)).any()
    assert (table["プロジェクト化"] == "—").all()


def test_an_aggregate_role_reads_the_citys_backlog_without_bureaus(app_db, monkeypatch):
    """A bureau's backlog (passed, not taken up) counted against its ideas passed gave its ideas taken up:
    an executive filtered to a bureau reads the city's list, and no list says which bureau an idea is from."""
    from presentation.words import translate
    from shell import access, components, sidebar, tables

    for module in (access, components, sidebar):
        monkeypatch.setattr(module, "sees_people", lambda: False)
    monkeypatch.setattr(tables, "viewer_sees_people", lambda: False)
    bureau = report(app_db, "report_bureaus")["bureau_name"].iloc[0]
    tab = translate("ja", "tab_backlog")
    app = run_page("ideas", "ja", fy="2025", bureau=bureau, ideas_tab=tab, backlog_min="0")
    assert not app.exception, [e.value for e in app.exception]
    [listed] = [d.value for d in app.dataframe if "提案者の認定" in d.value.columns]
    city = report(app_db, "report_idea_backlog", fiscal_year=2025, min_hours=0, bureaus=[])
    assert len(listed) == len(city) > len(city[city["bureau_name"] == bureau])
    assert "局・区" not in listed.columns
    assert translate("ja", "backlog_city_only") in [c.value for c in app.caption]


def test_the_catalogue_summary_counts_every_course_used_whatever_the_role_sees(app_db, monkeypatch):
    """Courses a few people took are hidden from an executive, but still used: "2 courses had activity"
    for a bureau whose table lists dozens read wrongly."""
    from presentation.words import translate
    from shell import access, components, sidebar

    for module in (access, components, sidebar):
        monkeypatch.setattr(module, "sees_people", lambda: False)
    bureau = report(app_db, "report_bureaus")["bureau_name"].iloc[0]
    rows = report(app_db, "report_learning_courses", fiscal_year=2025, bureaus=[bureau])
    used = int((rows[rows["course_title"].notna()]["learners"] > 0).sum())
    tab = translate("en", "tab_learning_courses")
    app = run_page("learning", "en", fy="2025", bureau=bureau, learning_tab=tab)
    assert not app.exception, [e.value for e in app.exception]
    [summary] = [m.value for m in app.markdown if "had activity in FY2025" in m.value]
    assert summary.startswith(f"{used:,} courses") and used > 2


def test_the_learners_by_bureau_tab_follows_the_bureau_filter(app_db):
    """The tab listed every bureau under a filter to one, against the sidebar's note."""
    bureaus = report(app_db, "report_learning_by_bureau", fiscal_year=2025)["bureau_name"].tolist()
    chosen = bureaus[len(bureaus) // 2]
    tab = "局・区別"
    app = run_page("learning", "ja", fy="2025", bureau=chosen, learning_tab=tab)
    assert not app.exception, [e.value for e in app.exception]
    [table] = [d.value for d in app.dataframe if "受講者" in d.value.columns and "局・区" in d.value.columns]
    assert table["局・区"].tolist() == [chosen]
    app = run_page("learning", "ja", fy="2025", learning_tab=tab)
    [table] = [d.value for d in app.dataframe if "受講者" in d.value.columns and "局・区" in d.value.columns]
    assert len(table) == len(bureaus) > 1


def test_a_year_in_progress_is_cut_at_the_datas_latest_day_never_at_its_end(app_db):
    """The backlog and the pipeline said "2026年度末までに" / "2026年度末時点" of a year still running."""
    from presentation.words import translate

    now, before = _kpis(app_db, 2026), _kpis(app_db, 2025)
    assert not now["year_complete"] and before["year_complete"]
    day = fmt.day(date.fromisoformat(now["as_of"]), "ja")
    tab = translate("ja", "tab_backlog")
    running = [h.value for h in run_page("ideas", "ja", fy="2026", ideas_tab=tab).subheader]
    assert any(f"{day}までに合格" in h for h in running) and not any("年度末" in h for h in running)
    ended = [h.value for h in run_page("ideas", "ja", fy="2025", ideas_tab=tab).subheader]
    assert any("2025年度末までに合格" in h for h in ended)
    assert fmt.year_cut(2026, date(2026, 11, 30), "en") == "30 Nov 2026"
    assert fmt.year_cut(2025, None, "en") == "the end of FY2025"
    # the pages and the briefing decide it from the year's kpis in one place
    assert fmt.year_cut_of(now, 2026, "ja") == day and fmt.year_cut_of(before, 2025, "ja") == "2025年度末"
    assert fmt.year_cut_of(None, 2025, "en") == "the end of FY2025"  # a year with no figures at all


def test_the_ideas_cards_that_stay_the_citys_say_so_under_a_bureau_filter(app_db):
    """Under a bureau, the seminar's teams and themes and the estimates' ratio are the city's."""
    chosen = report(app_db, "report_ideas_by_bureau", fiscal_year=2025, bureaus=[])["bureau_name"].iloc[0]
    filtered = run_page("ideas", "ja", fy="2025", bureau=chosen)
    assert not filtered.exception, [e.value for e in filtered.exception]
    assert [c.value for c in filtered.main.caption].count("全庁の値") == 2
    assert "全庁の値" not in [c.value for c in run_page("ideas", "ja", fy="2025").main.caption]


def test_the_briefing_preview_draws_again_from_the_cache(app_db):
    """The slides are cached (pickled): the second visit read figures whose arrays had become plotly.js
    typed arrays, and the preview's chart tables failed after slide 3."""
    app = run_page("briefing", "en", fy="2025")
    app.run()  # the same deck, now from st.cache_data
    assert not app.exception, [e.value for e in app.exception]
    titles = [e.value for e in app.markdown if e.value.startswith("**9.")]
    assert titles, "the preview reached its last slide"


def test_a_card_whose_figure_did_not_change_shows_no_rise(app_db):
    """ "↑ 0人" stood green on the Japanese overview: an unsigned change is drawn without an arrow, in grey."""
    from streamlit.proto.Metric_pb2 import Metric

    app = run_page("overview", "ja", fy="2026")
    still = [m for m in app.metric if m.proto.delta and not m.proto.delta.startswith(("+", "-"))]
    moved = [m for m in app.metric if m.proto.delta.startswith("+")]
    assert still and moved, [m.proto.delta for m in app.metric]
    assert {(m.proto.color, m.proto.direction) for m in still} == {
        (Metric.MetricColor.GRAY, Metric.MetricDirection.NONE)
    }
    assert all(m.proto.direction == Metric.MetricDirection.UP for m in moved)


def test_the_learning_outcomes_table_has_a_figure_a_row_and_a_group_a_column(app_db):
    """Eight columns of figures ran past the page at 1280 px: the two groups are the columns now."""
    from presentation.words import translate

    app = run_page("learning", "en", fy="2025", learning_tab=translate("en", "tab_learning_outcomes"))
    assert not app.exception, [e.value for e in app.exception]
    [table] = [frame.value for frame in app.dataframe if "Have learned" in frame.value.columns]
    assert list(table.columns) == ["Figure", "Have learned", "Have not learned"]
    assert len(table) == 7 and table.iloc[3, 2] == "—"  # nobody "certified after learning" who never learned
    assert table.iloc[2, 1].endswith("%") and table.iloc[0, 1].replace(",", "").isdigit()
