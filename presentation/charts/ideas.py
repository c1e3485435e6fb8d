"""Charts of ideas and the Gold seminar: ideas by year and result, the pipeline, time to live, estimated
against realised hours, teams and themes."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from presentation import fmt, untrusted
from presentation.charts.base import (
    LEVEL_COLOURS,
    OKABE_ITO,
    TARGET_COLOUR,
    bars_by_year,
    bureau_names,
    grouped_horizontal,
    layout,
    years,
)
from presentation.words import RESULT_WORDS, STAGE_WORDS, Words

RESULTS = ("pass", "resubmit", "fail", "none")
RESULT_COLOURS = {"pass": OKABE_ITO[2], "resubmit": OKABE_ITO[1], "fail": OKABE_ITO[5], "none": TARGET_COLOUR}
HIDDEN_COLOUR = "#D3D7DC"  # small groups hidden from an aggregate role, drawn together in light grey
STAGES = ("submitted", "passed", "taken_up", "building", "live")
STATUSES = ("idea", "building", "live")


def ideas_by_year(frame: pd.DataFrame, words: Words) -> go.Figure:
    """Ideas submitted per fiscal year, stacked by result (a result no idea has is left out)."""
    x = years(frame, words)
    figure = go.Figure()
    for result in RESULTS:
        if frame[result].sum() > 0:
            name = words(RESULT_WORDS[result])
            figure.add_bar(
                x=x,
                y=frame[result],
                name=name,
                marker_color=RESULT_COLOURS[result],
                hovertemplate="%{x}: %{y:,}<extra>" + name + "</extra>",
            )
    # results hidden as small groups (privacy.across_for_viewer) still stand in the year's bar, together
    hidden = frame[list(RESULTS)].isna().any(axis=1)
    if hidden.any():
        name = words("series_hidden_small")
        figure.add_bar(
            x=x,
            y=(frame["ideas"] - frame[list(RESULTS)].sum(axis=1)).where(hidden),
            name=name,
            marker_color=HIDDEN_COLOUR,
            hovertemplate="%{x}: %{y:,}<extra>" + name + "</extra>",
        )
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_xaxes(type="category")
    title, items = words("chart_ideas_by_year"), words("unit_items")
    return layout(figure, title, words("axis_fiscal_year"), words("axis_ideas"), unit=items)


def ideas_by_category(frame: pd.DataFrame, fiscal_year: int, words: Words) -> go.Figure:
    names = [untrusted.plotly(c) if c else "—" for c in frame["category"]]
    series = {"ideas": words("series_ideas"), "passed": words("series_passed")}
    title = words("chart_ideas_by_category", fy=fmt.fiscal_year(fiscal_year, words.lang))
    axis, items = words("axis_ideas"), words("unit_items")
    return grouped_horizontal(frame, names, series, title, axis, words("col_category"), unit=items)


def ideas_by_bureau(frame: pd.DataFrame, fiscal_year: int, words: Words) -> go.Figure:
    series = {"ideas": words("series_ideas"), "passed": words("series_passed")}
    title = words("chart_ideas_by_bureau", fy=fmt.fiscal_year(fiscal_year, words.lang))
    names = bureau_names(frame["bureau_name"], words)
    axis, items = words("axis_ideas"), words("unit_items")
    return grouped_horizontal(frame, names, series, title, axis, words("axis_bureau"), unit=items)


def pipeline(row: pd.Series, cut: str, words: Words) -> go.Figure:
    """Ideas at each stage, each step within the one before (report_idea_funnel), at `cut` (fmt.year_cut)."""
    figure = go.Figure(
        go.Funnel(
            y=[words(STAGE_WORDS[stage]) for stage in STAGES],
            x=[int(row[stage]) for stage in STAGES],
            texttemplate="%{value:,}<br>%{percentInitial:.1%}",
            marker={"color": [LEVEL_COLOURS["silver"]] * 3 + [LEVEL_COLOURS["gold"]] * 2},
            connector={"line": {"color": "#CCCCCC"}},
            hovertemplate="%{y}: %{x:,}<extra></extra>",
        )
    )
    title = words("pipeline_title", cut=cut)
    return layout(figure, title, "", "", height=340, unit=words("unit_items"))


def time_to_live(frame: pd.DataFrame, words: Words) -> go.Figure:
    """Days from idea to live app, one box (with every project as a point) per fiscal year it went live."""
    figure = go.Figure(
        go.Box(
            x=years(frame, words, "live_fiscal_year"),
            y=frame["days_idea_to_live"],
            boxpoints="all",
            jitter=0.3,
            pointpos=0,
            marker={"color": OKABE_ITO[0]},
            line={"color": OKABE_ITO[0]},
            text=untrusted.plotly_all(frame["theme"]),
            hovertemplate="%{text}: %{y:,}<extra></extra>",
            showlegend=False,
        )
    )
    figure.update_xaxes(type="category")
    title, days = words("to_live_title"), words("unit_days")
    return layout(figure, title, words("axis_live_year"), words("axis_days"), unit=days)


def time_to_live_table(frame: pd.DataFrame, words: Words) -> pd.DataFrame:
    """The box plot as figures: per fiscal year live, how many projects and their fewest, median and most
    days from idea to live app."""
    days = frame.groupby("live_fiscal_year")["days_idea_to_live"]
    summary = days.agg(["count", "min", "median", "max"]).sort_index()
    # a median of an even count falls between two projects (391.5 days): a whole day, halves up, as the
    # other columns are
    summary["median"] = (summary["median"] + 0.5).apply(math.floor)
    summary.index = [fmt.fiscal_year(int(fy), words.lang) for fy in summary.index]
    summary.columns = [
        words(k) for k in ("table_projects", "table_min_days", "table_median_days", "table_max_days")
    ]
    return summary


def estimated_vs_realised(frame: pd.DataFrame, fiscal_year: int, words: Words) -> go.Figure:
    """Per project: the hours a year its idea promised against the hours its app saved, scaled to a year."""
    series = {
        "estimated_hours": words("series_estimated"),
        "realised_hours_a_year": words("series_realised_a_year"),
    }
    title = words("chart_estimate", fy=fmt.fiscal_year(fiscal_year, words.lang))
    # a theme can come back in a later year: the project id keeps each bar its own
    names = [
        f"{untrusted.plotly(theme)} ({untrusted.plotly(project)})"
        for theme, project in zip(frame["theme"], frame["project_id"], strict=True)
    ]
    axis, hours = words("axis_hours"), words("unit_hours")
    return grouped_horizontal(frame, names, series, title, axis, words("col_project"), unit=hours)


def seminar_by_year(frame: pd.DataFrame, words: Words) -> go.Figure:
    series = {
        "teams": words("series_teams"),
        "themes": words("series_themes"),
        "live": words("series_live_projects"),
    }
    colours = [LEVEL_COLOURS["gold"], OKABE_ITO[0], OKABE_ITO[2]]
    units = (words("unit_teams"), words("unit_items"), words("unit_items"))
    return bars_by_year(frame, series, words("seminar_chart"), words("axis_count"), words, colours, units)
