"""Charts as the pages show them: a figure builder with its translated title, axes and legend."""

from __future__ import annotations

import pandas as pd

from ui import figures, fmt
from ui.i18n import lang, t

LEVELS = ("bronze", "silver", "gold")


def _levels() -> dict[str, str]:
    return {level: t(f"level_{level}") for level in LEVELS}


def talent_vs_target(frame: pd.DataFrame, projection: dict | None):
    labels = {
        "title": t("chart_talent_title"),
        "x": t("axis_fiscal_year"),
        "y": t("axis_people"),
        "actual": t("chart_talent_actual"),
        "target": t("chart_talent_target"),
        "projection": t("chart_talent_projection"),
    }
    return figures.talent_vs_target(frame, projection, labels, lang())


def hours_by_month(monthly: pd.DataFrame):
    labels = {"title": t("chart_hours_title"), "x": t("axis_month"), "y": t("axis_hours")}
    return figures.hours_by_month(monthly, labels, lang())


def cost_components(frame: pd.DataFrame):
    labels = {
        "title": t("chart_cost_title"),
        "x": t("axis_fiscal_year"),
        "y": t("axis_yen"),
        "initial": t("cost_initial"),
        "running": t("cost_running"),
        "maintenance": t("cost_maintenance"),
    }
    return figures.cost_components(frame, labels, lang())


def certified_by_bureau(frame: pd.DataFrame, fiscal_year: int, per_100: bool = False):
    title = "chart_per_100" if per_100 else "chart_bureau_title"
    labels = {
        "title": t(title, fy=fmt.fiscal_year(fiscal_year, lang())),
        "x": t("axis_per_100" if per_100 else "axis_people"),
        "y": t("axis_bureau"),
        "unknown": t("bureau_unknown"),
        **_levels(),
    }
    if per_100:
        return figures.certified_by_bureau(
            frame.dropna(subset=["per_100_staff"]), labels, value="per_100_staff"
        )
    return figures.certified_by_bureau(frame, labels)


def certified_by_level_and_year(frame: pd.DataFrame):
    labels = {
        "title": t("chart_certified_by_fy"),
        "x": t("axis_fiscal_year"),
        "y": t("axis_people"),
        **_levels(),
    }
    return figures.certified_by_level_and_year(frame, labels, lang())


def by_year(frame: pd.DataFrame, series: dict[str, str], title: str, y_axis: str):
    """Bars per fiscal year for the given columns (column -> i18n key of its legend name)."""
    labels = {"title": t(title), "x": t("axis_fiscal_year"), "y": t(y_axis)}
    return figures.bars_by_year(frame, {c: t(k) for c, k in series.items()}, labels, lang())


def hours_by_bureau(frame: pd.DataFrame, fiscal_year: int):
    labels = {
        "title": t("chart_hours_by_bureau", fy=fmt.fiscal_year(fiscal_year, lang())),
        "x": t("axis_hours"),
        "y": t("axis_bureau"),
        "unknown": t("bureau_unknown"),
    }
    return figures.hours_by_bureau(frame, labels)


STEPS = ("nominated", "trained", "submitted", "certified")


def funnel(frame: pd.DataFrame, level: str, fiscal_year: int):
    """The city-wide funnel of a level, skipping steps with no data; None when there is no data."""
    city = frame[frame["bureau_name"] == "__all__"]
    if city.empty:
        return None
    row = city.iloc[0]
    steps = [(t(f"step_{step}"), int(row[step])) for step in STEPS if row[f"has_{step}"]]
    title = t("funnel_title", level=t(f"level_{level}"), fy=fmt.fiscal_year(fiscal_year, lang()))
    return figures.funnel(steps, title, figures.LEVEL_COLOURS[level])


def share_comparison(frame: pd.DataFrame, fiscal_year: int):
    labels = {
        "title": t("delivery_title", fy=fmt.fiscal_year(fiscal_year, lang())),
        "x": t("axis_share"),
        "y": t("axis_bureau"),
        "unknown": t("bureau_unknown"),
        "talent_share": t("talent_share"),
        "staff_share": t("staff_share"),
    }
    return figures.share_comparison(frame, labels)


def coverage_treemap(frame: pd.DataFrame, fiscal_year: int):
    labels = {
        "title": t("coverage_title", fy=fmt.fiscal_year(fiscal_year, lang())),
        "hover": t("coverage_hover", leaders="{leaders}", talent="{talent}", staff="{staff}"),
        "none": t("coverage_none"),
        "one": t("coverage_one"),
        "two": t("coverage_two"),
    }
    return figures.coverage_treemap(frame, labels)


def progression(frame: pd.DataFrame):
    shown = frame.assign(gold_percent=frame["gold_share"] * 100)
    labels = {"title": t("progression_title"), "x": t("axis_fiscal_year"), "y": t("col_gold_share")}
    figure = figures.bars_by_year(
        shown.rename(columns={"cohort": "fiscal_year"}),
        {"gold_percent": t("col_gold_share")},
        labels,
        lang(),
        [figures.LEVEL_COLOURS["gold"]],
    )
    figure.update_yaxes(ticksuffix="%")
    return figure


def retention(frame: pd.DataFrame):
    series = {"dx_talent_cumulative": t("chart_talent_actual"), "dx_talent_active": t("kpi_active_talent")}
    labels = {"title": t("retention_title"), "x": t("axis_fiscal_year"), "y": t("axis_people")}
    return figures.bars_by_year(
        frame, series, labels, lang(), [figures.LEVEL_COLOURS["silver"], figures.OKABE_ITO[2]]
    )


