"""Tables shown to people: translated headers, and downloads that open cleanly in Excel."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from etl import audit
from etl.normalize import CONTROL_CHARACTERS
from presentation import fmt
from presentation.charts.base import bureau_word
from shell import downloads
from shell.access import sees_people as viewer_sees_people
from shell.i18n import t, words

# what a spreadsheet may read as the start of a formula: also a tab, CR or LF before one (Excel drops them)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
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
    """Keeps `columns` (name -> i18n key) in order, gives them the reader's headers, shows dates as
    dates (no midnight times) and a missing value as an empty cell."""
    shown = frame[list(columns)].copy()
    for name in shown.columns:
        column = shown[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            has_time = (column.dropna() != column.dropna().dt.normalize()).any()
            shown[name] = column.dt.strftime("%Y-%m-%d %H:%M" if has_time else "%Y-%m-%d").fillna("")
        elif column.dtype == object or pd.api.types.is_string_dtype(column):
            # a column from SQL holds one type: only a column of dates needs a look at every cell
            present = column.dropna()
            if len(present) and hasattr(present.iloc[0], "isoformat"):
                column = column.map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v)
            column = column.astype(object)
            shown[name] = column.where(column.notna(), "")
    return shown.rename(columns={c: t(k) for c, k in columns.items()})


def readable_bureaus(frame: pd.DataFrame, column: str = "bureau_name") -> pd.DataFrame:
    """A breakdown's rows of no known bureau, and its city-wide row, named in the reader's words."""
    said = words()
    return frame.assign(**{column: frame[column].map(lambda b: bureau_word(b, said))})


def number_columns(frame: pd.DataFrame, whole: frozenset[str] = frozenset()) -> dict:
    """Thousands separators for every numeric column, as the reader's browser writes them; a column of
    figures written out as text (a role's table with hidden cells) aligned right as the figures are."""
    import streamlit as st

    config = {}
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            config[name] = st.column_config.NumberColumn(format=_number_format(column))
        elif _written_figures(column):
            config[name] = st.column_config.TextColumn(alignment="right")
        elif len(frame.columns) >= WIDE_TABLE and _longest(column) > LONG_TEXT and name not in whole:
            # in a wide table a long name (a department, an idea) takes a medium width and reads in full
            # on hover, so the columns after it (the day a person left) stay on the page at 1280 px
            config[name] = st.column_config.TextColumn(width="medium")
    return config


# columns; and the text wider than Streamlit's medium width (200 px), in half-width characters (a
# Japanese character counts two)
WIDE_TABLE, LONG_TEXT = 7, 28


def _longest(column: pd.Series) -> int:
    """The widest value of a text column, in half-width characters."""
    values = column.dropna()
    if not len(values) or not (pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)):
        return 0
    return int(values.map(lambda v: sum(1 if ord(c) < 0x2E80 else 2 for c in str(v))).max())


def _number_format(column: pd.Series) -> str:
    """Thousands separators, and as many decimals on every row as the column has (1,941.8 above 963.0,
    not 963): "localized" drops a figure's trailing zeros, so one column read 963 below 1,677.9."""
    values = column.dropna()
    if pd.api.types.is_integer_dtype(column) or not len(values):
        return "localized"
    for decimals in (0, 1, 2):
        if ((values - values.round(decimals)).abs() < 1e-9).all():
            return "%,d" if decimals == 0 else f"%,.{decimals}f"
    return "localized"


def _written_figures(column: pd.Series) -> bool:
    """Whether every value of the column is a figure written out (fmt.is_written_figure; there is one)."""
    values = column.dropna()
    return bool(len(values)) and all(isinstance(v, str) and fmt.is_written_figure(v) for v in values)


def safe_cell(value):
    """A cell that starts like a formula is written as text, so a spreadsheet never runs it; control
    characters (a set-aside raw value may hold them) are dropped."""
    if isinstance(value, str):
        value = CONTROL_CHARACTERS.sub("", value)
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel opens Japanese text correctly."""
    safe = frame.apply(lambda column: column.map(safe_cell)) if len(frame) else frame
    return safe.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """An .xlsx whose text cells stay text: a value starting with =, +, - or @ is never a formula."""
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet[:31]
    worksheet.append([CONTROL_CHARACTERS.sub("", str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False):  # openpyxl refuses a workbook with a control character
        worksheet.append(
            [CONTROL_CHARACTERS.sub("", v) if isinstance(v, str) else None if pd.isna(v) else v for v in row]
        )
    for cells in worksheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"  # openpyxl would otherwise store it as a formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_with_downloads(
    frame: pd.DataFrame,
    columns: dict[str, str],
    name: str,
    key: str,
    personal: bool = False,
    person_columns: tuple[str, ...] = (),
    whole: tuple[str, ...] = (),
) -> None:
    """A table with translated headers and its CSV (UTF-8 with BOM) and .xlsx downloads.

    `whole`: text columns shown at their full width however wide the table (a row's reason), where a
    long name is otherwise given a medium width (number_columns).

    `personal`: the table names staff (ids, names). Only a role that may see people gets it, and each
    download of it is written to the audit log. `person_columns`: the table is about something else
    (an idea, say) and these of its columns name staff: a role that may not see people gets the table
    without them; for one that may, the table is personal."""
    user = st.session_state.get("user")
    sees_people = viewer_sees_people()
    if person_columns:
        if sees_people:
            personal = True
        else:
            columns = {column: word for column, word in columns.items() if column not in person_columns}
    if personal and not sees_people:
        st.info(t("not_permitted"))
        return
    if frame.empty:  # Streamlit would draw an empty grid that says "empty" in English, and empty files
        st.caption(t("table_no_rows"))
        return
    shown = translated(frame, columns)
    config = number_columns(shown, frozenset(t(columns[name]) for name in whole if name in columns))
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config, placeholder="")

    csv_mime, xlsx_mime = "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    csv_file, xlsx_file = lambda: csv_bytes(shown), lambda: xlsx_bytes(shown)
    if personal:  # audited when made, read only by the browser that asked, then gone (ui/downloads.py)

        def audited(kind: str):
            return lambda: audit.record(
                user.id, "download", {"table": name, "format": kind, "rows": len(shown)}
            )

        csv_file = downloads.personal_file(csv_file, csv_mime, f"{name}.csv", user.id, audited("csv"))
        xlsx_file = downloads.personal_file(xlsx_file, xlsx_mime, f"{name}.xlsx", user.id, audited("xlsx"))
    # the files are made when a button is clicked, not on every rerun of the page
    with st.container(horizontal=True):
        st.download_button(
            t("download_csv"),
            csv_file,
            file_name=f"{name}.csv",
            mime=csv_mime,
            key=f"{key}_csv",
            on_click="ignore",
        )
        st.download_button(
            t("download_xlsx"),
            xlsx_file,
            file_name=f"{name}.xlsx",
            mime=xlsx_mime,
            key=f"{key}_xlsx",
            on_click="ignore",
        )
