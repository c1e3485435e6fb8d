"""Talent: certifications, progress to the target, funnels, department coverage, rule checks, retention."""

import streamlit as st

from etl import settings
from etl.metrics import talent_projection
from presentation import fmt
from presentation.cards import Card
from presentation.charts import talent as charts
from presentation.words import CHECK_WORDS, LEVEL_WORDS, STEP_WORDS
from shell import data
from shell.components import (
    as_of_line,
    card_row,
    chart,
    chart_row,
    kpi_row,
    lazy_tabs,
    page_context,
    show_card,
    year_cut,
)
from shell.i18n import lang, t, words
from shell.tables import table_with_downloads

snapshot, filters = page_context()
fy, bureaus, language, said = filters.fiscal_year, filters.bureaus, lang(), words()
fy_label = fmt.fiscal_year(fy, language)
st.title(t("talent_title"))
as_of_line(snapshot)

frame = data.kpis_frame(snapshot)
retention = data.report(snapshot, "report_retention")
now = retention[retention["fiscal_year"] == fy].iloc[0]
projection = talent_projection(frame, fy)
cards = kpi_row(snapshot, fy, ("dx_talent",), card_row("talent", 3))
show_card(
    cards[1],
    Card(
        t("kpi_active_talent"),
        fmt.integer(now["dx_talent_active"], unit=t("unit_people")),
        t("kpi_active_talent_help"),
    ),
)
needed = projection["needed"] if projection else None
pace_text = t("per_year", value=fmt.integer(needed)) if needed else "—"
if projection and projection["ended"] and projection["current"] < projection["target"]:
    pace_text = t("kpi_pace_plan_ended")  # a plan whose last year has closed needs no pace: it ended short
show_card(cards[2], Card(t("kpi_pace_needed"), pace_text, t("kpi_pace_needed_help")))

person_columns = {
    "staff_id": "col_staff_id",
    "name": "col_name",
    "dept_code": "col_dept_code",
    "dept_name": "col_dept",
    "bureau_name": "col_bureau",
}


def tab_certifications():
    chart(charts.certified_by_level_and_year(frame, said))
    by_bureau = data.report(snapshot, "report_certifications_by_bureau", fiscal_year=fy, bureaus=bureaus)
    left, right = chart_row("talent-1")
    with left:
        chart(charts.certified_by_bureau(by_bureau, fy, said))
    with right:
        chart(charts.certified_by_bureau(by_bureau, fy, said, per_100=True))
    st.subheader(t("dept_table_title", fy=fy_label))
    departments = data.report(snapshot, "report_department_certifications", fiscal_year=fy, bureaus=bureaus)
    columns = {
        "bureau_name": "col_bureau",
        "dept_code": "col_dept_code",
        "dept_name": "col_dept",
        "staff": "col_staff",
    }
    columns |= LEVEL_WORDS | {"per_100": "col_per_100"}
    table_with_downloads(departments, columns, f"certified_by_department_{fy}", "dept_certs")


def tab_progress():
    chart(charts.talent_vs_target(frame[frame["fiscal_year"] <= fy], projection, said))
    if projection:
        st.caption(charts.projection_note(projection, said))
    delivery = data.report(snapshot, "report_bureau_delivery", fiscal_year=fy)
    chart(charts.share_comparison(delivery, year_cut(snapshot, fy), said))


def tab_funnel():
    st.caption(t("funnel_note"))
    for level in ("silver", "gold"):
        funnel = data.report(snapshot, "report_funnel", fiscal_year=fy, level=level, bureaus=bureaus)
        figure = charts.funnel(funnel, level, fy, said)
        if figure is None:
            st.info(t("funnel_empty", level=t(LEVEL_WORDS[level])))
            continue
        city = funnel.iloc[0]
        missing = [t(STEP_WORDS[step]) for step in charts.STEPS if not city[f"has_{step}"]]
        if missing:
            steps = t("list_separator").join(missing)
            st.caption(t("funnel_missing", level=t(LEVEL_WORDS[level]), steps=steps, count=len(missing)))
        chart(figure)
        with st.expander(t("funnel_by_bureau") + f" ({t(LEVEL_WORDS[level])})"):
            table = charts.funnel_table(funnel, said)
            table_with_downloads(
                table, charts.funnel_columns(city), f"funnel_{level}_{fy}", f"funnel_{level}"
            )


def tab_coverage():
    coverage = data.report(snapshot, "report_department_coverage", fiscal_year=fy, bureaus=bureaus)
    chart(charts.coverage_treemap(coverage, fy, said), charts.coverage_table(coverage, said))
    action = coverage[coverage["leaders_nominated"] < settings.value("leaders_per_department")]
    st.subheader(t("action_list_title", count=len(action)))
    columns = {
        "bureau_name": "col_bureau",
        "dept_code": "col_dept_code",
        "dept_name": "col_dept",
        "staff": "col_staff",
    }
    columns |= {"leaders_nominated": "col_leaders", "dx_talent": "col_dx_talent"}
    table_with_downloads(action, columns, f"action_list_{fy}", "action_list")


def tab_progression():
    cohorts = data.report(snapshot, "report_progression")
    chart(charts.progression(cohorts, said))
    columns = {
        "cohort": "col_cohort",
        "silver": "col_silver",
        "went_gold": "col_went_gold",
        "gold_share": "col_gold_share",
        "median_days_to_gold": "col_median_days",
    }
    shown = cohorts.assign(
        gold_share=cohorts["gold_share"].map(fmt.percent),
        cohort=cohorts["cohort"].map(lambda y: fmt.fiscal_year(int(y), language)),
    )
    table_with_downloads(shown, columns, "silver_to_gold", "progression")


def tab_rules():
    st.caption(t("rules_intro", fy=fy_label))
    checks = data.report(snapshot, "report_rule_checks", fiscal_year=fy, bureaus=bureaus)
    for rule in (
        "certified_without_assignment",
        "certified_without_session",
        "submitted_not_certified",
        "nominated_not_trained",
    ):
        rows = checks[checks["rule"] == rule]
        with st.expander(
            f"{t(CHECK_WORDS[rule])}: {t('rule_count', count=fmt.integer(len(rows)))}", expanded=False
        ):
            columns = person_columns | {"level": "col_level"}
            table_with_downloads(
                rows.assign(level=rows["level"].map(lambda lv: t(LEVEL_WORDS[lv]))),
                columns,
                f"{rule}_{fy}",
                rule,
                personal=True,
            )


def tab_retention():
    st.caption(t("kpi_active_talent_help"))
    chart(charts.retention(retention[retention["fiscal_year"] <= fy], said))
    gone = data.report(snapshot, "report_leavers", fiscal_year=fy, bureaus=bureaus)
    st.subheader(t("leavers_title", count=fmt.integer(len(gone))))
    # the day each left first after the person, so it stays on the page beside the names at 1280 px
    columns = {"staff_id": "col_staff_id", "name": "col_name", "left_on": "col_left_on"}
    columns |= {"bureau_name": "col_bureau", "dept_name": "col_dept", "dept_code": "col_dept_code"}
    columns |= {"silver_on": "col_silver_on", "gold_on": "col_gold_on"}
    table_with_downloads(gone, columns, f"dx_talent_leavers_{fy}", "leavers", personal=True)


lazy_tabs(
    "talent_tab",
    {
        "tab_certifications": tab_certifications,
        "tab_progress": tab_progress,
        "tab_funnel": tab_funnel,
        "tab_coverage": tab_coverage,
        "tab_progression": tab_progression,
        "tab_rules": tab_rules,
        "tab_retention": tab_retention,
    },
)
