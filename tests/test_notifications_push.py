# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Web Push through the outbox to a loopback push service that checks and decrypts like a
browser vendor's: no personal data, exactly once, retried, removed, and quiet at night."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
import time_machine
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import MakeHandlers
from tests.push.fixtures import (
    INBOX,
    PREFERENCES,
    SUBSCRIPTIONS,
    account_id,
    notify,
    push_settings,
    push_worker,
    running_push_service,
)
from tests.push.service import PushService, Subscriber
from welkom.core.database import session_factory
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.core.unit_of_work import unit_of_work
from welkom.notifications import kinds
from welkom.notifications.models import PushDelivery, PushSubscription
from welkom.notifications.push import MAX_PLAINTEXT_BYTES, PushHandler, encode_payload
from welkom.notifications.quiet import QuietWindow, quiet_until
from welkom.notifications.service import PUSH_KIND
from welkom.outbox import service as outbox
from welkom.outbox.models import OutboxEntry
from welkom.outbox.worker import OutboxWorker

pytestmark = pytest.mark.time_dependent


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return push_settings(database_url, tmp_path / "keys")


@pytest.fixture
def push_service(settings: Settings) -> Iterator[PushService]:
    with running_push_service(settings) as service:
        yield service


@pytest.fixture
def worker(engine: AsyncEngine, settings: Settings, make_handlers: MakeHandlers) -> OutboxWorker:
    return push_worker(make_handlers, engine, settings)


