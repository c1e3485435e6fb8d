"""Small groups: counts of people broken down by bureau or department hide their small cells for roles
that see only aggregates, and one more cell where a total shown beside them would give a hidden one away."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl import settings
from presentation import fmt


def min_group_size() -> int:
    """The settings' privacy.min_group_size (etl/settings.py: default 5; below 2 is not a protection)."""
    return settings.value("min_group_size")


def suppress(frame: pd.DataFrame, columns: list[str], minimum: int | None = None) -> pd.DataFrame:
    """Counts from 1 to minimum-1 in `columns` become missing (shown as —). Where a column has exactly
    one hidden cell, its total (the sum shown or known elsewhere) would reveal it: the smallest other
    count is hidden as well. Zero is no person and stays."""
    minimum = minimum or min_group_size()
    out = frame.copy()
    for column in columns:
        values = pd.to_numeric(out[column], errors="coerce")
        small = (values > 0) & (values < minimum)
        if small.sum() == 1:
            others = values[~small & (values > 0)]
            if len(others):
                small |= values.index == others.idxmin()
        out[column] = values.astype("Float64").mask(small)
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
    counts = frame.copy()
    differences = []
    for whole, part in within:
        name = f"_{whole}_less_{part}"
        counts[name] = pd.to_numeric(frame[whole], errors="coerce") - pd.to_numeric(
            frame[part], errors="coerce"
        )
        differences.append(name)
    suppressed = suppress(counts, [*columns, *differences])
    hidden = np.zeros(len(frame), dtype=bool)
    for column in (*columns, *differences):
        hidden |= (suppressed[column].isna() & counts[column].notna()).to_numpy()
    counted = [pd.to_numeric(counts[column], errors="coerce").to_numpy(dtype=float) for column in columns]
    while hidden.any():
        # a column's hidden cells: those of the hidden rows that hold a figure (zero included: a hidden
        # cell may be nobody, so a lone hidden zero would be given back by the total as well)
        lone = [values for values in counted if (hidden & ~np.isnan(values)).sum() == 1]
        candidates = np.where(~hidden & (counted[0] > 0))[0] if lone else []
        if not len(candidates):
            break
        hidden[candidates[np.argmin(counted[0][candidates])]] = True
    out = frame.copy()
    for column in (*columns, *dependents):
        numeric = pd.to_numeric(out[column], errors="coerce")
        if column in columns or numeric.notna().sum() == out[column].notna().sum():
            out[column] = numeric.astype(float).mask(hidden)
        else:  # words (a difference already written "+5.0 pt"): — where hidden, as written elsewhere
            out[column] = out[column].where(~hidden, "—")
    return out


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
