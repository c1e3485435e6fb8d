"""Plotly figure builders: data frames and translated labels in, a Figure out (never calls st)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui import fmt

LEVEL_COLOURS = {"bronze": "#A97142", "silver": "#8C959F", "gold": "#C9A227"}
# Okabe-Ito, colour-blind safe: one colour per meaning for hours and cost series
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
COST_COLOURS = {"initial": "#0072B2", "running": "#E69F00", "maintenance": "#009E73"}
TARGET_COLOUR = "#7F7F7F"
FONT = "Noto Sans JP, Noto Sans CJK JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"


def _layout(figure: go.Figure, title: str, x_title: str, y_title: str, height: int = 380) -> go.Figure:
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        font={"family": FONT, "size": 13},
        template="plotly_white",
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0},
        hoverlabel={"font": {"family": FONT}},
        separators=".,",
    )
    figure.update_xaxes(title_text=x_title)
    figure.update_yaxes(title_text=y_title, separatethousands=True, rangemode="tozero")
    if figure.layout.yaxis.range is not None:  # a range set by the builder wins over rangemode
        figure.update_yaxes(autorange=False)
    return figure


def talent_vs_target(kpis: pd.DataFrame, projection: dict | None, labels: dict, lang: str) -> go.Figure:
    """Cumulative DX talent by fiscal year as bars, the target dashed grey, the projection dotted."""
    years = [fmt.fiscal_year(int(fy), lang) for fy in kpis["fiscal_year"]]
    figure = go.Figure()
    figure.add_bar(
        x=years,
        y=kpis["dx_talent_cumulative"],
        name=labels["actual"],
        marker_color=LEVEL_COLOURS["silver"],
        text=[fmt.integer(v) for v in kpis["dx_talent_cumulative"]],
        textposition="inside",
        insidetextanchor="end",
        textfont={"color": "white"},
        hovertemplate="%{x}: %{y:,}<extra></extra>",
    )
    with_target = kpis[kpis["dx_talent_target"].notna()]
    if not with_target.empty:
        figure.add_scatter(
            x=[fmt.fiscal_year(int(fy), lang) for fy in with_target["fiscal_year"]],
            y=with_target["dx_talent_target"],
            name=labels["target"],
            mode="lines+markers",
            line={"color": TARGET_COLOUR, "dash": "dash", "width": 2},
            hovertemplate="%{x}: %{y:,}<extra></extra>",
        )
    if projection and projection["path"]:
        first = projection["path"][0][0] - 1
        path = [(first, projection["current"]), *projection["path"]]
        figure.add_scatter(
            x=[fmt.fiscal_year(int(fy), lang) for fy, _ in path],
            y=[round(v) for _, v in path],
            name=labels["projection"],
            mode="lines+markers",
            line={"color": OKABE_ITO[0], "dash": "dot", "width": 2},
            hovertemplate="%{x}: %{y:,}<extra></extra>",
        )
    figure.update_xaxes(type="category")
    return _layout(figure, labels["title"], labels["x"], labels["y"])


def hours_by_month(monthly: pd.DataFrame, labels: dict, lang: str) -> go.Figure:
    """One line per fiscal year across the fiscal months April..March."""
    figure = go.Figure()
    months = [fmt.month_label(m, lang) for m in fmt.FISCAL_MONTHS]
    years = sorted(monthly["fiscal_year"].unique())
    for index, fy in enumerate(years):
        part = monthly[monthly["fiscal_year"] == fy].set_index("calendar_month")
        values = [part["hours_saved"].get(m) for m in fmt.FISCAL_MONTHS]
        figure.add_scatter(
            x=months,
            y=values,
            name=fmt.fiscal_year(int(fy), lang),
            mode="lines+markers",
            line={
                "color": OKABE_ITO[(len(years) - 1 - index) % len(OKABE_ITO)],
                "width": 3 if index == len(years) - 1 else 1.5,
            },
            hovertemplate="%{x}: %{y:,.0f}<extra>" + fmt.fiscal_year(int(fy), lang) + "</extra>",
        )
    figure.update_xaxes(type="category", categoryorder="array", categoryarray=months)
    return _layout(figure, labels["title"], labels["x"], labels["y"])


def cost_components(kpis: pd.DataFrame, labels: dict, lang: str) -> go.Figure:
    """Cumulative cost avoided by fiscal year, stacked: initial, running, maintenance (in 億円 / ¥bn)."""
    years = [fmt.fiscal_year(int(fy), lang) for fy in kpis["fiscal_year"]]
    divisor = 1e8 if lang == "ja" else 1e9
    figure = go.Figure()
    for component in ("initial", "running", "maintenance"):
        values = kpis[f"cost_{component}_yen"]
        figure.add_bar(
            x=years,
            y=values / divisor,
            name=labels[component],
            marker_color=COST_COLOURS[component],
            customdata=[fmt.yen(v, lang) for v in values],
            hovertemplate="%{x}: %{customdata}<extra>" + labels[component] + "</extra>",
        )
    totals = kpis["cost_avoided_cumulative_yen"]
    figure.add_scatter(
        x=years,
        y=totals / divisor,
        mode="text",
        text=[fmt.yen(v, lang) for v in totals],
        textposition="top center",
        showlegend=False,
        hoverinfo="skip",
    )
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_yaxes(range=[0, float(totals.max() / divisor) * 1.15 if len(totals) else 1])
    figure.update_xaxes(type="category")
    return _layout(figure, labels["title"], labels["x"], labels["y"])


def certified_by_bureau(frame: pd.DataFrame, labels: dict, value: str = "certified") -> go.Figure:
    """Horizontal stacked bars by bureau (fixed bureau order, top to bottom), one colour per level."""
    order = (
        frame.drop_duplicates("bureau_name")
        .sort_values(["bureau_order", "bureau_name"])["bureau_name"]
        .tolist()
    )
    names = [labels.get("unknown") if b == "__unknown__" else b for b in order]
    figure = go.Figure()
    for level in ("bronze", "silver", "gold"):
        part = frame[frame["level"] == level].set_index("bureau_name")
        values = [part[value].get(b, 0) for b in order]
        figure.add_bar(
            y=names,
            x=values,
            orientation="h",
            name=labels[level],
            marker_color=LEVEL_COLOURS[level],
            hovertemplate="%{y}: %{x:,.1f}<extra>" + labels[level] + "</extra>"
            if value != "certified"
            else "%{y}: %{x:,}<extra>" + labels[level] + "</extra>",
        )
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_yaxes(autorange="reversed", type="category")
    height = max(380, 24 * len(order) + 120)
    return _layout(figure, labels["title"], labels["x"], labels["y"], height=height)


def certified_by_level_and_year(kpis: pd.DataFrame, labels: dict, lang: str) -> go.Figure:
    years = [fmt.fiscal_year(int(fy), lang) for fy in kpis["fiscal_year"]]
    figure = go.Figure()
    for level in ("bronze", "silver", "gold"):
        figure.add_bar(
            x=years,
            y=kpis[f"certified_{level}"],
            name=labels[level],
            marker_color=LEVEL_COLOURS[level],
            hovertemplate="%{x}: %{y:,}<extra>" + labels[level] + "</extra>",
        )
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_xaxes(type="category")
    return _layout(figure, labels["title"], labels["x"], labels["y"])


def bars_by_year(
    kpis: pd.DataFrame, series: dict[str, str], labels: dict, lang: str, colours=None
) -> go.Figure:
    """Grouped bars per fiscal year, one series per column in `series` (column -> legend name)."""
    years = [fmt.fiscal_year(int(fy), lang) for fy in kpis["fiscal_year"]]
    figure = go.Figure()
    for index, (column, name) in enumerate(series.items()):
        figure.add_bar(
            x=years,
            y=kpis[column],
            name=name,
            marker_color=(colours or OKABE_ITO)[index % len(colours or OKABE_ITO)],
            hovertemplate="%{x}: %{y:,.0f}<extra>" + name + "</extra>",
        )
    figure.update_xaxes(type="category")
    return _layout(figure, labels["title"], labels["x"], labels["y"])


def horizontal_bars(names, values, labels: dict) -> go.Figure:
    """One bar per name, top to bottom in the given order."""
    figure = go.Figure(
        go.Bar(
            y=list(names),
            x=list(values),
            orientation="h",
            marker_color=OKABE_ITO[0],
            hovertemplate="%{y}: %{x:,.0f}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed", type="category")
    height = max(380, 24 * len(figure.data[0].y) + 120)
    return _layout(figure, labels["title"], labels["x"], labels["y"], height=height)


def hours_by_bureau(frame: pd.DataFrame, labels: dict) -> go.Figure:
    names = [labels.get("unknown") if b == "__unknown__" else b for b in frame["bureau_name"]]
    return horizontal_bars(names, frame["hours_saved"], labels)


def funnel(steps: list[tuple[str, int]], title: str, colour: str) -> go.Figure:
    """A funnel of people: each step counts those who passed the step before it."""
    figure = go.Figure(
        go.Funnel(
            y=[name for name, _ in steps],
            x=[value for _, value in steps],
            textinfo="value+percent previous",
            marker={"color": colour},
            connector={"line": {"color": "#CCCCCC"}},
        )
    )
    return _layout(figure, title, "", "", height=320)


def share_comparison(frame: pd.DataFrame, labels: dict) -> go.Figure:
    """Each bureau's share of the DX talent next to its share of staff (horizontal, fixed order)."""
    names = [labels.get("unknown") if b == "__unknown__" else b for b in frame["bureau_name"]]
    figure = go.Figure()
    for column, colour in (("talent_share", LEVEL_COLOURS["silver"]), ("staff_share", OKABE_ITO[4])):
        figure.add_bar(
            y=names,
            x=frame[column] * 100,
            orientation="h",
            name=labels[column],
            marker_color=colour,
            hovertemplate="%{y}: %{x:.1f}%<extra>" + labels[column] + "</extra>",
        )
    figure.update_layout(barmode="group", legend={"traceorder": "normal"})
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(ticksuffix="%")
    return _layout(figure, labels["title"], labels["x"], labels["y"], height=max(420, 30 * len(frame) + 120))


