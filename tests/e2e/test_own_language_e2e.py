# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident reads Welkom in their own language: every resident view, in each of the 14
languages, as the demo resident (whose staff-recorded language is Arabic) who chose another
language in the app.

For each language the app is opened in that language, the resident signs in (the app tells the
server the choice: ``PUT /api/v1/me/language``) and every resident view is visited. Over the text
a person sees, outside elements marked as another language (fallback blocks, language names, the
Dutch legal text, text of unknown language), outside what the resident wrote themselves
(``data-own-words``: their questions, shown as written), and leaving out digits, codes, values
set in Unicode isolates (a case reference) and a short list of proper names, the share of letters in the language's script is measured: Arabic script for ar,
fa, prs, ps and ckb, Ge'ez for ti, Cyrillic for uk and ru, Latin for the others (there it only
catches text of another script slipping in). Each view must reach 95 %. Every fallback block must
carry its own ``lang`` and ``dir``. In ar, ti and uk the consent, journey, service and an error
view are saved as screenshots and checked with axe.

All problems are collected and reported together with the figures (also written to
``test-artifacts/own-language-figures.json``), so one run shows the whole picture.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.helpers import axe_violations, wait_for_question, wait_for_service_worker

LANGUAGES = ("nl", "en", "ar", "ti", "fa", "prs", "ps", "so", "tr", "uk", "ru", "kmr", "ckb", "fr")
RTL = {"ar", "fa", "prs", "ps", "ckb"}
#: The script a page in each language is written in (Unicode script names).
SCRIPT = dict.fromkeys(RTL, "Arabic") | {"ti": "Ethiopic", "uk": "Cyrillic", "ru": "Cyrillic"}
THRESHOLD = 0.95
#: Proper names and codes of the demo that stay in Latin letters in every language (the product,
#: DigiD, the demo family and their school, the caseworker, registers and the V-number's "V").
PROPER_NAMES = (
    "Welkom",
    "DigiD",
    "Amal",
    "Haddad",
    "Karim",
    "Lina",
    "Sanne de Vries",
    "Basisschool De Regenboog",
    "BRP",
    "BSN",
    "COA",
    "IND",
    "V",
)
VIEWS = (
    "home",
    "journey",
    "data",
    "consent",
    "services",
    "service",
    "ask",
    "cases",
    "notifications",
    "settings",
)
#: Languages whose consent, journey, service and error views are screenshotted and checked by axe.
SHOWN = ("ar", "ti", "uk")
LANGUAGE_PUT = "/api/v1/me/language"

#: In the page: letters per script over visible text in the page's language, and the marked blocks.
MEASURE = r"""
([pageLang, expected, names]) => {
  const SCRIPTS = {
    Arabic: /\p{Script=Arabic}/u,
    Ethiopic: /\p{Script=Ethiopic}/u,
    Cyrillic: /\p{Script=Cyrillic}/u,
    Latin: /\p{Script=Latin}/u,
  };
  // Letters of no script of their own (the Ukrainian apostrophe ʼ) count for none.
  const letter = /(?![\p{Script=Common}\p{Script=Inherited}])\p{L}/u;
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // A Latin proper name ends where Latin letters end: "ብDigiD" is the name with a prefix.
  const nameRe = new RegExp(
    names.map((n) => `(?<!\\p{Script=Latin})${escape(n)}(?!\\p{Script=Latin})`).join("|"), "gu");
  // numbers, codes, addresses, and values set in isolates (a case reference, a name)
  const code = /\p{N}|@|https?:|www\.|\.(nl|com|org|eu)\b|[\u2068\u2069]/u;
  const counts = {};
  const offenders = {};
  let excluded = 0;
  let terms = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const el = node.parentElement;
    if (!el || el.closest("script, style, noscript, template")) continue;
    // What the resident wrote, shown as they wrote it, is theirs, not the app's.
    if (el.closest("[data-own-words]")) continue;
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const owner = el.closest("[lang]");
    const lang = owner ? owner.getAttribute("lang") : pageLang;
    const own = lang === pageLang;
    const text = own ? node.textContent.replace(nameRe, " ") : node.textContent;
    for (const chunk of text.split(/\s+/u)) {
      const size = [...chunk].filter((c) => letter.test(c)).length;
      if (size === 0) continue;
      if (!own || code.test(chunk)) {
        excluded += size;
        if (el.closest(".term")) terms += size;
        continue;
      }
      for (const word of chunk.split(/[,.;:!?()[\]«»"“”„'’·/|–—-]+/u)) {
        let foreign = 0;
        for (const c of word) {
          if (!letter.test(c)) continue;
          const script = Object.keys(SCRIPTS).find((s) => SCRIPTS[s].test(c)) ?? "Other";
          counts[script] = (counts[script] ?? 0) + 1;
          if (script !== expected) foreign++;
        }
        if (foreign) offenders[word] = (offenders[word] ?? 0) + 1;
      }
    }
  }
  const marked = (selector) => [...document.querySelectorAll(selector)].map((e) => ({
    lang: e.getAttribute("lang"), dir: e.getAttribute("dir"), text: e.textContent.slice(0, 60),
  }));
  return {
    counts, excluded, terms, offenders,
    fallbacks: marked(".fallback"),
    names: marked(".language-name"),
    dutch: marked("[data-testid=source-text]"),
    notices: document.querySelectorAll(".fallback > [data-testid=fallback-notice]").length,
    machine: document.querySelectorAll("[data-testid=machine-notice]").length,
  };
}
"""


