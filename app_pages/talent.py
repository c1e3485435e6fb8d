"""Talent and certification: certifications by level and year, and per 100 staff by bureau."""

import streamlit as st

from ui import charts, data
from ui.components import as_of_line, chart, page_context
from ui.i18n import t

snapshot, filters = page_context()
fy = filters.fiscal_year
st.title(t("talent_title"))
as_of_line(snapshot)
frame = data.kpis_frame(snapshot)
chart(charts.certified_by_level_and_year(frame))

by_bureau = data.certifications_by_bureau(snapshot, fy, filters.bureaus)
left, right = st.columns(2)
with left:
    chart(charts.certified_by_bureau(by_bureau, fy))
with right:
    chart(charts.certified_by_bureau(by_bureau, fy, per_100=True))
