"""Tables shown to people: translated headers, and downloads that open cleanly in Excel."""

from __future__ import annotations

import pandas as pd

from ui.i18n import t

FORMULA_START = ("=", "+", "-", "@")
# what happened to a file in a load: column -> i18n key of its header
LOAD_COLUMNS = {
    "sheet": "col_sheet",
    "kind": "col_kind",
    "status": "col_status",
    "rows_read": "col_rows_read",
    "rows_loaded": "col_rows_loaded",
    "rows_quarantined": "col_rows_quarantined",
    "message": "col_message",
}


def translated(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Keeps `columns` (name -> i18n key) in order and gives them the reader's headers."""
    return frame[list(columns)].rename(columns={c: t(k) for c, k in columns.items()})


def safe_cell(value):
    """A cell that starts like a formula is written as text, so a spreadsheet never runs it."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel opens Japanese text correctly."""
    safe = frame.apply(lambda column: column.map(safe_cell)) if len(frame) else frame
    return safe.to_csv(index=False).encode("utf-8-sig")
