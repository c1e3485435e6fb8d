"""What the briefing says: its slides as plain data (titles, tables, chart series and the pages' own
plotly figures), gathered from the same reports, kpis and chart builders as the dashboard.

Both writers (PowerPoint and PDF) and the Briefing page read a `Deck`; none of them computes a figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd
import plotly.graph_objects as go

from etl import metrics, reports, settings
from etl.fiscal import to_wareki, today_in_japan
from presentation import fmt, privacy
from presentation.assumptions import DEFAULTS
from presentation.cards import HEADLINES, Comparison, headline_card, kpi_comparison
from presentation.charts import costs as cost_charts
from presentation.charts import hours as hour_charts
from presentation.charts import ideas as idea_charts
from presentation.charts import impact as impact_charts
from presentation.charts import talent as talent_charts
from presentation.charts.base import (
    COST_COLOURS,
    COST_COMPONENTS,
    LEVEL_COLOURS,
    LEVELS,
    OKABE_ITO,
    TARGET_COLOUR,
)
from presentation.charts.quality import warning_params
from presentation.words import COST_WORDS, LEVEL_WORDS, STAGE_WORDS, Language, Words

FTE_HOURS = DEFAULTS["fte_hours"]  # the Hours page's default working hours of one person a year
TOP = 10


def is_figure(text: str) -> bool:
    """Whether a cell holds a figure (set right, as numbers are), not words that start with one."""
    return fmt.is_written_figure(text)


def figure_columns(table: Table) -> list[bool]:
    """Per column, whether it is one of figures (set right): after the first, every cell a figure or —,
    and one a figure at least. A column of words keeps its — on the left with them (a year without a
    grade)."""
    columns = list(zip(*table.rows, strict=True)) if table.rows else [() for _ in table.columns]
    return [
        index > 0 and any(v != "—" for v in cells) and all(is_figure(v) for v in cells)
        for index, cells in enumerate(columns)
    ]


@dataclass
class Series:
    name: str
    values: list[float | None]
    colour: str
    dash: str | None = None  # "dash" | "dot" for a line


@dataclass
class Chart:
    """A chart both as native PowerPoint data and as the dashboard's figure."""

    kind: str  # "bar" | "stacked_bar" | "stacked_bar_h" | "line"
    title: str
    categories: list[str]
    series: list[Series]
    number_format: str  # Excel's: '#,##0' or '#,##0.0'
    axis_title: str
    figure: go.Figure
    data_labels: bool = False  # each bar's value written on it (a small bar beside a tall one)


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    # per row, a colour for the last cell (a grade), or None
    marks: list[str | None] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # relative column widths (equal if empty)
    empty: str = ""  # what a table without rows says in its one row (no department short of leaders)


@dataclass
class Slide:
    title: str  # the finding, in a sentence
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # short lines under the chart