class Network:
    """Requests the page has in flight, to wait until a view has loaded what it shows."""

    def __init__(self, page: Page) -> None:
        self.pending: set[object] = set()
        self.last = time.monotonic()
        page.on("request", self._start)
        page.on("requestfinished", self._end)
        page.on("requestfailed", self._end)

    def _start(self, request: object) -> None:
        self.pending.add(request)
        self.last = time.monotonic()

    def _end(self, request: object) -> None:
        self.pending.discard(request)
        self.last = time.monotonic()

    def settle(self, page: Page, quiet: float = 0.3, limit: float = 10.0) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if not self.pending and time.monotonic() - self.last >= quiet:
                break
            page.wait_for_timeout(50)
        expect(page.locator("[aria-busy=true]")).to_have_count(0)


def open_view(page: Page, network: Network, view: str, query: str = "") -> None:
    page.evaluate("hash => { location.hash = hash }", f"#/{view}{query}")
    expect(page.locator(f"#{view}-title")).to_be_visible()
    network.settle(page)


def sign_in(page: Page, code: str) -> dict[str, Any]:
    """Open the app in ``code``, sign in as the demo resident; the language request it sent."""
    page.goto("/")
    assert (
        page.locator("ul.languages button:not([lang]), ul.languages button:not([dir])").count() == 0
    )
    page.locator(f"ul.languages button[lang={code}]").click()
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if code in RTL else "ltr")
    wait_for_service_worker(page)
    with page.expect_request(
        lambda r: r.method == "PUT" and r.url.endswith(LANGUAGE_PUT), timeout=10_000
    ) as put:
        page.locator("section button.primary").first.click()
    expect(page.locator("#home-title")).to_contain_text("Amal")
    request = put.value
    response = request.response()
    return {
        "body": request.post_data_json,
        "status": response.status if response else None,
        "answer": response.json() if response and response.ok else None,
    }


def service_with_places(page: Page) -> dict[str, Any]:
    """A service with a body and a place (the most kinds of content text on one page)."""
    items = page.request.get("/api/v1/services?limit=50").json()["items"]
    for item in items:
        detail = page.request.get(f"/api/v1/services/{item['id']}").json()
        if detail.get("places") and detail.get("body_html"):
            return detail
    return items[0]


def share(result: dict[str, Any], script: str) -> float:
    total = sum(result["counts"].values())
    return result["counts"].get(script, 0) / total if total else 1.0


def check_marks(code: str, view: str, result: dict[str, Any], problems: list[str]) -> None:
    """Fallback blocks, language names and the Dutch legal text each carry their own lang/dir."""
    for block in result["fallbacks"]:
        lang, direction = block["lang"], block["dir"]
        if not lang or lang == code:
            problems.append(f"{code}/{view}: fallback block without its own lang: {block}")
        elif direction != ("rtl" if lang.split("-")[0] in RTL else "ltr"):
            problems.append(f"{code}/{view}: fallback block with a wrong dir: {block}")
    if result["notices"] != len(result["fallbacks"]):
        problems.append(
            f"{code}/{view}: {len(result['fallbacks'])} fallback blocks, "
            f"{result['notices']} notices"
        )
    for name in result["names"]:
        if not name["lang"] or not name["dir"]:
            problems.append(f"{code}/{view}: language name without lang/dir: {name}")
    for dutch in result["dutch"]:
        if (dutch["lang"], dutch["dir"]) != ("nl", "ltr"):
            problems.append(f"{code}/{view}: Dutch legal text not marked lang=nl dir=ltr: {dutch}")


