"""Benchmark: loading usage exports shaped like the office's, against DuckDB's own CSV reader.

Run: .venv/bin/python benchmarks/bench_load.py [--rows N] [--monthly N] [--loaded N N ...]

A real usage export (kintone's log: 利用日, アプリID, 職員番号, 利用件数) has a distinct key on every
row, in no particular order. Three measurements, each command in a fresh process on the same machine:

1. distinct: N rows (default 5,000,000), every (date, app, staff) key distinct, in random order; the
   project's `load` against `CREATE TABLE ... AS SELECT * FROM read_csv(...)` of the same file, on three
   shapes: `2024/04/01` dates and `K100123` staff ids in UTF-8 and in CP932 (DuckDB reads no CP932: it is
   timed on the UTF-8 copy), and `2024-04-01` dates with `000123` ids.
2. repeats: the same size, where a tenth of the rows repeat a key of another row (overlapping monthly
   exports sent as one file): the within-file dedupe at work.
3. incremental: a monthly export (default 150,000 rows, new keys) loaded onto a database that already
   holds M rows (default 5,000,000 and 20,000,000), against the same export into an empty database.

Each measurement is run --runs times (default 3), taking turns with the one it is compared with, and
the median is shown: this machine's timings vary by a fifth from one run to the next.

Goals (issues 9 and 22): distinct at most 1.5x DuckDB's time and under 1 GB peak, on each shape of
export (slash dates and K-prefixed staff ids in UTF-8 and in Shift_JIS, ISO dates and numeric ids);
incremental at most 2x the empty load.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
APPS, DAYS, STAFF = 2_500, 1_826, 8_000  # apps in use, five fiscal years of days, staff


# how an office's export writes its dates and staff ids: (date format, staff id prefix, digits)
SHAPES = {
    "office": ("%Y/%m/%d", "K", 6),  # 2024/04/01, K100123: the HR system's ids, Excel's dates
    "iso": ("%Y-%m-%d", "", 6),  # 2024-04-01, 000123: numeric-looking ids, ISO dates
}


def write_usage(
    path: Path,
    rows: int,
    repeat_share: float = 0.0,
    first_day: str = "2021-04-01",
    days: int = DAYS,
    shape: str = "office",
    encoding: str = "utf-8",
) -> Path:
    """`rows` usage rows from `first_day` on, over `days` days, with distinct keys, shuffled, written in
    `shape` (SHAPES) and `encoding` (cp932: the HR and kintone systems' Shift_JIS).

    Key number i -> app i % 2,500, day (i // 2,500) % days, and a staff id that differs between the
    rows of one app and day. With `repeat_share`, that share of the rows repeat another row's key
    (with other uses): a later row replaces an earlier one.
    """
    date_form, prefix, digits = SHAPES[shape]
    first_staff = 100_000 if prefix else 1
    repeats = int(rows * repeat_share)
    duckdb.execute("set enable_progress_bar = false")
    duckdb.sql(
        f"""copy (
            with keys as (
                select i, i % {APPS} as app, (i // {APPS}) % {days} as day, (i // {APPS}) // {days} as part
                from range({rows - repeats}) t(i)
                union all
                select i, i % {APPS}, (i // {APPS}) % {days}, (i // {APPS}) // {days}
                from (select hash(j) % {rows - repeats} as i from range({repeats}) t(j))
            )
            select
                strftime(date '{first_day}' + day::integer, '{date_form}') as "利用日",
                'APP-' || lpad((app + 1)::varchar, 5, '0') as "アプリID",
                '{prefix}' || lpad((((app * 7919 + day * 104729) % {STAFF} + part * 997) % {STAFF}
                    + {first_staff})::varchar, {digits}, '0') as "職員番号",
                (hash(i, random()) % 40 + 1)::integer as "利用件数"
            from keys
            order by hash(i * 2654435761, random())
        ) to '{path}' (header, delimiter ',')"""
    )
    if encoding != "utf-8":  # every byte but the header's is ASCII, the same in Shift_JIS
        text = path.read_bytes()
        header, _, body = text.partition(b"\n")
        path.write_bytes(header.decode("utf-8").encode(encoding) + b"\n" + body)
    return path


def generate(path: Path, rows: int, **options) -> Path:
    """Writes the export in a child process: a process started from this one would otherwise report
    this process's peak memory (DuckDB's while writing the file) as its own."""
    code = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from pathlib import Path\nfrom bench_load import write_usage\n"
        f"write_usage(Path({str(path)!r}), {rows}, **{options!r})"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    return path


def measure(code: str) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of running `code` in a fresh Python process."""
    script = (
        "import resource, sys, time\n"
        "start = time.perf_counter()\n"
        f"{code}\n"
        "seconds = time.perf_counter() - start\n"
        "print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, capture_output=True, text=True)
    seconds, peak = run.stderr.strip().splitlines()[-1].split()
    return float(seconds), float(peak)


def ctas(csv: Path, db: Path) -> tuple[float, float]:
    db.unlink(missing_ok=True)
    sql = f"create table usage as select * from read_csv({str(csv)!r})"
    return measure(f"import duckdb\ncon = duckdb.connect({str(db)!r})\ncon.execute({sql!r})\ncon.close()")


def load(csv: Path, db: Path, start_from: Path | None = None) -> tuple[float, float]:
    """The project's load of `csv` into a fresh database, or into a copy of the one at `start_from`."""
    shutil.rmtree(db.parent, ignore_errors=True)
    if start_from is not None:
        shutil.copytree(start_from.parent, db.parent, symlinks=True)
    return measure(
        f"from etl import loader\nr = loader.load([{str(csv)!r}], db={str(db)!r})\n"
        "assert r.exit_code in (0, 1) and r.committed, r.to_json()"
    )


def median_of(runs: int, *commands) -> list[tuple[float, float]]:
    """Each command run `runs` times, taking turns (the machine's state changes for all alike), and
    the median time of each with its largest peak memory."""
    times: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            times[index].append(command())
    return [(statistics.median(t for t, _ in runs_), max(p for _, p in runs_)) for runs_ in times]


def row(label: str, seconds: float, peak: float, base: float | None = None) -> dict:
    out = {"case": label, "seconds": round(seconds, 2), "peak_mb": round(peak)}
    if base:
        out["ratio"] = round(seconds / base, 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--monthly", type=int, default=150_000)
    parser.add_argument("--loaded", type=int, nargs="*", default=[5_000_000, 20_000_000])
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement; the median is shown")
    parser.add_argument("--skip-repeats", action="store_true")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for shape, encoding in (("office", "utf-8"), ("office", "cp932"), ("iso", "utf-8")):
            utf8 = generate(folder / f"usage_{shape}.csv", args.rows, shape=shape)
            distinct = utf8
            if encoding != "utf-8":  # DuckDB reads no Shift_JIS: its time is the UTF-8 file's
                distinct = generate(
                    folder / f"usage_{shape}_{encoding}.csv", args.rows, shape=shape, encoding=encoding
                )
            size_mb = distinct.stat().st_size / 1e6
            duck, ours = median_of(
                args.runs,
                lambda utf8=utf8: ctas(utf8, folder / "plain.duckdb"),
                lambda distinct=distinct: load(distinct, folder / "a" / "x.duckdb"),
            )
            date_form, prefix, _ = SHAPES[shape]
            example = f"{date_form.replace('%Y', '2024').replace('%m', '04').replace('%d', '01')}, {prefix + '100123' if prefix else '000123'}"
            label = f"{args.rows:,} rows, {example}, {encoding} ({size_mb:.0f} MB)"
            results.append(row(f"DuckDB read_csv CTAS, {label}", *duck))
            results.append(row(f"load, distinct keys, {label}", *ours, duck[0]))
            utf8.unlink()
            distinct.unlink(missing_ok=True)
        if not args.skip_repeats:
            repeats = generate(folder / "usage_repeats.csv", args.rows, repeat_share=0.1)
            [repeated] = median_of(args.runs, lambda: load(repeats, folder / "b" / "x.duckdb"))
            results.append(row("load, a tenth of the keys repeated", *repeated, duck[0]))

        # a new month, after the five years already loaded
        monthly = generate(folder / "usage_month.csv", args.monthly, first_day="2026-04-01", days=30)
        loaded_dbs = []
        for loaded in args.loaded:
            history = generate(folder / f"history_{loaded}.csv", loaded)
            db = folder / f"loaded_{loaded}" / "x.duckdb"
            load(history, db)
            history.unlink()
            loaded_dbs.append((loaded, db))
        timings = median_of(
            args.runs,
            lambda: load(monthly, folder / "empty" / "x.duckdb"),
            *[
                (lambda db=db: load(monthly, folder / "onto" / "x.duckdb", start_from=db))
                for _, db in loaded_dbs
            ],
        )
        empty = timings[0]
        results.append(row(f"monthly export, {args.monthly:,} rows, into an empty database", *empty))
        for (loaded, _), timing in zip(loaded_dbs, timings[1:], strict=True):
            results.append(row(f"the same onto {loaded:,} rows already loaded", *timing, empty[0]))
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
