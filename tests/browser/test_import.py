"""Importing in the browser as an office member would: check, map, load, keep reading, undo."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from etl.snapshots import SnapshotStore
from tests.browser.conftest import (
    ROOT,
    app_output,
    screenshot,
    start_app,
    stop_app,
    violations,
    wait_for_metrics,
    wait_until_rendered,
)

pytestmark = pytest.mark.browser

ORGS = "所属コード,所属名,局名\n0101,総務課,総務局\n0102,人事課,総務局\n0201,市民課,門司区役所\n"
APPS = (
    "アプリID,アプリ名,所管所属コード,作成日,1件あたり削減時間(分),外注想定初期費用(円),外注想定年間運用費(円)\n"
    "A1,申請受付,0101,2024-04-01,30,1000000,365000\n"
    "A2,集計,0201,2024-06-01,15,500000,\n"
)
CERTS = "職員番号,認定区分,認定日\n000001,シルバー,令和6年6月1日\n000002,gold,2025-02-01\n"


def usage_export(rows: int, first_staff: int = 0) -> str:
    lines = ["アプリID,利用日,利用件数,職員番号"]
    lines += [
        f"A{1 + i % 2},2024-{4 + i % 12 if 4 + i % 12 <= 12 else 12:02d}-{1 + i % 28:02d},{1 + i % 5},{first_staff + i % 9000:06d}"
        for i in range(rows)
    ]
    return "\n".join(lines) + "\n"


def kpis(db: Path, fy: int = 2024) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "etl", "kpis", "--fy", str(fy), "--json"],
        cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, DXDASH_DB=str(db)), check=True,
    )  # fmt: skip
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def office_app(tmp_path_factory, demo_db):
    """The app on the demo data (a copy of the run's demo database: the first run itself is the `app`
    fixture's), where the office loads its own files."""
    data_dir = tmp_path_factory.mktemp("office-app")
    shutil.copyfile(demo_db.resolve(), data_dir / "dxdash.duckdb")
    process, url = start_app(data_dir)
    yield url, data_dir / "dxdash.duckdb", data_dir, process
    stop_app(process)


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("office-exports")
    (folder / "orgs.csv").write_text(ORGS, encoding="utf-8")
    (folder / "apps.csv").write_text(APPS, encoding="utf-8-sig")
    (folder / "certs.csv").write_text(CERTS, encoding="utf-8")
    (folder / "usage.csv").write_text(usage_export(200_000), encoding="utf-8")
    (folder / "broken.xlsx").write_bytes(b"PK\x03\x04 this is not a workbook")
    kintone = "レコード番号,職員番号,認定区分,認定日,作成者,作成日時\r\n1,000003,シルバー,R7.1.20,dx-admin,2025-01-20T01:00:00Z\r\n"
    (folder / "kintone_certs.csv").write_bytes(kintone.encode("cp932"))
    (folder / "custom_usage.csv").write_text(
        "アプリID,利用日,利用回数\nA1,2024-07-01,100\n", encoding="utf-8"
    )
    return folder


ENGLISH_UPLOADER = ("Upload", "per file", "file upload", "Add files", "Remove", "add icon", "Browse", "Drag")


def assert_uploader_in_japanese(page, expected: str) -> None:
    """What a screen reader reads of the uploader (Streamlit writes it in English) is Japanese."""
    uploader = page.get_by_test_id("stFileUploader")
    page.wait_for_function(
        "([words]) => document.querySelector('[data-testid=stFileUploader]').innerText.includes('1ファイル')"
        " || !!document.querySelector('[data-testid=stFileChip]')",
        arg=[expected],
        timeout=10_000,
    )
    said = uploader.aria_snapshot()
    assert expected in said and not [w for w in ENGLISH_UPLOADER if w in said], said


def upload(page, files: list[Path]) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_test_id("stFileUploaderDropzone").click()
    chooser.value.set_files([str(f) for f in files])
    try:
        for file in files:  # each file's preview, by the name the person gave it
            page.get_by_test_id("stExpander").filter(has_text=file.name).first.wait_for(timeout=60_000)
    except Exception:
        screenshot(page, "import-upload-failed")
        raise
    wait_until_rendered(page)


DONE = '[data-testid="stAlertContentSuccess"]:has-text("取込が完了しました")'
OUTCOME = f'{DONE}, [data-testid="stAlertContentError"], [data-testid="stException"]'


def wait_for_outcome(page, process) -> None:
    """Until the load says how it went; when it never does, the page and the server's last words say why."""
    try:
        page.wait_for_selector(OUTCOME, timeout=180_000)
    except Exception as error:
        screenshot(page, "import-no-outcome")
        raise AssertionError(f"no outcome of the load on the page:\n{page.inner_text('body')[-2000:]}\n"
                             f"the server said:\n{app_output(process)}") from error  # fmt: skip
    wait_until_rendered(page)


def load(page, process) -> None:
    page.get_by_role("button", name="取り込む").click()
    wait_for_outcome(page, process)


def test_an_office_member_loads_checks_maps_and_undoes(browser, office_app, exports, tmp_path):
    url, app_db, data_dir, process = office_app
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ja-JP")
    page = context.new_page()
    page.goto(f"{url}/import?lang=ja")
    wait_until_rendered(page)
    demo = kpis(app_db)
    assert_uploader_in_japanese(page, "ファイルを選ぶ")

    # 1. a good set: previewed before anything is written, then loaded after confirming the demo goes
    good = [exports / n for n in ("orgs.csv", "apps.csv", "certs.csv", "usage.csv")]
    upload(page, good)
    for kind in ("組織", "アプリ台帳", "認定", "アプリ利用実績"):
        assert page.get_by_text(f"— {kind}", exact=False).count() >= 1
    screenshot(page, "import-preview-ja")
    assert_uploader_in_japanese(page, "orgs.csv を外す")
    assert page.get_by_role("button", name="取り込む").is_disabled()
    page.get_by_text("デモデータを置き換えることを確認しました").click()

    # a second person keeps reading the overview while the load runs
    reader = browser.new_context(locale="ja-JP").new_page()
    page.get_by_role("button", name="取り込む").click()
    for _ in range(3):
        reader.goto(f"{url}/overview?lang=ja")
        wait_until_rendered(reader)
        assert reader.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count() == 0
    wait_for_outcome(page, process)
    assert page.locator(DONE).count() == 1, page.inner_text("body")[-2000:]

    # the same files from the command line give the same figures
    cli_db = tmp_path / "cli.duckdb"
    subprocess.run([sys.executable, "-m", "etl", "load", *map(str, good), "--db", str(cli_db)], cwd=ROOT, check=True,
                   env=dict(os.environ, DXDASH_MAPPING=str(tmp_path / "none.toml")))  # fmt: skip
    after_good = kpis(app_db)
    assert after_good == kpis(cli_db)
    assert after_good != demo
    reader.goto(f"{url}/overview?lang=ja&fy=2024")
    values = wait_for_metrics(reader, 8)
    assert (
        f"{round(after_good['hours_saved']):,}時間" in values
        or f"{after_good['hours_saved'] / 1e4:,.1f}万時間" in values
    )
    assert reader.get_by_text("デモデータを表示しています").count() == 0

    # 2. a broken file and a CP932 kintone export: the broken one is refused with a reason, the other loads
    upload(page, [exports / "broken.xlsx", exports / "kintone_certs.csv"])
    assert page.get_by_text("Excelファイルが壊れているか開けません").count() >= 1
    load(page, process)
    screenshot(page, "import-after-broken")
    assert page.get_by_test_id("stAlertContentError").filter(has_text="broken.xlsx").count() == 1
    assert kpis(app_db, 2024)["certified"]["silver"] == after_good["certified"]["silver"] + 1
    before_mapping = kpis(app_db)

    # 3. an unknown header, mapped on the page and remembered in the mapping file
    upload(page, [exports / "custom_usage.csv"])
    page.get_by_text("見出しを項目に対応づける").wait_for()
    screenshot(page, "import-mapping-ja")
    page.get_by_test_id("stSelectbox").filter(has_text="ファイルの種類").click()
    page.get_by_role("option", name="アプリ利用実績").click()
    wait_until_rendered(page)
    page.get_by_test_id("stSelectbox").filter(has_text="利用件数").locator("input").click()
    page.keyboard.type("利用回数")
    page.keyboard.press("Enter")
    wait_until_rendered(page)
    page.get_by_role("button", name="対応を保存して再確認").click()
    page.wait_for_selector("text=1行を取り込めます", state="attached", timeout=60_000)
    assert "利用回数" in (data_dir / "mapping.toml").read_text(encoding="utf-8")
    load(page, process)
    mapped = kpis(app_db)
    assert mapped["hours_saved"] == pytest.approx(before_mapping["hours_saved"] + 100 * 30 / 60)
    screenshot(page, "import-done-ja")

    # 4. undo brings the previous figures back
    page.get_by_text("前回の取込を取り消すことを確認しました").click()
    wait_until_rendered(page)
    page.wait_for_selector('button:has-text("取り消す"):not([disabled])', timeout=30_000)
    page.get_by_role("button", name="取り消す").click()
    page.wait_for_selector("text=前回の取込を取り消しました", timeout=60_000)
    assert kpis(app_db) == before_mapping
    context.close()


def test_a_load_goes_on_when_its_page_reruns_and_another_person_waits_for_it(
    browser, office_app, exports, tmp_path
):
    """A load outlives its page's script run: the person switches language while it runs (a rerun, which
    used to stop the load halfway without a word), and the outcome still comes, in the new language;
    meanwhile another person sees that a load is running and can neither load nor undo. The test holds
    the writers' lock (as a load from the command line would), so the load is surely running meanwhile."""
    url, app_db, _, process = office_app
    usage = tmp_path / "usage_more.csv"
    usage.write_text(usage_export(300_000, first_staff=10_000), encoding="utf-8")  # uses not loaded before
    before = kpis(app_db)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ja-JP")
    page = context.new_page()
    page.goto(f"{url}/import?lang=ja")
    wait_until_rendered(page)
    upload(page, [usage])
    replace_demo = page.get_by_text("デモデータを置き換えることを確認しました")
    if replace_demo.count():  # run on its own, on the demo data
        replace_demo.click()
    other = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ja-JP").new_page()
    with SnapshotStore(app_db).lock():
        page.get_by_role("button", name="取り込む").click()
        page.get_by_text("取込は、このページを離れても").wait_for(timeout=30_000)
        # it waits for the lock the test holds, as for a load of the command line, and says so
        page.get_by_text("別の処理(データの取込)の終了を待っています").wait_for(timeout=30_000)
        screenshot(page, "import-running-ja")
        assert violations(page, Axe()) == []

        other.goto(f"{url}/import?lang=ja")
        wait_until_rendered(other)
        waiting = other.get_by_test_id("stAlertContentInfo").filter(has_text="別の取込が実行中です")
        assert waiting.count() == 1, other.inner_text("body")[-1500:]
        upload(other, [exports / "certs.csv"])  # a file ready to load: only the running load holds it back
        assert other.get_by_role("button", name="取り込む", exact=True).is_disabled()
        other.get_by_text("前回の取込を取り消すことを確認しました").click()
        other.wait_for_selector('[data-testid="stCheckbox"] input:checked', state="attached", timeout=30_000)
        wait_until_rendered(other)
        assert other.get_by_role("button", name="取り消す").is_disabled()  # ticked, but a load runs
        screenshot(other, "import-other-running-ja")
        assert violations(other, Axe()) == []

        page.get_by_test_id("stSidebar").get_by_text("English").click()
        try:
            page.get_by_text("The load goes on if you leave this page").wait_for(timeout=90_000)
        except Exception as error:
            screenshot(page, "import-switch-failed")
            raise AssertionError(f"{page.inner_text('body')[-2000:]}\n{app_output(process)}") from error
        assert kpis(app_db) == before  # not loaded yet: it waits for the lock
    try:
        page.wait_for_selector(
            '[data-testid="stAlertContentSuccess"]:has-text("The load is complete"), [data-testid="stAlertContentError"]',
            timeout=180_000,
        )
    except Exception as error:
        screenshot(page, "import-no-outcome-en")
        raise AssertionError(
            f"no outcome: {page.inner_text('body')[-1500:]}\n{app_output(process)}"
        ) from error
    wait_until_rendered(page)
    screenshot(page, "import-done-after-switch-en")
    cells = page.get_by_test_id("stDataFrame").first.locator("[role=gridcell]")  # the grid's accessible table
    cells.first.wait_for(state="attached", timeout=30_000)
    result = " | ".join(cells.all_inner_texts())
    assert "300,000 row(s) loaded" in result and "行" not in result, result  # the file's message in English
    assert kpis(app_db) != before  # the new uses are in
    # the other person's page notices by itself that the load is done: loading and undo are open again
    other.wait_for_selector('button:has-text("取り消す"):not([disabled])', timeout=30_000)
    assert not other.get_by_role("button", name="取り込む", exact=True).is_disabled()
    assert other.get_by_text("別の取込が実行中です").count() == 0
    context.close()
    other.context.close()


def test_a_large_export_full_of_bad_rows_previews_a_sample_and_a_page_of_them(browser, office_app, tmp_path):
    url, *_ = office_app
    bad = tmp_path / "bad_usage.csv"
    bad.write_text(
        "アプリID,利用日,利用件数\n" + "".join(f"A1,2024-04-01,-{i}\n" for i in range(1, 5_001)),
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ja-JP")
    page = context.new_page()
    page.goto(f"{url}/import?lang=ja")
    wait_until_rendered(page)
    upload(page, [bad])
    expander = page.get_by_test_id("stExpander").filter(has_text="bad_usage.csv").first
    assert "先頭1,000行" in expander.inner_text() and "4,000行" in expander.inner_text()
    assert "保留になる行(1,000件) 先頭の100件を表示しています" in expander.inner_text()
    screenshot(page, "import-preview-sample-ja")
    context.close()
