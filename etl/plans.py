"""Plans and grades (contract 4.2): what a `targets` row asks of a fiscal year, and how far a figure reaches."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path

from etl import config
from etl.fiscal import days_in_year, fiscal_year_end, fiscal_year_start

# metric of a targets row -> how its plan is read
CUMULATIVE = ("dx_talent", "cost_avoided")
FLOWS = ("hours_saved", "certified_bronze", "certified_silver", "certified_gold", "active_apps")
LEVELS = ("apps_in_operation", "leader_coverage")
METRICS = CUMULATIVE + FLOWS + LEVELS


@dataclass(frozen=True)
class Thresholds:
    """Achievement from which a figure earns grade A, and grade B; below B it is C."""

    a: Fraction = Fraction(1)
    b: Fraction = Fraction(4, 5)


def load_thresholds(path: Path | None = None) -> tuple[Thresholds, str | None]:
    """The grade thresholds of the office's settings file, with a warning where it cannot be used.

    A broken or odd file never stops the figures: the defaults apply and the warning says why.
    """
    path = path or config.settings_path()
    if not path.exists():
        return Thresholds(), None
    try:
        with path.open("rb") as handle:
            grades = tomllib.load(handle).get("grades", {})
        a = Fraction(str(grades.get("a_from", 1.0)))
        b = Fraction(str(grades.get("b_from", 0.8)))
    except (OSError, tomllib.TOMLDecodeError, ValueError, TypeError, AttributeError) as error:
        return Thresholds(), f"{path.name}: {str(error).splitlines()[0] if str(error) else error!r}"
    if not 0 < b <= a:
        return Thresholds(), f"{path.name}: grades need 0 < b_from <= a_from"
    return Thresholds(a, b), None


def figure(kpis: dict, metric: str) -> Fraction | None:
    """The kpis figure a metric of the targets file is judged on (leader coverage as a share)."""
    if metric == "dx_talent":
        value = kpis["dx_talent_cumulative"]
    elif metric == "cost_avoided":
        value = kpis["cost_avoided_cumulative_yen"]
    elif metric.startswith("certified_"):
        value = kpis["certified"][metric.removeprefix("certified_")]
    elif metric == "leader_coverage":
        coverage = kpis["leader_coverage"]
        if not coverage["departments_total"]:
            return None
        return Fraction(coverage["departments_covered"], coverage["departments_total"])
    else:
        value = kpis[metric]
    return None if value is None else Fraction(value)


@dataclass(frozen=True)
class Target:
    metric: str
    fy_from: int
    fy_to: int
    value: float


def plan_for(
    target: Target, fiscal_year: int, as_of: date | None, complete: bool, base: Fraction | None = None
) -> Fraction:
    """The plan of `fiscal_year` (inside the target's range), read at its end or, in a year in progress, at as_of.

    Cumulative: on a straight line from `base` (the figure at the end of fy_from-1) on fy_from's first day
    to `value` on fy_to's last day. Yearly flows: `value` each year, pro-rated to as_of in a year in
    progress. Levels: `value`, never pro-rated.
    """
    value = Fraction(target.value)
    if target.metric in CUMULATIVE:
        first, last = fiscal_year_start(target.fy_from), fiscal_year_end(target.fy_to)
        day = fiscal_year_end(fiscal_year) if complete or as_of is None else as_of
        day = min(max(day, first), last)
        start = base or Fraction(0)
        return start + (value - start) * Fraction((day - first).days, (last - first).days)
    if target.metric in FLOWS and not complete and as_of is not None:
        elapsed = max((as_of - fiscal_year_start(fiscal_year)).days + 1, 0)
        return value * Fraction(min(elapsed, days_in_year(fiscal_year)), days_in_year(fiscal_year))
    return value


def grade(achievement: Fraction | None, thresholds: Thresholds) -> str:
    if achievement is None:
        return "D"
    if achievement >= thresholds.a:
        return "A"
    if achievement >= thresholds.b:
        return "B"
    return "C"


def judge(plan: Fraction, value: Fraction | None, thresholds: Thresholds) -> dict:
    """{plan, achievement, grade} as `kpis --json` prints them."""
    achievement = value / plan if value is not None and plan > 0 else None
    return {
        "plan": float(plan),
        "achievement": None if achievement is None else float(achievement),
        "grade": grade(achievement, thresholds),
    }


def covering(targets: list[Target], fiscal_year: int) -> dict[str, Target]:
    """The target of each known metric whose range covers the year; the one that starts latest wins."""
    chosen: dict[str, Target] = {}
    for target in sorted(targets, key=lambda t: t.fy_from):
        if target.metric in METRICS and target.fy_from <= fiscal_year <= target.fy_to:
            chosen[target.metric] = target
    return chosen
