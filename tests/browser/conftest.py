"""The app as a person meets it: started with the README's run command, driven in headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# the pages each role lists and may open, as the office was promised them (README, "what each role sees")
READING = [
    "overview",
    "briefing",
    "talent",
    "ideas",
    "learning",
    "impact",
    "apps",
    "hours",
    "costs",
    "quality",
]
ROLE_PAGES = {
    "executive": ["overview", "briefing", "ideas", "learning", "impact"],
    "analyst": READING,
    "data_admin": [*READING[:-1], "import", "quality"],
}


def start_app(
    data_dir: Path, db: Path | None = None, args: tuple[str, ...] = (), env: dict | None = None, port: int = 0
):
    """scripts/run.sh on its own port and data folder (and any further options); returns (process, url)."""
    port = port or free_port()
    env = dict(
        os.environ,
        DXDASH_DB=str(db or data_dir / "dxdash.duckdb"),
        DXDASH_MAPPING=str(data_dir / "mapping.toml"),
        PYTHONUNBUFFERED="1",
        **(env or {}),
    )
    # the server's output goes to a file, read while it starts and shown when a test fails: a pipe that
    # nobody reads after the start would stop the server at its first 64 KB of output
    handle, name = tempfile.mkstemp(prefix=f"dxdash-app-{port}-", suffix=".log")  # not in the data folder
    log_path = Path(name)
    command = [str(ROOT / "scripts" / "run.sh"), "--server.port", str(port), "--server.address", "127.0.0.1"]
    with os.fdopen(handle, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [*command, *args],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
    process.log_path = log_path
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:  # streamlit says when it is listening
        said = log_path.read_text(encoding="utf-8", errors="replace")
        if "You can now view" in said or f":{port}" in said:
            break
        time.sleep(0.1)
    return process, f"http://127.0.0.1:{port}"


def app_output(process, lines: int = 40) -> str:
    """The last lines the server wrote (its log), for a failing test's message."""
    said = process.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(said[-lines:])


def stop_app(process) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    process.log_path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def app_db(tmp_path_factory, demo_db) -> Path:
    """The running app's database: a copy of the run's demo database (the first run, which builds the
    demo itself, is tested on its own in test_pages)."""
    path = tmp_path_factory.mktemp("app-data") / "dxdash.duckdb"
    shutil.copyfile(demo_db.resolve(), path)
    return path


@pytest.fixture(scope="session")
def app(app_db):
    process, url = start_app(app_db.parent)
    yield url
    stop_app(process)


@pytest.fixture(scope="session")
def playwright():
    sync_api = pytest.importorskip("playwright.sync_api")
    if shutil.which("chromium") is None:
        pytest.fail("Debian's chromium is not installed (scripts/test.sh installs it)")
    with sync_api.sync_playwright() as playwright:
        yield playwright


def launch(playwright, *args: str):
    """Debian's Chromium, headless, with further command-line switches."""
    return playwright.chromium.launch(executable_path=shutil.which("chromium"), args=[*CHROMIUM_ARGS, *args])


@pytest.fixture(scope="session")
def browser(playwright):
    browser = launch(playwright)
    yield browser
    browser.close()


class RequestLog:
    """Every host the page asked for: the app must ask nothing of any host but its own."""

    def __init__(self, base_url: str):
        self.base_host = urlparse(base_url).hostname
        self.foreign: list[str] = []

    def __call__(self, request) -> None:
        parsed = urlparse(request.url)
        if parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname != self.base_host:
            self.foreign.append(request.url)


@pytest.fixture
def page(browser, app):
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="ja-JP", accept_downloads=True
    )
    tab = context.new_page()
    log = RequestLog(app)
    tab.on("request", log)
    tab.request_log = log
    yield tab
    context.close()


def wait_until_rendered(tab, timeout_ms: int = 120_000) -> None:
    """The page's title is there, the script has run and the app is idle (Streamlit marks its root)."""
    tab.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout_ms)
    tab.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms)
    tab.wait_for_load_state("networkidle")


def screenshot(tab, name: str) -> Path:
    """The whole page: Streamlit scrolls an inner element, so the window grows to its height first."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = tab.viewport_size
    height = tab.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], section')].map(e => e.scrollHeight))"
    )
    tab.set_viewport_size({"width": size["width"], "height": min(max(height + 40, size["height"]), 6000)})
    tab.wait_for_load_state("networkidle")
    tab.screenshot(path=str(path), full_page=True)
    tab.set_viewport_size(size)
    return path


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]  # JIS X 8341-3 is WCAG 2.0 AA; 2.1's rules too
SERIOUS = ("serious", "critical")


def violations(tab, axe) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now, one line each."""
    found = axe.run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {' '.join(node['html'].split())[:120]}"
        for v in found
        if v["impact"] in SERIOUS
        for node in v["nodes"]
    ]


def wait_for_metrics(tab, at_least: int, timeout_ms: int = 60_000) -> list[str]:
    """The KPI cards' values, once at least `at_least` of them are drawn."""
    wait_until_rendered(tab, timeout_ms)
    tab.wait_for_function(
        f"document.querySelectorAll('[data-testid=stMetricValue]').length >= {at_least}", timeout=timeout_ms
    )
    return tab.locator('[data-testid="stMetricValue"]').all_inner_texts()


NAVIGATION_LINKS = '[data-testid="stSidebar"] .st-key-navigation a'  # the app's own page links


def listed_pages(tab) -> list[str]:
    """The URL paths of the pages the sidebar's navigation lists."""
    tab.locator(NAVIGATION_LINKS).first.wait_for(timeout=60_000)  # every role lists a page at least
    links = tab.locator(NAVIGATION_LINKS).evaluate_all("els => els.map(e => e.getAttribute('href'))")
    return [link.rstrip("/").split("/")[-1].split("?")[0] for link in links]
