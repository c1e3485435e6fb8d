"""Roles in the browser, with the person named by a trusted proxy's header (server.trustedUserHeaders):
each role sees exactly its pages, a forbidden URL is refused, and an executive meets no staff id."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import urllib.request
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest
from pptx import Presentation

from etl import audit, config
from presentation.words import translate
from tests.browser.conftest import (
    NAVIGATION_LINKS,
    ROLE_PAGES,
    listed_pages,
    screenshot,
    start_app,
    stop_app,
    wait_until_rendered,
)

pytestmark = pytest.mark.browser

HEADER = "X-Dxdash-User"
PEOPLE = {
    "executive": "mayor@city.example",
    "analyst": "analyst@city.example",
    "data_admin": "admin@city.example",
}
# groups below this many people are hidden from an executive: high enough that the demo's bureaus of
# fewer than 150 learners in a year are hidden, so that the test can see it happen
MIN_GROUP = 150


@pytest.fixture(scope="module")
def proxied_app(app_db, tmp_path_factory):
    """The demo database served as behind a sign-in proxy: the header names the person."""
    folder = tmp_path_factory.mktemp("proxied")
    roles_file = folder / "roles.toml"
    lines = [f'[roles.{role}]\nemails = ["{email}"]' for role, email in PEOPLE.items()]
    roles_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = folder / "settings.toml"
    settings.write_text(f"[privacy]\nmin_group_size = {MIN_GROUP}\n", encoding="utf-8")
    headers = json.dumps({HEADER: "email"})
    env = {"DXDASH_ROLES": str(roles_file), "DXDASH_SETTINGS": str(settings)}
    process, url = start_app(folder, app_db, ("--server.trustedUserHeaders", headers), env)
    yield url
    stop_app(process)


@pytest.fixture(scope="module")
def staff_ids(app_db) -> set[str]:
    con = duckdb.connect(str(app_db), read_only=True)
    ids = {row[0] for row in con.execute("select distinct staff_id from stg_staff").fetchall()}
    con.close()
    return ids


def open_as(browser, person: str | None):
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000},
        locale="ja-JP",
        accept_downloads=True,
        extra_http_headers={HEADER: person} if person else {},
    )
    return context, context.new_page()


def test_without_the_header_nobody_gets_in(browser, proxied_app):
    context, tab = open_as(browser, None)
    tab.goto(f"{proxied_app}/overview?lang=en")
    tab.get_by_text("No signed-in person is known").wait_for(timeout=60_000)
    assert tab.locator('[data-testid="stPlotlyChart"]').count() == 0
    assert tab.locator(NAVIGATION_LINKS).count() == 0
    context.close()


@pytest.mark.parametrize("role", list(PEOPLE))
def test_each_role_sees_exactly_its_pages_and_a_forbidden_url_is_refused(browser, proxied_app, role):
    context, tab = open_as(browser, PEOPLE[role])
    tab.goto(f"{proxied_app}/overview?lang=en")
    wait_until_rendered(tab)
    assert sorted(listed_pages(tab)) == sorted(ROLE_PAGES[role])
    sidebar = tab.locator('[data-testid="stSidebar"]').inner_text().replace("\u2060", "")
    assert PEOPLE[role] in sidebar  # the sidebar says who is signed in
    assert tab.locator('[data-testid="stSidebar"] a[href^="mailto:"]').count() == 0  # as text, from a header
    for page in ("talent", "import"):
        if page not in ROLE_PAGES[role]:
            tab.goto(f"{proxied_app}/{page}?lang=en")
            tab.get_by_text("You are not permitted to open this page.").wait_for(timeout=60_000)
            tab.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
            assert tab.locator('[data-testid="stPlotlyChart"], [data-testid="stDataFrame"]').count() == 0
    screenshot(tab, f"role-{role}")
    context.close()


def test_an_executive_meets_no_staff_id_on_the_pages_or_in_the_briefing(browser, proxied_app, staff_ids):
    context, tab = open_as(browser, PEOPLE["executive"])
    seen = []
    for page in ROLE_PAGES["executive"]:
        tab.goto(f"{proxied_app}/{page}?lang=ja&fy=2024")
        wait_until_rendered(tab)
        seen.append(tab.locator("body").inner_text())
    tab.goto(f"{proxied_app}/briefing?lang=ja&fy=2024")
    wait_until_rendered(tab)
    tab.get_by_role("button", name="資料を作成").click()
    tab.get_by_role("button", name="PowerPointをダウンロード").wait_for(timeout=120_000)
    with tab.expect_download() as pptx:
        tab.get_by_role("button", name="PowerPointをダウンロード").click()
    with tab.expect_download() as pdf:
        tab.get_by_role("button", name="PDFをダウンロード").click()
    deck = Presentation(io.BytesIO(Path(pptx.value.path()).read_bytes()))
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                seen.append(shape.text_frame.text)
            if shape.has_table:
                seen += [cell.text for row in shape.table.rows for cell in row.cells]
    seen.append(subprocess.run(["pdftotext", pdf.value.path(), "-"], capture_output=True, text=True).stdout)
    tokens = set(re.findall(r"(?<![\d,.])\d{5,8}(?![\d,.])", "\n".join(seen)))
    assert tokens & staff_ids == set()
    context.close()


def table_download(tab, url: str) -> list[dict]:
    """Opens a page's tab and reads the CSV its table downloads (UTF-8 with BOM), as a person would."""
    tab.goto(url)
    wait_until_rendered(tab)
    with tab.expect_download() as download:
        tab.get_by_role("button", name="CSVでダウンロード").first.click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("role", ["executive", "analyst"])
