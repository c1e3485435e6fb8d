"""What every chart shares: the colours of each meaning, the layout, and the common bar shapes."""

from __future__ import annotations

import base64
import datetime
import html
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from etl.reports import ALL, UNKNOWN
from presentation import fmt, untrusted
from presentation.words import Words

LEVELS = ("bronze", "silver", "gold")
LEVEL_COLOURS = {"bronze": "#A97142", "silver": "#8C959F", "gold": "#C9A227"}
# Okabe-Ito, colour-blind safe: one colour per meaning for hours and cost series
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
COST_COMPONENTS = ("initial", "running", "maintenance")
COST_COLOURS = {"initial": "#0072B2", "running": "#E69F00", "maintenance": "#009E73"}
TARGET_COLOUR = "#7F7F7F"
# every text of a chart in the page's own text colour: Streamlit's chart theme greys ticks and axis titles
# to #808495, 3.7:1 on white, short of the 4.5:1 of JIS X 8341-3
TEXT_COLOUR = "#1F2933"
FONT = "Noto Sans JP, Noto Sans CJK JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"
# Every figure is drawn on plotly_white. As the default, plotly gives it to a new figure unvalidated;
# set on each figure, it is validated and copied again, which cost 30-40 ms a chart (a page has six).
pio.templates.default = "plotly_white"


def with_unit(figure: go.Figure, unit: str | tuple[str, ...]) -> go.Figure:
    """Each trace's hover figure followed by `unit` (1,234人, 56件, 1,234時間), or by its own of a tuple
    in the traces' order (learners in 人, completions in 件), where the hover shows the value as a bare
    figure: its value axis's placeholder at the end of a line (a figure already followed by %, or written
    out beforehand in customdata, keeps its own)."""
    units = unit if isinstance(unit, tuple) else (unit,) * len(figure.data)
    for trace, unit_of_trace in zip(figure.data, units, strict=False):
        template = getattr(trace, "hovertemplate", None)
        if not template or not unit_of_trace:
            continue
        default = "h" if trace.type == "funnel" else "v"  # a funnel lies on its side unless told otherwise
        axis = "x" if (getattr(trace, "orientation", None) or default) == "h" else "y"
        trace.hovertemplate = re.sub(
            r"(%\{" + axis + r"(?::[^}]*)?\})(?=<|$)", r"\g<1>" + unit_of_trace, template
        )
    return figure


def layout(
    figure: go.Figure,
    title: str,
    x_title: str,
    y_title: str,
    height: int = 380,
    unit: str | tuple[str, ...] = "",
) -> go.Figure:
    """The house style: title top left, Japanese-capable font, legend below, thousands separators, and
    the hover's figures in `unit` (with_unit). One update (each plotly update validates the whole layout
    again); every chart has one x and one y axis."""
    with_unit(figure, unit)
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16, "color": TEXT_COLOUR}},
        font={"family": FONT, "size": 13, "color": TEXT_COLOUR},
        height=height,
        # room on the right for half the last tick's label (100%, 2026年3月): plotly hides a label that
        # would pass the figure's edge, so an axis ending on a tick read as stopping one tick short
        margin={"l": 10, "r": 32, "t": 50, "b": 10},
        # below everything, the axis title included: placed in the figure, not the plot, it makes room
        legend={
            "font": {"color": TEXT_COLOUR},
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0,
            "xanchor": "left",
            "x": 0,
        },
        hoverlabel={"font": {"family": FONT}},
        separators=".,",
        # figures in full with thousands separators on either axis (a horizontal bar's values are on x):
        # never plotly's 15k, which no Japanese reader writes
        xaxis={
            "title": {"text": x_title, "font": {"color": TEXT_COLOUR}},
            "tickfont": {"color": TEXT_COLOUR},
            "separatethousands": True,
            "exponentformat": "none",
        },
        yaxis={
            "title": {"text": y_title, "font": {"color": TEXT_COLOUR}},
            "tickfont": {"color": TEXT_COLOUR},
            "separatethousands": True,
            "exponentformat": "none",
            "rangemode": "tozero",
        },
    )
    if figure.layout.yaxis.range is not None:  # a range set by the builder wins over rangemode
        figure.layout.yaxis.autorange = False
    return figure


