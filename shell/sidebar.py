"""The sidebar's widgets: the language switch and the shared filters (fiscal year, bureaus), kept in the
URL so a copied link opens the same view."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

import streamlit as st

from presentation import fmt
from presentation.words import LANGUAGES
from shell import data
from shell.access import sees_people
from shell.i18n import carry_open_tabs, lang, t


@dataclass(frozen=True)
class Filters:
    fiscal_year: int
    bureaus: tuple[str, ...]  # empty: all bureaus


def sidebar_filters(snapshot: str) -> Filters | None:
    """The URL sets the filters when a session starts; afterwards the widgets do, and the URL follows."""
    years = data.fiscal_years(snapshot)
    if not years:
        return None
    all_bureaus = data.bureaus(snapshot)
    if st.session_state.get("filter_fy") not in years:
        requested = unicodedata.normalize("NFKC", st.query_params.get("fy", ""))  # ２０２４ is 2024
        # four digits only: "²" is a digit to str.isdigit but no number to int(), and int() of a
        # 5,000-digit text raises
        asked = int(requested) if re.fullmatch(r"[0-9]{4}", requested) else None
        st.session_state["filter_fy"] = asked if asked in years else years[-1]
    if "filter_bureaus" not in st.session_state:
        st.session_state["filter_bureaus"] = [
            b for b in st.query_params.get_all("bureau") if b in all_bureaus
        ]
    st.session_state["filter_bureaus"] = [b for b in st.session_state["filter_bureaus"] if b in all_bureaus]
    # a role that sees aggregates only chooses one bureau at a time: a bureau's figures are hidden where
    # small on every bureau at once (privacy.cube_hidden), which a sum over any set of bureaus would undo
    # (the city less all bureaus but one)
    one_at_a_time = not sees_people()
    if one_at_a_time:
        st.session_state["filter_bureaus"] = st.session_state["filter_bureaus"][:1]

    st.sidebar.subheader(t("filters"))
    language = lang()  # captured: the label must not depend on state read later
    fiscal_year = st.sidebar.selectbox(
        t("filter_fy"),
        options=list(reversed(years)),
        format_func=lambda fy: fmt.fiscal_year(fy, language, wareki=True),
        key="filter_fy",
    )
    chosen = st.sidebar.multiselect(
        t("filter_bureau"),
        options=all_bureaus,
        key="filter_bureaus",
        placeholder=t("filter_bureau_all"),
        max_selections=1 if one_at_a_time else None,
        help=t("filter_bureau_one_help") if one_at_a_time else None,
    )
    if chosen:
        st.sidebar.caption(t("filter_bureau_note"))
    st.query_params["fy"] = str(fiscal_year)
    if chosen:
        st.query_params["bureau"] = chosen
    elif "bureau" in st.query_params:
        del st.query_params["bureau"]
    return Filters(int(fiscal_year), tuple(chosen))


def language_switch() -> None:
    labels = {"ja": "日本語", "en": "English"}

    def changed():
        chosen = st.session_state["lang_switch"]
        if chosen in LANGUAGES:  # clicking the selected option again clears it: keep the language
            carry_open_tabs(lang(), chosen)
            st.session_state["lang"] = chosen
        st.query_params["lang"] = st.session_state["lang"]

    st.session_state["lang_switch"] = lang()
    st.sidebar.segmented_control(
        t("language"),
        options=list(LANGUAGES),
        format_func=labels.get,
        key="lang_switch",
        on_change=changed,
        selection_mode="single",
    )


def sidebar_navigation(sections: dict[str, list]) -> None:
    """The pages a person may open, by section, as links in the sidebar (hidden pages are left out)."""
    with st.sidebar.container(key="navigation"):
        for section, pages in sections.items():
            shown = [page for page in pages if page.visibility != "hidden"]
            if not shown:
                continue
            st.markdown(f"**{section}**")
            for page in shown:
                st.page_link(page, label=page.title, icon=page.icon, width="stretch")


def page_language() -> None:
    """The document's language is the page's (Streamlit's own page says "en" whatever it shows): screen
    readers read Japanese with Japanese rules, and the browser offers no translation of it. Streamlit's
    link to skip to the page's content, written in English only, says it in the page's language. A
    constant script of the app's own: its one text is a word of the app's table, as a JSON string."""
    code = {"ja": "ja", "en": "en"}[lang()]
    skip = json.dumps(t("skip_to_content"), ensure_ascii=False)
    st.html(
        f'<script>document.documentElement.lang = "{code}";'
        " { const skip = document.querySelector('[data-testid=\"stSkipToContent\"]');"
        f" if (skip) skip.textContent = {skip}; }}</script>",
        unsafe_allow_javascript=True,
    )
