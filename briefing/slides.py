"""The briefing as an editable PowerPoint (16:9): native charts with their data in the embedded workbook,
tables, and an East Asian font on every run so Japanese never falls back to a Chinese or default font."""

from __future__ import annotations

import io

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from briefing.content import Chart, Deck, Slide, Table, figure_columns, note_lines
from presentation import fmt
from presentation.words import Words

WIDTH, HEIGHT = Emu(12_192_000), Emu(6_858_000)  # PowerPoint's own 16:9 (13.333 x 7.5 in)
LATIN_FONT = "Arial"  # on every office PC; LibreOffice draws it with Liberation Sans
EA_FONT = "Noto Sans CJK JP"  # Japanese glyphs (a:ea); PowerPoint without it picks the system's Japanese font
LANG = {"ja": "ja-JP", "en": "en-GB"}
INK = RGBColor(0x1F, 0x29, 0x37)
MUTED = RGBColor(0x6B, 0x72, 0x80)
CHART_TYPES = {
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked_bar": XL_CHART_TYPE.COLUMN_STACKED,
    "stacked_bar_h": XL_CHART_TYPE.BAR_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}
DASHES = {"dash": MSO_LINE_DASH_STYLE.DASH, "dot": MSO_LINE_DASH_STYLE.ROUND_DOT}


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _fonts(element, lang: str) -> None:
    """Latin and East Asian typefaces and the language on a run's or a default's properties (a:rPr,
    a:defRPr, a:endParaRPr): python-pptx sets the Latin one only."""
    element.set("lang", LANG[lang])
    if lang == "ja":
        element.set("altLang", "en-US")
    for tag, face in (("a:latin", LATIN_FONT), ("a:ea", EA_FONT)):
        found = element.find(qn(tag))
        if found is None:
            found = etree.SubElement(element, qn(tag))
        found.set("typeface", face)
    # the schema orders the children: fills before latin, latin before ea
    latin, ea = element.find(qn("a:latin")), element.find(qn("a:ea"))
    element.remove(latin)
    element.remove(ea)
    position = len(
        [c for c in element if c.tag in (qn("a:ln"), qn("a:solidFill"), qn("a:noFill"), qn("a:effectLst"))]
    )
    element.insert(position, latin)
    element.insert(position + 1, ea)


def _every_run(root, lang: str) -> None:
    """The fonts on every piece of text under an element (runs, paragraph ends, chart text defaults)."""
    for tag in ("a:rPr", "a:endParaRPr", "a:defRPr"):
        for element in root.iter(qn(tag)):
            _fonts(element, lang)
    for run in root.iter(qn("a:r")):
        if run.find(qn("a:rPr")) is None:
            run.insert(0, etree.Element(qn("a:rPr")))
            _fonts(run.find(qn("a:rPr")), lang)


def _text(slide, left, top, width, height, text: str, size: int, bold=False, colour=INK, align=None):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour
        if align:
            paragraph.alignment = align
    return box


def _chrome(slide, deck: Deck, words: Words, number: int, pages: int, title: str) -> None:
    """Title, as-of date, footer with the source, and the page number."""
    _text(slide, Inches(0.5), Inches(0.3), Inches(10.3), Inches(1.0), title, 24, bold=True)
    as_of = words("deck_as_of", day=fmt.day(deck.as_of, words.lang))
    _text(
        slide,
        Inches(10.8),
        Inches(0.35),
        Inches(2.1),
        Inches(0.4),
        as_of,
        11,
        colour=MUTED,
        align=PP_ALIGN.RIGHT,
    )
    _text(slide, Inches(0.5), Inches(7.0), Inches(10.5), Inches(0.35), deck.footer, 9, colour=MUTED)
    page = words("deck_page", page=number, pages=pages)
    _text(
        slide,
        Inches(11.4),
        Inches(7.0),
        Inches(1.5),
        Inches(0.35),
        page,
        9,
        colour=MUTED,
        align=PP_ALIGN.RIGHT,
    )


