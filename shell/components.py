"""Small page pieces shared by every page: KPI cards, the as-of line, the method panel."""

from __future__ import annotations

import json
import math
from datetime import date

import pandas as pd
import streamlit as st

from etl import reports
from etl.reports import ReportName
from presentation import fmt
from presentation.assumptions import DEFAULTS, LIMITS
from presentation.cards import Card, Comparison, comparison, headline_card, kpi_comparison
from presentation.charts.base import figure_formats, figure_table, trace_values
from presentation.privacy import min_group_size
from presentation.untrusted import markdown
from shell import data
from shell.access import sees_people
from shell.i18n import lang, remember_tabs, t, words
from shell.tables import table_with_downloads


def show_card(column, card: Card, delta_color="normal") -> None:
    """A KPI card: the value, its change on what it is compared with, the definition on hover, and
    under it the year-to-date note and the plan's line with its grade badge (contract 4.1, 4.2)."""
    # no change is neither a rise nor a fall: fmt.signed writes it unsigned ("0人"), which Streamlit
    # would draw green with an arrow up
    still = bool(card.change) and not card.change.startswith(("+", "-", "−"))
    column.metric(
        card.label,
        card.value,
        delta=card.change or None,
        help=card.help,
        border=True,
        delta_color="off" if still else delta_color,
        delta_arrow="off" if still else "auto",
        delta_description=card.compared_with if card.change else None,
    )
    lines = [line for line in (*card.notes, card.plan_line(words())) if line]
    if lines:  # small markdown, not a caption: a caption's faded text would fade the badge below 4.5:1
        column.markdown("  \n".join(f":small[{line}]" for line in lines))


def year_comparison(
    snapshot: str, fiscal_year: int, previous_year, say_in_progress: bool = True
) -> Comparison:
    """What a page's own yearly figures (a report's rows of whole years) are set against: the year
    before, or nothing in a year in progress (contract 4.1), which the page then says (unless the page's
    main cards are compared with the same period, `say_in_progress` False)."""
    now = data.kpis(snapshot, fiscal_year)
    complete = now is None or now["year_complete"]
    against = comparison(complete, previous_year, None, None if complete else now["as_of"], words())
    if against.in_progress and say_in_progress:
        st.caption(t("year_in_progress_no_change", day=fmt.day(date.fromisoformat(now["as_of"]), lang())))
    return against


def year_cut(snapshot: str, fiscal_year: int) -> str:
    """The day a year's figures to date stand at, in the reader's words: its end once complete, else the
    latest day of the data (fmt.year_cut)."""
    return fmt.year_cut_of(data.kpis(snapshot, fiscal_year), fiscal_year, lang())


# the narrowest a card stays readable ("177.9億円", "8.7万時間" in full; four a row at 1280 px)
CARD_MIN_PX = 185
CHART_MIN_PX = 420  # the narrowest a chart's labels stay apart


def flexible_row(name: str, count: int, min_px: int) -> list:
    """`count` places side by side that wrap onto another row where the page is too narrow for all of
    them at `min_px` (Streamlit's columns only shrink, cutting figures short). `name`: the row's own key."""
    # Streamlit's layout has no minimum width: a rule on the wrapper Streamlit puts around each place
    # (a style alone takes no room on the page)
    place = f"[data-testid='stLayoutWrapper']:has(> [class*='st-key-place-{name}-'])"
    st.html(f"<style>{place} {{ min-width: {min_px}px; }}</style>")
    row = st.container(horizontal=True, gap="small", key=f"row-{name}")
    return [row.container(key=f"place-{name}-{index}") for index in range(count)]


# a card's label, its figure (a range: "2,783〜3,383時間") and what its change is compared with ("前年同期比
# (4–11月)") go onto a second line rather than end in "…" (Streamlit cuts each to one line)
_CARD = "[class*='st-key-place-cards-']"
_WRAPPED = ", ".join(
    f"{_CARD} [data-testid='{part}'] {inner}".rstrip()
    for part in ("stMetricLabel", "stMetricValue", "stMetricDeltaDescription")
    for inner in ("", ".stMarkdownEllipsis", ".stMarkdownEllipsis p")
)
_WRAPPED_LABELS = (
    f"{_WRAPPED} {{ white-space: normal; overflow: visible; text-overflow: clip; }}"
    f" {_CARD} div:has(> [data-testid='stMetricDeltaDescription']) {{ flex-wrap: wrap; }}"
    # and its figure a little smaller than Streamlit's 2.25rem: "177.9億円" fits four cards a row at 1280 px
    # (a range breaks after its 〜, never inside 時間 or 億円)
    f" {_CARD} [data-testid='stMetricValue'] {{ font-size: 2rem; }}"
    f" {_CARD} [data-testid='stMetricValue'] p {{ word-break: keep-all; overflow-wrap: normal; }}"
    # the notes under a card break at their spaces, not inside a Japanese phrase ("…11月30日まで" left
    # "で" alone on a line, "2,071本" its "本"); a phrase wider than the card still breaks anywhere
    f" {_CARD} [data-testid='stMarkdownContainer'] p, {_CARD} [data-testid='stCaptionContainer'] p"
    " { word-break: keep-all; overflow-wrap: anywhere; }"
)


