"""Readers: a CSV (any encoding the office sends) or an .xlsx sheet into a DuckDB table of text."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from xml.etree import ElementTree

import duckdb

from etl import config, mapping  # mapping: a sheet's header row is the one a kind recognises
from etl.normalize import header_key

CHUNK = 1 << 20


class UnreadableFile(Exception):
    """A file that cannot be read at all; `key` names the message, `params` fill it."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class SourceTable:
    """One CSV file or one sheet of a workbook, ready to be recognised and loaded."""

    path: Path
    sheet: str | None
    headers: list[str]
    content_hash: str
    # CSV: a UTF-8 file DuckDB can read; sheet: the data rows as text with their row numbers
    csv_path: Path | None = None
    delimiter: str = ","
    rows: list[tuple[int, list[str | None]]] = field(default_factory=list)
    # messages about how the file was read (an encoding guessed past a wrong byte-order mark): (key, params)
    notes: list[tuple[str, dict]] = field(default_factory=list)
    # a preview reads only the first rows; then the number of data rows in all, where known
    row_limit: int | None = None
    rows_total: int | None = None

    def materialise(self, con: duckdb.DuckDBPyConnection, source: str, name: str, columns: dict[str, int]):
        """Reads the rows into temp table `source` and creates temp view `name` over it: a text column
        per mapped column (canonical name -> position), plus `_row`, the record's number as a spreadsheet
        shows it. The caller (etl.staging.Staging) names both and drops them."""
        if self.csv_path is not None:
            self._materialise_csv(con, source, name, columns)
        else:
            self._materialise_rows(con, source, name, columns)

    def _materialise_csv(self, con, source, name, columns):
        """Call it outside a transaction: DuckDB's refusal of a file then aborts nothing, and the file is
        rejected with a reason while the run goes on."""
        width = len(self.headers)
        spec = "{" + ", ".join(f"'c{i}': 'varchar'" for i in range(width)) + "}"
        limit = "" if self.row_limit is None else f"limit {int(self.row_limit)}"
        last_error = None
        # the parallel reader is faster but refuses a quoted line break (kintone's multi-line notes); a
        # long line (a pasted note) needs a larger line size, which makes every read slower: try it last
        attempts = (("true", None), ("false", None), ("false", config.MAX_CSV_LINE_BYTES))
        for parallel, line_size in attempts:
            size = "" if line_size is None else f", max_line_size={int(line_size)}"
            try:
                con.execute(
                    f"""create or replace temp table {source} as select * from read_csv(
                        ?, auto_detect=false, delim=?, quote='"', escape='"', header=true,
                        null_padding=true, strict_mode=false, parallel={parallel}{size},
                        columns={spec}) {limit}""",
                    [str(self.csv_path), self.delimiter],
                )
                break
            except duckdb.Error as error:
                last_error = error
        else:
            detail = str(last_error).splitlines()[0] if last_error else ""
            if "maximum line size" in str(last_error).lower():
                limit_mb = f"{config.MAX_CSV_LINE_BYTES // (1024 * 1024)} MB"
                raise UnreadableFile("csv_line_too_long", limit=limit_mb)
            raise UnreadableFile("file_unreadable", detail=detail[:200])
        if self.row_limit is not None:
            self.rows_total = con.execute(
                f"""select count(*) from read_csv(?, auto_detect=false, delim=?, quote='"', escape='"',
                    header=true, null_padding=true, strict_mode=false, parallel={parallel}{size},
                    columns={spec})""",
                [str(self.csv_path), self.delimiter],
            ).fetchone()[0]
        selected = ", ".join(f'c{index} as "{column}"' for column, index in columns.items())
        not_blank = " or ".join(f"c{i} is not null" for i in range(width))
        # DuckDB keeps insertion order, so rowid is the record's position (temp tables start their
        # rowids at an offset); +2 for the header row
        first = con.execute(f"select min(rowid) from {source}").fetchall()[0][0] or 0
        con.execute(
            f"""create or replace temp view {name} as
                select {selected}, rowid - {int(first)} + 2 as _row
                from {source} where {not_blank}"""
        )

    def _materialise_rows(self, con, source, name, columns):
        """A workbook's rows, their cells text already, handed to DuckDB as one numpy array per mapped
        column: no data frame, so a load imports no pandas (a third of a second of the first run's), and
        as fast as one on a large sheet."""
        import numpy as np

        arrays = {
            column: np.array(
                [cells[index] if index < len(cells) else None for _, cells in self.rows], dtype=object
            )
            for column, index in columns.items()
        }
        arrays["_row"] = np.array([row for row, _ in self.rows], dtype=np.int64)
        con.register("_sheet", arrays)
        try:
            casts = ", ".join(f'cast("{c}" as varchar) as "{c}"' for c in columns)
            con.execute(f"create or replace temp table {source} as select {casts}, _row from _sheet")
        finally:
            con.unregister("_sheet")
        con.execute(f"create or replace temp view {name} as select * from {source}")


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def read_file(
    path: Path,
    workdir: Path,
    content_hash: str | None = None,
    row_limit: int | None = None,
    extra: dict | None = None,
) -> list[SourceTable]:
    """All tables in a file: one for a CSV, one per non-empty sheet for a workbook.

    `row_limit` reads only the first data rows of each table (a preview), with the total where known.
    `extra`: the mapping file's aliases the run recognises headers with (read from it when not given),
    which also find a sheet's header row.
    """
    if not path.exists():
        raise UnreadableFile("file_not_found")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile("file_empty")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04"):
        extra = mapping.load_extra_aliases() if extra is None else extra
        return _read_workbook(path, content_hash or file_hash(path), row_limit, extra)
    if path.suffix.lower() == ".xlsx":
        raise UnreadableFile("file_bad_workbook")
    table = _read_csv(path, workdir, content_hash or file_hash(path))
    table.row_limit = row_limit
    return [table]


