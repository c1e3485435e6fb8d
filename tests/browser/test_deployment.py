"""The README's deployment, as written: nginx (Debian's nginx-light) in front of the app with the
README's own `location /` block, a stand-in for the site's sign-in module behind `auth_request`, and
the app started with the README's options. A person signed in at the proxy gets their role's pages;
a name the browser sends itself never counts; a header sent twice is refused."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser import nginx
from tests.browser.conftest import (
    ROLE_PAGES,
    ROOT,
    free_port,
    listed_pages,
    start_app,
    stop_app,
    wait_until_rendered,
)
from tests.browser.stream import session_texts

pytestmark = pytest.mark.browser

NAME = "127.0.0.2"  # the name people use to reach the proxy (here an address of this machine)
ANALYST, ADMIN = "analyst@city.example", "admin@city.example"


def readme_location() -> str:
    """The README's nginx `location /` block, character for character."""
    blocks = re.findall(r"```nginx\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "the README shows one nginx block"
    return blocks[0]


def readme_app_options() -> tuple[str, ...]:
    """The options of the README's command for sign-in at a reverse proxy."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (command,) = re.findall(r"`scripts/run\.sh ([^`]*--server\.trustedUserHeaders[^`]*)`", readme)
    header = re.search(r"'(\{.*?\})'", command).group(1)
    rest = command.replace(f"'{header}'", "HEADER").split()
    return tuple(json.loads(header) and header if part == "HEADER" else part for part in rest)


@pytest.fixture(scope="module")
def deployed(app_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("deployed")
    roles = folder / "roles.toml"
    roles.write_text(f'[roles.analyst]\nemails = ["{ANALYST}"]\n[roles.data_admin]\nemails = ["{ADMIN}"]\n')
    options = [part.replace("dxdash.city.example", NAME) for part in readme_app_options()]
    port = free_port()
    options[options.index("--server.address") + 1] = "127.0.0.1"
    process, url = start_app(folder, app_db, tuple(options), {"DXDASH_ROLES": str(roles)}, port)
    proxy_port, sso_port = free_port(), free_port()
    location = readme_location().replace("127.0.0.1:8501", f"127.0.0.1:{port}")
    servers = f"""
    server {{
        listen {NAME}:{proxy_port};
        {location}
        location = /auth {{  # the site's sign-in module: here, whoever the cookie "sso" names
            internal;
            proxy_pass http://127.0.0.1:{sso_port}/;
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
            proxy_set_header X-Sso $cookie_sso;
        }}
    }}
    server {{
        listen 127.0.0.1:{sso_port};
        location / {{ add_header X-User $http_x_sso always; return 200; }}
    }}
    """
    proxy = nginx.start(folder, servers, f"http://{NAME}:{proxy_port}/_stcore/health")
    yield f"http://{NAME}:{proxy_port}", port
    nginx.stop(proxy)
    stop_app(process)


def test_the_readme_options_are_read():
    assert "--server.trustedUserHeaders" in readme_app_options()
    assert "proxy_set_header Host $http_host;" in readme_location()


def test_a_person_signed_in_at_the_proxy_gets_their_role_and_a_name_they_send_themselves_is_replaced(
    browser, deployed
):
    proxy, _ = deployed
    context = browser.new_context(locale="en-GB", extra_http_headers={"X-Remote-User": ADMIN})
    context.add_cookies([{"name": "sso", "value": ANALYST, "url": proxy}])
    tab = context.new_page()
    tab.goto(f"{proxy}/overview?lang=en")
    wait_until_rendered(tab)
    sidebar = tab.locator('[data-testid="stSidebar"]').inner_text().replace("\u2060", "")
    assert ANALYST in sidebar and ADMIN not in sidebar  # the proxy's header, not the browser's
    assert sorted(listed_pages(tab)) == sorted(ROLE_PAGES["analyst"])
    tab.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
    context.close()


def test_without_a_sign_in_at_the_proxy_nobody_gets_in(browser, deployed):
    proxy, _ = deployed
    context = browser.new_context(locale="en-GB", extra_http_headers={"X-Remote-User": ADMIN})
    tab = context.new_page()
    tab.goto(f"{proxy}/overview?lang=en")
    tab.get_by_text("No signed-in person is known").wait_for(timeout=60_000)
    assert tab.locator('[data-testid="stMetric"]').count() == 0
    context.close()


def plain(markdown: str) -> str:
    """A markdown body as it reads (untrusted text is escaped, and links broken by a word joiner)."""
    return markdown.replace("\u2060", "").replace("\\", "")


def test_an_identity_header_sent_twice_is_refused(deployed):
    _, port = deployed
    twice = [("X-Remote-User", ANALYST), ("X-Remote-User", ADMIN)]
    texts = session_texts(port, host=f"{NAME}:{port}", headers=twice, page="overview")
    assert any("came more than once" in text for text in texts)
    assert not any(ANALYST in plain(text) for text in texts)
    once = session_texts(port, host=f"{NAME}:{port}", headers=twice[:1], page="overview")
    assert any(ANALYST in plain(text) for text in once)
