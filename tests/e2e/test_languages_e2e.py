# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Languages in the real browser: Arabic right to left, Tigrinya in Ge'ez script."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.helpers import open_view, sign_in_as_resident

ETHIOPIC = range(0x1200, 0x1380)


def test_switch_to_arabic_lays_out_right_to_left(page: Page, artifacts: Path) -> None:
    sign_in_as_resident(page)
    open_view(page, "settings")
    page.locator("select#language").select_option("ar")

    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    expect(page.locator("h1")).to_have_text("الإعدادات")
    expect(page.locator(".unreviewed")).to_be_visible()  # machine-made translations say so

    # Logical properties: the heading starts at the right edge, the brand sits at the right.
    width = page.viewport_size["width"]
    heading = page.locator("h1").bounding_box()
    brand = page.locator(".brand").bounding_box()
    assert heading
    assert brand
    assert width - (heading["x"] + heading["width"]) < 40
    assert brand["x"] > width / 2
    page.screenshot(path=str(artifacts / "settings-ar-rtl.png"), full_page=True)

    open_view(page, "home")
    expect(page.locator("h1")).to_contain_text("مرحباً")
    expect(html).to_have_attribute("dir", "rtl")
    page.screenshot(path=str(artifacts / "home-ar-rtl.png"), full_page=True)

    # The choice is remembered: a new visit opens in Arabic.
    page.reload()
    expect(html).to_have_attribute("dir", "rtl")


def test_tigrinya_renders_in_geez_script_with_its_own_font(page: Page, artifacts: Path) -> None:
    sign_in_as_resident(page, "ti")
    heading = page.locator("h1")
    expect(heading).to_contain_text("ሰላም")
    text = heading.inner_text()
    assert any(ord(c) in ETHIOPIC for c in text)

    # Glyph check: Chromium reports which font drew the heading's characters.
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    ethiopic = [f for f in fonts if "Ethiopic" in f["familyName"]]
    assert ethiopic, fonts
    assert ethiopic[0]["isCustomFont"] is True  # our subset, not whatever the phone has
    assert ethiopic[0]["glyphCount"] >= len([c for c in text if ord(c) in ETHIOPIC])
    loaded = page.evaluate(
        "() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert any("Welkom Ethiopic" in family for family in loaded)
    page.screenshot(path=str(artifacts / "home-ti.png"), full_page=True)


def test_the_geez_font_is_not_loaded_for_other_languages(page: Page) -> None:
    sign_in_as_resident(page, "nl")
    fonts = page.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('/fonts/'))"
    )
    # The language choice names Tigrinya in its own script, so that one word may load it;
    # the Dutch home view itself must not need it.
    page.reload()
    expect(page.locator("h1")).to_contain_text("Amal")
    after = page.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('/fonts/'))"
    )
    assert after == [], (fonts, after)


def test_a_returning_resident_fetches_language_and_session_before_the_app_runs(
    page: Page,
) -> None:
    """The inline boot script (allowed by its hash in the CSP) starts both downloads as soon as
    the HTML is parsed; a policy that refused it would show as a console violation."""
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    sign_in_as_resident(page, "ar")
    page.reload()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator('head link[rel=modulepreload][href^="/assets/ar-"]')).to_have_count(1)
    expect(page.locator('head link[rel=preload][href="/api/v1/auth/session"]')).to_have_count(1)
    assert violations == []
