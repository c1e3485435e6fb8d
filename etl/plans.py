"""Plans and grades (contract 4.2): what a `targets` row asks of a fiscal year, and how far a figure reaches."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path

from etl import config
from etl.fiscal import days_in_year, fiscal_year_end, fiscal_year_start
from etl.messages import msg

# metric of a targets row -> how its plan is read
CUMULATIVE = ("dx_talent", "cost_avoided")
FLOWS = ("hours_saved", "certified_bronze", "certified_silver", "certified_gold")
# a count of distinct apps and a share of departments do not grow with the days passed: never pro-rated
LEVELS = ("apps_in_operation", "active_apps", "leader_coverage")
METRICS = CUMULATIVE + FLOWS + LEVELS

# the colours a band may take: the names Streamlit's badges know (the screens' hex of each is the
# presentation layer's, so a card and a slide show one colour per band)
BAND_COLOURS = ("green", "blue", "orange", "red", "violet", "gray")


@dataclass(frozen=True)
class Band:
    """One grade of the office's scheme: a figure whose achievement reaches `lower` (a share of the plan,
    1.2 is 120%) and no earlier band's earns `letter`."""

    letter: str
    lower: Fraction
    ja: str
    en: str
    colour: str

    def words(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


# the city's own scheme for its strategy KPIs (北九州市 総合戦略 KPI達成状況)
DEFAULT_BANDS: tuple[Band, ...] = (
    Band("A", Fraction(6, 5), "目標を大きく上回る", "well above plan", "green"),
    Band("B", Fraction(1), "目標達成", "plan met", "blue"),
    Band("C", Fraction(7, 10), "目標を下回る", "below plan", "orange"),
    Band("D", Fraction(0), "目標を大きく下回る", "well below plan", "red"),
)


class BandsProblem(ValueError):
    """Why a bands setting cannot be used: a message key of etl.messages and its parameters."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params


def _band(entry, number: int) -> Band:
    if not isinstance(entry, dict):
        raise BandsProblem("bands_not_table", number=number)
    letter, ja, en = (entry.get(name) for name in ("letter", "ja", "en"))
    for name, value in (("letter", letter), ("ja", ja), ("en", en)):
        if not isinstance(value, str) or not value.strip():
            raise BandsProblem("bands_missing", number=number, field=name)
    lower = entry.get("from")
    if isinstance(lower, bool) or not isinstance(lower, int | float) or not 0 <= lower < 100:
        raise BandsProblem("bands_bad_bound", number=number, value=lower)
    colour = entry.get("colour", "gray")
    if colour not in BAND_COLOURS:
        raise BandsProblem("bands_bad_colour", number=number, value=colour, allowed=", ".join(BAND_COLOURS))
    return Band(letter.strip(), Fraction(str(lower)), ja.strip(), en.strip(), colour)


def parse_bands(grades: dict) -> tuple[Band, ...]:
    """The `[grades]` table's bands, checked: highest bound first, each lower than the one before, the last
    from 0 (so every achievement earns a band), no letter twice."""
    entries = grades.get("bands") if isinstance(grades, dict) else None
    if not isinstance(entries, list) or not entries:
        raise BandsProblem("bands_none")
    bands = tuple(_band(entry, number) for number, entry in enumerate(entries, start=1))
    for number, (higher, lower) in enumerate(zip(bands, bands[1:], strict=False), start=2):
        if not lower.lower < higher.lower:
            raise BandsProblem("bands_not_descending", number=number)
    if bands[-1].lower != 0:
        raise BandsProblem("bands_last_not_zero", letter=bands[-1].letter)
    letters = [band.letter for band in bands]
    if len(set(letters)) != len(letters):
        raise BandsProblem("bands_letter_twice")
    return bands


def load_bands(path: Path | None = None) -> tuple[tuple[Band, ...], tuple[str, dict] | None]:
    """The grade bands of the office's settings file, and a warning (message key, parameters) where they
    cannot be used. A missing file means the defaults; a broken one never stops the figures: the
    defaults apply and the warning says why."""
    path = path or config.settings_path()
    if not path.exists():
        return DEFAULT_BANDS, None
    try:
        with path.open("rb") as handle:
            grades = tomllib.load(handle).get("grades")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return DEFAULT_BANDS, (
            "bands_fallback",
            {
                "file": path.name,
                "problem": (
                    "bands_unreadable",
                    {"detail": str(error).splitlines()[0] if str(error) else type(error).__name__},
                ),
            },
        )
    if grades is None:
        return DEFAULT_BANDS, None
    try:
        return parse_bands(grades), None
    except BandsProblem as problem:
        return DEFAULT_BANDS, (
            "bands_fallback",
            {"file": path.name, "problem": (problem.key, problem.params)},
        )


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


def grade(achievement: Fraction | None, bands: tuple[Band, ...]) -> str | None:
    """The letter of the first band whose lower bound the achievement reaches; None where there is
    nothing to judge (no plan, a plan of 0, no figure)."""
    if achievement is None:
        return None
    for band in bands:
        if achievement >= band.lower:
            return band.letter
    return None


def judge(plan: Fraction, value: Fraction | None, bands: tuple[Band, ...]) -> dict:
    """{plan, achievement, grade} as `kpis --json` prints them."""
    achievement = value / plan if value is not None and plan > 0 else None
    return {
        "plan": float(plan),
        "achievement": None if achievement is None else float(achievement),
        "grade": grade(achievement, bands),
    }


def band_of(letter: str | None, bands: tuple[Band, ...] | None = None) -> Band | None:
    """The band a grade letter stands for (the settings' bands unless given), None for "not rated"."""
    if letter is None:
        return None
    return next((band for band in bands or load_bands()[0] if band.letter == letter), None)


def covering(targets: list[Target], fiscal_year: int) -> dict[str, Target]:
    """The target of each known metric whose range covers the year; the one that starts latest wins."""
    chosen: dict[str, Target] = {}
    for target in sorted(targets, key=lambda t: t.fy_from):
        if target.metric in METRICS and target.fy_from <= fiscal_year <= target.fy_to:
            chosen[target.metric] = target
    return chosen


def describe(warning: tuple[str, dict], lang: str | None = None) -> str:
    """A bands warning of `load_bands` in words (the problem inside the fallback message)."""
    key, params = warning
    problem_key, problem_params = params["problem"]
    defaults = ", ".join(f"{band.letter} ≥ {float(band.lower):.0%}" for band in DEFAULT_BANDS)
    problem = msg(problem_key, lang, **problem_params)
    return msg(key, lang, file=params["file"], defaults=defaults, problem=problem)
