"""Paths and settings in one place: the database path comes from DXDASH_DB, with a default."""

from __future__ import annotations

import os
import re
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_DB = DATA_DIR / "dxdash.duckdb"
DEFAULT_MAPPING = DATA_DIR / "mapping.toml"
DEFAULT_SETTINGS = DATA_DIR / "settings.toml"
SQL_DIR = Path(__file__).resolve().parent / "sql"

# How many earlier snapshots stay on disk (the one before the current is what "undo" restores).
SNAPSHOTS_KEPT = 3
# Uploads bigger than this are refused (bytes); a workbook may expand to at most this many bytes.
MAX_UPLOAD_BYTES = int(os.environ.get("DXDASH_MAX_UPLOAD_MB", "200")) * 1024 * 1024
MAX_WORKBOOK_EXPANDED_BYTES = int(os.environ.get("DXDASH_MAX_XLSX_EXPANDED_MB", "500")) * 1024 * 1024
# The text a workbook's cells may hold, counted cell by cell as read: one long shared string referenced by
# many cells is small in the file and huge once read, so the unpacked size alone does not bound it.
MAX_WORKBOOK_TEXT_CHARS = int(os.environ.get("DXDASH_MAX_XLSX_TEXT_MB", "100")) * 1_000_000
# Excel itself never writes a longer cell; a longer one is a damaged or hostile file.
EXCEL_CELL_CHARS = 32_767
# A CSV record may be this long (a pasted note); a longer one is refused with a reason.
MAX_CSV_LINE_BYTES = int(os.environ.get("DXDASH_MAX_CSV_LINE_MB", "64")) * 1024 * 1024
# The import page checks this many rows of each file before loading, and shows at most a page of them.
PREVIEW_ROWS = 1_000
PREVIEW_PAGE_ROWS = 100


# DuckDB's memory during a load; more is spilled to a temporary folder.
LOAD_MEMORY_LIMIT = "500MB"
_MEMORY = re.compile(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)


def load_memory_limit() -> str:
    """DuckDB's memory limit for a load or a preview: DXDASH_LOAD_MEMORY when it is a size (500MB,
    2GB), else the default."""
    value = os.environ.get("DXDASH_LOAD_MEMORY", "").strip()
    return value if _MEMORY.fullmatch(value) else LOAD_MEMORY_LIMIT


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """--db FILE, else DXDASH_DB, else the dashboard's own database file."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("DXDASH_DB")
    return Path(env) if env else DEFAULT_DB


def mapping_path() -> Path:
    env = os.environ.get("DXDASH_MAPPING")
    return Path(env) if env else DEFAULT_MAPPING


def roles_path() -> Path:
    """Who has which role when people sign in: DXDASH_ROLES, else data/roles.toml."""
    env = os.environ.get("DXDASH_ROLES")
    return Path(env) if env else DATA_DIR / "roles.toml"


def audit_path(db: str | os.PathLike | None = None) -> Path:
    """The audit log: beside the database, outside its snapshots (an undo never touches it)."""
    env = os.environ.get("DXDASH_AUDIT")
    return Path(env) if env and db is None else db_path(db).absolute().parent / "audit.jsonl"


def settings_path() -> Path:
    """The office's settings file (grade thresholds): DXDASH_SETTINGS, else data/settings.toml."""
    env = os.environ.get("DXDASH_SETTINGS")
    return Path(env) if env else DEFAULT_SETTINGS
