"""JIS X 8341-3:2016 (WCAG 2.0 AA) as axe-core checks it: every page and every tab, in Japanese and in
English, has no serious or critical violation of the WCAG 2.0/2.1 A and AA rules, and the document's
language is the page's. Also what axe does not see: a chart's figures as a table, keyboard access to a
card's help, and the overview at 1024 and 768 px without a figure cut short."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from presentation.words import translate
from tests.browser.conftest import ROLE_PAGES, screenshot, violations, wait_until_rendered

pytestmark = pytest.mark.browser


def settle(tab) -> None:
    """Rendered (title, script finished, network idle) and every plotly chart drawn."""
    wait_until_rendered(tab)
    # a chart is a grey placeholder until plotly's code has loaded, then an svg
    tab.wait_for_function(
        """() => !document.querySelector('[data-testid=stSkeleton]')
            && [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('svg.main-svg'))""",
        timeout=60_000,
    )
    tab.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_page_and_tab_has_no_serious_violation_and_says_its_language(browser, app, lang):
    axe = Axe()
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="ja-JP" if lang == "ja" else "en-GB"
    )
    tab = context.new_page()
    problems: list[str] = []
    scanned = 0
    for page in ROLE_PAGES["data_admin"]:
        tab.goto(f"{app}/{page}?lang={lang}")
        settle(tab)
        tabs = tab.locator('[data-testid="stMain"] [role="tab"]')
        labels = tabs.all_inner_texts() or ["-"]
        for index, label in enumerate(labels):
            if index:
                tabs.nth(index).click()
                tab.wait_for_function(
                    f"() => document.querySelectorAll('[data-testid=stMain] [role=tab]')[{index}]"
                    "?.getAttribute('aria-selected') === 'true'",
                    timeout=60_000,
                )
                settle(tab)
            where = f"{lang} {page} / {label}"
            language = tab.evaluate("document.documentElement.lang")
            if language != lang:
                problems.append(f"{where}: <html lang={language!r}>")
            skip = tab.locator('[data-testid="stSkipToContent"]').first.text_content()
            if skip != translate(lang, "skip_to_content"):  # Streamlit's link says it in English only
                problems.append(f"{where}: skip link {skip!r}")
            problems += [f"{where}: {problem}" for problem in violations(tab, axe)]
            scanned += 1
    context.close()
    assert not problems, "\n".join(problems)
    assert scanned >= 25  # ten pages and their tabs (27 today)


def test_a_chart_has_its_figures_as_a_table_under_it(page, app):
    page.goto(f"{app}/overview?lang=en")
    settle(page)
    charts = page.locator('[data-testid="stPlotlyChart"]').count()
    tables = page.locator('[data-testid="stExpander"] summary', has_text="The chart's figures (table)")
    assert charts >= 4 and tables.count() == charts
    tables.first.click()
    table = page.locator('[data-testid="stExpander"] table').first
    table.wait_for(timeout=30_000)
    assert "FY2024" in table.inner_text()  # the talent chart's years, each a row


def test_a_cards_help_is_reached_and_read_with_the_keyboard(page, app):
    page.goto(f"{app}/overview?lang=en")
    settle(page)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    reached = None
    for _ in range(60):  # the skip link, the page links, the language switch, the filters, then the cards
        page.keyboard.press("Tab")
        reached = page.evaluate(
            "() => document.activeElement.closest('[data-testid=stMetric]')"
            " ? document.activeElement.getAttribute('aria-label') : null"
        )
        if reached:
            break
    assert reached == "Help for DX talent (cumulative)"  # a button, named for the card it explains
    page.get_by_role("tooltip").first.wait_for(timeout=10_000)  # and its text opens on focus


@pytest.mark.parametrize("width", [1280, 1024, 768])
@pytest.mark.parametrize(
    "page", ["overview", "impact"]
)  # the impact card's "+5.3ポイント" was cut at 1280 px
def test_the_cards_are_readable_at_narrow_widths(browser, app, width, page):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ja-JP")
    tab = context.new_page()
    tab.goto(f"{app}/{page}?lang=ja")
    settle(tab)
    cut = tab.evaluate(
        """() => [...document.querySelectorAll('[data-testid=stMetricValue], [data-testid=stMetricLabel]')]
            .filter(e => [e, ...e.querySelectorAll('*')].some(x => x.scrollWidth > x.clientWidth))
            .map(e => e.innerText)"""
    )
    assert cut == [], f"figures or labels cut short at {width} px: {cut}"
    assert tab.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth"
    )  # no sideways scroll
    screenshot(tab, f"{page}-ja-{width}")
    context.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_tab_is_in_sight_at_1024_px(browser, app, lang):
    # a tab out of sight behind a sideways scroll of its row is a tab a person does not know is there
    context = browser.new_context(viewport={"width": 1024, "height": 900}, locale="ja-JP")
    tab = context.new_page()
    overflowing = "[...document.querySelectorAll('[data-testid=stMain] [role=tablist]')].filter(r => r.scrollWidth > r.clientWidth)"
    hidden, pages_with_tabs = {}, 0
    for page in ("talent", "learning", "impact", "apps", "ideas"):
        tab.goto(f"{app}/{page}?lang={lang}")
        wait_until_rendered(tab)
        if not tab.locator('[data-testid="stMain"] [role="tablist"]').count():
            continue
        pages_with_tabs += 1
        try:  # the page's style may reach the browser a moment after its tabs
            tab.wait_for_function(f"() => {overflowing}.length === 0", timeout=10_000)
        except PlaywrightTimeout:
            hidden[page] = tab.evaluate(f"() => {overflowing}.map(row => row.innerText)")
    context.close()
    assert pages_with_tabs >= 4 and hidden == {}, hidden
