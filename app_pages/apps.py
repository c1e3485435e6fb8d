"""Apps: how many are in operation and how many are used, year by year."""

import streamlit as st

from ui import data, figures, fmt
from ui.components import as_of_line, chart, kpi_card, page_context
from ui.i18n import lang, t

snapshot, filters = page_context()
fy, language = filters.fiscal_year, lang()
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
series = {"apps_in_operation": t("kpi_apps"), "active_apps": t("kpi_active_apps")}
labels = {"title": t("chart_apps_by_fy"), "x": t("axis_fiscal_year"), "y": t("axis_apps")}
chart(figures.bars_by_year(frame[frame["fiscal_year"] <= fy], series, labels, language))