def _chart(slide, chart: Chart, left, top, width, height) -> None:
    data = CategoryChartData(number_format=chart.number_format)
    data.categories = chart.categories
    for series in chart.series:
        data.add_series(series.name, series.values)
    shape = slide.shapes.add_chart(CHART_TYPES[chart.kind], left, top, width, height, data)
    plot_chart = shape.chart
    plot_chart.has_title = True
    plot_chart.chart_title.text_frame.text = chart.title
    plot_chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    plot_chart.has_legend = True
    plot_chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    plot_chart.legend.include_in_layout = False
    plot_chart.font.size = Pt(11)
    value_axis = plot_chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = RGBColor(0xE5, 0xE7, 0xEB)
    value_axis.tick_labels.number_format = chart.number_format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.has_title = True
    value_axis.axis_title.text_frame.text = chart.axis_title
    if chart.kind == "stacked_bar_h":
        axis = plot_chart.category_axis
        axis.reverse_order = True  # the first bureau on top, as on the page
        axis.tick_labels.font.size = Pt(9)
        _label_every_category(axis._element)
    plot = plot_chart.plots[0]
    if chart.data_labels:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.show_value = True
        labels.number_format = chart.number_format
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.font.size = Pt(11)
        if len(chart.series) == 1:  # one labelled series: its name is the axis title already
            plot_chart.has_legend = False
    if chart.kind != "line":
        plot.gap_width = 60
        if chart.kind.startswith("stacked"):
            plot.overlap = 100
    for series, drawn in zip(chart.series, plot.series, strict=True):
        colour = _rgb(series.colour)
        if chart.kind == "line":
            drawn.format.line.color.rgb = colour
            drawn.format.line.width = Pt(2.25)
            drawn.smooth = False
            if series.dash:
                drawn.format.line.dash_style = DASHES[series.dash]
            drawn.marker.format.fill.solid()
            drawn.marker.format.fill.fore_color.rgb = colour
            drawn.marker.format.line.color.rgb = colour
        else:
            drawn.format.fill.solid()
            drawn.format.fill.fore_color.rgb = colour


ROW_HEIGHT = Inches(0.36)


def _label_every_category(axis) -> None:
    """c:tickLblSkip 1 (every bureau named, none skipped), where the schema puts it: before
    tickMarkSkip, noMultiLvlLbl and extLst."""
    skip = axis.find(qn("c:tickLblSkip"))
    if skip is None:
        skip = etree.Element(qn("c:tickLblSkip"))
        later = [axis.find(qn(tag)) for tag in ("c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst")]
        anchor = next((element for element in later if element is not None), None)
        if anchor is not None:
            anchor.addprevious(skip)
        else:
            axis.append(skip)
    skip.set("val", "1")


def _table(slide, table: Table, left, top, width, row_height=ROW_HEIGHT, size: int = 12) -> None:
    rows, columns = max(len(table.rows), 1) + 1, len(table.columns)
    shape = slide.shapes.add_table(rows, columns, left, top, width, Emu(row_height * rows))
    grid = shape.table
    if not table.rows:  # one row across the columns says there is nothing to list
        grid.cell(1, 0).merge(grid.cell(1, columns - 1))
        _cell(grid.cell(1, 0), table.empty, size=size)
    weights = table.widths or [1.0] * columns
    for column, weight in zip(grid.columns, weights, strict=True):
        column.width = Emu(int(width * weight / sum(weights)))
    for column, name in enumerate(table.columns):
        _cell(grid.cell(0, column), name, bold=True, size=size)
    right = figure_columns(table)
    for row, values in enumerate(table.rows, start=1):
        for column, value in enumerate(values):
            _cell(grid.cell(row, column), value, align_right=right[column], size=size)
        mark = table.marks[row - 1] if table.marks else None
        if mark:
            cell = grid.cell(row, columns - 1)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(mark)
            cell.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            cell.text_frame.paragraphs[0].runs[0].font.bold = True


