"""Loading: files -> raw tables (typed, upserted by key) -> staging and marts, in one transaction."""

from __future__ import annotations

import contextlib
import csv
import json
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from etl import config, models
from etl.db import first_line, scalar, unordered
from etl.kinds import DATE, DATE_OR_MONTH, KINDS, SQL_TYPES, Kind, raw_table
from etl.mapping import Match, display_name, load_extra_aliases, recognise
from etl.messages import MESSAGES, language, msg
from etl.normalize import parse_value
from etl.readers import SourceTable, UnreadableFile, file_hash, read_file
from etl.snapshots import SnapshotStore, previous_snapshot

DEMO_MANIFEST = "demo-manifest.json"
# What reading a damaged file raises besides UnreadableFile, and what loading one may raise: either way
# that file is rejected with the reason, never the run failed.
DAMAGED_FILE = (OSError, ValueError, csv.Error, MemoryError)
FAILED_FILE = (duckdb.Error, MemoryError, ValueError, OverflowError)
Progress = Callable[[float, str], None]


@dataclass
class FileResult:
    path: str
    kind: str | None
    status: str  # loaded | unchanged | rejected
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    message: str = ""
    sheet: str | None = None
    rows_warned: int = 0


@dataclass
class LoadResult:
    files: list[FileResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    committed: bool = False
    error: str | None = None
    snapshot: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.error is not None:
            return 2
        if any(f.status == "rejected" or f.rows_quarantined for f in self.files):
            return 1
        return 0

    def to_json(self) -> dict:
        keys = ("path", "kind", "status", "rows_read", "rows_loaded", "rows_quarantined", "message")
        files = []
        for result in self.files:
            entry = {k: getattr(result, k) for k in keys}
            if result.sheet:
                entry["sheet"] = result.sheet
            files.append(entry)
        out = {"files": files, "committed": self.committed}
        if self.skipped:
            out["skipped"] = self.skipped
        if self.warnings:
            out["warnings"] = self.warnings
        if self.error:
            out["error"] = self.error
        return out


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Folders stand for their .csv and .xlsx files in code-point order of their names."""
    files: list[Path] = []
    skipped: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.iterdir(), key=lambda p: p.name):
                if child.is_file() and child.suffix.lower() in (".csv", ".xlsx"):
                    files.append(child)
                elif child.is_file() and not child.name.startswith("."):
                    skipped.append(str(child))
        else:
            files.append(path)
    return files, skipped


def demo_hashes(files: list[Path]) -> set[str]:
    """Content hashes that `python -m etl demo` wrote into a manifest beside the files."""
    hashes: set[str] = set()
    for folder in {f.parent for f in files}:
        manifest = folder / DEMO_MANIFEST
        if manifest.exists():
            try:
                hashes.update(json.loads(manifest.read_text(encoding="utf-8"))["files"].values())
            except (ValueError, KeyError, TypeError):
                continue
    return hashes


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create table if not exists meta (key varchar primary key, value varchar)")
    con.execute(
        """create table if not exists loads (
            load_id integer primary key, started_at timestamp, finished_at timestamp,
            dataset varchar, snapshot varchar, previous_snapshot varchar)"""
    )
    con.execute(
        """create table if not exists load_files (
            load_id integer, file_name varchar, path varchar, sheet varchar, kind varchar,
            content_hash varchar, status varchar, rows_read bigint, rows_loaded bigint,
            rows_quarantined bigint, rows_warned bigint, message_ja varchar, message_en varchar,
            loaded_at timestamp)"""
    )
    con.execute(
        """create table if not exists row_issues (
            load_id integer, severity varchar, kind varchar, file_name varchar, sheet varchar,
            row_number bigint, column_name varchar, raw_value varchar, reason_code varchar,
            reason_ja varchar, reason_en varchar, row_json varchar)"""
    )
    # where each raw row came from: one row per file (or workbook sheet) per load; a raw row carries
    # its source_id and row number, not the file name and load, which would cost two columns a row
    con.execute(
        """create table if not exists sources (
            source_id integer primary key, load_id integer, source_file varchar)"""
    )
    # a usage row is a day's or a whole month's: an enum costs a byte a row where text cost a string
    if not scalar(con, "select count(*) from duckdb_types() where type_name = 'usage_granularity'"):
        con.execute("create type usage_granularity as enum ('day', 'month')")
    for kind in KINDS.values():
        columns = [f'"{c.name}" {SQL_TYPES[c.type]}' for c in kind.columns]
        if kind.name == "app_usage":
            columns.append("granularity usage_granularity")
        columns += ["source_id integer", "source_row bigint"]
        con.execute(f"create table if not exists {raw_table(kind.name)} ({', '.join(columns)})")
    earlier = con.execute(
        """select table_name, column_name, data_type from duckdb_columns()
           where starts_with(table_name, 'raw_') and (column_name = 'source_file'
               or (column_name = 'granularity' and data_type = 'VARCHAR'))"""
    ).fetchall()
    for table in sorted({name for name, _, _ in earlier}):
        _move_sources(con, table, {column: data_type for name, column, data_type in earlier if name == table})


def _move_sources(con: duckdb.DuckDBPyConnection, table: str, names: dict[str, str]) -> None:
    """A database written by an earlier version kept the file name and load on every raw row, and a
    usage row's granularity as text."""
    if names.get("granularity") == "VARCHAR":
        con.execute(f"alter table {table} alter granularity type usage_granularity")
    if "source_file" not in names:
        return
    con.execute(
        f"""insert into sources
            select coalesce((select max(source_id) from sources), 0) + row_number() over (order by load_id, source_file),
                   load_id, source_file
            from (select distinct load_id, source_file from {table})"""
    )
    con.execute(f"alter table {table} add column source_id integer")
    con.execute(
        f"""update {table} set source_id = sources.source_id from sources
            where sources.load_id is not distinct from {table}.load_id
              and sources.source_file is not distinct from {table}.source_file"""
    )
    con.execute(f"alter table {table} drop column source_file")
    con.execute(f"alter table {table} drop column load_id")


def _meta(con, key: str) -> str | None:
    return scalar(con, "select value from meta where key = ?", [key])


def _set_meta(con, key: str, value: str) -> None:
    con.execute("insert or replace into meta values (?, ?)", [key, value])


def kind_label(kind: Kind, lang: str) -> str:
    """A kind as a person reads it, with the name `--kind` takes: 認定 (certifications)."""
    return f"{kind.label_ja if lang == 'ja' else kind.label_en} ({kind.name})"


class _Run:
    """One load run inside one open transaction on the work snapshot."""

    def __init__(self, con, load_id: int, lang: str, forced_kind: str | None):
        self.con = con
        self.load_id = load_id
        self.lang = lang
        self.forced_kind = forced_kind
        self.problems: list[str] = []  # what the run tells beside its files (a broken mapping file)
        # incremental models that exist are refreshed by the groups a run touches; one that does not
        # exist yet is built whole at the end of the run, so nothing need be gathered for it
        self.incremental_ready = models.incremental_ready(con)
        self.extra = load_extra_aliases(problems=self.problems, lang=lang)
        self.hashes: dict[Path, str | None] = {}
        self.names: dict[Path, str] = {}
        con.execute(
            """create or replace temp table _reasons as select unnest(?::varchar[]) as code,
               unnest(?::varchar[]) as ja, unnest(?::varchar[]) as en""",
            [list(MESSAGES), [t["ja"] for t in MESSAGES.values()], [t["en"] for t in MESSAGES.values()]],
        )
        self.loaded_hashes = {
            (row[0], row[1])
            for row in con.execute(
                "select content_hash, kind from load_files where status = 'loaded'"
            ).fetchall()
        }

    def shown(self, path: Path) -> str:
        return self.names.get(Path(path), str(path))

    def label(self, table: SourceTable) -> str:
        """How a source is named in the raw tables: file name, and the sheet of a workbook."""
        name = Path(self.shown(table.path)).name
        return f"{name} [{table.sheet}]" if table.sheet else name

    def reject(self, table_path: Path, key: str, sheet=None, kind=None, **params) -> FileResult:
        result = FileResult(self.shown(table_path), kind, "rejected", sheet=sheet)
        result.message = msg(key, self.lang, **params)
        self._log(result, None, msg(key, "ja", **params), msg(key, "en", **params))
        return result

    def _log(self, result: FileResult, content_hash, message_ja, message_en):
        self.con.execute(
            "insert into load_files values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
            [
                self.load_id,
                Path(result.path).name,
                result.path,
                result.sheet,
                result.kind,
                content_hash,
                result.status,
                result.rows_read,
                result.rows_loaded,
                result.rows_quarantined,
                result.rows_warned,
                message_ja,
                message_en,
            ],
        )

    def unrecognised(self, table: SourceTable, recognition) -> tuple[str, dict]:
        if recognition.tie:
            kinds = ", ".join(kind_label(m.kind, self.lang) for m in recognition.candidates)
            return "file_tie", {"kinds": kinds}
        if self.forced_kind:
            match = recognition.candidates[0]
            missing = ", ".join(display_name(match.kind, c, self.lang) for c in match.missing)
            return "file_kind_missing_columns", {
                "kind": kind_label(match.kind, self.lang),
                "missing": missing,
            }
        parts = [
            msg(
                "candidate",
                self.lang,
                kind=kind_label(m.kind, self.lang),
                missing=", ".join(display_name(m.kind, c, self.lang) for c in m.missing),
            )
            for m in recognition.candidates
        ]
        return "file_no_kind", {"candidates": "; ".join(parts) or "-"}

    def load_table(self, table: SourceTable, match: Match) -> FileResult:
        kind = match.kind
        result = FileResult(self.shown(table.path), kind.name, "loaded", sheet=table.sheet)
        if (table.content_hash, kind.name) in self.loaded_hashes:
            result.status = "unchanged"
            result.message = msg("file_unchanged", self.lang)
            self._log(result, table.content_hash, msg("file_unchanged", "ja"), msg("file_unchanged", "en"))
            return result
        # read outside any transaction: DuckDB refusing a file aborts nothing, the file is rejected
        table.materialise(self.con, "_in", match.columns)
        result.rows_read = scalar(self.con, "select count(*) from _in")
        if result.rows_read == 0:
            self._drop_work_tables()
            return self.reject(table.path, "file_header_only", table.sheet, kind.name)
        # one transaction per file: a failure undoes this file alone, and the run goes on
        self.con.execute("begin transaction")
        try:
            self._type_rows(kind, match, table)
            result.rows_quarantined = self._record_issues(kind, table, "quarantine")
            result.rows_warned = self._record_issues(kind, table, "warning")
            result.rows_loaded = result.rows_read - result.rows_quarantined
            self._upsert(kind, table)
            key = "file_loaded_quarantine" if result.rows_quarantined else "file_loaded"
            params = {"rows": f"{result.rows_loaded:,}", "bad": f"{result.rows_quarantined:,}"}
            notes_ja, notes_en = self.notes(table, "ja"), self.notes(table, "en")
            result.message = msg(key, self.lang, **params) + (notes_ja if self.lang == "ja" else notes_en)
            self._log(
                result,
                table.content_hash,
                msg(key, "ja", **params) + notes_ja,
                msg(key, "en", **params) + notes_en,
            )
            self.con.execute("commit")
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("rollback")
            raise
        finally:
            self._drop_work_tables()
        self.loaded_hashes.add((table.content_hash, kind.name))
        return result

    @staticmethod
    def notes(table: SourceTable, lang: str) -> str:
        """How the file was read, where a person should know (an encoding guessed past a wrong BOM)."""
        return "".join(f" ({msg(key, lang, **params)})" for key, params in table.notes)

    def _drop_work_tables(self) -> None:
        for view in ("_accepted_rows", "_typed", "_in"):
            self.con.execute(f"drop view if exists {view}")
        for work in ("_repeated", "_superseded"):
            self.con.execute(f"drop table if exists {work}")
        for position in range(max(len(k.columns) for k in KINDS.values())):
            self.con.execute(f"drop table if exists _map{position}")
        self.con.execute("drop table if exists _accepted")
        self.con.execute("drop table if exists _src")

    def _type_rows(self, kind: Kind, match: Match, table: SourceTable) -> None:
        """Parses each distinct raw value once in Python, then joins the answers back in DuckDB."""
        selects, joins = ["i._row"], []
        self.canonical: set[str] = set()  # columns whose raw text is their value (equal text, equal value)
        # every mapped column's distinct values in one scan of the file
        mapped = [c.name for c in kind.columns if c.name in match.columns]
        lists = ", ".join(f'list(distinct "{n}") filter (where "{n}" is not null)' for n in mapped)
        # in the same scan: whether the key's text repeats (if every key column turns out canonical,
        # distinct texts are distinct keys, and the upsert need not look for repeated keys)
        key_text = [k for k in kind.key if k in match.columns]
        repeats = "count(*) - count(distinct hash(" + ", ".join(f'"{k}"' for k in key_text) + "))"
        row = self.con.execute(f"select {lists}, {repeats} from _in").fetchone()
        values = {n: (found or []) for n, found in zip(mapped, row[:-1], strict=True)}
        self.key_text_repeats = row[-1] > 0
        self.mapped = set(mapped)
        for position, column in enumerate(kind.columns):
            sql_type = SQL_TYPES[column.type]
            name = column.name
            if name not in match.columns:
                default = f"cast('{column.default}' as {sql_type})" if column.default else "null"
                selects += [
                    f'{default} as "{name}"',
                    f'cast(null as varchar) as "{name}__raw"',
                    f'cast(null as varchar) as "{name}__err"',
                ]
                if name == "usage_date":
                    selects.append("cast(null as usage_granularity) as granularity")
                continue
            distinct = values[name]
            parsed = [parse_value(column.type, raw) for raw in distinct]
            missing = "'missing'" if column.required else "null"
            granularities = {g for _, g, _ in parsed}
            if all(e is None and str(v) == raw for raw, (v, _, e) in zip(distinct, parsed, strict=True)) and (
                len(granularities) <= 1
            ):
                # every value is already in its canonical form: a cast, no lookup join (large files)
                self.canonical.add(name)
                value = f'cast(i."{name}" as {sql_type})'
                if column.default:
                    value = f"coalesce({value}, cast('{column.default}' as {sql_type}))"
                selects += [
                    f'{value} as "{name}"',
                    f'i."{name}" as "{name}__raw"',
                    f'case when i."{name}" is null then {missing} end as "{name}__err"',
                ]
                if name == "usage_date":
                    only = next(iter(granularities), None)
                    selects.append(
                        f"cast({repr(only) if only else 'null'} as usage_granularity) as granularity"
                    )
                continue
            alias = f"m{position}"
            self.con.execute(
                f"""create or replace temp table _map{position} as select
                    unnest(?::varchar[]) as raw, unnest(?::varchar[]) as value,
                    unnest(?::varchar[]) as granularity, unnest(?::varchar[]) as err""",
                [
                    distinct,
                    [None if v is None else str(v) for v, _, _ in parsed],
                    [g for _, g, _ in parsed],
                    [e for _, _, e in parsed],
                ],
            )
            joins.append(f'left join _map{position} {alias} on i."{name}" = {alias}.raw')
            value = f"cast({alias}.value as {sql_type})"
            if column.default:
                value = f"coalesce({value}, cast('{column.default}' as {sql_type}))"
            selects += [
                f'{value} as "{name}"',
                f'i."{name}" as "{name}__raw"',
                f'case when i."{name}" is null then {missing} else {alias}.err end as "{name}__err"',
            ]
            if name == "usage_date":
                selects.append(f"cast({alias}.granularity as usage_granularity) as granularity")
        # a view: the rows are read once more for the issues and once for the accepted rows, which
        # costs less than copying every column of a large file
        self.con.execute(
            f"create or replace temp view _typed as select {', '.join(selects)} from _in i {' '.join(joins)}"
        )

    def _record_issues(self, kind: Kind, table: SourceTable, severity: str) -> int:
        """Quarantine rows with a bad required value; warn on a bad optional one (stored as missing)."""
        columns = [c for c in kind.columns if c.required == (severity == "quarantine")]
        if not columns:
            return 0
        raw_json = "to_json({" + ", ".join(f"'{c.name}': \"{c.name}__raw\"" for c in kind.columns) + "})"
        parts = []
        for column in columns:
            err = f'"{column.name}__err"'
            parts.append(
                f"""select {self.load_id}, '{severity}', '{kind.name}', ?, ?, _row, '{column.name}',
                    "{column.name}__raw", {err}, r.ja, r.en, cast({raw_json} as varchar)
                    from _typed left join _reasons r on r.code = {err} where {err} is not null"""
            )
        params = []
        for _ in columns:
            params += [Path(self.shown(table.path)).name, table.sheet]  # file name and sheet apart
        self.con.execute(f"insert into row_issues {' union all '.join(parts)}", params)
        condition = " or ".join(f'"{c.name}__err" is not null' for c in columns)
        return scalar(self.con, f"select count(*) from _typed where {condition}")

    def _upsert(self, kind: Kind, table: SourceTable) -> None:
        """A later row with the same key replaces an earlier one, within the file and across loads.

        Real exports have a distinct key on every row, so the costly parts run only where needed: the
        within-file dedupe only when keys repeat, the delete only for keys already stored.
        """
        required_ok = " and ".join(f'"{c}__err" is null' for c in kind.required)
        key = list(kind.key) + (["granularity"] if kind.name == "app_usage" else [])
        names = [c.name for c in kind.columns] + (["granularity"] if kind.name == "app_usage" else [])
        target = raw_table(kind.name)
        columns = ", ".join(f'"{n}"' for n in names)
        # equal text is an equal value in a canonical column, so its text is hashed: no cast to compute
        hashed = (
            "hash("
            + ", ".join(
                f'"{k}__raw"' if k in self.canonical else f'"{k}"'
                for k in key
                if not (k == "granularity" and "usage_date" in self.canonical)  # then one granularity only
            )
            + ")"
        )
        # keys that repeat within the file (equal hashes of different keys only cost a closer look);
        # no need to look where the typing scan found every key's text distinct and the text canonical
        latest = ""
        proven_distinct = not self.key_text_repeats and all(
            k in self.canonical for k in kind.key if k in self.mapped
        )
        if not proven_distinct:
            self.con.execute(
                f"""create or replace temp table _repeated as select {hashed} as h from _typed
                    where {required_ok} group by all having count(*) > 1"""
            )
        if not proven_distinct and scalar(self.con, "select count(*) from _repeated"):
            partition = ", ".join(f'"{k}"' for k in key)
            # of the rows whose key repeats, all but the last are replaced by it
            self.con.execute(
                f"""create or replace temp table _superseded as select _row from _typed
                    where {required_ok} and {hashed} in (select h from _repeated)
                    qualify row_number() over (partition by {partition} order by _row desc) > 1"""
            )
            latest = "and _row not in (select _row from _superseded)"
        source_id = scalar(self.con, "select coalesce(max(source_id), 0) + 1 from sources")
        self.con.execute("insert into sources values (?, ?, ?)", [source_id, self.load_id, self.label(table)])
        accepted = f"""select {columns}, ?::integer as source_id, _row as source_row
                       from _typed where {required_ok} {latest}"""
        params = [source_id]
        stored = scalar(self.con, f"select count(*) from (select 1 from {target} limit 1)")
        # a date in the key bounds the stored rows a delete looks at
        dated = [k for k in key if k in {c.name for c in kind.columns if c.type in (DATE, DATE_OR_MONTH)}]
        with unordered(self.con):
            self._write(target, key, dated, accepted, params, stored, latest)
        rows_in = "_accepted"
        if not stored and not latest:
            rows_in = "_accepted_rows"
            self.con.execute(
                f"create or replace temp view {rows_in} as select * from _typed where {required_ok}"
            )
        if kind.refresh_groups and self.incremental_ready:
            # the groups an incremental model recomputes (models.refresh_incremental)
            group = ", ".join(f'{expression} as "{name}"' for name, expression in kind.refresh_groups.items())
            touched = f"_touched_{kind.name}"
            self.con.execute(
                f"create temp table if not exists {touched} as select {group} from {rows_in} s limit 0"
            )
            self.con.execute(f"insert into {touched} select distinct {group} from {rows_in} s")

    def _write(
        self,
        target: str,
        key: list[str],
        dated: list[str],
        accepted: str,
        params: list,
        stored: bool,
        latest: str,
    ) -> None:
        if not stored and not latest:
            # the common first load of a large export: straight in, one pass
            self.con.execute(f"insert into {target} by name {accepted}", params)
        else:
            self.con.execute(f"create or replace temp table _accepted as {accepted}", params)
            if stored:
                on = " and ".join(f'{target}."{k}" is not distinct from a."{k}"' for k in key)
                # a date in the key bounds the stored rows to look at: a monthly export's rows sit
                # together, so DuckDB skips the row groups of other months without reading them
                bounds, params = "", []
                for k in dated:
                    low, high = self.con.execute(f'select min("{k}"), max("{k}") from _accepted').fetchone()
                    bounds += f' and {target}."{k}" between ? and ?'
                    params += [low, high]
                self.con.execute(f"delete from {target} using _accepted a where {on}{bounds}", params)
            self.con.execute(f"insert into {target} by name select * from _accepted")


def load(
    paths: Iterable[str | Path],
    db: str | Path | None = None,
    kind: str | None = None,
    progress: Progress | None = None,
    lang: str | None = None,
    display_names: dict[Path, str] | None = None,
) -> LoadResult:
    """Loads files or folders as one run: it all lands in a new snapshot, or nothing changes.

    `display_names` names files by what a person called them (an upload is saved under a name of
    our own, never its own name), in the results and the load log.
    """
    lang = lang or language()
    report = progress or (lambda fraction, label: None)
    files, skipped = expand_paths(paths)
    result = LoadResult(skipped=skipped)
    store = SnapshotStore(config.db_path(db))
    workdir = Path(tempfile.mkdtemp(prefix="dxdash-load-"))
    try:
        store.db_path.parent.mkdir(parents=True, exist_ok=True)
        with store.lock():
            _load_locked(store, files, kind, lang, report, workdir, result, display_names or {})
    except (OSError, duckdb.Error) as error:
        result.error = msg("run_failed", lang, detail=str(error).splitlines()[0])
        result.committed = False
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return result


def _current_dataset(store: SnapshotStore) -> str | None:
    current = store.current()
    if current is None:
        return None
    con = duckdb.connect(str(current), read_only=True)
    try:
        return _meta(con, "dataset")
    except duckdb.Error:
        return None
    finally:
        con.close()


def _load_locked(store, files, forced_kind, lang, report, workdir, result: LoadResult, names) -> None:
    demo = demo_hashes(files)
    hashes = {}
    for path in files:
        try:
            hashes[path] = file_hash(path)
        except OSError:
            hashes[path] = None
    readable = [h for h in hashes.values() if h]
    run_is_demo = bool(readable) and all(h in demo for h in readable)
    previous_dataset = _current_dataset(store)
    # Demo rows never mix with the office's: the first office load starts from an empty database.
    start_empty = previous_dataset == "demo" and not run_is_demo
    dataset = "demo" if run_is_demo and previous_dataset in (None, "demo") else "office"
    work, final = store.prepare(start_empty)
    con = duckdb.connect(str(work))
    committed = False
    try:
        _limit_memory(con, workdir)
        ensure_schema(con)
        # Files are read and written one by one, each in a transaction of its own, so that one file's
        # failure never takes the others with it; the run is still all or nothing, because it works
        # on a copy that becomes current only when everything is done (store.publish).
        load_id = scalar(con, "select coalesce(max(load_id), 0) + 1 from loads")
        run = _Run(con, load_id, lang, forced_kind)
        run.hashes = hashes
        run.names = {Path(p): n for p, n in names.items()}
        result.warnings += run.problems
        changed = False
        for index, path in enumerate(files):
            report(index / max(len(files), 1), path.name)
            if dataset == "office" and hashes.get(path) in demo:
                result.files.append(run.reject(path, "demo_into_office"))
                continue
            for file_result in _load_file(run, path, workdir):
                result.files.append(file_result)
                changed |= file_result.status == "loaded"
        if not changed and store.current() is not None and not start_empty:
            result.committed = True  # nothing to change: the current snapshot stays, the copy goes
            return
        report(0.95, "marts")
        con.execute("begin transaction")
        models.build(con)
        now = datetime.now().isoformat(timespec="seconds")
        previous = store.current()
        con.execute(
            "insert into loads values (?, ?, now(), ?, ?, ?)",
            [load_id, now, dataset, final.name, previous.name if previous else None],
        )
        _set_meta(con, "dataset", dataset)
        _set_meta(con, "last_load_at", now)
        con.execute("commit")
        con.execute("checkpoint")
        con.close()
        store.publish(work, final)
        committed = True
        result.committed = True
        result.snapshot = final.name
        report(1.0, "done")
    finally:
        if not committed:
            with contextlib.suppress(duckdb.Error):
                con.close()
            store.discard(work)


def _load_file(run: _Run, path: Path, workdir: Path) -> list[FileResult]:
    try:
        tables = read_file(path, workdir, run.hashes.get(path))
    except UnreadableFile as error:
        return [run.reject(path, error.key, **error.params)]
    except DAMAGED_FILE as error:  # a damaged file, never a failed run
        return [run.reject(path, "file_unreadable", detail=first_line(error))]
    results: list[FileResult] = []
    skipped_sheets: list[str] = []
    for table in tables:
        recognition = recognise(table.headers, run.forced_kind, run.extra)
        if recognition.match is None:
            if table.sheet is not None and not recognition.tie:
                skipped_sheets.append(table.sheet)
                continue
            key, params = run.unrecognised(table, recognition)
            results.append(run.reject(path, key, table.sheet, **params))
            continue
        try:
            results.append(run.load_table(table, recognition.match))
        except UnreadableFile as error:
            results.append(run.reject(path, error.key, table.sheet, **error.params))
        except FAILED_FILE as error:
            # whatever this file does to the database, it is undone and the other files go on
            results.append(run.reject(path, "file_failed", table.sheet, detail=first_line(error)))
    if tables and tables[0].sheet is not None:
        if not results:
            return [run.reject(path, "file_no_sheet", sheets=", ".join(skipped_sheets) or "-")]
        note = " ".join(msg("sheet_skipped", run.lang, sheet=s) for s in skipped_sheets)
        if note:
            for entry in results:
                entry.message = f"{entry.message} ({note})"
    return results


@dataclass
class Preview:
    """What loading one CSV file or workbook sheet would do, worked out before anything is written."""

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
        _limit_memory(con, workdir)
        ensure_schema(con)
        run = _Run(con, 0, lang, kind)
        run.names = {path: shown}
        try:
            tables = read_file(path, workdir, row_limit=config.PREVIEW_ROWS)
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


def _limit_memory(con: duckdb.DuckDBPyConnection, workdir: Path) -> None:
    """A bounded footprint on a shared server: DuckDB spills to the work folder beyond the limit."""
    con.execute("set enable_progress_bar = false")
    con.execute("set memory_limit = ?", [config.LOAD_MEMORY_LIMIT])
    con.execute("set temp_directory = ?", [str(workdir)])


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
    try:
        table.materialise(run.con, "_in", match.columns)
    except UnreadableFile as error:
        result.message = msg(error.key, lang, **error.params)
        return result
    result.rows_read = scalar(run.con, "select count(*) from _in")
    if result.rows_read == 0:
        result.message = msg("file_header_only", lang)
        return result
    run._type_rows(match.kind, match, table)
    names = ", ".join(f'"{c.name}"' for c in match.kind.columns)
    required_ok = " and ".join(f'"{c}__err" is null' for c in match.kind.required)
    result.sample = run.con.execute(
        f"select _row, {names} from _typed where {required_ok} order by _row limit 10"
    ).df()
    run._record_issues(match.kind, table, "quarantine")
    run._record_issues(match.kind, table, "warning")
    reason = "reason_ja" if lang == "ja" else "reason_en"  # an allow-list: the column name is not bound
    counts = dict(
        run.con.execute("select severity, count(distinct row_number) from row_issues group by 1").fetchall()
    )
    page = config.PREVIEW_PAGE_ROWS
    issues = run.con.execute(
        f"""select severity, row_number, column_name, raw_value, {reason} as reason from row_issues
            qualify row_number() over (partition by severity order by row_number, column_name) <= ?
            order by row_number""",
        [page],
    ).df()
    result.quarantine = issues[issues["severity"] == "quarantine"].drop(columns="severity")
    result.warnings = issues[issues["severity"] == "warning"].drop(columns="severity")
    result.rows_quarantined = counts.get("quarantine", 0)
    result.rows_warned = counts.get("warning", 0)
    bad_rows = result.rows_quarantined
    key = "preview_quarantine" if bad_rows else "preview_ok"
    result.message = msg(key, lang, rows=f"{result.rows_read - bad_rows:,}", bad=f"{bad_rows:,}")
    result.message += run.notes(table, lang)
    if table.rows_total is not None and table.rows_total > result.rows_read:
        rest = table.rows_total - result.rows_read
        result.rows_total = table.rows_total
        more = msg("preview_more_rows", lang, sample=f"{result.rows_read:,}", rest=f"{rest:,}")
        result.message += ("。" if lang == "ja" else "; ") + more
    run._drop_work_tables()
    return result


def undo(db: str | Path | None = None) -> str | None:
    """Makes the snapshot before the last load current again. Returns its name, or None if there is none."""
    store = SnapshotStore(config.db_path(db))
    with store.lock():
        current = store.current()
        if current is None:
            return None
        previous = previous_snapshot(current, store.folder)
        if previous is None or not previous.exists():
            return None
        store.switch_to(previous)
        return previous.name
