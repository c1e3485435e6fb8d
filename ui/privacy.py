"""Small groups: counts of people broken down by bureau or department hide their small cells for roles
that see only aggregates, and one more cell where a total shown beside them would give a hidden one away."""

from __future__ import annotations

import tomllib

import pandas as pd

from etl import config

DEFAULT_MIN_GROUP_SIZE = 5


def min_group_size() -> int:
    """[privacy] min_group_size of the settings file (default 5; a value below 2 is not a protection)."""
    try:
        value = tomllib.loads(config.settings_path().read_text(encoding="utf-8")).get("privacy", {})
        size = int(value.get("min_group_size", DEFAULT_MIN_GROUP_SIZE))
    except (OSError, ValueError, TypeError, AttributeError):
        return DEFAULT_MIN_GROUP_SIZE
    return size if size >= 2 else DEFAULT_MIN_GROUP_SIZE


def suppress(frame: pd.DataFrame, columns: list[str], minimum: int | None = None) -> pd.DataFrame:
    """Counts from 1 to minimum-1 in `columns` become missing (shown as —). Where a column has exactly
    one hidden cell, its total (the sum shown or known elsewhere) would reveal it: the smallest other
    count is hidden as well. Zero is no person and stays."""
    minimum = minimum or min_group_size()
    out = frame.copy()
    for column in columns:
        values = pd.to_numeric(out[column], errors="coerce")
        small = (values > 0) & (values < minimum)
        if small.sum() == 1:
            others = values[~small & (values > 0)]
            if len(others):
                small |= values.index == others.idxmin()
        out[column] = values.astype("Float64").mask(small)
    return out