async def subscribe(client: AsyncTestClient, headers: dict, device: Subscriber) -> str:
    response = await client.post(SUBSCRIPTIONS, json=device.subscription_json(), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def push_entries(db: AsyncSession) -> list[OutboxEntry]:
    db.expire_all()
    return list(
        (await db.execute(select(OutboxEntry).where(OutboxEntry.kind == PUSH_KIND))).scalars()
    )


async def deliveries(db: AsyncSession) -> list[PushDelivery]:
    db.expire_all()
    return list((await db.execute(select(PushDelivery))).scalars())


async def test_registered_question_is_pushed_encrypted_without_personal_data(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    settings: Settings,
    push_service: PushService,
    worker: OutboxWorker,
) -> None:
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    asked = await client.post(
        "/api/v1/me/questions",
        json={"text": "Wanneer krijg ik een huis in Utrecht?", "language": "nl"},
        headers=resident,
    )
    assert asked.status_code == 201

    assert await worker.drain() == 2  # the registration, then the push it caused

    [message] = push_service.messages_for(device)
    [item] = (await client.get(INBOX, headers=resident)).json()["items"]
    assert item["kind"] == "question.registered"
    assert item["reference_id"] == asked.json()["id"]
    # The decrypted payload is exactly a kind and the opaque inbox item id.
    assert message.payload == {"kind": "question.registered", "id": item["id"]}
    assert message.headers["content-encoding"] == "aes128gcm"
    assert message.headers["ttl"] == str(kinds.KINDS["question.registered"].ttl) == "259200"
    assert message.headers["urgency"] == "normal"
    assert message.body_size <= 4096
    assert message.claims["sub"] == settings.push.vapid_subject
    assert message.claims["aud"] == push_service.origin
    # Nothing the push service sees identifies the person or what they asked.
    seen = message.plaintext.decode() + json.dumps(message.headers) + json.dumps(message.claims)
    account = str(await account_id(db, "demo-resident"))
    for personal in ("Amal", "+31 6 12345678", "Utrecht", "huis", asked.json()["id"], account):
        assert personal not in seen
    assert push_service.rejected == []
    [delivery] = await deliveries(db)
    assert delivery.state == "sent"


async def test_every_device_gets_one_push_and_a_failing_one_does_not_repeat_the_others(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    push_service: PushService,
    worker: OutboxWorker,
) -> None:
    phone, tablet = push_service.new_subscriber(), push_service.new_subscriber()
    await subscribe(client, resident, phone)
    await subscribe(client, resident, tablet)
    push_service.answer_next(tablet, 503, 502)

    item_id = await notify(db, "demo-resident", kinds.CASE_STATUS_CHANGED)
    for _ in range(20):
        await worker.drain()
        if push_service.messages_for(tablet):
            break
        await asyncio.sleep(0.05)

    assert [m.payload["id"] for m in push_service.messages_for(phone)] == [str(item_id)]
    assert [m.payload["id"] for m in push_service.messages_for(tablet)] == [str(item_id)]
    attempts = sorted(e.attempts for e in await push_entries(db))
    assert attempts == [1, 3]


@pytest.mark.parametrize("status", [404, 410])
async def test_gone_subscription_is_removed_not_retried(
    status: int,
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    push_service: PushService,
    worker: OutboxWorker,
) -> None:
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    push_service.answer_next(device, status)
    await notify(db, "demo-resident", kinds.QUESTION_ANSWERED)

    assert await worker.drain() == 1
    assert (await client.get(SUBSCRIPTIONS, headers=resident)).json() == []
    [entry] = await push_entries(db)
    assert (entry.state, entry.attempts) == ("delivered", 1)
    [delivery] = await deliveries(db)
    assert delivery.state == "dropped"

    # Later notifications still reach the inbox but make no push for the removed device.
    await notify(db, "demo-resident", kinds.QUESTION_ANSWERED)
    assert len(await push_entries(db)) == 1
    unread = (await client.get(INBOX, headers=resident)).json()["unread_count"]
    assert unread == 2
    assert push_service.received == []


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_busy_or_failing_push_service_is_retried_with_backoff(
    status: int,
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    push_service: PushService,
    make_handlers: MakeHandlers,
) -> None:
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    push_service.answer_next(device, status, status)
    await notify(db, "demo-resident", kinds.JOURNEY_STEP_CHANGED)
    backoff = settings.model_copy(
        update={"outbox_backoff_base_seconds": 30.0, "outbox_backoff_max_seconds": 60.0}
    )
    start = utcnow()

    def at(seconds: float) -> OutboxWorker:
        return push_worker(
            make_handlers, engine, backoff, clock=lambda: start + timedelta(seconds=seconds)
        )

    assert await at(0).drain() == 1
    [entry] = await push_entries(db)
    assert entry.state == "pending"
    assert entry.last_error == f"PushServiceUnavailable: push service answered {status}"
    assert 15 <= (entry.next_attempt_at - start).total_seconds() <= 30  # 30 s with jitter
    assert await at(14.9).drain() == 0  # not before its time
    assert await at(30.1).drain() == 1  # second refusal: the delay doubles
    [entry] = await push_entries(db)
    assert 30 <= (entry.next_attempt_at - start).total_seconds() - 30.1 <= 60
    assert push_service.received == []

    assert await at(91).drain() == 1
    [message] = push_service.messages_for(device)
    assert message.headers["urgency"] == "low"
    [entry] = await push_entries(db)
    assert (entry.state, entry.attempts) == ("delivered", 3)
    assert len((await client.get(SUBSCRIPTIONS, headers=resident)).json()) == 1


async def test_push_service_asking_to_wait_is_heeded(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    push_service: PushService,
    make_handlers: MakeHandlers,
) -> None:
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    push_service.answer_next(device, 429)
    push_service.retry_after = "120"
    await notify(db, "demo-resident", kinds.QUESTION_ANSWERED)
    start = utcnow()

    assert await push_worker(make_handlers, engine, settings, clock=lambda: start).drain() == 1
    [entry] = await push_entries(db)
    assert (entry.state, entry.attempts) == ("pending", 0)
    assert entry.next_attempt_at == start + timedelta(seconds=120)
    later = push_worker(
        make_handlers, engine, settings, clock=lambda: start + timedelta(seconds=120)
    )
    assert await later.drain() == 1
    assert len(push_service.messages_for(device)) == 1


async def test_refused_push_is_parked_for_a_person_to_see(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    push_service: PushService,
    tmp_path: Path,
    make_handlers: MakeHandlers,
) -> None:
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    await notify(db, "demo-resident", kinds.HELP_REQUEST_CLAIMED)
    # The server's VAPID key was replaced after the device subscribed: the push service
    # verifies the JWT against the key the subscription was made with and refuses (403).
    other = push_settings(settings.database.url, tmp_path / "other-keys")

    assert await push_worker(make_handlers, engine, other).drain() == 1

    assert push_service.received == []
    assert push_service.rejected == [
        (device.token, 403, "k is not the application server key of the subscription")
    ]
    [entry] = await push_entries(db)
    assert entry.state == "parked"
    assert entry.last_error == "PushRefused: push service refused with 403"
    [delivery] = await deliveries(db)
    assert delivery.state == "parked"


async def test_worker_that_dies_after_claiming_loses_and_duplicates_nothing(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    push_service: PushService,
    worker: OutboxWorker,
    make_handlers: MakeHandlers,
) -> None:
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    item_id = await notify(db, "demo-resident", kinds.HELP_REQUEST_CANCELLED)

    # A worker claims the push and dies before sending it.
    lease = timedelta(seconds=settings.outbox.lease_seconds)
    async with unit_of_work(session_factory(engine)) as dying:
        dead_token, claimed = await outbox.claim(dying, limit=10, lease=lease, kinds=[PUSH_KIND])
    assert len(claimed) == 1
    assert await worker.drain() == 0  # its lease still holds: nobody else sends it
    assert push_service.received == []

    # The lease runs out; another worker delivers it.
    after_lease = push_worker(
        make_handlers, engine, settings, clock=lambda: utcnow() + lease + timedelta(1)
    )
    assert await after_lease.drain() == 1
    # The dead worker comes back and cannot complete (or send) what it no longer holds.
    async with session_factory(engine)() as revived:
        assert not await outbox.mark_delivered(revived, claimed[0].id, dead_token)
        await revived.commit()
    assert await after_lease.drain() == 0
    assert await worker.drain() == 0

    [message] = push_service.messages_for(device)
    assert message.payload == {"kind": "help_request.cancelled", "id": str(item_id)}
    assert message.headers["urgency"] == "high"
    assert message.headers["topic"] == (await deliveries(db))[0].id.hex
    [entry] = await push_entries(db)
    assert (entry.state, entry.attempts) == ("delivered", 2)


AMSTERDAM_NIGHT = datetime(2026, 11, 24, 22, 30, tzinfo=UTC)  # 23:30 in Amsterdam (CET)
AMSTERDAM_MORNING = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)  # 07:00 in Amsterdam


