"""Apps: the inventory over time, who builds them, where the value concentrates, what needs cleaning up."""

import streamlit as st

from etl.metrics import pareto
from presentation import fmt
from presentation.cards import Card
from presentation.charts import apps as charts
from shell import data
from shell.components import (
    as_of_line,
    card_row,
    chart,
    kpi_row,
    lazy_tabs,
    method_panel,
    page_context,
    show_card,
)
from shell.i18n import lang, t, words
from shell.tables import table_with_downloads

snapshot, filters = page_context()
fy, bureaus, language, said = filters.fiscal_year, filters.bureaus, lang(), words()
st.title(t("apps_title"))
as_of_line(snapshot)

activity = data.report_row(snapshot, "report_app_activity")
maker_years = data.report(snapshot, "report_makers")
cards = kpi_row(snapshot, fy, ("apps_in_operation", "active_apps"), card_row("apps", 4))
latest = activity["latest_usage_date"]
show_card(
    cards[2],
    Card(
        t("kpi_used_recently"),
        fmt.integer(activity["used_recently"], unit=t("unit_apps")),
        t("kpi_used_recently_help", latest=fmt.day(latest.date() if latest is not None else None, language)),
    ),
)
year_makers = maker_years[maker_years["fiscal_year"] == fy]
makers_now = int(year_makers["makers"].sum())
dx_makers = int(year_makers["dx_talent_makers"].sum())
show_card(
    cards[3],
    Card(t("kpi_makers_year"), fmt.integer(makers_now, unit=t("unit_people")), t("kpi_dx_makers_help")),
)
cards[3].caption(
    f"{t('kpi_dx_makers')}: {fmt.integer(dx_makers, unit=t('unit_people'))} ({fmt.percent(dx_makers / makers_now if makers_now else None)})"
)


apps = data.report(snapshot, "report_app_table", fiscal_year=fy, bureaus=bureaus)


def tab_inventory():
    chart(charts.inventory(data.report(snapshot, "report_app_inventory"), said))
    frame = data.kpis_frame(snapshot)
    chart(charts.apps_by_year(frame[frame["fiscal_year"] <= fy], said))


def tab_makers():
    chart(charts.makers(maker_years[maker_years["fiscal_year"] <= fy], said))
    by_bureau = data.report(snapshot, "report_makers_by_bureau", fiscal_year=fy)
    chart(charts.makers_by_bureau(by_bureau, fy, said))


def tab_long_tail():
    shares = pareto(apps)
    if shares["top10"] is not None:
        st.markdown(
            t("pareto_summary", top10=fmt.percent(shares["top10"]), top20=fmt.percent(shares["top20"]))
        )
        chart(charts.pareto(shares["cumulative"], fy, said), charts.pareto_table(shares["cumulative"], said))


def tab_cleanup():
    cleanup = data.report(snapshot, "report_cleanup", bureaus=bureaus)
    columns = {
        "app_id": "col_app_id",
        "app_name": "col_app",
        "owner_bureau_name": "col_bureau",
        "owner_dept_name": "col_dept",
    }
    inactive = cleanup[cleanup["is_inactive"]]
    st.subheader(t("inactive_title", count=fmt.integer(len(inactive))))
    table_with_downloads(
        inactive,
        columns | {"start_on": "col_released_on", "last_used_on": "col_last_used"},
        "inactive_apps",
        "inactive",
    )
    orphaned = cleanup[cleanup["is_orphaned"]].copy()
    orphaned["why"] = [
        t("reason_left") if left else t("reason_elsewhere") for left in orphaned["is_creator_left"]
    ]
    st.subheader(t("orphaned_title", count=fmt.integer(len(orphaned))))
    table_with_downloads(
        orphaned,
        columns | {"creator_staff_id": "col_creator", "why": "col_reason_cleanup"},
        "orphaned_apps",
        "orphaned",
        personal=True,
    )


def tab_app_table():
    st.subheader(t("app_table_title", fy=fmt.fiscal_year(fy, language)))
    left, right = st.columns([3, 1])
    query = left.text_input(t("search"), key="app_search")
    orders = {"hours_saved": "sort_hours", "uses": "sort_uses", "cost_avoided_yen": "sort_cost"}
    order = right.selectbox(t("sort_by"), list(orders), format_func=lambda k: t(orders[k]), key="app_sort")
    shown = apps
    if query:
        text = (
            apps["app_name"]
            + " "
            + apps["app_id"]
            + " "
            + apps["owner_dept_name"].fillna("")
            + " "
            + apps["owner_bureau_name"].fillna("")
        )
        shown = apps[text.str.contains(query, case=False, regex=False)]
    shown = shown.sort_values(order, ascending=False)
    columns = {
        "app_id": "col_app_id",
        "app_name": "col_app",
        "category": "col_category",
        "owner_bureau_name": "col_bureau",
        "owner_dept_name": "col_dept",
    }
    columns |= {
        "uses": "col_uses",
        "hours_saved": "col_hours",
        "cost_avoided_yen": "col_cost",
        "last_used_on": "col_last_used",
        "released_on": "col_released_on",
        "retired_on": "col_retired_on",
    }
    table_with_downloads(
        shown.round({"hours_saved": 1, "cost_avoided_yen": 0}), columns, f"apps_{fy}", "app_table"
    )


lazy_tabs(
    "apps_tab",
    {
        "tab_inventory": tab_inventory,
        "tab_makers": tab_makers,
        "tab_long_tail": tab_long_tail,
        "tab_cleanup": tab_cleanup,
        "tab_app_table": tab_app_table,
    },
)
method_panel(snapshot, fy, ("method_apps",))
