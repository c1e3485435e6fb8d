"""Data quality: freshness per kind, rows set aside with their reasons, orphans, and gaps."""

import streamlit as st

from etl import audit, config, plans, settings
from etl.fiscal import today_in_japan
from etl.messages import msg
from presentation import fmt, untrusted
from presentation.charts import quality
from presentation.words import LEVEL_WORDS
from shell import data
from shell.components import (
    chart,
    chart_row,
    page_context,
)
from shell.i18n import lang, t, words
from shell.tables import table_with_downloads, translated


def freshness(snapshot: str, in_force: settings.Settings) -> None:
    """How recent each kind's data is, with a warning for what looks missed, and any setting that could
    not be used (the figures then use the default, and the office should know)."""
    st.subheader(t("freshness_title"))
    warnings = data.freshness_warnings(snapshot, today_in_japan())
    for key, params in warnings:
        st.warning(t(key, **quality.warning_params(params, said)))
    bands_warning = plans.load_bands()[1]
    if bands_warning:
        st.warning(untrusted.markdown(plans.describe(bands_warning, language)), icon=":material/tune:")
    for _, key, params in in_force.problems:
        st.warning(untrusted.markdown(msg(key, language, **params)), icon=":material/tune:")
    if not warnings:
        st.success(t("freshness_ok"))
    left, right = chart_row("quality-1")
    with left:
        fresh = quality.freshness_table(data.report(snapshot, "report_data_freshness"), said)
        columns = {"kind": "col_kind", "latest_date": "col_latest", "last_loaded_at": "col_last_load"}
        table_with_downloads(fresh, columns, "freshness", "freshness")
    with right:
        chart(quality.rows_by_kind(data.report(snapshot, "report_rows_by_kind"), said))


def rules(in_force: settings.Settings) -> None:
    with st.expander(t("rules_title"), icon=":material/tune:"):
        st.caption(t("settings_rules_intro", file=untrusted.markdown(config.settings_path().name)))
        columns = {"rule": "col_business_rule", "key": "col_rule_key", "value": "col_rule_value"}
        columns |= {"default": "col_rule_default", "source": "col_rule_source"}
        # a static table: six rows whose words wrap, where a data grid would cut them short
        st.table(
            translated(quality.rules_table(in_force, in_force.given, said), columns).set_index(
                t("col_business_rule")
            )
        )


def set_aside(snapshot: str) -> None:
    """The rows set aside, with their reasons, filtered by file, kind and column."""
    st.subheader(t("quarantine_title"))
    issues = quality.issues_table(data.report(snapshot, "report_quarantine", lang=language), said)
    if issues.empty:
        st.success(t("quarantine_none"))
        return
    pick = st.columns(3)
    every = t("filter_all")  # Streamlit's own placeholder is English whatever the page's language
    filters = (("file_name", "filter_file", "q_files"), ("kind_name", "filter_kind", "q_kinds"))
    filters += (("column_name", "filter_column", "q_columns"),)
    shown = issues
    for place, (column, label, key) in zip(pick, filters, strict=True):
        chosen = place.multiselect(t(label), sorted(issues[column].unique()), key=key, placeholder=every)
        if chosen:
            shown = shown[shown[column].isin(chosen)]
    # what is wrong first (the column, its value, the reason), then where (file, sheet, row): the reason
    # ran past the page at 1280 px after a long file name
    columns = {"severity_name": "col_severity", "kind_name": "col_kind", "column_name": "col_column"}
    columns |= {"raw_value": "col_value", "reason": "col_reason", "file_name": "col_file"}
    columns |= {"sheet": "col_sheet", "row_number": "col_row"}
    table_with_downloads(
        shown, columns, "quarantine", "quarantine", personal=True, whole=("reason",)
    )  # raw values: ids too


ORPHANS = (
    (
        "orphan_usage",
        "report_orphan_usage",
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
        "report_orphan_certifications",
        {"staff_id": "col_staff_id", "level": "col_level", "certified_on": "col_certified_on"},
    ),
    (
        "orphan_elearning",
        "report_orphan_elearning",
        {
            "email": "col_email",
            "course_title": "col_course",
            "activity_on": "col_activity_on",
            "source_file": "col_file",
            "source_row": "col_source_row",
        },
    ),
    (
        "orphan_nominations",
        "report_orphan_nominations",
        {"fiscal_year": "col_fiscal_year", "dept_code": "col_dept_code", "staff_id": "col_staff_id"},
    ),
)


PERSONAL = {"staff_id", "email"}  # columns that name a person: shown only to roles that see people


def orphans(snapshot: str) -> None:
    """Rows that name an app, a person or a department the other files do not know."""
    st.subheader(t("orphans_title"))
    for key, report, columns in ORPHANS:
        frame = data.report(snapshot, report)
        if "level" in frame:  # a certification's level in the reader's words, not the file's code
            frame["level"] = frame["level"].map(
                lambda level: t(LEVEL_WORDS[level]) if level in LEVEL_WORDS else level
            )
        with st.expander(t(key, count=fmt.integer(len(frame)))):
            table_with_downloads(frame, columns, key, key, personal=bool(PERSONAL & columns.keys()))
    summary = data.report_row(snapshot, "report_quality_summary")
    st.caption(t("overlap_usage", count=fmt.integer(summary["overlap_usage_rows"])))


def gaps(snapshot: str) -> None:
    """Months an app in operation has no usage, and roster departments the organisation list lacks."""
    st.subheader(t("gaps_title"))
    usage_gaps = data.report(snapshot, "report_usage_gaps")
    with st.expander(t("gap_usage", count=fmt.integer(len(usage_gaps)))):
        columns = {"app_id": "col_app_id", "app_name": "col_app", "owner_bureau_name": "col_bureau"}
        table_with_downloads(usage_gaps, columns | {"month": "col_month"}, "usage_gaps", "usage_gaps")
    roster_gaps = data.report(snapshot, "report_roster_unknown_departments")
    with st.expander(t("gap_departments", count=fmt.integer(len(roster_gaps)))):
        columns = {"fiscal_year": "col_fiscal_year", "dept_code": "col_dept_code", "staff": "col_staff"}
        table_with_downloads(roster_gaps, columns, "roster_unknown_departments", "roster_gaps")


def audit_log() -> None:
    """The audit log and whether its chain of hashes holds (an administrator's view)."""
    st.subheader(t("audit_title"))
    st.caption(t("audit_intro"))
    read = audit.read()
    if not read.entries:
        pass  # nothing to check: the table below says it has no rows
    elif read.chain_holds:
        st.success(t("audit_chain_holds", count=fmt.integer(len(read.entries) - read.unchained)))
    else:
        st.error(t("audit_chain_broken", line=fmt.integer(read.broken_at)))
    if read.unchained:
        st.caption(t("audit_unchained", count=fmt.integer(read.unchained)))
    log = quality.audit_table(read.entries, words())
    columns = {"at": "col_at", "actor": "col_actor", "action": "col_action", "detail": "col_detail"}
    table_with_downloads(log, columns, "audit_log", "audit_log", personal=True)


snapshot, _ = page_context()
language, said = lang(), words()
in_force = settings.load()
st.title(t("quality_title"))
freshness(snapshot, in_force)
rules(in_force)
set_aside(snapshot)
orphans(snapshot)
gaps(snapshot)
if st.session_state["user"].is_admin:
    audit_log()
