"""Every page in Japanese and English in headless Chromium: no error, charts drawn, figures on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from presentation import fmt
from presentation.words import translate
from shell import bootstrap, roles
from tests.browser.conftest import (
    ROOT,
    screenshot,
    start_app,
    stop_app,
    wait_for_metrics,
    wait_until_rendered,
)

pytestmark = pytest.mark.browser

DATA_PAGES = list(roles.READING_PAGES)  # every page that shows figures
PAGES = [*DATA_PAGES, "import"]


def _kpis(app_db) -> dict:
    return _kpis_fy(app_db, None)


def _kpis_fy(app_db, fy) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "etl", "kpis", "--json", *(["--fy", str(fy)] if fy else [])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, DXDASH_DB=str(app_db)),
        check=True,
    )
    return json.loads(run.stdout)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_page_renders_without_error(page, app, path, lang):
    page.goto(f"{app}/{path}?lang={lang}")
    wait_until_rendered(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    if path in DATA_PAGES:
        charts = page.locator('[data-testid="stPlotlyChart"] .main-svg')
        charts.first.wait_for(timeout=30_000)
        assert charts.count() >= 1
        # a drawn chart has marks in it, not only axes
        assert (
            page.locator('[data-testid="stPlotlyChart"] .trace, [data-testid="stPlotlyChart"] .point').count()
            > 0
        )
    screenshot(page, f"{path}-{lang}")
    assert page.request_log.foreign == []


def test_the_first_visit_follows_the_browser_language(page, app):
    page.goto(app)  # the context's locale is ja-JP
    wait_until_rendered(page)
    page.get_by_text("エグゼクティブ概要").first.wait_for(timeout=60_000)


def test_the_first_run_builds_the_demo_through_the_etl_and_opens_the_overview(browser, tmp_path):
    """The README's run command on a machine with no database: the demo is generated and loaded, then the
    overview shows its figures."""
    process, url = start_app(tmp_path)
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ja-JP")
        tab = context.new_page()
        tab.goto(f"{url}/overview?lang=ja")
        values = wait_for_metrics(tab, 8, timeout_ms=180_000)
        db = tmp_path / "dxdash.duckdb"
        assert db.exists() and (tmp_path / "demo-exports" / "demo-manifest.json").exists()
        figures = _kpis(db)
        assert fmt.integer(figures["dx_talent_cumulative"], unit="人") in values
        assert fmt.hours(figures["hours_saved"], "ja") in values
        assert tab.locator('[data-testid="stException"]').count() == 0
        # the code of the cards and charts was fetched while the data was made, by one of each out of sight
        warm_up = tab.locator(f".st-key-{bootstrap.WARM_UP}")
        assert warm_up.count() == 1 and not warm_up.is_visible()
        assert warm_up.locator('[data-testid="stPlotlyChart"]').count() == 1
        screenshot(tab, "first-run-overview")
        context.close()
    finally:
        stop_app(process)


def test_the_overview_shows_the_figures_of_the_kpis_command(page, app, app_db):
    figures = _kpis(app_db)
    page.goto(f"{app}/overview?lang=ja")
    values = wait_for_metrics(page, 8)
    assert fmt.integer(figures["dx_talent_cumulative"], unit="人") in values
    assert fmt.hours(figures["hours_saved"], "ja") in values
    assert fmt.yen(figures["cost_avoided_cumulative_yen"], "ja") in values
    assert fmt.integer(figures["apps_in_operation"], unit="本") in values
    assert fmt.integer(figures["certified"]["silver"], unit="人") in values


def test_the_language_switch_changes_every_label_and_the_url_keeps_it(page, app):
    page.goto(f"{app}/overview?lang=ja")
    wait_until_rendered(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.wait_for_url("**lang=en**")
    wait_until_rendered(page)
    page.get_by_text("Executive overview").first.wait_for(timeout=60_000)
    assert "lang=en" in page.url


def test_a_switch_of_language_keeps_the_open_tab_in_both_directions(page, app):
    # the URL keeps a tab by its label: in the other language that label names no tab
    page.goto(f"{app}/talent?lang=ja")
    wait_until_rendered(page)
    page.get_by_role("tab", name=translate("ja", "tab_progression")).click()
    page.wait_for_url("**talent_tab=**")
    wait_until_rendered(page)
    for lang, label in (("en", "English"), ("ja", "日本語")):
        page.locator('[data-testid="stSidebar"]').get_by_text(label, exact=True).click()
        page.wait_for_url(f"**lang={lang}**")
        wait_until_rendered(page)
        page.get_by_text(translate(lang, "col_median_days")).first.wait_for(state="attached", timeout=60_000)
        selected = page.locator('[role="tab"][aria-selected="true"]')
        assert selected.inner_text() == translate(lang, "tab_progression")


def test_a_copied_link_opens_the_same_fiscal_year(page, app, app_db):
    figures = _kpis_fy(app_db, 2024)
    page.goto(f"{app}/overview?lang=en&fy=2024")
    values = wait_for_metrics(page, 8)
    chosen = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]')
    assert "FY2024" in chosen.inner_text() + chosen.locator("input").first.input_value()
    assert fmt.integer(figures["dx_talent_cumulative"]) in values
    assert fmt.hours(figures["hours_saved"], "en") in values
    assert "fy=2024" in page.url
