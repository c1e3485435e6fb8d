"""Apps: how many are in operation and how many are used, year by year."""

import streamlit as st

from ui import charts, data, fmt
from ui.components import as_of_line, chart, kpi_card, page_context
from ui.i18n import t

snapshot, filters = page_context()
fy = filters.fiscal_year
st.title(t("apps_title"))
as_of_line(snapshot)

now = data.kpis(snapshot, fy)
unit = t("unit_apps")
left, right = st.columns(2)
kpi_card(left, t("kpi_apps"), fmt.integer(now["apps_in_operation"], unit=unit), None, t("kpi_apps_help"))
kpi_card(
    right, t("kpi_active_apps"), fmt.integer(now["active_apps"], unit=unit), None, t("kpi_active_apps_help")
)

frame = data.kpis_frame(snapshot)
series = {"apps_in_operation": "kpi_apps", "active_apps": "kpi_active_apps"}
chart(charts.by_year(frame[frame["fiscal_year"] <= fy], series, "chart_apps_by_fy", "axis_apps"))
