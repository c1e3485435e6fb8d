"""Charts of hours saved: by month against earlier years, by year, bureau, app and category."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from presentation import fmt, untrusted
from presentation.charts.base import (
    OKABE_ITO,
    bars_by_year,
    bureau_names,
    grouped_horizontal,
    horizontal_bars,
    layout,
)
from presentation.words import Words

TOP_APPS = 20


def hours_by_month(monthly: pd.DataFrame, words: Words) -> go.Figure:
    """One line per fiscal year across the fiscal months April..March, the latest year bold."""
    lang = words.lang
    figure = go.Figure()
    months = [fmt.month_label(m, lang) for m in fmt.FISCAL_MONTHS]
    fiscal_years = sorted(monthly["fiscal_year"].unique())
    for index, fy in enumerate(fiscal_years):
        part = monthly[monthly["fiscal_year"] == fy].set_index("calendar_month")
        name = fmt.fiscal_year(int(fy), lang)
        figure.add_scatter(
            x=months,
            y=[part["hours_saved"].get(m) for m in fmt.FISCAL_MONTHS],
            name=name,
            mode="lines+markers",
            line={
                "color": OKABE_ITO[(len(fiscal_years) - 1 - index) % len(OKABE_ITO)],
                "width": 3 if index == len(fiscal_years) - 1 else 1.5,
            },
            hovertemplate="%{x}: %{y:,.0f}<extra>" + name + "</extra>",
        )
    figure.update_xaxes(type="category", categoryorder="array", categoryarray=months)
    hours = words("unit_hours")
    return layout(figure, words("chart_hours_title"), words("axis_month"), words("axis_hours"), unit=hours)


def hours_by_year(kpis: pd.DataFrame, words: Words) -> go.Figure:
    series, title = {"hours_saved": words("kpi_hours")}, words("chart_hours_by_fy")
    return bars_by_year(kpis, series, title, words("axis_hours"), words, unit=words("unit_hours"))


def hours_by_bureau(frame: pd.DataFrame, fiscal_year: int, words: Words) -> go.Figure:
    title = words("chart_hours_by_bureau", fy=fmt.fiscal_year(fiscal_year, words.lang))
    names = bureau_names(frame["bureau_name"], words)
    hours, axis = words("unit_hours"), words("axis_hours")
    return horizontal_bars(names, frame["hours_saved"], title, axis, words("axis_bureau"), hours)


def hours_by_app(apps: pd.DataFrame, fiscal_year: int, words: Words, top: int = TOP_APPS) -> go.Figure:
    """The top apps by hours saved (the rest are summed in the caption `others_caption` gives)."""
    head = apps.nlargest(top, "hours_saved")
    names = untrusted.plotly_all(head["app_name"] + " (" + head["app_id"] + ")")
    title = words("chart_hours_by_app", fy=fmt.fiscal_year(fiscal_year, words.lang))
    hours, axis = words("unit_hours"), words("axis_hours")
    return horizontal_bars(names, head["hours_saved"], title, axis, words("col_app"), hours)


def others_caption(apps: pd.DataFrame, words: Words, top: int = TOP_APPS) -> str:
    """The apps below the top that saved time, summed; the register's apps that saved none this year are
    counted apart (the register lists every app, most of the rest are not in use that year)."""
    rest = apps.drop(apps.nlargest(top, "hours_saved").index)
    saving = rest[rest["hours_saved"] > 0]
    said = words(
        "others_total",
        count=fmt.integer(len(saving)),
        hours=fmt.hours(saving["hours_saved"].sum(), words.lang),
    )
    idle = len(rest) - len(saving)
    return said + (words("others_none", count=fmt.integer(idle)) if idle else "")


def hours_by_category(
    frame: pd.DataFrame, fiscal_year: int, words: Words, previous_label: str | None = None
) -> go.Figure:
    """Each category's hours saved this year next to the year before (`previous_label`: what that is, the
    same period of it for a year in progress)."""
    series = {
        "hours_saved": fmt.fiscal_year(fiscal_year, words.lang),
        "hours_saved_previous": previous_label or fmt.fiscal_year(fiscal_year - 1, words.lang),
    }
    names = [untrusted.plotly(k) if k else "—" for k in frame["key"]]
    title, axis = words("chart_hours_by_category"), words("axis_hours")
    return grouped_horizontal(frame, names, series, title, axis, words("col_category"), words("unit_hours"))
