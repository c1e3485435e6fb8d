"""A bureau's figures under a filter to it, decided on every bureau at once (privacy.cube_hidden): no
hidden count comes back from the figures shown in any view, which an attacker with linear algebra tries."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from presentation import privacy


def cube(values: list[list[int]], column: str = "learners") -> pd.DataFrame:
    """Bureaus as rows, months as columns: the long frame a report run for each bureau gives."""
    rows = [
        {"bureau_name": f"B{b}", "month": m, column: value}
        for b, row in enumerate(values)
        for m, value in enumerate(row)
    ]
    return pd.DataFrame(rows)


def determined(every: pd.DataFrame, hidden: np.ndarray, column: str, totals: list[list[int]]) -> list[int]:
    """The hidden cells a person who sees every shown cell and every known total (each a list of row
    positions whose sum is shown) can work out exactly: those whose unit vector lies in the row space
    of the equations over the hidden cells."""
    unknown = np.where(hidden)[0]
    position = {row: i for i, row in enumerate(unknown)}
    equations = []
    for members in totals:
        coefficients = np.zeros(len(unknown))
        for row in members:
            if row in position:
                coefficients[position[row]] = 1
        if coefficients.any():
            equations.append(coefficients)
    if not equations:
        return []
    # a cell is worked out where its unit vector lies in the equations' row space: where the projection
    # onto that space (the sum of squares of its column in the right singular vectors) is one
    _, singular, right = np.linalg.svd(np.array(equations), full_matrices=False)
    rank = int((singular > 1e-9 * singular.max()).sum())
    projection = (right[:rank] ** 2).sum(axis=0)
    return [int(row) for row, share in zip(unknown, projection, strict=True) if share > 1 - 1e-6]


def test_a_bureaus_small_month_is_not_given_back_by_the_city_less_the_other_bureaus(monkeypatch):
    """The probe's attack: a month under a filter to one bureau is hidden, but the city's month less the
    other bureaus' months (each shown under a filter to its bureau) gave it back."""
    monkeypatch.setattr(privacy, "min_group_size", lambda: 5)
    every = cube([[3, 40, 22], [30, 41, 25], [28, 35, 9], [50, 60, 70]])
    hidden = privacy.cube_hidden(every, ["month"], ["learners"])
    # B0's month 0 (3) goes, and the smallest other of that month (B2's 28) with it
    assert hidden.reshape(4, 3).tolist() == [
        [True, False, False],
        [False, False, False],
        [True, False, False],
        [False, False, False],
    ]
    months = [list(every.index[every["month"] == m]) for m in range(3)]
    assert determined(every, hidden, "learners", months) == []
    lone = np.zeros(len(every), dtype=bool)
    lone[0] = True
    assert determined(every, lone, "learners", months) == [0]  # the attacker finds what one hidden gives
    shown = privacy.bureau_for_viewer(every, "B2", ["month"], ["learners"])
    assert shown["learners"].isna().tolist() == [True, False, False]
    assert shown["bureau_name"].eq("B2").all()


def test_an_additive_breakdown_keeps_two_hidden_in_each_bureau_too(monkeypatch):
    """Ideas by category add up to a bureau's ideas, which its card shows: a lone hidden category would
    come back from the card less the others."""
    monkeypatch.setattr(privacy, "min_group_size", lambda: 5)
    every = cube([[3, 40, 22], [30, 41, 25], [28, 35, 9]], "ideas")
    hidden = privacy.cube_hidden(every, ["month"], ["ideas"], additive=("ideas",))
    grid = hidden.reshape(3, 3)
    months = [list(every.index[every["month"] == m]) for m in range(3)]
    bureaus = [list(every.index[every["bureau_name"] == f"B{b}"]) for b in range(3)]
    assert determined(every, hidden, "ideas", months + bureaus) == []
    assert all(row.sum() != 1 for row in grid) and all(column.sum() != 1 for column in grid.T)


@pytest.mark.parametrize("seed", range(40))
def test_no_hidden_count_is_worked_out_from_the_totals_on_random_cubes(monkeypatch, seed):
    monkeypatch.setattr(privacy, "min_group_size", lambda: 5)
    rng = np.random.default_rng(seed)
    bureaus, months = int(rng.integers(3, 9)), int(rng.integers(2, 8))
    values = rng.choice([0, 1, 2, 3, 4, 6, 9, 15, 40], size=(bureaus, months)).tolist()
    every = cube(values, "ideas")
    additive = bool(seed % 2)
    hidden = privacy.cube_hidden(every, ["month"], ["ideas"], additive=("ideas",) if additive else ())
    grid = np.array(values)
    small = (grid > 0) & (grid < 5)
    assert hidden.reshape(bureaus, months)[small].all()  # every small count is hidden
    lines = [list(every.index[every["month"] == m]) for m in range(months)]
    if additive:
        lines += [list(every.index[every["bureau_name"] == f"B{b}"]) for b in range(bureaus)]
    found = determined(every, hidden, "ideas", lines)
    # a hidden cell worked out is harmless only where it is nobody (a zero line: no other count to hide)
    assert all(every.loc[row, "ideas"] == 0 or not small.flat[row] for row in found), found


