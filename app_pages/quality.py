"""Data quality: freshness per kind, rows set aside with their reasons, and orphans."""

import streamlit as st

from ui import data, figures, fmt
from ui.components import chart, page_context
from ui.i18n import lang, t
from ui.tables import csv_bytes, translated

snapshot, _ = page_context()
language = lang()
st.title(t("quality_title"))

summary = data.quality_summary(snapshot)
st.subheader(t("orphans_title"))
st.markdown(
    "\n".join(
        f"- {line}"
        for line in (
            t("orphan_usage", count=fmt.integer(summary["orphan_usage_rows"])),
            t("overlap_usage", count=fmt.integer(summary["overlap_usage_rows"])),
            t("orphan_certs", count=fmt.integer(summary["orphan_certifications"])),
        )
    )
)

left, right = st.columns(2)
with left:
    st.subheader(t("freshness_title"))
    fresh = data.freshness(snapshot)
    fresh["kind"] = fresh["kind"].map(lambda k: t(f"kind_{k}"))
    fresh["latest_date"] = fresh["latest_date"].map(lambda d: fmt.day(d, language) if d == d and d else "—")
    fresh["last_loaded_at"] = fresh["last_loaded_at"].astype(str).str[:16]
    columns = {"kind": "col_kind", "latest_date": "col_latest", "last_loaded_at": "col_last_load"}
    st.dataframe(translated(fresh, columns), hide_index=True, width="stretch")
with right:
    rows = data.rows_by_kind(snapshot)
    rows["kind_name"] = rows["kind"].map(lambda k: t(f"kind_{k}"))
    frame = rows.rename(columns={"rows_held": "value"})
    labels = {"title": t("chart_rows_by_kind"), "x": t("axis_rows"), "y": t("col_kind")}
    chart(figures.horizontal_bars(frame["kind_name"], frame["value"], labels))

st.subheader(t("quarantine_title"))
issues = data.quarantine(snapshot)
if issues.empty:
    st.success(t("quarantine_none"))
else:
    issues["reason"] = issues[f"reason_{language}"]
    columns = {
        "file_name": "col_file",
        "sheet": "col_sheet",
        "row_number": "col_row",
        "column_name": "col_column",
        "raw_value": "col_value",
        "reason": "col_reason",
    }
    shown = translated(issues, columns)
    st.dataframe(shown, hide_index=True, width="stretch")
    st.download_button(t("download_csv"), csv_bytes(shown), file_name="quarantine.csv", mime="text/csv")
