"""The browser tests' world: a throwaway demo site served by `runserver`, and Debian's Chromium
driven by Playwright. Without Chromium or axe-core the tests are skipped and say how to get them;
with TRIBUNE_REQUIRE_BROWSER=1 (as in CI) a missing piece is a failure instead."""

from __future__ import annotations

import importlib.util
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

E2E_DIR = Path(__file__).resolve().parent
REPO_DIR = E2E_DIR.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS_DIR = E2E_DIR / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 812}
SERVER_START_SECONDS = 30


def missing_requirements() -> list[str]:
    """What the browser tests need and this machine lacks, each with how to get it."""
    missing = []
    if importlib.util.find_spec("playwright") is None:
        missing.append("the Python package playwright (pip install -r requirements/dev.txt)")
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if not AXE_JS.exists():
        missing.append(f"{AXE_JS.relative_to(REPO_DIR)} (npm ci --prefix e2e)")
    return missing


@pytest.fixture(scope="session")
def browser_requirements():
    """Skips the browser tests when a requirement is missing, or fails them if CI requires them."""
    missing = missing_requirements()
    if missing:
        message = "browser tests need " + "; ".join(missing)
        if os.environ.get("TRIBUNE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"TRIBUNE_REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)


@dataclass(frozen=True)
class DemoSite:
    url: str
    database: Path
    # What runserver prints (stdout and stderr): the console email backend's mail lands here.
    log: Path | None = None
    # The site's TRIBUNE_VAR_DIR, for `manage()`.
    var_dir: Path | None = None

    def query(self, sql: str, params=()) -> list[sqlite3.Row]:
        """Read the site's own database (read-only), to find pages worth visiting."""
        connection = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=10)
        connection.row_factory = sqlite3.Row
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    def server_log(self) -> str:
        """Everything the server has printed so far."""
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log else ""

    def manage(self, *args, timeout=120) -> str:
        """Run `manage.py` against this site (same settings and var dir as the server); its stdout."""
        return _manage(_site_env(self.var_dir), *args, timeout=timeout)


def _site_env(var_dir):
    """The environment of the throwaway site's `manage.py` commands and server."""
    env = {
        key: value
        for key, value in os.environ.items()
        # The throwaway site keeps everything in var_dir, whatever the calling shell points at.
        if key not in {"DATABASE_URL", "MEDIA_ROOT", "STATIC_ROOT", "DEBUG"}
    }
    env.update(
        TRIBUNE_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="tribune.settings.dev",
        PYTHONUNBUFFERED="1",
    )
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args, timeout=180):
    result = subprocess.run(  # noqa: S603 - our own manage.py with the running interpreter
        [sys.executable, "manage.py", *args],
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return result.stdout


def _wait_until_answering(url, process, log_path):
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"runserver exited ({process.returncode}):\n{log_path.read_text()}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"runserver did not answer {url} in {SERVER_START_SECONDS}s:\n{log_path.read_text()}")


@pytest.fixture(scope="session")
def demo_site(browser_requirements, tmp_path_factory):
    """The demo newsroom in a temporary directory, served by `runserver` on a free port."""
    var_dir = tmp_path_factory.mktemp("tribune-var")
    env = _site_env(var_dir)
    _manage(env, "migrate", "--no-input", "--verbosity", "0")
    _manage(env, "compile_translations")
    _manage(env, "seed_demo")

    port = _free_port()
    log_path = var_dir / "runserver.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 - our own manage.py with the running interpreter
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=REPO_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_answering(f"{base_url}/en/", process, log_path)
        yield DemoSite(url=base_url, database=var_dir / "tribune.sqlite3", log=log_path, var_dir=var_dir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser(browser_requirements):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshots_dir():
    SCREENSHOTS_DIR.mkdir(exist_ok=True)
    return SCREENSHOTS_DIR


def _new_page(browser, viewport, base_url):
    context = browser.new_context(viewport=viewport, device_scale_factor=1, base_url=base_url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    return context, page


@pytest.fixture
def page(browser, demo_site):
    """A fresh desktop tab (1280 wide) in its own browser context."""
    context, tab = _new_page(browser, DESKTOP, demo_site.url)
    yield tab
    context.close()


@pytest.fixture
def mobile_page(browser, demo_site):
    """A fresh phone-sized tab (375 x 812) in its own browser context."""
    context, tab = _new_page(browser, MOBILE, demo_site.url)
    yield tab
    context.close()