def _decodes(path: Path, encoding: str, skip: int = 0) -> bool:
    """Whether the whole file (after `skip` bytes) is text in `encoding`; a NUL byte means binary."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as handle:
            handle.seek(skip)
            while chunk := handle.read(CHUNK):
                if b"\x00" in chunk:
                    raise UnreadableFile("file_binary")
                if not (chunk.isascii() and not decoder.getstate()[0]):  # ASCII is text in both
                    decoder.decode(chunk)
            decoder.decode(b"", final=True)
        return True
    except UnicodeDecodeError:
        return False


def _transcode(path: Path, encoding: str, skip: int, target: Path) -> bool:
    """Whether the whole file (after `skip` bytes) is text in `encoding`, writing it to `target` as UTF-8
    in the same pass; a NUL byte means binary. An all-ASCII chunk between whole characters is the same
    bytes in CP932 and UTF-8: it is copied without decoding (an export is ASCII but for its header)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as handle, target.open("wb") as out:
            handle.seek(skip)
            while chunk := handle.read(CHUNK):
                if b"\x00" in chunk:
                    raise UnreadableFile("file_binary")
                if chunk.isascii() and not decoder.getstate()[0]:
                    out.write(chunk)
                else:
                    out.write(decoder.decode(chunk).encode("utf-8"))
            out.write(decoder.decode(b"", final=True).encode("utf-8"))
        return True
    except UnicodeDecodeError:
        return False


def _detect_encoding(path: Path, workdir: Path) -> tuple[str, int, list[tuple[str, dict]], Path]:
    """(encoding, bytes to skip, notes, a UTF-8 file DuckDB can read): a BOM means UTF-8, unless what
    follows is CP932 (a tool that re-saved a Shift_JIS file and put a BOM in front): then CP932, with a
    note. A CP932 file is checked and copied as UTF-8 in one pass."""
    with path.open("rb") as handle:
        start = handle.read(4)
    skip = len(codecs.BOM_UTF8) if start.startswith(codecs.BOM_UTF8) else 0
    if _decodes(path, "utf-8", skip):
        return "utf-8", skip, [], path  # DuckDB reads UTF-8 and skips a UTF-8 byte-order mark
    copy = Path(tempfile.mkstemp(suffix=".csv", dir=workdir)[1])
    if _transcode(path, "cp932", skip, copy):
        return "cp932", skip, [("note_bom_cp932", {})] if skip else [], copy
    copy.unlink(missing_ok=True)
    raise UnreadableFile("file_binary")


