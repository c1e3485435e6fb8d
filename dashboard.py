"""The router: page config, language, who is signed in, shared filters, navigation; then the page runs."""

import streamlit as st

from presentation.words import PAGE_WORDS
from shell import access, bootstrap, data, downloads, offline, throttle
from shell.components import demo_banner
from shell.i18n import init_language, t
from shell.sidebar import language_switch, page_language, sidebar_filters, sidebar_navigation

offline.keep_offline()  # before anything else: no request to the internet, ever
downloads.install()  # a file made for a download is dropped once its browser has read it
st.set_page_config(page_title="DX人材ダッシュボード / DX Talent Dashboard", page_icon="📊", layout="wide")
init_language()
if not throttle.allow_this_run():  # a session that reruns faster than a person can click
    st.warning(t("too_many_reruns"))
    st.stop()
user = access.current_user()  # stops here for anyone who may not use the app
st.session_state["user"] = user


def page(name: str, icon: str) -> st.Page:
    # a page the role may not open is still routed (so its URL says "not permitted"), never listed
    return st.Page(
        f"app_pages/{name}.py",
        title=t(PAGE_WORDS[name]),
        url_path=name,
        icon=f":material/{icon}:",
        visibility="visible" if user.may_open(name) else "hidden",
    )


overview = page("overview", "dashboard")
# Streamlit serves the default page only at "/", so the overview keeps a stable URL of its own and
# "/" forwards to it with the query string (language, filters) intact.
home = st.Page(
    lambda: st.switch_page(overview, query_params=st.query_params.to_dict()),
    title=t("page_overview"),
    url_path="home",
    default=True,
    visibility="hidden",
)
sections = {
    t("section_overview"): [home, overview, page("briefing", "slideshow")],
    t("section_programme"): [
        page("talent", "school"),
        page("ideas", "lightbulb"),
        page("learning", "play_lesson"),
        page("impact", "query_stats"),
    ],
    t("section_lowcode"): [page("apps", "apps"), page("hours", "schedule"), page("costs", "savings")],
    t("section_data"): [page("import", "upload_file"), page("quality", "fact_check")],
}
# the sidebar's links are the app's own (Streamlit's navigation of sections is a list whose items are
# not all list items, which screen readers announce wrongly): one group of page links per section
navigation = st.navigation({name: pages for name, pages in sections.items() if pages}, position="hidden")
sidebar_navigation(sections)
language_switch()
access.sidebar(user)
page_language()
if navigation.url_path and navigation.url_path != "home" and not user.may_open(navigation.url_path):
    st.error(t("not_permitted"))  # opened by its URL: none of the page's queries run
    st.stop()
if bootstrap.ensure_data():
    snapshot = data.snapshot_id()
    st.session_state["snapshot"] = snapshot
    st.session_state["filters"] = sidebar_filters(snapshot)
    demo_banner(snapshot)
navigation.run()
