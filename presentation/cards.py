"""The contract's headline figures as a person reads them: the name, the definition, the value and its
change, each from the `kpis` result. The pages' KPI cards and the briefing's table use the same list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from etl import plans
from presentation import fmt, untrusted
from presentation.words import Words


def _people(value, words: Words) -> str:
    return fmt.integer(value, unit=words("unit_people"))


def _apps(value, words: Words) -> str:
    return fmt.integer(value, unit=words("unit_apps"))


def _share(coverage: dict, words: Words) -> str:
    total = coverage["departments_total"]
    return fmt.percent(coverage["departments_covered"] / total if total else None)


@dataclass(frozen=True)
class Headline:
    """One figure of `kpis`: where it sits in the result, its words and how it is written."""

    path: tuple[str, ...]  # keys into the kpis result: ("certified", "silver")
    label_key: str
    help_key: str
    show: Callable[[object, Words], str]  # the value as a card writes it
    change: Callable[[object, str], str]  # a change of the value, as fmt writes it
    params: tuple[tuple[str, str], ...] = ()  # label and help parameters that are words themselves
    compared: tuple[str, ...] | None = None  # what the change counts, where not the value itself

    def value(self, kpis: dict, path: tuple[str, ...] | None = None):
        for key in path or self.path:
            kpis = kpis[key]
        return kpis

    def _params(self, words: Words) -> dict:
        return {name: words(key) for name, key in self.params}

    def label(self, words: Words) -> str:
        return words(self.label_key, **self._params(words))

    def help(self, words: Words) -> str:
        return words(self.help_key, **self._params(words))

    def shown(self, kpis: dict, words: Words) -> str:
        return self.show(self.value(kpis), words)

    def plan_text(self, plan: float, words: Words) -> str:
        """A plan of this figure (contract 4.2) written like the figure; leader coverage plans a share."""
        if self.compared:  # a figure shown as a share of something (leader coverage)
            return fmt.percent(plan)
        return self.show(plan, words)

    def delta(self, now: dict, before: dict | None, words: Words) -> str | None:
        """The signed change on what `before` holds (None when there is nothing to compare with)."""
        if before is None:
            return None
        path = self.compared or self.path
        return fmt.change(self.value(now, path), self.value(before, path), self.change, words.lang)


def _level(level: str) -> Headline:
    return Headline(
        ("certified", level),
        "kpi_certified",
        "kpi_certified_help",
        _people,
        fmt.integer,
        (("level", f"level_{level}"),),
    )


HEADLINES: dict[str, Headline] = {
    "dx_talent": Headline(
        ("dx_talent_cumulative",), "kpi_dx_talent", "kpi_dx_talent_help", _people, fmt.integer
    ),
    "certified_silver": _level("silver"),
    "certified_gold": _level("gold"),
    "certified_bronze": _level("bronze"),
    "hours_saved": Headline(
        ("hours_saved",), "kpi_hours", "kpi_hours_help", lambda v, w: fmt.hours(v, w.lang), fmt.hours
    ),
    "cost_avoided": Headline(
        ("cost_avoided_cumulative_yen",),
        "kpi_cost",
        "kpi_cost_help",
        lambda v, w: fmt.yen(v, w.lang),
        fmt.yen,
    ),
    "apps_in_operation": Headline(("apps_in_operation",), "kpi_apps", "kpi_apps_help", _apps, fmt.integer),
    "active_apps": Headline(("active_apps",), "kpi_active_apps", "kpi_active_apps_help", _apps, fmt.integer),
    "leader_coverage": Headline(
        ("leader_coverage",),
        "kpi_coverage",
        "kpi_coverage_help",
        _share,
        fmt.integer,
        compared=("leader_coverage", "departments_covered"),
    ),
}


# the hex of each band colour of the settings (etl.plans.BAND_COLOURS) where a slide or the PDF paints a
# grade: white text on each reaches WCAG's 4.5:1; the screens use Streamlit's badge of the same name
BAND_HEX = {
    "green": "#1B7A3E",
    "blue": "#1F5EA8",
    "orange": "#A04F00",
    "red": "#B42318",
    "violet": "#6941C6",
    "gray": "#5F6B7A",
}
NOT_RATED_COLOUR = "gray"


def grade_text(letter: str | None, words: Words) -> str:
    """A grade as the office writes it: its letter and its band's words ("B 目標達成"), or 評価不能."""
    return _band_text(plans.band_of(letter), words)


def _band_text(band: plans.Band | None, words: Words) -> str:
    return f"{band.letter} {band.words(words.lang)}" if band else words("grade_none")


def grade_colour(letter: str | None) -> str:
    """The hex a slide paints a grade on (the band's colour; gray where nothing is rated)."""
    band = plans.band_of(letter)
    return BAND_HEX[band.colour if band else NOT_RATED_COLOUR]


def plan_line(name: str, kpis: dict, words: Words) -> str | None:
    """Plan, achievement and grade of a headline figure as a markdown line (a coloured badge that
    carries its letter and words), or None when the year has no plan for it."""
    judged = kpis["plan"].get(name)
    if not judged:
        return None
    band = plans.band_of(judged["grade"])
    colour = band.colour if band else NOT_RATED_COLOUR
    return words(
        "kpi_plan_line",
        plan=HEADLINES[name].plan_text(judged["plan"], words),
        pct=fmt.percent(judged["achievement"]),
        # the band's words are the office's settings: shown as text, never as markup
        grade=f":{colour}-badge[{untrusted.markdown(_band_text(band, words))}]",
    )