def note_lines(notes: list[str], per_line: int = 150) -> int:
    """About how many printed lines a slide's notes take under its chart (a full-width character counts
    as two), so that the chart gives them room rather than the notes running into the footer."""
    widths = (sum(2 if ord(c) > 0x2E7F else 1 for c in note) for note in notes)
    return sum(max(1, -(-width // per_line)) for width in widths)


@dataclass
class Deck:
    lang: Language
    fiscal_year: int
    scope: str
    as_of: date | None
    year_complete: bool
    demo: bool
    footer: str
    cover_lines: list[str]
    slides: list[Slide]
    kpis: dict


def _year_label(fiscal_year: int, words: Words) -> str:
    return fmt.fiscal_year(fiscal_year, words.lang)


def gather(
    con: duckdb.DuckDBPyConnection,
    fiscal_year: int,
    lang: Language,
    bureau: str | None = None,
    today: date | None = None,
    planned: tuple[int | None, int | None] = (None, None),
    hide_small: bool = False,
) -> Deck:
    """The briefing of a fiscal year, city-wide or for one bureau, in one language; `planned` is next
    year's (Silver nominations, Gold places) for the impact slide, None for the year's own; `hide_small`
    hides small groups of people, as the pages do for a role that sees aggregates only."""
    words = Words(lang)
    if fiscal_year not in metrics.fiscal_years(con):
        raise LookupError(words("no_data"))
    bureaus = [bureau] if bureau else []
    kpis = metrics.kpis(con, fiscal_year, today)
    frame = metrics.kpis_frame(con, None, today)
    frame = frame[frame["fiscal_year"] <= fiscal_year]
    status = metrics.data_status(con)
    as_of = date.fromisoformat(kpis["as_of"]) if kpis["as_of"] else None
    loaded = fmt.moment(status["last_load_at"], lang)
    dataset = words("deck_dataset_demo" if status["dataset"] == "demo" else "deck_dataset_office")
    scope = bureau or words("briefing_city")
    cover = [
        f"{fmt.fiscal_year(fiscal_year, lang)}" + (f"({to_wareki(fiscal_year)})" if lang == "ja" else ""),
        words("deck_scope", scope=scope),
        words("deck_as_of", day=fmt.day(as_of, lang)),
    ]
    if not kpis["year_complete"] and as_of:
        cover.append(words("deck_year_to_date", period=fmt.year_to_date(as_of, lang)))
    cut = fmt.year_cut_of(kpis, fiscal_year, lang)
    slides = [
        _kpi_slide(con, kpis, fiscal_year, words, bool(bureau), today),
        _talent_slide(frame, fiscal_year, words, bool(bureau)),
        _certifications_slide(con, kpis, fiscal_year, bureaus, words, hide_small),
        _hours_slide(con, kpis, fiscal_year, bureaus, words),
        _cost_slide(kpis, frame, words, bool(bureau)),
        _programme_slide(con, fiscal_year, bureaus, words, hide_small, cut),
        _impact_slide(con, fiscal_year, words, today, planned),
        _act_slide(con, fiscal_year, bureaus, words, hide_small, kpis["usage_as_of"]),
        _method_slide(con, fiscal_year, words, today),
    ]
    return Deck(
        lang=lang,
        fiscal_year=fiscal_year,
        scope=scope,
        as_of=as_of,
        year_complete=kpis["year_complete"],
        demo=status["dataset"] == "demo",
        footer=words("deck_footer", dataset=dataset, loaded=loaded),
        cover_lines=cover,
        slides=slides,
        kpis=kpis,
    )


def kpi_rows(kpis: dict, against: Comparison, words: Words) -> Table:
    """Each headline figure's card as a row: change, plan, achievement and grade (contract 4.1, 4.2)."""
    cards = [headline_card(name, kpis, against, words) for name in HEADLINES]
    rows = [
        [
            card.label,
            card.value,
            card.change or "—",
            card.plan or "—",
            card.achievement or "—",
            card.grade_text(words) if card.planned else "—",
        ]
        for card in cards
    ]
    marks = [card.grade_colour() if card.planned else None for card in cards]
    columns = [words("col_figure"), words("col_actual"), words("deck_change_header", compared=against.header)]
    columns += [words(c) for c in ("col_plan", "col_achievement", "col_grade")]
    return Table(columns, rows, marks, [2.7, 1.5, 2.0, 1.6, 1.2, 2.2])  # a band's words on one line


def _kpi_slide(con, kpis: dict, fiscal_year: int, words: Words, scoped: bool, today) -> Slide:
    previous = fiscal_year - 1 in metrics.fiscal_years(con)
    against = kpi_comparison(kpis, metrics.kpis(con, fiscal_year - 1, today) if previous else None, words)
    table = kpi_rows(kpis, against, words)
    title = words(
        "deck_kpi_title",
        fy=_year_label(fiscal_year, words),
        talent=HEADLINES["dx_talent"].shown(kpis, words),
        hours=HEADLINES["hours_saved"].shown(kpis, words),
        cost=HEADLINES["cost_avoided"].shown(kpis, words),
    )
    notes = [words("deck_kpi_city_note")] if scoped else []
    return Slide(title, tables=[table], notes=notes)


def _talent_slide(frame: pd.DataFrame, fiscal_year: int, words: Words, one_bureau: bool = False) -> Slide:
    """DX talent against the plan's target, city-wide (a bureau's deck says so)."""
    projection = metrics.talent_projection(frame, fiscal_year)
    current = int(frame[frame["fiscal_year"] == fiscal_year]["dx_talent_cumulative"].iloc[0])
    figure = talent_charts.talent_vs_target(frame, projection, words)
    lines = talent_charts.target_lines(frame, projection, words)
    drawn = dict(talent_charts.projection_line(projection))
    known = [int(fy) for fy in frame["fiscal_year"]]
    # the years ahead: the projection's and those the target still holds to (3,600 by FY2028)
    later = {fy for _, values in lines for fy in values} | set(drawn)
    fys = known + sorted(later - set(known))
    ahead = [None] * (len(fys) - len(known))
    years = [_year_label(fy, words) for fy in fys]
    cumulative = [float(v) for v in frame["dx_talent_cumulative"]]
    series = [Series(words("chart_talent_actual"), cumulative + ahead, LEVEL_COLOURS["silver"])]
    series += [Series(name, [values.get(fy) for fy in fys], TARGET_COLOUR, "dash") for name, values in lines]
    planned = [None if pd.isna(v) else round(float(v)) for v in frame["dx_talent_plan"]]
    if any(v is not None for v in planned):
        series.append(Series(words("chart_talent_plan"), planned + ahead, TARGET_COLOUR, "dot"))
    if drawn:
        path = [float(round(drawn[fy])) if fy in drawn else None for fy in fys]
        series.append(Series(words("chart_talent_projection"), path, OKABE_ITO[0], "dot"))
    notes = []
    if projection:
        notes.append(talent_charts.projection_note(projection, words))
        title = words(
            "deck_talent_title",
            current=fmt.integer(current),
            target=fmt.integer(projection["target"]),
            share=fmt.percent(current / projection["target"]) if projection["target"] else "—",
        )
    else:
        title = words("deck_talent_no_target", current=fmt.integer(current))
    title_of_chart = talent_charts.talent_title(frame, words)
    chart = Chart("line", title_of_chart, years, series, "#,##0", words("axis_people"), figure)
    if one_bureau:
        notes.insert(0, words("chart_city_wide"))
    return Slide(title, charts=[chart], notes=notes)


def _certifications_slide(
    con, kpis: dict, fiscal_year: int, bureaus: list[str], words: Words, hide_small: bool
) -> Slide:
    counted = reports.run(con, "report_certifications_by_bureau", fiscal_year=fiscal_year, bureaus=[])
    frame = talent_charts.certified_as_seen(counted, bureaus, not hide_small)
    hidden = bool(frame["certified"].isna().sum() > counted.loc[frame.index, "certified"].isna().sum())
    figure = talent_charts.certified_by_bureau(frame, fiscal_year, words)
    order = (
        frame.drop_duplicates("bureau_name")
        .sort_values(["bureau_order", "bureau_name"])["bureau_name"]
        .tolist()
    )
    names = [words("bureau_unknown") if b == reports.UNKNOWN else b for b in order]
    series = []
    for level in LEVELS:
        part = frame[frame["level"] == level].set_index("bureau_name")["certified"]
        values = [part.get(b, 0) for b in order]
        series.append(
            Series(
                words(LEVEL_WORDS[level]),
                [None if pd.isna(v) else float(v) for v in values],  # a hidden small group: no bar
                LEVEL_COLOURS[level],
            )
        )
    counts = {level: fmt.integer(kpis["certified"][level]) for level in LEVELS}
    title = words("deck_certs_title", fy=_year_label(fiscal_year, words), **counts)
    chart = Chart(
        "stacked_bar_h", figure.layout.title.text, names, series, "#,##0", words("axis_people"), figure
    )
    notes = [words("deck_small_groups_hidden", min=privacy.min_group_size())] if hidden else []
    return Slide(title, charts=[chart], notes=notes)


def _hours_slide(con, kpis: dict, fiscal_year: int, bureaus: list[str], words: Words) -> Slide:
    monthly = reports.run(con, "report_hours_by_month", bureaus=bureaus)
    shown = monthly[monthly["fiscal_year"].isin([fiscal_year - 1, fiscal_year])]
    figure = hour_charts.hours_by_month(shown, words)
    months = [fmt.month_label(m, words.lang) for m in fmt.FISCAL_MONTHS]
    series = []
    for fy, colour in ((fiscal_year - 1, OKABE_ITO[1]), (fiscal_year, OKABE_ITO[0])):
        part = shown[shown["fiscal_year"] == fy].set_index("calendar_month")["hours_saved"]
        if len(part):
            values = [None if m not in part.index else round(float(part[m]), 1) for m in fmt.FISCAL_MONTHS]
            series.append(Series(_year_label(fy, words), values, colour))
    hours = kpis["hours_saved"]
    fte = metrics.fte(hours, FTE_HOURS)
    title = words(
        "deck_hours_title",
        fy=_year_label(fiscal_year, words),
        hours=fmt.hours(hours, words.lang),
        fte=f"{fte:,.1f}" if fte else "—",
    )
    chart = Chart("line", words("chart_hours_title"), months, series, "#,##0", words("axis_hours"), figure)
    return Slide(title, charts=[chart], notes=[words("deck_fte_note", hours=fmt.integer(FTE_HOURS))])


def _cost_slide(kpis: dict, frame: pd.DataFrame, words: Words, one_bureau: bool = False) -> Slide:
    """The cumulative cost avoided by component, city-wide (a bureau's deck says so)."""
    figure = cost_charts.cost_components(frame, words)
    unit = fmt.yen_axis_unit(words.lang)
    series = [
        Series(
            words(COST_WORDS[c]), [round(float(v) / unit, 2) for v in frame[f"cost_{c}_yen"]], COST_COLOURS[c]
        )
        for c in COST_COMPONENTS
    ]
    years = [_year_label(int(fy), words) for fy in frame["fiscal_year"]]
    title = words("deck_cost_title", cost=fmt.yen(kpis["cost_avoided_cumulative_yen"], words.lang))
    chart = Chart(
        "stacked_bar", words("chart_cost_title"), years, series, "#,##0.0", words("axis_yen"), figure
    )
    notes = [words("chart_city_wide")] if one_bureau else []
    return Slide(title, charts=[chart], notes=[*notes, words("deck_cost_method")])


def _programme_slide(
    con, fiscal_year: int, bureaus: list[str], words: Words, hide_small: bool, cut: str
) -> Slide:
    """Ideas to Gold projects to apps, and e-learning: the figures of the two programme pages. A bureau's
    pipeline (a few ideas taken up, each one person's) and its learners are not shown to a role that sees
    aggregates only, as on the pages: such a deck's slide is the city's, and says so."""
    citywide = bool(bureaus) and hide_small
    bureaus = [] if citywide else bureaus
    funnel = reports.run(con, "report_idea_funnel", fiscal_year=fiscal_year, bureaus=bureaus).iloc[0]
    stages = [words(STAGE_WORDS[stage]) for stage in idea_charts.STAGES]
    pipeline = Chart(
        "bar",
        words("pipeline_title", cut=cut),
        stages,
        [Series(words("col_ideas"), [float(funnel[s]) for s in idea_charts.STAGES], LEVEL_COLOURS["silver"])],
        "#,##0",
        words("axis_ideas"),
        idea_charts.pipeline(funnel, cut, words),
        data_labels=True,
    )
    seminar = reports.run(con, "report_seminar_by_year")
    seminar = seminar[seminar["fiscal_year"] <= fiscal_year]
    colours = {"teams": LEVEL_COLOURS["gold"], "themes": OKABE_ITO[0], "live": OKABE_ITO[2]}
    names = {"teams": "series_teams", "themes": "series_themes", "live": "series_live_projects"}
    teams = Chart(
        "bar",
        words("seminar_chart"),
        [_year_label(int(fy), words) for fy in seminar["fiscal_year"]],
        [Series(words(names[c]), [float(v) for v in seminar[c]], colours[c]) for c in names],
        "#,##0",
        words("axis_count"),
        idea_charts.seminar_by_year(seminar, words),
    )
    year = seminar[seminar["fiscal_year"] == fiscal_year]
    title = words(
        "deck_programme_title",
        fy=_year_label(fiscal_year, words),
        teams=fmt.integer(year["teams"].iloc[0] if len(year) else 0),
        themes=fmt.integer(year["themes"].iloc[0] if len(year) else 0),
        live=fmt.integer(funnel["live"]),
    )
    notes = []
    totals = metrics.estimate_totals(
        reports.run(con, "report_estimated_vs_realised", fiscal_year=fiscal_year)
    )
    if totals["ratio"] is not None:
        notes.append(
            words(
                "deck_programme_estimate",
                estimated=fmt.hours(totals["estimated_hours"], words.lang),
                realised=fmt.hours(totals["realised_hours_a_year"], words.lang),
                ratio=fmt.percent(totals["ratio"], 0),
            )
        )
    learning = reports.run(con, "report_learning_by_year", bureaus=bureaus).set_index("fiscal_year")
    outcomes = reports.run(con, "report_learning_outcomes", fiscal_year=fiscal_year, bureaus=bureaus)
    if fiscal_year in learning.index and len(outcomes) == 2:
        learners, others = (outcomes[outcomes["is_learner"] == flag].iloc[0] for flag in (True, False))
        notes.append(
            words(
                "deck_programme_learning",
                per_100=f"{learning.loc[fiscal_year, 'per_100']:,.1f}",
                learners=fmt.percent(learners["dx_talent_share"]),
                others=fmt.percent(others["dx_talent_share"]),
            )
        )
    if citywide:
        notes.append(words("deck_programme_citywide_hidden"))
    elif bureaus:
        notes.append(words("deck_programme_citywide"))
    return Slide(title, charts=[pipeline, teams], notes=notes)


def _one_decimal(value) -> str:
    return "—" if value is None else f"{value:,.1f}"


def _impact_slide(con, fiscal_year: int, words: Words, today, planned: tuple) -> Slide:
    """Programme impact (contract 4.3): each cohort's makers before and after against its comparison
    group, the DX-talent shares and hours per training hour, next year's plan; city-wide, with the
    no-proof-of-cause note."""
    figures = metrics.impact(con, fiscal_year, today)
    plan = metrics.planner(con, fiscal_year, today, *planned)
    rates = impact_charts.cohort_rates(figures["cohorts"])
    notes = [
        words(
            "deck_impact_shares",
            apps=fmt.percent(figures["dx_talent_apps_share"]),
            hours=fmt.percent(figures["dx_talent_hours_share"]),
            per_hour=_one_decimal(figures["dx_talent_hours_per_training_hour"]),
        ),
        words("impact_caveat"),
    ]
    if rates.empty:
        return Slide(words("impact_no_cohorts"), notes=notes)
    cohorts = Chart(
        "bar",
        words("impact_chart_title"),
        [impact_charts.cohort_label(row, words) for _, row in rates.iterrows()],
        [
            Series(words(key), [round(float(v), 1) for v in rates[column]], colour)
            for column, key, colour in impact_charts.COHORT_SERIES
        ],
        "0.0",
        words("impact_axis_share_pct"),
        impact_charts.cohort_chart(rates, words),
    )
    complete = rates[~rates["provisional"]]
    if complete.empty:
        title = words("deck_impact_title_none")
    else:
        latest = complete.iloc[-1]
        title = words(
            "deck_impact_title",
            cohort=_year_label(int(latest["fiscal_year"]), words),
            pp=fmt.points(latest["difference_pp"], words.lang),
        )
    if rates["provisional"].any():
        notes.insert(0, words("deck_impact_provisional"))
    notes[-1:-1] = _plan_notes(plan, words)
    return Slide(title, charts=[cohorts], notes=notes)


def _plan_notes(plan: dict, words: Words) -> list[str]:
    """Next year's plan on the impact slide: the Silver projection, the target it reaches, the Gold one."""
    out = []
    ranges = {
        kind: {
            name: impact_charts.planner_range(plan[kind], name, words)
            for name, _ in impact_charts.PLANNER_OUTPUTS
        }
        for kind in ("silver", "gold")
        if plan[kind] is not None
    }
    if "silver" in ranges:
        out.append(
            words("deck_impact_plan_silver", nominations=fmt.integer(plan["nominations"]), **ranges["silver"])
        )
    if plan["reach"]:
        out.append(words("deck_impact_plan_reach", **impact_charts.planner_reach(plan["reach"], words.lang)))
    if "gold" in ranges:
        gold = {k: v for k, v in ranges["gold"].items() if k != "makers"}
        out.append(words("deck_impact_plan_gold", places=fmt.integer(plan["gold_places"]), **gold))
    return out


def _act_slide(
    con, fiscal_year: int, bureaus: list[str], words: Words, hide_small: bool, usage_as_of: str | None
) -> Slide:
    """What to act on: the year's departments short of leaders, and the apps to clean up now (at the
    usage data's latest day, whichever year the deck is of). A role that sees aggregates only reads no
    count of a department's leaders (none or one: a small group), only that it is short."""
    coverage = reports.run(con, "report_department_coverage", fiscal_year=fiscal_year, bureaus=bureaus)
    short = coverage[coverage["leaders_nominated"] < settings.value("leaders_per_department")]
    # those with fewest leaders first, largest first among them; without the counts, largest first only
    # (an order by count would tell them again)
    order = ["staff"] if hide_small else ["leaders_nominated", "staff"]
    short = short.sort_values(order, ascending=[False] if hide_small else [True, False])
    cleanup = reports.run(con, "report_cleanup", bureaus=bureaus)
    inactive, orphaned = cleanup[cleanup["is_inactive"]], cleanup[cleanup["is_orphaned"]]
    departments = Table(
        [words("col_bureau"), words("col_dept"), words("col_staff"), words("col_leaders")],
        [
            [
                str(r.bureau_name),
                str(r.dept_name),
                fmt.integer(r.staff),
                "—" if hide_small else fmt.integer(r.leaders_nominated),
            ]
            for r in short.head(TOP).itertuples()
        ],
        widths=[1.75, 2.15, 0.8, 1.3],  # a bureau of nine characters (市民文化スポーツ局) on one line
        empty=words("table_no_rows"),
    )
    flagged = cleanup[cleanup["is_inactive"] | cleanup["is_orphaned"]].sort_values(["start_on", "app_id"])
    apps = Table(
        [words("col_app_id"), words("col_app"), words("col_bureau"), words("col_reason_cleanup")],
        [
            [
                str(r.app_id),
                str(r.app_name),
                str(r.owner_bureau_name or "—"),
                words("deck_act_why_inactive" if r.is_inactive else "deck_act_why_orphaned"),
            ]
            for r in flagged.head(TOP).itertuples()
        ],
        widths=[1.2, 2.2, 1.5, 1.8],
        empty=words("table_no_rows"),
    )
    title = words(
        "deck_act_title",
        departments=fmt.integer(len(short)),
        inactive=fmt.integer(len(inactive)),
        orphaned=fmt.integer(len(orphaned)),
    )
    day = fmt.day(date.fromisoformat(usage_as_of), words.lang) if usage_as_of else "—"
    notes = [
        words("deck_act_departments", fy=_year_label(fiscal_year, words)),
        words("deck_act_apps", day=day),
    ]
    return Slide(title, tables=[departments, apps], notes=notes)


def _method_slide(con, fiscal_year: int, words: Words, today) -> Slide:
    counts = reports.first_row(reports.run(con, "report_method", fiscal_year=fiscal_year))
    shown = {k: fmt.integer(v) for k, v in counts.items()}
    rows = reports.run(con, "report_rows_by_kind")
    summary = reports.first_row(reports.run(con, "report_quality_summary"))
    notes = [
        _plain(words("deck_method_talent")),
        _plain(words("method_hours")),
        _plain(words("method_cost")),
        words(
            "deck_method_missing_cost",
            count=fmt.integer(len(reports.run(con, "report_apps_missing_cost", fiscal_year=fiscal_year))),
        ),
        _plain(words("method_counts", **shown)),
        _plain(words("method_excluded", **shown)),
        words(
            "deck_method_files",
            rows=fmt.integer(rows["rows_held"].sum()),
            set_aside=fmt.integer(summary.get("quarantined_rows", 0)),
        ),
    ]
    for key, params in metrics.freshness_warnings(con, today or today_in_japan()):
        notes.append(words(key, **warning_params(params, words)))
    return Slide(words("deck_method_title"), notes=notes)


def _plain(text: str) -> str:
    """The pages write definitions in markdown (**bold**); a slide takes plain text."""
    return text.replace("**", "")
