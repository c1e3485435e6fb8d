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


_OPEN_TABS = "_tab_words"  # session state: each set of tabs' URL key -> the word keys of its tabs


def remember_tabs(key: str, word_keys: list[str]) -> None:
    """A set of tabs whose open one the URL keeps under `key` by its label (components.lazy_tabs)."""
    st.session_state.setdefault(_OPEN_TABS, {})[key] = list(word_keys)


def carry_open_tabs(old: str, new: str) -> None:
    """On a switch of language, each open tab is named in the new language (the tabs' state, which the
    URL follows): its label in the old one would match no tab, and the first would open instead."""
    for key, word_keys in st.session_state.get(_OPEN_TABS, {}).items():
        shown = st.session_state.get(key) or st.query_params.get(key)
        for word in word_keys:
            if shown == translate(old, word):
                st.session_state[key] = translate(new, word)  # the URL follows the tabs' state
                break
