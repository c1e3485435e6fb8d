"""Executive overview: the contract's headline figures for the fiscal year, and four charts."""

from datetime import date

import streamlit as st

from etl.metrics import talent_projection
from ui import charts, data, fmt
from ui.components import as_of_line, chart, comparison, kpi_card, page_context
from ui.i18n import lang, t

snapshot, filters = page_context()
fy, language = filters.fiscal_year, lang()
st.title(t("overview_title"))
as_of_line(snapshot)

frame = data.kpis_frame(snapshot)
now = data.kpis(snapshot, fy)
before, compared_with = comparison(snapshot, fy, now)
if compared_with is None and fy - 1 not in set(frame["fiscal_year"]):
    before = None  # the first year with data has nothing to be compared with
if not now["year_complete"] and now["as_of"]:
    as_of = date.fromisoformat(now["as_of"])
    period = f"{fmt.month_label(4, language)}–{fmt.month_label(as_of.month, language)}"
    st.caption(
        t(
            "year_in_progress",
            fy=fmt.fiscal_year(fy, language),
            latest=fmt.day(as_of, language),
            period=period,
        )
    )


def change(key, formatter=fmt.integer, sub=None):
    """The change on the previous year, formatted like the figure itself."""
    if before is None:
        return None
    current, previous = (now[sub][key], before[sub][key]) if sub else (now[key], before[key])
    return fmt.change(current, previous, formatter, language)


people = t("unit_people")
target = now["dx_talent_target"]
talent_note = (
    t("kpi_target_reached", target=fmt.integer(target), pct=fmt.percent(now["dx_talent_cumulative"] / target))
    if target
    else t("kpi_no_target")
)
row1 = st.columns(4)
kpi_card(
    row1[0],
    t("kpi_dx_talent"),
    fmt.integer(now["dx_talent_cumulative"], unit=people),
    change("dx_talent_cumulative"),
    t("kpi_dx_talent_help"),
    compared_with=compared_with,
)
row1[0].caption(talent_note)
for column, level in zip(row1[1:], ("silver", "gold", "bronze"), strict=True):
    name = t(f"level_{level}")
    kpi_card(
        column,
        t("kpi_certified", level=name),
        fmt.integer(now["certified"][level], unit=people),
        change(level, sub="certified"),
        t("kpi_certified_help", level=name),
        compared_with=compared_with,
    )

row2 = st.columns(4)
kpi_card(
    row2[0],
    t("kpi_hours"),
    fmt.hours(now["hours_saved"], language),
    change("hours_saved", fmt.hours),
    t("kpi_hours_help"),
    compared_with=compared_with,
)
kpi_card(
    row2[1],
    t("kpi_cost"),
    fmt.yen(now["cost_avoided_cumulative_yen"], language),
    change("cost_avoided_cumulative_yen", fmt.yen),
    t("kpi_cost_help"),
    compared_with=compared_with,
)
apps_unit = t("unit_apps")
kpi_card(
    row2[2],
    t("kpi_apps"),
    fmt.integer(now["apps_in_operation"], unit=apps_unit),
    change("apps_in_operation"),
    t("kpi_apps_help"),
    compared_with=compared_with,
)
row2[2].caption(f"{t('kpi_active_apps')}: {fmt.integer(now['active_apps'], unit=apps_unit)}")
coverage = now["leader_coverage"]
share = (
    coverage["departments_covered"] / coverage["departments_total"] if coverage["departments_total"] else None
)
kpi_card(
    row2[3],
    t("kpi_coverage"),
    fmt.percent(share),
    change("departments_covered", sub="leader_coverage"),
    t("kpi_coverage_help"),
    compared_with=compared_with,
)
row2[3].caption(
    t("kpi_coverage_value", covered=coverage["departments_covered"], total=coverage["departments_total"])
)

projection = talent_projection(frame, fy)
left, right = st.columns(2)
with left:
    chart(charts.talent_vs_target(frame, projection))
    if projection:
        values = {
            "target": fmt.integer(projection["target"]),
            "pace": fmt.integer(projection["pace"]),
            "year": fmt.fiscal_year(projection["reached_in"], language) if projection["reached_in"] else "—",
        }
        if projection["current"] >= projection["target"]:
            st.caption(t("projection_done", **values))
        elif projection["needed"]:
            gap = fmt.integer(projection["target"] - projection["current"])
            end = fmt.fiscal_year(projection["target_end"], language)
            st.caption(
                t("projection_needed", gap=gap, end=end, needed=fmt.integer(projection["needed"]), **values)
            )
        else:
            st.caption(t("projection_reached", **values))
with right:
    chart(charts.hours_by_month(data.usage_monthly(snapshot, filters.bureaus)))

left, right = st.columns(2)
with left:
    chart(charts.cost_components(frame[frame["fiscal_year"] <= fy]))
with right:
    chart(charts.certified_by_bureau(data.certifications_by_bureau(snapshot, fy, filters.bureaus), fy))
