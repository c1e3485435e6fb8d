"""Impact: does certification go with people building apps, and what the training hours return."""

from datetime import date

import pandas as pd
import streamlit as st

from etl import settings
from presentation import fmt, privacy, untrusted
from presentation.cards import Card
from presentation.charts import impact as charts
from shell import data, planner
from shell.access import sees_people
from shell.components import (
    as_of_line,
    assumption_input,
    card_row,
    chart,
    lazy_tabs,
    page_context,
    show_card,
    small_groups_note,
)
from shell.i18n import lang, t, words
from shell.tables import readable_bureaus, table_with_downloads

snapshot, filters = page_context()
fy, language, said = filters.fiscal_year, lang(), words()
st.title(t("impact_title"))
as_of_line(snapshot)
st.info(t("impact_caveat"), icon=":material/info:")
st.caption(t("impact_intro"))

figures = data.impact(snapshot, fy)
as_of = date.fromisoformat(figures["as_of"]) if figures["as_of"] else None
people = sees_people()
rates = charts.cohort_rates(figures["cohorts"])
complete = rates[~rates["provisional"]] if len(rates) else rates
latest = complete.iloc[-1] if len(complete) else None

cards = card_row("impact", 4)
difference = Card(
    t("kpi_impact_difference"),
    fmt.points(latest["difference_pp"], language, short=True) if latest is not None else "—",
    t("kpi_impact_difference_help"),
)
show_card(cards[0], difference)
if latest is not None:
    cards[0].caption(t("kpi_impact_difference_of", fy=fmt.fiscal_year(int(latest["fiscal_year"]), language)))
show_card(
    cards[1],
    Card(
        t("kpi_impact_apps_share"),
        fmt.percent(figures["dx_talent_apps_share"]),
        t("kpi_impact_apps_share_help"),
    ),
)
show_card(
    cards[2],
    Card(
        t("kpi_impact_hours_share"),
        fmt.percent(figures["dx_talent_hours_share"]),
        t("kpi_impact_hours_share_help"),
    ),
)
per_hour = figures["dx_talent_hours_per_training_hour"]
show_card(
    cards[3],
    Card(
        t("kpi_impact_per_training_hour"),
        t("kpi_impact_per_training_hour_value", value=f"{per_hour:,.1f}") if per_hour is not None else "—",
        t("kpi_impact_per_training_hour_help"),
    ),
)

if rates.empty:
    st.info(t("impact_no_cohorts"))
    st.stop()


def tab_cohorts() -> None:
    chart(charts.cohort_chart(rates, said))
    if rates["provisional"].any():
        st.caption(t("impact_provisional_note"))
    with st.expander(t("impact_table")):
        counts = ["people", "cohort_makers_before", "cohort_makers_after"]
        table = charts.cohort_table(figures["cohorts"], rates, said)
        hidden = privacy.for_viewer(
            table, counts, ("difference_pp",), sees_people=people, within=(("people", "cohort_makers_after"),)
        )
        shown = privacy.as_text(hidden, counts, people)
        table_with_downloads(shown, charts.COHORT_TABLE_COLUMNS, f"impact_cohorts_{fy}", "impact_cohorts")
        small_groups_note()


def tab_event_study() -> None:
    st.subheader(t("impact_event_subtitle"))
    st.caption(t("impact_event_intro"))
    if data.estimation_pending(snapshot):  # the first run drew the overview first
        st.info(t("impact_event_pending"))
        return
    estimates = privacy.estimates_for_viewer(data.event_study(snapshot), sees_people=people)
    built = charts.event_study_summary(estimates, "built_share")
    if built is None:
        st.info(t("impact_event_none"))
        return
    hours = charts.event_study_summary(estimates, "hours_per_person")
    chart(
        charts.event_study_chart(estimates, "built_share", said),
        charts.event_study_table(estimates, "built_share", said),
    )
    point = {k: fmt.points(built[k], language) for k in ("estimate", "lower", "upper", "year_after")}
    st.markdown(t("impact_event_summary_built", people=fmt.integer(built["people"]), **point))
    st.caption(t("impact_event_parallel_yes" if built["parallel_before"] else "impact_event_parallel_no"))
    chart(
        charts.event_study_chart(estimates, "hours_per_person", said),
        charts.event_study_table(estimates, "hours_per_person", said),
    )
    if hours is not None:
        per_month = {k: f"{hours[k]:+.2f}" for k in ("estimate", "lower", "upper")}
        st.markdown(t("impact_event_summary_hours", **per_month))
        st.caption(t("impact_event_parallel_yes" if hours["parallel_before"] else "impact_event_parallel_no"))


