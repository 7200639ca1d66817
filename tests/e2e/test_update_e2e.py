# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A new deploy reaches an open app: the new service worker waits, the app offers the update,
and taking it reloads the page under the new version."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import DIST, run_welkom
from tests.e2e.helpers import LANGUAGE_NAMES, wait_for_service_worker


def shell_caches(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        "async () => (await caches.keys()).filter(n => n.startsWith('welkom-shell-'))"
    )


def test_new_version_is_offered_and_applied(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dist = tmp_path / "dist"
    shutil.copytree(DIST, dist)
    with run_welkom(dist, tmp_path) as base:
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.goto("/")
        page.get_by_role("button", name=LANGUAGE_NAMES["nl"], exact=True).click()
        wait_for_service_worker(page)
        before = shell_caches(page)
        assert len(before) == 1

        # Deploy: a new worker version (as a build with changed files would produce).
        sw = dist / "sw.js"
        source = sw.read_text()
        old = before[0].removeprefix("welkom-shell-")
        assert old in source
        sw.write_text(source.replace(old, "0" * 12))

        page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
        notice = page.locator(".notice.update")
        expect(notice).to_be_visible(timeout=15_000)
        with page.expect_event("load", timeout=15_000):
            notice.get_by_role("button").click()
        wait_for_service_worker(page)
        expect(page.locator(".notice.update")).to_have_count(0)
        page.wait_for_function(
            "() => caches.keys().then(k => k.includes('welkom-shell-000000000000')"
            " && !k.some(n => n.startsWith('welkom-shell-') && n !== 'welkom-shell-000000000000'))"
        )
        context.close()
