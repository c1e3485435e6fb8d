"""Loading: files -> raw tables (typed, upserted by key) -> staging and marts, in one transaction."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl import audit, config, impact, models, schema
from etl.db import first_line, limit_memory, scalar
from etl.fiscal import now_in_japan
from etl.kinds import Kind
from etl.mapping import Match, display_name, load_extra_aliases, recognise
from etl.messages import LANGS, in_each_language, language, msg
from etl.readers import SourceTable, UnreadableFile, file_hash, read_file
from etl.snapshots import SnapshotStore, Writer, previous_snapshot
from etl.staging import Staging, create_reasons

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
    message: str = ""  # in the run's language
    sheet: str | None = None
    rows_warned: int = 0
    messages: dict[str, str] = field(default_factory=dict)  # the message in each language, by its code

    def say(self, texts: dict[str, str], lang: str) -> None:
        self.messages = texts
        self.message = texts[lang]


@dataclass
class LoadResult:
    files: list[FileResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    committed: bool = False
    error: str | None = None  # in the run's language
    snapshot: str | None = None
    warnings: list[str] = field(default_factory=list)
    error_messages: dict[str, str] = field(default_factory=dict)  # the error in each language

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
        create_reasons(con)
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

    def reject(self, table_path: Path, key: str, sheet=None, kind=None, worded=None, **params) -> FileResult:
        """A refused file, with the reason in both languages; `worded(lang)` gives the reason's parameters
        that are words of a language (the kinds a header could be)."""
        result = FileResult(self.shown(table_path), kind, "rejected", sheet=sheet)
        result.say(
            {lang: msg(key, lang, **params, **(worded(lang) if worded else {})) for lang in LANGS}, self.lang
        )
        self._log(result, None, result.messages["ja"], result.messages["en"])
        return result

    def _log(self, result: FileResult, content_hash, message_ja, message_en):
        self.con.execute(
            "insert into load_files values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                now_in_japan(),  # Japan's wall-clock time, as the last load's: not the server's zone
            ],
        )

    def unrecognised(self, table: SourceTable, recognition, lang: str | None = None) -> tuple[str, dict]:
        """Why no kind fits the headers: the message's key, and its parameters in `lang` (the run's)."""
        lang = lang or self.lang
        if recognition.tie:
            kinds = ", ".join(kind_label(m.kind, lang) for m in recognition.candidates)
            return "file_tie", {"kinds": kinds}
        if self.forced_kind:
            match = recognition.candidates[0]
            missing = ", ".join(display_name(match.kind, c, lang) for c in match.missing)
            # not "kind": reject() takes that for the file's kind
            return "file_kind_missing_columns", {
                "kind_label": kind_label(match.kind, lang),
                "missing": missing,
            }
        parts = [
            msg(
                "candidate",
                lang,
                kind=kind_label(m.kind, lang),
                missing=", ".join(display_name(m.kind, c, lang) for c in m.missing),
            )
            for m in recognition.candidates
        ]
        return "file_no_kind", {"candidates": "; ".join(parts) or "-"}

    def reject_unrecognised(self, table_path: Path, table: SourceTable, recognition) -> FileResult:
        key, _ = self.unrecognised(table, recognition)

        def worded(lang: str) -> dict:
            return self.unrecognised(table, recognition, lang)[1]

        return self.reject(table_path, key, table.sheet, worded=worded)

    def load_table(self, table: SourceTable, match: Match) -> FileResult:
        kind = match.kind
        result = FileResult(self.shown(table.path), kind.name, "loaded", sheet=table.sheet)
        if (table.content_hash, kind.name) in self.loaded_hashes:
            result.status = "unchanged"
            result.say(in_each_language("file_unchanged"), self.lang)
            self._log(result, table.content_hash, result.messages["ja"], result.messages["en"])
            return result
        with Staging(self.con, table, match) as staging:
            # read outside any transaction: DuckDB refusing a file aborts nothing, the file is rejected
            result.rows_read = staging.read()
            if result.rows_read == 0:
                return self.reject(table.path, "file_header_only", table.sheet, kind.name)
            # one transaction per file: a failure undoes this file alone, and the run goes on
            self.con.execute("begin transaction")
            try:
                self._write(staging, result)
                self.con.execute("commit")
            except BaseException:
                with contextlib.suppress(duckdb.Error):
                    self.con.execute("rollback")
                raise
        self.loaded_hashes.add((table.content_hash, kind.name))
        return result

    @staticmethod
    def notes(table: SourceTable, lang: str) -> str:
        """How the file was read, where a person should know (an encoding guessed past a wrong BOM)."""
        return "".join(f" ({msg(key, lang, **params)})" for key, params in table.notes)

    def _write(self, staging: Staging, result: FileResult) -> None:
        """Types the rows, sets aside or warns on bad values, writes the good rows and logs the file."""
        table = staging.table
        file_name = Path(self.shown(table.path)).name  # file name and sheet apart
        staging.type_rows()
        result.rows_quarantined = staging.record_issues(self.load_id, file_name, "quarantine")
        result.rows_warned = staging.record_issues(self.load_id, file_name, "warning")
        result.rows_loaded = result.rows_read - result.rows_quarantined
        source_id = scalar(self.con, "select coalesce(max(source_id), 0) + 1 from sources")
        self.con.execute("insert into sources values (?, ?, ?)", [source_id, self.load_id, self.label(table)])
        staging.upsert(source_id, self.incremental_ready)
        key = "file_loaded_quarantine" if result.rows_quarantined else "file_loaded"
        params = {"rows": f"{result.rows_loaded:,}", "bad": f"{result.rows_quarantined:,}"}
        result.say({lang: msg(key, lang, **params) + self.notes(table, lang) for lang in LANGS}, self.lang)
        self._log(result, table.content_hash, result.messages["ja"], result.messages["en"])


def load(
    paths: Iterable[str | Path],
    db: str | Path | None = None,
    kind: str | None = None,
    progress: Progress | None = None,
    lang: str | None = None,
    display_names: dict[Path, str] | None = None,
    actor: str | None = None,
    estimate: bool = True,
    waiting: Callable[[Writer | None], None] | None = None,
) -> LoadResult:
    """Loads files or folders as one run: it all lands in a new snapshot, or nothing changes.

    `display_names` names files by what a person called them (an upload is saved under a name of
    our own, never its own name), in the results and the load log. With `estimate` False the event
    study is left for `estimate()`, so the figures are there a few seconds sooner (the first run).
    `waiting` hears who writes when the load has to wait for another writer.
    """
    lang = lang or language()
    report = progress or (lambda fraction, label: None)
    files, skipped = expand_paths(paths)
    result = LoadResult(skipped=skipped)
    store = SnapshotStore(config.db_path(db))
    workdir = Path(tempfile.mkdtemp(prefix="dxdash-load-"))
    try:
        store.db_path.parent.mkdir(parents=True, exist_ok=True)
        with store.lock("load", waiting):
            names = display_names or {}
            _load_locked(store, files, kind, lang, report, workdir, result, names, estimate)
    except (OSError, duckdb.Error) as error:
        result.error_messages = in_each_language("run_failed", detail=first_line(error))
        result.error = result.error_messages[lang]
        result.committed = False
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    changed = result.committed and result.snapshot
    refused = result.error is not None or any(f.status == "rejected" for f in result.files)
    if changed or refused:  # who, and which files: a run that changed the data, or one that was refused
        files = [{"file": Path(f.path).name, "kind": f.kind, "status": f.status} for f in result.files]
        detail = {"snapshot": result.snapshot if changed else None, "files": files}
        if not changed:
            detail["outcome"] = "failed" if result.error else "refused"
        try:
            audit.record(actor or audit.command_line_user(), "load", detail, config.audit_path(db))
        except OSError:
            if changed:  # the data changed: that must never go unrecorded
                raise  # (a run that changed nothing and cannot write beside the database says so already)
    return result


def _current_meta(store: SnapshotStore) -> dict[str, str]:
    """The current snapshot's meta table (dataset, models, last load), read once; empty without one."""
    current = store.current()
    if current is None:
        return {}
    con = duckdb.connect(str(current), read_only=True)
    try:
        return dict(con.execute("select key, value from meta").fetchall())
    except duckdb.Error:
        return {}
    finally:
        con.close()


