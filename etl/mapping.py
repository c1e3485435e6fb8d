"""Header recognition: which kind a header row is, and which header feeds which column."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from etl import config
from etl.db import first_line
from etl.kinds import ANY_OF, KINDS, Kind
from etl.messages import msg
from etl.normalize import header_key


def load_extra_aliases(
    path: Path | None = None, problems: list[str] | None = None, lang: str | None = None
) -> dict[str, dict[str, list[str]]]:
    """Aliases a user added in data/mapping.toml: {kind: {column: [names]}}.

    A file that cannot be read is not fatal: no extra aliases, and the reason is added to `problems`
    in `lang`, so a load can say why its headers were not recognised.
    """
    path = path or config.mapping_path()
    if not path.exists():
        return {}
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        if problems is not None:
            problems.append(msg("mapping_unreadable", lang, file=path.name, detail=first_line(error)))
        return {}
    extra: dict[str, dict[str, list[str]]] = {}
    aliases = document.get("aliases")
    for kind_name, columns in (aliases if isinstance(aliases, dict) else {}).items():
        if kind_name not in KINDS or not isinstance(columns, dict):
            continue
        known = {c.name for c in KINDS[kind_name].columns}
        extra[kind_name] = {
            col: [str(n) for n in names]
            for col, names in columns.items()
            if col in known and isinstance(names, list)
        }
    return extra


HEADER_COMMENT = (
    "# Extra header names (aliases) for the export kinds of the data contract, as\n"
    '# [aliases.<kind>] <column> = ["header", ...]. The import page adds to it; it may be edited by hand.\n'
)


def save_alias(kind: str, column: str, header: str, path: Path | None = None) -> None:
    """Adds one alias to the mapping file (used by the import page), written by a TOML library so that
    any header (a line break from Excel's Alt+Enter, quotes, backslashes) round-trips."""
    path = path or config.mapping_path()
    extra = load_extra_aliases(path)
    names = extra.setdefault(kind, {}).setdefault(column, [])
    if header not in names:
        names.append(header)
    document = {"aliases": {k: {c: extra[k][c] for c in sorted(extra[k])} for k in sorted(extra)}}
    path.parent.mkdir(parents=True, exist_ok=True)
    text = _comment_lines(path) + tomli_w.dumps(document)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)  # a reader never sees half a file


def _comment_lines(path: Path) -> str:
    if not path.exists():
        return HEADER_COMMENT
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    except (OSError, UnicodeDecodeError):
        return HEADER_COMMENT
    return "\n".join(lines) + "\n" if lines else HEADER_COMMENT


@dataclass
class Match:
    kind: Kind
    # canonical column -> index of the header that feeds it
    columns: dict[str, int]
    missing: list[str]

    @property
    def complete(self) -> bool:
        return not self.missing


def _candidates(kind: Kind, extra: dict[str, list[str]]):
    for column in kind.columns:
        names = [column.name, *column.aliases, *extra.get(column.name, [])]
        yield column, [header_key(n) for n in names]


def known_headers(extra=None) -> set[str]:
    """Every header name some kind accepts, as headers are compared (a sheet's header row is looked for)."""
    return {
        name
        for kind in KINDS.values()
        for _, names in _candidates(kind, (extra or {}).get(kind.name, {}))
        for name in names
    }


def match_kind(kind: Kind, headers: list[str], extra=None) -> Match:
    """Which header feeds each column: the canonical name wins, then the alias listed first."""
    keys = [header_key(h) for h in headers]
    used: set[int] = set()
    columns: dict[str, int] = {}
    for column, names in _candidates(kind, (extra or {}).get(kind.name, {})):
        for name in names:
            index = next((i for i, k in enumerate(keys) if k == name and i not in used), None)
            if index is not None:
                columns[column.name] = index
                used.add(index)
                break
    # a group of which one would do is missing when none of it is there
    missing = [n for n in kind.needed if not any(c in columns for c in n.split(ANY_OF))]
    return Match(kind, columns, missing)


@dataclass
class Recognition:
    match: Match | None
    # set when no kind or several kinds fit: every kind's match, best first
    candidates: list[Match]
    tie: bool = False


def recognise(headers: list[str], forced_kind: str | None = None, extra=None) -> Recognition:
    extra = load_extra_aliases() if extra is None else extra
    if forced_kind:
        match = match_kind(KINDS[forced_kind], headers, extra)
        return Recognition(match if match.complete else None, [match])
    matches = [match_kind(k, headers, extra) for k in KINDS.values()]
    complete = [m for m in matches if m.complete]
    if complete:
        complete.sort(key=lambda m: (m.kind.required_count, len(m.columns)), reverse=True)
        best = complete[0]
        rivals = [
            m
            for m in complete[1:]
            if (m.kind.required_count, len(m.columns)) == (best.kind.required_count, len(best.columns))
        ]
        if rivals:
            return Recognition(None, [best, *rivals], tie=True)
        return Recognition(best, complete)
    matches.sort(key=lambda m: (m.kind.required_count - len(m.missing)) / m.kind.required_count, reverse=True)
    return Recognition(None, [m for m in matches if len(m.missing) < m.kind.required_count][:3])


def display_name(kind: Kind, column: str, lang: str) -> str:
    """A column as the office writes it: its first Japanese alias in Japanese; a group of which one
    would do (Match.missing) as its names joined by a slash."""
    if ANY_OF in column:
        return " / ".join(display_name(kind, c, lang) for c in column.split(ANY_OF))
    col = kind.column(column)
    if lang == "ja" and col.aliases:
        return col.aliases[0]
    return col.name
