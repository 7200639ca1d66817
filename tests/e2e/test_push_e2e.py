# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Web Push in the PWA: subscribing registers the device with the API, and the service worker
turns a push (kind + id only) into a notification whose text it fetched from the API.

Headless Chromium cannot make a real push subscription (it has no push service connection:
`PushManager.subscribe` fails with "Registration failed - permission denied" even with the
permission granted), so a real push cannot be delivered to it here. Instead:

- subscribing: the browser's `PushManager.subscribe` is replaced by one that returns a
  subscription with a real P-256 key pair and an FCM-shaped endpoint; everything after it —
  the app's request, the API's validation and storage, unsubscribing — is the real thing;
- receiving: the push event is delivered to the real service worker over CDP
  (`ServiceWorker.deliverPushMessage`), and the notification it shows is read back with
  `registration.getNotifications()`.
The server side (encryption, VAPID, the push service's answers) is tested against a loopback
push service in tests/test_notifications_push.py.
"""

from __future__ import annotations

import json
import uuid

from playwright.sync_api import Page, expect

from tests.e2e.helpers import api_questions, ask, open_view, sign_in_as_resident

FAKE_SUBSCRIPTION = """
(() => {
  const b64 = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf)))
    .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  let current = null;
  PushManager.prototype.getSubscription = async function () { return current; };
  PushManager.prototype.subscribe = async function (options) {
    const pair = await crypto.subtle.generateKey({name: 'ECDH', namedCurve: 'P-256'}, true, ['deriveBits']);
    const p256dh = b64(await crypto.subtle.exportKey('raw', pair.publicKey));
    const auth = b64(crypto.getRandomValues(new Uint8Array(16)));
    const endpoint = 'https://fcm.googleapis.com/fcm/send/e2e-' + crypto.randomUUID();
    window.__subscribedWith = b64(options.applicationServerKey);
    current = {
      endpoint, expirationTime: null, options,
      toJSON: () => ({endpoint, expirationTime: null, keys: {p256dh, auth}}),
      unsubscribe: async () => { current = null; return true; },
    };
    return current;
  };
})();
"""


def _registration_id(page: Page) -> tuple[object, str]:
    cdp = page.context.new_cdp_session(page)
    found: list[dict] = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda e: found.extend(e["registrations"]))
    cdp.send("ServiceWorker.enable")
    page.wait_for_timeout(300)
    live = [r for r in found if not r["isDeleted"]]
    assert live, "no service worker registration"
    return cdp, live[-1]["registrationId"]


def _notifications(page: Page) -> list[dict]:
    return page.evaluate(
        "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(ns => ns.map(n =>"
        " ({title: n.title, body: n.body, tag: n.tag, lang: n.lang, dir: n.dir, data: n.data})))"
    )


def _inbox_item(page: Page, kind: str, reference_id: str, timeout_ms: int = 20_000) -> dict:
    """The resident's inbox item of this kind about this question or case, once it is there."""
    for _ in range(timeout_ms // 200):
        items = page.request.get("/api/v1/me/notifications?limit=100").json()["items"]
        mine = [i for i in items if i["kind"] == kind and i["reference_id"] == reference_id]
        if mine:
            return mine[0]
        page.wait_for_timeout(200)
    raise AssertionError(f"no {kind} item for {reference_id} in the inbox")


def _wait_for_tag(page: Page, tag: str, timeout_ms: int = 10_000) -> list[dict]:
    """The shown notifications with this tag, waiting until there is one."""
    for _ in range(timeout_ms // 200):
        shown = [n for n in _notifications(page) if n["tag"] == tag]
        if shown:
            return shown
        page.wait_for_timeout(200)
    raise AssertionError(f"no notification {tag} shown")


def test_subscribing_registers_the_device_with_the_api(page: Page, server: str) -> None:
    page.context.grant_permissions(["notifications"], origin=server)
    page.add_init_script(FAKE_SUBSCRIPTION)
    sign_in_as_resident(page)
    before = page.request.get("/api/v1/me/push-subscriptions").json()

    open_view(page, "settings")
    toggle = page.locator("[data-testid=push-toggle]")
    expect(toggle).to_have_attribute("aria-checked", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-checked", "true")

    # Subscribed with the server's own VAPID key, and the API holds this device now.
    key = page.request.get("/api/v1/push/public-key").json()["public_key"]
    assert page.evaluate("window.__subscribedWith") == key
    after = page.request.get("/api/v1/me/push-subscriptions").json()
    assert len(after) == len(before) + 1
    new = next(s for s in after if s["id"] not in {b["id"] for b in before})
    assert new["push_service"] == "https://fcm.googleapis.com"  # never the full endpoint

    # Off again: removed from the API as well.
    toggle.click()
    expect(toggle).to_have_attribute("aria-checked", "false")
    remaining = page.request.get("/api/v1/me/push-subscriptions").json()
    assert new["id"] not in {s["id"] for s in remaining}


def test_the_worker_shows_the_inbox_text_for_a_push(page: Page, server: str) -> None:
    page.context.grant_permissions(["notifications"], origin=server)
    sign_in_as_resident(page)
    text = f"Wanneer is mijn afspraak? {uuid.uuid4().hex[:8]}"
    ask(page, text)
    (question,) = [q for q in api_questions(page) if q["text"] == text]
    # Registering it puts a `question.registered` item in the inbox. Other tests on this demo
    # register questions and documents too, so the newest item need not be this one.
    item = _inbox_item(page, "question.registered", question["id"])
    # What the worker will fetch, in the language it was told (nl; the API may prefer the
    # resident's stored language, which the worker's request then gets as well).
    expected = page.request.get(
        f"/api/v1/me/notifications/{item['id']}", headers={"Accept-Language": "nl"}
    ).json()

    cdp, registration = _registration_id(page)
    payload = json.dumps({"kind": item["kind"], "id": item["id"]})  # all a push ever carries
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": server, "registrationId": registration, "data": payload},
    )
    shown = _wait_for_tag(page, f"welkom-{item['id']}")
    assert len(shown) == 1
    assert shown[0]["title"] == expected["title"]
    assert shown[0]["body"] == expected["body"]
    assert shown[0]["data"] == {"view": "questions", "id": item["id"]}

    # The same push again (a resend after a crash) replaces it: still one notification.
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": server, "registrationId": registration, "data": payload},
    )
    page.wait_for_timeout(1000)
    assert len([n for n in _notifications(page) if n["tag"] == f"welkom-{item['id']}"]) == 1

    # Switched to Arabic, the worker is told; a push for an unknown id shows the fallback text
    # in Arabic (nothing could be fetched), right to left.
    open_view(page, "settings")
    page.locator("#language").select_option("ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.wait_for_timeout(500)
    unknown = str(uuid.uuid4())
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {
            "origin": server,
            "registrationId": registration,
            "data": json.dumps({"kind": "question.answered", "id": unknown}),
        },
    )
    fallback = _wait_for_tag(page, f"welkom-{unknown}")[0]
    assert fallback["body"] == "لديك رسالة جديدة في Welkom."
    assert fallback["dir"] == "rtl"
    assert fallback["lang"] == "ar"

    # The inbox view lists the item; opening from the notification (?read=<id>) marks it read.
    page.goto(f"/#/notifications?read={item['id']}")
    expect(page.locator("#notifications-title")).to_be_visible()
    expect(page.locator("[data-testid=inbox] li").first).to_be_visible()
    assert page.request.get(f"/api/v1/me/notifications/{item['id']}").json()["read_at"]