def _open_text(path: Path, encoding: str, skip: int) -> io.TextIOWrapper:
    raw = path.open("rb")
    raw.seek(skip)
    return io.TextIOWrapper(raw, encoding=encoding, newline="")


def _read_csv(path: Path, workdir: Path, content_hash: str) -> SourceTable:
    encoding, skip, notes, csv_path = _detect_encoding(path, workdir)
    with _open_text(path, encoding, skip) as handle:
        first_line = handle.readline()
    if not first_line.strip():
        raise UnreadableFile("file_empty")
    # comma or tab, whatever the extension says
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    # the header is a CSV record: a quoted header may hold a line break (Excel's Alt+Enter)
    with _open_text(path, encoding, skip) as handle:
        try:
            headers = next(csv.reader(handle, delimiter=delimiter))
        except (csv.Error, StopIteration) as error:
            raise UnreadableFile("file_unreadable", detail=str(error)[:200]) from error
    return SourceTable(path, None, headers, content_hash, csv_path, delimiter, notes=notes)


def _cell_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if text.strip() else None


# a title row and a blank row above the header are how offices make their sheets: the header is looked
# for within the first rows
HEADER_SEARCH_ROWS = 10
_SHARED_REFERENCE = re.compile(rb'<c\b[^>]*\bt="s"[^>]*>\s*<v>(\d+)</v>')


