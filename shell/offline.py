"""The city's network is closed: Streamlit never asks the internet for this machine's address.

Streamlit looks its external address up (a blocking HTTP request to a cloud service, up to 2 s) when a
WebSocket comes from an origin other than its own Host, to see whether that origin is this machine, and
tries again on every such connection while the lookup fails, which on a closed network it always does.
A cross-origin connection is refused either way; here it is refused at once."""

from __future__ import annotations

from streamlit import net_util


def _no_external_address() -> None:
    return None


def keep_offline() -> None:
    net_util.get_external_ip = _no_external_address
