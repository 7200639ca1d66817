# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""End-to-end fixtures: a real `welkom demo` process on a loopback port (SQLite, demo data, the
outbox worker in-process) serving the built PWA, and Debian's Chromium driven by Playwright.

Needs `/usr/bin/chromium` and `pwa/dist` (scripts/test.d/50-pwa.sh installs and builds them).
Without them these tests are skipped locally and fail under CI.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "pwa" / "dist"
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "pwa" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
#: How long an `expect` waits for the page: as long as an action does (the context's default),
#: since under CI the browsers, the demo servers and the other tests share two cores.
EXPECT_TIMEOUT_MS = 15_000
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return "Debian's chromium is not installed (scripts/test.d/50-pwa.sh installs it)"
    if not (DIST / "index.html").exists() or not AXE.exists():
        return "the PWA is not built (scripts/test.d/50-pwa.sh builds it)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _missing()
    if reason is None or os.environ.get("CI"):
        return  # under CI a missing part makes these tests fail, never skip
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=reason))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def run_welkom(dist: Path, data_dir: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """A real `welkom demo` process serving ``dist`` at / on a free loopback port; its base URL.
    ``env``: more settings for this demo (``WELKOM_*`` variables)."""
    port = _free_port()
    log = (data_dir / "server.log").open("w")
    env = {
        **os.environ,
        "WELKOM_PWA_DIR": str(dist),
        "WELKOM_LOG_JSON": "false",
        # Browsers sign in and write far faster than people: limits on, but generous.
        "WELKOM_RATE_LIMIT_LOGINS": "10000",
        "WELKOM_RATE_LIMIT_WRITES": "10000",
        **(env or {}),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "welkom", "demo", "--data-dir", str(data_dir), "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"welkom demo did not start; see {data_dir / 'server.log'}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session", autouse=True)
def _expect_timeout() -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo with the built PWA, shared by the end-to-end tests."""
    with run_welkom(DIST, tmp_path_factory.mktemp("welkom-e2e")) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Per module: Playwright's sync API keeps an event loop running in this thread while it is
    open, which the async database tests that follow cannot share."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser, server):  # type: ignore[no-untyped-def]
    context = browser.new_context(
        base_url=server, locale="nl-NL", viewport={"width": 412, "height": 900}
    )
    context.set_default_timeout(EXPECT_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):  # type: ignore[no-untyped-def]
    return context.new_page()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