def coverage_treemap(frame: pd.DataFrame, labels: dict) -> go.Figure:
    """Departments grouped by bureau, sized by staff, coloured by Silver leaders nominated (0, 1, 2+)."""
    colours = {0: "#D55E00", 1: "#E69F00", 2: "#009E73"}
    category = frame["leaders_nominated"].clip(upper=2)
    bureaus = frame.drop_duplicates("bureau_name")
    ids = [f"b:{b}" for b in bureaus["bureau_name"]] + [f"d:{d}" for d in frame["dept_code"]]
    parents = [""] * len(bureaus) + [f"b:{b}" for b in frame["bureau_name"]]
    names = list(bureaus["bureau_name"]) + list(frame["dept_name"])
    sizes = [0] * len(bureaus) + [max(int(s), 1) for s in frame["staff"]]
    colour = ["#F3F5F8"] * len(bureaus) + [colours[int(c)] for c in category]
    hover = [""] * len(bureaus) + [
        labels["hover"].format(leaders=int(n), talent=int(t), staff=int(s))
        for n, t, s in zip(frame["leaders_nominated"], frame["dx_talent"], frame["staff"], strict=True)
    ]
    figure = go.Figure(
        go.Treemap(
            ids=ids,
            parents=parents,
            labels=names,
            values=sizes,
            marker={"colors": colour},
            customdata=hover,
            hovertemplate="%{label}<br>%{customdata}<extra></extra>",
            branchvalues="remainder",
            sort=False,  # bureaus keep their fixed order
            tiling={"pad": 2},
        )
    )
    for value, name in ((0, labels["none"]), (1, labels["one"]), (2, labels["two"])):
        figure.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            marker={"color": colours[value], "size": 12, "symbol": "square"},
            name=name,
        )
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    figure = _layout(figure, labels["title"], "", "", height=720)
    figure.update_layout(plot_bgcolor="white")
    return figure


