"""What loading a file would do, worked out before anything is written: the kind recognised, the
header mapping, the first rows as they would be stored, and the rows that would be set aside."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl import config
from etl.db import first_line, limit_memory
from etl.loader import DAMAGED_FILE, FAILED_FILE, _Run
from etl.mapping import recognise
from etl.messages import language, msg
from etl.readers import SourceTable, UnreadableFile, read_file
from etl.schema import ensure_schema
from etl.staging import Staging


@dataclass
class Preview:
    """What loading one CSV file or workbook sheet would do."""

    path: str
    sheet: str | None
    headers: list[str]
    kind: str | None = None
    # header -> canonical column it feeds (only recognised headers)
    mapping: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    message: str = ""
    candidates: list[tuple[str, list[str]]] = field(default_factory=list)  # kind, its missing columns
    rows_read: int = 0
    sample: object = None  # the first rows as they would be stored (a data frame)
    quarantine: object = None  # the values that would be set aside, with reasons (a data frame)
    warnings: object = None
    skipped: bool = False  # a workbook sheet that matches no kind (a notes sheet, say)
    # the preview checks the first rows only: rows set aside or warned among them (the frames above
    # hold at most a page of each), and the rows of the whole file where known
    rows_quarantined: int = 0
    rows_warned: int = 0
    rows_total: int | None = None

    @property
    def has_issues(self) -> bool:
        return self.rows_quarantined > 0


def preview(
    path: str | Path, kind: str | None = None, lang: str | None = None, display_name: str | None = None
) -> list[Preview]:
    """Reads, recognises and types the first rows of a file exactly as `load` would, in a throw-away
    database with a load's memory limit: its cost is bounded whatever the file's size."""
    lang = lang or language()
    path = Path(path)
    shown = display_name or str(path)
    workdir = Path(tempfile.mkdtemp(prefix="dxdash-preview-"))
    con = duckdb.connect()
    try:
        limit_memory(con, workdir)
        ensure_schema(con)
        run = _Run(con, 0, lang, kind)
        run.names = {path: shown}
        try:
            tables = read_file(path, workdir, row_limit=config.PREVIEW_ROWS, extra=run.extra)
        except UnreadableFile as error:
            return [Preview(shown, None, [], message=msg(error.key, lang, **error.params))]
        except DAMAGED_FILE as error:
            return [Preview(shown, None, [], message=msg("file_unreadable", lang, detail=first_line(error)))]
        previews = []
        for table in tables:
            try:
                previews.append(_preview_table(run, table, shown, lang))
            except FAILED_FILE as error:
                message = msg("file_failed", lang, detail=first_line(error))
                previews.append(Preview(shown, table.sheet, list(table.headers), message=message))
        for problem in run.problems:  # a broken mapping file explains an unrecognised header
            for entry in previews:
                entry.message = f"{entry.message} ({problem})"
        return previews
    finally:
        con.close()
        shutil.rmtree(workdir, ignore_errors=True)


def _preview_table(run: _Run, table: SourceTable, shown: str, lang: str) -> Preview:
    result = Preview(shown, table.sheet, list(table.headers))
    recognition = recognise(table.headers, run.forced_kind, run.extra)
    result.candidates = [(m.kind.name, list(m.missing)) for m in recognition.candidates]
    if recognition.match is None:
        if table.sheet is not None and not recognition.tie:
            result.message = msg("sheet_skipped", lang, sheet=table.sheet)
            result.skipped = True
        else:
            key, params = run.unrecognised(table, recognition)
            result.message = msg(key, lang, **params)
        return result
    match = recognition.match
    result.kind = match.kind.name
    result.mapping = {table.headers[index]: column for column, index in match.columns.items()}
    result.ignored = [h for i, h in enumerate(table.headers) if i not in match.columns.values() and h]
    with Staging(run.con, table, match) as staging:
        try:
            result.rows_read = staging.read()
        except UnreadableFile as error:
            result.message = msg(error.key, lang, **error.params)
            return result
        if result.rows_read == 0:
            result.message = msg("file_header_only", lang)
            return result
        staging.type_rows()
        result.sample = staging.sample(10)
        file_name = Path(shown).name
        result.rows_quarantined = staging.record_issues(0, file_name, "quarantine")
        result.rows_warned = staging.record_issues(0, file_name, "warning")
    issues = run.con.execute(
        """select severity, row_number, column_name, raw_value,
               case when ? = 'en' then reason_en else reason_ja end as reason
           from row_issues
           where sheet is not distinct from ?  -- a workbook's sheets are previewed one after another
           qualify row_number() over (partition by severity order by row_number, column_name) <= ?
           order by row_number""",
        [lang, table.sheet, config.PREVIEW_PAGE_ROWS],
    ).df()
    result.quarantine = issues[issues["severity"] == "quarantine"].drop(columns="severity")
    result.warnings = issues[issues["severity"] == "warning"].drop(columns="severity")
    bad_rows = result.rows_quarantined
    key = "preview_quarantine" if bad_rows else "preview_ok"
    result.message = msg(key, lang, rows=f"{result.rows_read - bad_rows:,}", bad=f"{bad_rows:,}")
    result.message += run.notes(table, lang)
    if table.rows_total is not None and table.rows_total > result.rows_read:
        rest = table.rows_total - result.rows_read
        result.rows_total = table.rows_total
        more = msg("preview_more_rows", lang, sample=f"{result.rows_read:,}", rest=f"{rest:,}")
        result.message += ("。" if lang == "ja" else "; ") + more
    return result
