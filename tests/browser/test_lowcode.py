"""Low-code pages in the browser: the per-app cost download adds up to the headline figure."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.browser.conftest import ROOT, wait_until_rendered

pytestmark = pytest.mark.browser


def test_the_per_app_cost_download_adds_up_to_the_kpis_figure(page, app, app_db):
    run = subprocess.run(
        [sys.executable, "-m", "etl", "kpis", "--fy", "2024", "--json"],
        cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, DXDASH_DB=str(app_db)), check=True,
    )  # fmt: skip
    expected = json.loads(run.stdout)["cost_avoided_cumulative_yen"]
    page.goto(f"{app}/costs?lang=en&fy=2024")
    wait_until_rendered(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download .xlsx").first.click()
    workbook = openpyxl.load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    rows = list(workbook.active.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:2] == ["App ID", "App"]
    costs = [row[header.index("Cost avoided (cumulative)")] for row in rows[1:]]
    # each app is rounded to the yen in the table; the headline rounds once, after summing
    assert abs(sum(costs) - expected) <= len(costs)
    assert page.request_log.foreign == []
