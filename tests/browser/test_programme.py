"""The two programme pages in the browser: every tab draws its charts in both languages, the project
board shows the year's projects, and the backlog downloads what the report lists."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest

from etl import reports
from presentation.words import translate
from tests.browser.conftest import screenshot, wait_until_rendered
from tests.test_pages import TABS

pytestmark = pytest.mark.browser

PAGES = ("ideas", "learning")  # their tabs: tests.test_pages.TABS, the AppTest's own list
WITHOUT_CHART = {"tab_backlog"}  # a table only


def report(app_db, name: str, **params) -> list[dict]:
    con = duckdb.connect(str(app_db), read_only=True)  # a reader beside the app's own
    try:
        return reports.run(con, name, **params).to_dict("records")
    finally:
        con.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_tab_of_the_programme_pages_draws(page, app, path, lang):
    page.goto(f"{app}/{path}?lang={lang}&fy=2025")
    wait_until_rendered(page)
    for number, key in enumerate(TABS[path]):
        page.get_by_role("tab", name=translate(lang, key), exact=True).click()
        panel = page.locator('[role="tabpanel"]:visible')
        if key in WITHOUT_CHART:
            panel.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
        else:
            panel.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=30_000)
            marks = panel.locator(
                '[data-testid="stPlotlyChart"] .trace, [data-testid="stPlotlyChart"] .point'
            )
            assert marks.count() > 0  # a drawn chart, not empty axes
        assert page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count() == 0
        screenshot(page, f"{path}-{lang}-tab{number}")
    assert page.request_log.foreign == []


def test_the_board_shows_each_of_the_years_projects_under_its_status(page, app, app_db):
    projects = report(app_db, "report_project_board", fiscal_year=2024)
    page.goto(f"{app}/ideas?lang=ja&fy=2024&ideas_tab={quote(translate('ja', 'tab_pipeline'))}")
    wait_until_rendered(page)
    main = page.locator('[data-testid="stMain"]')
    for status in ("idea", "building", "live"):
        count = sum(p["status"] == status for p in projects)
        main.get_by_role("heading", name=f"{translate('ja', f'status_{status}')} ({count})").wait_for(
            timeout=30_000
        )
    for project in projects:
        assert main.get_by_text(project["theme"], exact=True).count() >= 1
    screenshot(page, "ideas-board")


def test_the_backlog_downloads_the_ideas_the_report_lists(page, app, app_db):
    expected = report(app_db, "report_idea_backlog", fiscal_year=2025, min_hours=300, bureaus=[])
    page.goto(f"{app}/ideas?lang=ja&fy=2025&ideas_tab={quote(translate('ja', 'tab_backlog'))}")
    wait_until_rendered(page)
    page.get_by_text(f"({len(expected):,}件)").first.wait_for(timeout=30_000)
    with page.expect_download() as download:
        page.get_by_role("button", name="CSVでダウンロード").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert [row["課題番号"] for row in rows] == [idea["submission_id"] for idea in expected]
    assert {"職員番号", "氏名", "シルバー認定日"} <= set(rows[0])  # the local user may see people
