"""The demo is generated for whatever day it is: today's fiscal year is in progress and has data, the
years before it are complete, on the days around a year's end and on a leap day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl import demo, loader, metrics
from etl.demo.city import demo_last_day
from etl.fiscal import TODAY_VARIABLE, fiscal_year_of


@pytest.mark.parametrize(
    ("today", "last_day"),
    [
        (date(2026, 11, 16), date(2026, 10, 31)),  # the end of the last full month
        (date(2027, 3, 31), date(2027, 2, 28)),
        (date(2027, 4, 1), date(2027, 4, 1)),  # the new year's first day: it reaches today
        (date(2027, 4, 2), date(2027, 4, 1)),  # in April, the day before today
        (date(2027, 4, 30), date(2027, 4, 29)),
        (date(2027, 5, 1), date(2027, 4, 30)),
        (date(2028, 2, 29), date(2028, 1, 31)),
        (date(2028, 3, 1), date(2028, 2, 29)),
    ],
)
def test_the_demo_s_exports_reach_the_end_of_last_month_and_into_april(today, last_day):
    assert demo_last_day(today) == last_day
    assert fiscal_year_of(demo_last_day(today)) == fiscal_year_of(today)


@pytest.mark.parametrize(
    "today", [date(2027, 3, 31), date(2027, 4, 1), date(2027, 4, 2), date(2028, 2, 29)], ids=str
)
def test_a_demo_made_on_any_day_has_its_year_in_progress_and_the_years_before_complete(
    tmp_path, monkeypatch, today
):
    monkeypatch.setenv(TODAY_VARIABLE, today.isoformat())  # as the product learns its today
    folder = tmp_path / "exports"
    written = demo.write_demo(folder, scale=0.05)
    kinds_written = {path.name.split("_")[0] for path in written}
    assert {f"{n:02d}" for n in range(1, 13)} <= kinds_written  # every kind of the contract
    db = tmp_path / "demo.duckdb"
    result = loader.load([folder], db=db)
    assert result.committed and {f.status for f in result.files} == {"loaded"}, result.to_json()
    assert sum(f.rows_quarantined for f in result.files) == 3  # the demo's bad rows, on purpose
    con = duckdb.connect(str(db), read_only=True)
    try:
        now = metrics.kpis(con)
        assert now["fiscal_year"] == fiscal_year_of(today)
        assert now["year_complete"] is False
        assert date.fromisoformat(now["as_of"]) <= today
        assert now["hours_saved"] > 0 and now["apps_in_operation"] > 0
        before = metrics.kpis(con, fiscal_year_of(today) - 1)
        assert before["year_complete"] is True and before["same_period_last_year"] is None
        assert before["certified"]["silver"] > 0 and before["certified"]["gold"] > 0
    finally:
        con.close()


def test_utc_stamps_are_tokyo_working_hours_in_utc_from_dates_or_a_datetime64_array():
    import numpy as np

    from etl.demo.formats import utc_stamps

    days = [date(2026, 4, 1), None, date(2024, 2, 29)]
    from_dates = utc_stamps(days, np.random.default_rng(7))
    from_array = utc_stamps(
        np.array(["2026-04-01", "NaT", "2024-02-29"], dtype="datetime64[D]"), np.random.default_rng(7)
    )
    assert from_dates == from_array
    assert from_dates[1] == ""
    for stamp, day in ((from_dates[0], days[0]), (from_dates[2], days[2])):
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ") + timedelta(hours=9)  # back to Tokyo time
        assert moment.date() == day and 8 <= moment.hour < 20


_FIELD = st.text(alphabet=list('ab,"\t\r\n 1.漢ｶ\x1f'), max_size=6)


@given(
    st.lists(st.tuples(st.integers(-(10**12), 10**12), st.floats(allow_infinity=False), _FIELD), max_size=5),
    st.sampled_from([(",", "\n"), ("\t", "\r\n")]),
)
def test_the_demo_writes_a_frame_as_pandas_would(rows, layout):
    # the demo's files are the same bytes as pandas' to_csv writes (quoting, numbers, missing values),
    # written column by column: the manifest's hashes do not move when the writer gets faster
    import pandas as pd

    from etl.demo.formats import csv_text

    sep, ending = layout
    frame = pd.DataFrame(rows, columns=["件数", "minutes", "name"])
    frame["name"] = frame["name"].astype("str").where(frame.index % 3 != 2)  # a missing text now and then
    frame["note"] = pd.Series([r[2] for r in rows], dtype=object)
    assert csv_text(frame, sep, ending) == frame.to_csv(index=False, sep=sep, lineterminator=ending)
    # pandas' nullable counts (a missing one written empty, never nan) and a header of two rows
    frame["users"] = pd.array([None if i % 2 else r[0] for i, r in enumerate(rows)], dtype="Int64")
    assert csv_text(frame, sep, ending) == frame.to_csv(index=False, sep=sep, lineterminator=ending)
    two_rows = frame.set_axis(pd.MultiIndex.from_tuples([("a", c) for c in frame.columns]), axis=1)
    assert csv_text(two_rows, sep, ending) == two_rows.to_csv(index=False, sep=sep, lineterminator=ending)
    single = frame[["note"]]  # a row of one empty field is written "" by the csv writer
    assert csv_text(single, sep, ending) == single.to_csv(index=False, sep=sep, lineterminator=ending)
