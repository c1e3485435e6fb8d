"""One card model: a figure as a person reads it (label, value, change, what the change is against,
plan, achievement, band), built once from the `kpis` result or a report's row. The pages' KPI cards
(shell.components.show_card) and the briefing's table of headline figures both render a `Card`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from etl import plans
from presentation import fmt, untrusted
from presentation.words import LEVEL_WORDS, Words, translate


def _people(value, words: Words) -> str:
    return fmt.integer(value, unit=words("unit_people"))


def _apps(value, words: Words) -> str:
    return fmt.integer(value, unit=words("unit_apps"))


def _counted(unit_key: str) -> Callable[[object, str], str]:
    """A count's change with the count's unit, as the figure beside it is written: +758人 / +758."""
    return lambda value, lang: fmt.integer(value, lang, translate(lang, unit_key))


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
        _counted("unit_people"),
        (("level", LEVEL_WORDS[level]),),
    )


HEADLINES: dict[str, Headline] = {
    "dx_talent": Headline(
        ("dx_talent_cumulative",), "kpi_dx_talent", "kpi_dx_talent_help", _people, _counted("unit_people")
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
    "apps_in_operation": Headline(
        ("apps_in_operation",), "kpi_apps", "kpi_apps_help", _apps, _counted("unit_apps")
    ),
    "active_apps": Headline(
        ("active_apps",), "kpi_active_apps", "kpi_active_apps_help", _apps, _counted("unit_apps")
    ),
    "leader_coverage": Headline(
        ("leader_coverage",),
        "kpi_coverage",
        "kpi_coverage_help",
        _share,
        fmt.departments,  # the change counts departments, beside a share: with its unit
        compared=("leader_coverage", "departments_covered"),
    ),
    "elearning_learners": Headline(
        ("elearning", "learners"),
        "kpi_elearning_learners",
        "kpi_elearning_learners_help",
        _people,
        _counted("unit_people"),
    ),
    "elearning_hours": Headline(
        ("elearning", "hours"),
        "kpi_elearning_hours",
        "kpi_elearning_hours_help",
        lambda v, w: fmt.hours(v, w.lang),
        fmt.hours,
    ),
    "elearning_completions": Headline(
        ("elearning", "completions"),
        "kpi_elearning_completions",
        "kpi_elearning_completions_help",
        lambda v, w: fmt.integer(v, unit=w("unit_items")),
        _counted("unit_items"),
    ),
}
ELEARNING = ("elearning_learners", "elearning_hours", "elearning_completions")


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


@dataclass(frozen=True)
class Comparison:
    """What a year's figures are set against (contract 4.1), decided in one place for every page and the
    briefing: `figures` (a kpis result or a report's row, None when there is nothing to compare with),
    the words a card writes under its change, and the shorter words of a table's header."""

    figures: object | None
    described: str | None  # under a card's change: "YoY", "vs same period (Apr–Oct)"
    header: str | None  # in a table's header: "YoY", "vs same period"
    in_progress: bool = False  # the year is in progress and nothing of the same period was at hand


def comparison(complete: bool, previous_year, same_period, as_of: str | None, words: Words) -> Comparison:
    """A year complete is set against the whole year before (`previous_year`, None where it has no
    data). A year in progress is set against the same period of the year before (`same_period`, which
    `kpis` gives), never against a whole year: seven months are not set against twelve. Where a year in
    progress has no same-period figures (a report of whole years), there is no comparison at all."""
    if complete:
        label = words("vs_previous_label")
        return Comparison(previous_year, label, label)
    if same_period is not None and as_of:
        period = fmt.year_to_date(date.fromisoformat(as_of), words.lang)
        return Comparison(
            same_period, words("vs_same_period_months", period=period), words("vs_same_period_label")
        )
    return Comparison(None, None, None, in_progress=True)


def _day(iso: str, words: Words) -> str:
    return fmt.day(date.fromisoformat(iso), words.lang)


def kpi_comparison(now: dict, previous_year: dict | None, words: Words) -> Comparison:
    """The comparison of a `kpis` result: `previous_year` is the kpis of the year before, if it has data."""
    return comparison(now["year_complete"], previous_year, now["same_period_last_year"], now["as_of"], words)


@dataclass(frozen=True)
class Card:
    """A figure as a card or a table row shows it. Everything is already written in the reader's words."""

    label: str
    value: str
    help: str
    change: str | None = None  # signed ("+758"), None when there is nothing to compare with
    compared_with: str | None = None  # what the change is against
    notes: tuple[str, ...] = ()  # small lines under the card: "To date (as of 31 Oct 2026)"
    plan: str | None = None  # the plan written like the value (contract 4.2), None when unplanned
    achievement: str | None = None  # "89.7%"
    band: plans.Band | None = None  # the grade's band; None with a plan means not rated

    @property
    def planned(self) -> bool:
        return self.plan is not None

    @property
    def grade(self) -> str | None:
        return self.band.letter if self.band else None

    def grade_text(self, words: Words) -> str:
        return _band_text(self.band, words)

    def grade_colour(self) -> str:
        """The hex a slide or the PDF paints the grade on."""
        return BAND_HEX[self.band.colour if self.band else NOT_RATED_COLOUR]

    def plan_line(self, words: Words) -> str | None:
        """Plan, achievement and grade as a markdown line (a coloured badge that carries its letter and
        words), or None when the year has no plan for the figure."""
        if not self.planned:
            return None
        colour = self.band.colour if self.band else NOT_RATED_COLOUR
        return words(
            "kpi_plan_line",
            plan=self.plan,
            pct=self.achievement,
            # the band's words are the office's settings: shown as text, never as markup
            grade=f":{colour}-badge[{untrusted.markdown(self.grade_text(words))}]",
        )


def headline_card(name: str, now: dict, against: Comparison, words: Words) -> Card:
    """The card of headline figure `name` (HEADLINES) of a `kpis` result."""
    headline = HEADLINES[name]
    judged = now["plan"].get(name)
    to_date = () if now["year_complete"] else (words("kpi_to_date", day=_day(now["as_of"], words)),)
    change = headline.delta(now, against.figures, words)
    return Card(
        label=headline.label(words),
        value=headline.shown(now, words),
        help=headline.help(words),
        change=change,
        compared_with=against.described if change else None,
        notes=to_date,
        plan=headline.plan_text(judged["plan"], words) if judged else None,
        achievement=fmt.percent(judged["achievement"]) if judged else None,
        band=plans.band_of(judged["grade"]) if judged else None,
    )


def report_card(
    label: str,
    help_text: str,
    value,
    previous,
    against: Comparison,
    show: Callable[[object, str], str],
    words: Words,
    change: Callable[[object, str], str] | None = None,
) -> Card:
    """The card of a report's figure: `value` written by `show`, its change on `previous` (the same
    figure in `against.figures`, None when there is nothing to compare with) by `change`, else by `show`
    (a count's change in the count's unit, as the figure: "+12件")."""
    delta = fmt.change(value, previous, change or show, words.lang)
    return Card(
        label=label,
        value=show(value, words.lang) if value is not None else "—",
        help=help_text,
        change=delta,
        compared_with=against.described if delta else None,
    )