def monthly_events(frame: pd.DataFrame, series: dict[str, str], labels: dict) -> go.Figure:
    """Grouped bars per month (created / released / retired)."""
    figure = go.Figure()
    for index, (column, name) in enumerate(series.items()):
        figure.add_bar(
            x=frame["month"],
            y=frame[column],
            name=name,
            marker_color=OKABE_ITO[index],
            hovertemplate="%{x|%Y-%m}: %{y:,}<extra>" + name + "</extra>",
        )
    figure.update_layout(barmode="group", legend={"traceorder": "normal"})
    figure.update_xaxes(tickformat="%Y-%m")
    return _layout(figure, labels["title"], labels["x"], labels["y"])


def pareto_curve(cumulative: pd.Series, labels: dict) -> go.Figure:
    """Cumulative share of hours saved against the share of apps, with the top 10% and 20% marked."""
    count = len(cumulative)
    x = [(i + 1) / count * 100 for i in range(count)]
    figure = go.Figure()
    figure.add_scatter(
        x=[0, *x],
        y=[0, *(cumulative * 100)],
        mode="lines",
        line={"color": OKABE_ITO[0], "width": 3},
        name=labels["y"],
        hovertemplate="%{x:.0f}% → %{y:.1f}%<extra></extra>",
        showlegend=False,
    )
    for share in (10, 20):
        index = max(1, round(count * share / 100)) - 1
        value = float(cumulative.iloc[index]) * 100
        figure.add_scatter(
            x=[share, share],
            y=[0, value],
            mode="lines",
            line={"color": TARGET_COLOUR, "dash": "dash"},
            showlegend=False,
            hoverinfo="skip",
        )
        figure.add_annotation(
            x=share, y=value, text=f"{share}% → {value:.0f}%", showarrow=True, arrowhead=0, ax=40, ay=20
        )
    figure.update_xaxes(range=[0, 100], ticksuffix="%")
    figure.update_yaxes(range=[0, 101], ticksuffix="%")
    return _layout(figure, labels["title"], labels["x"], labels["y"])


