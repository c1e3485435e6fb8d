"""Briefing: the executive slides of a year, previewed here and downloaded as PowerPoint and PDF."""

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from briefing import pdf
from presentation import fmt
from presentation.untrusted import markdown as plain
from presentation.words import LANGUAGES, PDF_REASON_WORDS
from shell import data, downloads
from shell.access import sees_people
from shell.components import as_of_line, chart, page_context
from shell.i18n import lang, t
from shell.state import BriefingState, PlannerState, page_state
from shell.tables import number_columns

# the two files of a deck: extension, type, its place in data.briefing_files, the button's words
FILES = (
    ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", 0, "briefing_pptx"),
    ("pdf", "application/pdf", 1, "briefing_pdf"),
)


@dataclass(frozen=True)
class Choice:
    snapshot: str
    fiscal_year: int
    lang: str
    scope: str | None  # a bureau, or None for the whole city
    planned: tuple  # the Impact page's planner for this year (Silver nominations, Gold places)
    hide_small: bool  # small groups hidden: the deck of a role that sees aggregates only

    @property
    def key(self) -> tuple:
        return (self.snapshot, self.fiscal_year, self.lang, self.scope, self.planned, self.hide_small)

    def files(self) -> tuple[bytes, bytes]:
        return data.briefing_files(*self.key)


def choose(snapshot: str, filters) -> Choice:
    """The year, language and scope of the deck, starting from the sidebar's year and bureau."""
    language = lang()
    years = list(reversed(data.fiscal_years(snapshot)))
    bureaus = data.bureaus(snapshot)
    left, middle, right = st.columns(3)
    fy = left.selectbox(
        t("filter_fy"),
        years,
        index=years.index(filters.fiscal_year),
        format_func=lambda year: fmt.fiscal_year(year, language, wareki=True),
        key="briefing_fy",
    )
    deck_lang = (
        middle.segmented_control(
            t("briefing_lang"),
            list(LANGUAGES),
            default=language,
            format_func={"ja": "日本語", "en": "English"}.get,
            key="briefing_lang",
        )
        or language
    )
    default_scope = filters.bureaus[0] if len(filters.bureaus) == 1 else None
    scope = right.selectbox(
        t("briefing_scope"),
        [None, *bureaus],
        index=0 if default_scope is None else bureaus.index(default_scope) + 1,
        format_func=lambda b: t("briefing_city") if b is None else b,
        key="briefing_scope",
    )
    planned = page_state("planner", PlannerState).inputs(fy)
    return Choice(snapshot, fy, deck_lang, scope, planned, not sees_people())


def make(choice: Choice, state: BriefingState) -> None:
    """Makes the deck's files. They are made once for everyone who asks for them (data.briefing_files),
    one Chromium print at a time; the session keeps only which deck it made, never the files."""
    with st.status(t("briefing_making"), expanded=True) as status:
        try:
            choice.files()
        except pdf.PrinterBusy:
            status.update(label=t("briefing_busy"), state="error")
        except pdf.PdfError as error:
            status.update(label=t("briefing_failed", detail=t(PDF_REASON_WORDS[str(error)])), state="error")
        else:
            state.made = choice.key
            status.update(label=t("briefing_made"), state="complete", expanded=False)


def download_buttons(choice: Choice) -> None:
    name = f"dx_briefing_{choice.fiscal_year}_{choice.lang}" + (f"_{choice.scope}" if choice.scope else "")
    with st.container(horizontal=True):
        for kind, mime, position, label in FILES:
            st.download_button(
                t(label),
                downloads.dropped_after_download(
                    lambda position=position: choice.files()[position], mime, f"{name}.{kind}"
                ),
                file_name=f"{name}.{kind}",
                mime=mime,
                icon=":material/download:",
                on_click="ignore",
                key=f"briefing_{kind}",
            )


def preview(deck) -> None:
    """The slides after the cover, as the deck holds them: title, charts, tables, notes."""
    st.subheader(t("briefing_preview"))
    for number, slide in enumerate(deck.slides, start=2):
        with st.container(border=True):
            st.markdown(f"**{number}. {plain(slide.title)}**")
            for figure in slide.charts:
                chart(figure.figure)
            # a slide of two tables heads each with its note, as the deck does (slides._content)
            headed = len(slide.tables) > 1
            for index, table in enumerate(slide.tables):
                if headed and index < len(slide.notes):
                    st.markdown(f"**{plain(slide.notes[index])}**")
                if not table.rows:
                    st.caption(plain(" / ".join(table.columns)) + ": " + plain(table.empty))
                    continue
                frame = pd.DataFrame(table.rows, columns=table.columns)
                st.dataframe(
                    frame,
                    hide_index=True,
                    width="stretch",
                    height="content",  # every row, as on the slide: no scroll inside the preview
                    column_config=number_columns(frame),  # figures right-aligned, as on the slide
                    placeholder="",
                )
            for note in slide.notes[len(slide.tables) if headed else 0 :]:
                st.caption(plain(note))


snapshot, filters = page_context()
state = page_state("briefing", BriefingState)
st.title(t("briefing_title"))
as_of_line(snapshot)
st.caption(t("briefing_intro"))
choice = choose(snapshot, filters)
deck = data.briefing_deck(*choice.key)
if st.button(t("briefing_make"), type="primary", icon=":material/slideshow:"):
    make(choice, state)
if state.made == choice.key:
    download_buttons(choice)
preview(deck)