def _cell(cell, text: str, bold=False, align_right=False, size: int = 12) -> None:
    cell.text = text
    paragraph = cell.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT if align_right else PP_ALIGN.LEFT
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.bold = bold
    cell.margin_top = cell.margin_bottom = Inches(0.03)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE  # a row a wrapped name makes taller keeps its figures beside it


def _cover(slide, deck: Deck, words: Words) -> None:
    _text(slide, Inches(0.8), Inches(2.2), Inches(11.5), Inches(1.2), words("deck_title"), 36, bold=True)
    _text(
        slide,
        Inches(0.8),
        Inches(3.5),
        Inches(11.5),
        Inches(2.0),
        "\n".join(deck.cover_lines),
        20,
        colour=MUTED,
    )
    _text(slide, Inches(0.5), Inches(7.0), Inches(10.5), Inches(0.35), deck.footer, 9, colour=MUTED)
    if deck.demo:
        stamp = _text(
            slide,
            Inches(6.3),
            Inches(4.9),
            Inches(6.4),
            Inches(1.4),
            words("deck_demo"),
            66,
            bold=True,
            colour=RGBColor(0xD5, 0x5E, 0x00),
            align=PP_ALIGN.CENTER,
        )
        stamp.rotation = -18


def _content(slide, deck: Deck, content: Slide) -> None:
    top = Inches(1.35)
    body_height = Inches(5.2)
    notes = content.notes
    if content.charts and content.tables:
        raise ValueError("a slide has charts or tables")
    if content.charts:
        width = Inches(12.3) / len(content.charts)
        lines = min(note_lines(notes, 170), 8)  # 12 pt across 12.3 inches, a line each at least
        for index, chart in enumerate(content.charts):
            chart_height = body_height - (Inches(0.3) * lines)
            _chart(slide, chart, Inches(0.5) + width * index, top, width, chart_height)
        if notes:
            _text(
                slide,
                Inches(0.5),
                top + body_height - Inches(0.3) * lines,
                Inches(12.3),
                Inches(0.3) * lines + Inches(0.3),
                "\n".join(notes),
                12,
                colour=MUTED,
            )
    elif content.tables:
        if len(content.tables) == 1:
            table = content.tables[0]
            _table(slide, table, Inches(0.5), top, Inches(12.3))
            if notes:
                after = top + Inches(0.36) * (max(len(table.rows), 1) + 1) + Inches(0.2)
                _text(
                    slide, Inches(0.5), after, Inches(12.3), Inches(0.6), "\n".join(notes), 12, colour=MUTED
                )
        else:
            width = Inches(6.0)
            for index, table in enumerate(content.tables):
                left = Inches(0.5) + (width + Inches(0.3)) * index
                if index < len(notes):
                    _text(slide, left, top, width, Inches(0.4), notes[index], 13, bold=True)
                _table(slide, table, left, top + Inches(0.45), width, row_height=Inches(0.34), size=11)
    else:
        _text(slide, Inches(0.5), top, Inches(12.3), body_height, "\n".join(notes), 14)


def write(deck: Deck) -> bytes:
    """The deck as .pptx bytes."""
    words = Words(deck.lang)
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    blank = presentation.slide_layouts[6]
    pages = len(deck.slides) + 1
    cover = presentation.slides.add_slide(blank)
    _cover(cover, deck, words)
    for number, content in enumerate(deck.slides, start=2):
        slide = presentation.slides.add_slide(blank)
        _chrome(slide, deck, words, number, pages, content.title)
        _content(slide, deck, content)
    for slide in presentation.slides:
        _every_run(slide.shapes._spTree, deck.lang)
        for shape in slide.shapes:
            if shape.has_chart:
                _every_run(shape.chart._chartSpace, deck.lang)
    presentation.core_properties.title = words("deck_title")
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
