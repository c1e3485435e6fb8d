"""Charts of the talent programme: DX talent against the target, certifications, funnel, coverage."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from etl import settings
from etl.fiscal import fiscal_year_end
from etl.reports import ALL
from presentation import fmt, privacy, untrusted
from presentation.charts.base import (
    LEVEL_COLOURS,
    LEVELS,
    OKABE_ITO,
    TARGET_COLOUR,
    TEXT_COLOUR,
    bars_by_year,
    bars_height,
    bureau_names,
    bureau_word,
    layout,
    series_bars,
    years,
)
from presentation.words import LEVEL_WORDS, STEP_WORDS, Words

STEPS = ("nominated", "trained", "submitted", "certified")


def talent_vs_target(kpis: pd.DataFrame, projection: dict | None, words: Words) -> go.Figure:
    """Cumulative DX talent by fiscal year as bars, the target dashed grey, the projection dotted."""
    lang = words.lang
    figure = go.Figure()
    figure.add_bar(
        x=years(kpis, words),
        y=kpis["dx_talent_cumulative"],
        name=words("chart_talent_actual"),
        marker_color=LEVEL_COLOURS["silver"],
        text=[fmt.integer(v) for v in kpis["dx_talent_cumulative"]],
        textposition="inside",
        insidetextanchor="end",
        textfont={"color": TEXT_COLOUR},  # dark on silver: 6:1 (white was 3:1)
        hovertemplate="%{x}: %{y:,}<extra></extra>",
    )
    for name, values in target_lines(kpis, projection, words):
        figure.add_scatter(
            x=[fmt.fiscal_year(fy, lang) for fy in values],
            y=list(values.values()),
            name=name,
            mode="lines+markers",
            line={"color": TARGET_COLOUR, "dash": "dash", "width": 2},
            hovertemplate="%{x}: %{y:,}<extra></extra>",
        )
    planned = kpis[kpis["dx_talent_plan"].notna()] if "dx_talent_plan" in kpis else kpis.iloc[0:0]
    if not planned.empty:
        figure.add_scatter(
            x=years(planned, words),
            y=planned["dx_talent_plan"].round(),
            name=words("chart_talent_plan"),
            mode="lines+markers",
            line={"color": TARGET_COLOUR, "dash": "dot", "width": 2},
            marker={"symbol": "diamond"},
            hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
        )
    path = projection_line(projection)
    if path:
        figure.add_scatter(
            x=[fmt.fiscal_year(int(fy), lang) for fy, _ in path],
            y=[round(v) for _, v in path],
            name=words("chart_talent_projection"),
            mode="lines+markers",
            line={"color": OKABE_ITO[0], "dash": "dot", "width": 2},
            hovertemplate="%{x}: %{y:,}<extra></extra>",
        )
    figure.update_xaxes(type="category")
    people = words("unit_people")
    return layout(
        figure, talent_title(kpis, words), words("axis_fiscal_year"), words("axis_people"), unit=people
    )


def target_lines(
    kpis: pd.DataFrame, projection: dict | None, words: Words
) -> list[tuple[str, dict[int, float]]]:
    """Each plan's target as its legend name and {fiscal year: target}, for the chart and the slide: a
    line per plan, since one line stepping from 2,400 to 3,600 read as if FY2026's target were 2,400 (and
    a PowerPoint line chart sloped between them); the latest plan's held to its end beyond the years with
    data (3,600 by FY2028 seen in FY2026: the projection's `target_years`)."""
    with_target = kpis[kpis["dx_talent_target"].notna()]
    ends = [int(end) for end in with_target["dx_talent_target_to"].dropna().unique()]
    lines = []
    for end in ends:
        plan = with_target[(with_target["dx_talent_target_to"] == end).fillna(False)]
        name = (
            words("chart_talent_target")
            if len(ends) == 1
            else words("chart_talent_target_to", end=fmt.fiscal_year(end, words.lang))
        )
        values = {
            int(fy): float(v) for fy, v in zip(plan["fiscal_year"], plan["dx_talent_target"], strict=True)
        }
        lines.append((name, values))
    if lines and projection:
        lines[-1][1].update({fy: projection["target"] for fy in projection["target_years"]})
    return lines


def projection_line(projection: dict | None) -> list[tuple[int, float]]:
    """The projection's points from the chosen year's end, for the chart and the slide: a year in
    progress's own expected end (above its bar to date), then a year at the pace until the target; none
    where there is nothing to draw."""
    if not projection or not (projection["path"] or projection["start"] > projection["current"]):
        return []
    return [(projection["fiscal_year"], projection["start"]), *projection["path"]]


def projection_note(projection: dict, words: Words) -> str:
    """What the projection says under the chart and on the slide: the target reached; a plan that ended
    short of it; the pace needed in the years left (a year in progress among them); or when the current
    pace reaches it."""
    lang = words.lang
    values = {
        "target": fmt.integer(projection["target"]),
        "pace": fmt.integer(projection["pace"]),
        "year": fmt.fiscal_year(projection["reached_in"], lang) if projection["reached_in"] else "—",
    }
    if projection["current"] >= projection["target"]:
        return words("projection_done", **values)
    end = fmt.fiscal_year(projection["target_end"], lang)
    if projection["ended"]:
        share = fmt.percent(projection["current"] / projection["target"])
        return words(
            "projection_ended", end=end, current=fmt.integer(projection["current"]), share=share, **values
        )
    if projection["needed"]:
        gap = fmt.integer(projection["target"] - projection["current"])
        return words(
            "projection_needed", gap=gap, end=end, needed=fmt.integer(projection["needed"]), **values
        )
    return words("projection_reached", **values)


def talent_title(kpis: pd.DataFrame, words: Words) -> str:
    """The chart's title: figures at each fiscal year's end, and where the last year is in progress, the
    day its bar stands at."""
    last = kpis.iloc[-1] if len(kpis) else None
    if last is not None and pd.Timestamp(last["stock_cut"]).date() < fiscal_year_end(
        int(last["fiscal_year"])
    ):
        day = fmt.day(pd.Timestamp(last["stock_cut"]).date(), words.lang)
        return words(
            "chart_talent_title_in_progress",
            fy=fmt.fiscal_year(int(last["fiscal_year"]), words.lang),
            day=day,
        )
    return words("chart_talent_title")


def certified_as_seen(counted: pd.DataFrame, bureaus: list[str], sees_people: bool) -> pd.DataFrame:
    """Certified by bureau (report_certifications_by_bureau of every bureau) as a role sees it: small
    counts hidden from an aggregate role, each level a table of its own, decided on every bureau and only
    then narrowed to `bureaus` (privacy.in_bureaus)."""
    seen = privacy.each_for_viewer(counted, "level", ["certified"], ("per_100_staff",), sees_people)
    return privacy.in_bureaus(seen, bureaus)


def certified_by_bureau(
    frame: pd.DataFrame, fiscal_year: int, words: Words, per_100: bool = False
) -> go.Figure:
    """Horizontal stacked bars by bureau (fixed bureau order, top to bottom), one colour per level;
    per 100 staff where the bureau's staff are known."""
    value = "per_100_staff" if per_100 else "certified"
    if per_100:
        frame = frame.dropna(subset=["per_100_staff"])
    order = (
        frame.drop_duplicates("bureau_name")
        .sort_values(["bureau_order", "bureau_name"])["bureau_name"]
        .tolist()
    )
    names = bureau_names(order, words)
    figure = go.Figure()
    for level in LEVELS:
        level_name = words(LEVEL_WORDS[level])
        part = frame[frame["level"] == level].set_index("bureau_name")
        figure.add_bar(
            y=names,
            x=[part[value].get(b, 0) for b in order],
            orientation="h",
            name=level_name,
            marker_color=LEVEL_COLOURS[level],
            hovertemplate=("%{y}: %{x:,.1f}<extra>" if per_100 else "%{y}: %{x:,}<extra>")
            + level_name
            + "</extra>",
        )
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_yaxes(autorange="reversed", type="category")
    title = words(
        "chart_per_100" if per_100 else "chart_bureau_title", fy=fmt.fiscal_year(fiscal_year, words.lang)
    )
    x_title = words("axis_per_100" if per_100 else "axis_people")
    height, unit = bars_height(len(order)), "" if per_100 else words("unit_people")
    return layout(figure, title, x_title, words("axis_bureau"), height=height, unit=unit)


def certified_by_level_and_year(kpis: pd.DataFrame, words: Words) -> go.Figure:
    x = years(kpis, words)
    figure = go.Figure()
    series = {f"certified_{level}": (words(LEVEL_WORDS[level]), LEVEL_COLOURS[level]) for level in LEVELS}
    series_bars(figure, x, kpis, series, "%{x}: %{y:,}")
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_xaxes(type="category")
    title, people = words("chart_certified_by_fy"), words("unit_people")
    return layout(figure, title, words("axis_fiscal_year"), words("axis_people"), unit=people)


def funnel(frame: pd.DataFrame, level: str, fiscal_year: int, words: Words) -> go.Figure | None:
    """The city-wide funnel of a level (each step counts those who passed the step before it),
    skipping steps with no data; None when there is no data."""
    city = frame[frame["bureau_name"] == ALL]
    if city.empty:
        return None
    row = city.iloc[0]
    steps = [(words(STEP_WORDS[step]), int(row[step])) for step in STEPS if row[f"has_{step}"]]
    figure = go.Figure(
        go.Funnel(
            y=[name for name, _ in steps],
            x=[value for _, value in steps],
            textinfo="value+percent previous",
            marker={"color": LEVEL_COLOURS[level]},
            connector={"line": {"color": "#CCCCCC"}},
            hovertemplate="%{y}: %{x:,}<extra></extra>",
        )
    )
    title = words(
        "funnel_title", level=words(LEVEL_WORDS[level]), fy=fmt.fiscal_year(fiscal_year, words.lang)
    )
    return layout(figure, title, "", "", height=320, unit=words("unit_people"))


def funnel_table(frame: pd.DataFrame, words: Words) -> pd.DataFrame:
    """The funnel by bureau with the share certified of the first step that has data; — where no
    certification is loaded for the year (not yet in: 0% would read as nobody certified)."""
    first = next((step for step in STEPS if frame.iloc[0][f"has_{step}"]), "certified")
    table = frame.copy()
    table["bureau_name"] = table["bureau_name"].map(lambda b: bureau_word(b, words))
    certified = table["certified"] if frame.iloc[0]["has_certified"] else table["certified"] * float("nan")
    table["conversion"] = (certified / table[first].where(table[first] > 0)).map(fmt.percent)
    return table


def funnel_columns(city) -> dict[str, str]:
    steps = {step: STEP_WORDS[step] for step in STEPS if city[f"has_{step}"]}
    rate = {"conversion": "col_conversion"} if city["has_certified"] else {}  # no certification yet: no rate
    return {"bureau_name": "col_bureau", **steps, **rate}


def share_comparison(frame: pd.DataFrame, cut: str, words: Words) -> go.Figure:
    """Each bureau's share of the DX talent next to its share of staff (horizontal, fixed order), at `cut`
    (fmt.year_cut)."""
    names = bureau_names(frame["bureau_name"], words)
    figure = go.Figure()
    for column, colour in (("talent_share", LEVEL_COLOURS["silver"]), ("staff_share", OKABE_ITO[4])):
        figure.add_bar(
            y=names,
            x=frame[column] * 100,
            orientation="h",
            name=words(column),
            marker_color=colour,
            hovertemplate="%{y}: %{x:.1f}%<extra>" + words(column) + "</extra>",
        )
    figure.update_layout(barmode="group", legend={"traceorder": "normal"})
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(ticksuffix="%")
    title = words("delivery_title", cut=cut)
    return layout(
        figure, title, words("axis_share"), words("axis_bureau"), height=bars_height(len(frame), 30, 140)
    )


def coverage_table(frame: pd.DataFrame, words: Words) -> pd.DataFrame:
    """The treemap as figures: each department under its bureau, with its staff, the leaders it nominated
    and its DX talent (what the colours and the hover say)."""
    table = pd.DataFrame(
        {
            words("col_bureau"): list(frame["bureau_name"]),
            words("col_staff"): list(frame["staff"]),
            words("col_leaders"): list(frame["leaders_nominated"]),
            words("col_dx_talent"): list(frame["dx_talent"]),
        },
        index=list(frame["dept_name"]),
    )
    table.index.name = words("col_dept")
    return table


def _within(bureau: str, dept: str) -> str:
    """A department's name inside its bureau's box: without the bureau's name it starts with, or a ward
    office's ward (若松区役所: 若松区); whole where nothing would be left."""
    for prefix in (bureau, bureau.removesuffix("役所")):
        if prefix and dept.startswith(prefix) and len(dept) > len(prefix):
            return dept[len(prefix) :]
    return dept


def coverage_treemap(frame: pd.DataFrame, fiscal_year: int, words: Words) -> go.Figure:
    """Departments grouped by bureau, sized by staff, coloured by Silver leaders nominated: none, fewer
    than the programme's rule (etl/settings.py), or enough."""
    enough = settings.value("leaders_per_department")
    colours = {"none": "#D55E00", "short": "#E69F00", "enough": "#009E73"}
    category = frame["leaders_nominated"].map(
        lambda n: "none" if n == 0 else "short" if n < enough else "enough"
    )
    bureaus = frame.drop_duplicates("bureau_name")
    ids = [f"b:{b}" for b in bureaus["bureau_name"]] + [f"d:{d}" for d in frame["dept_code"]]
    parents = [""] * len(bureaus) + [f"b:{b}" for b in frame["bureau_name"]]
    # inside its bureau's box a department is named without the bureau it starts with (総務局監査課: 監査課,
    # 若松区役所's 若松区戸籍住民登録係: 戸籍住民登録係), short enough to be read in a small box; the hover
    # names it whole
    short = [_within(b, d) for b, d in zip(frame["bureau_name"], frame["dept_name"], strict=True)]
    names = untrusted.plotly_all([*bureaus["bureau_name"], *short])
    whole = untrusted.plotly_all([*bureaus["bureau_name"], *frame["dept_name"]])
    sizes = [0] * len(bureaus) + [max(int(s), 1) for s in frame["staff"]]
    colour = ["#F3F5F8"] * len(bureaus) + [colours[c] for c in category]
    hover = whole[: len(bureaus)] + [
        f"{name}<br>"
        + words("coverage_hover", leaders=fmt.integer(n), talent=fmt.integer(t), staff=fmt.integer(s))
        for name, n, t, s in zip(
            whole[len(bureaus) :], frame["leaders_nominated"], frame["dx_talent"], frame["staff"], strict=True
        )
    ]
    figure = go.Figure(
        go.Treemap(
            ids=ids,
            parents=parents,
            labels=names,
            values=sizes,
            marker={"colors": colour},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            branchvalues="remainder",
            sort=False,  # bureaus keep their fixed order
            tiling={"pad": 2},
        )
    )
    for value, key in (("none", "coverage_none"), ("short", "coverage_one"), ("enough", "coverage_enough")):
        figure.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            marker={"color": colours[value], "size": 12, "symbol": "square"},
            name=words(key),
        )
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    figure = layout(
        figure, words("coverage_title", fy=fmt.fiscal_year(fiscal_year, words.lang)), "", "", height=720
    )
    # a department too small for a readable label (plotly shrank them to 5 px) shows none: its name is
    # in the hover and in the table of the chart's figures
    figure.update_layout(plot_bgcolor="white", uniformtext={"minsize": 10, "mode": "hide"})
    return figure


def progression(frame: pd.DataFrame, words: Words) -> go.Figure:
    """The share of each Silver cohort that went on to Gold."""
    shown = frame.assign(gold_percent=frame["gold_share"] * 100).rename(columns={"cohort": "fiscal_year"})
    name = words("col_gold_share")
    series, title, colours = {"gold_percent": name}, words("progression_title"), [LEVEL_COLOURS["gold"]]
    figure = bars_by_year(shown, series, title, name, words, colours, unit="%")
    figure.update_yaxes(ticksuffix="%")
    return figure


def retention(frame: pd.DataFrame, words: Words) -> go.Figure:
    series = {
        "dx_talent_cumulative": words("chart_talent_actual"),
        "dx_talent_active": words("kpi_active_talent"),
    }
    colours = [LEVEL_COLOURS["silver"], OKABE_ITO[2]]
    title, people = words("retention_title"), words("unit_people")
    return bars_by_year(frame, series, title, words("axis_people"), words, colours, unit=people)
