"""Data quality: freshness per kind, rows set aside with their reasons, orphans, and gaps."""

from datetime import date

import streamlit as st

from ui import data, figures, fmt
from ui.components import chart, page_context
from ui.i18n import lang, t
from ui.tables import table_with_downloads

snapshot, _ = page_context()
language = lang()
st.title(t("quality_title"))

st.subheader(t("freshness_title"))
warnings = data.freshness_warnings(snapshot, date.today())
for key, params in warnings:
    shown = {
        k: fmt.day(v, language) if isinstance(v, date) else fmt.fiscal_year(v, language) if k == "fy" else v
        for k, v in params.items()
    }
    st.warning(t(key, **shown))
if not warnings:
    st.success(t("freshness_ok"))
left, right = st.columns(2)
with left:
    fresh = data.freshness(snapshot)
    fresh["kind"] = fresh["kind"].map(lambda k: t(f"kind_{k}"))
    fresh["latest_date"] = fresh["latest_date"].map(lambda d: fmt.day(d, language) if d == d and d else "—")
    fresh["last_loaded_at"] = fresh["last_loaded_at"].astype(str).str[:16].replace("NaT", "—")
    columns = {"kind": "col_kind", "latest_date": "col_latest", "last_loaded_at": "col_last_load"}
    table_with_downloads(fresh, columns, "freshness", "freshness")
with right:
    rows = data.rows_by_kind(snapshot)
    labels = {"title": t("chart_rows_by_kind"), "x": t("axis_rows"), "y": t("col_kind")}
    chart(figures.horizontal_bars(rows["kind"].map(lambda k: t(f"kind_{k}")), rows["rows_held"], labels))

st.subheader(t("quarantine_title"))
issues = data.quarantine(snapshot)
if issues.empty:
    st.success(t("quarantine_none"))
else:
    issues["reason"] = issues[f"reason_{language}"]
    issues["kind_name"] = issues["kind"].map(lambda k: t(f"kind_{k}"))
    issues["severity_name"] = issues["severity"].map(lambda s: t(f"severity_{s}"))
    pick = st.columns(3)
    every = t("filter_all")  # Streamlit's own placeholder is English whatever the page's language
    files = pick[0].multiselect(
        t("filter_file"), sorted(issues["file_name"].unique()), key="q_files", placeholder=every
    )
    kinds = pick[1].multiselect(
        t("filter_kind"), sorted(issues["kind_name"].unique()), key="q_kinds", placeholder=every
    )
    columns_picked = pick[2].multiselect(
        t("filter_column"), sorted(issues["column_name"].unique()), key="q_columns", placeholder=every
    )
    shown = issues
    for column, chosen in (("file_name", files), ("kind_name", kinds), ("column_name", columns_picked)):
        if chosen:
            shown = shown[shown[column].isin(chosen)]
    columns = {
        "severity_name": "col_severity",
        "kind_name": "col_kind",
        "file_name": "col_file",
        "sheet": "col_sheet",
    }
    columns |= {
        "row_number": "col_row",
        "column_name": "col_column",
        "raw_value": "col_value",
        "reason": "col_reason",
    }
    table_with_downloads(shown, columns, "quarantine", "quarantine")

st.subheader(t("orphans_title"))
summary = data.quality_summary(snapshot)
orphans = data.orphans(snapshot)
sections = [
    (
        "orphan_usage",
        orphans["usage"],
        {
            "app_id": "col_app_id",
            "usage_date": "col_usage_date",
            "uses": "col_uses",
            "source_file": "col_file",
            "source_row": "col_source_row",
        },
    ),
    (
        "orphan_certs",
        orphans["certifications"],
        {"staff_id": "col_staff_id", "level": "col_level", "certified_on": "col_certified_on"},
    ),
    (
        "orphan_nominations",
        orphans["nominations"],
        {"fiscal_year": "col_fiscal_year", "dept_code": "col_dept_code", "staff_id": "col_staff_id"},
    ),
]
for key, frame, columns in sections:
    with st.expander(t(key, count=fmt.integer(len(frame)))):
        table_with_downloads(frame, columns, key, key)
st.caption(t("overlap_usage", count=fmt.integer(summary["overlap_usage_rows"])))

st.subheader(t("gaps_title"))
gaps = data.gaps(snapshot)
with st.expander(t("gap_usage", count=fmt.integer(len(gaps["usage"])))):
    columns = {
        "app_id": "col_app_id",
        "app_name": "col_app",
        "owner_bureau_name": "col_bureau",
        "month": "col_month",
    }
    table_with_downloads(gaps["usage"], columns, "usage_gaps", "usage_gaps")
with st.expander(t("gap_departments", count=fmt.integer(len(gaps["departments"])))):
    columns = {"fiscal_year": "col_fiscal_year", "dept_code": "col_dept_code", "staff": "col_staff"}
    table_with_downloads(gaps["departments"], columns, "roster_unknown_departments", "roster_gaps")
