"""Shared fixtures: a temporary database per test, and one demo database for the whole run."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl import demo, loader

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


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


def query(db: Path, sql: str, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="session")
def demo_exports(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo-exports")
    demo.write_demo(folder, seed=2024)
    return folder


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, demo_exports) -> Path:
    """The demo exports loaded through the ETL once; tests copy it when they need to write."""
    path = tmp_path_factory.mktemp("demo-db") / "dxdash.duckdb"
    result = loader.load([demo_exports], db=path)
    # everything loads but the demo's three bad rows, set aside on purpose (exit status 1)
    assert result.committed and result.exit_code == 1, result.to_json()
    assert sum(f.rows_quarantined for f in result.files) == 3, result.to_json()
    assert {f.status for f in result.files} == {"loaded"}, result.to_json()
    return path


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
