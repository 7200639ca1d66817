# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The inbox, push subscriptions, push choices and VAPID keys, as a resident or volunteer and
an operator meet them."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import PRODUCTION_SECRET, login, make_settings, row_counts
from tests.push.fixtures import (
    INBOX,
    PREFERENCES,
    SUBSCRIPTIONS,
    account_id,
    notify,
    push_settings,
    running_push_service,
)
from tests.push.service import PushService
from welkom.app import create_app
from welkom.auth.models import Account
from welkom.core import i18n
from welkom.core.settings import Settings
from welkom.demo.seed import DEMO_RSIN
from welkom.municipalities import service as municipalities
from welkom.notifications import kinds, vapid
from welkom.notifications import service as notifications
from welkom.notifications.models import InboxItem, PushDelivery, PushSubscription
from welkom.outbox.worker import OutboxWorker

pytestmark = pytest.mark.time_dependent

WELKOM = str(Path(sys.executable).with_name("welkom"))


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return push_settings(database_url, tmp_path / "keys", push_default_quiet_hours="22:00-07:00")


@pytest.fixture
def push_service(settings: Settings) -> Iterator[PushService]:
    with running_push_service(settings) as service:
        yield service


@pytest.fixture
async def volunteer(client: AsyncTestClient) -> dict[str, str]:
    return await login(client, "demo-volunteer")


# --- the inbox ---------------------------------------------------------------------------


async def test_registered_question_lands_in_the_residents_inbox_once(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker
) -> None:
    asked = await client.post(
        "/api/v1/me/questions", json={"text": "Waar is het zwembad?", "language": "nl"},
        headers=resident,
    )  # fmt: skip
    assert (await client.get(INBOX, headers=resident)).json()["unread_count"] == 0
    assert await worker.drain() == 1
    assert await worker.drain() == 0

    inbox = (await client.get(INBOX, headers=resident)).json()
    assert inbox["unread_count"] == 1
    [item] = inbox["items"]
    assert item["kind"] == "question.registered"
    assert item["reference_id"] == asked.json()["id"]
    assert item["read_at"] is None
    # The demo resident reads Arabic: the text is the catalog's Arabic for the kind's msgids.
    assert item["title"] == i18n.gettext("Your question has been registered", "ar")
    assert item["body"] == i18n.gettext(kinds.KINDS["question.registered"].body, "ar")