async def test_push_waits_for_the_end_of_quiet_hours_in_the_residents_time_zone(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    push_service: PushService,
    make_handlers: MakeHandlers,
) -> None:
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    chosen = await client.patch(
        PREFERENCES,
        json={"quiet_hours": {"start": "22:00", "end": "07:00", "time_zone": "Europe/Amsterdam"}},
        headers=resident,
    )
    assert chosen.status_code == 200, chosen.text
    # One clock for the event, the worker and the assertions: the event happens at night.
    with time_machine.travel(AMSTERDAM_NIGHT, tick=False) as clock:
        item_id = await notify(db, "demo-resident", kinds.QUESTION_ANSWERED)

        assert await push_worker(make_handlers, engine, settings).drain() == 1
        assert push_service.received == []
        [entry] = await push_entries(db)
        assert (entry.state, entry.attempts, entry.last_error) == ("pending", 0, None)
        assert entry.next_attempt_at == AMSTERDAM_MORNING
        # The inbox has it at once; only the push waits.
        assert (await client.get(INBOX, headers=resident)).json()["unread_count"] == 1

        clock.move_to(AMSTERDAM_MORNING - timedelta(seconds=1))
        assert await push_worker(make_handlers, engine, settings).drain() == 0
        clock.move_to(AMSTERDAM_MORNING)
        assert await push_worker(make_handlers, engine, settings).drain() == 1
    [message] = push_service.messages_for(device)
    assert message.payload["id"] == str(item_id)
    [entry] = await push_entries(db)
    assert (entry.state, entry.attempts) == ("delivered", 1)


@pytest.mark.parametrize(
    ("now", "window", "until"),
    [
        # Winter (CET, UTC+1): 23:30 local → 07:00 local next day.
        (AMSTERDAM_NIGHT, ("22:00", "07:00", "Europe/Amsterdam"), AMSTERDAM_MORNING),
        # Summer (CEST, UTC+2): 01:00 local → 07:00 local the same day.
        (
            datetime(2026, 7, 1, 23, 0, tzinfo=UTC),
            ("22:00", "07:00", "Europe/Amsterdam"),
            datetime(2026, 7, 2, 5, 0, tzinfo=UTC),
        ),
        # The night after DST ends (25 Oct 2026): 07:00 CET is 06:00 UTC.
        (
            datetime(2026, 10, 24, 23, 0, tzinfo=UTC),
            ("22:00", "07:00", "Europe/Amsterdam"),
            datetime(2026, 10, 25, 6, 0, tzinfo=UTC),
        ),
        # Daytime: not quiet.
        (datetime(2026, 11, 24, 12, 0, tzinfo=UTC), ("22:00", "07:00", "Europe/Amsterdam"), None),
        # Right at the end: not quiet any more.
        (AMSTERDAM_MORNING, ("22:00", "07:00", "Europe/Amsterdam"), None),
        # Someone in another time zone (Kabul, UTC+4:30): 02:00 local → 07:00 local.
        (
            datetime(2026, 11, 24, 21, 30, tzinfo=UTC),
            ("22:00", "07:00", "Asia/Kabul"),
            datetime(2026, 11, 25, 2, 30, tzinfo=UTC),
        ),
        # A window within one day (13:00-14:00), and no window at all (equal times).
        (
            datetime(2026, 11, 24, 12, 15, tzinfo=UTC),
            ("13:00", "14:00", "Europe/Amsterdam"),
            datetime(2026, 11, 24, 13, 0, tzinfo=UTC),
        ),
        (AMSTERDAM_NIGHT, ("00:00", "00:00", "Europe/Amsterdam"), None),
    ],
)
def test_quiet_hours_end_in_local_time(
    now: datetime, window: tuple[str, str, str], until: datetime | None
) -> None:
    start, end, zone = window
    quiet = QuietWindow(time.fromisoformat(start), time.fromisoformat(end), zone)
    assert quiet_until(now, quiet) == until


