"""A session that floods the server with reruns is held back politely, and another person's overview is
still served (how fast: benchmarks/bench_flood.py, whose goal is under 2 s)."""

from __future__ import annotations

import threading
import time

import pytest

from shell import throttle
from tests.browser.conftest import start_app, stop_app, wait_for_metrics
from tests.browser.stream import flood, open_stream, run

pytestmark = pytest.mark.browser

POLITE = "That was faster than the dashboard answers"


def test_a_flood_of_reruns_is_answered_politely_and_another_reader_is_served(
    browser, app_db, tmp_path_factory
):
    process, url = start_app(tmp_path_factory.mktemp("flood"), app_db)
    port = int(url.rsplit(":", 1)[1])
    try:
        flooded: list[list[str]] = []
        took: list[float] = []

        def flood_and_time(stream) -> None:
            started = time.monotonic()
            flooded.extend(flood(stream, 100, page="overview"))
            took.append(time.monotonic() - started)

        with open_stream(port) as stream:
            assert "Executive overview" in run(stream, page="overview")  # a first, ordinary run
            flooder = threading.Thread(target=flood_and_time, args=(stream,))
            flooder.start()
            context = browser.new_context(locale="en-GB")
            reader = context.new_page()
            reader.goto(f"{url}/overview?lang=en")
            assert len(wait_for_metrics(reader, 4)) >= 4  # the other person's figures are drawn
            flooder.join(timeout=300)
            context.close()
        assert len(flooded) == 100
        full = [texts for texts in flooded if "Executive overview" in texts]
        polite = [texts for texts in flooded if any(POLITE in text for text in texts)]
        assert polite and len(full) + len(polite) == 100
        # past the burst (and the first run), a run of the page only as fast as the bucket refills; the
        # rest stopped at the polite line, before any query
        assert len(full) <= 1 + throttle.BURST + throttle.RATE * took[0] + 1
    finally:
        stop_app(process)