def card_row(name: str, count: int, min_px: int = CARD_MIN_PX) -> list:
    """Places for KPI cards, which wrap rather than cut their figures or labels short."""
    st.html(f"<style>{_WRAPPED_LABELS}</style>")
    return flexible_row(f"cards-{name}", count, min_px)


def chart_row(name: str, count: int = 2) -> list:
    """Places for charts side by side, one under the other on a narrow page."""
    return flexible_row(f"charts-{name}", count, CHART_MIN_PX)


def kpi_row(snapshot: str, fiscal_year: int, names: tuple[str, ...], columns=None) -> list:
    """KPI cards of headline figures (presentation.cards.HEADLINES) of a year, each with its change on
    what the year is compared with; in `columns` where given (a row with cards of the page's own), else
    a row of them."""
    now = data.kpis(snapshot, fiscal_year)
    against = kpi_comparison(now, data.kpis(snapshot, fiscal_year - 1), words())
    columns = columns if columns is not None else card_row(names[0], len(names))
    for column, name in zip(columns, names, strict=False):
        show_card(column, headline_card(name, now, against, words()))
    return columns


def as_of_line(snapshot: str) -> None:
    info = data.status(snapshot)
    language = lang()
    loaded = fmt.moment(info["last_load_at"], language)
    st.caption(t("as_of", latest=fmt.day(info["latest_date"], language), loaded=loaded))


def chart(figure, table=None) -> None:
    """A chart, and under it its figures as a table a screen reader reaches (closed until opened): the
    chart's own traces (figure_table), or `table` where they would not read as one (a box plot's
    points, a treemap's nesting, an interval's band, a curve of thousands of points). Where every figure
    of it is a hidden small group (one small bureau), it says so instead of drawing empty axes."""
    if _all_hidden(figure):
        st.info(t("chart_all_hidden", title=markdown(figure.layout.title.text or "")))
        return
    st.plotly_chart(
        figure,
        width="stretch",
        config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]},
    )
    table = figure_table(figure) if table is None else table
    if not table.empty:
        title = figure.layout.title.text or ""
        with st.expander(t("chart_table", title=markdown(title)), icon=":material/table:"):
            if table.attrs.get("values"):
                st.caption(t("chart_table_values", values=markdown(table.attrs["values"])))
            # a hidden small group (privacy.for_viewer) reads as —, as in every other table
            st.table(table.style.format(figure_formats(table), na_rep="—"))


def _all_hidden(figure) -> bool:
    """Whether a chart of bars or points has traces whose every value is missing (hidden for a role that
    sees aggregates only), and so would draw nothing."""
    measured = []
    for trace in figure.data:
        if trace.type not in ("bar", "scatter"):
            return False
        values = trace_values(trace.x if trace.type == "bar" and trace.orientation == "h" else trace.y)
        if values is None:
            return False
        measured.append(pd.to_numeric(pd.Series(list(values)), errors="coerce"))
    return bool(measured) and all(values.isna().all() for values in measured)


def demo_banner(snapshot: str) -> None:
    if data.status(snapshot)["dataset"] == "demo":
        st.info(t("demo_banner"), icon=":material/science:")


def page_context():
    """The snapshot and filters the router prepared; stops the page when there is no data yet."""
    snapshot = st.session_state.get("snapshot")
    filters = st.session_state.get("filters")
    if not snapshot or filters is None:
        st.warning(t("no_data"))
        st.stop()
    return snapshot, filters


# what stands behind a page's figures: the report that counts it, and the sentences that say so
LOWCODE_COUNTS = ("report_method", ("method_counts", "method_excluded"))
PROGRAMME_COUNTS = ("report_programme_method", ("method_programme_counts", "method_programme_gaps"))


def method_panel(
    snapshot: str,
    fiscal_year: int,
    formula_keys: tuple[str, ...],
    show_missing_costs: bool = False,
    counts: tuple[ReportName, tuple[str, ...]] = LOWCODE_COUNTS,
) -> None:
    """How a figure is computed: the contract's formula in words, the rows and files behind it,
    what was left out, and (for costs) the apps whose missing estimates counted as zero."""

    name, sentences = counts
    params = {"fiscal_year": fiscal_year} if "fiscal_year" in reports.parameters(name) else {}
    figures = data.report_row(snapshot, name, **params)
    with st.expander(t("method_title"), expanded=False):
        for key in formula_keys:
            st.markdown(t(key))
        for key in sentences:
            st.markdown(t(key, **{k: fmt.integer(v) for k, v in figures.items()}))
        if show_missing_costs:
            missing = data.report(snapshot, "report_apps_missing_cost", fiscal_year=fiscal_year)
            st.markdown(t("method_missing_cost", count=fmt.integer(len(missing))))
            columns = {"app_id": "col_app_id", "app_name": "col_app", "owner_bureau_name": "col_bureau"}
            columns |= {"missing_initial": "col_missing_initial", "missing_running": "col_missing_running"}
            columns |= {"missing_maintenance": "col_missing_maintenance"}
            table_with_downloads(missing, columns, f"apps_missing_cost_{fiscal_year}", "missing_cost")


