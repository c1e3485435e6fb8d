"""Benchmark: load a generated 5-million-row usage export, against DuckDB's own CSV reader.

Run: .venv/bin/python benchmarks/bench_load.py [--rows N]
Prints time and peak memory (RSS) of the project's `load` and of
`CREATE TABLE ... AS SELECT * FROM read_csv(...)` of the same file, each in a fresh process.
Goal (issue 2): at most 2x DuckDB's time and under 1 GB peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent


def make_export(folder: Path, rows: int) -> Path:
    """A kintone-style daily usage export: app, date, uses, staff id; 2,000 apps, 8,000 staff."""
    path = folder / "usage.csv"
    duckdb.sql(
        f"""copy (
            select
                'APP-' || lpad(((i * 7919) % 2000 + 1)::varchar, 5, '0') as "アプリID",
                strftime(date '2021-04-01' + ((i * 31) % 2000)::integer, '%Y-%m-%d') as "利用日",
                ((i * 13) % 40 + 1) as "利用件数",
                lpad(((i * 104729) % 8000 + 1)::varchar, 6, '0') as "職員番号"
            from range({rows}) t(i)
        ) to '{path}' (header, delimiter ',')"""
    )
    return path


def measure(code: str) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of running `code` in a fresh Python process."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak_kb, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = make_export(folder, args.rows)
        size_mb = export.stat().st_size / 1e6
        plain_db, dash_db = str(folder / "plain.duckdb"), str(folder / "dash" / "dxdash.duckdb")
        duck_s, duck_mb = measure(
            f"import duckdb; con = duckdb.connect({plain_db!r});"
            f"con.execute({'create table usage as select * from read_csv(' + repr(str(export)) + ')'!r});"
            "con.close()"
        )
        ours_s, ours_mb = measure(
            f"from etl import loader; r = loader.load([{str(export)!r}], db={dash_db!r});"
            "assert r.exit_code == 0, r.to_json()"
        )
        result = {
            "rows": args.rows,
            "file_mb": round(size_mb, 1),
            "duckdb_read_csv_s": round(duck_s, 2),
            "duckdb_peak_mb": round(duck_mb),
            "project_load_s": round(ours_s, 2),
            "project_peak_mb": round(ours_mb),
            "time_ratio": round(ours_s / duck_s, 2),
        }
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