@pytest.fixture
def catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Catalogs with Dutch and Arabic for one kind (the repository's are another helper's)."""
    texts = {
        "nl": ("Je vraag is geregistreerd", "De gemeente heeft je vraag ontvangen en beantwoordt die."),
        "ar": ("تم تسجيل سؤالك", "استلمت البلدية سؤالك وستجيب عليه."),
    }  # fmt: skip
    kind = kinds.KINDS["question.registered"]
    for language, (title, body) in texts.items():
        catalog = Catalog(locale=language)
        catalog.add(kind.title, title)
        catalog.add(kind.body, body)
        directory = tmp_path / "locales" / language / "LC_MESSAGES"
        directory.mkdir(parents=True)
        with (directory / "welkom.po").open("wb") as po:
            write_po(po, catalog)
    monkeypatch.setattr(i18n, "LOCALES_DIR", tmp_path / "locales")
    # Both caches read LOCALES_DIR: clear them before and after, or the test's small catalogs
    # (nothing fuzzy) would decide what later tests in this process call reviewed.
    i18n.translations.cache_clear()
    i18n.unreviewed.cache_clear()
    yield {language: title for language, (title, _) in texts.items()}
    i18n.translations.cache_clear()
    i18n.unreviewed.cache_clear()


async def test_inbox_text_is_rendered_in_the_readers_language_at_read_time(
    client: AsyncTestClient,
    resident: dict,
    volunteer: dict,
    db: AsyncSession,
    catalogs: dict[str, str],
) -> None:
    await notify(db, "demo-resident", kinds.QUESTION_REGISTERED)
    await notify(db, "demo-volunteer", kinds.QUESTION_REGISTERED)

    arabic = await client.get(INBOX, headers=resident)
    assert arabic.headers["content-language"] == "ar"
    assert arabic.json()["items"][0]["title"] == catalogs["ar"] == "تم تسجيل سؤالك"

    # The same stored item reads in Dutch once the resident switches language.
    await client.patch("/api/v1/me", json={"preferred_language": "nl"}, headers=resident)
    dutch = (await client.get(INBOX, headers=resident)).json()["items"][0]
    assert dutch["id"] == arabic.json()["items"][0]["id"]
    assert dutch["title"] == catalogs["nl"] == "Je vraag is geregistreerd"

    # Someone without a stored preference (a volunteer) gets their browser's language.
    for accept, expected in (("en-GB,en;q=0.8", "Your question has been registered"),
                             ("ar-SY", catalogs["ar"]), ("nl", catalogs["nl"])):  # fmt: skip
        response = await client.get(INBOX, headers={**volunteer, "Accept-Language": accept})
        assert response.json()["items"][0]["title"] == expected
    assert len({catalogs["nl"], catalogs["ar"], "Your question has been registered"}) == 3


@pytest.mark.parametrize("language", ["nl", "en", "ar"])
async def test_inbox_texts_come_from_the_repository_catalogs(
    language: str, client: AsyncTestClient, volunteer: dict, db: AsyncSession
) -> None:
    for name in kinds.KINDS:
        await notify(db, "demo-volunteer", name)
    response = await client.get(
        INBOX, params={"limit": 50}, headers={**volunteer, "Accept-Language": language}
    )
    assert response.headers["content-language"] == language
    for item in response.json()["items"]:
        kind = kinds.KINDS[item["kind"]]
        assert item["title"] == i18n.gettext(kind.title, language)
        assert item["body"] == i18n.gettext(kind.body, language)
        assert item["title"]
        assert item["body"]


async def test_unread_count_mark_read_and_read_all(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    ids = [await notify(db, "demo-resident", kinds.JOURNEY_STEP_CHANGED) for _ in range(3)]
    assert (await client.get(INBOX, headers=resident)).json()["unread_count"] == 3

    marked = await client.post(f"{INBOX}/{ids[0]}/read", headers=resident)
    assert marked.status_code == 200
    read_at = marked.json()["read_at"]
    assert read_at is not None
    again = await client.post(f"{INBOX}/{ids[0]}/read", headers=resident)
    assert again.json()["read_at"] == read_at  # marking twice changes nothing

    unread = (await client.get(INBOX, params={"unread": "true"}, headers=resident)).json()
    assert unread["unread_count"] == 2
    assert sorted(i["id"] for i in unread["items"]) == sorted(str(i) for i in ids[1:])
    single = await client.get(f"{INBOX}/{ids[0]}", headers=resident)
    assert single.json()["read_at"] == read_at

    everything = await client.post(f"{INBOX}/read-all", headers=resident)
    assert everything.json() == {"unread_count": 0}
    assert all(i["read_at"] for i in (await client.get(INBOX, headers=resident)).json()["items"])


async def test_nobody_sees_or_marks_anothers_inbox(
    client: AsyncTestClient, resident: dict, volunteer: dict, caseworker: dict, db: AsyncSession
) -> None:
    item_id = await notify(db, "demo-resident", kinds.CASE_STATUS_CHANGED)
    for headers in (volunteer, caseworker):
        assert (await client.get(INBOX, headers=headers)).json() == {
            "items": [], "next_cursor": None, "unread_count": 0,
        }  # fmt: skip
        assert (await client.get(f"{INBOX}/{item_id}", headers=headers)).status_code == 404
        other = await client.post(f"{INBOX}/{item_id}/read", headers=headers)
        assert other.status_code == 404
        assert other.json()["type"] == "urn:welkom:problem:not-found"
    assert (await client.get(INBOX, headers=resident)).json()["unread_count"] == 1
    assert (await client.get(f"{INBOX}/{uuid.uuid4()}", headers=resident)).status_code == 404
    client.cookies.clear()
    assert (await client.get(INBOX)).status_code == 401


async def test_inbox_is_paginated_newest_first(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    ids = [str(await notify(db, "demo-resident", kinds.SERVICE_INFO_CHANGED)) for _ in range(5)]
    seen, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (await client.get(INBOX, params=params, headers=resident)).json()
        assert page["unread_count"] == 5
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(reversed(ids))
    bad = await client.get(INBOX, params={"cursor": "nonsense"}, headers=resident)
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "cursor"
    too_many = await client.get(INBOX, params={"limit": 1000}, headers=resident)
    assert too_many.status_code == 400


async def test_notify_is_part_of_the_callers_transaction(db: AsyncSession, seeded: None) -> None:
    resident_account = await db.get(Account, await account_id(db, "demo-resident"))
    assert resident_account is not None
    db.expunge(resident_account)  # keep its ids readable after the rollback
    await notifications.notify(
        db,
        municipality_id=resident_account.municipality_id,
        recipient_account_id=resident_account.id,
        kind=kinds.QUESTION_ANSWERED,
        reference_id=uuid.uuid4(),
    )
    await db.rollback()
    assert (await db.execute(select(InboxItem))).scalars().all() == []

    with pytest.raises(ValueError, match="unknown notification kind"):
        await notifications.notify(
            db,
            municipality_id=resident_account.municipality_id,
            recipient_account_id=resident_account.id,
            kind="resident.name_changed",
            reference_id=uuid.uuid4(),
        )
    other = municipalities.new("0363", "Gemeente Elders", DEMO_RSIN)
    db.add(other)
    await db.commit()
    with pytest.raises(ValueError, match="not an account of this municipality"):
        await notifications.notify(
            db,
            municipality_id=other.id,
            recipient_account_id=resident_account.id,
            kind=kinds.QUESTION_ANSWERED,
            reference_id=uuid.uuid4(),
        )


# --- push subscriptions ------------------------------------------------------------------


async def test_device_subscribes_once_per_endpoint_and_can_leave(
    client: AsyncTestClient, resident: dict, volunteer: dict, push_service: PushService
) -> None:
    device = push_service.new_subscriber()
    first = await client.post(SUBSCRIPTIONS, json=device.subscription_json(), headers=resident)
    assert first.status_code == 201, first.text
    again = await client.post(SUBSCRIPTIONS, json=device.subscription_json(), headers=resident)
    assert again.status_code == 200
    assert again.json() == first.json()
    listed = (await client.get(SUBSCRIPTIONS, headers=resident)).json()
    assert listed == [first.json()]
    assert listed[0]["push_service"] == push_service.origin  # never the full endpoint

    # The device is now signed in as someone else: the subscription moves with it.
    moved = await client.post(SUBSCRIPTIONS, json=device.subscription_json(), headers=volunteer)
    assert moved.status_code == 201
    assert (await client.get(SUBSCRIPTIONS, headers=resident)).json() == []
    gone = await client.delete(f"{SUBSCRIPTIONS}/{moved.json()['id']}", headers=resident)
    assert gone.status_code == 404
    left = await client.delete(f"{SUBSCRIPTIONS}/{moved.json()['id']}", headers=volunteer)
    assert left.status_code == 204
    assert (await client.get(SUBSCRIPTIONS, headers=volunteer)).json() == []


async def test_an_account_registers_at_most_ten_devices(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    settings: Settings,
    push_service: PushService,
) -> None:
    assert settings.quota.push_devices_per_account == 10
    devices = [push_service.new_subscriber() for _ in range(11)]
    for device in devices[:10]:
        made = await client.post(SUBSCRIPTIONS, json=device.subscription_json(), headers=resident)
        assert made.status_code == 201, made.text
    before = await row_counts(db)

    refused = await client.post(
        SUBSCRIPTIONS, json=devices[10].subscription_json(), headers=resident
    )

    assert refused.status_code == 409, refused.text
    body = refused.json()
    assert body["type"] == "urn:welkom:problem:quota-push-devices"
    assert refused.headers["content-language"] == "ar"
    assert "10" in body["detail"]
    assert await row_counts(db) == before
    # A device already registered registers again as before; after leaving, another fits.
    again = await client.post(SUBSCRIPTIONS, json=devices[0].subscription_json(), headers=resident)
    assert again.status_code == 200
    first = (await client.get(SUBSCRIPTIONS, headers=resident)).json()[0]["id"]
    assert (await client.delete(f"{SUBSCRIPTIONS}/{first}", headers=resident)).status_code == 204
    made = await client.post(SUBSCRIPTIONS, json=devices[10].subscription_json(), headers=resident)
    assert made.status_code == 201


async def test_one_notification_is_pushed_to_ten_devices_at_most(
    client: AsyncTestClient, resident: dict, db: AsyncSession, push_service: PushService
) -> None:
    """Devices registered before the cap existed do not multiply one event's pushes."""
    account = await db.get(Account, await account_id(db, "demo-resident"))
    assert account is not None
    for _ in range(25):
        subscription = push_service.new_subscriber().subscription_json()
        db.add(
            PushSubscription(
                municipality_id=account.municipality_id,
                account_id=account.id,
                endpoint=subscription["endpoint"],
                endpoint_hash=uuid.uuid4().hex,
                p256dh=subscription["keys"]["p256dh"],
                auth=subscription["keys"]["auth"],
            )
        )
    await db.commit()

    await notifications.notify(
        db,
        municipality_id=account.municipality_id,
        recipient_account_id=account.id,
        kind=kinds.QUESTION_ANSWERED,
        reference_id=uuid.uuid4(),
    )
    await db.commit()

    queued = (await db.execute(select(func.count()).select_from(PushDelivery))).scalar_one()
    assert queued == notifications.MAX_PUSH_DEVICES == 10