def uploader_labels(limit_mb: int) -> None:
    """Streamlit's uploader writes its button, its limits and the names a screen reader reads (the file
    input, the button that adds files, each file's remove button) in English only: a constant script of
    the app's own puts them in the reader's language, and keeps them so when Streamlit draws the
    uploader again (a MutationObserver; it sets a text node's value, so React keeps its own nodes).
    Its only texts are words of the app's table, as JSON strings."""
    said = {
        "button": t("upload_button"),
        "limits": t("upload_limits", limit=limit_mb),
        "input": t("upload_input"),
        "add": t("upload_add"),
        "remove": t("upload_remove", name="{name}"),
    }
    st.html(f"<script>window.dxdashUploaderWords = {json.dumps(said, ensure_ascii=False)};{_UPLOADER_SCRIPT}</script>",
            unsafe_allow_javascript=True)  # fmt: skip


_UPLOADER_SCRIPT = """
(() => {
  const text = (element, value) => {
    if (!element) return;
    const nodes = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
    if (!nodes.length) { if (element.textContent !== value) element.textContent = value; return; }
    nodes.forEach((node, index) => {  // React may write a text in several nodes: the first says it all
      const wanted = index === 0 ? value : "";
      if (node.nodeValue !== wanted) node.nodeValue = wanted;
    });
  };
  const label = (element, value) => {
    if (element && element.getAttribute("aria-label") !== value) element.setAttribute("aria-label", value);
  };
  const apply = () => {
    const said = window.dxdashUploaderWords;
    for (const zone of document.querySelectorAll('[data-testid="stFileUploaderDropzone"]')) {
      text(zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span'), said.limits);
      label(zone.querySelector('input[type="file"]'), said.input);
      for (const button of zone.querySelectorAll("button")) {
        const kind = button.getAttribute("data-testid") || "";
        if (button.closest('[data-testid="stFileChipDeleteBtn"]')) {
          const chip = button.closest('[data-testid="stFileChip"]');
          const name = chip?.querySelector('[data-testid="stFileChipName"]')?.getAttribute("title") || "";
          label(button, said.remove.replace("{name}", name));
        } else if (kind === "stBaseButton-borderlessIcon") {
          label(button, said.add);
          for (const span of button.querySelectorAll("span:not([data-testid])")) {
            if (!span.children.length && span.textContent === "add icon") span.textContent = "";
          }
        } else {
          text(button.querySelector('[data-testid="stMarkdownContainer"] p'), said.button);
        }
      }
    }
  };
  apply();
  if (!window.dxdashUploaderObserver) {
    let queued = false;
    window.dxdashUploaderObserver = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; apply(); });
    });
    window.dxdashUploaderObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
  }
})();
"""


# on a narrow page the tabs go onto a second line rather than out of sight behind a scroll (the open
# one keeps its line under it, on whichever line it is)
_WRAPPED_TABS = "[data-testid='stMain'] [data-testid='stTabs'] [role='tablist'] { flex-wrap: wrap; }"


def lazy_tabs(key: str, tabs: dict) -> None:
    """Tabs (i18n key -> function that draws it) of which only the open one is drawn; the open tab
    is kept in the URL under `key`, so a copied link opens it."""
    remember_tabs(key, list(tabs))  # a switch of language names the open tab anew (i18n.carry_open_tabs)
    st.html(f"<style>{_WRAPPED_TABS}</style>")
    containers = st.tabs([t(k) for k in tabs], key=key, on_change="rerun", bind="query-params")
    for container, draw in zip(containers, tabs.values(), strict=True):
        if container.open:
            with container:
                draw()


def small_groups_note() -> None:
    """Says that small groups are hidden, where they are (a role that does not see people)."""

    if not sees_people():
        st.caption(t("small_groups_hidden", min=min_group_size()))


def assumption_input(name: str, label_key: str, help_key: str, column=None) -> float:
    """A number input whose value starts from the URL (?fte_hours=...) and is written back to it."""
    lowest, highest, step = LIMITS[name]
    key = f"assumption_{name}"
    if key not in st.session_state:
        try:
            requested = float(st.query_params.get(name, DEFAULTS[name]))
        except ValueError:
            requested = DEFAULTS[name]
        if not math.isfinite(requested):  # ?hourly_yen=nan or inf: not a number a person meant
            requested = DEFAULTS[name]
        st.session_state[key] = min(max(requested, lowest), highest)
    chosen = (column or st).number_input(
        t(label_key),
        min_value=lowest,
        max_value=highest,
        step=step,
        # hours and yen in whole steps read 1860 and 4000, not 1860.00 and 4000.00; a multiplier keeps two
        format="%.0f" if float(step).is_integer() else "%.2f",
        key=key,
        help=t(help_key),
    )
    if chosen == DEFAULTS[name]:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = f"{chosen:g}"
    return float(chosen)
