"""The executive briefing: the PowerPoint read back with python-pptx and the PDF read with poppler, as
a person would open them; the command line's exits."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from briefing import content, pdf, slides
from etl import metrics, reports
from presentation import fmt
from presentation.cards import HEADLINES, grade_text
from presentation.charts import impact as impact_charts
from presentation.words import Words

ROOT = Path(__file__).resolve().parent.parent
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
COMPLETE, IN_PROGRESS = 2024, 2026


@pytest.fixture(scope="module")
def decks(demo_db):
    con = duckdb.connect(str(demo_db), read_only=True)
    made = {
        "ja": content.gather(con, COMPLETE, "ja"),
        "en_progress": content.gather(con, IN_PROGRESS, "en"),
        "bureau": content.gather(con, COMPLETE, "ja", bureau="総務局"),
    }
    yield con, made
    con.close()


def presentation(deck) -> Presentation:
    return Presentation(io.BytesIO(slides.write(deck)))


def charts(prs: Presentation) -> list:
    return [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]


def test_the_deck_has_a_cover_and_nine_slides_each_with_its_page_and_source(decks):
    _, made = decks
    prs = presentation(made["ja"])
    assert len(prs.slides) == 10
    assert prs.slide_width * 9 == prs.slide_height * 16  # 16:9
    for number, slide in enumerate(list(prs.slides)[1:], start=2):
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert f"{number} / 10" in texts
        assert any(text.startswith("出典: DX人材ダッシュボード") for text in texts)
        assert "2026年10月31日現在" in texts


def test_the_kpi_table_equals_the_kpis_command(decks):
    con, made = decks
    kpis = metrics.kpis(con, COMPLETE)
    before = metrics.kpis(con, COMPLETE - 1)
    words = Words("ja")
    table = next(shape.table for shape in presentation(made["ja"]).slides[1].shapes if shape.has_table)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][:2] == ["指標", "実績"] and rows[0][2] == "増減(前年度比)"
    expected = {
        h.label(words): (h.shown(kpis, words), h.delta(kpis, before, words)) for h in HEADLINES.values()
    }
    assert {row[0]: (row[1], row[2]) for row in rows[1:]} == expected
    grades = {row[0]: row[5] for row in rows[1:]}
    assert grades[HEADLINES["dx_talent"].label(words)] == grade_text(
        kpis["plan"]["dx_talent"]["grade"], words
    )


def test_a_year_in_progress_compares_with_the_same_period(decks):
    con, made = decks
    kpis = metrics.kpis(con, IN_PROGRESS)
    assert kpis["year_complete"] is False
    words = Words("en")
    table = next(
        shape.table for shape in presentation(made["en_progress"]).slides[1].shapes if shape.has_table
    )
    assert table.cell(0, 2).text == "Change (vs same period)"
    hours = next(row for row in table.rows if row.cells[0].text == HEADLINES["hours_saved"].label(words))
    assert hours.cells[2].text == HEADLINES["hours_saved"].delta(kpis, kpis["same_period_last_year"], words)


def test_every_chart_is_native_and_its_series_equal_the_queries(decks):
    con, made = decks
    found = charts(presentation(made["ja"]))
    # talent, certifications, hours, cost, the idea pipeline, the seminar and the impact cohorts: each
    # editable, with its data in a workbook
    assert len(found) == 7
    talent, certifications, hours, cost, pipeline, seminar, impact = found
    frame = metrics.kpis_frame(con)
    frame = frame[frame["fiscal_year"] <= COMPLETE]
    assert list(talent.plots[0].series[0].values) == [float(v) for v in frame["dx_talent_cumulative"]] + [
        None
    ] * (len(talent.plots[0].categories) - len(frame))
    by_bureau = reports.run(con, "report_certifications_by_bureau", fiscal_year=COMPLETE, bureaus=[])
    silver = by_bureau[by_bureau["level"] == "silver"]["certified"].sum()
    assert sum(v or 0 for v in certifications.plots[0].series[1].values) == silver
    monthly = reports.run(con, "report_hours_by_month", bureaus=[])
    this_year = monthly[monthly["fiscal_year"] == COMPLETE]["hours_saved"].sum()
    assert sum(v or 0 for v in hours.plots[0].series[-1].values) == pytest.approx(this_year, abs=1)
    initial = [round(v / 1e8, 2) for v in frame["cost_initial_yen"]]
    assert list(cost.plots[0].series[0].values) == initial
    funnel = reports.run(con, "report_idea_funnel", fiscal_year=COMPLETE, bureaus=[]).iloc[0]
    assert list(pipeline.plots[0].series[0].values) == [
        float(funnel[s]) for s in ("submitted", "passed", "taken_up", "building", "live")
    ]
    teams = reports.run(con, "report_seminar_by_year").set_index("fiscal_year")
    assert list(seminar.plots[0].series[0].values) == [float(v) for v in teams.loc[:COMPLETE, "teams"]]
    cohorts = metrics.impact(con, COMPLETE)["cohorts"]
    after = [round(100 * c["makers_after"] / c["people"], 1) for c in cohorts]
    assert list(impact.plots[0].series[1].values) == after
    for chart in found:  # the workbook inside holds the data, so the office can edit the chart
        assert chart.part.chart_workbook.xlsx_part is not None


def test_every_run_of_japanese_text_carries_an_east_asian_font(decks):
    _, made = decks
    prs = presentation(made["ja"])
    roots = [slide.shapes._spTree for slide in prs.slides] + [chart._chartSpace for chart in charts(prs)]
    runs = [run for root in roots for run in root.iter(qn("a:r"))]
    japanese = [run for run in runs if JAPANESE.search(run.findtext(qn("a:t")) or "")]
    assert len(japanese) > 100
    missing = [
        run.findtext(qn("a:t"))
        for run in japanese
        if run.find(qn("a:rPr")) is None or run.find(qn("a:rPr")).find(qn("a:ea")) is None
    ]
    assert missing == []
    assert {run.find(qn("a:rPr")).get("lang") for run in japanese} == {"ja-JP"}


def test_the_cover_is_stamped_demo_data_on_demo_data(decks):
    _, made = decks
    cover = [
        shape.text_frame.text for shape in presentation(made["ja"]).slides[0].shapes if shape.has_text_frame
    ]
    assert "デモデータ" in cover
    assert "2024年度(令和6年度)" in cover[1]


def test_a_bureau_briefing_lists_only_that_bureau(decks):
    _, made = decks
    deck = made["bureau"]
    certifications = deck.slides[2].charts[0]
    assert certifications.categories == ["総務局"]
    act = deck.slides[7]
    assert {row[0] for row in act.tables[0].rows} <= {"総務局"}
    assert {row[2] for row in act.tables[1].rows} <= {"総務局"}
    assert deck.slides[0].notes  # the KPI slide says its figures are city-wide
    # the plan's cumulative figures (DX talent, cost avoided) are the city's: the slides say so, and only in
    # a bureau's deck
    city_wide = "全庁の値です。計画の目標と比べる累計の指標のため"
    assert [any(city_wide in note for note in deck.slides[i].notes) for i in (1, 4)] == [True, True]
    assert not any(city_wide in note for slide in made["ja"].slides for note in slide.notes)


def test_the_impact_slide_shows_each_cohort_against_its_comparison_and_says_it_is_no_proof(decks):
    con, made = decks
    figures = metrics.impact(con, IN_PROGRESS)
    slide = made["en_progress"].slides[6]
    [chart] = slide.charts
    assert len(chart.series) == 4 and len(chart.categories) == len(figures["cohorts"])
    assert chart.categories[-1].endswith("(provisional)")  # the latest cohort's window is not complete
    latest = [c for c in figures["cohorts"] if c["window_complete"]][-1]
    assert fmt.points(latest["difference_pp"], "en") in slide.title
    assert "not proof that the training caused it" in slide.notes[-1]
    native = [
        c
        for c in charts(presentation(made["en_progress"]))
        if c.has_title and "before and after" in c.chart_title.text_frame.text
    ]
    assert native and len(native[0].plots[0].series) == 4  # a chart the office can edit in PowerPoint


needs_pdf_tools = pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("pdffonts") and shutil.which("pdftotext")),
    reason="Chromium and poppler-utils are installed by scripts/test.sh",
)


@needs_pdf_tools
def test_the_pdf_embeds_its_japanese_font_and_holds_the_figures(decks):
    con, made = decks
    data = pdf.write(made["ja"])
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"briefing-test-{os.getpid()}.pdf"
    path.write_bytes(data)
    try:
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    finally:
        path.unlink()
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows)  # every font embedded
    assert any("IPAexGothic" in row and "TrueType" in row for row in rows)
    assert not any("Type 3" in row for row in rows)  # glyphs as a font, not drawn shapes
    kpis = metrics.kpis(con, COMPLETE)
    for figure in (
        fmt.integer(kpis["dx_talent_cumulative"], unit="人"),
        fmt.hours(kpis["hours_saved"], "ja"),
        fmt.yen(kpis["cost_avoided_cumulative_yen"], "ja"),
    ):
        assert figure in text
    assert text.count("\f") >= 9  # nine pages


def briefing_cli(*args: str, db: Path | None = None) -> subprocess.CompletedProcess:
    from tests.test_cli import etl

    return etl(*args, env_db=db, module="briefing")


def test_the_command_writes_a_pptx_and_says_why_when_it_cannot(demo_db, tmp_path):
    out = tmp_path / "briefing.pptx"
    done = briefing_cli("--fy", "2024", "--lang", "en", "--out", str(out), "--bureau", "総務局", db=demo_db)
    assert done.returncode == 0, done.stderr
    assert len(Presentation(str(out)).slides) == 10
    for args, reason in (
        (("--fy", "2019", "--lang", "ja", "--out", str(tmp_path / "x.pptx")), "no data for fiscal year 2019"),
        (
            ("--fy", "2024", "--lang", "ja", "--out", str(tmp_path / "x.txt")),
            "--out must end in .pptx or .pdf",
        ),
        (
            ("--fy", "2024", "--lang", "ja", "--out", str(tmp_path / "x.pptx"), "--bureau", "火星局"),
            "unknown bureau",
        ),
    ):
        failed = briefing_cli(*args, db=demo_db)
        assert failed.returncode == 2 and reason in failed.stderr and len(failed.stderr.splitlines()) == 1
    missing = briefing_cli(
        "--fy", "2024", "--lang", "ja", "--out", str(tmp_path / "x.pptx"), "--db", str(tmp_path / "no.duckdb")
    )
    assert missing.returncode == 2 and "no database" in missing.stderr


def test_the_briefing_never_imports_streamlit():
    code = "import sys, briefing.__main__, briefing.content, briefing.slides, briefing.pdf\nassert 'streamlit' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_the_impact_slide_carries_next_years_plan_as_the_planner_or_the_command_line_sets_it(
    decks, demo_db, tmp_path
):
    con, made = decks
    default = metrics.planner(con, IN_PROGRESS)
    notes = " ".join(made["en_progress"].slides[6].notes)
    # by default the year's own nominations, the range the planner gives for them
    assert f"Silver nominations {default['nominations']:,}" in notes
    assert impact_charts.planner_range(default["silver"], "certified", Words("en")) in notes
    planned = content.gather(con, IN_PROGRESS, "en", planned=(1200, 90))
    planned_notes = " ".join(planned.slides[6].notes)
    bigger = metrics.planner(con, IN_PROGRESS, None, 1200, 90)
    assert "Silver nominations 1,200" in planned_notes and "Gold places 90" in planned_notes
    assert impact_charts.planner_range(bigger["silver"], "certified", Words("en")) in planned_notes
    assert bigger["silver"]["certified"][0] > default["silver"]["certified"][0]
    from briefing.__main__ import main

    out = tmp_path / "planned.pptx"
    argv = ["--db", str(demo_db), "--fy", str(IN_PROGRESS), "--lang", "en", "--out", str(out)]
    assert main([*argv, "--nominations", "1200", "--gold-places", "90"]) == 0
    texts = [s.text_frame.text for s in Presentation(str(out)).slides[7].shapes if s.has_text_frame]
    assert any("Silver nominations 1,200" in text for text in texts)


def test_the_deck_of_an_aggregate_role_hides_small_certified_counts_and_says_so(decks):
    con, made = decks
    shown = made["ja"].slides[2]  # certified by bureau, as a role that sees people makes it
    hidden = content.gather(con, COMPLETE, "ja", hide_small=True).slides[2]
    gold = {s.name: s.values for s in shown.charts[0].series}["ゴールド"]
    kept = {s.name: s.values for s in hidden.charts[0].series}["ゴールド"]
    assert any(0 < v < 5 for v in gold) and not shown.notes  # the demo has small groups
    assert not any(v is not None and 0 < v < 5 for v in kept) and sum(v is None for v in kept) >= 2
    assert [v for v in kept if v is not None] == [v for v, k in zip(gold, kept, strict=True) if k is not None]
    assert hidden.notes and "5人未満の集団はグラフに描いていません" in hidden.notes[0]
    pptx = Presentation(io.BytesIO(slides.write(content.gather(con, COMPLETE, "ja", hide_small=True))))
    assert len(pptx.slides) == len(presentation(made["ja"]).slides)  # the deck writes with the gaps


def test_the_method_slide_counts_the_apps_whose_cost_is_missing_and_promises_no_list_it_lacks(decks):
    con, made = decks
    notes = made["ja"].slides[-1].notes
    missing = len(reports.run(con, "report_apps_missing_cost", fiscal_year=COMPLETE))
    assert any(n.startswith(f"費用の見積りが欠けているアプリ: {missing:,}本") for n in notes), notes
    assert not any("下に一覧" in n for n in notes)


def test_a_bureau_deck_of_an_aggregate_role_shows_the_citys_pipeline_and_no_leader_counts(decks):
    """A bureau's pipeline (a few ideas taken up) and a department's leaders (none or one) are small
    groups: an executive's bureau deck shows the city's pipeline, says so, and lists departments only."""
    con, made = decks
    hidden = content.gather(con, COMPLETE, "ja", bureau="総務局", hide_small=True)
    city, office = made["ja"].slides[5], made["bureau"].slides[5]
    programme = hidden.slides[5]
    assert programme.charts[0].series[0].values == city.charts[0].series[0].values
    assert programme.charts[0].series[0].values != office.charts[0].series[0].values
    assert Words("ja")("deck_programme_citywide_hidden") in programme.notes
    [departments, _] = hidden.slides[7].tables
    [shown, _] = made["bureau"].slides[7].tables
    assert departments.rows and all(row[3] == "—" for row in departments.rows)
    assert sorted(row[1] for row in departments.rows) == sorted(row[1] for row in shown.rows)


def test_a_table_with_nothing_to_list_says_so_on_the_slide_and_in_the_pdf(decks):
    """A bureau with no department short of leaders showed a bare header (and "empty" on the page)."""
    con, _ = decks
    deck = content.gather(con, 2025, "ja", bureau="小倉南区役所")
    [departments, _] = deck.slides[7].tables
    assert departments.rows == [] and departments.empty == Words("ja")("table_no_rows")
    pptx = Presentation(io.BytesIO(slides.write(deck)))
    tables = [shape.table for shape in pptx.slides[8].shapes if shape.has_table]
    assert tables[0].cell(1, 0).text == departments.empty and len(tables[0].rows) == 2
    assert f'colspan="4">{departments.empty}</td>' in pdf._table(departments)


def test_the_act_slide_says_the_year_of_its_departments_and_the_day_of_its_apps(decks):
    """A past year's deck lists that year's departments short of leaders, but the apps to clean up as
    they are now (at the usage data's latest day): each table says which."""
    con, made = decks
    usage_as_of = date.fromisoformat(metrics.kpis(con, COMPLETE)["usage_as_of"])
    departments, apps = made["ja"].slides[7].notes
    assert departments.startswith(f"{COMPLETE}年度にリーダーが")
    assert apps.startswith(f"{usage_as_of.year}年{usage_as_of.month}月{usage_as_of.day}日時点の休眠")
    english = made["en_progress"].slides[7].notes
    assert english[0].endswith(f"in FY{IN_PROGRESS} (top 10)")
    assert english[1] == f"Inactive or orphaned apps on {usage_as_of.day} {usage_as_of:%b %Y} (top 10)"


def test_every_figure_of_the_kpi_slide_is_set_right_and_its_words_are_not(decks):
    """ "-8 depts" / "-8所属" (a change of departments) stood left among right-aligned changes: the slides
    and the pages read a written figure with one rule (fmt.is_written_figure)."""
    _, made = decks
    for deck in (made["ja"], made["en_progress"]):
        table = deck.slides[0].tables[0]
        for row in table.rows:
            assert all(content.is_figure(cell) for cell in row[1:5]), row
            assert not content.is_figure(row[0]) and (row[5] == "—" or not content.is_figure(row[5])), row
        # the figures' columns are set right; the grades' column, its — among them, left
        assert content.figure_columns(table) == [False, True, True, True, True, False]
    assert content.is_figure("-8 depts") and content.is_figure("+7所属") and not content.is_figure("000123")