def models_outdated(db: str | Path | None = None) -> bool:
    """Whether the current snapshot's models were built by SQL other than this version's."""
    store = SnapshotStore(config.db_path(db))
    return store.current() is not None and _current_meta(store).get("models") != models.fingerprint()


def _build_and_publish(
    con, store: SnapshotStore, work: Path, final: Path, meta: dict[str, str], estimate: bool = True
) -> None:
    """Inside the work copy's open transaction: builds the models, records `meta` and the models'
    fingerprint, commits, and makes the copy the current snapshot. Without `estimate` the event study
    is marked as still to be made (`estimate()` makes it)."""
    models.build(con, estimate=estimate)
    event_study = schema.ESTIMATED if estimate else schema.PENDING
    for key, value in {**meta, "models": models.fingerprint(), schema.EVENT_STUDY: event_study}.items():
        schema.set_meta(con, key, value)
    _publish(con, store, work, final)


def _publish(con, store: SnapshotStore, work: Path, final: Path) -> None:
    con.execute("set fsync_mode = 'standard'")  # what becomes current is on the disk first
    con.execute("commit")
    con.execute("checkpoint")
    con.close()
    store.publish(work, final)


def _from_current(db: str | Path | None, task: str, wanted: Callable[[dict[str, str]], bool], make) -> bool:
    """A new snapshot made from the current one by `make(con, store, work, final)` inside a transaction,
    which commits and publishes it (readers keep the old one until they reopen); only where
    `wanted(meta)` holds under the writers' lock. True when it did."""
    store = SnapshotStore(config.db_path(db))
    with store.lock(task):
        if store.current() is None or not wanted(_current_meta(store)):
            return False
        work, final = store.prepare(start_empty=False)
        con = duckdb.connect(str(work))
        committed = False
        try:
            con.execute("begin transaction")
            make(con, store, work, final)
            committed = True
        finally:
            if not committed:
                with contextlib.suppress(duckdb.Error):
                    con.close()
                store.discard(work)
    return True


