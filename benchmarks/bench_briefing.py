"""Benchmark: the executive briefing (slides gathered, .pptx written, .pdf printed) at demo scale and 10x.

Run: .venv/bin/python benchmarks/bench_briefing.py [--scales 1 10] [--keep FOLDER]
The database is the demo loaded through the ETL (built once per scale with --keep). Each step is timed
in this process, median of 3 runs, for the latest complete fiscal year and the whole city in Japanese.
Goal: the whole briefing (both files) under 10 s at 1x on the development machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    import duckdb

    from benchmarks.bench_pages import build
    from briefing import content, pdf, slides
    from etl import metrics

    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    parser.add_argument("--keep", type=Path, help="a folder to keep the built databases in and reuse")
    args = parser.parse_args()
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            folder = args.keep / f"{scale:g}" if args.keep else Path(tmp)
            db = folder / "dxdash.duckdb"
            if not db.exists():
                db = build(folder, scale)
            con = duckdb.connect(str(db), read_only=True)
            years = metrics.fiscal_years(con)
            fiscal_year = years[-2] if len(years) > 1 else years[-1]
            times: dict[str, list[float]] = {"gather": [], "pptx": [], "pdf": [], "total": []}
            for _ in range(3):
                start = time.perf_counter()
                deck = content.gather(con, fiscal_year, "ja")
                gathered = time.perf_counter()
                slides.write(deck)
                written = time.perf_counter()
                pdf.write(deck)
                printed = time.perf_counter()
                times["gather"].append(gathered - start)
                times["pptx"].append(written - gathered)
                times["pdf"].append(printed - written)
                times["total"].append(printed - start)
            con.close()
            medians = {f"{k}_s": round(statistics.median(v), 2) for k, v in times.items()}
            print(json.dumps({"scale": scale, "fiscal_year": fiscal_year, **medians}), flush=True)


if __name__ == "__main__":
    main()