def screenshot_and_axe(
    page: Page, code: str, view: str, artifacts: Path, problems: list[str]
) -> None:
    page.screenshot(path=str(artifacts / f"own-language-{code}-{view}.png"), full_page=True)
    for violation in axe_violations(page):
        problems.append(
            f"{code}/{view}: axe {violation['id']} ({violation['impact']}): "
            f"{violation['help']} at {violation['nodes'][:3]}"
        )


def visit_language(
    context: BrowserContext, code: str, artifacts: Path, problems: list[str]
) -> dict[str, Any]:
    page = context.new_page()
    network = Network(page)
    figures: dict[str, Any] = {"views": {}}
    put = sign_in(page, code)
    figures["put"] = put
    if put["body"] != {"language": code}:
        problems.append(f"{code}: the app sent {put['body']} to {LANGUAGE_PUT}")
    if put["status"] != 200 or (put["answer"] or {}).get("language") != code:
        problems.append(f"{code}: {LANGUAGE_PUT} answered {put['status']} {put['answer']}")
    network.settle(page)
    service = service_with_places(page)
    script = SCRIPT.get(code, "Latin")

    for view in VIEWS:
        if view == "service":
            open_view(page, network, "service", f"?id={service['id']}")
        else:
            open_view(page, network, view)
        if view == "home" and page.request.get("/api/v1/me/journey").json().get("next_step"):
            expect(page.locator("[data-testid=next-step]")).to_be_visible()
        result = page.evaluate(MEASURE, [code, script, list(PROPER_NAMES)])
        value = share(result, script)
        top = sorted(result["offenders"].items(), key=lambda kv: -kv[1])[:12]
        figures["views"][view] = {
            "share": round(value, 4),
            "letters": result["counts"],
            "excluded_letters": result["excluded"],
            "dutch_term_letters": result["terms"],
            "fallback_blocks": len(result["fallbacks"]),
            "machine_notices": result["machine"],
            "other_script_words": dict(top),
        }
        if value < THRESHOLD:
            problems.append(
                f"{code}/{view}: {value:.1%} of letters in {script} script (< {THRESHOLD:.0%}); "
                f"other words: {[w for w, _ in top]}"
            )
        check_marks(code, view, result, problems)

        if code in SHOWN and view in ("consent", "journey", "service"):
            screenshot_and_axe(page, code, view, artifacts, problems)

    if code in SHOWN:
        # An error: the question form sent empty says what to do, in the resident's language.
        open_view(page, network, "ask")
        page.locator("form button[type=submit]").click()
        expect(page.locator("#question-error")).to_be_visible()
        error = page.locator("#question-error").inner_text()
        if not any(ch.isalpha() and _in_script(ch, script) for ch in error):
            problems.append(f"{code}/ask: the error is not in {script} script: {error!r}")
        screenshot_and_axe(page, code, "error", artifacts, problems)

    if code == "ti":
        ask_for_interpreter(page, network, code, problems)
    if code == "uk":
        # Changing the language while signed in tells the server too.
        open_view(page, network, "settings")
        with page.expect_request(
            lambda r: r.method == "PUT" and r.url.endswith(LANGUAGE_PUT), timeout=10_000
        ) as change:
            page.locator("select#language").select_option("ru")
        expect(page.locator("html")).to_have_attribute("lang", "ru")
        if change.value.post_data_json != {"language": "ru"}:
            problems.append(f"uk→ru: the app sent {change.value.post_data_json}")
        figures["change_to_ru"] = (
            change.value.response().status if change.value.response() else None
        )
    page.close()
    return figures


def _in_script(ch: str, script: str) -> bool:
    point = ord(ch)
    return {
        "Arabic": 0x0600 <= point <= 0x06FF
        or 0x0750 <= point <= 0x077F
        or 0xFB50 <= point <= 0xFEFF,
        "Ethiopic": 0x1200 <= point <= 0x139F,
        "Cyrillic": 0x0400 <= point <= 0x04FF,
        "Latin": point < 0x0250,
    }[script]


def ask_for_interpreter(page: Page, network: Network, code: str, problems: list[str]) -> None:
    """Where a consent text is unchecked or in another language, the resident can ask for an
    interpreter: a question to the caseworker, in their language, naming the purpose."""
    open_view(page, network, "consent")
    cards = page.locator("[data-testid=consents] > li").filter(
        has=page.locator("button[data-testid=ask-interpreter]")
    )
    if cards.count() == 0:
        return  # every consent text is checked and in the resident's language
    purpose = cards.first.get_attribute("data-purpose")
    card = page.locator(f"[data-testid=consents] > li[data-purpose={purpose}]")
    button = card.locator("button[data-testid=ask-interpreter]")
    states = page.request.get("/api/v1/me/consents").json()
    label = next(s["label"] for s in states if s["purpose"] == purpose)
    button.click()
    expect(card.locator("[data-testid=interpreter-asked]")).to_be_visible()
    expect(card.locator("[data-testid=interpreter-asked]")).to_be_focused()
    mine = wait_for_question(page, label)
    if not mine or mine[0]["language"] != code:
        problems.append(f"{code}: no interpreter question naming {label!r} in {code}: {mine[:1]}")


