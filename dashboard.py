"""The router: page config, language, shared filters, navigation; then the page runs."""

import streamlit as st

from ui import bootstrap, data
from ui.components import demo_banner
from ui.filters import sidebar_filters
from ui.i18n import init_language, language_switch, t

st.set_page_config(page_title="DX人材ダッシュボード / DX Talent Dashboard", page_icon="📊", layout="wide")
init_language()

pages = {
    t("section_overview"): [
        st.Page(
            "pages/overview.py",
            title=t("page_overview"),
            url_path="overview",
            default=True,
            icon=":material/dashboard:",
        ),
    ],
    t("section_programme"): [
        st.Page("pages/talent.py", title=t("page_talent"), url_path="talent", icon=":material/school:"),
    ],
    t("section_lowcode"): [
        st.Page("pages/apps.py", title=t("page_apps"), url_path="apps", icon=":material/apps:"),
        st.Page("pages/hours.py", title=t("page_hours"), url_path="hours", icon=":material/schedule:"),
        st.Page("pages/costs.py", title=t("page_costs"), url_path="costs", icon=":material/savings:"),
    ],
    t("section_data"): [
        st.Page("pages/import.py", title=t("page_import"), url_path="import", icon=":material/upload_file:"),
        st.Page(
            "pages/quality.py", title=t("page_quality"), url_path="quality", icon=":material/fact_check:"
        ),
    ],
}
page = st.navigation(pages)
st.sidebar.title(t("app_title"))
language_switch()
if bootstrap.ensure_data():
    snapshot = data.snapshot_id()
    st.session_state["snapshot"] = snapshot
    st.session_state["filters"] = sidebar_filters(snapshot)
    demo_banner(snapshot)
page.run()
