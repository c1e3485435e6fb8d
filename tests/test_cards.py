"""One card model: what a year is compared with is decided once, and a page's card and the briefing's
row of the same figure say the same thing."""

from __future__ import annotations

from briefing import content
from etl import metrics
from presentation.cards import HEADLINES, comparison, headline_card, kpi_comparison
from presentation.words import Words

EN = Words("en")


def test_a_complete_year_is_set_against_the_whole_year_before():
    before = {"ideas": 10}
    against = comparison(True, before, None, "2025-03-31", EN)
    assert against.figures is before and against.described == against.header == "YoY"


def test_a_year_in_progress_is_set_against_the_same_period_never_the_whole_year_before():
    same, whole = {"ideas": 4}, {"ideas": 10}
    against = comparison(False, whole, same, "2026-10-31", EN)
    assert against.figures is same
    assert against.described == "vs same period (Apr–Oct)" and against.header == "vs same period"


def test_a_year_in_progress_without_same_period_figures_is_compared_with_nothing():
    # a report of whole years (ideas, e-learning): seven months are never set against twelve
    against = comparison(False, {"ideas": 10}, None, "2026-10-31", EN)
    assert against.figures is None and against.in_progress and against.described is None


def test_the_page_card_and_the_briefing_row_of_a_figure_agree(demo_con):
    for fiscal_year in (2024, 2026):
        now = metrics.kpis(demo_con, fiscal_year)
        against = kpi_comparison(now, metrics.kpis(demo_con, fiscal_year - 1), EN)
        table = content.kpi_rows(now, against, EN)
        for name, row, mark in zip(HEADLINES, table.rows, table.marks, strict=True):
            card = headline_card(name, now, against, EN)
            assert row[:3] == [card.label, card.value, card.change or "—"]
            assert row[3:] == (
                [card.plan, card.achievement, card.grade_text(EN)] if card.planned else ["—"] * 3
            )
            assert mark == (card.grade_colour() if card.planned else None)


def test_a_card_of_a_year_in_progress_says_so_and_names_its_comparison(demo_con):
    now = metrics.kpis(demo_con, 2026)  # the demo's year in progress, to 31 October 2026
    card = headline_card("hours_saved", now, kpi_comparison(now, None, EN), EN)
    assert card.notes == ("To date (as of 31 Oct 2026)",)
    assert card.change.startswith(("+", "-")) and card.compared_with == "vs same period (Apr–Oct)"
    assert card.planned and card.plan_line(EN).endswith("-badge[" + card.grade_text(EN) + "]")


def test_the_change_of_leader_coverage_counts_departments_and_says_so(demo_con):
    # the card shows a share (89.2%) and its change counts departments: a bare "+7" read as 7 points
    now = metrics.kpis(demo_con, 2025)
    before = metrics.kpis(demo_con, 2024)
    card = headline_card("leader_coverage", now, kpi_comparison(now, before, EN), EN)
    moved = now["leader_coverage"]["departments_covered"] - before["leader_coverage"]["departments_covered"]
    unit = " dept" if abs(moved) == 1 else " depts"
    assert card.value.endswith("%") and card.change == ("+" if moved > 0 else "") + f"{moved:,}{unit}"
    ja = headline_card("leader_coverage", now, kpi_comparison(now, before, Words("ja")), Words("ja"))
    assert ja.change.endswith("所属")


def test_a_count_s_change_is_written_in_the_count_s_unit_as_the_figure_beside_it(demo_con):
    """ "+758" beside "+2.9万時間" and "+7所属": a count's change said no unit of its own."""
    now, before = metrics.kpis(demo_con, 2025), metrics.kpis(demo_con, 2024)
    ja, en = Words("ja"), Words("en")
    for key, unit in (("dx_talent", "人"), ("certified_silver", "人"), ("apps_in_operation", "本")):
        moved = HEADLINES[key].value(now) - HEADLINES[key].value(before)
        card = headline_card(key, now, kpi_comparison(now, before, ja), ja)
        assert card.value.endswith(unit) and card.change == ("+" if moved > 0 else "") + f"{moved:,}{unit}"
        assert (
            headline_card(key, now, kpi_comparison(now, before, en), en).change
            == ("+" if moved > 0 else "") + f"{moved:,}"
        )