async def test_push_choice_per_kind_applies_at_once(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    push_service: PushService,
    worker: OutboxWorker,
) -> None:
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    declined = {"push": {"service_info.changed": False}}
    assert (await client.patch(PREFERENCES, json=declined, headers=resident)).status_code == 200
    await notify(db, "demo-resident", kinds.SERVICE_INFO_CHANGED)
    assert await push_entries(db) == []  # declined: inbox only

    # Queued while allowed, declined before it went out: not sent.
    await notify(db, "demo-resident", kinds.CASE_STATUS_CHANGED)
    await client.patch(PREFERENCES, json={"push": {"case.status_changed": False}}, headers=resident)
    assert await worker.drain() == 1
    assert push_service.received == []
    [delivery] = await deliveries(db)
    assert delivery.state == "dropped"
    assert (await client.get(INBOX, headers=resident)).json()["unread_count"] == 2


async def test_unsubscribed_device_gets_nothing_queued_before(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    push_service: PushService,
    worker: OutboxWorker,
) -> None:
    device = push_service.new_subscriber()
    subscription_id = await subscribe(client, resident, device)
    await notify(db, "demo-resident", kinds.JOURNEY_STEP_CHANGED)
    deleted = await client.delete(f"{SUBSCRIPTIONS}/{subscription_id}", headers=resident)
    assert deleted.status_code == 204
    assert await worker.drain() == 1
    assert push_service.received == []
    db.expire_all()
    assert (await db.execute(select(PushSubscription))).scalars().all() == []


@pytest.mark.parametrize("kind", sorted(kinds.KINDS))
def test_payload_is_a_kind_and_an_id_well_within_the_record_size(kind: str) -> None:
    import uuid

    item_id = uuid.uuid4()
    payload = encode_payload(kind, item_id)
    assert json.loads(payload) == {"kind": kind, "id": str(item_id)}
    assert len(payload) < 100 < MAX_PLAINTEXT_BYTES
    assert 60 <= kinds.KINDS[kind].ttl <= 28 * 24 * 3600  # kept for offline phones, ≤ 4 weeks


def test_payload_over_the_rfc_8291_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="exceeds 3993"):
        encode_payload("x" * 4000, "id")


async def test_push_without_vapid_key_is_parked_not_lost(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    push_service: PushService,
    tmp_path: Path,
) -> None:
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    await notify(db, "demo-resident", kinds.QUESTION_ANSWERED)
    keyless = settings.model_copy(update={"vapid_private_key_file": tmp_path / "missing.pem"})
    sessions = session_factory(engine)
    lone = OutboxWorker(sessions, {PUSH_KIND: PushHandler(sessions, keyless)}, keyless)
    assert await lone.drain() == 1
    [entry] = await push_entries(db)
    assert entry.state == "parked"
    assert "no VAPID key" in (entry.last_error or "")


async def test_push_whose_inbox_item_was_erased_is_not_sent(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    push_service: PushService,
    worker: OutboxWorker,
) -> None:
    from sqlalchemy import delete

    from welkom.notifications.models import InboxItem

    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    await notify(db, "demo-resident", kinds.QUESTION_ANSWERED)
    await db.execute(delete(PushDelivery))
    await db.execute(delete(InboxItem))
    await db.commit()

    assert await worker.drain() == 1
    assert push_service.received == []
    [entry] = await push_entries(db)
    assert entry.state == "delivered"


