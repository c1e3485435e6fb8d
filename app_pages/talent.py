"""Talent and certification: certifications by level and year, and per 100 staff by bureau."""

import streamlit as st

from ui import data, figures, fmt
from ui.components import as_of_line, chart, page_context
from ui.i18n import lang, t

snapshot, filters = page_context()
fy, language = filters.fiscal_year, lang()
st.title(t("talent_title"))
as_of_line(snapshot)
levels = {level: t(f"level_{level}") for level in ("bronze", "silver", "gold")}

frame = data.kpis_frame(snapshot)
labels = {"title": t("chart_certified_by_fy"), "x": t("axis_fiscal_year"), "y": t("axis_people"), **levels}
chart(figures.certified_by_level_and_year(frame, labels, language))

by_bureau = data.certifications_by_bureau(snapshot, fy, filters.bureaus)
left, right = st.columns(2)
with left:
    labels = {
        "title": t("chart_bureau_title", fy=fmt.fiscal_year(fy, language)),
        "x": t("axis_people"),
        "y": t("axis_bureau"),
        "unknown": t("bureau_unknown"),
        **levels,
    }
    chart(figures.certified_by_bureau(by_bureau, labels))
with right:
    labels = {
        "title": t("chart_per_100", fy=fmt.fiscal_year(fy, language)),
        "x": t("axis_per_100"),
        "y": t("axis_bureau"),
        "unknown": t("bureau_unknown"),
        **levels,
    }
    chart(
        figures.certified_by_bureau(by_bureau.dropna(subset=["per_100_staff"]), labels, value="per_100_staff")
    )
