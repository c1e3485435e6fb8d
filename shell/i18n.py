"""The reader's language (URL, session, browser) and `t`, the words of the table in that language."""

from __future__ import annotations

import streamlit as st

from presentation.words import LANGUAGES, Words, translate


def lang() -> str:
    return st.session_state.get("lang", "ja")


def t(key: str, **params) -> str:
    return translate(lang(), key, **params)


def words() -> Words:
    """The current language's words, for a figure builder."""
    return Words(lang())


def browser_language() -> str:
    """The first visit follows the browser's language."""
    locale = (st.context.locale or "") if hasattr(st.context, "locale") else ""
    return "ja" if locale.lower().startswith("ja") else "en" if locale else "ja"


def init_language() -> str:
    """?lang= in the URL wins, then the choice made in this session, then the browser."""
    from_url = st.query_params.get("lang")
    if from_url in LANGUAGES:
        st.session_state["lang"] = from_url
    elif "lang" not in st.session_state:
        st.session_state["lang"] = browser_language()
    st.query_params["lang"] = st.session_state["lang"]
    return st.session_state["lang"]
