"""The briefing as a PDF for the minutes: the slides as HTML pages with the dashboard's own plotly charts,
printed by the machine's Chromium (headless, no network), which embeds the Japanese fonts it uses.

plotly.js comes from the plotly package itself and MathJax is never loaded, so nothing is fetched.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import plotly.io as pio
from plotly.offline import get_plotlyjs

from briefing.content import Chart, Deck, Slide, Table, figure_columns, note_lines
from presentation import fmt
from presentation.charts.base import FONT
from presentation.words import Words

PAGE_W, PAGE_H = 1280, 720  # CSS pixels of a 13.333 x 7.5 inch page (16:9)
# Chromium embeds TrueType fonts as fonts; an OpenType-CFF font (Noto Sans CJK) it can only draw as
# Type 3 shapes, and so it draws a bold it has to make up. IPAex Gothic (Debian's fonts-ipaexfont-gothic)
# is TrueType with the Latin letters too; it has no bold, so the PDF sets headings apart by size and colour.
PDF_FONT = "IPAexGothic, IPAexゴシック, " + FONT
CHROMIUM_TIMEOUT_S = 120
# one Chromium prints at a time (a print takes about 1 GB): a second waits its turn up to PRINT_WAIT_S
PRINT_SLOTS = 1
PRINT_WAIT_S = 180
_printers = threading.BoundedSemaphore(PRINT_SLOTS)
# a headless browser that reaches nothing: no name resolves, no background service starts
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--metrics-recording-only",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw",
    "--virtual-time-budget=30000",
]

STYLE = """
@page { size: 13.333in 7.5in; margin: 0; }
* { box-sizing: border-box; font-weight: normal !important; }
body { margin: 0; font-family: %(font)s; color: #1F2937; }
.slide { width: %(w)dpx; height: %(h)dpx; position: relative; padding: 28px 48px 0 48px;
         overflow: hidden; }
.slide + .slide { break-before: page; }
h1 { font-size: 30px; color: #111827; margin: 0 200px 14px 0; line-height: 1.25; }
.as-of { position: absolute; top: 34px; right: 48px; font-size: 14px; color: #6B7280; }
.footer { position: absolute; bottom: 18px; left: 48px; font-size: 12px; color: #6B7280; }
.page { position: absolute; bottom: 18px; right: 48px; font-size: 12px; color: #6B7280; }
.notes { font-size: 15px; color: #374151; margin: 8px 0 0 0; padding-left: 18px; }
.notes li { margin: 4px 0; }
table { border-collapse: collapse; font-size: 15px; width: 100%%; }
th, td { border: 1px solid #D1D5DB; padding: 5px 8px; text-align: left; }
th { background: #F3F4F6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.grade { color: white; }
.two { display: flex; gap: 24px; }
.two > div { flex: 1; min-width: 0; }
.two h2 { font-size: 17px; margin: 0 0 6px 0; }
.cover h1 { font-size: 44px; margin-top: 200px; }
.cover p { font-size: 24px; color: #6B7280; margin: 6px 0; }
.stamp { position: absolute; top: 480px; left: 600px; width: 620px; text-align: center; font-size: 88px;
         color: rgba(213, 94, 0, 0.55); transform: rotate(-18deg); }
"""


class PdfError(RuntimeError):
    """The PDF could not be printed. Its text is one of REASONS, never a path or a command line (the
    page shows it to every role); what went wrong in detail goes to the server's log."""


REASONS = ("no_chromium", "print_failed", "printed_nothing", "busy")
_LOG = logging.getLogger(__name__)


def chromium() -> str:
    """The machine's Chromium (Debian's `chromium`), or DXDASH_CHROMIUM."""
    found = os.environ.get("DXDASH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise PdfError("no_chromium")
    return found


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _table(table: Table) -> str:
    weights = table.widths or [1.0] * len(table.columns)
    head = "".join(
        f'<th style="width:{100 * w / sum(weights):.1f}%">{_e(c)}</th>'
        for c, w in zip(table.columns, weights, strict=True)
    )
    rows, right = [], figure_columns(table)
    for index, values in enumerate(table.rows):
        mark = table.marks[index] if table.marks else None
        cells = []
        for column, value in enumerate(values):
            if mark and column == len(values) - 1:
                cells.append(f'<td class="grade" style="background:{_e(mark)}">{_e(value)}</td>')
            else:
                css = ' class="num"' if right[column] else ""
                cells.append(f"<td{css}>{_e(value)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    if not rows:  # one row across the columns says there is nothing to list
        rows.append(f'<tr><td colspan="{len(table.columns)}">{_e(table.empty)}</td></tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _chart(chart: Chart, index: int, width: int, height: int) -> str:
    spec = chart.figure.to_plotly_json()
    font = {**spec["layout"].get("font", {}), "family": PDF_FONT}
    spec["layout"] = {**spec["layout"], "width": width, "height": height, "autosize": False, "font": font}
    spec = pio.to_json(spec, validate=False).replace("</", "<\\/")  # no text can close the script
    return (
        f'<div id="chart{index}" style="width:{width}px;height:{height}px"></div>'
        f'<script type="application/json" id="spec{index}">{spec}</script>'
    )


def _slide(content: Slide, deck: Deck, words: Words, number: int, pages: int, first_chart: int) -> str:
    parts = [f"<h1>{_e(content.title)}</h1>"]
    height = 560 - 27 * min(note_lines(content.notes), 9) if content.charts else 0
    if content.charts:  # side by side, as on the slide
        width = (PAGE_W - 96) // len(content.charts)
        drawn = [_chart(chart, first_chart + i, width, height) for i, chart in enumerate(content.charts)]
        parts.append('<div style="display:flex">' + "".join(drawn) + "</div>")
    if len(content.tables) == 1:
        parts.append(_table(content.tables[0]))
    elif content.tables:
        columns = []
        for index, table in enumerate(content.tables):
            heading = f"<h2>{_e(content.notes[index])}</h2>" if index < len(content.notes) else ""
            columns.append(f"<div>{heading}{_table(table)}</div>")
        parts.append(f'<div class="two">{"".join(columns)}</div>')
    notes = content.notes if len(content.tables) < 2 else []
    if notes and content.tables:  # above a table, as on the slide
        parts.insert(1, '<ul class="notes">' + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>")
    elif notes:
        parts.append('<ul class="notes">' + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>")
    as_of = words("deck_as_of", day=fmt.day(deck.as_of, words.lang))
    parts.append(f'<div class="as-of">{_e(as_of)}</div>')
    parts.append(f'<div class="footer">{_e(deck.footer)}</div>')
    parts.append(f'<div class="page">{_e(words("deck_page", page=number, pages=pages))}</div>')
    return f'<section class="slide">{"".join(parts)}</section>'


def html_document(deck: Deck) -> str:
    """The deck as one self-contained HTML document (plotly.js inline, no external reference)."""
    words = Words(deck.lang)
    pages = len(deck.slides) + 1
    cover = [f"<h1>{_e(words('deck_title'))}</h1>"] + [f"<p>{_e(line)}</p>" for line in deck.cover_lines]
    if deck.demo:
        cover.append(f'<div class="stamp">{_e(words("deck_demo"))}</div>')
    cover.append(f'<div class="footer">{_e(deck.footer)}</div>')
    sections = [f'<section class="slide cover">{"".join(cover)}</section>']
    chart_index = 0
    for number, content in enumerate(deck.slides, start=2):
        sections.append(_slide(content, deck, words, number, pages, chart_index))
        chart_index += len(content.charts)
    style = STYLE % {"font": PDF_FONT, "w": PAGE_W, "h": PAGE_H}
    draw = (
        "window.PlotlyConfig = {MathJaxConfig: 'local'};"
        "document.addEventListener('DOMContentLoaded', function () {"
        f"  for (var i = 0; i < {chart_index}; i++) {{"
        "    var spec = JSON.parse(document.getElementById('spec' + i).textContent);"
        "    Plotly.newPlot('chart' + i, spec.data, spec.layout, {staticPlot: true, displayModeBar: false});"
        "  }"
        "});"
    )
    return (
        f'<!DOCTYPE html><html lang="{deck.lang}"><head><meta charset="utf-8">'
        f"<title>{_e(words('deck_title'))}</title><style>{style}</style>"
        f"<script>{draw}</script><script>{get_plotlyjs()}</script></head>"
        f"<body>{''.join(sections)}</body></html>"
    )


class PrinterBusy(PdfError):
    """Every print slot stayed taken for PRINT_WAIT_S."""


def write(deck: Deck) -> bytes:
    """The deck as PDF bytes, printed by headless Chromium from a temporary folder, one print at a time
    in this process (PRINT_SLOTS); raises PrinterBusy when no slot came free in PRINT_WAIT_S."""
    if not _printers.acquire(timeout=PRINT_WAIT_S):
        raise PrinterBusy("busy")
    try:
        return _print(deck)
    finally:
        _printers.release()


def _print(deck: Deck) -> bytes:
    browser = chromium()
    with tempfile.TemporaryDirectory(prefix="dxdash-briefing-") as folder:
        page, out = Path(folder) / "briefing.html", Path(folder) / "briefing.pdf"
        page.write_text(html_document(deck), encoding="utf-8")
        command = [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CHROMIUM_TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            _LOG.warning("the briefing's PDF was not printed: %s", error)
            raise PdfError("print_failed") from error
        if not out.exists() or out.stat().st_size == 0:
            raise PdfError("printed_nothing")
        return out.read_bytes()
