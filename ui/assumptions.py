"""Editable assumptions (working hours, staff cost, scenario multipliers), kept in the URL.

They change what a page shows, never the contract's figures that `python -m etl kpis` prints.
"""

from __future__ import annotations

import math

DEFAULTS = {
    # 7 h 45 min a day x 240 working days: the standard local-government working time
    "fte_hours": 1860.0,
    # about 7.4 million yen of yearly staff cost per person / 1,860 h; the office sets its own
    "hourly_yen": 4000.0,
    "low": 0.8,
    "high": 1.2,
}
LIMITS = {
    "fte_hours": (100.0, 4000.0, 10.0),
    "hourly_yen": (0.0, 100000.0, 100.0),
    "low": (0.0, 1.0, 0.05),
    "high": (1.0, 5.0, 0.05),
}


def value(name: str, label_key: str, help_key: str, column=None) -> float:
    """A number input whose value starts from the URL (?fte_hours=...) and is written back to it."""
    import streamlit as st  # here, not above: the briefing reads DEFAULTS outside Streamlit

    from ui.i18n import t

    lowest, highest, step = LIMITS[name]
    key = f"assumption_{name}"
    if key not in st.session_state:
        try:
            requested = float(st.query_params.get(name, DEFAULTS[name]))
        except ValueError:
            requested = DEFAULTS[name]
        if not math.isfinite(requested):  # ?hourly_yen=nan or inf: not a number a person meant
            requested = DEFAULTS[name]
        st.session_state[key] = min(max(requested, lowest), highest)
    chosen = (column or st).number_input(
        t(label_key), min_value=lowest, max_value=highest, step=step, key=key, help=t(help_key)
    )
    if chosen == DEFAULTS[name]:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = f"{chosen:g}"
    return float(chosen)
