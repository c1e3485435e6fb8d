"""Small page pieces shared by every page: KPI cards, the as-of line, the method panel."""

from __future__ import annotations

import streamlit as st

from ui import data, fmt
from ui.i18n import lang, t


def kpi_card(column, label: str, value: str, delta: str | None, help_text: str, delta_color="normal"):
    """A KPI card: the value, the change on the previous year (a signed figure), the definition on hover."""
    column.metric(
        label,
        value,
        delta=delta or None,
        help=help_text,
        border=True,
        delta_color=delta_color,
        delta_description=t("vs_previous_label") if delta else None,
    )


def as_of_line(snapshot: str) -> None:
    info = data.status(snapshot)
    loaded = (info["last_load_at"] or "").replace("T", " ")[:16]
    st.caption(t("as_of", latest=fmt.day(info["latest_date"], lang()), loaded=loaded or "—"))


def chart(figure) -> None:
    st.plotly_chart(
        figure,
        width="stretch",
        config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]},
    )


def demo_banner(snapshot: str) -> None:
    if data.status(snapshot)["dataset"] == "demo":
        st.info(t("demo_banner"), icon=":material/science:")


def page_context():
    """The snapshot and filters the router prepared; stops the page when there is no data yet."""
    snapshot = st.session_state.get("snapshot")
    filters = st.session_state.get("filters")
    if not snapshot or filters is None:
        st.warning(t("no_data"))
        st.stop()
    return snapshot, filters