def test_the_idea_backlog_names_its_makers_only_to_roles_that_see_people(
    browser, proxied_app, staff_ids, role
):
    context, tab = open_as(browser, PEOPLE[role])
    backlog = quote(translate("ja", "tab_backlog"))
    rows = table_download(tab, f"{proxied_app}/ideas?lang=ja&fy=2025&ideas_tab={backlog}")
    assert rows and rows[0]["課題番号"].startswith("S")
    makers = {row.get("職員番号") for row in rows} & staff_ids
    if role == "executive":
        assert "職員番号" not in rows[0] and "氏名" not in rows[0] and makers == set()
        # nor what together points at one person: the department, the days of certification, the apps
        assert not {"所属", "シルバー認定日", "ゴールド認定日", "作成者のアプリ数"} & set(rows[0])
        assert {row["提案者の認定"] for row in rows} <= {"シルバー", "ゴールド", "—"}
    else:
        assert makers
    screenshot(tab, f"backlog-{role}")
    context.close()


def test_a_list_of_named_staff_is_audited_when_made_and_served_once_to_its_maker(
    browser, proxied_app, app_db
):
    analyst = PEOPLE["analyst"]
    downloads = lambda: [  # noqa: E731
        e
        for e in audit.entries(config.audit_path(app_db))
        if e["action"] == "download" and e["actor"] == analyst
    ]
    before = len(downloads())
    context, tab = open_as(browser, analyst)
    tab.goto(f"{proxied_app}/ideas?lang=ja&fy=2025&ideas_tab={quote(translate('ja', 'tab_backlog'))}")
    wait_until_rendered(tab)
    with tab.expect_download() as download:
        tab.get_by_role("button", name="CSVでダウンロード").first.click()
    assert Path(download.value.path()).read_text(encoding="utf-8-sig").count("\n") > 1
    made = downloads()
    assert len(made) == before + 1 and made[-1]["detail"]["format"] == "csv"
    url = download.value.url  # the file's own address: asked for again, by anyone, it is gone
    bare = url.rsplit(".", 1)[0]  # the store also serves "<id>" without its extension
    for asker in (tab, open_as(browser, PEOPLE["executive"])[1]):
        assert asker.request.get(url).status == 404 and asker.request.get(bare).status == 404
    with urllib.request.urlopen(f"{proxied_app}/_stcore/health") as answer:  # the app goes on serving
        assert answer.status == 200
    context.close()


@pytest.mark.parametrize("role", ["executive", "analyst"])
def test_small_groups_of_learners_are_hidden_from_an_executive_only(browser, proxied_app, role):
    context, tab = open_as(browser, PEOPLE[role])
    bureaus = quote(translate("ja", "tab_learning_bureaus"))
    rows = table_download(tab, f"{proxied_app}/learning?lang=ja&fy=2025&learning_tab={bureaus}")
    hidden = [row for row in rows if row["受講者"] == "—"]
    if role == "executive":
        assert hidden and len(hidden) < len(rows)
        # the share per 100 staff would give a hidden count back: it goes with it
        assert all(row["100人あたり"] in ("", "—") for row in hidden)
        tab.get_by_text(f"{MIN_GROUP}人未満の集団").first.wait_for(timeout=30_000)
    else:
        assert hidden == []
    screenshot(tab, f"small-groups-{role}")
    context.close()
