"""Hours saved: by month across fiscal years, by fiscal year, and by bureau."""

import streamlit as st

from ui import charts, data, fmt
from ui.components import as_of_line, chart, kpi_card, page_context
from ui.i18n import lang, t

snapshot, filters = page_context()
fy, language = filters.fiscal_year, lang()
st.title(t("hours_title"))
as_of_line(snapshot)

now = data.kpis(snapshot, fy)
kpi_card(st.columns(3)[0], t("kpi_hours"), fmt.hours(now["hours_saved"], language), None, t("kpi_hours_help"))

chart(charts.hours_by_month(data.usage_monthly(snapshot, filters.bureaus)))
left, right = st.columns(2)
with left:
    frame = data.kpis_frame(snapshot)
    chart(
        charts.by_year(
            frame[frame["fiscal_year"] <= fy], {"hours_saved": "kpi_hours"}, "chart_hours_by_fy", "axis_hours"
        )
    )
with right:
    chart(charts.hours_by_bureau(data.hours_by_bureau(snapshot, fy, filters.bureaus), fy))