def bars_height(rows: int, per_row: int = 24, room: int = 120) -> int:
    """A horizontal bar chart's height: `per_row` pixels a bar (or group) and `room` for the title, the axis
    and the legend; at least 240, so that one bureau's bar (a filter) is a bar, not a 300 px block."""
    return max(240, per_row * rows + room)


def years(frame: pd.DataFrame, words: Words, column: str = "fiscal_year") -> list[str]:
    """The fiscal-year labels of a frame's rows: 2024年度 / FY2024."""
    return [fmt.fiscal_year(int(fy), words.lang) for fy in frame[column]]


def bureau_word(bureau: str, words: Words) -> str:
    """A breakdown's own rows in the reader's words (no known bureau, the whole city); a bureau as itself."""
    return {UNKNOWN: words("bureau_unknown"), ALL: words("filter_bureau_all")}.get(bureau, bureau)


def bureau_names(bureaus: Iterable[str], words: Words) -> list[str]:
    """Bureau names as a person reads them in a chart: rows of no known bureau are named so."""
    return [untrusted.plotly(bureau_word(b, words)) for b in bureaus]


def series_bars(
    figure: go.Figure, x, frame: pd.DataFrame, series: dict[str, tuple[str, str]], hover: str
) -> None:
    """One bar series per column (column -> legend name and colour) over the categories `x`."""
    for column, (name, colour) in series.items():
        figure.add_bar(
            x=x,
            y=frame[column],
            name=name,
            marker_color=colour,
            hovertemplate=hover + "<extra>" + name + "</extra>",
        )


def bars_by_year(
    frame: pd.DataFrame,
    series: dict[str, str],
    title: str,
    y_title: str,
    words: Words,
    colours=None,
    unit: str | tuple[str, ...] = "",
) -> go.Figure:
    """Grouped bars per fiscal year, one series per column in `series` (column -> legend name); the hover's
    figures in `unit`."""
    x = years(frame, words)
    palette = colours or OKABE_ITO
    figure = go.Figure()
    for index, (column, name) in enumerate(series.items()):
        figure.add_bar(
            x=x,
            y=frame[column],
            name=name,
            marker_color=palette[index % len(palette)],
            hovertemplate="%{x}: %{y:,.0f}<extra>" + name + "</extra>",
        )
    figure.update_xaxes(type="category")
    return layout(figure, title, words("axis_fiscal_year"), y_title, unit=unit)


