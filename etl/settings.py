"""The business rules behind the figures, each defined once: its name in the settings file, its default,
the values it may take and the words that describe it. The SQL binds them (`$inactive_days`), the pages
and the briefing read them here, and the words that name them are written from the same value.

The grade bands (etl/plans.py) live in the same file and are read there: they are a list, not a number.
"""

from __future__ import annotations

import functools
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from etl import config


@dataclass(frozen=True)
class Rule:
    section: str  # the file's table: [lowcode]
    name: str  # its key, and the name the SQL binds and the words fill in: inactive_days
    default: int
    minimum: int
    maximum: int
    fixed: bool = False  # defined by the data contract: the same for every office, not read from the file

    @property
    def key(self) -> str:
        return f"{self.section}.{self.name}"


RULES: tuple[Rule, ...] = (
    # an app in operation with no use for this many days of data is inactive (the clean-up list)
    Rule("lowcode", "inactive_days", 180, 7, 3650),
    # an app used within this many days of the latest usage date counts as recently used
    Rule("lowcode", "recent_use_days", 90, 7, 3650),
    # an app usable for fewer days than this in a year is not scaled to a year (estimated vs realised)
    Rule("ideas", "min_days_to_annualise", 90, 1, 365),
    # the idea backlog lists ideas estimated at least this many hours a year, unless the reader picks another
    Rule("ideas", "backlog_min_hours", 300, 0, 100_000),
    # counts of fewer people than this are hidden from roles that see aggregates only (below 2 protects no one)
    Rule("privacy", "min_group_size", 5, 2, 100_000),
    # the programme nominates this many Silver change leaders per department; leader_coverage counts the
    # departments with at least this many (data contract, section 4)
    Rule("programme", "leaders_per_department", 2, 2, 2, fixed=True),
)
BY_NAME = {rule.name: rule for rule in RULES}
# the roster positions (職名) that count as managers: a new one is in such a position this year and was not
# last year (the Impact page asks whether new managers took the Bronze training); the file may list others
MANAGER_POSITIONS = ("係長", "課長", "部長")


@dataclass(frozen=True)
class Settings:
    values: dict[str, int]
    # (rule name, message key, parameters) of each value the file gives that cannot be used
    problems: tuple[tuple[str, str, dict], ...] = ()
    given: frozenset[str] = frozenset()  # the rules whose value is the file's
    manager_positions: tuple[str, ...] = MANAGER_POSITIONS

    def __getitem__(self, name: str) -> int:
        return self.values[name]


def load(path: Path | None = None) -> Settings:
    """The rules' values in force: the settings file's, else each rule's default. A value that is not a
    whole number within the rule's bounds is not used (the default applies) and is reported."""
    path = path or config.settings_path()
    try:
        stat = path.stat()
    except OSError:
        return _parse(None, None, ())
    return _parse(str(path), path.name, (stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size))


@functools.lru_cache(maxsize=8)
def _parse(path: str | None, name: str | None, version: tuple) -> Settings:
    # keyed on the file's time and size: an edited file is read again, an unchanged one once
    table: dict = {}
    if path is not None:
        try:
            with open(path, "rb") as handle:
                table = tomllib.load(handle)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            detail = str(error).splitlines()[0] if str(error) else type(error).__name__
            defaults = {rule.name: rule.default for rule in RULES}
            return Settings(defaults, (("*", "rules_unreadable", {"file": name, "detail": detail}),))
    values, problems, taken = {}, [], set()
    for rule in RULES:
        section = table.get(rule.section, {})
        given = section.get(rule.name) if isinstance(section, dict) and not rule.fixed else None
        if given is None:
            values[rule.name] = rule.default
        elif (whole := _whole(given)) is None or not rule.minimum <= whole <= rule.maximum:
            values[rule.name] = rule.default
            bounds = {"min": rule.minimum, "max": rule.maximum, "default": rule.default, "file": name}
            problems.append(
                (rule.name, "rule_out_of_range", {"rule": rule.key, "value": str(given), **bounds})
            )
        else:
            values[rule.name] = whole
            taken.add(rule.name)
    positions = (
        table.get("programme", {}).get("manager_positions")
        if isinstance(table.get("programme"), dict)
        else None
    )
    if positions is None:
        positions = MANAGER_POSITIONS
    elif (
        isinstance(positions, list) and positions and all(isinstance(p, str) and p.strip() for p in positions)
    ):
        positions = tuple(unicodedata.normalize("NFKC", p).strip() for p in positions)
    else:
        problems.append(
            (
                "manager_positions",
                "positions_unusable",
                {"file": name, "default": "、".join(MANAGER_POSITIONS)},
            )
        )
        positions = MANAGER_POSITIONS
    return Settings(values, tuple(problems), frozenset(taken), positions)


def _whole(given) -> int | None:
    """A whole number as the office may write it: 10, 10.0 or "10" (full-width digits too); else None."""
    if isinstance(given, bool):
        return None
    if isinstance(given, int):
        return given
    if isinstance(given, float) and given.is_integer():
        return int(given)
    if isinstance(given, str):
        text = unicodedata.normalize("NFKC", given).strip().replace(",", "")
        return int(text) if text.isdigit() else None
    return None


def value(name: str) -> int:
    """The value in force of rule `name`."""
    return load()[name]


def sql_parameters(names) -> dict[str, int]:
    """The rules among the `$names` a query binds, with their values in force."""
    settings = load()
    return {name: settings[name] for name in names if name in BY_NAME}
