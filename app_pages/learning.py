"""E-learning: active learners, hours watched and completions by month and year, learners per 100 staff
by bureau, the most-used courses and the catalogue, and learners against the staff who did not learn."""

import pandas as pd
import streamlit as st

from etl.metrics import pareto
from presentation import fmt, privacy
from presentation.cards import ELEARNING, report_card
from presentation.charts import learning as charts
from shell import data
from shell.access import sees_people
from shell.components import (
    PROGRAMME_COUNTS,
    as_of_line,
    card_row,
    chart,
    chart_row,
    kpi_row,
    lazy_tabs,
    method_panel,
    page_context,
    show_card,
    small_groups_note,
    year_comparison,
    year_cut,
)
from shell.i18n import lang, t, words
from shell.tables import readable_bureaus, table_with_downloads

TOP_COURSES = 15
snapshot, filters = page_context()
fy, bureaus, language, said = filters.fiscal_year, filters.bureaus, lang(), words()
fy_label = fmt.fiscal_year(fy, language)
people = sees_people()
st.title(t("learning_title"))
as_of_line(snapshot)
st.caption(t("learning_intro"))


def hidden_in_bureau_table() -> frozenset[tuple]:
    """The (bureau, year) rows the learners-by-bureau table hides from this role: a bureau's own cards
    must not show them either."""
    if people or not bureaus:
        return frozenset()
    years = data.report(snapshot, "report_learning_by_year", bureaus=[])["fiscal_year"]
    seen = lambda table: privacy.for_viewer(table, ["learners", "completions"], ("per_100", "minutes"))  # noqa: E731
    return data.hidden_by_year(snapshot, years, "report_learning_by_bureau", seen, "learners")


# a bureau's figures, as a role that sees aggregates only reads them, are hidden where small on every
# bureau at once (data.report_as_seen): no choice of bureau or view gives a hidden one back
by_year = data.report_as_seen(
    snapshot, "report_learning_by_year", bureaus, people=people, hidden_elsewhere=hidden_in_bureau_table()
).set_index("fiscal_year")
year = by_year.loc[fy] if fy in by_year.index else None
previous_year = by_year.loc[fy - 1] if fy - 1 in by_year.index else None
# city-wide, the cards are the contract's figures (kpis), set against the same period in a year in
# progress; a chosen bureau's are the page's own rows, against whole years only
against = year_comparison(snapshot, fy, previous_year, say_in_progress=bool(bureaus))


def card(column, key: str, help_key: str, name: str, formatter) -> None:
    value = year[name] if year is not None else None
    previous = against.figures[name] if against.figures is not None else None
    show_card(column, report_card(t(key), t(help_key), value, previous, against, formatter, said))


cards = card_row("learning", 4)
if bureaus:
    card(
        cards[0],
        "kpi_learners",
        "kpi_learners_help",
        "learners",
        lambda v, _: fmt.integer(v, unit=t("unit_people")),
    )
    card(
        cards[2],
        "kpi_learning_hours",
        "kpi_learning_hours_help",
        "minutes",
        lambda v, lang_: fmt.hours(v / 60, lang_),
    )
    card(
        cards[3],
        "kpi_completions",
        "kpi_completions_help",
        "completions",
        lambda v, _: fmt.integer(v, unit=t("unit_items")),
    )
elif year is not None:
    kpi_row(snapshot, fy, ELEARNING, [cards[0], cards[2], cards[3]])
card(cards[1], "kpi_learning_share", "kpi_learning_share_help", "per_100", lambda v, _: f"{v:,.1f}")


def tab_activity():
    if year is None:
        st.info(t("learning_none"))
    else:
        months = data.report_as_seen(
            snapshot, "report_learning_by_month", bureaus, people=people, fiscal_year=fy
        )
        left, right = chart_row("learning-1")
        with left:
            chart(charts.by_month(months, fy, said))
        with right:
            chart(charts.hours_by_month(months, fy, said))
        small_groups_note()
    if not by_year.empty:
        chart(charts.by_year(by_year.reset_index(), said))


def tab_bureaus():
    if year is None:
        st.info(t("learning_none"))
        return
    by_bureau = data.report(snapshot, "report_learning_by_bureau", fiscal_year=fy)
    # small counts hidden on every bureau, then the filter's rows (as the other pages' by-bureau tables)
    every = privacy.for_viewer(by_bureau, ["learners", "completions"], ("per_100", "minutes"), people)
    shown = privacy.in_bureaus(every, bureaus)
    chart(charts.per_100_by_bureau(shown[shown["staff"].notna()], fy, said))
    small_groups_note()
    st.subheader(t("learning_bureau_table", fy=fy_label))
    table = readable_bureaus(shown.assign(hours=shown["minutes"] / 60)).round({"per_100": 1, "hours": 1})
    table = privacy.as_text(table, ["learners", "completions", "hours"], people, decimals=("per_100",))
    columns = {"bureau_name": "col_bureau", "staff": "col_staff", "learners": "col_learners"}
    columns |= {"per_100": "col_per_100", "hours": "col_hours_watched", "completions": "col_completions"}
    table_with_downloads(table, columns, f"learning_by_bureau_{fy}", "learning_bureau")


