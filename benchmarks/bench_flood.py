"""Benchmark: another person's overview while sessions flood the server with reruns.

Run: .venv/bin/python benchmarks/bench_flood.py [--floods 0 1 10] [--repeats 5] [--keep FOLDER]

The app runs as scripts/run.sh starts it, on the demo database (built through the ETL, or reused from
--keep), on 127.0.0.1. For each count of flooding sessions, those sessions each run the overview 100
times over the app's own WebSocket, each run as soon as the one before it finished (what a script that
clicks as fast as it can does), while a second reader opens the overview: a new session over the
WebSocket (the server's part: from the request to the run's last element) and, as a person sees it, in
headless Chromium (the page's request to its figures drawn, which adds loading the page's JavaScript
and drawing the charts). Each is taken --repeats times and the median shown.
Goal (issue 19): the server's part under 2 s with one flooding session, on the development machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def reader_time(browser, url: str) -> float:
    from tests.browser.conftest import wait_for_metrics

    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    started = time.perf_counter()
    tab.goto(f"{url}/overview?lang=en")
    wait_for_metrics(tab, 4, timeout_ms=120_000)
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


def session_time(port: int) -> float:
    from tests.browser.stream import open_stream, run

    with open_stream(port) as stream:
        started = time.perf_counter()
        run(stream, page="overview")
        return time.perf_counter() - started


def main() -> None:
    from playwright.sync_api import sync_playwright

    from benchmarks.bench_pages import build
    from tests.browser.conftest import CHROMIUM_ARGS, start_app, stop_app
    from tests.browser.stream import flood, open_stream, run

    parser = argparse.ArgumentParser()
    parser.add_argument("--floods", type=int, nargs="+", default=[0, 1, 10])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="a folder to keep the built database in and reuse")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dxdash-bench-flood-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "dxdash.duckdb"
    if not db.exists():
        db = build(folder, 1)
    process, url = start_app(folder, db)
    port = int(url.rsplit(":", 1)[1])
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            reader_time(browser, url)  # the app's caches warm, as on a server that has been up a while
            for floods in args.floods:
                times, server = [], []
                for _ in range(args.repeats):
                    streams = [open_stream(port) for _ in range(floods)]
                    for stream in streams:
                        run(stream, page="overview")
                    threads = [
                        threading.Thread(target=flood, args=(s, 100), kwargs={"page": "overview"})
                        for s in streams
                    ]
                    for thread in threads:
                        thread.start()
                    time.sleep(0.5)  # the flood under way
                    server.append(session_time(port))
                    times.append(reader_time(browser, url))
                    for thread in threads:
                        thread.join(timeout=600)
                    for stream in streams:
                        stream.close()
                print(
                    f"flooding sessions {floods:>3}: second reader's overview, server "
                    f"{statistics.median(server):.2f} s (max {max(server):.2f}); in Chromium "
                    f"{statistics.median(times):.2f} s (max {max(times):.2f}); median of {args.repeats}",
                    flush=True,
                )
            browser.close()
    finally:
        stop_app(process)
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
