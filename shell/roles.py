"""Roles and what each may see, from the roles file the office edits (data/roles.toml). No Streamlit:
the rules are plain data and functions, tested on their own."""

from __future__ import annotations

import os
import stat
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from etl import config

ROLES = ("executive", "analyst", "data_admin")  # fewest rights first
READING_PAGES = (
    "overview",
    "briefing",
    "talent",
    "ideas",
    "learning",
    "impact",
    "apps",
    "hours",
    "costs",
    "quality",
)
PAGES = {
    # the programme pages show an executive aggregates only: no staff ids or names, small groups hidden
    "executive": ("overview", "briefing", "ideas", "learning", "impact"),
    "analyst": READING_PAGES,
    "data_admin": (*READING_PAGES, "import"),
}


@dataclass(frozen=True)
class User:
    id: str  # the e-mail address (or the local user)
    role: str
    mode: str  # local | oidc | header

    def may_open(self, page: str) -> bool:
        return page in PAGES[self.role]

    @property
    def sees_people(self) -> bool:
        """Staff ids and names, and the lists and downloads that hold them."""
        return self.role in ("analyst", "data_admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "data_admin"


MAX_BYTES = 1_000_000  # a roles file of thousands of addresses is a few hundred kB


@dataclass(frozen=True)
class RolesFile:
    emails: dict[str, str] = field(default_factory=dict)  # lower-case address -> role
    groups: dict[str, str] = field(default_factory=dict)
    groups_claim: str = "groups"
    problem: tuple[str, dict] | None = None  # why the file cannot be used (a words key and its values);
    # then nobody has a role


class _Unusable(Exception):
    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params


_read: dict[str, tuple[tuple, RolesFile]] = {}  # path -> (what the file was when read, what it said)
_read_lock = threading.Lock()


def load(path: Path | None = None) -> RolesFile:
    """The roles file, read again only when it changed (its inode, size or time of change). A file that
    is not a regular file, is larger than MAX_BYTES, is not TOML or holds a value of the wrong type is
    not used at all, and says why: a role granted by half a file is worse than none."""
    path = path or config.roles_path()
    name = path.name  # never the whole path: the message reaches people who have no role yet
    try:
        status = path.stat()
    except OSError as error:
        return RolesFile(problem=("roles_unreadable", {"file": name, "reason": error.strerror or "?"}))
    signature = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_mode)
    with _read_lock:
        known = _read.get(str(path))
    if known and known[0] == signature:
        return known[1]
    try:
        granted = _parse(_text(path, status), name)
    except _Unusable as unusable:
        granted = RolesFile(problem=(unusable.key, {"file": name, **unusable.params}))
    with _read_lock:
        _read[str(path)] = (signature, granted)
    return granted


def _text(path: Path, status: os.stat_result) -> str:
    if not stat.S_ISREG(status.st_mode):  # a FIFO or a device would hang or never end
        raise _Unusable("roles_not_a_file")
    if status.st_size > MAX_BYTES:
        raise _Unusable("roles_too_large", limit=f"{MAX_BYTES // 1_000_000} MB")
    try:  # opened without blocking, and checked again: the file may have been swapped since
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise _Unusable("roles_unreadable", reason=error.strerror or "?") from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise _Unusable("roles_not_a_file")
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _Unusable("roles_too_large", limit=f"{MAX_BYTES // 1_000_000} MB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Unusable("roles_not_utf8") from None


def _strings(value, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _Unusable("roles_not_a_list", where=where)
    return [item.strip() for item in value if item.strip()]


def _parse(text: str, name: str) -> RolesFile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _Unusable("roles_not_toml", detail=str(error).splitlines()[0][:200]) from None
    except RecursionError:  # arrays nested thousands deep
        raise _Unusable("roles_not_toml", detail="nested too deep") from None
    claim = data.get("groups_claim", "groups")
    if not isinstance(claim, str) or not claim.strip():
        raise _Unusable("roles_not_text", where="groups_claim")
    table = data.get("roles", {})
    if not isinstance(table, dict):
        raise _Unusable("roles_not_a_table", where="roles")
    unknown = sorted(set(table) - set(ROLES))
    if unknown:
        raise _Unusable("roles_unknown_role", role=unknown[0], roles=", ".join(ROLES))
    emails: dict[str, str] = {}
    groups: dict[str, str] = {}
    for role in ROLES:  # later roles have more rights and win where a person matches several
        entry = table.get(role, {})
        if not isinstance(entry, dict):
            raise _Unusable("roles_not_a_table", where=f"roles.{role}")
        for email in _strings(entry.get("emails", []), f"roles.{role}.emails"):
            emails[email.lower()] = role
        for group in _strings(entry.get("groups", []), f"roles.{role}.groups"):
            groups[group] = role
    return RolesFile(emails, groups, claim.strip())


def role_for(email: str | None, groups, roles: RolesFile) -> str | None:
    """The role with the most rights among those the address and the groups give; None for none."""
    found = []
    if email and email.strip().lower() in roles.emails:
        found.append(roles.emails[email.strip().lower()])
    if isinstance(groups, str):
        groups = [groups]
    for group in groups or []:
        if str(group) in roles.groups:
            found.append(roles.groups[str(group)])
    return max(found, key=ROLES.index) if found else None
