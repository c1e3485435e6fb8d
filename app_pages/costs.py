"""Cost avoided: cumulative by fiscal year, split into initial, running and maintenance."""

import streamlit as st

from ui import charts, data, fmt
from ui.components import as_of_line, chart, kpi_card, page_context
from ui.i18n import lang, t

snapshot, filters = page_context()
fy, language = filters.fiscal_year, lang()
st.title(t("costs_title"))
as_of_line(snapshot)

now = data.kpis(snapshot, fy)
kpi_card(
    st.columns(3)[0],
    t("kpi_cost"),
    fmt.yen(now["cost_avoided_cumulative_yen"], language),
    None,
    t("kpi_cost_help"),
)
frame = data.kpis_frame(snapshot)
chart(charts.cost_components(frame[frame["fiscal_year"] <= fy]))
with st.expander(t("method_title"), expanded=True):
    st.markdown(t("kpi_cost_help"))
