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
