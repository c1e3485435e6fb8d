"""Hours saved: by month across fiscal years, by fiscal year, and by bureau."""

import streamlit as st

from ui import data, figures, fmt
from ui.components import as_of_line, chart, kpi_card, page_context
from ui.i18n import lang, t

snapshot, filters = page_context()
fy, language = filters.fiscal_year, lang()
st.title(t("hours_title"))
as_of_line(snapshot)

now = data.kpis(snapshot, fy)
kpi_card(st.columns(3)[0], t("kpi_hours"), fmt.hours(now["hours_saved"], language), None, t("kpi_hours_help"))

monthly = data.usage_monthly(snapshot, filters.bureaus)
chart(
    figures.hours_by_month(
        monthly, {"title": t("chart_hours_title"), "x": t("axis_month"), "y": t("axis_hours")}, language
    )
)
left, right = st.columns(2)
with left:
    frame = data.kpis_frame(snapshot)
    labels = {"title": t("chart_hours_by_fy"), "x": t("axis_fiscal_year"), "y": t("axis_hours")}
    chart(
        figures.bars_by_year(
            frame[frame["fiscal_year"] <= fy], {"hours_saved": t("kpi_hours")}, labels, language
        )
    )
with right:
    by_bureau = data.hours_by_bureau(snapshot, fy, filters.bureaus)
    labels = {
        "title": t("chart_hours_by_bureau", fy=fmt.fiscal_year(fy, language)),
        "x": t("axis_hours"),
        "y": t("axis_bureau"),
        "unknown": t("bureau_unknown"),
    }
    chart(figures.hours_by_bureau(by_bureau, labels))
