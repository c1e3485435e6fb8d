"""Charts of the app register: apps by year and month, makers, and the long tail of hours saved."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from presentation import fmt
from presentation.charts.base import (
    OKABE_ITO,
    TARGET_COLOUR,
    bars_by_year,
    bureau_names,
    horizontal_bars,
    layout,
    series_bars,
)
from presentation.words import APP_EVENT_WORDS, Words


def apps_by_year(kpis: pd.DataFrame, words: Words) -> go.Figure:
    series = {"apps_in_operation": words("kpi_apps"), "active_apps": words("kpi_active_apps")}
    title, apps = words("chart_apps_by_fy"), words("unit_apps")
    return bars_by_year(kpis, series, title, words("axis_apps"), words, unit=apps)


def inventory(frame: pd.DataFrame, words: Words) -> go.Figure:
    """Apps created, released and retired by month (grouped bars)."""
    figure = go.Figure()
    events = ("created", "released", "retired")
    series = {
        column: (words(APP_EVENT_WORDS[column]), OKABE_ITO[index]) for index, column in enumerate(events)
    }
    series_bars(figure, frame["month"], frame, series, "%{x|%Y-%m}: %{y:,}")
    figure.update_layout(barmode="group", legend={"traceorder": "normal"})
    figure.update_xaxes(tickformat="%Y-%m")
    title, apps = words("chart_inventory"), words("unit_apps")
    return layout(figure, title, words("axis_month"), words("axis_apps"), unit=apps)


def makers(frame: pd.DataFrame, words: Words) -> go.Figure:
    series = {
        "makers": words("series_makers"),
        "new_makers": words("series_new_makers"),
        "dx_talent_makers": words("series_dx_makers"),
    }
    title, people = words("chart_makers"), words("unit_people")
    return bars_by_year(frame, series, title, words("axis_people"), words, unit=people)


def makers_by_bureau(frame: pd.DataFrame, fiscal_year: int, words: Words) -> go.Figure:
    title = words("chart_makers_by_bureau", fy=fmt.fiscal_year(fiscal_year, words.lang))
    names = bureau_names(frame["bureau_name"], words)
    people, axis = words("unit_people"), words("axis_people")
    return horizontal_bars(names, frame["makers"], title, axis, words("axis_bureau"), people)


def pareto_table(cumulative: pd.Series, words: Words) -> pd.DataFrame:
    """The curve as figures, a row per tenth of the apps (its thousands of points would be a table
    nobody reads): how many apps, and the share of the hours saved they hold."""
    count = len(cumulative)
    rows = {}
    for share in range(10, 101, 10):
        apps = max(1, round(count * share / 100)) if count else 0
        rows[words("pareto_top", share=share)] = [
            apps,
            round(float(cumulative.iloc[apps - 1]) * 100, 1) if apps else 0.0,
        ]
    return pd.DataFrame.from_dict(
        rows, orient="index", columns=[words("table_apps"), words("axis_share_hours")]
    )


def pareto(cumulative: pd.Series, fiscal_year: int, words: Words) -> go.Figure:
    """Cumulative share of hours saved against the share of apps, with the top 10% and 20% marked."""
    count = len(cumulative)
    x = [(i + 1) / count * 100 for i in range(count)]
    y_title = words("axis_share_hours")
    figure = go.Figure()
    figure.add_scatter(
        x=[0, *x],
        y=[0, *(cumulative * 100)],
        mode="lines",
        line={"color": OKABE_ITO[0], "width": 3},
        name=y_title,
        hovertemplate="%{x:.0f}% → %{y:.1f}%<extra></extra>",
        showlegend=False,
    )
    for share in (10, 20):
        index = max(1, round(count * share / 100)) - 1
        value = float(cumulative.iloc[index]) * 100
        figure.add_scatter(
            x=[share, share],
            y=[0, value],
            mode="lines",
            line={"color": TARGET_COLOUR, "dash": "dash"},
            showlegend=False,
            hoverinfo="skip",
        )
        figure.add_annotation(
            x=share, y=value, text=f"{share}% → {value:.0f}%", showarrow=True, arrowhead=0, ax=40, ay=20
        )
    figure.update_xaxes(range=[0, 100], ticksuffix="%")
    figure.update_yaxes(range=[0, 101], ticksuffix="%")
    title = words("chart_pareto", fy=fmt.fiscal_year(fiscal_year, words.lang))
    return layout(figure, title, words("axis_share_apps"), y_title)
