"""The Impact page's planner: next year's Silver nominations and Gold places, what past cohorts' rates make
of them, and the values kept for the briefing (shell.state.PlannerState)."""

from __future__ import annotations

import streamlit as st

from presentation.cards import Card
from presentation.charts import impact as charts
from shell import data
from shell.components import card_row, show_card
from shell.i18n import lang, t, words
from shell.state import PlannerState, page_state
from shell.tables import table_with_downloads


def show(snapshot: str, fiscal_year: int) -> None:
    language = lang()
    state = page_state("planner", PlannerState)
    if state.fiscal_year != fiscal_year:  # values set for another year do not carry over
        state.fiscal_year, state.nominations, state.gold_places = fiscal_year, None, None
    st.subheader(t("impact_planner_title"))
    st.caption(t("impact_planner_intro"))
    # the year's own intake where the office has set nothing: a planner run of its own, only then
    unset = state.nominations is None or state.gold_places is None
    defaults = data.planner(snapshot, fiscal_year, (None, None)) if unset else {}
    left, right = st.columns(2)
    nominations = left.number_input(
        t("impact_planner_nominations"),
        min_value=0,
        max_value=100_000,
        value=state.nominations if state.nominations is not None else defaults["nominations"],
        step=10,
        help=t("impact_planner_nominations_help"),
        key="planner_nominations",
    )
    places = right.number_input(
        t("impact_planner_gold_places"),
        min_value=0,
        max_value=10_000,
        value=state.gold_places if state.gold_places is not None else defaults["gold_places"],
        step=5,
        help=t("impact_planner_gold_places_help"),
        key="planner_gold_places",
    )
    state.nominations, state.gold_places = int(nominations), int(places)
    plan = data.planner(snapshot, fiscal_year, state.inputs())
    if plan["silver"] is None:
        st.info(t("impact_planner_none"))
    else:
        _cards("planner", plan["silver"])
        if plan["reach"]:
            st.markdown(t("impact_planner_target", **charts.planner_reach(plan["reach"], lang())))
    st.markdown(f"**{t('impact_planner_gold_title')}**")
    if plan["gold"] is None:
        st.caption(t("impact_planner_gold_none"))
    else:
        _cards("planner_gold", plan["gold"])
        st.caption(t("impact_planner_gold_note"))
    with st.expander(t("impact_planner_rates")):
        st.caption(t("impact_planner_rates_note"))
        for kind, columns in (
            ("silver", charts.RATES_TABLE_COLUMNS),
            ("gold", charts.GOLD_RATES_TABLE_COLUMNS),
        ):
            if plan[kind] is not None:
                listed = charts.rates_table(plan[f"{kind}_rates"], plan[kind]["cohorts"], language)
                table_with_downloads(
                    listed, columns, f"impact_rates_{kind}_{fiscal_year}", f"impact_rates_{kind}"
                )


RANGE_CARD_MIN_PX = 300  # the widest range, 3,952〜6,703時間, at the cards' size


def _cards(name: str, projection: dict) -> None:
    """One programme's projection (metrics.plan_intake) as a row of cards, the same outputs for Silver and Gold."""
    said = words()
    # a range (3,952〜6,703時間) is twice a figure's length: two cards a row keep it on one line
    places = card_row(name, 4, RANGE_CARD_MIN_PX)
    for place, (output, key) in zip(places, charts.PLANNER_OUTPUTS, strict=True):
        show_card(
            place, Card(t(key), charts.planner_range(projection, output, said), t("impact_planner_help"))
        )
