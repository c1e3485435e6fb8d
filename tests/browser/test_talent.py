"""The talent page in the browser: tabs render, and the action list downloads open as spreadsheets."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from tests.browser.conftest import screenshot, wait_until_rendered

pytestmark = pytest.mark.browser

TABS = [
    "認定状況",
    "目標への進捗",
    "育成ファネル",
    "所属のカバー状況",
    "ゴールドへのステップアップ",
    "ルール確認",
    "定着状況",
]


def test_every_tab_renders_with_a_chart(page, app):
    page.goto(f"{app}/talent?lang=ja&fy=2024")
    wait_until_rendered(page)
    for number, name in enumerate(TABS):
        page.get_by_role("tab", name=name).click()
        panel = page.locator('[role="tabpanel"]:visible')
        if name != "ルール確認":
            panel.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=30_000)
        assert page.locator('[data-testid="stException"]').count() == 0
        screenshot(page, f"talent-ja-tab{number}")
    assert page.request_log.foreign == []


def test_the_action_list_downloads_as_csv_and_xlsx(page, app):
    page.goto(f"{app}/talent?lang=ja&fy=2024")
    wait_until_rendered(page)
    page.get_by_role("tab", name="所属のカバー状況").click()
    panel = page.locator('[role="tabpanel"]:visible')
    heading = panel.get_by_text("要対応").inner_text()
    expected_rows = int(heading.split("(")[-1].split("所属")[0])
    with page.expect_download() as download_info:
        panel.get_by_role("button", name="Excelでダウンロード").click()
    workbook = openpyxl.load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("局・区", "所属コード", "所属")
    assert len(rows) - 1 == expected_rows
    assert all(isinstance(r[1], str) and len(r[1]) == 4 for r in rows[1:])  # codes keep leading zeros
    with page.expect_download() as download_info:
        panel.get_by_role("button", name="CSVでダウンロード").click()
    content = Path(download_info.value.path()).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")  # Excel opens Japanese CSV correctly with a BOM
    csv_rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert len(csv_rows) - 1 == expected_rows
    assert [r[1] for r in csv_rows] == [r[1] for r in rows]  # the same departments as the .xlsx
