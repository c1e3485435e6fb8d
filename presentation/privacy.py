"""Small groups: counts of people broken down by bureau or department hide their small cells for roles
that see only aggregates, and one more cell where a total shown beside them would give a hidden one away."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from etl import settings
from presentation import fmt


def min_group_size() -> int:
    """The settings' privacy.min_group_size (etl/settings.py: default 5; below 2 is not a protection)."""
    return settings.value("min_group_size")


def _small(values, minimum: int):
    """The counts of people from 1 to minimum-1 (zero is no person): a Series or an array of them."""
    return (values > 0) & (values < minimum)


def suppress(frame: pd.DataFrame, columns: list[str], minimum: int | None = None) -> pd.DataFrame:
    """Counts from 1 to minimum-1 in `columns` become missing (shown as —). Where a column has exactly
    one hidden cell, its total (the sum shown or known elsewhere) would reveal it: the smallest other
    count is hidden as well. Zero is no person and stays."""
    minimum = minimum or min_group_size()
    out = frame.copy()
    for column in columns:
        values = pd.to_numeric(out[column], errors="coerce")
        small = _small(values, minimum)
        if small.sum() == 1:
            others = values[~small & (values > 0)]
            if len(others):
                small |= values.index == others.idxmin()
        out[column] = values.astype("Float64").mask(small)
    return out


def _with_differences(
    frame: pd.DataFrame, within: tuple[tuple[str, str], ...]
) -> tuple[pd.DataFrame, list[str]]:
    """The frame with a column per (whole, part) pair of `within`: the whole less the part, a count of
    people too (31 ideas, 30 passed: one did not pass); and the names of those columns."""
    counts = frame.copy()
    names = []
    for whole, part in within:
        name = f"_{whole}_less_{part}"
        counts[name] = pd.to_numeric(frame[whole], errors="coerce") - pd.to_numeric(
            frame[part], errors="coerce"
        )
        names.append(name)
    return counts, names


def _masked(frame: pd.DataFrame, hidden: np.ndarray, columns, dependents) -> pd.DataFrame:
    """The frame with the rows `hidden` losing their counts (`columns`) and `dependents`: missing (NaN, which
    a chart leaves out), or — in a column of words (a difference already written "+5.0 pt")."""
    out = frame.copy()
    for column in (*columns, *dependents):
        numeric = pd.to_numeric(out[column], errors="coerce")
        if column in columns or numeric.notna().sum() == out[column].notna().sum():
            out[column] = numeric.astype(float).mask(hidden)
        else:
            out[column] = out[column].where(~hidden, "—")
    return out


def for_viewer(
    frame: pd.DataFrame,
    columns: list[str],
    dependents: tuple[str, ...] = (),
    sees_people: bool = False,
    within: tuple[tuple[str, str], ...] = (),
) -> pd.DataFrame:
    """The frame as a role may see it: unchanged for a role that sees people; for any other, the small
    counts of `columns` hidden (suppress), and then each row with a hidden count hidden whole: a count
    shown beside a hidden one bounds it (7 ideas passed: at least 7 submitted), and so do the `dependents`
    (a share or a sum that would give the count away; a text one reads —). `within` pairs (whole, part)
    of `columns` where the part is counted within the whole: the difference (31 ideas, 30 passed: one did
    not pass) is a count of people too, and a small one hides its row. Where that leaves a column with
    one hidden cell, its total would give it back: the row with the smallest other count goes too.
    Hidden cells are NaN, which a chart leaves out."""
    if sees_people:
        return frame
    counts, differences = _with_differences(frame, within)
    suppressed = suppress(counts, [*columns, *differences])
    hidden = np.zeros(len(frame), dtype=bool)
    for column in (*columns, *differences):
        hidden |= hidden_cells(suppressed, counts, column).to_numpy()
    counted = [pd.to_numeric(counts[column], errors="coerce").to_numpy(dtype=float) for column in columns]
    while hidden.any():
        # a column's hidden cells: those of the hidden rows that hold a figure (zero included: a hidden
        # cell may be nobody, so a lone hidden zero would be given back by the total as well)
        lone = [values for values in counted if (hidden & ~np.isnan(values)).sum() == 1]
        candidates = np.where(~hidden & (counted[0] > 0))[0] if lone else []
        if not len(candidates):
            break
        hidden[candidates[np.argmin(counted[0][candidates])]] = True
    return _masked(frame, hidden, columns, dependents)