def rebuild(db: str | Path | None = None) -> bool:
    """Builds the current snapshot's models again with this version's SQL, in a new snapshot that then
    becomes current. True when it did; nothing to do when the models are this version's already."""

    def make(con, store, work, final):
        schema.ensure_schema(con)  # a column this version's contract added (the roster's email)
        _build_and_publish(con, store, work, final, {})

    return _from_current(db, "rebuild", lambda meta: meta.get("models") != models.fingerprint(), make)


def estimate(db: str | Path | None = None) -> bool:
    """Makes the event study a load left for later (`load(..., estimate=False)`), in a new snapshot that
    then becomes current. True when it did; nothing to do where a load has made it since."""

    def make(con, store, work, final):
        impact.build(con, models.as_of(con).as_of)
        schema.set_meta(con, schema.EVENT_STUDY, schema.ESTIMATED)
        _publish(con, store, work, final)

    return _from_current(db, "estimate", lambda meta: meta.get(schema.EVENT_STUDY) == schema.PENDING, make)


def _load_locked(
    store, files, forced_kind, lang, report, workdir, result: LoadResult, names, estimate: bool
) -> None:
    demo = demo_hashes(files)
    hashes = {}
    for path in files:
        try:
            hashes[path] = file_hash(path)
        except OSError:
            hashes[path] = None
    readable = [h for h in hashes.values() if h]
    run_is_demo = bool(readable) and all(h in demo for h in readable)
    meta = _current_meta(store)
    previous_dataset = meta.get("dataset")
    models_current = meta.get("models") == models.fingerprint()
    # Demo rows never mix with the office's: the first office load starts from an empty database.
    start_empty = previous_dataset == "demo" and not run_is_demo
    dataset = "demo" if run_is_demo and previous_dataset in (None, "demo") else "office"
    work, final = store.prepare(start_empty)
    con = duckdb.connect(str(work))
    committed = False
    try:
        limit_memory(con, workdir)
        # each file's commit need not wait for the disk: the work copy becomes current only once it is
        # whole and written out (_publish), and a run that dies leaves a .tmp file the next one removes
        con.execute("set fsync_mode = 'none'")
        schema.ensure_schema(con)
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
        # nothing loaded: the current snapshot stays and the copy goes; above all, demo data is not
        # replaced by an empty database because every file of the first office load was refused
        if not changed and store.current() is not None and (start_empty or models_current):
            result.committed = True
            return
        report(0.95, "marts")
        con.execute("begin transaction")
        now = now_in_japan().isoformat(timespec="seconds")
        previous = store.current()
        con.execute(
            "insert into loads values (?, ?, ?, ?, ?, ?)",
            [load_id, now, now_in_japan(), dataset, final.name, previous.name if previous else None],
        )
        _build_and_publish(con, store, work, final, {"dataset": dataset, "last_load_at": now}, estimate)
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
        tables = read_file(path, workdir, run.hashes.get(path), extra=run.extra)
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
            results.append(run.reject_unrecognised(path, table, recognition))
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
        if skipped_sheets:
            notes = {
                lang: " ".join(msg("sheet_skipped", lang, sheet=s) for s in skipped_sheets) for lang in LANGS
            }
            for entry in results:
                entry.say(
                    {lang: f"{text} ({notes[lang]})" for lang, text in entry.messages.items()}, run.lang
                )
    return results


class DataChanged(Exception):
    """The data changed since the person looked (a load went in meanwhile): an undo would undo that."""


def undo(
    db: str | Path | None = None,
    actor: str | None = None,
    seen: str | None = None,
    waiting: Callable[[Writer | None], None] | None = None,
) -> str | None:
    """Makes the snapshot before the last load current again. Returns its name, or None if there is none.
    With `seen` (the snapshot a person looked at) it raises DataChanged when another is current by the
    time it holds the writers' lock, rather than undo a load the person has not seen."""
    store = SnapshotStore(config.db_path(db))
    with store.lock("undo", waiting):
        current = store.current()
        if current is None:
            return None
        if seen is not None and os.path.realpath(current) != os.path.realpath(seen):
            raise DataChanged(current.name)
        previous = previous_snapshot(current, store.folder)
        if previous is None or not previous.exists():
            return None
        store.switch_to(previous)
    audit.record(
        actor or audit.command_line_user(),
        "undo",
        {"restored": previous.name, "undone": current.name},
        config.audit_path(db),
    )
    return previous.name
