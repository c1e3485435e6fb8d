"""Executive overview: the contract's headline figures for the fiscal year, and four charts."""

from datetime import date

import streamlit as st

from etl.metrics import talent_projection
from presentation import fmt
from presentation.charts.costs import cost_components
from presentation.charts.hours import hours_by_month
from presentation.charts.talent import (
    certified_as_seen,
    certified_by_bureau,
    projection_note,
    talent_vs_target,
)
from shell import data
from shell.access import sees_people
from shell.components import (
    as_of_line,
    chart,
    chart_row,
    kpi_row,
    page_context,
    small_groups_note,
)
from shell.i18n import lang, t, words

snapshot, filters = page_context()
fy, language, said = filters.fiscal_year, lang(), words()
st.title(t("overview_title"))
as_of_line(snapshot)

frame = data.kpis_frame(snapshot)
now = data.kpis(snapshot, fy)
if not now["year_complete"] and now["as_of"]:
    as_of = date.fromisoformat(now["as_of"])
    period = fmt.year_to_date(as_of, language)
    st.caption(
        t(
            "year_in_progress",
            fy=fmt.fiscal_year(fy, language),
            latest=fmt.day(as_of, language),
            period=period,
        )
    )

row1 = kpi_row(snapshot, fy, ("dx_talent", "certified_silver", "certified_gold", "certified_bronze"))
target = now["dx_talent_target"]
row1[0].caption(
    t("kpi_target_reached", target=fmt.integer(target), pct=fmt.percent(now["dx_talent_cumulative"] / target))
    if target
    else t("kpi_no_target")
)
row2 = kpi_row(snapshot, fy, ("hours_saved", "cost_avoided", "apps_in_operation", "leader_coverage"))
row2[2].caption(f"{t('kpi_active_apps')}: {fmt.integer(now['active_apps'], unit=t('unit_apps'))}")
coverage = now["leader_coverage"]
row2[3].caption(
    t("kpi_coverage_value", covered=coverage["departments_covered"], total=coverage["departments_total"])
)

projection = talent_projection(frame, fy)
left, right = chart_row("overview-1")
with left:
    # the years to the chosen one, as the briefing draws it: its projection starts there
    chart(talent_vs_target(frame[frame["fiscal_year"] <= fy], projection, said))
    if filters.bureaus:
        st.caption(t("chart_city_wide"))
    if projection:
        st.caption(projection_note(projection, said))
with right:
    chart(hours_by_month(data.report(snapshot, "report_hours_by_month", bureaus=filters.bureaus), said))

left, right = chart_row("overview-2")
with left:
    chart(cost_components(frame[frame["fiscal_year"] <= fy], said))
    if filters.bureaus:
        st.caption(t("chart_city_wide"))
with right:
    every = data.report(snapshot, "report_certifications_by_bureau", fiscal_year=fy, bureaus=[])
    shown = certified_as_seen(every, filters.bureaus, sees_people())
    chart(certified_by_bureau(shown, fy, said))
    small_groups_note()
