"""Cost avoided: cumulative by component with a scenario band, by bureau, per app; and the value of hours saved."""

import streamlit as st

from etl.metrics import cost_scenarios
from presentation import fmt
from presentation.cards import Card
from presentation.charts import costs as charts
from shell import data
from shell.components import (
    as_of_line,
    assumption_input,
    card_row,
    chart,
    chart_row,
    kpi_row,
    method_panel,
    page_context,
    show_card,
)
from shell.i18n import lang, t, words
from shell.tables import table_with_downloads

snapshot, filters = page_context()
fy, bureaus, language, said = filters.fiscal_year, filters.bureaus, lang(), words()
st.title(t("costs_title"))
as_of_line(snapshot)

with st.expander(t("assumptions"), expanded=False):
    cols = st.columns(3)
    low = assumption_input("low", "scenario_low", "scenario_help", cols[0])
    high = assumption_input("high", "scenario_high", "scenario_help", cols[1])
    hourly = assumption_input("hourly_yen", "hourly_yen", "hourly_yen_help", cols[2])
    st.caption(t("assumption_note"))

now = data.kpis(snapshot, fy)
cost = now["cost_avoided_cumulative_yen"]
cards = kpi_row(snapshot, fy, ("cost_avoided",), card_row("costs", 3))
show_card(cards[1], Card(t("band_low"), fmt.yen(cost * low, language), t("scenario_help")))
show_card(cards[2], Card(t("band_high"), fmt.yen(cost * high, language), t("scenario_help")))

frame = data.kpis_frame(snapshot)
frame = frame[frame["fiscal_year"] <= fy]
left, right = chart_row("costs-1")
with left:
    chart(charts.cost_components(frame, said))
with right:
    chart(charts.cost_band(cost_scenarios(frame, low, high), low, high, said))
    st.caption(t("scenario_caption", low=f"{low:g}", high=f"{high:g}"))
by_bureau = data.report(snapshot, "report_costs_by_bureau", fiscal_year=fy, bureaus=bureaus)
chart(charts.costs_by_bureau(by_bureau, fy, said))

apps = data.report(snapshot, "report_app_table", fiscal_year=fy, bureaus=bureaus).sort_values(
    "cost_avoided_yen", ascending=False
)
st.subheader(t("app_table_title", fy=fmt.fiscal_year(fy, language)))
columns = {
    "app_id": "col_app_id",
    "app_name": "col_app",
    "owner_bureau_name": "col_bureau",
    "released_on": "col_released_on",
}
columns |= {
    "retired_on": "col_retired_on",
    "cost_avoided_yen": "col_cost",
    "has_missing_cost": "col_missing_cost",
}
table_with_downloads(apps.round({"cost_avoided_yen": 0}), columns, f"cost_avoided_by_app_{fy}", "cost_apps")

method_panel(snapshot, fy, ("method_cost",), show_missing_costs=True)

st.divider()
st.subheader(t("value_of_hours_title"))
st.caption(t("value_of_hours_note"))
show_card(
    st.columns(3)[0],
    Card(
        t("kpi_value_of_hours", fy=fmt.fiscal_year(fy, language)),
        fmt.yen(now["hours_saved"] * hourly, language),
        t("hourly_yen_help"),
    ),
)
chart(charts.value_of_hours(frame, hourly, said))
