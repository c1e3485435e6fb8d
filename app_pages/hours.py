"""Hours saved: by month, year, bureau, department, app and category; in full-time equivalents."""

from datetime import date

import streamlit as st

from etl.fiscal import month_a_year_before
from etl.metrics import fte
from presentation import fmt
from presentation.cards import Card
from presentation.charts import hours as charts
from shell import data
from shell.components import (
    as_of_line,
    assumption_input,
    card_row,
    chart,
    chart_row,
    kpi_row,
    method_panel,
    page_context,
    show_card,
)
from shell.i18n import lang, t, words
from shell.tables import table_with_downloads

snapshot, filters = page_context()
fy, bureaus, language, said = filters.fiscal_year, filters.bureaus, lang(), words()
fy_label = fmt.fiscal_year(fy, language)
st.title(t("hours_title"))
as_of_line(snapshot)

with st.expander(t("assumptions"), expanded=False):
    annual_hours = assumption_input("fte_hours", "fte_hours", "fte_hours_help")
    st.caption(t("assumption_note"))
now = data.kpis(snapshot, fy)
cards = kpi_row(snapshot, fy, ("hours_saved",), card_row("hours", 3))
equivalents = fte(now["hours_saved"], annual_hours)
show_card(
    cards[1],
    Card(
        t("kpi_fte"), t("fte_value", value=f"{equivalents:,.1f}") if equivalents else "—", t("kpi_fte_help")
    ),
)
cards[1].caption(f"{t('fte_hours')}: {fmt.integer(annual_hours)}")

chart(charts.hours_by_month(data.report(snapshot, "report_hours_by_month", bureaus=bureaus), said))
# a year in progress sets its months against the same months of the year before (contract 4.1)
usage_as_of = (
    None if now["year_complete"] or not now["usage_as_of"] else date.fromisoformat(now["usage_as_of"])
)
previous_through = None if usage_as_of is None else month_a_year_before(usage_as_of)
by_dimension = {"fiscal_year": fy, "bureaus": bureaus, "previous_through": previous_through}
period = None if usage_as_of is None else fmt.year_to_date(usage_as_of, language)
previous_fy = fmt.fiscal_year(fy - 1, language)
previous_label = (
    previous_fy if period is None else t("hours_previous_same_period", fy=previous_fy, period=period)
)
left, right = chart_row("hours-1")
with left:
    frame = data.kpis_frame(snapshot)
    chart(charts.hours_by_year(frame[frame["fiscal_year"] <= fy], said))
    categories = data.report(snapshot, "report_hours_by_dimension", **by_dimension, dimension="category")
    chart(charts.hours_by_category(categories, fy, said, previous_label))
with right:
    by_bureau = data.report(snapshot, "report_hours_by_bureau", fiscal_year=fy, bureaus=bureaus)
    chart(charts.hours_by_bureau(by_bureau, fy, said))
apps = data.report(snapshot, "report_app_table", fiscal_year=fy, bureaus=bureaus)
chart(charts.hours_by_app(apps, fy, said))
st.caption(charts.others_caption(apps, said))

st.subheader(t("dept_hours_title", fy=fy_label))
departments = data.report(snapshot, "report_hours_by_dimension", **by_dimension, dimension="dept").round(
    {"hours_saved": 1, "hours_saved_previous": 1}
)
columns = {
    "bureau_name": "col_bureau",
    "key": "col_dept_code",
    "dept_name": "col_dept",
    "hours_saved": "col_hours",
    "hours_saved_previous": "col_hours_previous" if period is None else "col_hours_same_period",
}
table_with_downloads(departments, columns, f"hours_by_department_{fy}", "dept_hours")

# what the ideas behind seminar apps promised, against what the apps saved, is on the programme page
st.page_link("app_pages/ideas.py", label=t("estimate_link"), icon=":material/lightbulb:")

method_panel(snapshot, fy, ("method_hours",))
