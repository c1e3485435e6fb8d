"""Who is the local user: only a browser on this computer that asks a loopback name directly. Reached
through a reverse proxy (nginx on 127.0.0.2 in front of the app on 127.0.0.1, as on a server whose proxy
faces the network), or from a web page that rebound its own name to 127.0.0.1 (DNS rebinding: the browser
sends that name as Host and Origin), the app gives no one the local data administrator's rights."""

from __future__ import annotations

import subprocess

import pytest

from tests.browser import nginx
from tests.browser.conftest import free_port, launch, start_app, stop_app
from tests.browser.stream import Refused, session_texts

pytestmark = pytest.mark.browser

LOCAL = "Local mode, no sign-in (this computer only)"
NOT_LOCAL = "never through a proxy or another name"
ANY_HOST = ("--server.allowedHosts", "*")  # as if the allow-list were taken away: the app's own check


# what the probe used: a proxy that passes the browser's Host and says whom it forwards for
PROXY = """
            proxy_pass http://127.0.0.1:{port};
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
"""


@pytest.fixture
def nginx_on_127_0_0_2(tmp_path):
    def start(app_port: int) -> str:
        port = free_port()
        server = f"server {{ listen 127.0.0.2:{port}; location / {{ {PROXY.format(port=app_port)} }} }}"
        process = nginx.start(tmp_path, server, f"http://127.0.0.2:{port}/_stcore/health")
        started.append(process)
        return f"http://127.0.0.2:{port}"

    started: list[subprocess.Popen] = []
    yield start
    for process in started:
        nginx.stop(process)


def body_after_a_while(tab, seconds: float = 8) -> str:
    tab.wait_for_timeout(seconds * 1000)  # long enough for a session to connect and draw its first page
    return tab.locator("body").inner_text()


@pytest.mark.parametrize("args", [(), ANY_HOST], ids=["as-configured", "without-the-host-allow-list"])
def test_a_browser_behind_a_reverse_proxy_never_gets_the_local_rights(
    browser, app_db, tmp_path_factory, nginx_on_127_0_0_2, args
):
    process, url = start_app(tmp_path_factory.mktemp("proxied"), app_db, args)
    try:
        proxy = nginx_on_127_0_0_2(int(url.rsplit(":", 1)[1]))
        context = browser.new_context(locale="en-GB")
        tab = context.new_page()
        tab.goto(f"{url}/import?lang=en")  # the control: the same app, asked directly, is local
        tab.get_by_text(LOCAL).wait_for(timeout=120_000)
        tab.goto(f"{proxy}/import?lang=en")
        body = body_after_a_while(tab)
        assert LOCAL not in body and "Import" not in tab.title()
        assert tab.locator('[data-testid="stFileUploader"], [data-testid="stMetric"]').count() == 0
        if args:  # the WebSocket got through: the app itself refuses, and says how to configure sign-in
            tab.get_by_text(NOT_LOCAL).wait_for(timeout=60_000)
        context.close()
    finally:
        stop_app(process)


@pytest.mark.parametrize("args", [(), ANY_HOST], ids=["as-configured", "without-the-host-allow-list"])
def test_a_page_that_rebinds_its_name_to_127_0_0_1_gets_nothing(playwright, app_db, tmp_path_factory, args):
    process, url = start_app(tmp_path_factory.mktemp("rebound"), app_db, args)
    port = int(url.rsplit(":", 1)[1])
    try:
        # the attacker's name now resolves to this machine: the browser sends Host and Origin evil.example
        rebound = launch(playwright, "--host-resolver-rules=MAP evil.example 127.0.0.1")
        try:
            tab = rebound.new_page()
            tab.goto(f"http://evil.example:{port}/import?lang=en")
            body = body_after_a_while(tab)
            assert LOCAL not in body
            assert tab.locator('[data-testid="stFileUploader"], [data-testid="stMetric"]').count() == 0
            if args:
                tab.get_by_text(NOT_LOCAL).wait_for(timeout=60_000)
        finally:
            rebound.close()
    finally:
        stop_app(process)


def test_a_websocket_for_another_host_is_refused_and_one_through_a_proxy_is_not_local(
    app_db, tmp_path_factory
):
    process, url = start_app(tmp_path_factory.mktemp("raw"), app_db)
    port = int(url.rsplit(":", 1)[1])
    try:
        assert LOCAL in session_texts(port, page="import")  # the control: this computer, directly
        for host in (f"evil.example:{port}", f"127.0.0.2:{port}", f"localhost.evil.example:{port}"):
            with pytest.raises(Refused):
                session_texts(port, page="import", host=host, origin=f"http://{host}")
        for header in ("X-Forwarded-For", "X-Real-IP", "Forwarded", "Via"):  # a proxy on this machine
            texts = session_texts(port, page="import", headers=[(header, "10.20.30.40")])
            assert LOCAL not in texts and any(NOT_LOCAL in text for text in texts)
        with pytest.raises(Refused):  # a foreign page's script, its Host right: Streamlit's origin check
            session_texts(port, page="import", origin="http://evil.example")
    finally:
        stop_app(process)
