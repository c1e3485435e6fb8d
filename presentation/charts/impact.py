"""Figures of programme impact (contract 4.3): each cohort's makers before and after certification against
its comparison group, and the hours DX talent's apps saved against the hours spent in training."""

from __future__ import annotations

import re

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
        name = words(key)
        figure.add_bar(
            x=x,
            y=values,
            name=name,
            marker_color=colour,
            hovertemplate="%{x}: %{y:,}<extra>" + name + "</extra>",
        )
    figure.update_layout(barmode="stack")
    title, apps = words("impact_makers_title"), words("unit_apps")
    return layout(figure, title, words("axis_fiscal_year"), words("axis_apps"), unit=apps)


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


# the event study's two outcomes (etl/impact.py): stored name -> (title, axis, scale, the hover's unit words;
# the ticks carry none, the axis title says it: 差(ポイント))
EVENT_STUDY_OUTCOMES = {
    "built_share": ("impact_event_built_title", "impact_event_built_axis", 100.0, "impact_event_points_unit"),
    "hours_per_person": ("impact_event_hours_title", "impact_event_hours_axis", 1.0, None),
}


def _event_months(estimates: pd.DataFrame, outcome: str) -> pd.DataFrame:
    """The outcome's estimates by month since certification, in order (the chart and its table)."""
    rows = estimates[(estimates["outcome"] == outcome) & estimates["event_month"].notna()]
    return rows.sort_values("event_month")


def event_study_chart(estimates: pd.DataFrame, outcome: str, words: Words) -> go.Figure:
    """The certified against the not yet certified, by months since certification: the estimate as a line
    with its 95% interval as a band, the months before shaded, zero and the certification month marked."""
    title, axis, scale, unit = EVENT_STUDY_OUTCOMES[outcome]
    suffix = words(unit) if unit else ""
    rows = _event_months(estimates, outcome)
    x = rows["event_month"].astype(int).tolist()
    estimate, lower, upper = (rows[c].astype(float) * scale for c in ("estimate", "lower", "upper"))
    # the base month has no interval: the band closes on the estimate there
    lower, upper = lower.fillna(estimate), upper.fillna(estimate)
    colour = OKABE_ITO[0]
    figure = go.Figure()
    figure.add_scatter(
        x=x + x[::-1],
        y=upper.tolist() + lower.tolist()[::-1],
        fill="toself",
        fillcolor="rgba(0, 114, 178, 0.18)",
        line={"width": 0},
        hoverinfo="skip",
        name=words("impact_event_interval"),
    )
    figure.add_scatter(
        x=x,
        y=estimate,
        mode="lines+markers",
        line={"color": colour, "width": 2},
        marker={"size": 5},
        name=words("impact_event_estimate"),
        customdata=[
            [
                words("impact_event_month", month=m),
                words("impact_event_hover", low=_signed(lo), high=_signed(hi)),
            ]
            for m, lo, hi in zip(x, lower, upper, strict=True)
        ],
        hovertemplate="%{customdata[0]}: %{y:+.2f}" + suffix + "<br>%{customdata[1]}<extra></extra>",
    )
    if x:
        figure.add_vrect(
            x0=min(x) - 0.5, x1=-0.5, fillcolor="#D3D7DC", opacity=0.35, line_width=0, layer="below"
        )
        figure.add_annotation(
            x=(min(x) - 0.5) / 2, yref="paper", y=1.0, text=words("impact_event_before"), showarrow=False
        )
    figure.add_hline(y=0, line={"color": TARGET_COLOUR, "dash": "dash", "width": 1})
    figure.add_vline(x=0, line={"color": TARGET_COLOUR, "width": 1})
    figure.update_xaxes(dtick=6)
    return layout(figure, words(title), words("impact_event_axis_months"), words(axis))


def event_study_table(estimates: pd.DataFrame, outcome: str, words: Words) -> pd.DataFrame:
    """The event study as figures: per month since certification, the estimate and its 95% interval
    (the band would read as one column of its upper edge)."""
    scale = EVENT_STUDY_OUTCOMES[outcome][2]
    rows = _event_months(estimates, outcome)
    table = pd.DataFrame(
        {
            words(key): (rows[column].astype(float) * scale).round(2).tolist()
            for key, column in (
                ("impact_event_estimate", "estimate"),
                ("impact_event_lower", "lower"),
                ("impact_event_upper", "upper"),
            )
        },
        index=[words("impact_event_month", month=int(m)) for m in rows["event_month"]],
    )
    return table


def _signed(value: float) -> str:
    return f"{value:+.2f}"


def event_study_summary(estimates: pd.DataFrame, outcome: str) -> dict | None:
    """What the page says under the chart: the overall estimate after certification with its interval,
    the estimate a year after, and whether every month before has zero inside its interval."""
    rows = estimates[estimates["outcome"] == outcome]
    overall = rows[rows["event_month"].isna()]
    if overall.empty:
        return None
    months = rows.dropna(subset=["event_month"]).set_index("event_month")
    before = months[(months.index < -1)]
    scale = EVENT_STUDY_OUTCOMES[outcome][2]
    year_after = months.loc[12] if 12 in months.index else None
    return {
        "estimate": overall.iloc[0]["estimate"] * scale,
        "lower": overall.iloc[0]["lower"] * scale,
        "upper": overall.iloc[0]["upper"] * scale,
        "people": int(overall.iloc[0]["people"]),
        "year_after": None if year_after is None else year_after["estimate"] * scale,
        "parallel_before": bool(((before["lower"] <= 0) & (before["upper"] >= 0)).all())
        if len(before)
        else None,
    }