def _bad(subscription: dict, **changes: object) -> dict:
    keys = {**subscription["keys"], **changes.pop("keys", {})}  # type: ignore[dict-item]
    return {**subscription, "keys": keys, **changes}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"endpoint": "https://push.evil.example/abc"}, "endpoint"),
        ({"endpoint": "ftp://127.0.0.1/push/abc"}, "endpoint"),
        ({"endpoint": "http://user:pw@127.0.0.1/push/abc"}, "endpoint"),
        ({"endpoint": "http://127.0.0.1:8080/push/a\\b"}, "endpoint"),
        ({"endpoint": "http://127.0.0.1:8080/push/a b"}, "endpoint"),
        ({"endpoint": "http://127.0.0.1:8080/push/a%2Fb"}, "endpoint"),
        ({"endpoint": "http://127.0.0.1:8080/push/\uff41"}, "endpoint"),
        ({"endpoint": "http://127.0.0.1:99999/push/abc"}, "endpoint"),
        ({"keys": {"p256dh": "BAAAAAAA"}}, "keys.p256dh"),
        ({"keys": {"p256dh": "B" * 87}}, "keys.p256dh"),
        ({"keys": {"auth": "c2hvcnQ"}}, "keys.auth"),
        ({"extra": 1}, "extra"),
    ],
)
async def test_bad_subscription_is_refused_and_changes_nothing(
    change: dict,
    field: str,
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    push_service: PushService,
) -> None:
    body = _bad(push_service.new_subscriber().subscription_json(), **change)
    before = await row_counts(db)
    response = await client.post(SUBSCRIPTIONS, json=body, headers=resident)
    assert response.status_code == 400, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert await row_counts(db) == before


