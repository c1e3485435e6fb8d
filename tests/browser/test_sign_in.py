"""A real sign-in: an OpenID Connect provider started on this machine, the dashboard configured for it
in a secrets file, three people, one per role (given by the groups claim): each signs in through the
provider's page and sees exactly their pages; a forbidden URL is refused."""

from __future__ import annotations

import pytest

from etl import audit, config
from tests.browser.conftest import (
    NAVIGATION_LINKS,
    ROLE_PAGES,
    free_port,
    listed_pages,
    screenshot,
    start_app,
    stop_app,
    wait_until_rendered,
)

pytestmark = pytest.mark.browser
oidc_provider_mock = pytest.importorskip("oidc_provider_mock")

PEOPLE = {
    "executive": ("mayor", "mayor@city.example", ["city-executives"]),
    "analyst": ("analyst", "analyst@city.example", ["dx-office"]),
    "data_admin": ("admin", "admin@city.example", ["dx-office", "dx-data-admins"]),
}


@pytest.fixture(scope="module")
def provider():
    users = [
        oidc_provider_mock.User(sub=sub, claims={"email": email, "groups": groups})
        for sub, email, groups in PEOPLE.values()
    ]
    with oidc_provider_mock.run_server_in_thread(user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def signed_app(app_db, provider, tmp_path_factory):
    folder = tmp_path_factory.mktemp("signed")
    port = free_port()
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-cookie-secret-for-the-tests-only-0123456789"\n'
        'client_id = "dx-dashboard"\n'
        'client_secret = "dx-dashboard-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    roles = folder / "roles.toml"
    roles.write_text(
        '[roles.executive]\ngroups = ["city-executives"]\n'
        '[roles.analyst]\ngroups = ["dx-office"]\n'
        '[roles.data_admin]\ngroups = ["dx-data-admins"]\n',
        encoding="utf-8",
    )
    process, url = start_app(
        folder, app_db, ("--secrets.files", str(secrets)), {"DXDASH_ROLES": str(roles)}, port
    )
    yield url
    stop_app(process)


def sign_in(browser, app: str, sub: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    tab = context.new_page()
    tab.goto(f"{app}/overview?lang=en")
    tab.get_by_role("button", name="Sign in").click()
    tab.get_by_role("button", name=sub, exact=True).click(timeout=60_000)  # the provider's own page
    tab.wait_for_url(f"{app}/**", timeout=60_000)
    wait_until_rendered(tab)
    return context, tab


def test_nobody_sees_a_figure_before_signing_in(browser, signed_app):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{signed_app}/overview?lang=en")
    tab.get_by_role("button", name="Sign in").wait_for(timeout=60_000)
    assert tab.locator('[data-testid="stMetric"], [data-testid="stPlotlyChart"]').count() == 0
    assert tab.locator(NAVIGATION_LINKS).count() == 0
    context.close()


def sign_ins(app_db, email: str) -> int:
    return sum(
        e["action"] == "sign_in" and e["actor"] == email for e in audit.entries(config.audit_path(app_db))
    )


@pytest.mark.parametrize("role", list(PEOPLE))
def test_each_person_signs_in_and_sees_exactly_the_pages_of_their_role(browser, signed_app, app_db, role):
    sub, email, _ = PEOPLE[role]
    before = sign_ins(app_db, email)
    context, tab = sign_in(browser, signed_app, sub)
    second = context.new_page()  # another tab of the same sign-in: a session of its own, no new sign-in
    second.goto(f"{signed_app}/overview?lang=en")
    wait_until_rendered(second)
    assert sign_ins(app_db, email) == before + 1
    assert set(listed_pages(tab)) == set(ROLE_PAGES[role])
    sidebar = tab.locator('[data-testid="stSidebar"]').inner_text().replace("\u2060", "")
    assert email in sidebar
    tab.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)  # the overview's figures
    forbidden = {"talent", "import"} - set(ROLE_PAGES[role])
    for page in sorted(forbidden):
        tab.goto(f"{signed_app}/{page}?lang=en")
        tab.get_by_text("You are not permitted to open this page.").wait_for(timeout=60_000)
    screenshot(tab, f"sign-in-{role}")
    context.close()


def test_served_to_other_machines_without_sign_in_the_app_refuses_and_says_how_to_configure(
    browser, app_db, tmp_path
):
    # 127.0.0.2 is this machine too, but not the local address the default serves: as another host
    # served on another address, the names people use for it are allowed as the README says
    args = ("--server.address", "127.0.0.2", "--server.allowedHosts", "127.0.0.2")
    process, url = start_app(tmp_path, app_db, args)
    try:
        url = url.replace("127.0.0.1", "127.0.0.2")
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(f"{url}/overview?lang=en")
        tab.get_by_text("no sign-in is configured").wait_for(timeout=60_000)
        assert tab.locator('[data-testid="stMetric"], [data-testid="stPlotlyChart"]').count() == 0
        context.close()
    finally:
        stop_app(process)