def cost_band(frame: pd.DataFrame, labels: dict, lang: str) -> go.Figure:
    """The base cumulative cost avoided by fiscal year, with the low-high scenario band around it."""
    years = [fmt.fiscal_year(int(fy), lang) for fy in frame["fiscal_year"]]
    divisor = 1e8 if lang == "ja" else 1e9
    figure = go.Figure()
    figure.add_scatter(
        x=years,
        y=frame["high_yen"] / divisor,
        mode="lines",
        line={"width": 0, "color": OKABE_ITO[4]},
        name=labels["high"],
        showlegend=False,
        customdata=[fmt.yen(v, lang) for v in frame["high_yen"]],
        hovertemplate="%{x}: %{customdata}<extra>" + labels["high"] + "</extra>",
    )
    figure.add_scatter(
        x=years,
        y=frame["low_yen"] / divisor,
        mode="lines",
        line={"width": 0, "color": OKABE_ITO[4]},
        fill="tonexty",
        fillcolor="rgba(86,180,233,0.25)",
        name=labels["band"],
        customdata=[fmt.yen(v, lang) for v in frame["low_yen"]],
        hovertemplate="%{x}: %{customdata}<extra>" + labels["low"] + "</extra>",
    )
    figure.add_scatter(
        x=years,
        y=frame["cost_avoided_cumulative_yen"] / divisor,
        mode="lines+markers",
        line={"color": OKABE_ITO[0], "width": 3},
        name=labels["base"],
        customdata=[fmt.yen(v, lang) for v in frame["cost_avoided_cumulative_yen"]],
        hovertemplate="%{x}: %{customdata}<extra>" + labels["base"] + "</extra>",
    )
    figure.update_xaxes(type="category")
    return _layout(figure, labels["title"], labels["x"], labels["y"])


def stacked_components_by_bureau(frame: pd.DataFrame, labels: dict, lang: str) -> go.Figure:
    names = [labels.get("unknown") if b == "__unknown__" else b for b in frame["bureau_name"]]
    divisor = 1e8 if lang == "ja" else 1e9
    figure = go.Figure()
    for component in ("initial", "running", "maintenance"):
        values = frame[f"cost_{component}_yen"]
        figure.add_bar(
            y=names,
            x=values / divisor,
            orientation="h",
            name=labels[component],
            marker_color=COST_COLOURS[component],
            customdata=[fmt.yen(v, lang) for v in values],
            hovertemplate="%{y}: %{customdata}<extra>" + labels[component] + "</extra>",
        )
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_yaxes(autorange="reversed", type="category")
    return _layout(figure, labels["title"], labels["x"], labels["y"], height=max(420, 26 * len(frame) + 120))


def grouped_horizontal(
    frame: pd.DataFrame, names: list[str], series: dict[str, str], labels: dict
) -> go.Figure:
    """Horizontal grouped bars, one per series column (column -> legend name)."""
    figure = go.Figure()
    for index, (column, name) in enumerate(series.items()):
        figure.add_bar(
            y=names,
            x=frame[column],
            orientation="h",
            name=name,
            marker_color=OKABE_ITO[index],
            hovertemplate="%{y}: %{x:,.0f}<extra>" + name + "</extra>",
        )
    figure.update_layout(barmode="group", legend={"traceorder": "normal"})
    figure.update_yaxes(autorange="reversed", type="category")
    return _layout(figure, labels["title"], labels["x"], labels["y"], height=max(380, 30 * len(frame) + 140))
