"""The Briefing page in the browser: a person makes the files and downloads both, in both languages,
for a complete year, a year in progress and one bureau; what they hold equals the kpis command."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from pptx import Presentation

from presentation import fmt
from tests.browser.conftest import ROOT, screenshot, wait_until_rendered

pytestmark = pytest.mark.browser

CASES = [
    ("ja", 2024, None, "作成", "PowerPointをダウンロード", "PDFをダウンロード"),
    ("en", 2026, None, "Make the files", "Download PowerPoint", "Download PDF"),
    ("ja", 2026, "総務局", "作成", "PowerPointをダウンロード", "PDFをダウンロード"),
    ("en", 2024, "総務局", "Make the files", "Download PowerPoint", "Download PDF"),
]


def kpis(app_db: Path, fy: int) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "etl", "kpis", "--fy", str(fy), "--json"],
        cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, DXDASH_DB=str(app_db)), check=True,
    )  # fmt: skip
    return json.loads(run.stdout)


@pytest.mark.parametrize(("lang", "fy", "bureau", "make", "pptx_label", "pdf_label"), CASES)
def test_both_files_download_from_the_page_and_hold_the_kpis(
    page, app, app_db, lang, fy, bureau, make, pptx_label, pdf_label
):
    scope = f"&bureau={quote(bureau)}" if bureau else ""
    page.goto(f"{app}/briefing?lang={lang}&fy={fy}{scope}")
    wait_until_rendered(page)
    page.get_by_role("button", name=make).click()
    page.get_by_role("button", name=pptx_label).wait_for(timeout=120_000)
    with page.expect_download() as pptx_download:
        page.get_by_role("button", name=pptx_label).click()
    with page.expect_download() as pdf_download:
        page.get_by_role("button", name=pdf_label).click()
    pptx_path, pdf_path = Path(pptx_download.value.path()), Path(pdf_download.value.path())
    assert pptx_download.value.suggested_filename.endswith(".pptx")
    assert pdf_download.value.suggested_filename.endswith(".pdf")

    figures = kpis(app_db, fy)
    hours = fmt.hours(figures["hours_saved"], lang)
    deck = Presentation(io.BytesIO(pptx_path.read_bytes()))
    assert len(deck.slides) == 10  # a cover and nine slides
    titles = [shape.text_frame.text for shape in deck.slides[1].shapes if shape.has_text_frame]
    assert any(hours in title for title in titles)
    cover = " ".join(shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame)
    assert (bureau or ("全庁" if lang == "ja" else "Whole city")) in cover
    assert pdf_path.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert hours in text
    if fy == 2026:  # a year in progress compares with the same period of the year before
        assert ("前年同期比" if lang == "ja" else "vs same period") in text
    assert page.request_log.foreign == []
    screenshot(page, f"briefing-{lang}-{fy}{'-bureau' if bureau else ''}")