def year_rows() -> pd.DataFrame:
    """The year's DX-talent shares and training return, each year up to the one chosen."""
    rows = [
        {"fiscal_year": year, **data.report_row(snapshot, "report_impact_year", fiscal_year=year)}
        for year in data.fiscal_years(snapshot)
        if year <= fy
    ]
    return pd.DataFrame(rows)


def tab_makers() -> None:
    st.subheader(t("impact_makers_subtitle"))
    chart(charts.apps_by_maker(year_rows(), said))
    builders = data.report(snapshot, "report_impact_builders", fiscal_year=fy, as_of=as_of)
    with st.expander(t("impact_builders_table")):
        st.caption(t("impact_builders_note"))
        per_person = ("apps_per_person", "hours_per_person")
        shown = privacy.for_viewer(
            charts.builders_table(builders, said), ["people", "makers"], per_person, sees_people=people
        )
        table_with_downloads(
            privacy.as_text(shown, ["people", "makers"], people, per_person),
            charts.BUILDERS_TABLE_COLUMNS,
            f"impact_builders_{fy}",
            "impact_builders",
        )


def tab_return() -> None:
    st.subheader(t("impact_return_subtitle"))
    with st.expander(t("assumptions"), expanded=False):
        hourly = assumption_input("hourly_yen", "hourly_yen", "hourly_yen_help")
        st.caption(t("assumption_note"))
    years = year_rows()
    chart(charts.training_return(years, said))
    training, saved = years["training_hours"].sum(), years["dx_talent_hours"].sum()
    value = fmt.yen(saved * hourly, language)
    hours = fmt.hours(saved, language)
    st.markdown(
        t(
            "impact_return_summary",
            training=fmt.hours(training, language),
            hours=hours,
            hourly=fmt.integer(hourly),
            value=value,
        )
    )
    if latest is not None and latest["cohort_after"]:
        share = min(max(latest["difference_pp"] / latest["cohort_after"], 0.0), 1.0)
        st.caption(t("impact_return_caution", share=fmt.percent(share, 0)))


def tab_managers() -> None:
    st.subheader(t("impact_managers_title"))
    positions = settings.load().manager_positions
    st.caption(t("impact_managers_intro", positions=untrusted.markdown("・".join(positions))))
    managers = data.report(snapshot, "report_new_managers", fiscal_year=fy, positions=list(positions))
    if managers.empty:
        st.info(t("impact_managers_none"))
        return
    total, attended = int(managers["new_managers"].sum()), int(managers["attended_bronze"].sum())
    share = fmt.percent(attended / total if total else None)
    st.markdown(
        t("impact_managers_summary", managers=fmt.integer(total), attended=fmt.integer(attended), share=share)
    )
    counts = ["new_managers", "attended_bronze"]
    hidden = privacy.for_viewer(
        managers,
        counts,
        ("attended_share",),
        sees_people=people,
        within=(("new_managers", "attended_bronze"),),
    )
    chart(charts.new_managers_chart(hidden, said))
    listed = hidden.assign(attended_share=hidden["attended_share"].map(fmt.percent))
    table_with_downloads(
        privacy.as_text(readable_bureaus(listed), counts, people),
        charts.MANAGERS_TABLE_COLUMNS,
        f"new_managers_{fy}",
        "new_managers",
    )
    small_groups_note()


# only the open tab is drawn (seven charts in all): a rerun costs the tab a person reads
lazy_tabs(
    "impact_tab",
    {
        "tab_impact_cohorts": tab_cohorts,
        "tab_impact_event": tab_event_study,
        "tab_impact_makers": tab_makers,
        "tab_impact_return": tab_return,
        "tab_impact_plan": lambda: planner.show(snapshot, fy),
        "tab_impact_managers": tab_managers,
    },
)

with st.expander(t("method_title"), expanded=False):
    st.markdown(t("impact_method_cohorts"))
    st.markdown(t("impact_method_event_study"))
    st.markdown(t("impact_method_shares"))
    st.caption(t("impact_caveat"))