def across_for_viewer(frame: pd.DataFrame, columns: list[str], sees_people: bool = False) -> pd.DataFrame:
    """Each row's `columns` as one group whose total is shown beside it (a year's ideas by result: passed,
    resubmit, failed): for a role that does not see people its small cells hidden, and one more where the
    total would give a lone one back (suppress, along the row)."""
    if sees_people or frame.empty:
        return frame
    cells = frame[columns].apply(pd.to_numeric, errors="coerce").T
    cells.columns = range(len(frame))
    hidden = suppress(cells, list(cells.columns)).T
    out = frame.copy()
    for column in columns:
        out[column] = hidden[column].astype(float).to_numpy()
    return out


def each_for_viewer(
    frame: pd.DataFrame,
    by: str,
    columns: list[str],
    dependents: tuple[str, ...] = (),
    sees_people: bool = False,
) -> pd.DataFrame:
    """for_viewer within each group of `by` (a long frame: each level's certified by bureau is a table of
    its own, with a total of its own)."""
    if sees_people or frame.empty:
        return frame
    parts = [for_viewer(part, columns, dependents) for _, part in frame.groupby(by, sort=False)]
    return pd.concat(parts).loc[frame.index]


def hidden_cells(seen: pd.DataFrame, raw: pd.DataFrame, column: str) -> pd.Series:
    """The rows whose `column` holds a figure in `raw` and none in `seen`: the cells a view hides."""
    return seen[column].isna() & raw[column].notna()


def in_bureaus(frame: pd.DataFrame, bureaus: list[str]) -> pd.DataFrame:
    """The rows of `bureaus` (all where none is chosen) of a by-bureau table whose small counts were hidden
    on every bureau: decided per filter, a cell hidden only to cover another came back alone under a
    filter to its bureau."""
    return frame[frame["bureau_name"].isin(bureaus)] if bureaus else frame


def as_text(
    frame: pd.DataFrame, columns: list[str], sees_people: bool, decimals: tuple[str, ...] = ()
) -> pd.DataFrame:
    """For a table a role that does not see people reads: the columns whose cells may be hidden (the
    counts, and in `decimals` the shares beside them), written as figures with a hidden cell as —;
    unchanged for a role that sees people."""
    if sees_people:
        return frame
    written = {column: frame[column].map(fmt.integer) for column in columns}
    written |= {
        column: frame[column].map(lambda v: "—" if pd.isna(v) else f"{v:,.1f}") for column in decimals
    }
    return frame.assign(**written)


def estimates_for_viewer(estimates: pd.DataFrame, sees_people: bool = False) -> pd.DataFrame:
    """The event study (etl/impact.py) as a role may see it: for a role that does not see people, the
    months (and overall figures) estimated from fewer certified people than min_group_size are left out,
    since an average over one or two people tells what they did."""
    if sees_people:
        return estimates
    return estimates[estimates["people"] >= min_group_size()]