def _shared_string_lengths(archive: zipfile.ZipFile) -> list[int]:
    """The length of each shared string, read as a stream (a sheet's cells may all point at one)."""
    name = next((n for n in archive.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
    if name is None:
        return []
    lengths = []
    with archive.open(name) as handle:
        for _, element in ElementTree.iterparse(handle):
            if element.tag.endswith("}si") or element.tag == "si":
                lengths.append(sum(len(t) for t in element.itertext()))
                element.clear()
    return lengths


def _check_shared_text(archive: zipfile.ZipFile) -> None:
    """A workbook's text as the reader will hold it, bounded before it is read: a reader (calamine) holds a
    whole sheet, with a copy of a shared string for every cell that points at it. A string longer than any
    Excel cell is refused; then the cells' references are counted, and looked up one by one only where
    count x the longest string could pass the limit."""
    lengths = _shared_string_lengths(archive)
    if not lengths:
        return
    longest = max(lengths)
    if longest > config.EXCEL_CELL_CHARS:
        raise UnreadableFile("workbook_string_too_long", limit=f"{config.EXCEL_CELL_CHARS:,}")
    sheets = [n for n in archive.namelist() if n.lower().startswith("xl/worksheets/") and n.endswith(".xml")]
    references = 0
    for name in sheets:
        with archive.open(name) as handle:
            references += sum(chunk.count(b't="s"') for chunk in iter(lambda: handle.read(CHUNK), b""))
    if references * longest <= config.MAX_WORKBOOK_TEXT_CHARS:
        return
    total = 0
    for name in sheets:
        with archive.open(name) as handle:
            text = handle.read()  # within the expanded size already checked
        for match in _SHARED_REFERENCE.finditer(text):
            index = int(match[1])
            total += lengths[index] if index < len(lengths) else 0
            if total > config.MAX_WORKBOOK_TEXT_CHARS:
                raise UnreadableFile("workbook_text_too_large", limit=_text_limit())


def _text_limit() -> str:
    return f"{config.MAX_WORKBOOK_TEXT_CHARS // 1_000_000:,}M"


def _header_index(rows: list[list[str | None]], extra) -> int:
    """Which of a sheet's first rows is its header: the first that a kind recognises, else the one with
    the most headers some kind knows (the earliest of equals), else the first row with anything in it."""
    known = mapping.known_headers(extra)
    best, best_score = None, -1
    for index, cells in enumerate(rows):
        if not any(cells):
            continue
        headers = [c or "" for c in cells]
        if mapping.recognise(headers, extra=extra).match is not None:
            return index
        score = sum(1 for h in headers if header_key(h) in known)
        if score > best_score:
            best, best_score = index, score
    return best or 0


def _split_header(head: list[tuple[int, list[str | None]]], extra):
    """(the header's row number, the headers, the data rows after it) of a sheet's first rows."""
    if not any(any(cells) for _, cells in head):
        return None, [], []
    index = _header_index([cells for _, cells in head], extra)
    number, cells = head[index]
    return number, [c or "" for c in cells], [(n, c) for n, c in head[index + 1 :] if any(c)]


def _read_workbook(path: Path, digest: str, row_limit: int | None, extra: dict) -> list[SourceTable]:
    """Each worksheet through calamine (a Rust reader), after bounding what it will hold in memory."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    try:
        with zipfile.ZipFile(path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
            if expanded > config.MAX_WORKBOOK_EXPANDED_BYTES:
                limit = f"{config.MAX_WORKBOOK_EXPANDED_BYTES // (1024 * 1024)} MB"
                raise UnreadableFile("workbook_too_large", limit=limit)
            _check_shared_text(archive)
    except UnreadableFile:
        raise
    except (zipfile.BadZipFile, ElementTree.ParseError, OSError, EOFError, ValueError) as error:
        raise UnreadableFile("file_bad_workbook") from error
    tables = []
    text_read = 0  # characters of every cell as read, across the sheets
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own types (and panics) for a damaged file
        raise UnreadableFile("file_bad_workbook") from error
    try:
        for meta in workbook.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            first_row = (sheet.start or (0, 0))[0]
            head: list[tuple[int, list[str | None]]] = []
            rows: list[tuple[int, list[str | None]]] = []
            headers: list[str] | None = None
            header_number: int | None = None
            for offset, values in enumerate(sheet.iter_rows()):
                number = first_row + offset + 1  # the row as the spreadsheet shows it
                cells = [_cell_text(v) for v in values]
                for cell in cells:
                    if cell is None:
                        continue
                    if len(cell) > config.EXCEL_CELL_CHARS:
                        raise UnreadableFile(
                            "workbook_cell_too_long",
                            sheet_name=meta.name,
                            row=number,
                            limit=f"{config.EXCEL_CELL_CHARS:,}",
                        )
                    text_read += len(cell)
                if text_read > config.MAX_WORKBOOK_TEXT_CHARS:
                    raise UnreadableFile("workbook_text_too_large", limit=_text_limit())
                if headers is None:
                    head.append((number, cells))
                    if len(head) < HEADER_SEARCH_ROWS:
                        continue
                    header_number, headers, rows = _split_header(head, extra)
                    continue
                if any(cells):
                    rows.append((number, cells))
                if row_limit is not None and len(rows) >= row_limit:
                    break
            if headers is None:  # a sheet shorter than the rows searched for its header
                header_number, headers, rows = _split_header(head, extra)
            if row_limit is not None:
                rows = rows[:row_limit]
            table = SourceTable(path, meta.name, headers, f"{digest}:{meta.name}", rows=rows)
            if header_number and header_number > 1:  # say which row was taken, where it was not the first
                table.notes.append(("note_header_row", {"row": header_number}))
            if row_limit is not None:
                table.row_limit = row_limit
                # the sheet's own extent: a preview does not read every row to count them
                last_row = first_row + sheet.height
                table.rows_total = len(rows) if len(rows) < row_limit else last_row - (header_number or 1)
            tables.append(table)
    except UnreadableFile:
        raise
    except Exception as error:
        raise UnreadableFile("file_bad_workbook") from error
    finally:
        workbook.close()
    return tables
