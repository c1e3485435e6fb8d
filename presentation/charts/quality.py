"""Charts and tables of the data-quality page: rows held per kind, freshness, rows set aside."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from etl import settings
from etl.kinds import KINDS
from etl.mapping import display_name
from presentation import fmt
from presentation.charts.base import horizontal_bars
from presentation.words import KIND_WORDS, RULE_DESCRIPTIONS, SEVERITY_WORDS, Words


def kind_names(kinds: pd.Series, words: Words) -> pd.Series:
    """Kinds of export as a person names them (the names `--kind` takes are for the command line)."""
    return kinds.map(lambda kind: words(KIND_WORDS[kind]) if isinstance(kind, str) else "")


def rows_by_kind(frame: pd.DataFrame, words: Words) -> go.Figure:
    names = kind_names(frame["kind"], words)
    return horizontal_bars(
        names, frame["rows_held"], words("chart_rows_by_kind"), words("axis_rows"), words("col_kind")
    )


def freshness_table(frame: pd.DataFrame, words: Words) -> pd.DataFrame:
    """Each kind's latest date and last load, written as the cards write dates."""
    return frame.assign(
        kind=kind_names(frame["kind"], words),
        latest_date=frame["latest_date"].map(lambda d: fmt.day(d, words.lang) if d == d and d else "—"),
        last_loaded_at=frame["last_loaded_at"].astype(str).str[:16].replace("NaT", "—"),
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


def audit_table(entries: list[dict]) -> pd.DataFrame:
    """The audit log, newest first, with what was done written out."""
    import json

    rows = [
        {
            "at": entry.get("at", ""),
            "actor": entry.get("actor", ""),
            "action": entry.get("action", ""),
            "detail": json.dumps(entry.get("detail", {}), ensure_ascii=False),
        }
        for entry in reversed(entries)
    ]
    return pd.DataFrame(rows, columns=["at", "actor", "action", "detail"])


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
