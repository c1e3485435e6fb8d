"""Staging one source table (a CSV file or a workbook sheet) on its way into a raw table: the temp tables
it needs, typing its values, recording the rows with issues, and writing the good rows by key.

A `Staging` owns every temp table it makes and drops them all when it closes, so a load, a preview and
the next file never see another file's work tables.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import duckdb

from etl.db import scalar, unordered
from etl.kinds import (
    CODE,
    DATE,
    DATE_OR_MONTH,
    EMAIL,
    GRANULARITY,
    GRANULARITY_TYPE,
    SQL_TYPES,
    TEXT,
    Column,
    raw_table,
)
from etl.mapping import Match
from etl.messages import MESSAGES
from etl.models import touched_table
from etl.normalize import EMAIL_FORM, parse_value
from etl.readers import SourceTable

if TYPE_CHECKING:  # a large CSV load stays without pandas until the models need it
    import pandas as pd

SEVERITIES = ("quarantine", "warning")  # a bad required value sets the row aside; a bad optional one warns
MISSING_PERSON = "missing_person"  # the reason of a row that names none of its kind's `any_of` columns
_SAFE_LITERAL = re.compile(r"[A-Za-z0-9_.\-]*")


def literal(value: str) -> str:
    """A constant of the contract (a column's default) as SQL text, where DuckDB cannot bind one (a view).
    Only plain words and numbers pass: anything else is a programming error, never pasted."""
    if not _SAFE_LITERAL.fullmatch(value):
        raise ValueError(f"not a plain constant: {value!r}")
    return f"'{value}'"


def create_reasons(con: duckdb.DuckDBPyConnection) -> None:
    """The reasons of the row issues in both languages, as a temp table the issues are joined to."""
    con.execute(
        """create or replace temp table _reasons as select unnest(?::varchar[]) as code,
           unnest(?::varchar[]) as ja, unnest(?::varchar[]) as en""",
        [list(MESSAGES), [t["ja"] for t in MESSAGES.values()], [t["en"] for t in MESSAGES.values()]],
    )


# fixed day forms DuckDB types itself (strptime) when every distinct value of a date column is in one
DAY_FORMS = ("%Y/%m/%d",)


# kintone's and the e-learning services' UTC datetimes (2024-04-01T09:30:00Z): where every distinct value
# of a date column is one and DuckDB reads each, DuckDB types them (Tokyo has no summer time: UTC+9)
# instead of Python, value by value (tens of thousands in a service's activity report)
UTC_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
UTC_FORM = "%Y-%m-%dT%H:%M:%SZ"


def _utc_stamps(con: duckdb.DuckDBPyConnection, column: Column, distinct: list[str]) -> bool:
    """True where every distinct value of a date column is a UTC stamp that DuckDB reads."""
    if column.type not in (DATE, DATE_OR_MONTH) or not distinct:
        return False
    if not all(UTC_STAMP.fullmatch(raw) for raw in distinct):
        return False
    return not scalar(
        con,
        f"""select count(*) from (select unnest(?::varchar[]) as raw) where try_strptime(raw, '{UTC_FORM}') is null""",
        [distinct],
    )


_SEPARATOR = "\x1f"  # the unit separator: not printable, so inside no plain value
_EXCEL_INTEGER = re.compile(r"(?:^|\x1f)\d+\.0(?=\x1f|$)")  # 123.0: a code Excel stored as a number


def _all_plain(joined: str, count: int) -> bool:
    """Whether each of `count` values joined by _SEPARATOR is printable ASCII with no space at either end
    (text that `normalize.clean` returns as it is). Printable ASCII has no whitespace but the space."""
    return (
        joined.count(_SEPARATOR) == max(count - 1, 0)
        and joined.isascii()
        and joined.replace(_SEPARATOR, "").isprintable()
        and not joined.startswith(" ")
        and not joined.endswith(" ")
        and f" {_SEPARATOR}" not in joined
        and f"{_SEPARATOR} " not in joined
    )


def _already_canonical(type_: str, distinct: list[str]) -> bool:
    """True where every distinct value of a code, text or address column is its own parsed value, found
    with string methods on the values joined, rather than the parser value by value (staff ids and
    addresses: most of a load's distinct values, tens of thousands)."""
    if type_ not in (CODE, TEXT, EMAIL):
        return False
    joined = _SEPARATOR.join(distinct)
    if not _all_plain(joined, len(distinct)):
        return False
    if type_ == CODE:
        return _EXCEL_INTEGER.search(joined) is None
    if type_ == EMAIL:
        return joined == joined.lower() and all(EMAIL_FORM.fullmatch(raw) for raw in distinct)
    return True


def _date_form(column: Column, distinct: list[str], parsed: list[tuple]) -> str | None:
    """The one fixed day form every distinct value of a date column is written in, where each value
    reads as a day and writes back as the very text (so equal text is an equal date); else None."""
    if column.type not in (DATE, DATE_OR_MONTH) or not distinct:
        return None
    if any(e is not None or g != "day" for _, g, e in parsed):
        return None
    for form in DAY_FORMS:
        if all(v.strftime(form) == raw for raw, (v, _, _) in zip(distinct, parsed, strict=True)):
            return form
    return None


class Staging:
    """The work tables of one source table of one kind.

    SOURCE holds the rows as the reader materialised them; INPUT is a view of a text column per mapped
    column plus `_row` (the record's number as a spreadsheet shows it); TYPED adds, per column, the typed
    value, its raw text (`<name>__raw`) and an error code (`<name>__err`).
    """

    SOURCE = "_src"
    INPUT = "_in"
    TYPED = "_typed"

    def __init__(self, con: duckdb.DuckDBPyConnection, table: SourceTable, match: Match):
        self.con = con
        self.table = table
        self.match = match
        self.kind = match.kind
        self.canonical: set[str] = set()  # columns whose raw text is their value (equal text, equal value)
        self.mapped: set[str] = set()
        self.key_text_repeats = True
        self._maps: list[str] = []

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        views = [f"drop view if exists {view};" for view in ("_accepted_rows", self.TYPED, self.INPUT)]
        tables = [
            f"drop table if exists {work};"
            for work in ("_repeated", "_superseded", "_accepted", self.SOURCE, *self._maps)
        ]
        self.con.execute(" ".join(views + tables))  # one call: a load of many small files makes many

    def read(self) -> int:
        """Materialises the source's rows; returns how many there are. Call it outside a transaction:
        DuckDB's refusal of a file then aborts nothing, and the file is rejected with a reason."""
        self.table.materialise(self.con, self.SOURCE, self.INPUT, self.match.columns)
        return scalar(self.con, f"select count(*) from {self.INPUT}")

    def type_rows(self) -> None:
        """Parses each distinct raw value once in Python, then joins the answers back in DuckDB."""
        kind, con = self.kind, self.con
        selects, joins = ["i._row"], []
        # every mapped column's distinct values: a query per column, which DuckDB runs in parallel (one
        # query of several list(distinct) aggregates runs them one after another)
        mapped = [c.name for c in kind.columns if c.name in self.match.columns]
        values = {
            n: con.execute(
                f'select list(distinct "{n}") filter (where "{n}" is not null) from {self.INPUT}'
            ).fetchone()[0]
            or []
            for n in mapped
        }
        # whether the key's text repeats (if every key column turns out canonical, distinct texts are
        # distinct keys, and the upsert need not look for repeated keys): the keys' hashes, sorted
        key_text = [k for k in kind.key if k in self.match.columns]
        hashes = con.execute(
            "select hash(" + ", ".join(f'"{k}"' for k in key_text) + f") as h from {self.INPUT}"
        ).fetchnumpy()["h"]
        hashes.sort()
        self.key_text_repeats = bool((hashes[1:] == hashes[:-1]).any())
        del hashes
        self.mapped = set(mapped)
        for position, column in enumerate(kind.columns):
            sql_type = SQL_TYPES[column.type]
            name = column.name
            if name not in self.match.columns:
                default = f"cast({literal(column.default)} as {sql_type})" if column.default else "null"
                selects += [
                    f'{default} as "{name}"',
                    f'cast(null as varchar) as "{name}__raw"',
                    f'cast(null as varchar) as "{name}__err"',
                ]
                selects += self._granularity(column, "null")
                continue
            distinct = values[name]
            missing = "'missing'" if column.required else "null"
            if _utc_stamps(con, column, distinct):
                text = f'i."{name}"'
                selects += [
                    f'{self._value(column, f"strptime({text}, {UTC_FORM!r}) + interval 9 hour")} as "{name}"',
                    f'{text} as "{name}__raw"',
                    f'case when {text} is null then {missing} end as "{name}__err"',
                ]
                selects += self._granularity(column, "'day'")
                continue
            # a code, text or address column whose every value is its own parsed value needs no parsing
            # (most of a load's distinct values: staff ids, addresses), nor a look at what it parsed to
            already = _already_canonical(column.type, distinct)
            parsed = [] if already else [parse_value(column.type, raw) for raw in distinct]
            granularities = {g for _, g, _ in parsed}
            form = None if already else _date_form(column, distinct, parsed)
            if (
                already
                or form is not None
                or (
                    all(e is None and str(v) == raw for raw, (v, _, e) in zip(distinct, parsed, strict=True))
                    and len(granularities) <= 1
                )
            ):
                # every value is already in its canonical form (or in one fixed day form, 2024/04/01, that
                # is one date per text and back): a cast, no lookup join (large files)
                self.canonical.add(name)
                text = f'i."{name}"'
                typed = text if form is None else f"strptime({text}, '{form}')"
                selects += [
                    f'{self._value(column, typed)} as "{name}"',
                    f'i."{name}" as "{name}__raw"',
                    f'case when i."{name}" is null then {missing} end as "{name}__err"',
                ]
                only = next(iter(granularities), None)
                selects += self._granularity(column, literal(only) if only else "null")
                continue
            alias, table = f"m{position}", f"_map{position}"
            self._maps.append(table)
            con.execute(
                f"""create or replace temp table {table} as select
                    unnest(?::varchar[]) as raw, unnest(?::varchar[]) as value,
                    unnest(?::varchar[]) as granularity, unnest(?::varchar[]) as err""",
                [
                    distinct,
                    [None if v is None else str(v) for v, _, _ in parsed],
                    [g for _, g, _ in parsed],
                    [e for _, _, e in parsed],
                ],
            )
            joins.append(f'left join {table} {alias} on i."{name}" = {alias}.raw')
            selects += [
                f'{self._value(column, f"{alias}.value")} as "{name}"',
                f'i."{name}" as "{name}__raw"',
                f'case when i."{name}" is null then {missing} else {alias}.err end as "{name}__err"',
            ]
            selects += self._granularity(column, f"{alias}.granularity")
        # a view: the rows are read once more for the issues and once for the accepted rows, which
        # costs less than copying every column of a large file
        con.execute(
            f"""create or replace temp view {self.TYPED} as select {", ".join(selects)}
                from {self.INPUT} i {" ".join(joins)}"""
        )

    @staticmethod
    def _value(column: Column, text: str) -> str:
        value = f"cast({text} as {SQL_TYPES[column.type]})"
        if column.default:
            value = f"coalesce({value}, cast({literal(column.default)} as {SQL_TYPES[column.type]}))"
        return value

    def _granularity(self, column: Column, value: str) -> list[str]:
        """The day-or-month column of a kind keeps which it was (Kind.granularity_of)."""
        if column.name != self.kind.granularity_of:
            return []
        return [f"cast({value} as {GRANULARITY_TYPE}) as {GRANULARITY}"]

    def _required_ok(self) -> str:
        checks = [f'"{c}__err" is null' for c in self.kind.required]
        if self.kind.any_of:
            checks.append(f"{self._any_of_value()} is not null")
        return " and ".join(checks)

    def _any_of_value(self) -> str:
        """The first filled value of the kind's `any_of` group (null: the row names none of them)."""
        return "coalesce(" + ", ".join(f'"{c}"' for c in self.kind.any_of) + ")"

    def record_issues(self, load_id: int, file_name: str, severity: str) -> int:
        """Writes the rows with a bad value into row_issues: quarantine for a bad required value, a
        warning for a bad optional one (stored as missing). Returns how many rows have one."""
        if severity not in SEVERITIES:
            raise ValueError(severity)
        kind = self.kind
        columns = [c for c in kind.columns if c.required == (severity == "quarantine")]
        if not columns:
            return 0
        raw_json = "to_json({" + ", ".join(f"'{c.name}': \"{c.name}__raw\"" for c in kind.columns) + "})"
        parts, params = [], []
        for column in columns:
            err = f'"{column.name}__err"'
            parts.append(
                f"""select ?, ?, ?, ?, ?, _row, ?, "{column.name}__raw", {err}, r.ja, r.en,
                    cast({raw_json} as varchar)
                    from {self.TYPED} left join _reasons r on r.code = {err} where {err} is not null"""
            )
            params += [load_id, severity, kind.name, file_name, self.table.sheet, column.name]
        conditions = [f'"{c.name}__err" is not null' for c in columns]
        if severity == "quarantine" and kind.any_of:
            # a row that fills none of a group of which one is needed: set aside under the group's first
            # column in the file (its raw value is empty)
            named = next(c for c in kind.any_of if c in self.match.columns)
            parts.append(
                f"""select ?, ?, ?, ?, ?, _row, ?, cast(null as varchar), r.code, r.ja, r.en,
                    cast({raw_json} as varchar)
                    from {self.TYPED} join _reasons r on r.code = ?
                    where {self._any_of_value()} is null"""
            )
            params += [load_id, severity, kind.name, file_name, self.table.sheet, named, MISSING_PERSON]
            conditions.append(f"{self._any_of_value()} is null")
        condition = " or ".join(conditions)
        rows = scalar(self.con, f"select count(*) from {self.TYPED} where {condition}")
        if rows:  # most files have none: one scan of the rows, not two
            self.con.execute(f"insert into row_issues {' union all '.join(parts)}", params)
        return rows

    def sample(self, rows: int) -> pd.DataFrame:
        """The first good rows as they would be stored."""
        names = ", ".join(f'"{c.name}"' for c in self.kind.columns)
        return self.con.execute(
            f"select _row, {names} from {self.TYPED} where {self._required_ok()} order by _row limit ?",
            [rows],
        ).df()

    def upsert(self, source_id: int, refresh_incremental: bool) -> None:
        """A later row with the same key replaces an earlier one, within the file and across loads.

        Real exports have a distinct key on every row, so the costly parts run only where needed: the
        within-file dedupe only when keys repeat, the delete only for keys already stored.
        """
        kind, con = self.kind, self.con
        required_ok = self._required_ok()
        key = list(kind.stored_key)
        target = raw_table(kind.name)
        columns = ", ".join(f'"{name}"' for name, _ in kind.stored_columns)
        # equal text is an equal value in a canonical column, so its text is hashed: no cast to compute;
        # a canonical day-or-month column has one granularity only, which need not be hashed
        hashed = (
            "hash("
            + ", ".join(
                f'"{k}__raw"' if k in self.canonical else f'"{k}"'
                for k in key
                if not (k == GRANULARITY and kind.granularity_of in self.canonical)
            )
            + ")"
        )
        # keys that repeat within the file (equal hashes of different keys only cost a closer look);
        # no need to look where the typing scan found every key's text distinct and the text canonical
        latest = ""
        proven_distinct = not self.key_text_repeats and all(
            k in self.canonical for k in kind.key if k in self.mapped
        )
        if not proven_distinct:
            con.execute(
                f"""create or replace temp table _repeated as select {hashed} as h from {self.TYPED}
                    where {required_ok} group by all having count(*) > 1"""
            )
        if not proven_distinct and scalar(con, "select count(*) from _repeated"):
            partition = ", ".join(f'"{k}"' for k in key)
            # of the rows whose key repeats, all but the last are replaced by it
            con.execute(
                f"""create or replace temp table _superseded as select _row from {self.TYPED}
                    where {required_ok} and {hashed} in (select h from _repeated)
                    qualify row_number() over (partition by {partition} order by _row desc) > 1"""
            )
            latest = "and _row not in (select _row from _superseded)"
        accepted = f"""select {columns}, ?::integer as source_id, _row as source_row
                       from {self.TYPED} where {required_ok} {latest}"""
        stored = scalar(con, f"select count(*) from (select 1 from {target} limit 1)")
        # a date in the key bounds the stored rows a delete looks at
        dated = [k for k in key if k in {c.name for c in kind.columns if c.type in (DATE, DATE_OR_MONTH)}]
        with unordered(con):
            self._write(target, key, dated, accepted, [source_id], stored, latest)
        rows_in = "_accepted"
        if not stored and not latest:
            rows_in = "_accepted_rows"
            con.execute(
                f"create or replace temp view {rows_in} as select * from {self.TYPED} where {required_ok}"
            )
        if kind.refresh_groups and refresh_incremental:
            # the groups an incremental model recomputes (models.refresh_incremental)
            group = ", ".join(f'{expression} as "{name}"' for name, expression in kind.refresh_groups.items())
            touched = touched_table(kind.name)
            con.execute(
                f"create temp table if not exists {touched} as select {group} from {rows_in} s limit 0"
            )
            con.execute(f"insert into {touched} select distinct {group} from {rows_in} s")

    def _write(self, target, key, dated, accepted, params, stored, latest) -> None:
        con = self.con
        if not stored and not latest:
            # the common first load of a large export: straight in, one pass
            con.execute(f"insert into {target} by name {accepted}", params)
            return
        con.execute(f"create or replace temp table _accepted as {accepted}", params)
        if stored:
            on = " and ".join(f'{target}."{k}" is not distinct from a."{k}"' for k in key)
            # a date in the key bounds the stored rows to look at: a monthly export's rows sit
            # together, so DuckDB skips the row groups of other months without reading them
            bounds, bound_params = "", []
            for k in dated:
                low, high = con.execute(f'select min("{k}"), max("{k}") from _accepted').fetchone()
                bounds += f' and {target}."{k}" between ? and ?'
                bound_params += [low, high]
            con.execute(f"delete from {target} using _accepted a where {on}{bounds}", bound_params)
        con.execute(f"insert into {target} by name select * from _accepted")