async def _notify_and_drain(
    db: AsyncSession,
    make_handlers: MakeHandlers,
    engine: AsyncEngine,
    settings: Settings,
    start: datetime,
    tries: int,
) -> None:
    """One notification, then ``tries`` rounds of the worker, each an hour later (past any
    backoff): the clock is the worker's, not the machine's."""
    await notify(db, "demo-resident", kinds.QUESTION_ANSWERED)
    for hour in range(tries):
        await push_worker(
            make_handlers, engine, settings, clock=lambda h=hour: start + timedelta(hours=h)
        ).drain()


async def test_a_device_failing_every_time_is_given_up_then_removed(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    push_service: PushService,
    make_handlers: MakeHandlers,
) -> None:
    bounded = settings.model_copy(update={"push_max_attempts": 3, "push_max_failures": 2})
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    push_service.answer_next(device, *[503] * 50)
    start = utcnow() + timedelta(days=1)

    await _notify_and_drain(db, make_handlers, engine, bounded, start, tries=6)

    [entry] = await push_entries(db)
    assert (entry.state, entry.attempts) == ("delivered", 3)  # 3 tries, then no more
    [delivery] = await deliveries(db)
    assert delivery.state == "failed"
    assert len((await client.get(SUBSCRIPTIONS, headers=resident)).json()) == 1

    # The second push that fails every time removes the device: nothing is queued for it after.
    await _notify_and_drain(db, make_handlers, engine, bounded, start + timedelta(days=1), tries=6)
    assert sorted(d.state for d in await deliveries(db)) == ["failed", "failed"]
    assert (await client.get(SUBSCRIPTIONS, headers=resident)).json() == []
    await notify(db, "demo-resident", kinds.QUESTION_ANSWERED)
    assert len(await push_entries(db)) == 2
    assert push_service.received == []


async def test_a_device_refused_again_and_again_is_removed(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    push_service: PushService,
    make_handlers: MakeHandlers,
) -> None:
    bounded = settings.model_copy(update={"push_max_failures": 2})
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    push_service.answer_next(device, 400, 400, 400)
    start = utcnow()

    await _notify_and_drain(db, make_handlers, engine, bounded, start, tries=2)
    assert len((await client.get(SUBSCRIPTIONS, headers=resident)).json()) == 1
    await _notify_and_drain(db, make_handlers, engine, bounded, start, tries=2)

    assert sorted(d.state for d in await deliveries(db)) == ["parked", "parked"]
    assert (await client.get(SUBSCRIPTIONS, headers=resident)).json() == []


async def test_a_push_that_arrives_resets_the_count(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    push_service: PushService,
    make_handlers: MakeHandlers,
) -> None:
    bounded = settings.model_copy(update={"push_max_failures": 2})
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    push_service.answer_next(device, 400)  # refused, then delivered, then refused
    start = utcnow() + timedelta(hours=1)
    await _notify_and_drain(db, make_handlers, engine, bounded, start, tries=1)
    await _notify_and_drain(db, make_handlers, engine, bounded, start, tries=1)
    push_service.answer_next(device, 400)
    await _notify_and_drain(db, make_handlers, engine, bounded, start, tries=1)

    assert sorted(d.state for d in await deliveries(db)) == ["parked", "parked", "sent"]
    assert len((await client.get(SUBSCRIPTIONS, headers=resident)).json()) == 1


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://127.0.0.1:99999/push/x",  # no such port: the HTTP client cannot even parse it
        "http://127.0.0.1:{port}/push/a\\b",
        "http://127.0.0.1:{port}/push/a%2Fb",
        "https://fcm.googleapis.com:8443/fcm/send/x",
    ],
)
async def test_an_endpoint_stored_before_strict_parsing_is_dropped_not_retried(
    endpoint: str,
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    push_service: PushService,
    make_handlers: MakeHandlers,
) -> None:
    device = push_service.new_subscriber()
    await subscribe(client, resident, device)
    port = push_service.origin.rsplit(":", 1)[1]
    await db.execute(update(PushSubscription).values(endpoint=endpoint.replace("{port}", port)))
    await db.commit()

    await _notify_and_drain(db, make_handlers, engine, settings, utcnow(), tries=3)

    [entry] = await push_entries(db)
    assert (entry.state, entry.attempts) == ("delivered", 1)
    [delivery] = await deliveries(db)
    assert delivery.state == "dropped"
    assert (await client.get(SUBSCRIPTIONS, headers=resident)).json() == []
    assert push_service.received == []