def test_a_month_the_city_view_hides_is_not_given_back_by_its_bureaus(monkeypatch):
    """The city's view hid month 1 (to cover a small month 0); if every bureau's month 1 were shown, their
    sum would give it back, and with the year's total, month 0."""
    monkeypatch.setattr(privacy, "min_group_size", lambda: 5)
    every = cube([[1, 30, 20], [0, 20, 40], [2, 25, 50]])
    open_ = privacy.cube_hidden(every, ["month"], ["learners"])
    assert not open_.reshape(3, 3)[:, 1].any()
    covered = privacy.cube_hidden(every, ["month"], ["learners"], hidden_keys=frozenset({(1,)}))
    assert covered.reshape(3, 3)[:, 1].sum() == 1  # one bureau's month 1 goes (the city's is unknown)


def test_rows_hidden_in_another_view_stay_hidden_and_are_covered(monkeypatch):
    """A by-bureau table hid B1's year; the bureau's own cards must not show it, and a second cell of the
    year goes with it."""
    monkeypatch.setattr(privacy, "min_group_size", lambda: 5)
    every = cube([[30, 40], [31, 41], [32, 42]])
    forced = np.array([False, False, True, False, False, False])
    hidden = privacy.cube_hidden(every, ["month"], ["learners"], forced=forced)
    assert hidden.reshape(3, 2)[:, 0].tolist() == [True, True, False]
    assert not hidden.reshape(3, 2)[:, 1].any()


# a bureau's learners in a year run to the hundreds in the demo, and its learners and others who are DX
# talent or makers to tens (the fewest 6-13): a larger minimum gives them small groups
MINIMA = {"report_learning_by_year": 150, "report_learning_outcomes": 10}


@pytest.mark.parametrize("name", privacy.CUBES)
def test_on_the_demo_no_bureaus_hidden_figure_comes_back_from_the_city_and_the_other_bureaus(
    demo_db, name, monkeypatch
):
    """An executive filters to each bureau in turn and to none: every small count of a bureau is hidden,
    and no hidden one is worked out from the city's figures, the other bureaus' and the bureaus' totals."""
    import os

    from shell import data

    if name in MINIMA:
        monkeypatch.setattr(privacy, "min_group_size", lambda: MINIMA[name])
    cube = privacy.CUBES[name]
    keys, columns = list(cube.keys), list(cube.columns)
    snapshot = os.path.realpath(demo_db)
    params = {} if name.endswith("_by_year") else {"fiscal_year": 2025}
    every = data.report_by_bureau(snapshot, name, **params)
    seen = pd.concat(
        [data.report_as_seen(snapshot, name, [bureau], **params) for bureau in data.bureaus(snapshot)],
        ignore_index=True,
    )
    assert len(seen) == len(every)
    # the city's own view hides some keys (a course three people took): their totals are unknown
    city = data.report(snapshot, name, bureaus=[], **params)
    city_seen = data.report_as_seen(snapshot, name, [], **params)
    unknown_totals = {
        tuple(row) for row in city.loc[city_seen[columns[0]].isna().to_numpy(), keys].itertuples(index=False)
    }
    minimum = privacy.min_group_size()
    hidden_any = False
    # the counts, and the differences between a count and its part (people too)
    figures = {column: every[column] for column in columns}
    figures |= {f"{whole}-{part}": every[whole] - every[part] for whole, part in cube.within}
    hidden = seen[columns[0]].isna().to_numpy() & every[columns[0]].notna().to_numpy()
    for column, series in figures.items():
        values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
        small = (values > 0) & (values < minimum)
        assert hidden[small].all(), (name, column, every[small & ~hidden])
        hidden_any |= bool(small.any())
        lines = [
            list(rows)
            for key, rows in every.groupby(keys, dropna=False).indices.items()
            if (key if isinstance(key, tuple) else (key,)) not in unknown_totals
        ]
        if column in cube.additive:
            lines += [
                list(rows) for rows in every.groupby(["bureau_name", *cube.additive_by]).indices.values()
            ]
        found = determined(every.assign(**{column: values}), hidden & ~np.isnan(values), column, lines)
        assert not [row for row in found if small[row]], every.loc[found]
    assert hidden_any  # the demo has small groups here: the test shows something
