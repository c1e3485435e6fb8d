"""Editable assumptions (working hours, staff cost, scenario multipliers): their defaults and bounds.

They change what a page shows, never the contract's figures that `python -m etl kpis` prints; the page's
input for each (kept in the URL) is shell.components.assumption_input.
"""

from __future__ import annotations

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
