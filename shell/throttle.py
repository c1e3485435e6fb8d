"""A session may rerun its page only so fast: a token bucket of BURST reruns, refilled at RATE a second.

A person clicking through filters stays far below it; a script that asks for a rerun a hundred times a
second would make everyone else's pages wait for the server. Past the limit a run draws one polite line
and stops before any query, so a flood costs the server almost nothing."""

from __future__ import annotations

import time

import streamlit as st

BURST = 20
RATE = 1.0  # reruns a second, on average, after the burst
_KEY = "_rerun_bucket"


def take(state, now: float, burst: int = BURST, rate: float = RATE) -> bool:
    """Whether a run may go on: takes one token from the session's bucket (a dict-like `state`)."""
    tokens, last = state.get(_KEY, (float(burst), now))
    tokens = min(float(burst), tokens + max(0.0, now - last) * rate)
    allowed = tokens >= 1.0
    state[_KEY] = (tokens - 1.0 if allowed else tokens, now)
    return allowed


def allow_this_run() -> bool:
    return take(st.session_state, time.monotonic())
