# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident app on a small phone (360 × 740, touch) in Dutch, Arabic and Tigrinya: a bottom
bar within reach of a thumb instead of a menu that fills the screen, a title per view, focus on
the view's heading, confirmations where the eye is, no horizontal scroll, photos scaled down
before they are sent. Screenshots go to test-artifacts/layout-*.png."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import Page, expect

from tests.e2e.helpers import axe_violations, open_view, sign_in_as_resident

WIDTH, HEIGHT = 360, 740
IN_THE_BAR = ["home", "ask", "questions", "notifications"]
UNDER_MORE = ["journey", "services", "cases", "data", "documents", "help", "settings"]


@pytest.fixture
def small(browser, server):  # type: ignore[no-untyped-def]
    context = browser.new_context(
        base_url=server,
        locale="nl-NL",
        viewport={"width": WIDTH, "height": HEIGHT},
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(15_000)
    yield context
    context.close()


def no_horizontal_scroll(page: Page) -> None:
    sizes = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, width: innerWidth,"
        " scale: visualViewport.scale})"
    )
    assert sizes["scroll"] <= WIDTH, sizes
    assert sizes["width"] == WIDTH, sizes  # the page was not zoomed out to fit something wide
    assert sizes["scale"] == 1, sizes


def heading_has_focus(page: Page, view: str) -> None:
    page.wait_for_function(
        "id => document.activeElement && document.activeElement.id === id", arg=f"{view}-title"
    )


@pytest.mark.parametrize("code", ["nl", "ar", "ti"])
def test_bottom_bar_titles_and_focus_on_a_small_phone(small, code: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page = small.new_page()
    sign_in_as_resident(page, code)
    nav = page.locator("nav.bar")
    expect(nav).to_be_visible()
    box = nav.bounding_box()
    assert box
    # The menu no longer covers the screen: one bar at the bottom, ≤ 15 % of the height.
    assert box["height"] <= 0.15 * HEIGHT, box
    assert abs(box["y"] + box["height"] - HEIGHT) <= 1, box
    tabs = nav.locator(".tabs a, .tabs button")
    expect(tabs).to_have_count(5)
    for tab in tabs.all():
        b = tab.bounding_box()
        assert b
        assert b["width"] >= 48
        assert b["height"] >= 48
        assert tab.locator("svg[aria-hidden=true]").count() == 1
        assert tab.inner_text().strip()  # a label under every pictogram
    # Right to left, the first destination (home) is at the right.
    first, last = tabs.first.bounding_box(), tabs.last.bounding_box()
    assert first
    assert last
    assert (first["x"] > last["x"]) == (code == "ar")

    titles: dict[str, str] = {}
    for view in IN_THE_BAR + UNDER_MORE:
        open_view(page, view)
        expect(page.locator(f"#{view}-title")).to_be_visible()
        heading_has_focus(page, view)
        link = page.locator(f'nav a[href="#/{view}"]')
        expect(link).to_have_attribute("aria-current", "page")
        expect(page.locator('nav [aria-current="page"]')).to_have_count(1)
        expect(page.locator("#more-menu")).to_be_hidden()  # closed again after choosing
        expect(page).to_have_title(re.compile(r".+ – Welkom$"))
        titles[view] = page.title()
        no_horizontal_scroll(page)
        assert axe_violations(page) == [], view
        if view in ("home", "ask", "cases", "settings"):
            page.screenshot(path=str(artifacts / f"layout-{code}-{view}.png"))
    # Every view its own title (never a name: home is "Home", not "Hello Amal").
    assert len(set(titles.values())) == len(titles), titles
    assert "Amal" not in titles["home"]
    more = nav.locator('button[aria-controls="more-menu"]')
    expect(more).to_have_class("current")  # settings, the last view, is under More

    # "More" opens the rest above the bar; Escape closes it and gives the focus back.
    more.click()
    expect(more).to_have_attribute("aria-expanded", "true")
    menu = page.locator("#more-menu")
    expect(menu).to_be_visible()
    expect(menu.locator("a")).to_have_count(len(UNDER_MORE))
    for item in menu.locator("a").all():
        b = item.bounding_box()
        assert b
        assert b["height"] >= 48
        assert b["y"] >= 0  # the whole list on screen
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / f"layout-{code}-more.png"))
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(more).to_be_focused()

    # Keyboard: from the focused heading, Tab reaches the bar's links in order.
    open_view(page, "home")
    heading_has_focus(page, "home")
    hrefs: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "() => document.activeElement.closest('nav.bar') && "
            "(document.activeElement.getAttribute('href') || 'more')"
        )
        if href:
            hrefs.append(href)
        if href == "more":
            break
    assert hrefs == [*(f"#/{v}" for v in IN_THE_BAR), "more"], hrefs
    page.keyboard.press("Enter")
    expect(menu).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(f"#{UNDER_MORE[0]}-title")).to_be_visible()


