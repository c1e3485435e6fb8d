"""Benchmark: server-side time of each page (cold and warm cache) at demo scale and at 10x.

Run: .venv/bin/python benchmarks/bench_pages.py [--scales 1 10] [--pages overview apps hours costs]
     [--keep FOLDER]  (builds each scale's database once in FOLDER/<scale> and reuses it next time)
Each page is run through Streamlit's AppTest against a database built from generated demo exports
loaded through the ETL. Cold = the first run of a session opening that page with every cache cleared
(the router's queries included) in a server process that has run a page before (Python's imports and
plotly's first template load happen once per process, not per session: one untimed run pays them);
warm = the same page run again in the same session. AppTest polls
the script thread, so figures carry a few milliseconds of polling.
Goals: the overview under 1 s warm and under 3 s cold at 10x; apps, hours and costs under 1 s warm; the
impact page at most 0.3 s warm and 2 s cold (its event study is estimated at the load, not by the page).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(folder: Path, scale: float) -> Path:
    from etl import demo, loader

    exports = folder / "exports"
    demo.write_demo(exports, seed=2024, scale=scale)
    db = folder / "dxdash.duckdb"
    result = loader.load([exports], db=db)
    assert result.committed, result.to_json()
    return db


def time_page(page: str, repeats: int = 3) -> tuple[float, float]:
    """Median cold and median warm time of a page over `repeats` new sessions (single runs on a
    shared machine vary by a third)."""
    import statistics

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    colds, warms = [], []
    for _ in range(repeats):
        st.cache_data.clear()
        st.cache_resource.clear()
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        app.query_params["lang"] = "ja"
        app.switch_page(
            f"app_pages/{page}.py"
        )  # the first run opens this page: router and page, caches empty
        start = time.perf_counter()
        app.run()
        colds.append(time.perf_counter() - start)
        assert not app.exception, [e.value for e in app.exception]
        for _ in range(3):
            start = time.perf_counter()
            app.run()
            warms.append(time.perf_counter() - start)
    return statistics.median(colds), statistics.median(warms)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    parser.add_argument(
        "--pages",
        nargs="+",
        default=["overview", "talent", "ideas", "learning", "impact", "apps", "hours", "costs", "quality"],
    )
    parser.add_argument("--keep", type=Path, help="a folder to keep the built databases in and reuse")
    args = parser.parse_args()
    results = []
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            folder = args.keep / f"{scale:g}" if args.keep else Path(tmp)
            start = time.perf_counter()
            db = folder / "dxdash.duckdb"
            if not db.exists():
                db = build(folder, scale)
            built = time.perf_counter() - start
            os.environ["DXDASH_DB"] = str(db)
            time_page(args.pages[0], repeats=1)  # the process's imports, once, as a server has them
            for page in args.pages:
                cold, warm = time_page(page)
                results.append(
                    {
                        "scale": scale,
                        "page": page,
                        "cold_s": round(cold, 2),
                        "warm_s": round(warm, 2),
                        "build_s": round(built, 1),
                    }
                )
                print(json.dumps(results[-1]), flush=True)


if __name__ == "__main__":
    main()