def funnel_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The funnel by bureau with the share certified of the first step that has data."""
    first = next((step for step in STEPS if frame.iloc[0][f"has_{step}"]), "certified")
    table = frame.copy()
    table["bureau_name"] = table["bureau_name"].map(
        lambda b: (
            t("filter_bureau_all") if b == "__all__" else t("bureau_unknown") if b == "__unknown__" else b
        )
    )
    table["conversion"] = (table["certified"] / table[first].where(table[first] > 0)).map(fmt.percent)
    return table


def funnel_columns(city) -> dict[str, str]:
    steps = {step: f"step_{step}" for step in STEPS if city[f"has_{step}"]}
    return {"bureau_name": "col_bureau", **steps, "conversion": "col_conversion"}


def inventory(frame: pd.DataFrame):
    series = {
        "created": t("series_created"),
        "released": t("series_released"),
        "retired": t("series_retired"),
    }
    labels = {"title": t("chart_inventory"), "x": t("axis_month"), "y": t("axis_apps")}
    return figures.monthly_events(frame, series, labels)


def makers(frame: pd.DataFrame):
    series = {
        "makers": "series_makers",
        "new_makers": "series_new_makers",
        "dx_talent_makers": "series_dx_makers",
    }
    return by_year(frame, series, "chart_makers", "axis_people")


def makers_by_bureau(frame: pd.DataFrame, fiscal_year: int):
    names = [t("bureau_unknown") if b == "__unknown__" else b for b in frame["bureau_name"]]
    labels = {
        "title": t("chart_makers_by_bureau", fy=fmt.fiscal_year(fiscal_year, lang())),
        "x": t("axis_people"),
        "y": t("axis_bureau"),
    }
    return figures.horizontal_bars(names, frame["makers"], labels)


def pareto(cumulative: pd.Series, fiscal_year: int):
    labels = {
        "title": t("chart_pareto", fy=fmt.fiscal_year(fiscal_year, lang())),
        "x": t("axis_share_apps"),
        "y": t("axis_share_hours"),
    }
    return figures.pareto_curve(cumulative, labels)


def hours_by_app(apps: pd.DataFrame, fiscal_year: int, top: int = 20):
    """The top apps by hours saved (the rest are summed in the caption `others_caption` gives)."""
    head = apps.nlargest(top, "hours_saved")
    names = list(head["app_name"] + " (" + head["app_id"] + ")")
    labels = {
        "title": t("chart_hours_by_app", fy=fmt.fiscal_year(fiscal_year, lang())),
        "x": t("axis_hours"),
        "y": t("col_app"),
    }
    return figures.horizontal_bars(names, head["hours_saved"], labels)


def others_caption(apps: pd.DataFrame, top: int = 20) -> str:
    rest = apps.drop(apps.nlargest(top, "hours_saved").index)
    return t("others_total", count=fmt.integer(len(rest)), hours=fmt.hours(rest["hours_saved"].sum(), lang()))


def hours_by_category(frame: pd.DataFrame, fiscal_year: int):
    language = lang()
    series = {
        "hours_saved": fmt.fiscal_year(fiscal_year, language),
        "hours_saved_previous": fmt.fiscal_year(fiscal_year - 1, language),
    }
    names = [k or "—" for k in frame["key"]]
    labels = {"title": t("chart_hours_by_category"), "x": t("axis_hours"), "y": t("col_category")}
    return figures.grouped_horizontal(frame, names, series, labels)


def estimated_vs_realised(frame: pd.DataFrame, fiscal_year: int):
    series = {"estimated_hours": t("series_estimated"), "realised_hours": t("series_realised")}
    names = list(frame["app_name"])
    labels = {
        "title": t("chart_estimate", fy=fmt.fiscal_year(fiscal_year, lang())),
        "x": t("axis_hours"),
        "y": t("col_app"),
    }
    return figures.grouped_horizontal(frame, names, series, labels)


def cost_band(frame: pd.DataFrame, low: float, high: float):
    labels = {
        "title": t("chart_cost_band"),
        "x": t("axis_fiscal_year"),
        "y": t("axis_yen"),
        "base": t("band_base"),
        "low": t("band_low"),
        "high": t("band_high"),
        "band": t("scenario_caption", low=f"{low:g}", high=f"{high:g}"),
    }
    return figures.cost_band(frame, labels, lang())


def costs_by_bureau(frame: pd.DataFrame, fiscal_year: int):
    labels = {
        "title": t("chart_cost_by_bureau", fy=fmt.fiscal_year(fiscal_year, lang())),
        "x": t("axis_yen"),
        "y": t("axis_bureau"),
        "unknown": t("bureau_unknown"),
        "initial": t("cost_initial"),
        "running": t("cost_running"),
        "maintenance": t("cost_maintenance"),
    }
    return figures.stacked_components_by_bureau(frame, labels, lang())


def value_of_hours(frame: pd.DataFrame, hourly_yen: float):
    language = lang()
    divisor = 1e8 if language == "ja" else 1e9
    shown = frame.assign(value=frame["hours_saved"] * hourly_yen / divisor)
    labels = {
        "title": t("chart_value_of_hours", rate=fmt.yen(hourly_yen, language)),
        "x": t("axis_fiscal_year"),
        "y": t("axis_yen"),
    }
    return figures.bars_by_year(
        shown, {"value": t("series_value_of_hours")}, labels, language, [figures.OKABE_ITO[2]]
    )
