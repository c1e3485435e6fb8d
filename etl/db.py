"""Small DuckDB helpers shared by the ETL and the dashboard's data layer."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import duckdb

from etl import config


def parameter_names(sql: str) -> set[str]:
    """The $names a query binds, outside its `--` comments (a comment may name a rule it does not use,
    and DuckDB refuses a parameter the query has no place for)."""
    code = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return set(re.findall(r"\$([a-z_]+)", code))


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params=None):
    """The single value of a query (fetches every row, so the connection is free afterwards)."""
    rows = con.execute(sql, params).fetchall()
    return rows[0][0] if rows else None


@contextlib.contextmanager
def unordered(con: duckdb.DuckDBPyConnection):
    """Writes whose row order does not matter: without keeping insertion order, DuckDB builds a table
    in parallel and writes a large insert straight to the file instead of at the checkpoint. The order
    is kept again afterwards, whatever happens (a CSV's records are numbered by their order)."""
    con.execute("set preserve_insertion_order = false")
    try:
        yield
    finally:
        con.execute("set preserve_insertion_order = true")


def first_line(error: BaseException) -> str:
    """What a person is told of an error: its first line, bounded (DuckDB's may quote a whole line)."""
    return (str(error).splitlines() or [type(error).__name__])[0][:200]


def limit_memory(con: duckdb.DuckDBPyConnection, workdir: Path) -> None:
    """A bounded footprint on a shared server: DuckDB spills to the work folder beyond the limit."""
    con.execute("set enable_progress_bar = false")
    con.execute("set memory_limit = ?", [config.load_memory_limit()])
    con.execute("set temp_directory = ?", [str(workdir)])