def tab_courses():
    rows = data.report_as_seen(snapshot, "report_learning_courses", bureaus, people=people, fiscal_year=fy)
    courses = rows[rows["course_title"].notna()]
    if courses.empty:
        st.info(t("learning_none"))
        return
    seen = by_year["courses_seen"].max()
    # how many courses were used and how the learners spread over them are no counts of a group of people:
    # from the report as it is, not from the courses whose small counts a role does not see
    counted = data.report(snapshot, "report_learning_courses", fiscal_year=fy, bureaus=list(bureaus))
    counted = counted[counted["course_title"].notna()]
    used = int((counted["learners"] > 0).sum())
    st.markdown(
        t(
            "catalogue_summary",
            fy=fy_label,
            used=fmt.integer(used),
            seen=fmt.integer(seen),
            share=fmt.percent(used / seen),
            top_share=fmt.percent(pareto(counted, "learners")["top10"]),
        )
    )
    left, right = chart_row("learning-2")
    with left:
        # a hidden course has no bar to draw: the most-used among those shown (the table lists them all)
        drawn = courses.dropna(subset=["learners"]).head(TOP_COURSES)
        chart(charts.top_courses(drawn, fy, TOP_COURSES, said))
    with right:
        chart(charts.categories(rows[rows["course_title"].isna()], fy, said))
    small_groups_note()
    st.subheader(t("learning_courses_table", fy=fy_label))
    table = privacy.as_text(
        courses.assign(hours=(courses["minutes"] / 60).round(1)), ["learners", "completions", "hours"], people
    )
    columns = {"course_title": "col_course", "category": "col_category", "learners": "col_learners"}
    columns |= {"hours": "col_hours_watched", "completions": "col_completions"}
    table_with_downloads(table, columns, f"learning_by_course_{fy}", "learning_courses")


def tab_outcomes():
    st.caption(t("outcomes_note"))
    counts = list(privacy.CUBES["report_learning_outcomes"].columns)
    outcomes = data.report_as_seen(
        snapshot, "report_learning_outcomes", bureaus, people=people, fiscal_year=fy
    )
    if by_year.empty or outcomes.empty:  # no e-learning loaded at all: nobody to compare
        st.info(t("learning_none"))
        return
    st.subheader(t("outcomes_title", fy=fy_label, cut=year_cut(snapshot, fy)))
    chart(charts.outcomes(outcomes, said))
    shown = outcomes.assign(
        group=outcomes["is_learner"].map(
            lambda learner: t("group_learners" if learner else "group_non_learners")
        ),
        dx_talent_share=outcomes["dx_talent_share"].map(fmt.percent),
        maker_share=outcomes["maker_share"].map(fmt.percent),
    )
    shown = privacy.as_text(shown, counts, people)
    # a figure a row and a group a column: eight columns side by side ran past the page at 1280 px
    measures = {"staff": "col_staff", "dx_talent": "col_dx_talent_count", "dx_talent_share": "col_dx_share"}
    measures |= {"dx_talent_after_learning": "col_dx_after", "makers": "col_makers"}
    measures |= {"maker_share": "col_maker_share", "makers_after_learning": "col_makers_after"}
    table = pd.DataFrame({"measure": [t(word) for word in measures.values()]})
    for _, row in shown.iterrows():
        group = "learners" if row["is_learner"] else "non_learners"
        table[group] = [_written(row[name]) for name in measures]
    columns = {"measure": "col_figure", "learners": "group_learners", "non_learners": "group_non_learners"}
    table_with_downloads(table, columns, f"learning_outcomes_{fy}", "learning_outcomes")


def _written(value) -> str:
    """A cell of the outcomes table as text: a count written out, a share as written, — where none."""
    if isinstance(value, str):
        return value
    return "—" if value is None or pd.isna(value) else fmt.integer(value)


def tab_adoption():
    """The service's own adoption funnel, from its user list: licences to a first lecture, by bureau."""
    funnel = data.report(snapshot, "report_elearning_funnel")
    figure = charts.adoption_funnel(funnel, said)
    if figure is None:
        st.info(t("adoption_none"))
        return
    st.caption(t("adoption_intro"))
    chart(figure)
    counts = list(charts.ADOPTION_STEPS)
    shown = privacy.for_viewer(funnel, counts, (), people)
    table = privacy.as_text(charts.adoption_table(shown, said), counts, people)
    table_with_downloads(table, charts.ADOPTION_COLUMNS, "elearning_adoption", "learning_adoption")
    small_groups_note()


lazy_tabs(
    "learning_tab",
    {
        "tab_learning_activity": tab_activity,
        "tab_learning_bureaus": tab_bureaus,
        "tab_learning_courses": tab_courses,
        "tab_learning_outcomes": tab_outcomes,
        "tab_learning_adoption": tab_adoption,
    },
)
method_panel(snapshot, fy, ("method_learning",), counts=PROGRAMME_COUNTS)
