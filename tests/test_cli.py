"""The command line of contract section 5, run as the office would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from etl.fiscal import TODAY_VARIABLE, today_in_japan
from tests.conftest import write

ROOT = Path(__file__).resolve().parent.parent


def etl(*args: str, env_db: Path | None = None, module: str = "etl") -> subprocess.CompletedProcess:
    """`python -m etl ...` (or another module's command line) in a bare environment."""
    # bare, but for the one "today" every test shares
    env = {
        "PATH": "/usr/bin:/bin",
        "DXDASH_LANG": "en",
        "HOME": str(ROOT),
        TODAY_VARIABLE: today_in_japan().isoformat(),
    }
    if env_db is not None:
        env["DXDASH_DB"] = str(env_db)
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, env=env
    )


def test_demo_then_load_then_kpis_prints_the_city_story(tmp_path, demo_exports):
    db = tmp_path / "city.duckdb"
    loaded = etl("load", str(demo_exports), "--db", str(db), "--json")
    assert loaded.returncode == 1, loaded.stdout + loaded.stderr  # the demo's three bad rows are set aside
    report = json.loads(loaded.stdout)
    assert sum(f["rows_quarantined"] for f in report["files"]) == 3
    assert report["committed"] is True
    assert {f["status"] for f in report["files"]} == {"loaded"}
    assert set(report["files"][0]) >= {
        "path",
        "kind",
        "status",
        "rows_read",
        "rows_loaded",
        "rows_quarantined",
        "message",
    }
    figures = json.loads(etl("kpis", "--db", str(db), "--fy", "2024", "--json").stdout)
    assert figures["fiscal_year"] == 2024
    assert 80_000 <= figures["hours_saved"] <= 90_000
    assert 9_500_000_000 <= figures["cost_avoided_cumulative_yen"] <= 10_500_000_000
    assert figures["dx_talent_target"] == 2400
    assert 600 <= figures["certified"]["silver"] <= 900
    assert 13 * 3 <= figures["certified"]["gold"] <= 13 * 5
    coverage = figures["leader_coverage"]
    assert 300 <= coverage["departments_total"] <= 400
    assert (
        coverage["departments_total"] * 0.7 <= coverage["departments_covered"] < coverage["departments_total"]
    )
    assert set(figures) == {
        "fiscal_year", "certified", "dx_talent_cumulative", "dx_talent_target", "hours_saved",
        "cost_avoided_cumulative_yen", "apps_in_operation", "active_apps", "leader_coverage",
        "elearning", "as_of", "usage_as_of", "year_complete", "same_period_last_year", "plan",
    }  # fmt: skip
    assert set(figures["elearning"]) == {"learners", "hours", "completions"}
    assert figures["elearning"]["learners"] > 1_000 and figures["elearning"]["completions"] > 0
    assert figures["year_complete"] is True and figures["same_period_last_year"] is None
    assert figures["plan"]["dx_talent"]["grade"] in {"A", "B", "C", "D"}


def test_kpis_of_a_year_in_progress_compare_with_the_same_period_and_grade_the_plans(demo_db):
    db = demo_db  # read only: kpis never writes
    figures = json.loads(etl("kpis", "--db", str(db), "--json").stdout)
    assert figures["year_complete"] is False  # the demo runs to the end of last month
    same = figures["same_period_last_year"]
    assert same["fiscal_year"] == figures["fiscal_year"] - 1
    assert same["as_of"][5:] == figures["as_of"][5:] or figures["as_of"][5:] == "02-29"
    whole = json.loads(etl("kpis", "--db", str(db), "--fy", str(same["fiscal_year"]), "--json").stdout)
    assert same["hours_saved"] <= whole["hours_saved"]
    assert same["cost_avoided_cumulative_yen"] <= whole["cost_avoided_cumulative_yen"]
    assert len(figures["plan"]) >= 5
    assert {p["grade"] for p in figures["plan"].values()} <= {"A", "B", "C", "D", None}


def test_kpis_without_fy_uses_the_latest_fiscal_year_with_data(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "certs.csv", "職員番号,認定区分,認定日\n1,silver,2023-06-01\n2,gold,2025-06-01\n")
    db = tmp_path / "x.duckdb"
    assert etl("load", str(folder), "--db", str(db)).returncode == 0
    figures = json.loads(etl("kpis", "--db", str(db), "--json").stdout)
    assert figures["fiscal_year"] == 2025
    assert figures["dx_talent_cumulative"] == 2


