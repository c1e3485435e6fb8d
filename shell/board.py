"""The project board: one column per status (idea, building, live), a card per seminar project."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from presentation import fmt
from presentation.charts.ideas import STATUSES
from presentation.untrusted import markdown
from presentation.words import PROJECT_STATUS_WORDS
from shell.i18n import lang, t


def card_lines(project: pd.Series, language: str) -> list[str]:
    """What a card says: the theme, the team, the dates, the idea it took up and the app it built."""
    lines = [f"**{markdown(project['theme'])}**", t("board_team", team=markdown(project["team"]))]
    if pd.notna(project["presented_on"]):
        lines.append(t("board_presented", day=fmt.day(project["presented_on"], language)))
    if pd.notna(project["live_on"]):
        lines.append(t("board_live", day=fmt.day(project["live_on"], language)))
    if project["has_idea"]:
        lines.append(t("board_idea", idea=markdown(project["idea_title"] or project["submission_id"])))
    else:
        lines.append(t("board_no_idea"))
    if project["has_app"]:
        lines.append(t("board_app", app=markdown(project["app_name"])))
    elif pd.notna(project["app_id"]):
        lines.append(t("board_app_unknown", app=markdown(project["app_id"])))
    return lines


def project_board(projects: pd.DataFrame) -> None:
    language = lang()
    columns = st.columns(len(STATUSES))
    for column, status in zip(columns, STATUSES, strict=True):
        cards = projects[projects["status"] == status]
        column.markdown(f"#### {t(PROJECT_STATUS_WORDS[status])} ({fmt.integer(len(cards))})")
        if cards.empty:
            column.caption(t("board_empty"))
        for _, project in cards.iterrows():
            column.container(border=True).markdown("  \n".join(card_lines(project, language)))
