"""Shared fixtures: a temporary database per test, and one demo database for the whole run."""

from __future__ import annotations

import fcntl
import os
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest
from hypothesis import settings

from etl import demo, loader
from etl.fiscal import TODAY_VARIABLE

# no test is timed (speed lives in benchmarks/): a generated example's first call may import pandas on a
# busy machine, which Hypothesis' default 200 ms deadline reported as a flaky failure
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

# One "today" for every test, whatever the day it runs: the demo, the first-run bootstrap, AppTest and
# the browser tests' servers (which inherit the environment) all ask etl.fiscal.today_in_japan(). On this
# day the demo's FY2026 is in progress, its exports reach 31 October 2026, and the years before are complete.
TODAY = date(2026, 11, 16)
os.environ[TODAY_VARIABLE] = TODAY.isoformat()


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    """A fresh database path; DXDASH_DB points at it and the mapping file is a temporary one."""
    path = tmp_path / "db" / "dxdash.duckdb"
    monkeypatch.setenv("DXDASH_DB", str(path))
    monkeypatch.setenv("DXDASH_MAPPING", str(tmp_path / "mapping.toml"))
    monkeypatch.setenv("DXDASH_LANG", "en")
    return path


@pytest.fixture
def exports(tmp_path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def office_settings(tmp_path: Path, monkeypatch, text: str) -> Path:
    """The office's settings file with `text`, named by DXDASH_SETTINGS for this test."""
    settings = tmp_path / "settings.toml"
    settings.write_text(text, encoding="utf-8")
    monkeypatch.setenv("DXDASH_SETTINGS", str(settings))
    return settings


def query(db: Path, sql: str, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def built_once(tmp_path_factory, name: str, build) -> Path:
    """A folder `build` fills once for the whole run: with pytest-xdist, the first worker to ask builds it
    under a lock in the run's shared temporary folder and the others wait for it and read it."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent
    folder = shared / name
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / ".built").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            (folder / ".built").touch()
    return folder


@pytest.fixture(scope="session")
def demo_exports(tmp_path_factory) -> Path:
    return built_once(tmp_path_factory, "demo-exports", lambda folder: demo.write_demo(folder, seed=2024))


def _load_demo(folder: Path, exports: Path) -> None:
    result = loader.load([exports], db=folder / "dxdash.duckdb")
    # everything loads but the demo's three bad rows, set aside on purpose (exit status 1)
    assert result.committed and result.exit_code == 1, result.to_json()
    assert sum(f.rows_quarantined for f in result.files) == 3, result.to_json()
    assert {f.status for f in result.files} == {"loaded"}, result.to_json()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, demo_exports) -> Path:
    """The demo exports loaded through the ETL once; tests only read it, or copy it to write."""
    return (
        built_once(tmp_path_factory, "demo-db", lambda folder: _load_demo(folder, demo_exports))
        / "dxdash.duckdb"
    )


@pytest.fixture
def demo_db_copy(tmp_path, demo_db, monkeypatch) -> Path:
    path = tmp_path / "copy" / "dxdash.duckdb"
    path.parent.mkdir()
    shutil.copyfile(demo_db.resolve(), path)
    monkeypatch.setenv("DXDASH_DB", str(path))
    return path


def loaded_connection(db: Path, exports: Path, files: dict[str, str]):
    """Writes hand-made exports, loads them all in one run and opens the result read-only."""
    for name, text in files.items():
        write(exports, name, text)
    result = loader.load([exports], db=db)
    assert result.committed, result.to_json()
    return duckdb.connect(str(db), read_only=True)


@pytest.fixture(scope="module")
def demo_con(demo_db):
    con = duckdb.connect(str(demo_db), read_only=True)
    yield con
    con.close()