def cohort_table(cohorts: list[dict], rates: pd.DataFrame, words: Words) -> pd.DataFrame:
    """Contract 4.3's cohort rows as the page's table: counts for the cohort and its comparison group."""
    return pd.DataFrame(
        {
            "cohort": [cohort_label(row, words) for _, row in rates.iterrows()],
            "reference_day": [c["reference_day"] for c in cohorts],
            "people": [c["people"] for c in cohorts],
            "cohort_makers_before": [c["makers_before"] for c in cohorts],
            "cohort_makers_after": [c["makers_after"] for c in cohorts],
            "comparison_people": [c["comparison"]["people"] for c in cohorts],
            "comparison_makers_before": [c["comparison"]["makers_before"] for c in cohorts],
            "comparison_makers_after": [c["comparison"]["makers_after"] for c in cohorts],
            "difference_pp": [fmt.points(c["difference_pp"], words.lang) for c in cohorts],
        }
    )


COHORT_TABLE_COLUMNS = {
    "cohort": "col_impact_cohort",
    "reference_day": "col_impact_reference_day",
    "people": "col_impact_cohort_people",
    "cohort_makers_before": "col_impact_makers_before",
    "cohort_makers_after": "col_impact_makers_after",
    "comparison_people": "col_impact_comparison_people",
    "comparison_makers_before": "col_impact_comparison_makers_before",
    "comparison_makers_after": "col_impact_comparison_makers_after",
    "difference_pp": "col_impact_difference_pp",
}
BUILDERS_TABLE_COLUMNS = {
    "cohort": "col_impact_cohort",
    "level": "col_impact_level",
    "people": "col_impact_cohort_people",
    "makers": "col_impact_makers",
    "apps_per_person": "col_impact_apps_per_person",
    "hours_per_person": "col_impact_hours_per_person",
    "median_days_to_first_app": "col_impact_days_to_first_app",
}
RATES_TABLE_COLUMNS = {
    "cohort": "col_impact_cohort",
    "nominations": "col_impact_nominations",
    "certified_per_nomination": "col_impact_certified_per_nomination",
    "maker_rate": "col_impact_maker_rate",
    "apps_rate": "col_impact_apps_rate",
    "hours_rate": "col_impact_hours_rate",
}
MANAGERS_TABLE_COLUMNS = {
    "bureau_name": "col_bureau",
    "new_managers": "col_impact_new_managers",
    "attended_bronze": "col_impact_attended_bronze",
    "attended_share": "col_impact_attended_share",
}


def rates_table(intake: pd.DataFrame, cohorts: list[int], lang: str) -> pd.DataFrame:
    """The planner's rates, one row per cohort it used: per nomination (Gold: per place) and per certified
    person (one programme's rows of report_impact_rates)."""
    used = intake[intake["fiscal_year"].isin(cohorts)]
    return pd.DataFrame(
        {
            "cohort": [fmt.fiscal_year(int(y), lang) for y in used["fiscal_year"]],
            "nominations": used["intake"],
            "certified_per_nomination": (used["people"] / used["intake"]).round(2),
            "maker_rate": (used["makers"] / used["people"]).map(fmt.percent),
            "apps_rate": (used["apps"] / used["people"]).round(2),
            "hours_rate": (used["hours_saved"] / used["people"]).round(1),
        }
    )


GOLD_RATES_TABLE_COLUMNS = RATES_TABLE_COLUMNS | {
    "nominations": "col_impact_gold_places",
    "certified_per_nomination": "col_impact_certified_per_place",
}
# the planner's outputs, on the page's cards and the slide's table: plan key, words
PLANNER_OUTPUTS = (
    ("certified", "impact_planner_certified"),
    ("makers", "impact_planner_makers"),
    ("apps", "impact_planner_apps"),
    ("hours", "impact_planner_hours"),
)


PLANNER_UNITS = {"certified": "unit_people", "makers": "unit_people", "apps": "unit_apps"}


def planner_reach(reach: dict, lang: str) -> dict[str, str]:
    """The planner's cumulative DX talent (metrics.planner's `reach`) as its sentence's words: the range
    at next year's end, and the target with the last year of its plan."""
    return {
        "low": fmt.integer(reach["low"]),
        "high": fmt.integer(reach["high"]),
        "year": fmt.fiscal_year(reach["year"], lang),
        "target": fmt.integer(reach["target"]),
        "end": fmt.fiscal_year(reach["target_end"], lang),
    }


def planner_range(plan: dict, name: str, words: Words) -> str:
    """One planner output as the range the page's card and the slide's notes show, in its unit, written
    once where both ends share it (745〜755人, 83〜89本, 2,783–3,412 h, 1.2～1.5万時間), so a card holds it."""
    unit = words(PLANNER_UNITS[name]) if name in PLANNER_UNITS else ""
    write = (lambda v: fmt.hours(v, words.lang)) if name == "hours" else (lambda v: fmt.integer(v, unit=unit))
    low, high = (write(v) for v in plan[name])
    if low == high:  # a single past cohort, or rates that agree: one figure, not "80–80"
        return low
    unit = re.search(r"[^\d.,]*$", high).group()
    if unit and low.endswith(unit):
        low = low[: -len(unit)]
    return words("impact_range", low=low, high=high)
