"""Small DuckDB helpers shared by the ETL and the dashboard's data layer."""

from __future__ import annotations

import duckdb


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params=None):
    """The single value of a query (fetches every row, so the connection is free afterwards)."""
    rows = con.execute(sql, params).fetchall()
    return rows[0][0] if rows else None