def horizontal_bars(names, values, title: str, x_title: str, y_title: str, unit: str = "") -> go.Figure:
    """One bar per name, top to bottom in the given order; the hover's figures in `unit`."""
    figure = go.Figure(
        go.Bar(
            y=list(names),
            x=list(values),
            orientation="h",
            marker_color=OKABE_ITO[0],
            hovertemplate="%{y}: %{x:,.0f}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed", type="category")
    height = bars_height(len(figure.data[0].y))
    return layout(figure, title, x_title, y_title, height=height, unit=unit)


def grouped_horizontal(
    frame: pd.DataFrame,
    names: list[str],
    series: dict[str, str],
    title: str,
    x_title: str,
    y_title: str,
    unit: str | tuple[str, ...] = "",
) -> go.Figure:
    """Horizontal grouped bars, one per series column (column -> legend name); the hover's figures in
    `unit`."""
    figure = go.Figure()
    for index, (column, name) in enumerate(series.items()):
        figure.add_bar(
            y=names,
            x=frame[column],
            orientation="h",
            name=name,
            marker_color=OKABE_ITO[index],
            hovertemplate="%{y}: %{x:,.0f}<extra>" + name + "</extra>",
        )
    figure.update_layout(barmode="group", legend={"traceorder": "normal"})
    figure.update_yaxes(autorange="reversed", type="category")
    return layout(figure, title, x_title, y_title, height=bars_height(len(frame), 30, 140), unit=unit)


def trace_values(values):
    """A trace's array as Python reads it. A figure that went through pickle (st.cache_data keeps the
    briefing's slides so) comes back with its numpy arrays as plotly.js typed arrays, {"dtype": "f8",
    "bdata": base64}: plotly.js draws them, but len() of one is 2 and its items are its keys."""
    if isinstance(values, dict) and "bdata" in values and "dtype" in values:
        array = np.frombuffer(base64.b64decode(values["bdata"]), dtype=np.dtype(values["dtype"]))
        if values.get("shape"):
            array = array.reshape([int(n) for n in str(values["shape"]).split(",")])
        return array.tolist()
    return values


def figure_table(figure: go.Figure) -> pd.DataFrame:
    """A chart's figures as a table, for a reader who cannot see the chart (a screen reader, a zoom):
    one row per category (a year, a month, a bureau), one column per series."""
    columns: dict[str, pd.Series] = {}
    value_axis = None
    for number, trace in enumerate(figure.data, start=1):
        # a trace's `meta`, where a string, names its column where its legend name would not (a band's
        # edge carries the band's legend)
        named = trace.meta if isinstance(trace.meta, str) else trace.name
        name = html.unescape(str(named)) if named else None
        if getattr(trace, "labels", None) is not None and getattr(trace, "values", None) is not None:
            categories, values = trace_values(trace.labels), trace_values(trace.values)  # a pie or a treemap
        elif getattr(trace, "x", None) is not None and getattr(trace, "y", None) is not None:
            # a funnel lies on its side unless told otherwise (its stages on y); a bar stands up
            default = "h" if trace.type == "funnel" else "v"
            horizontal = (getattr(trace, "orientation", None) or default) == "h"
            x, y = trace_values(trace.x), trace_values(trace.y)
            categories, values = (y, x) if horizontal else (x, y)
            value_axis = figure.layout.xaxis if horizontal else figure.layout.yaxis
        else:
            continue
        if all(value is None for value in values):  # a legend entry only (a treemap's colour key)
            continue
        categories = _category_labels(categories)
        series = pd.Series(list(values), index=categories)
        if name is None:  # a chart of one series names it nowhere: what its axis says it is, else its title
            axis = value_axis.title.text if value_axis is not None else None
            name = html.unescape(axis or figure.layout.title.text or "") or f"{number}"
        columns[name] = series[~series.index.duplicated()]
    table = pd.DataFrame(columns)
    if value_axis is not None and value_axis.title.text:  # what the figures are, and in what unit
        table.attrs["values"] = html.unescape(value_axis.title.text)
    return table


def _category_labels(categories) -> list[str]:
    """A chart's categories as a reader reads them: a month's date as 2024-04 (a day's as 2024-04-01), not
    the timestamp plotly keeps (2024-04-01T00:00:00.000000); any other as its text."""
    values = list(categories)
    is_date = bool(values) and all(
        isinstance(v, (datetime.date, np.datetime64))
        or isinstance(v, str)
        and len(v) >= 10
        and v[4] == "-"
        and v[7] == "-"
        and v[:4].isdigit()
        for v in values
    )
    if is_date:
        stamps = pd.to_datetime(pd.Series([str(v) for v in values]), errors="coerce", format="ISO8601")
        if stamps.notna().all() and (stamps == stamps.dt.normalize()).all():
            form = "%Y-%m" if (stamps.dt.day == 1).all() else "%Y-%m-%d"
            return list(stamps.dt.strftime(form))
    return [html.unescape(str(c)) for c in values]


def figure_formats(table: pd.DataFrame) -> dict[str, str]:
    """How each number column of a chart's table reads: thousands separators; whole numbers whole, others
    to one decimal (two below 10: a share of 0.08 points, 5.35 億円)."""
    formats = {}
    for name in table.columns:
        column = pd.to_numeric(table[name], errors="coerce")
        if column.notna().sum() == 0 or table[name].dtype == object and column.isna().any():
            continue  # words, not figures
        present = column.dropna()
        decimals = 0 if (present == present.round()).all() else 1 if present.abs().max() >= 10 else 2
        formats[name] = f"{{:,.{decimals}f}}"
    return formats
