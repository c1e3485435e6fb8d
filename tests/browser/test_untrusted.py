"""Names anyone can type (a bureau, a department, an app, a category, a file name, a header) are shown as
themselves on every page: no link, no image from another host, no bold or colour, no request made."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import pytest

from etl import demo, loader
from presentation.words import translate
from tests.browser.conftest import screenshot, start_app, stop_app, wait_until_rendered

pytestmark = pytest.mark.browser

EVIL = "evil.example"
BUREAU = f'<a href="http://{EVIL}/b">悪局</a>'
DEPT = f"![x](http://{EVIL}/d.png)課"
APP = f'<img src="http://{EVIL}/a.png">**太字**'
CATEGORY = f":red[赤]<b>{EVIL}</b>"
THEME = f'<a href="http://{EVIL}/t">悪テーマ</a>'
TEAM = f"[チーム](http://{EVIL}/team)"
COURSE = f'<img src="http://{EVIL}/c.png">悪講座'
PAGES = ["overview", "briefing", "talent", "ideas", "learning", "apps", "hours", "costs", "quality"]
# where each page draws the hostile names: the tab to open, and a name as typed to wait for
SHOWN_ON = {
    "apps": ("apps_tab", "tab_makers", "悪局</a>"),
    "ideas": ("ideas_tab", "tab_pipeline", None),
    "learning": ("learning_tab", "tab_learning_courses", "悪講座"),
}


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    """The demo city, with names rewritten as an attacker would type them, loaded through the ETL."""
    folder = tmp_path_factory.mktemp("hostile")
    exports = folder / "exports"
    demo.write_demo(exports, seed=5, scale=0.2)
    orgs_path = exports / "01_組織一覧.xlsx"
    orgs = pd.read_excel(orgs_path, sheet_name="組織一覧", dtype=str)
    first_bureau = orgs["局名"].iloc[0]
    orgs.loc[orgs["局名"] == first_bureau, "局名"] = BUREAU
    orgs.loc[orgs.index[0], "所属名"] = DEPT
    orgs.to_excel(orgs_path, sheet_name="組織一覧", index=False)
    apps_path = exports / "07_アプリ台帳_kintone.csv"
    apps = pd.read_csv(apps_path, encoding="cp932", dtype=str, keep_default_na=False)
    apps["アプリ名"] = [f"{APP}{i}" for i in range(len(apps))]
    apps["分類"] = CATEGORY
    apps.to_csv(apps_path, encoding="cp932", index=False)
    projects_path = exports / "10_ゼミ・実装プロジェクト.xlsx"
    projects = pd.read_excel(projects_path, sheet_name="プロジェクト", dtype=str)
    projects["テーマ"] = [f"{THEME}{i}" for i in range(len(projects))]
    projects["チーム名"] = TEAM
    projects.to_excel(projects_path, sheet_name="プロジェクト", index=False)
    [learning_path] = exports.glob("13_user_course_activity_*.csv")  # the service's own report
    learning = pd.read_csv(learning_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    learning["Course Title"] = COURSE + learning["Course Title"]
    learning.to_csv(learning_path, index=False, encoding="utf-8-sig")
    (exports / "demo-manifest.json").unlink()  # no longer the demo: the office's own (hostile) data
    db = folder / "dxdash.duckdb"
    result = loader.load([exports], db=db)
    assert result.committed, result.to_json()
    process, url = start_app(folder, db)
    yield url
    stop_app(process)


def assert_shown_as_text(page) -> None:
    # [*|href] also finds the xlink:href of a link plotly would draw in a chart's SVG
    assert page.locator(f'[*|href*="{EVIL}"], img[src*="{EVIL}"]').count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0
    assert [url for url in page.request_log.foreign if EVIL in url] == []
    assert page.request_log.foreign == []


@pytest.mark.parametrize("path", PAGES)
def test_a_hostile_name_shows_as_plain_text_on_every_page(page, hostile_app, path):
    key, tab, typed_in_chart = SHOWN_ON.get(path, (None, None, "悪局</a>"))
    opened = f"&{key}={quote(translate('ja', tab))}" if key else ""
    page.goto(f"{hostile_app}/{path}?lang=ja&fy=2024{opened}")
    wait_until_rendered(page)
    if path == "ideas":  # the board writes each theme and team, as typed, as text
        page.get_by_text("悪テーマ</a>", exact=False).first.wait_for(timeout=60_000)
        page.get_by_text("[チーム](http", exact=False).first.wait_for(timeout=60_000)
    elif path in ("overview", "talent", "hours", "costs", "apps", "learning"):
        # the bureau's name, tags and all, drawn as text in a chart (charts draw after the script has run)
        page.wait_for_function(
            "typed => [...document.querySelectorAll('[data-testid=stPlotlyChart] text')]"
            ".some(t => t.textContent.includes(typed))",
            arg=typed_in_chart,
            timeout=60_000,
        )
    if path == "hours":  # an app's name and a category, as typed, in their charts
        for typed in ("**太字**", ":red[赤]"):
            page.wait_for_function(
                "typed => [...document.querySelectorAll('[data-testid=stPlotlyChart] text')]"
                ".some(t => t.textContent.includes(typed))",
                arg=typed,
                timeout=60_000,
            )
    page.wait_for_timeout(500)
    assert_shown_as_text(page)
    screenshot(page, f"untrusted-{path}")


def test_a_hostile_file_name_and_header_on_the_import_page_are_plain_text(page, hostile_app, tmp_path):
    upload = tmp_path / f"[x](http_{EVIL}) **bold**.csv"
    upload.write_text(f"所属コード,所属名,![i](http://{EVIL}/h.png)\n0101,総務課,1\n", encoding="utf-8")
    page.goto(f"{hostile_app}/import?lang=ja")
    wait_until_rendered(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    page.get_by_text("**bold**", exact=False).first.wait_for(timeout=60_000)
    page.locator('[data-testid="stExpander"] summary').first.click()  # the file's preview
    page.get_by_text("h.png", exact=False).first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    assert_shown_as_text(page)
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert f"![i](http://{EVIL}/h.png)" in main.replace("\u2060", "")
    assert page.locator('[data-testid="stMain"] strong:has-text("bold")').count() == 0
    screenshot(page, "untrusted-import")
