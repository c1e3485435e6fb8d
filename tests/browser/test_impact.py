"""The Impact page in the browser: its charts draw in both languages, and next year's planner moves its
outputs when the office changes the nominations."""

from __future__ import annotations

import pytest

from presentation.words import translate
from tests.browser.conftest import screenshot, wait_until_rendered

pytestmark = pytest.mark.browser


def _card_value(page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]', has_text=label).first
    return card.locator('[data-testid="stMetricValue"]').inner_text()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_impact_page_draws_its_charts_and_says_it_is_no_proof(page, app, lang):
    page.goto(f"{app}/impact?lang={lang}")
    wait_until_rendered(page)
    charts = page.locator('[data-testid="stPlotlyChart"] .main-svg')
    charts.first.wait_for(timeout=30_000)
    # cohorts, the event study (two), builders, training, managers
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 6
    assert page.get_by_text(translate(lang, "impact_caveat")).first.is_visible()
    assert page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count() == 0
    screenshot(page, f"impact-{lang}")
    assert page.request_log.foreign == []


def test_the_planner_moves_its_outputs_when_the_nominations_move(page, app):
    page.goto(f"{app}/impact?lang=en")
    wait_until_rendered(page)
    label = translate("en", "impact_planner_certified")
    before = _card_value(page, label)
    field = page.get_by_role("spinbutton", name=translate("en", "impact_planner_nominations"))
    field.fill("1200")
    field.press("Enter")
    page.wait_for_function(
        "([label, before]) => [...document.querySelectorAll('[data-testid=stMetric]')]"
        ".some(m => m.innerText.includes(label) && !m.innerText.includes(before))",
        arg=[label, before],
        timeout=30_000,
    )
    after = _card_value(page, label)
    low_before, low_after = (int(v.split("–")[0].replace(",", "")) for v in (before, after))
    assert low_after > low_before  # twice the nominations: more certified people
    screenshot(page, "impact-planner")
