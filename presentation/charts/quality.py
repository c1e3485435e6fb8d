"""Charts and tables of the data-quality page: rows held per kind, freshness, rows set aside."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from etl import settings
from etl.first_run import ACTOR as FIRST_RUN_ACTOR
from etl.kinds import KINDS
from etl.mapping import display_name
from presentation import fmt
from presentation.charts.base import horizontal_bars
from presentation.words import (
    AUDIT_ACTION_WORDS,
    AUDIT_MODE_WORDS,
    KIND_WORDS,
    LOAD_STATUS_WORDS,
    ROLE_WORDS,
    RULE_DESCRIPTIONS,
    SEVERITY_WORDS,
    Words,
)


def kind_names(kinds: pd.Series, words: Words) -> pd.Series:
    """Kinds of export as a person names them (the names `--kind` takes are for the command line)."""
    return kinds.map(lambda kind: words(KIND_WORDS[kind]) if isinstance(kind, str) else "")


def rows_by_kind(frame: pd.DataFrame, words: Words) -> go.Figure:
    names = kind_names(frame["kind"], words)
    title, rows = words("chart_rows_by_kind"), words("unit_rows")
    return horizontal_bars(names, frame["rows_held"], title, words("axis_rows"), words("col_kind"), rows)


def freshness_table(frame: pd.DataFrame, words: Words) -> pd.DataFrame:
    """Each kind's latest date and last load, written as the cards write dates."""
    return frame.assign(
        kind=kind_names(frame["kind"], words),
        latest_date=frame["latest_date"].map(lambda d: fmt.day(d, words.lang) if d == d and d else "—"),
        last_loaded_at=frame["last_loaded_at"].map(
            lambda at: fmt.moment(str(at), words.lang) if at == at else "—"
        ),
    )


def issues_table(frame: pd.DataFrame, words: Words) -> pd.DataFrame:
    """Rows set aside or warned about, with their kind and severity in words, and each column named as
    the office's export heads it (職員番号 on a Japanese page, not staff_id)."""
    return frame.assign(
        kind_name=kind_names(frame["kind"], words),
        severity_name=frame["severity"].map(lambda severity: words(SEVERITY_WORDS[severity])),
        column_name=[
            _column_word(kind, column, words.lang)
            for kind, column in zip(frame["kind"], frame["column_name"], strict=True)
        ],
    )


def _column_word(kind: str, column: str, lang: str) -> str:
    known = KINDS.get(kind)
    if known is None or column not in {c.name for c in known.columns}:
        return column  # a database from another version: its own name
    return display_name(known, column, lang)


def warning_params(params: dict, words: Words) -> dict:
    """A freshness warning's parameters as a person reads them (dates, fiscal years)."""
    return {
        key: fmt.day(value, words.lang)
        if isinstance(value, date)
        else fmt.fiscal_year(value, words.lang)
        if key == "fy"
        else value
        for key, value in params.items()
    }


def audit_table(entries: list[dict], words: Words) -> pd.DataFrame:
    """The audit log, newest first: what was done and its detail written out in the reader's words (the
    file, audit.jsonl, keeps the entries as they were recorded)."""
    rows = [
        {
            "at": fmt.moment(
                entry.get("at"), words.lang, seconds=True
            ),  # recorded in UTC, read in Japan's time
            # the first start's own loads are the dashboard's, named in the reader's words
            "actor": words("audit_actor_first_run")
            if entry.get("actor") == FIRST_RUN_ACTOR
            else entry.get("actor", ""),
            "action": words(AUDIT_ACTION_WORDS[action]) if action in AUDIT_ACTION_WORDS else str(action),
            "detail": audit_detail(action, entry.get("detail") or {}, words),
        }
        for entry in reversed(entries)
        for action in [entry.get("action", "")]
    ]
    return pd.DataFrame(rows, columns=["at", "actor", "action", "detail"])


def audit_detail(action: str, detail: dict, words: Words) -> str:
    """One entry's detail as a sentence; an entry of a shape this version does not know, as recorded."""
    import json

    try:
        if action == "load":
            files = detail.get("files") or []
            said = words("audit_list_separator").join(_audited_file(f, words) for f in files) or "-"
            if detail.get("snapshot"):
                said += words("audit_load_snapshot", snapshot=detail["snapshot"])
            outcome = {"failed": "audit_load_failed", "refused": "audit_load_refused"}.get(
                detail.get("outcome")
            )
            if outcome:
                said += words(outcome)
            return said
        if action == "undo" and detail.get("restored"):
            return words("audit_undo_detail", restored=detail["restored"], undone=detail.get("undone") or "-")
        if action == "sign_in" and detail.get("role") in ROLE_WORDS:
            mode = detail.get("mode")
            how = words(AUDIT_MODE_WORDS[mode]) if mode in AUDIT_MODE_WORDS else str(mode or "-")
            return words("audit_sign_in_detail", role=words(ROLE_WORDS[detail["role"]]), mode=how)
        if action == "download" and {"table", "format", "rows"} <= detail.keys():
            rows = fmt.integer(int(detail["rows"]))
            return words("audit_download_detail", file=f"{detail['table']}.{detail['format']}", rows=rows)
        if action == "mapping" and detail.get("kind") in KINDS:
            kind = KINDS[detail["kind"]]
            column = display_name(kind, detail.get("column", ""), words.lang)
            return words(
                "audit_mapping_detail",
                kind=words(KIND_WORDS[kind.name]),
                header=detail.get("header", ""),
                column=column,
            )
    except (KeyError, TypeError, ValueError, AttributeError):
        pass  # an entry edited by hand, or of an older shape
    return json.dumps(detail, ensure_ascii=False)


def _audited_file(entry: dict, words: Words) -> str:
    kind = entry.get("kind")
    status = entry.get("status")
    return words(
        "audit_load_file",
        file=entry.get("file", "-"),
        kind=words(KIND_WORDS[kind]) if kind in KIND_WORDS else words("audit_kind_unknown"),
        status=words(LOAD_STATUS_WORDS[status]) if status in LOAD_STATUS_WORDS else str(status or "-"),
    )


RULE_SOURCES = {"file": "rule_from_file", "default": "rule_from_default", "contract": "rule_from_contract"}


def rules_table(in_force: settings.Settings, given: frozenset[str], words: Words) -> pd.DataFrame:
    """Every business rule with its words, its value in force and its default, and where the value comes
    from (`given`: the rules the settings file sets and that could be used)."""
    rows = []
    for rule in settings.RULES:
        source = "contract" if rule.fixed else "file" if rule.name in given else "default"
        rows.append(
            {
                "rule": words(RULE_DESCRIPTIONS[rule.name]),
                "key": rule.key,
                "value": fmt.integer(in_force[rule.name]),
                "default": fmt.integer(rule.default),
                "source": words(RULE_SOURCES[source]),
            }
        )
    return pd.DataFrame(rows)