def test_every_resident_view_is_in_the_residents_own_language(
    browser: Browser, server: str, artifacts: Path
) -> None:
    problems: list[str] = []
    figures: dict[str, Any] = {}
    started = time.monotonic()
    for code in LANGUAGES:
        context = browser.new_context(
            base_url=server, locale="nl-NL", viewport={"width": 412, "height": 900}
        )
        context.set_default_timeout(15_000)
        try:
            figures[code] = visit_language(context, code, artifacts, problems)
        finally:
            context.close()
    figures["seconds"] = round(time.monotonic() - started, 1)
    (artifacts / "own-language-figures.json").write_text(
        json.dumps(figures, ensure_ascii=False, indent=2), "utf-8"
    )

    print(f"\nLetters in the page language's script, per view ({figures['seconds']} s):")
    print("lang  " + " ".join(f"{v[:8]:>8}" for v in VIEWS) + "   PUT")
    for code in LANGUAGES:
        row = figures[code]["views"]
        print(
            f"{code:<5} "
            + " ".join(f"{row[v]['share']:>8.1%}" for v in VIEWS)
            + f"   {figures[code]['put']['status']}"
        )
    assert not problems, "\n".join(problems)


def test_content_in_another_language_is_marked_and_consent_is_given_on_the_dutch_text(
    browser: Browser, server: str, artifacts: Path
) -> None:
    """The contract's other cases, whatever the demo's content is today (the API's answers are
    changed in the browser; service workers are blocked so the page's requests can be): a step
    only in Dutch and a service only in English on a Tigrinya page, a consent whose translation
    the municipality does not accept, and a problem whose text a computer translated."""
    context = browser.new_context(
        base_url=server,
        locale="nl-NL",
        service_workers="block",
        viewport={"width": 412, "height": 900},
    )
    context.set_default_timeout(15_000)
    posted: list[Any] = []
    try:
        page = context.new_page()
        network = Network(page)
        page.goto("/")
        page.locator("ul.languages button[lang=ti]").click()
        page.locator("section button.primary").first.click()
        expect(page.locator("#home-title")).to_contain_text("Amal")

        # A step only in Dutch (the next one) and one a computer translated.
        def journey(route):  # type: ignore[no-untyped-def]
            data = route.fetch().json()
            dutch = {
                "language": "nl",
                "translation_state": "source",
                "title": "Een bankrekening openen",
                "explanation": "Open een betaalrekening bij een bank.",
            }
            data["steps"][0].update(dutch)
            data["steps"][1].update(translation_state="machine", language="ti")
            if data.get("next_step") and data["next_step"]["id"] == data["steps"][0]["id"]:
                data["next_step"].update(dutch)
            route.fulfill(json=data)

        page.route("**/api/v1/me/journey", journey)

        # A service whose title and summary exist only in English, its body only in Dutch.
        service = page.request.get("/api/v1/services?limit=1").json()["items"][0]

        def detail(route):  # type: ignore[no-untyped-def]
            data = route.fetch().json()
            data.update(
                language="en",
                title="Finding a home",
                summary="We help you find a home.",
                body_language="nl",
                body_html="<p>Wij zoeken samen een <strong>huis</strong>.</p>",
                unreviewed=False,
            )
            route.fulfill(json=data)

        page.route(f"**/api/v1/services/{service['id']}", detail)

        # A consent the municipality accepts only on the Dutch text; giving it is recorded here.
        def consents(route):  # type: ignore[no-untyped-def]
            if route.request.method == "POST":
                posted.append(route.request.post_data_json)
                route.fulfill(status=201, json={})
                return
            data = route.fetch().json()
            first = data[0]
            first.update(state="not_asked", since=None, grant_requires_review=True)
            first["text"].update(language="ti", translation_state="machine", reviewed=False)
            first["source_text"] = first.get("source_text") or {
                "version": first["text"]["version"],
                "language": "nl",
                "title": "Toestemming",
                "body": "De officiële tekst.",
                "translation_state": "source",
                "reviewed": True,
            }
            route.fulfill(json=data)

        page.route("**/api/v1/me/consents", consents)

        # Home and journey: the Dutch step in a marked block, its notice naming both languages.
        page.reload()
        expect(page.locator("#home-title")).to_contain_text("Amal")
        network.settle(page)
        card = page.locator("[data-testid=next-step] .fallback")
        expect(card).to_have_attribute("lang", "nl")
        expect(card).to_have_attribute("dir", "ltr")
        notice = card.locator("[data-testid=fallback-notice]")
        expect(notice).to_have_attribute("lang", "ti")
        expect(notice.locator(".language-name[lang=ti][dir=ltr]")).to_have_text("ትግርኛ")
        expect(notice.locator(".language-name[lang=nl][dir=ltr]")).to_have_text("Nederlands")

        open_view(page, network, "journey")
        steps = page.locator("[data-testid=journey] > li")
        expect(steps.nth(0).locator(".fallback[lang=nl] h2")).to_have_text(
            "Een bankrekening openen"
        )
        expect(steps.nth(1).locator(".fallback")).to_have_count(0)
        expect(steps.nth(1).locator("[data-testid=machine-notice]")).to_have_text(re.compile(r"\S"))

        # The service: title and summary in an English block, the body in a Dutch one.
        open_view(page, network, "service", f"?id={service['id']}")
        blocks = page.locator("section .fallback")
        expect(blocks).to_have_count(2)
        expect(blocks.nth(0)).to_have_attribute("lang", "en")
        expect(blocks.nth(0).locator("h1")).to_have_text("Finding a home")
        expect(blocks.nth(1)).to_have_attribute("lang", "nl")
        expect(blocks.nth(1).locator(".rich")).to_have_attribute("lang", "nl")
        page.screenshot(
            path=str(artifacts / "own-language-ti-service-fallback.png"), full_page=True
        )
        assert axe_violations(page) == []

        # Consent: said plainly, the Dutch text folded in its own language, agreed to in Dutch.
        open_view(page, network, "consent")
        states = page.request.get("/api/v1/me/consents").json()
        purpose, source = states[0]["purpose"], states[0]["source_text"]
        card = page.locator(f"[data-testid=consents] > li[data-purpose={purpose}]")
        expect(card.locator("[data-testid=grant-requires-review]")).to_be_visible()
        dutch = card.locator("[data-testid=source-text]")
        expect(dutch).to_have_attribute("lang", "nl")
        expect(dutch).to_have_attribute("dir", "ltr")
        expect(dutch.locator("summary")).to_have_attribute("lang", "ti")
        expect(card.locator("button[data-testid=ask-interpreter]")).to_be_visible()
        grant = card.locator("button[data-action=grant]")
        expect(grant).to_have_attribute("data-language", "nl")
        grant.click()
        confirm = card.locator("[data-testid=confirm]")
        expect(confirm.locator(".source-language")).to_have_attribute("lang", "nl")
        if source:
            expect(confirm).to_contain_text(source["title"])
        page.screenshot(path=str(artifacts / "own-language-ti-consent-dutch.png"), full_page=True)
        assert axe_violations(page) == []
        confirm.locator("button[data-confirm=grant]").click()
        page.wait_for_function("() => !document.querySelector('[data-testid=confirm]')")
        deadline = time.monotonic() + 10
        while not posted and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        assert posted == [
            {
                "purpose": purpose,
                "action": "grant",
                "text_version": (source or {}).get("version", states[0]["text"]["version"]),
                "language": "nl",
            }
        ]

        # A refusal whose text a computer translated says so next to it.
        page.route(
            "**/api/v1/me/questions",
            lambda route: (
                route.fulfill(
                    status=422,
                    content_type="application/problem+json",
                    json={
                        "type": "urn:welkom:problem:invalid",
                        "title": "ጌጋ",
                        "status": 422,
                        "detail": "እዚ ሕቶ ክቕበል ኣይከኣለን።",
                        "translation_state": "machine",
                    },
                )
                if route.request.method == "POST"
                else route.continue_()
            ),
        )
        open_view(page, network, "ask")
        page.locator("textarea#question").fill("ሕቶ")
        page.locator("form button[type=submit]").click()
        # Refused: the reason where the form was, and the way to the question's card.
        confirmation = page.locator("[data-testid=ask-confirmation]")
        expect(confirmation).to_have_attribute("data-done", "failed")
        expect(confirmation.locator("h2")).to_contain_text("እዚ ሕቶ ክቕበል ኣይከኣለን።")
        confirmation.locator('a[href="#/questions"]').click()
        expect(page.locator("#questions-title")).to_be_visible()
        queued = page.locator("[data-testid=queued] li")
        expect(queued.locator("[data-testid=machine-notice]")).to_be_visible()
        expect(queued.locator("[data-testid=machine-notice]")).to_have_attribute("lang", "ti")
    finally:
        context.close()
