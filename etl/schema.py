"""The database's own tables (loads, files, row issues, sources) and one raw table per kind, derived
from the kinds (etl/kinds.py); a database written by an earlier version is brought up to date."""

from __future__ import annotations

import duckdb

from etl.db import scalar
from etl.kinds import GRANULARITIES, GRANULARITY, GRANULARITY_TYPE, KINDS, raw_table

# the meta entry that says whether a snapshot's event study is made, or left for loader.estimate() (the
# first run draws its overview first); a snapshot without it was estimated by its load
EVENT_STUDY, ESTIMATED, PENDING = "event_study", "estimated", "pending"


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
    if not scalar(con, "select count(*) from duckdb_types() where type_name = ?", [GRANULARITY_TYPE]):
        values = ", ".join(f"'{value}'" for value in GRANULARITIES)  # constants of etl.kinds
        con.execute(f"create type {GRANULARITY_TYPE} as enum ({values})")
    for kind in KINDS.values():
        columns = [f'"{name}" {sql_type}' for name, sql_type in kind.stored_columns]
        columns += ["source_id integer", "source_row bigint"]
        con.execute(f"create table if not exists {raw_table(kind.name)} ({', '.join(columns)})")
        _add_new_columns(con, kind)
    earlier = con.execute(
        """select table_name, column_name, data_type from duckdb_columns()
           where starts_with(table_name, 'raw_') and (column_name = 'source_file'
               or (column_name = ? and data_type = 'VARCHAR'))""",
        [GRANULARITY],
    ).fetchall()
    for table in sorted({name for name, _, _ in earlier}):
        _move_sources(con, table, {column: data_type for name, column, data_type in earlier if name == table})


def _add_new_columns(con: duckdb.DuckDBPyConnection, kind) -> None:
    """A column a later version of the contract added (the roster's email) is added, empty, to a raw
    table an earlier version made: its rows were loaded from files read without it."""
    table = raw_table(kind.name)
    present = {
        row[0]
        for row in con.execute(
            "select column_name from duckdb_columns() where table_name = ? and schema_name = 'main'", [table]
        ).fetchall()
    }
    for name, sql_type in kind.stored_columns:
        if name not in present:
            con.execute(f'alter table {table} add column "{name}" {sql_type}')


def _move_sources(con: duckdb.DuckDBPyConnection, table: str, names: dict[str, str]) -> None:
    """A database written by an earlier version kept the file name and load on every raw row, and a
    usage row's granularity as text."""
    if names.get(GRANULARITY) == "VARCHAR":
        con.execute(f"alter table {table} alter {GRANULARITY} type {GRANULARITY_TYPE}")
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


def meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    return scalar(con, "select value from meta where key = ?", [key])


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("insert or replace into meta values (?, ?)", [key, value])
