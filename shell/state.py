"""What a page keeps between its runs, each page in one small typed object under one session key.

Defined here, not in the page: a page file runs afresh on every rerun, and a class it defined would be a
new class each time."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

import streamlit as st

from shell.load_job import LoadJob

State = TypeVar("State")


@dataclass
class ImportState:
    # the outcome of the last action, shown once after the rerun it caused: (st method name, text)
    flash: tuple[str, str] | None = None
    # what each file of the last load became, shown once after its rerun
    last_result: list[dict] = field(default_factory=list)
    # bumped when a header mapping is saved, so that the previews are read again with it
    mapping_version: int = 0
    # the load this session started, while it runs and until the page has shown how it went
    job: LoadJob | None = None


@dataclass
class BriefingState:
    # the deck (snapshot, fiscal year, language, scope) whose files this session made; never the files
    made: tuple | None = None


def page_state(key: str, kind: type[State]) -> State:
    """The page's state object, made the first time the session opens the page."""
    state = st.session_state.get(key)
    if not isinstance(state, kind):
        state = st.session_state[key] = kind()
    return state


@dataclass
class PlannerState:
    # next year's Silver nominations and Gold places last set on the Impact page (None: the year's own),
    # kept here since Streamlit forgets a widget's value on a page that does not draw it: the briefing reads it
    fiscal_year: int | None = None  # the year they were set in: another year's briefing starts afresh
    nominations: int | None = None
    gold_places: int | None = None

    def inputs(self, fiscal_year: int | None = None) -> tuple[int | None, int | None]:
        if fiscal_year is not None and fiscal_year != self.fiscal_year:
            return None, None
        return self.nominations, self.gold_places
