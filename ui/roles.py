"""Roles and what each may see, from the roles file the office edits (data/roles.toml). No Streamlit:
the rules are plain data and functions, tested on their own."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from etl import config

ROLES = ("executive", "analyst", "data_admin")  # fewest rights first
READING_PAGES = ("overview", "briefing", "talent", "ideas", "learning", "apps", "hours", "costs", "quality")
PAGES = {
    # the programme pages show an executive aggregates only: no staff ids or names, small groups hidden
    "executive": ("overview", "briefing", "ideas", "learning"),
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


@dataclass(frozen=True)
class RolesFile:
    emails: dict[str, str] = field(default_factory=dict)  # lower-case address -> role
    groups: dict[str, str] = field(default_factory=dict)
    groups_claim: str = "groups"
    problem: str | None = None  # why the file could not be used (then nobody has a role)


def load(path: Path | None = None) -> RolesFile:
    path = path or config.roles_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return RolesFile(problem=f"{path.name}: {str(error).splitlines()[0][:200]}")
    emails: dict[str, str] = {}
    groups: dict[str, str] = {}
    roles = data.get("roles", {})
    for role in ROLES:  # later roles have more rights and win where a person matches several
        entry = roles.get(role, {}) if isinstance(roles, dict) else {}
        for email in entry.get("emails", []) if isinstance(entry, dict) else []:
            emails[str(email).strip().lower()] = role
        for group in entry.get("groups", []) if isinstance(entry, dict) else []:
            groups[str(group).strip()] = role
    return RolesFile(emails, groups, str(data.get("groups_claim", "groups")))


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
