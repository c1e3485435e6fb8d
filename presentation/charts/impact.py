"""Figures of programme impact (contract 4.3): each cohort's makers before and after certification against
its comparison group, and the hours DX talent's apps saved against the hours spent in training."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from presentation import fmt, untrusted
from presentation.charts.base import OKABE_ITO, TARGET_COLOUR, bureau_word, horizontal_bars, layout
from presentation.words import LEVEL_WORDS, Words

# before light, after strong; the cohort blue, the comparison grey
COHORT_COLOURS = {"before": "#9CC5E3", "after": OKABE_ITO[0]}
COMPARISON_COLOURS = {"before": "#D3D7DC", "after": TARGET_COLOUR}
# the four bars of each cohort, on the page's figure and the slide's native chart: column, words, colour
COHORT_SERIES = (
    ("cohort_before", "impact_series_cohort_before", COHORT_COLOURS["before"]),
    ("cohort_after", "impact_series_cohort_after", COHORT_COLOURS["after"]),
    ("comparison_before", "impact_series_comparison_before", COMPARISON_COLOURS["before"]),
    ("comparison_after", "impact_series_comparison_after", COMPARISON_COLOURS["after"]),
)


def cohort_rates(cohorts: list[dict]) -> pd.DataFrame:
    """One row per cohort: the share of its people, and of its comparison group's, who built an app in
    the year before and the year after (in %), and the difference in points."""
    rows = []
    for cohort in cohorts:
        comparison = cohort["comparison"]
        rows.append(
            {
                "fiscal_year": cohort["fiscal_year"],
                "provisional": not cohort["window_complete"],
                "cohort_before": _rate(cohort["makers_before"], cohort["people"]),
                "cohort_after": _rate(cohort["makers_after"], cohort["people"]),
                "comparison_before": _rate(comparison["makers_before"], comparison["people"]),
                "comparison_after": _rate(comparison["makers_after"], comparison["people"]),
                "difference_pp": cohort["difference_pp"],
                "people": cohort["people"],
                "comparison_people": comparison["people"],
            }
        )
    return pd.DataFrame(rows)


def _rate(makers: int, people: int) -> float | None:
    return 100 * makers / people if people else None


def cohort_label(row, words: Words) -> str:
    year = fmt.fiscal_year(int(row["fiscal_year"]), words.lang)
    return (
        words("impact_cohort_provisional", fy=year) if row["provisional"] else words("impact_cohort", fy=year)
    )


def cohort_chart(rates: pd.DataFrame, words: Words) -> go.Figure:
    """Bars of the makers' share before and after, for each cohort and its comparison group, with the
    difference written above each cohort; a provisional cohort (its window not complete) is hatched."""
    x = [cohort_label(row, words) for _, row in rates.iterrows()]
    hatch = ["/" if provisional else "" for provisional in rates["provisional"]]
    figure = go.Figure()
    for column, key, colour in COHORT_SERIES:
        values = rates[column]
        figure.add_bar(
            x=x,
            y=values,
            name=words(key),
            marker={"color": colour, "pattern": {"shape": hatch}},
            customdata=[fmt.percent(v / 100 if v is not None else None) for v in values],
            hovertemplate="%{x}: %{customdata}<extra>" + words(key) + "</extra>",
        )
    top = max([v for c, _, _ in COHORT_SERIES for v in rates[c] if v is not None] or [0])
    for label, difference in zip(x, rates["difference_pp"], strict=True):
        figure.add_annotation(
            x=label,
            y=top * 1.08,
            text=words("impact_difference_label", pp=fmt.points(difference, words.lang)),
            showarrow=False,
            font={"size": 13},
        )
    figure.update_layout(barmode="group", yaxis={"range": [0, top * 1.2 if top else 1], "ticksuffix": "%"})
    return layout(
        figure, words("impact_chart_title"), words("impact_axis_cohort"), words("impact_axis_share")
    )


def training_return(years: pd.DataFrame, words: Words) -> go.Figure:
    """Per fiscal year: Silver and Gold training hours against the hours DX talent's apps saved."""
    x = [fmt.fiscal_year(int(y), words.lang) for y in years["fiscal_year"]]
    figure = go.Figure()
    for column, key, colour in (
        ("training_hours", "impact_series_training", OKABE_ITO[1]),
        ("dx_talent_hours", "impact_series_dx_hours", OKABE_ITO[0]),
    ):
        figure.add_bar(
            x=x,
            y=years[column],
            name=words(key),
            marker_color=colour,
            customdata=[fmt.hours(v, words.lang) for v in years[column]],
            hovertemplate="%{x}: %{customdata}<extra>" + words(key) + "</extra>",
        )
    figure.update_layout(barmode="group")
    return layout(figure, words("impact_return_title"), words("axis_fiscal_year"), words("impact_axis_hours"))


def apps_by_maker(years: pd.DataFrame, words: Words) -> go.Figure:
    """New apps per fiscal year by whether their maker was DX talent when the app was made."""
    x = [fmt.fiscal_year(int(y), words.lang) for y in years["fiscal_year"]]
    others = years["apps"] - years["dx_talent_apps"]
    figure = go.Figure()
    for values, key, colour in (
        (years["dx_talent_apps"], "impact_series_apps_dx", OKABE_ITO[0]),
        (others, "impact_series_apps_others", COMPARISON_COLOURS["before"]),
    ):
        figure.add_bar(x=x, y=values, name=words(key), marker_color=colour)
    figure.update_layout(barmode="stack")
    return layout(figure, words("impact_makers_title"), words("axis_fiscal_year"), words("axis_apps"))


def builders_table(builders: pd.DataFrame, words: Words) -> pd.DataFrame:
    """Who builds after certification, per cohort and level: apps and hours per person, days to a first app."""
    people = builders["people"].where(builders["people"] > 0)
    return pd.DataFrame(
        {
            "cohort": [fmt.fiscal_year(int(y), words.lang) for y in builders["fiscal_year"]],
            "level": [words(LEVEL_WORDS[level]) for level in builders["level"]],
            "people": builders["people"],
            "makers": builders["makers"],
            "apps_per_person": (builders["apps"] / people).round(2),
            "hours_per_person": (builders["hours_saved"] / people).round(1),
            "median_days_to_first_app": builders["median_days_to_first_app"],
        }
    )


def new_managers_chart(frame: pd.DataFrame, words: Words) -> go.Figure:
    """Per bureau, the share of this year's new managers who have taken the Bronze training."""
    names = [bureau_word(b, words) for b in frame["bureau_name"]]
    figure = horizontal_bars(
        untrusted.plotly_all(names),
        frame["attended_share"] * 100,
        words("impact_managers_chart"),
        words("impact_axis_managers_share"),
        words("axis_bureau"),
    )
    figure.update_traces(hovertemplate="%{y}: %{x:.1f}%<extra></extra>")
    figure.update_xaxes(range=[0, 100], ticksuffix="%")
    return figure
