"""The first run: the demo made beside the database once, its figures first and the event study after."""

from __future__ import annotations

import time

import duckdb
import pandas as pd
import pytest

from etl import first_run, impact, loader, schema
from tests.conftest import query, write
from tests.test_impact import CITY
from tests.test_pages import run_page


def stored_estimates(db) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return impact.stored(con)
    finally:
        con.close()


def event_study_state(db) -> str | None:
    return query(db, "select value from meta where key = ?", [schema.EVENT_STUDY])[0][0]


def write_city(folder) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in CITY.items():
        write(folder, name, text)


def test_a_load_that_leaves_the_event_study_for_later_has_its_figures_and_the_estimate_follows(
    db, exports, tmp_path
):
    write_city(exports)
    result = loader.load([exports], db=db, estimate=False)
    assert result.committed
    assert event_study_state(db) == schema.PENDING
    assert query(db, f"select count(*) from {impact.TABLE}") == [(0,)]
    assert query(db, "select count(*) from mart_dx_talent_people") == [(6,)]  # the figures are there
    loaded = db.resolve()

    assert loader.estimate(db)
    assert db.resolve() != loaded  # a new snapshot: readers of the first keep it until they reopen
    assert event_study_state(db) == schema.ESTIMATED
    # the same estimates as a load that makes them itself
    whole = tmp_path / "whole" / "dxdash.duckdb"
    assert loader.load([exports], db=whole).committed
    assert event_study_state(whole) == schema.ESTIMATED
    pd.testing.assert_frame_equal(stored_estimates(db), stored_estimates(whole))
    assert not stored_estimates(db).empty
    assert not loader.estimate(db)  # made once


def test_a_load_while_the_estimate_is_pending_makes_it_and_the_pending_one_does_nothing(db, exports):
    write_city(exports)
    assert loader.load([exports], db=db, estimate=False).committed
    write(exports, "usage_august.csv", "アプリID,利用月,利用件数\nA2,2025-08,5\n")
    assert loader.load([exports], db=db).committed
    assert event_study_state(db) == schema.ESTIMATED
    current = db.resolve()
    assert not loader.estimate(db)
    assert db.resolve() == current


def test_the_first_run_makes_the_demo_beside_the_database_once(db, monkeypatch):
    made = []
    monkeypatch.setattr("etl.demo.write_demo", lambda folder, **kw: made.append(folder) or write_city(folder))
    seen = []
    result = first_run.prepare(db, progress=seen.append)
    assert result is not None and result.committed
    assert made == [db.parent / "demo-exports"]
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    assert first_run.status(db) == {"fraction": 1.0}
    assert event_study_state(db) == schema.PENDING  # the overview first, the estimate after
    assert first_run.prepare(db) is None and made == [db.parent / "demo-exports"]  # a database exists
    assert first_run.main() == 0  # run.sh's later starts: nothing to do


def test_a_first_run_under_way_in_another_process_is_followed_not_repeated(db, monkeypatch):
    monkeypatch.setattr("etl.demo.write_demo", lambda folder, **kw: pytest.fail("made twice"))
    assert not first_run.under_way(db)
    with first_run._claimed(db) as mine:  # another run holds the first run's lock (a lock per open file)
        assert mine
        assert first_run.under_way(db)
        assert first_run.prepare(db) is None
    assert not first_run.under_way(db)


def test_a_failed_first_run_says_why_to_whoever_follows_it(db, monkeypatch):
    def unreadable(folder, **kw):
        folder.mkdir(parents=True, exist_ok=True)
        write(folder, "notes.csv", "a,b\n1,2\n")

    monkeypatch.setattr("etl.demo.write_demo", unreadable)
    said = {"ja": "ディスクがいっぱいです", "en": "disk full"}
    monkeypatch.setattr(
        "etl.loader.load", lambda *a, **kw: loader.LoadResult(error="disk full", error_messages=said)
    )
    result = first_run.prepare(db)
    assert result is not None and not result.committed
    assert first_run.status(db) == {"error": "disk full", "errors": said}  # the page takes its reader's
    assert not db.exists()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_impact_page_says_the_event_study_is_coming_while_it_is_pending(db, exports, lang):
    from presentation.words import translate

    write_city(exports)
    assert loader.load([exports], db=db, estimate=False).committed
    app = run_page("impact", lang, impact_tab=translate(lang, "tab_impact_event"))
    assert not app.exception, [e.value for e in app.exception]
    assert any(translate(lang, "impact_event_pending") in info.value for info in app.info)
    assert not app.get("plotly_chart")


def test_a_server_with_no_database_and_no_first_run_under_way_makes_the_demo_on_a_thread_and_shows_it(db):
    """The first run made by the server itself (not the process run.sh starts): on a thread of its own,
    followed by the page, which then draws the overview; the event study follows in the background."""
    from shell import bootstrap

    app = run_page("overview", "en")
    assert not app.exception, [e.value for e in app.exception]
    assert db.exists() and len([m for m in app.metric if m.label != bootstrap.WARM_UP]) == 8
    assert bootstrap._maker is not None and bootstrap._maker.name == "dxdash-first-run"
    for _ in range(1200):  # a timed join never returns under faketime: it is looked at instead
        if not bootstrap._maker.is_alive():
            break
        time.sleep(0.05)
    assert first_run.status(db) == {"fraction": 1.0}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_first_run_that_breaks_off_says_why_in_the_reader_s_language(db, monkeypatch, lang):
    def broken(*args, **kwargs):
        raise RuntimeError("something of ours broke")

    monkeypatch.setattr(first_run, "prepare", broken)
    app = run_page("overview", lang)
    assert not app.exception, [e.value for e in app.exception]
    assert not db.exists()
    said = {
        "ja": "デモデータを取り込めませんでした: 取込に失敗しました",
        "en": "The demo data could not be loaded: the load failed",
    }
    assert any(said[lang] in s.label and "something of ours broke" in s.label for s in app.status), [
        s.label for s in app.status
    ]
