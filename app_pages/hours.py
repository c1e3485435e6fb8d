"""Hours saved: by month, year, bureau, department, app and category; in full-time equivalents; against estimates."""

import streamlit as st

from etl.metrics import fte
from ui import assumptions, charts, data, fmt
from ui.components import as_of_line, chart, comparison, kpi_card, method_panel, page_context
from ui.i18n import lang, t
from ui.tables import table_with_downloads

snapshot, filters = page_context()
fy, bureaus, language = filters.fiscal_year, filters.bureaus, lang()
fy_label = fmt.fiscal_year(fy, language)
st.title(t("hours_title"))
as_of_line(snapshot)

with st.expander(t("assumptions"), expanded=False):
    annual_hours = assumptions.value("fte_hours", "fte_hours", "fte_hours_help")
    st.caption(t("assumption_note"))
now = data.kpis(snapshot, fy)
before, compared_with = comparison(snapshot, fy, now)
cards = st.columns(3)
kpi_card(
    cards[0],
    t("kpi_hours"),
    fmt.hours(now["hours_saved"], language),
    fmt.change(now["hours_saved"], before["hours_saved"], fmt.hours, language),
    t("kpi_hours_help"),
    compared_with=compared_with,
)
equivalents = fte(now["hours_saved"], annual_hours)
kpi_card(
    cards[1],
    t("kpi_fte"),
    t("fte_value", value=f"{equivalents:,.1f}") if equivalents else "—",
    None,
    t("kpi_fte_help"),
)
cards[1].caption(f"{t('fte_hours')}: {fmt.integer(annual_hours)}")

chart(charts.hours_by_month(data.usage_monthly(snapshot, bureaus)))
left, right = st.columns(2)
with left:
    frame = data.kpis_frame(snapshot)
    chart(
        charts.by_year(
            frame[frame["fiscal_year"] <= fy], {"hours_saved": "kpi_hours"}, "chart_hours_by_fy", "axis_hours"
        )
    )
    chart(charts.hours_by_category(data.hours_by_dimension(snapshot, fy, bureaus, "category"), fy))
with right:
    chart(charts.hours_by_bureau(data.hours_by_bureau(snapshot, fy, bureaus), fy))
apps = data.app_table(snapshot, fy, bureaus)
chart(charts.hours_by_app(apps, fy))
st.caption(charts.others_caption(apps))

st.subheader(t("dept_hours_title", fy=fy_label))
departments = data.hours_by_dimension(snapshot, fy, bureaus, "dept").round(
    {"hours_saved": 1, "hours_saved_previous": 1}
)
columns = {
    "bureau_name": "col_bureau",
    "key": "col_dept_code",
    "dept_name": "col_dept",
    "hours_saved": "col_hours",
    "hours_saved_previous": "col_hours_previous",
}
table_with_downloads(departments, columns, f"hours_by_department_{fy}", "dept_hours")

st.subheader(t("estimate_title"))
estimates = data.estimated_vs_realised(snapshot, fy)
if estimates.empty:
    st.info(t("estimate_none"))
else:
    chart(charts.estimated_vs_realised(estimates, fy))
    columns = {
        "project_id": "col_project",
        "team": "col_team",
        "theme": "col_theme",
        "idea": "col_idea",
        "app_name": "col_app",
    }
    columns |= {"estimated_hours": "col_estimated", "realised_hours": "col_realised"}
    shown = estimates.round({"realised_hours": 1}).rename(columns={"realised_hours": "realised_hours"})
    table_with_downloads(shown, columns, f"estimated_vs_realised_{fy}", "estimates")

method_panel(snapshot, fy, ("method_hours",))