def cube_hidden(
    every: pd.DataFrame,
    keys: list[str],
    columns: list[str],
    additive: tuple[str, ...] = (),
    within: tuple[tuple[str, str], ...] = (),
    hidden_keys: frozenset = frozenset(),
    forced: np.ndarray | None = None,
    additive_by: tuple[str, ...] = (),
) -> np.ndarray:
    """Which rows of a bureau-by-key cube (`every`: a report run for each bureau alone, one row per bureau
    and key, with `bureau_name`) a role that sees aggregates only may not see, each row whole.

    A bureau's figures are then shown under a filter to that bureau as they are decided here, on every
    bureau at once, so that no two views can be set against each other. A row goes when one of its
    `columns` (or a `within` difference) is a small count; then, until nothing changes, every line of
    figures whose total is known elsewhere keeps at least two hidden rows: each key across the bureaus
    (its city-wide figure is shown, unless the city's view hides it: `hidden_keys`, when at least one
    row of the key goes instead), and for the `additive` columns each bureau across its keys (they add up
    to a figure of the bureau shown elsewhere; `additive_by` columns split them, where one report holds
    two breakdowns: courses and their categories). The smallest other count of the line goes. `forced`
    marks rows hidden already in another view of the same figures (a by-bureau table)."""
    counts, differences = _with_differences(every, within)
    names = [*columns, *differences]
    values = {name: pd.to_numeric(counts[name], errors="coerce").to_numpy(dtype=float) for name in names}
    minimum = min_group_size()
    hidden = np.zeros(len(every), dtype=bool) if forced is None else np.asarray(forced, dtype=bool).copy()
    for name in names:
        hidden |= _small(values[name], minimum)
    lines: list[tuple[np.ndarray, bool, list[str]]] = []
    if len(every):
        by_key = (
            every.groupby(keys, dropna=False, sort=False).indices if keys else {(): np.arange(len(every))}
        )
        for key, members in by_key.items():
            key = key if isinstance(key, tuple) else (key,)
            lines.append((np.asarray(members), key in hidden_keys, names))
        if additive:
            for members in every.groupby(["bureau_name", *additive_by], sort=False).indices.values():
                lines.append((np.asarray(members), False, list(additive)))
    small = hidden.copy()
    row_lines: list[set[int]] = [set() for _ in range(len(every))]
    for index, (members, _, _) in enumerate(lines):
        for row in members:
            row_lines[row].add(index)
    while True:
        changed = False
        for members, margin_hidden, line_columns in lines:
            for name in line_columns:
                line = values[name][members]
                figures = ~np.isnan(line)
                hidden_figures = int((hidden[members] & figures).sum())
                # a known total gives back a lone hidden figure; an unknown one is given back by no hidden
                if hidden_figures != (0 if margin_hidden else 1):
                    continue
                chosen = _smallest(members, line, ~hidden[members] & figures)
                if chosen is not None:
                    hidden[chosen] = True
                    changed = True
        if changed:
            continue
        # two hidden in every line is not enough where lines cross (a bureau's categories and a category's
        # bureaus): a hidden figure on no cycle of others is still worked out from the totals
        given_back = _worked_out(lines, values, hidden, small)
        progress = False
        for row, name in given_back:
            # the rows of the lines the figure is in (for its column): a second hidden one among them
            near = np.unique(np.concatenate([lines[i][0] for i in row_lines[row] if name in lines[i][2]]))
            chosen = _smallest(near, values[name][near], ~hidden[near] & ~np.isnan(values[name][near]))
            if chosen is not None:
                hidden[chosen] = True
                progress = True
        if not progress:
            return hidden


def _worked_out(lines, values, hidden, small) -> list[tuple[int, str]]:
    """The small hidden figures that the known totals determine exactly, each with its column.

    Each hidden figure is in at most two lines (its key's, and its bureau's where the column adds up),
    so the totals are a graph: a line whose total is known is a node, every other line (or none) is one
    node "free", and each hidden figure is an edge between its two. A figure is worked out exactly where
    its edge is a bridge (on no cycle: nothing else can move when it does), which is the unit vector in
    the row space of the totals' equations, found in linear time."""
    found = []
    for name, column in values.items():
        unknown = np.where(hidden & ~np.isnan(column))[0]
        if not len(unknown):
            continue
        ends: dict[int, list[int]] = {int(row): [] for row in unknown}
        nodes = 1  # node 0 is "free"
        for members, margin_hidden, line_columns in lines:
            if name not in line_columns:
                continue
            node = 0
            if not margin_hidden:
                node, nodes = nodes, nodes + 1
            for row in members:
                if int(row) in ends:
                    ends[int(row)].append(node)
        edges = [(row, *(places + [0, 0])[:2]) for row, places in ends.items()]
        for edge in _bridges(nodes, [(a, b) for _, a, b in edges]):
            row = edges[edge][0]
            if small[row] and column[row] != 0:
                found.append((row, name))
    return found