@pytest.mark.parametrize(
    ("endpoint", "accepted"),
    [
        ("https://fcm.googleapis.com/fcm/send/dQw4w9WgXcQ:APA91b", True),
        ("https://updates.push.services.mozilla.com/wpush/v2/gAAAAAB", True),
        ("https://wns2-am3p.notify.windows.com/w/?token=BQYAAAB", True),
        ("https://web.push.apple.com/QGuQyavXutnMm", True),
        ("https://fcm.googleapis.com.evil.example/fcm/send/x", False),
        ("https://notfcm.googleapis.com/x", False),
        ("http://fcm.googleapis.com/fcm/send/x", False),
        ("https://127.0.0.1/push/x", False),
        ("https://169.254.169.254/latest/meta-data", False),
        # Strict parsing: exactly an allowed host, its default port, a plain ASCII path.
        ("https://fcm.googleapis.com:443/fcm/send/x", False),
        ("https://fcm.googleapis.com:8443/fcm/send/x", False),
        ("https://fcm.googleapis.com:/fcm/send/x", False),
        ("https://fcm.googleapis.com/fcm\\send/x", False),
        ("https://fcm.googleapis.com\\@evil.example/x", False),
        ("https://fcm.googleapis.com/fcm/send/a b", False),
        ("https://fcm.googleapis.com/fcm/send/a%2Fb", False),
        ("https://fcm.googleapis.com/fcm/send/a%2fb", False),
        ("https://fcm.googleapis.com/fcm/send/a%5Cb", False),
        ("https://fcm.googleapis.com/fcm/send/%2e%2e/x", False),
        ("https://fcm.googleapis.com/fcm/../x", False),
        ("https://\uff46cm.googleapis.com/fcm/send/x", False),  # full-width f
        ("https://fcm.googleapis.com/fcm/send/\uff58", False),  # full-width x
        ("https://fcm.googleapis.com/fcm/send/caf\u00e9", False),
        ("https://FCM.googleapis.com/fcm/send/x", False),
        ("https://fcm.googleapis.com./fcm/send/x", False),
        ("https://fcm.googleapis.com@evil.example/x", False),
        ("https://evil.example#@fcm.googleapis.com/x", False),
        ("https://fcm.googleapis.com/fcm/send/x#frag", False),
        ("https://fcm.googleapis.com", False),
        ("https://notify.windows.com/w/?token=x", False),
        ("https://a.b.notify.windows.com/w/?token=x", False),
        ("https://push.apple.com/x", False),
        ("https://updates.push.services.mozilla.com.evil.example/wpush", False),
    ],
)
def test_production_accepts_only_known_push_services(endpoint: str, accepted: bool) -> None:
    production = Settings(
        env="production", secret_key=PRODUCTION_SECRET, public_base_url="https://welkom.example.nl"
    )
    assert (notifications.endpoint_errors(endpoint, production) == []) is accepted


