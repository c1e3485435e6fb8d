"""The Impact page in the browser: its charts draw in both languages, and next year's planner moves its
outputs when the office changes the nominations."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from presentation.words import translate
from tests.browser.conftest import screenshot, wait_until_rendered

pytestmark = pytest.mark.browser


def _card_value(page, label: str, nth: int = 0) -> str:
    card = page.locator('[data-testid="stMetric"]', has_text=label).nth(nth)
    return card.locator('[data-testid="stMetricValue"]').inner_text()


def _wait_for_change(page, label: str, before: str, nth: int = 0) -> str:
    """The value of the nth card called `label` once it is no longer `before` (the planner reran)."""
    page.wait_for_function(
        "([label, before, nth]) => [...document.querySelectorAll('[data-testid=stMetric]')]"
        ".filter(m => m.innerText.includes(label))[nth]?.querySelector('[data-testid=stMetricValue]')"
        ".innerText !== before",
        arg=[label, before, nth],
        timeout=30_000,
    )
    return _card_value(page, label, nth)


def _open(page, app, lang: str, tab: str) -> None:
    """The page with tab `tab` (a word key) open, as a copied link opens it."""
    page.goto(f"{app}/impact?lang={lang}&impact_tab={quote(translate(lang, tab))}")
    wait_until_rendered(page)


# each tab and the charts it draws: cohorts, the event study (two), builders, training, managers
CHARTS = {
    "tab_impact_cohorts": 1,
    "tab_impact_event": 2,
    "tab_impact_makers": 1,
    "tab_impact_return": 1,
    "tab_impact_plan": 0,
    "tab_impact_managers": 1,
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_impact_page_draws_its_charts_and_says_it_is_no_proof(page, app, lang):
    for tab, count in CHARTS.items():
        _open(page, app, lang, tab)
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=30_000)  # the cards, drawn
        if count:
            page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=30_000)
        wait_until_rendered(page)  # the open tab's own rerun, done
        assert page.locator('[data-testid="stPlotlyChart"]').count() == count, tab
        assert page.get_by_text(translate(lang, "impact_caveat")).first.is_visible()
        assert page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count() == 0
        screenshot(page, f"impact-{lang}-{tab.removeprefix('tab_impact_')}")
    assert page.request_log.foreign == []


def test_the_planner_moves_its_outputs_when_the_nominations_move(page, app):
    _open(page, app, "en", "tab_impact_plan")
    label = translate("en", "impact_planner_certified")
    before = _card_value(page, label)
    field = page.get_by_role("spinbutton", name=translate("en", "impact_planner_nominations"))
    field.fill("1200")
    field.press("Enter")
    after = _wait_for_change(page, label, before)
    low_before, low_after = (int(v.split("–")[0].replace(",", "")) for v in (before, after))
    assert low_after > low_before  # twice the nominations: more certified people
    screenshot(page, "impact-planner")


def test_the_gold_places_move_the_gold_projection_and_the_briefing_takes_the_plan(page, app):
    _open(page, app, "en", "tab_impact_plan")
    label = translate("en", "impact_planner_certified")
    before = _card_value(page, label, nth=1)  # Silver's card first, Gold's second
    field = page.get_by_role("spinbutton", name=translate("en", "impact_planner_gold_places"))
    field.fill("200")
    field.press("Enter")
    after = _wait_for_change(page, label, before, nth=1)
    assert int(after.split("–")[0].replace(",", "")) > int(before.split("–")[0].replace(",", ""))
    # the briefing's preview of the impact slide says the places the planner now holds
    page.get_by_role("link", name=translate("en", "page_briefing")).click()
    page.get_by_text("Gold places 200").first.wait_for(timeout=60_000)
