"""The messy forms real exports come in: wareki dates, full-width digits, kintone's UTC stamps and extra
columns, CP932 and UTF-8-with-BOM CSV, workbooks with pinned timestamps."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from etl.demo.words import KINTONE_USERS


def wareki_date(day: date, style: str) -> str:
    era, base = ("令和", 2019) if day >= date(2019, 5, 1) else ("平成", 1989)
    n = day.year - base + 1
    if style == "long":
        return f"{era}{'元' if n == 1 else n}年{day.month}月{day.day}日"
    letter = "R" if era == "令和" else "H"
    return (
        f"{letter}{n}.{day.month}.{day.day}"
        if style == "short"
        else f"{letter}{n:02d}.{day.month:02d}.{day.day:02d}"
    )


# ASCII letters, digits and signs to their full-width forms (an address typed with the IME left on)
FULL_WIDTH_ASCII = str.maketrans({chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)})


def full_width(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def utc_stamp(day: date, rng: np.random.Generator) -> str:
    """kintone's REST API writes UTC: a Tokyo time on `day` as a `Z` datetime."""
    local = datetime(day.year, day.month, day.day, int(rng.integers(8, 20)), int(rng.integers(0, 60)))
    return (local - timedelta(hours=9)).replace(tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_stamps(days, rng: np.random.Generator) -> list[str]:
    """`utc_stamp` of many days at once (a large export); an empty cell for a missing day. `days` are
    dates (None for a missing one) or a datetime64[D] array (NaT)."""
    count = len(days)
    hours, minutes = rng.integers(8, 20, size=count), rng.integers(0, 60, size=count)
    if isinstance(days, np.ndarray) and days.dtype.kind == "M":
        local = days.astype("datetime64[D]")
    else:  # days from 1970-01-01 (date's ordinal 719163): a list of dates is typed in one step
        ordinals = np.fromiter(
            (d.toordinal() - 719_163 if d is not None else 0 for d in days), np.int64, count
        )
        local = ordinals.astype("datetime64[D]")
        local[np.fromiter((d is None for d in days), bool, count)] = np.datetime64("NaT")
    moments = (
        local.astype("datetime64[m]")
        + (hours - 9) * np.timedelta64(60, "m")
        + minutes * np.timedelta64(1, "m")
    )
    text = np.datetime_as_string(moments.astype("datetime64[s]"), unit="s")
    return [stamp + "Z" if stamp != "NaT" else "" for stamp in text.tolist()]


def write_csv(
    frame: pd.DataFrame,
    path: Path,
    encoding: str = "utf-8",
    sep: str = ",",
    lineterminator: str | None = None,
) -> None:
    ending = lineterminator or ("\r\n" if encoding == "cp932" else "\n")
    path.write_bytes(csv_text(frame, sep, ending).encode(encoding))


def _field_texts(column: pd.Series) -> list[str]:
    """A column's fields as pandas' `to_csv` writes them: numbers as numpy prints them, text as it is,
    a missing value empty."""
    if column.dtype.kind in "iu":  # numpy's integers: never missing
        return column.to_numpy().astype(str).tolist()
    missing = column.isna().to_numpy()
    if column.dtype.kind == "f":
        texts = column.to_numpy().astype(str)
    else:  # text (Arrow's strings, converted by Arrow) or objects: str() of each, as the csv writer does
        texts = np.array([str(v) for v in column.to_numpy(dtype=object, na_value=None)], dtype=object)
    if missing.any():
        texts[missing] = ""
    return texts.tolist()


def csv_text(frame: pd.DataFrame, sep: str = ",", ending: str = "\n") -> str:
    """`frame.to_csv(index=False, sep=sep, lineterminator=ending)`, the same text, column by column: pandas'
    writer formats and writes row by row (two thirds of the demo's writing time). A field with the
    separator, a quote or a line break is written by Python's csv writer, as pandas has it written."""
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=sep, quotechar='"', lineterminator=ending, quoting=csv.QUOTE_MINIMAL
    )

    def written(field: str) -> str:  # one field as the csv writer writes it in a row of several
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([field, ""])
        return buffer.getvalue()[: -len(sep) - len(ending)]

    # numpy's numbers and objects, and text: anything else (dates, pandas' nullable numbers, a header of
    # several rows, no column at all) is written by pandas, whose formats this does not repeat
    ours = not isinstance(frame.columns, pd.MultiIndex) and all(
        (isinstance(kind, np.dtype) and kind.kind in "iufO") or isinstance(kind, pd.StringDtype)
        for kind in frame.dtypes
    )
    if not ours or frame.shape[1] == 0:
        return frame.to_csv(index=False, sep=sep, lineterminator=ending)
    marks = (sep, '"', "\r", "\n")
    columns = []
    for position, name in enumerate(frame.columns):
        fields = [str(name), *_field_texts(frame.iloc[:, position])]
        if any(mark in "".join(fields) for mark in marks):  # most columns have none: no look at each field
            fields = [written(f) if any(mark in f for mark in marks) else f for f in fields]
        columns.append(fields)
    if len(columns) > 1:
        return ending.join(map(sep.join, zip(*columns, strict=True))) + ending
    # a row of one field: the csv writer writes an empty one "" (to tell it from no row at all)
    return "".join(f + ending if f else '""' + ending for f in columns[0])


def write_xlsx(path: Path, sheets: dict[str, pd.DataFrame], titles: dict[str, str] | None = None) -> None:
    """A workbook of `sheets`; a sheet with a title in `titles` has it in A1 and a blank row under it
    above its header, as offices make them."""
    titles = titles or {}
    with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False, startrow=2 if name in titles else 0)
            if name in titles:
                writer.sheets[name].write(0, 0, titles[name])
    # same seed, same bytes: pin the timestamps a workbook carries (zip entries and core.xml)
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            if name == "docProps/core.xml":
                content = re.sub(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", b"2024-04-01T00:00:00Z", content)
            archive.writestr(
                zipfile.ZipInfo(name, date_time=(2024, 4, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED
            )


def kintone_columns(frame: pd.DataFrame, rng: np.random.Generator, created) -> pd.DataFrame:
    """kintone adds its own columns; the loader must ignore them."""
    frame.insert(0, "レコード番号", range(1, len(frame) + 1))
    frame["作成者"] = rng.choice(KINTONE_USERS, size=len(frame))
    frame["作成日時"] = utc_stamps(created, rng)
    frame["更新者"] = rng.choice(KINTONE_USERS, size=len(frame))
    frame["更新日時"] = utc_stamps(created, rng)
    return frame