async def test_public_key_is_the_generated_key(client: AsyncTestClient, settings: Settings) -> None:
    response = await client.get("/api/v1/push/public-key")
    assert response.status_code == 200
    key = response.json()["public_key"]
    keys = vapid.load(settings)
    assert keys is not None
    assert key == keys.public_key
    point = vapid.b64url_decode(key)
    assert len(point) == 65
    assert point[0] == 4


async def test_without_vapid_keys_push_is_unavailable_and_nothing_is_stored(
    database_url: str, tmp_path: Path, seeded: None, db: AsyncSession, push_service: PushService
) -> None:
    keyless = make_settings(database_url, data_dir=tmp_path / "nothing-here")
    async with AsyncTestClient(app=create_app(keyless)) as plain:
        headers = await login(plain, "demo-resident")
        response = await plain.get("/api/v1/push/public-key")
        assert response.status_code == 503
        assert response.json()["type"] == "urn:welkom:problem:push-unavailable"
        before = await row_counts(db)
        body = push_service.new_subscriber().subscription_json()
        refused = await plain.post(SUBSCRIPTIONS, json=body, headers=headers)
        assert refused.status_code == 503
        assert await row_counts(db) == before


# --- preferences -------------------------------------------------------------------------


async def test_push_choices_and_quiet_hours(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    defaults = (await client.get(PREFERENCES, headers=resident)).json()
    assert defaults == {
        "push": dict.fromkeys(sorted(kinds.KINDS), True),
        "quiet_hours": {"start": "22:00", "end": "07:00", "time_zone": "Europe/Amsterdam"},
    }
    changed = await client.patch(
        PREFERENCES,
        json={"push": {"service_info.changed": False},
              "quiet_hours": {"start": "21:30", "end": "08:00", "time_zone": "Asia/Kabul"}},
        headers=resident,
    )  # fmt: skip
    assert changed.status_code == 200
    assert changed.json()["push"]["service_info.changed"] is False
    assert changed.json()["push"]["question.answered"] is True
    assert changed.json()["quiet_hours"] == {
        "start": "21:30", "end": "08:00", "time_zone": "Asia/Kabul",
    }  # fmt: skip
    account = await account_id(db, "demo-resident")
    assert not await notifications.push_allowed(db, account, "service_info.changed")
    assert await notifications.push_allowed(db, account, "question.answered")

    # Only the quiet hours: the push choices stay.
    again = await client.patch(
        PREFERENCES, json={"quiet_hours": {"start": "23:00", "end": "06:00",
                                           "time_zone": "Europe/Amsterdam"}},
        headers=resident,
    )  # fmt: skip
    assert again.json()["push"]["service_info.changed"] is False
    assert (await client.get(PREFERENCES, headers=resident)).json() == again.json()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"push": {"resident.moved": True}}, "push.resident.moved"),
        ({"quiet_hours": {"start": "22:00", "end": "07:00", "time_zone": "Mars/Olympus"}},
         "quiet_hours.time_zone"),
        ({"quiet_hours": {"start": "25:00", "end": "07:00", "time_zone": "Europe/Amsterdam"}},
         "quiet_hours.start"),
        ({"push": {"question.answered": "yes"}}, "push[...]"),
        ({"sms": True}, "sms"),
    ],
)  # fmt: skip
async def test_bad_preferences_change_nothing(
    body: dict, field: str, client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    before = await row_counts(db)
    response = await client.patch(PREFERENCES, json=body, headers=resident)
    assert response.status_code == 400, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert await row_counts(db) == before


# --- VAPID keys --------------------------------------------------------------------------


def welkom(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [WELKOM, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "WELKOM_ENV": "test", **env},
        check=False,
    )


def test_push_keys_are_generated_outside_the_repository(tmp_path: Path) -> None:
    env = {"WELKOM_DATA_DIR": str(tmp_path / "data")}
    made = welkom("push", "keys", env=env)
    assert made.returncode == 0, made.stderr
    path = tmp_path / "data" / "vapid_private_key.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    settings = Settings(env="test", data_dir=tmp_path / "data")
    keys = vapid.load(settings)
    assert keys is not None
    assert f"Public key: {keys.public_key}" in made.stdout

    kept = welkom("push", "keys", env=env)
    assert kept.returncode == 0
    assert "already exist" in kept.stdout
    assert vapid.load(settings) == keys

    replaced = welkom("push", "keys", "--force", env=env)
    assert replaced.returncode == 0
    vapid._from_text.cache_clear()
    assert vapid.load(settings).public_key != keys.public_key  # type: ignore[union-attr]

    from_env = welkom("push", "keys", env={**env, "WELKOM_VAPID_PRIVATE_KEY": "x"})
    assert from_env.returncode != 0
    assert "WELKOM_VAPID_PRIVATE_KEY is set" in from_env.stderr


def test_push_keys_refuse_a_path_git_would_track(tmp_path: Path) -> None:
    repository = tmp_path / "checkout"
    repository.mkdir()
    if subprocess.run(["git", "init", "-q", str(repository)], check=False).returncode != 0:
        pytest.skip("git is not available")
    refused = welkom("push", "keys", env={"WELKOM_DATA_DIR": str(repository / "keys")})
    assert refused.returncode != 0
    assert "inside a git work tree" in refused.stderr
    assert not (repository / "keys" / "vapid_private_key.pem").exists()
    (repository / ".gitignore").write_text("keys/\n")
    ignored = welkom("push", "keys", env={"WELKOM_DATA_DIR": str(repository / "keys")})
    assert ignored.returncode == 0, ignored.stderr


def test_key_from_the_environment_in_either_format(tmp_path: Path) -> None:
    generated = vapid.generate(tmp_path / "k.pem")
    pem = (tmp_path / "k.pem").read_text()
    raw = vapid.b64url(generated.private_key.private_numbers().private_value.to_bytes(32, "big"))
    for text in (pem, raw):
        keys = vapid.load(Settings(env="test", vapid_private_key=text, data_dir=tmp_path / "x"))
        assert keys is not None
        assert keys.public_key == generated.public_key
    with pytest.raises(vapid.VapidKeyError):
        vapid.parse_private_key("bm90IGEga2V5")
