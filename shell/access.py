"""Who is using the dashboard and what they may open: the local user on 127.0.0.1, a person signed in
through the city's identity provider (st.login, OpenID Connect), or one named by a trusted proxy's
header. Served to other machines with neither, the app refuses and says how to configure it.

"Local" is a property of the request, not of the server's address: a browser on this computer asks
for a loopback name directly. A reverse proxy in front of 127.0.0.1 (its forwarding headers, or the
Host of its own address) or a web page that rebound its name to 127.0.0.1 (its Host) is not local."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from urllib.parse import urlsplit

import streamlit as st

from etl import audit
from etl.fiscal import today_in_japan
from presentation import untrusted
from presentation.words import ROLE_WORDS
from shell import roles
from shell.i18n import t

# the server's address, and the names a local browser uses
LOCAL_ADDRESSES = ("127.0.0.1", "localhost", "::1")
# headers a proxy adds: a request that carries one came through something else than this computer's browser
FORWARDING_HEADERS = (
    "Forwarded",
    "X-Forwarded-For",
    "X-Forwarded-Host",
    "X-Forwarded-Proto",
    "X-Forwarded-Port",
    "X-Forwarded-Server",
    "X-Original-Forwarded-For",
    "X-Real-IP",
    "X-Client-IP",
    "True-Client-IP",
    "CF-Connecting-IP",
    "Via",
)
# What no header can show: a forwarder on this computer that adds none (ssh -L, socat, a proxy without
# them) looks like this computer's browser. Never put one in front of the app without sign-in (README).
TRUSTED_NETWORK = "DXDASH_TRUSTED_NETWORK"  # "1": no sign-in on a trusted single-user network


def _has_sign_in() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises its own error type
        return False


def _hostname(netloc: str) -> str:
    """ "127.0.0.1:8501" -> "127.0.0.1", "[::1]:8501" -> "::1", "Localhost." -> "localhost"; "" for nonsense."""
    try:
        parts = urlsplit(f"//{netloc}")
        parts.port  # noqa: B018 (a port that is not a number makes the whole value nonsense)
    except ValueError:
        return ""
    if parts.username is not None or parts.path or parts.query or parts.fragment:
        return ""
    return (parts.hostname or "").rstrip(".").lower()


def is_local_request(get_all: Callable[[str], list[str]]) -> bool:
    """Whether the headers of a session's request are those of a browser on this computer asking a loopback
    name directly: one Host, a loopback name; no proxy's forwarding header; an Origin, if any, loopback too."""
    hosts = get_all("Host")
    if len(hosts) != 1 or _hostname(hosts[0]) not in LOCAL_ADDRESSES:
        return False
    if any(get_all(name) for name in FORWARDING_HEADERS):
        return False
    return all(_hostname(urlsplit(origin).netloc) in LOCAL_ADDRESSES for origin in get_all("Origin"))


def repeated_identity_headers(get_all: Callable[[str], list[str]]) -> list[str]:
    """The identity headers (server.trustedUserHeaders) a request carries more than once. Streamlit reads
    the first, which is the browser's own if the proxy added its header instead of replacing it."""
    mapping = st.get_option("server.trustedUserHeaders")
    return [name for name in mapping or {} if len(get_all(name)) > 1] if isinstance(mapping, dict) else []


def _request_is_local() -> bool:
    headers = st.context.headers
    if not len(headers):  # no browser at all: the script runs in-process (AppTest); every real request
        return True  # has a Host, and .streamlit/config.toml's server.allowedHosts refuses one without
    return is_local_request(headers.get_all)


def mode() -> str:
    """oidc | header | local | refuse."""
    if _has_sign_in():
        return "oidc"
    if st.get_option("server.trustedUserHeaders"):
        return "header"
    if os.environ.get(TRUSTED_NETWORK) == "1":
        return "local"
    address = st.get_option("server.address") or ""
    if address in LOCAL_ADDRESSES and _request_is_local():
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
        address = st.get_option("server.address") or "0.0.0.0"
        if address in LOCAL_ADDRESSES:  # served on loopback, but reached through a proxy or another name
            _stop("access_not_local", address=address)
        _stop("access_refused", address=address)
    granted = roles.load()
    if how == "oidc":
        if not st.user.is_logged_in:
            st.title(t("app_title"))
            st.info(t("sign_in_intro"))
            st.button(t("sign_in"), type="primary", on_click=st.login)
            st.stop()
        email, groups = st.user.get("email"), st.user.get(granted.groups_claim)
    else:  # a trusted proxy named the person in a header (server.trustedUserHeaders)
        if repeated_identity_headers(st.context.headers.get_all):
            _stop("access_header_repeated")
        email, groups = st.user.get("email"), st.user.get("groups")
        if not email:
            _stop("access_no_identity")
    role = roles.role_for(email, groups, granted)
    if role is None:
        if granted.problem:
            key, params = granted.problem
            problem = t(key, **{name: untrusted.markdown(value) for name, value in params.items()})
            _stop("access_roles_broken", problem=problem)
        _stop("access_no_role", email=untrusted.markdown(email or "—"))
    user = roles.User(str(email).strip().lower(), role, how)  # one person, one spelling in the log
    if st.session_state.get("audited_sign_in") != user.id:
        if _first_session_of_sign_in(user):
            audit.record(user.id, "sign_in", {"role": role, "mode": how})
        st.session_state["audited_sign_in"] = user.id
    return user


_SIGN_INS: dict[str, None] = {}  # the sign-ins already in the audit log, newest last (bounded)
_SIGN_INS_LOCK = threading.Lock()


def _first_session_of_sign_in(user: roles.User) -> bool:
    """Whether this session is the first of its sign-in: every tab a person opens after signing in once is
    a session of its own, but one sign-in. With OpenID Connect a sign-in is one ID token (its issue time);
    behind a proxy the app never sees the sign-in itself, so it counts the first visit of each day."""
    if user.mode == "oidc":
        issued = st.user.get("iat") or st.user.get("auth_time") or st.user.get("nonce") or ""
        key = f"{user.id}\n{user.role}\n{issued}"
    else:
        key = f"{user.id}\n{user.role}\n{today_in_japan().isoformat()}"
    with _SIGN_INS_LOCK:
        if key in _SIGN_INS:
            return False
        _SIGN_INS[key] = None
        while len(_SIGN_INS) > 10_000:
            del _SIGN_INS[next(iter(_SIGN_INS))]
    return True


def sidebar(user: roles.User) -> None:
    """Who is signed in (or that no one needs to), with the way out."""
    if user.mode == "local":
        st.sidebar.caption(t("local_mode"))
        return
    st.sidebar.caption(t("signed_in_as", user=untrusted.markdown(user.id), role=t(ROLE_WORDS[user.role])))
    if user.mode == "oidc":
        st.sidebar.button(t("sign_out"), on_click=st.logout)


def sees_people() -> bool:
    """Whether the signed-in person's role may see staff ids, names and small groups."""
    user = st.session_state.get("user")
    return user is not None and user.sees_people
