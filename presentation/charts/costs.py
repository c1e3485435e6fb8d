"""Charts of cost avoided: cumulative by component, the scenario band, by bureau, the value of hours."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from presentation import fmt
from presentation.charts.base import (
    COST_COLOURS,
    COST_COMPONENTS,
    OKABE_ITO,
    bars_by_year,
    bars_height,
    bureau_names,
    layout,
    years,
)
from presentation.words import COST_WORDS, Words


def _yen_hover(values: pd.Series, words: Words) -> list[str]:
    return [fmt.yen(v, words.lang) for v in values]


def _component_bars(
    figure: go.Figure, frame: pd.DataFrame, categories, words: Words, horizontal: bool
) -> None:
    """One bar series per cost component (initial, running, maintenance) in the axis's unit of yen, its
    hover in the cards' format; stacked by the caller."""
    unit = fmt.yen_axis_unit(words.lang)
    for component in COST_COMPONENTS:
        name = words(COST_WORDS[component])
        values = frame[f"cost_{component}_yen"]
        axes = (
            {"y": categories, "x": values / unit, "orientation": "h"}
            if horizontal
            else {"x": categories, "y": values / unit}
        )
        figure.add_bar(
            **axes,
            name=name,
            marker_color=COST_COLOURS[component],
            customdata=_yen_hover(values, words),
            hovertemplate=("%{y}" if horizontal else "%{x}") + ": %{customdata}<extra>" + name + "</extra>",
        )


def cost_components(kpis: pd.DataFrame, words: Words) -> go.Figure:
    """Cumulative cost avoided by fiscal year, stacked: initial, running, maintenance (in 億円 / ¥bn)."""
    x = years(kpis, words)
    unit = fmt.yen_axis_unit(words.lang)
    figure = go.Figure()
    _component_bars(figure, kpis, x, words, horizontal=False)
    totals = kpis["cost_avoided_cumulative_yen"]
    figure.add_scatter(
        x=x,
        y=totals / unit,
        mode="text",
        text=_yen_hover(totals, words),
        textposition="top center",
        name=words("series_total"),  # the column of the chart's table
        showlegend=False,
        hoverinfo="skip",
    )
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_yaxes(range=[0, float(totals.max() / unit) * 1.15 if len(totals) else 1])
    figure.update_xaxes(type="category")
    return layout(figure, words("chart_cost_title"), words("axis_fiscal_year"), words("axis_yen"))


def cost_band(frame: pd.DataFrame, low: float, high: float, words: Words) -> go.Figure:
    """The base cumulative cost avoided by fiscal year, with the low-high scenario band around it."""
    x = years(frame, words)
    unit = fmt.yen_axis_unit(words.lang)
    band = words("scenario_caption", low=f"{low:g}", high=f"{high:g}")
    figure = go.Figure()

    def line(column: str, name: str, hover_name: str, **style) -> None:
        figure.add_scatter(
            x=x,
            y=frame[column] / unit,
            name=name,
            customdata=_yen_hover(frame[column], words),
            hovertemplate="%{x}: %{customdata}<extra>" + hover_name + "</extra>",
            **style,
        )

    edge = {"mode": "lines", "line": {"width": 0, "color": OKABE_ITO[4]}}
    line(
        "high_yen", words("band_high"), words("band_high"), showlegend=False, meta=words("band_high"), **edge
    )
    fill = {"fill": "tonexty", "fillcolor": "rgba(86,180,233,0.25)"}
    line("low_yen", band, words("band_low"), meta=words("band_low"), **fill, **edge)
    base = {"mode": "lines+markers", "line": {"color": OKABE_ITO[0], "width": 3}}
    line("cost_avoided_cumulative_yen", words("band_base"), words("band_base"), **base)
    figure.update_xaxes(type="category")
    return layout(figure, words("chart_cost_band"), words("axis_fiscal_year"), words("axis_yen"))


def costs_by_bureau(frame: pd.DataFrame, fiscal_year: int, words: Words) -> go.Figure:
    """Cost avoided in the year by owning bureau, stacked by component."""
    names = bureau_names(frame["bureau_name"], words)
    figure = go.Figure()
    _component_bars(figure, frame, names, words, horizontal=True)
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_yaxes(autorange="reversed", type="category")
    title = words("chart_cost_by_bureau", fy=fmt.fiscal_year(fiscal_year, words.lang))
    height = bars_height(len(frame), 26, 140)
    return layout(figure, title, words("axis_yen"), words("axis_bureau"), height=height)


def value_of_hours(frame: pd.DataFrame, hourly_yen: float, words: Words) -> go.Figure:
    """Hours saved by fiscal year valued at an hourly cost (in 億円 / ¥bn)."""
    shown = frame.assign(value=frame["hours_saved"] * hourly_yen / fmt.yen_axis_unit(words.lang))
    title = words("chart_value_of_hours", rate=fmt.yen(hourly_yen, words.lang))
    name = words("series_value_of_hours")
    figure = bars_by_year(shown, {"value": name}, title, words("axis_yen"), words, [OKABE_ITO[2]])
    # the hover in the cards' format (4,500万円), not the axis's unit rounded (0)
    values = _yen_hover(frame["hours_saved"] * hourly_yen, words)
    return figure.update_traces(
        customdata=values, hovertemplate="%{x}: %{customdata}<extra>" + name + "</extra>"
    )