@pytest.mark.parametrize("code", ["nl", "ar"])
def test_confirmations_where_the_eye_is(small, code: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page = small.new_page()
    sign_in_as_resident(page, code)
    open_view(page, "ask")
    # In the resident's language: later tests check that home shows only that language.
    question = {"nl": "Waar is het zwembad?", "ar": "أين المسبح؟"}[code]
    page.locator("textarea#question").fill(question)
    page.locator('form button[type="submit"]').click()
    confirmation = page.locator("[data-testid=ask-confirmation]")
    expect(confirmation).to_have_attribute("data-done", "sent")
    heading = confirmation.locator("h2")
    expect(heading).to_be_focused()
    # On screen, above the bottom bar: not in a footer out of sight.
    box = confirmation.bounding_box()
    bar = page.locator("nav.bar").bounding_box()
    assert box
    assert bar
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= bar["y"], (box, bar)
    expect(confirmation.locator("strong")).to_be_visible()  # what happens next
    no_horizontal_scroll(page)
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / f"layout-{code}-ask-sent.png"))
    confirmation.locator('a[href="#/questions"]').click()
    expect(page.locator("[data-testid=questions] li").first).to_contain_text(question)

    # Destructive buttons look different from the others.
    open_view(page, "settings")
    expect(page.locator("main button[data-testid=logout-everywhere]")).to_be_visible()
    colours = page.evaluate(
        "() => [...document.querySelectorAll('main button')].map(b => ({danger:"
        " b.classList.contains('danger'), color: getComputedStyle(b).color,"
        " border: getComputedStyle(b).borderColor}))"
    )
    danger = {c["border"] for c in colours if c["danger"]}
    others = {c["border"] for c in colours if not c["danger"]}
    assert page.locator("main button.danger[data-testid=logout]").count() == 1
    assert danger == {"rgb(160, 0, 0)"}, colours
    assert not danger & others

    # What a case is, from the cases view.
    open_view(page, "cases")
    explain = page.locator("[data-testid=what-is-a-case]")
    explain.locator("summary").click()
    expect(explain.locator("p")).to_be_visible()
    expect(explain.locator("p")).to_contain_text("zaak")
    no_horizontal_scroll(page)
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / f"layout-{code}-cases-explained.png"))


def letter_photo(width: int = 4000, height: int = 3000) -> bytes:
    """A phone camera's photo of a letter: 12 megapixels of paper with lines of text."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for y in range(200, height - 200, 60):
        draw.text((200, y), "Gemeente Welkom - besluit over uw aanvraag " * 6, fill="black")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def test_a_photo_is_scaled_down_before_it_is_sent(small, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page = small.new_page()
    sign_in_as_resident(page)
    open_view(page, "documents")
    original = letter_photo()
    page.locator("#document-file").set_input_files(
        {"name": "brief-gemeente.jpeg", "mimeType": "image/jpeg", "buffer": original}
    )
    # What the app hands to fetch (a multipart body with a Blob is not visible to Playwright).
    page.evaluate(
        """() => {
            const send = window.fetch;
            window.fetch = async (url, init) => {
                const file = init && init.body instanceof FormData && init.body.get("file");
                if (file) {
                    const data = await new Promise(done => {
                        const reader = new FileReader();
                        reader.onload = () => done(reader.result);
                        reader.readAsDataURL(file);
                    });
                    window.sentFile = {name: file.name, type: file.type, data};
                }
                return send(url, init);
            };
        }"""
    )
    page.locator('form button[type="submit"]').click()
    page.wait_for_function("() => window.sentFile")
    sent = page.evaluate("() => window.sentFile")
    assert sent["name"] == "brief-gemeente.jpg"
    assert sent["type"] == "image/jpeg"
    uploaded = base64.b64decode(sent["data"].split(",", 1)[1])
    with Image.open(io.BytesIO(uploaded)) as image:
        assert image.format == "JPEG"
        assert image.size == (2000, 1500)
    assert len(uploaded) < len(original) / 2, (len(uploaded), len(original))

    progress = page.locator("[data-testid=document-progress]")
    expect(progress.locator("[data-done]")).to_have_attribute("data-done", "sent")
    box = progress.bounding_box()
    bar = page.locator("nav.bar").bounding_box()
    assert box
    assert bar
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= bar["y"] + 1, (box, bar)  # scrolled above the bar
    # The sent document is listed with its name.
    expect(page.locator("[data-testid=sent-documents] li").first).to_contain_text(
        "brief-gemeente.jpg"
    )
    no_horizontal_scroll(page)
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / "layout-nl-document-sent.png"), full_page=True)


def test_call_buttons_keep_the_space_between_word_and_number(small) -> None:  # type: ignore[no-untyped-def]
    page = small.new_page()
    sign_in_as_resident(page)
    services = page.request.get("/api/v1/services?limit=100").json()["items"]
    with_phone = None
    for item in services:
        detail = page.request.get(f"/api/v1/services/{item['id']}").json()
        if detail.get("phones") or any(p.get("phone") for p in detail.get("places") or []):
            with_phone = detail
            break
    assert with_phone, "the demo has a service with a phone number"
    page.evaluate("id => { location.hash = `#/service?id=${id}` }", with_phone["id"])
    call = page.locator('a.button[href^="tel:"]').first
    expect(call).to_be_visible()
    # The word and the number are apart on screen ("Bellen +31 …", not "Bellen+31 …").
    gap = page.evaluate(
        """a => {
            const word = document.createRange();
            word.selectNodeContents(a.firstChild);
            const w = word.getBoundingClientRect(), n = a.querySelector("bdi").getBoundingClientRect();
            return n.left - w.right;
        }""",
        call.element_handle(),
    )
    assert gap >= 3, gap
    box = call.bounding_box()
    assert box
    assert box["height"] >= 44
    no_horizontal_scroll(page)