def test_db_defaults_to_the_environment_variable(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "orgs.csv", "所属コード,所属名\n0101,総務課\n")
    db = tmp_path / "env.duckdb"
    assert etl("load", str(folder), env_db=db).returncode == 0
    assert db.exists()


def test_a_database_path_relative_to_the_working_folder_keeps_its_snapshot(tmp_path):
    # the cleanup after a load once took the new snapshot, named relatively, for an old one and deleted it
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "orgs.csv", "所属コード,所属名\n0101,総務課\n")
    # bare, but for the one "today" every test shares
    env = {
        "PATH": "/usr/bin:/bin",
        "DXDASH_LANG": "en",
        "HOME": str(ROOT),
        TODAY_VARIABLE: today_in_japan().isoformat(),
    }
    for _ in range(2):  # a first load, and one onto it
        write(
            folder,
            "orgs.csv",
            "所属コード,所属名\n0101,総務課\n0102,人事課\n" if _ else "所属コード,所属名\n0101,総務課\n",
        )
        load = subprocess.run(
            [sys.executable, "-m", "etl", "load", str(folder), "--db", "rel/city.duckdb"],
            cwd=tmp_path, capture_output=True, text=True, env={**env, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        assert load.returncode == 0, load.stderr
        assert (tmp_path / "rel" / "city.duckdb").resolve().exists()


def test_exit_status_one_when_a_row_is_set_aside_and_the_rest_commits(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "certs.csv", "職員番号,認定区分,認定日\n1,silver,2023-06-01\n2,silver,someday\n")
    db = tmp_path / "x.duckdb"
    run = etl("load", str(folder), "--db", str(db), "--json")
    assert run.returncode == 1
    report = json.loads(run.stdout)
    assert report["committed"] is True
    assert (report["files"][0]["rows_loaded"], report["files"][0]["rows_quarantined"]) == (1, 1)


def test_a_broken_file_gets_one_line_and_no_traceback(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    run = etl("load", str(folder), "--db", str(tmp_path / "x.duckdb"))
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert len(run.stdout.strip().splitlines()) == 1


def test_exit_status_two_when_the_database_cannot_be_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "orgs.csv", "所属コード,所属名\n0101,総務課\n")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    run = etl("load", str(folder), "--db", str(blocker / "x.duckdb"), "--json")
    assert run.returncode == 2
    assert json.loads(run.stdout)["committed"] is False
    assert "Traceback" not in run.stderr


def test_kpis_with_no_database_says_so(tmp_path):
    run = etl("kpis", "--db", str(tmp_path / "none.duckdb"), "--json")
    assert run.returncode == 2 and "load" in run.stderr and "Traceback" not in run.stderr


def test_messages_follow_the_language(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "orgs.csv", "所属コード,所属名\n0101,総務課\n")
    env = {"PATH": "/usr/bin:/bin", "DXDASH_LANG": "ja"}
    run = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(folder), "--db", str(tmp_path / "x.duckdb")],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert "取り込みました" in run.stdout


def test_the_same_seed_writes_the_same_files(tmp_path):
    from etl import demo

    first = {p.name: p.read_bytes() for p in demo.write_demo(tmp_path / "a", seed=7, scale=0.1)}
    second = {p.name: p.read_bytes() for p in demo.write_demo(tmp_path / "b", seed=7, scale=0.1)}
    assert first == second
    assert (tmp_path / "a" / "demo-manifest.json").exists()


def test_a_load_that_waits_for_another_writer_says_who_and_since_when(tmp_path):
    """A load of the command line behind an undo of another process: it says what it waits for, then
    loads once the lock is free."""
    import threading

    from etl.snapshots import SnapshotStore

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "orgs.csv", "所属コード,所属名\n0101,総務課\n")
    db = tmp_path / "x.duckdb"
    store = SnapshotStore(db)
    held, release = threading.Event(), threading.Event()

    def hold():
        with store.lock("undo"):
            held.set()
            release.wait()  # untimed: a timed wait never returns under faketime

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    held.wait()
    process = subprocess.Popen(
        [sys.executable, "-m", "etl", "load", str(folder), "--db", str(db)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={"PATH": "/usr/bin:/bin", "DXDASH_LANG": "en", "HOME": str(ROOT)},
    )  # fmt: skip
    try:
        said = process.stderr.readline()
    finally:
        release.set()
    out, _ = process.communicate(timeout=120)
    started = store.folder / ".writer.json"
    assert said.startswith("Another process is updating the data (an undo of a load, started at "), said
    assert "waiting for it to end" in said and not started.exists()
    assert process.returncode == 0 and "1 row(s) loaded" in out, out
