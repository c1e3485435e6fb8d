"""Who is using the dashboard and what they may open: the local user on 127.0.0.1, a person signed in
through the city's identity provider (st.login, OpenID Connect), or one named by a trusted proxy's
header. Served to other machines with neither, the app refuses and says how to configure it."""

from __future__ import annotations

import os

import streamlit as st

from etl import audit
from ui import roles, untrusted
from ui.i18n import t

LOCAL_ADDRESSES = ("127.0.0.1", "localhost", "::1")
TRUSTED_NETWORK = "DXDASH_TRUSTED_NETWORK"  # "1": no sign-in on a trusted single-user network


def _has_sign_in() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises its own error type
        return False


def mode() -> str:
    """oidc | header | local | refuse."""
    if _has_sign_in():
        return "oidc"
    if st.get_option("server.trustedUserHeaders"):
        return "header"
    address = st.get_option("server.address") or ""
    if address in LOCAL_ADDRESSES or os.environ.get(TRUSTED_NETWORK) == "1":
        return "local"
    return "refuse"


def _stop(key: str, **params) -> None:
    st.error(t(key, **params))
    st.stop()


def current_user() -> roles.User:
    """The person of this session, with their role; stops the page for anyone who may not use the app."""
    how = mode()
    if how == "local":
        return roles.User("local", "data_admin", "local")
    if how == "refuse":
        _stop("access_refused", address=st.get_option("server.address") or "0.0.0.0")
    granted = roles.load()
    if how == "oidc":
        if not st.user.is_logged_in:
            st.title(t("app_title"))
            st.info(t("sign_in_intro"))
            st.button(t("sign_in"), type="primary", on_click=st.login)
            st.stop()
        email, groups = st.user.get("email"), st.user.get(granted.groups_claim)
    else:  # a trusted proxy named the person in a header (server.trustedUserHeaders)
        email, groups = st.user.get("email"), st.user.get("groups")
        if not email:
            _stop("access_no_identity")
    role = roles.role_for(email, groups, granted)
    if role is None:
        if granted.problem:
            _stop("access_roles_broken", problem=untrusted.markdown(granted.problem))
        _stop("access_no_role", email=untrusted.markdown(email or "—"))
    user = roles.User(str(email), role, how)
    if st.session_state.get("audited_sign_in") != user.id:
        audit.record(user.id, "sign_in", {"role": role, "mode": how})
        st.session_state["audited_sign_in"] = user.id
    return user


def sidebar(user: roles.User) -> None:
    """Who is signed in (or that no one needs to), with the way out."""
    if user.mode == "local":
        st.sidebar.caption(t("local_mode"))
        return
    st.sidebar.caption(t("signed_in_as", user=untrusted.markdown(user.id), role=t(f"role_{user.role}")))
    if user.mode == "oidc":
        st.sidebar.button(t("sign_out"), on_click=st.logout)
