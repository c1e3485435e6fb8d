"""Ideas and projects: ideas submitted, the pipeline to live apps, estimated against realised hours,
the backlog no project has taken up, and the Gold seminar's teams and themes."""

import pandas as pd
import streamlit as st

from etl import settings
from etl.metrics import estimate_totals
from presentation import fmt, privacy
from presentation.cards import Card, report_card
from presentation.charts import ideas as charts
from presentation.words import LEVEL_WORDS, PROJECT_STATUS_WORDS, RESULT_WORDS
from shell import data
from shell.access import sees_people
from shell.board import project_board
from shell.components import (
    PROGRAMME_COUNTS,
    as_of_line,
    card_row,
    chart,
    chart_row,
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

snapshot, filters = page_context()
fy, bureaus, language, said = filters.fiscal_year, filters.bureaus, lang(), words()
fy_label = fmt.fiscal_year(fy, language)
st.title(t("ideas_title"))
as_of_line(snapshot)
st.caption(t("ideas_intro"))

people = sees_people()
# an aggregate role's view of one bureau: its figures hidden where small on every bureau at once
one_bureau_hidden = bool(bureaus) and not people


def without_taken_up(frame):
    """No count of ideas taken up by a project by group for a role that sees aggregates only (one, two or
    three a bureau or category: each a person's idea)."""
    return frame if people else frame.assign(taken_up=float("nan"))


def for_aggregate_roles(frame, counts: list[str], dependents: tuple[str, ...]):
    """Ideas as a role that sees aggregates only reads them: small counts hidden with their row, ideas that
    did not pass counted as people too (ideas less passed), and no count of ideas taken up."""
    if people:
        return frame
    return without_taken_up(privacy.for_viewer(frame, counts, dependents, within=(("ideas", "passed"),)))


def hidden_in_bureau_table() -> frozenset[tuple]:
    """The (bureau, year) rows the ideas-by-bureau table hides from this role: the bureau's own year must
    not show them either."""
    if not one_bureau_hidden:
        return frozenset()
    years = data.report(snapshot, "report_ideas_by_year", bureaus=[])["fiscal_year"]
    seen = lambda every: for_aggregate_roles(every, ["ideas", "passed"], ("est_hours", "per_100"))  # noqa: E731
    return data.hidden_by_year(snapshot, years, "report_ideas_by_bureau", seen, "ideas", bureaus=[])


by_year = data.report_as_seen(
    snapshot, "report_ideas_by_year", bureaus, people=people, hidden_elsewhere=hidden_in_bureau_table()
)
# a year's ideas by result, and by the maker's level, are groups whose total is shown: for an aggregate
# role their small cells go (a bureau's one failed idea); of one bureau, only the ideas that passed
year_groups = (list(RESULT_WORDS), [level for level in LEVEL_WORDS if level in by_year.columns])
for parts in year_groups:
    if one_bureau_hidden:
        by_year = by_year.assign(**{part: float("nan") for part in parts if part != "pass"})
    else:
        by_year = privacy.across_for_viewer(by_year, parts, people)
by_year = by_year.set_index("fiscal_year")
seminar = data.report(snapshot, "report_seminar_by_year").set_index("fiscal_year")
# a bureau's pipeline counts ideas taken up, built and live: one, two or three a bureau, each a person's
funnel = data.report_row(snapshot, "report_idea_funnel", fiscal_year=fy, bureaus=bureaus)
if one_bureau_hidden:
    funnel = dict.fromkeys(funnel)
estimates = data.report(snapshot, "report_estimated_vs_realised", fiscal_year=fy)
totals = estimate_totals(estimates)
year = by_year.loc[fy] if fy in by_year.index else None
previous_year = by_year.loc[fy - 1] if fy - 1 in by_year.index else None
against = year_comparison(snapshot, fy, previous_year)

cards = card_row("ideas", 4)
ideas = year["ideas"] if year is not None else 0
previous = against.figures["ideas"] if against.figures is not None else None
in_items = lambda value, _: fmt.integer(value, unit=t("unit_items"))  # noqa: E731
ideas_card = report_card(t("kpi_ideas"), t("kpi_ideas_help"), ideas, previous, against, in_items, said)
show_card(cards[0], ideas_card)
if ideas and not pd.isna(year["pass"]):
    cards[0].caption(t("result_pass") + " " + fmt.percent(year["pass"] / ideas))
teams = seminar.loc[fy] if fy in seminar.index else None
pairs = t("kpi_seminar_value", teams=teams["teams"], themes=teams["themes"]) if teams is not None else "—"
show_card(cards[1], Card(t("kpi_seminar"), pairs, t("kpi_seminar_help")))
live_ideas = fmt.integer(funnel["live"], unit=t("unit_items"))
show_card(cards[2], Card(t("kpi_live_ideas"), live_ideas, t("kpi_live_ideas_help")))
ratio = fmt.percent(totals["ratio"], 0)
show_card(cards[3], Card(t("kpi_realised_ratio"), ratio, t("kpi_realised_ratio_help")))
if bureaus:  # the seminar's teams and the estimates' ratio are the city's: a bureau's would be one or two
    for place in (cards[1], cards[3]):
        place.caption(t("card_city_wide"))


def tab_ideas():
    if by_year.empty:
        st.info(t("ideas_none"))
        return
    chart(charts.ideas_by_year(by_year.reset_index(), said))
    with st.expander(t("ideas_year_table")):
        years = by_year.reset_index()
        years["fiscal_year"] = years["fiscal_year"].map(lambda y: fmt.fiscal_year(int(y), language))
        columns = {"fiscal_year": "filter_fy", "ideas": "col_ideas"}
        columns |= LEVEL_WORDS
        columns |= RESULT_WORDS | {"est_hours": "col_est_hours_total"}
        counted = ["ideas", *(c for parts in year_groups for c in parts)]
        years = privacy.as_text(years, counted, people, decimals=("est_hours",))
        table_with_downloads(years, columns, "ideas_by_year", "ideas_years")
    every = data.report(snapshot, "report_ideas_by_bureau", fiscal_year=fy, bureaus=[])
    hidden = for_aggregate_roles(every, ["ideas", "passed"], ("taken_up", "est_hours", "per_100"))
    shown = privacy.in_bureaus(hidden, bureaus)
    if shown.empty:  # a year whose ideas are not in yet (they come in from November)
        st.info(t("ideas_none"))
        return
    left, right = chart_row("ideas-1")
    with left:
        categories = without_taken_up(
            data.report_as_seen(snapshot, "report_ideas_by_category", bureaus, people=people, fiscal_year=fy)
        )
        chart(charts.ideas_by_category(categories, fy, said))
    with right:
        chart(charts.ideas_by_bureau(shown, fy, said))
    small_groups_note()
    st.subheader(t("ideas_bureau_table", fy=fy_label))
    columns = {
        "bureau_name": "col_bureau",
        "staff": "col_staff",
        "ideas": "col_ideas",
        "passed": "col_passed",
    }
    columns |= {
        "taken_up": "col_taken_up",
        "per_100": "col_ideas_per_100",
        "est_hours": "col_est_hours_total",
    }
    counts = ["ideas", "passed", "taken_up", "est_hours"]
    table = privacy.as_text(readable_bureaus(shown), counts, people, decimals=("per_100",))
    table_with_downloads(table.round({"per_100": 1}), columns, f"ideas_by_bureau_{fy}", "ideas_bureau")


def tab_pipeline():
    st.caption(t("pipeline_note", cut=year_cut(snapshot, fy)))
    if one_bureau_hidden:
        st.info(t("pipeline_bureau_hidden"))
    elif funnel["submitted"]:
        chart(charts.pipeline(funnel, year_cut(snapshot, fy), said))
    else:
        st.info(t("ideas_none_yet"))
    st.subheader(t("board_title", fy=fy_label))
    st.caption(t("board_note"))
    projects = data.report(snapshot, "report_project_board", fiscal_year=fy)
    if projects.empty:
        st.info(t("board_none"))
        return
    project_board(projects)
    columns = {"project_id": "col_project", "status": "col_project_status", "team": "col_team"}
    columns |= {"theme": "col_theme", "presented_on": "col_presented_on", "live_on": "col_live_on"}
    columns |= {"submission_id": "col_submission_id", "idea_title": "col_idea", "app_name": "col_app"}
    with st.expander(t("board_table", fy=fy_label)):
        shown = projects.assign(status=projects["status"].map(lambda s: t(PROJECT_STATUS_WORDS[s])))
        table_with_downloads(shown, columns, f"seminar_projects_{fy}", "projects")


def tab_estimates():
    live = data.report(snapshot, "report_idea_to_live", fiscal_year=fy)
    if live.empty:
        st.info(t("to_live_none"))
    else:
        spread = live.iloc[0]
        days = {k: fmt.integer(spread[f"{k}_days"]) for k in ("median", "q1", "q3", "min", "max")}
        st.markdown(
            t(
                "to_live_summary",
                cut=year_cut(snapshot, fy),
                count=fmt.integer(spread["projects_live"]),
                **days,
            )
        )
        chart(charts.time_to_live(live, said), charts.time_to_live_table(live, said))
    st.subheader(t("estimate_title"))
    if estimates.empty:
        st.info(t("estimate_none"))
        return
    if totals["projects"]:
        counts = {k: fmt.integer(totals[k]) for k in ("ideas", "projects", "apps")}
        estimated = fmt.hours(totals["estimated_hours"], language)
        realised = fmt.hours(totals["realised_hours_a_year"], language)
        ratio = fmt.percent(totals["ratio"], 0)
        summary = {"estimated": estimated, "realised": realised, "ratio": ratio, **counts}
        st.markdown(t("estimate_summary", fy=fy_label, **summary))
    st.caption(t("estimate_method"))
    chart(charts.estimated_vs_realised(estimates, fy, said))
    # what the table compares first (the estimate against a year of use), the names after it: at 1280 px
    # the figures stay on the page and the long names scroll
    columns = {"project_id": "col_project", "app_name": "col_app", "estimated_hours": "col_estimated"}
    columns |= {"realised_hours_a_year": "col_realised_a_year", "realised_ratio": "col_ratio"}
    columns |= {"realised_hours": "col_realised", "days_in_use": "col_days_in_use"}
    columns |= {
        "maker_level": "col_maker_level",
        "team": "col_team",
        "theme": "col_theme",
        "idea": "col_idea",
    }
    shown = estimates.round({"realised_hours": 1, "realised_hours_a_year": 1, "realised_ratio": 2})
    shown["maker_level"] = shown["maker_level"].map(lambda level: t(LEVEL_WORDS[level]) if level else "—")
    table_with_downloads(shown, columns, f"estimated_vs_realised_{fy}", "estimates")


def tab_backlog():
    default = settings.value("backlog_min_hours")
    options = sorted({0, 100, 200, 300, 400, default})
    minimum = st.select_slider(
        t("backlog_min"), options=options, value=default, key="backlog_min", bind="query-params"
    )
    # counted by bureau, the backlog (passed, not taken up) less the ideas passed gives the ideas taken up,
    # one to three a bureau: a role that sees aggregates only reads the city's list without the bureau
    backlog = data.report(
        snapshot,
        "report_idea_backlog",
        fiscal_year=fy,
        min_hours=minimum,
        bureaus=[] if one_bureau_hidden else bureaus,
    )
    tier = backlog["gold_on"].notna().map({True: t("level_gold"), False: t("level_silver")})
    backlog = backlog.assign(
        fiscal_year=backlog["fiscal_year"].map(lambda y: fmt.fiscal_year(int(y), language)),
        maker_tier=tier.where(backlog["silver_on"].notna() | backlog["gold_on"].notna(), "—"),
    )
    st.subheader(t("backlog_title", cut=year_cut(snapshot, fy), count=fmt.integer(len(backlog))))
    st.caption(t("backlog_note"))
    if one_bureau_hidden:
        st.caption(t("backlog_city_only"))
    columns = {"submission_id": "col_submission_id", "title": "col_idea", "category": "col_category"}
    columns |= {"fiscal_year": "filter_fy", "est_hours_saved": "col_estimated", "bureau_name": "col_bureau"}
    columns |= {"maker_tier": "col_maker_tier", "dept_name": "col_dept", "staff_id": "col_staff_id"}
    columns |= {"name": "col_name", "silver_on": "col_silver_on", "gold_on": "col_gold_on"}
    columns |= {"maker_apps": "col_maker_apps"}
    # the department, the exact days of certification and the count of apps together point at one
    # person: a role that reads aggregates gets the maker's tier only (and no bureau: see above)
    maker = ("bureau_name", "staff_id", "name", "dept_name", "silver_on", "gold_on", "maker_apps")
    table_with_downloads(backlog, columns, "idea_backlog", "backlog", person_columns=maker)


def tab_seminar():
    if seminar.empty:
        st.info(t("seminar_none"))
        return
    chart(charts.seminar_by_year(seminar.reset_index(), said))
    st.caption(t("seminar_live_note"))
    st.subheader(t("seminar_table", fy=fy_label))
    teams = data.report(snapshot, "report_seminar_teams", fiscal_year=fy)
    if teams.empty:
        st.info(t("seminar_none"))
        return
    columns = {"team": "col_team", "themes": "col_themes", "theme_names": "col_theme_names"}
    columns |= {"ideas": "col_status_idea", "building": "col_status_building", "live": "col_status_live"}
    columns |= {"presented_on": "col_presented_on"}
    table_with_downloads(teams, columns, f"seminar_teams_{fy}", "teams")


lazy_tabs(
    "ideas_tab",
    {
        "tab_ideas": tab_ideas,
        "tab_pipeline": tab_pipeline,
        "tab_estimates": tab_estimates,
        "tab_backlog": tab_backlog,
        "tab_seminar": tab_seminar,
    },
)
method_panel(snapshot, fy, ("method_ideas",), counts=PROGRAMME_COUNTS)
