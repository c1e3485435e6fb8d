"""Charts of e-learning: learners and completions by month and year, learners per 100 staff by bureau,
the most-used courses and categories, and learners against the other staff."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from presentation import fmt, untrusted
from presentation.charts.base import (
    ALL,
    LEVEL_COLOURS,
    OKABE_ITO,
    bars_by_year,
    bureau_names,
    bureau_word,
    grouped_horizontal,
    horizontal_bars,
    layout,
    series_bars,
)
from presentation.words import Words


def month_labels(frame: pd.DataFrame, words: Words) -> list[str]:
    """The months of a fiscal year in the reader's words, April first: 4月 / Apr."""
    return [fmt.month_label(month.month, words.lang) for month in frame["month"]]


def by_month(frame: pd.DataFrame, fiscal_year: int, words: Words) -> go.Figure:
    """Active learners and completions per month of the year (grouped bars)."""
    figure = go.Figure()
    series = {
        "active_learners": (words("series_learners"), OKABE_ITO[0]),
        "completions": (words("series_completions"), OKABE_ITO[2]),
    }
    series_bars(figure, month_labels(frame, words), frame, series, "%{x}: %{y:,}")
    figure.update_layout(barmode="group", legend={"traceorder": "normal"})
    figure.update_xaxes(type="category")
    title = words("chart_learning_months", fy=fmt.fiscal_year(fiscal_year, words.lang))
    units = (words("unit_people"), words("unit_items"))
    return layout(figure, title, words("axis_month"), words("axis_learners"), unit=units)


def hours_by_month(frame: pd.DataFrame, fiscal_year: int, words: Words) -> go.Figure:
    figure = go.Figure()
    hours = frame.assign(hours_watched=frame["minutes"] / 60)
    series = {"hours_watched": (words("series_hours_watched"), OKABE_ITO[4])}
    series_bars(figure, month_labels(frame, words), hours, series, "%{x}: %{y:,.0f}")
    figure.update_layout(showlegend=False)
    figure.update_xaxes(type="category")
    title = words("chart_learning_minutes", fy=fmt.fiscal_year(fiscal_year, words.lang))
    return layout(figure, title, words("axis_month"), words("axis_hours_watched"), unit=words("unit_hours"))


def by_year(frame: pd.DataFrame, words: Words) -> go.Figure:
    series = {"learners": words("series_learners"), "completions": words("series_completions")}
    colours = [OKABE_ITO[0], OKABE_ITO[2]]
    units = (words("unit_people"), words("unit_items"))
    title = words("chart_learning_years")
    return bars_by_year(frame, series, title, words("axis_learners"), words, colours, unit=units)


def per_100_by_bureau(frame: pd.DataFrame, fiscal_year: int, words: Words) -> go.Figure:
    title = words("chart_learning_bureaus", fy=fmt.fiscal_year(fiscal_year, words.lang))
    names = bureau_names(frame["bureau_name"], words)
    figure = horizontal_bars(names, frame["per_100"], title, words("axis_per_100"), words("axis_bureau"))
    figure.update_traces(hovertemplate="%{y}: %{x:.1f}<extra></extra>")
    return figure


def top_courses(frame: pd.DataFrame, fiscal_year: int, top: int, words: Words) -> go.Figure:
    title = words("chart_top_courses", top=top, fy=fmt.fiscal_year(fiscal_year, words.lang))
    names = untrusted.plotly_all(frame["course_title"])
    people = words("unit_people")
    return horizontal_bars(names, frame["learners"], title, words("axis_people"), words("col_course"), people)


def categories(frame: pd.DataFrame, fiscal_year: int, words: Words) -> go.Figure:
    names = [untrusted.plotly(c) if c else "—" for c in frame["category"]]
    series = {"learners": words("series_learners"), "completions": words("series_completions")}
    title = words("chart_learning_categories", fy=fmt.fiscal_year(fiscal_year, words.lang))
    units = (words("unit_people"), words("unit_items"))
    axis = words("axis_learners")
    return grouped_horizontal(frame, names, series, title, axis, words("col_category"), unit=units)


def outcomes(frame: pd.DataFrame, words: Words) -> go.Figure:
    """The share of DX talent and of app makers among learners and among the other staff."""
    measures = [words("outcome_dx_talent"), words("outcome_makers")]
    figure = go.Figure()
    for is_learner, key, colour in (
        (True, "group_learners", OKABE_ITO[0]),
        (False, "group_non_learners", LEVEL_COLOURS["silver"]),
    ):
        rows = frame[frame["is_learner"] == is_learner]
        if rows.empty:
            continue
        row = rows.iloc[0]
        name = words(key)
        figure.add_bar(
            x=measures,
            y=[row["dx_talent_share"] * 100, row["maker_share"] * 100],
            name=name,
            marker_color=colour,
            text=[fmt.percent(row["dx_talent_share"]), fmt.percent(row["maker_share"])],
            textposition="outside",
            hovertemplate="%{x}: %{y:.1f}%<extra>" + name + "</extra>",
        )
    figure.update_layout(barmode="group", legend={"traceorder": "normal"})
    figure.update_yaxes(ticksuffix="%")
    return layout(figure, words("chart_outcomes"), "", words("axis_share_of_staff"))


# the service's adoption funnel, in its order (report_elearning_funnel)
ADOPTION_STEPS = {
    "licences": "adoption_licences",
    "joined": "adoption_joined",
    "enrolled": "adoption_enrolled",
    "first_lecture": "adoption_first_lecture",
}


def adoption_funnel(frame: pd.DataFrame, words: Words) -> go.Figure | None:
    """Licences -> joined -> enrolled -> a first lecture, city-wide; None without a user list."""
    city = frame[frame["bureau_name"] == ALL]
    if city.empty or not city.iloc[0]["licences"]:  # the city-wide row of an empty list counts 0
        return None
    row = city.iloc[0]
    figure = go.Figure(
        go.Funnel(
            y=[words(key) for key in ADOPTION_STEPS.values()],
            x=[int(row[step]) for step in ADOPTION_STEPS],
            texttemplate="%{value:,}<br>%{percentInitial:.0%}",
            marker={"color": OKABE_ITO[0]},
            connector={"line": {"color": "#CCCCCC"}},
            hovertemplate="%{y}: %{x:,}<extra></extra>",
        )
    )
    return layout(figure, words("chart_adoption_funnel"), "", "", height=320, unit=words("unit_people"))


def adoption_table(frame: pd.DataFrame, words: Words) -> pd.DataFrame:
    """The funnel by bureau, with the share of licences that reached a first lecture."""
    table = frame.copy()
    table["bureau_name"] = table["bureau_name"].map(lambda b: bureau_word(b, words))
    table["reached"] = (table["first_lecture"] / table["licences"].where(table["licences"] > 0)).map(
        fmt.percent
    )
    return table


ADOPTION_COLUMNS = {"bureau_name": "col_bureau", **ADOPTION_STEPS, "reached": "col_adoption_reached"}