def _bridges(nodes: int, edges: list[tuple[int, int]]) -> list[int]:
    """The edges (by position) on no cycle of an undirected multigraph: Tarjan's low-link, iteratively."""
    around: list[list[tuple[int, int]]] = [[] for _ in range(nodes)]
    for index, (a, b) in enumerate(edges):
        around[a].append((b, index))
        around[b].append((a, index))
    order = [-1] * nodes
    low = [0] * nodes
    found, counter = [], 0
    for root in range(nodes):
        if order[root] != -1:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack = [(root, -1, iter(around[root]))]
        while stack:
            node, via, neighbours = stack[-1]
            step = next(neighbours, None)
            if step is None:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.append(via)
                continue
            other, index = step
            if index == via:
                continue
            if order[other] == -1:
                order[other] = low[other] = counter
                counter += 1
                stack.append((other, index, iter(around[other])))
            else:
                low[node] = min(low[node], order[other])
    return found


def _smallest(rows: np.ndarray, line: np.ndarray, open_: np.ndarray) -> int | None:
    """The row of the smallest count above zero among the open ones; else an open zero (a hidden cell may
    be nobody, so a zero hidden beside a lone small count keeps it unknown); else None."""
    for allowed in (open_ & (line > 0), open_):
        candidates = np.where(allowed)[0]
        if len(candidates):
            return int(rows[candidates[np.argmin(line[candidates])]])
    return None


def bureau_for_viewer(
    every: pd.DataFrame,
    bureau: str,
    keys: list[str],
    columns: list[str],
    dependents: tuple[str, ...] = (),
    **rules,
) -> pd.DataFrame:
    """One bureau's rows of the cube `every` as a role that sees aggregates only reads them: the rows
    cube_hidden decides on every bureau at once lose their `columns` and `dependents`."""
    out = _masked(every, cube_hidden(every, keys, columns, **rules), columns, dependents)
    return out[out["bureau_name"] == bureau].reset_index(drop=True)


@dataclass(frozen=True)
class Cube:
    """How a report run for each bureau alone is hidden for a role that sees aggregates only
    (cube_hidden): `keys` name a row, `columns` are its counts of people, `dependents` go with them
    (shares, minutes), `additive` columns add up over a bureau's rows to a figure shown of it (split by
    `additive_by`), and `within` pairs a count with a part of it whose difference is people too."""

    keys: tuple[str, ...]
    columns: tuple[str, ...]
    dependents: tuple[str, ...] = ()
    additive: tuple[str, ...] = ()
    additive_by: tuple[str, ...] = ()
    within: tuple[tuple[str, str], ...] = ()


# the reports a page shows of one bureau to such a role, and their rules: one place, read by the pages
# (through shell.data.report_as_seen) and by the tests that attack them
CUBES = {
    "report_learning_by_year": Cube(("fiscal_year",), ("learners", "completions"), ("minutes", "per_100")),
    # a month's completions add up to the year's on the card
    "report_learning_by_month": Cube(
        ("month",), ("active_learners", "completions"), ("minutes",), additive=("completions",)
    ),
    # the courses' completions add up to the year's, and so do the categories'
    "report_learning_courses": Cube(
        ("course_title", "category"),
        ("learners", "completions"),
        ("minutes",),
        additive=("completions",),
        additive_by=("is_category",),
    ),
    # learners and the others add up to a bureau's staff, DX talent and makers; those certified (or
    # making apps) before learning are people too: 16 DX talent, 15 of them after learning
    "report_learning_outcomes": Cube(
        ("is_learner",),
        ("staff", "dx_talent", "makers", "dx_talent_after_learning", "makers_after_learning"),
        ("dx_talent_share", "maker_share"),
        additive=("staff", "dx_talent", "makers"),
        within=(("dx_talent", "dx_talent_after_learning"), ("makers", "makers_after_learning")),
    ),
    # ideas that did not pass are people too (31 ideas, 30 passed)
    "report_ideas_by_year": Cube(
        ("fiscal_year",), ("ideas", "pass"), ("est_hours",), within=(("ideas", "pass"),)
    ),
    # a bureau's categories add up to its ideas (and those passed)
    "report_ideas_by_category": Cube(
        ("category",),
        ("ideas", "passed"),
        ("taken_up", "est_hours"),
        additive=("ideas", "passed"),
        within=(("ideas", "passed"),),
    ),
}
