# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Every event a resident cares about reaches them once, as its own kind, in their language,
in the inbox and as a push through the loopback push service (issue 19): a caseworker's
answer, a registered document, a help request claimed or released. Case status changes are
in ``tests/test_zgw_status.py`` (they need the test case system)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import MakeHandlers
from tests.documents import pdf
from tests.push.fixtures import INBOX, SUBSCRIPTIONS, push_settings, push_worker
from tests.push.fixtures import running_push_service as push_service_for
from tests.push.service import PushService, Subscriber
from tests.support_admin import Person, demo_municipality, person, request_body, volunteer
from welkom.core import events, i18n
from welkom.core.settings import Settings
from welkom.notifications import kinds
from welkom.notifications.models import InboxItem
from welkom.outbox.worker import OutboxWorker
from welkom.volunteers import shared as volunteers

pytestmark = pytest.mark.time_dependent

SECRET = "Mijn huurcontract in de Kastanjelaan"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return push_settings(database_url, tmp_path / "keys")


@pytest.fixture
def push_service(settings: Settings) -> Iterator[PushService]:
    with push_service_for(settings) as service:
        yield service


@pytest.fixture
def worker(engine: AsyncEngine, settings: Settings, make_handlers: MakeHandlers) -> OutboxWorker:
    return push_worker(make_handlers, engine, settings)


async def subscribed(client: AsyncTestClient, who: Person, push_service: PushService) -> Subscriber:
    device = push_service.new_subscriber()
    response = await client.post(
        SUBSCRIPTIONS, json=device.subscription_json(), headers=who.headers
    )
    assert response.status_code == 201, response.text
    return device


async def inbox(client: AsyncTestClient, who: Person) -> list[dict]:
    response = await client.get(f"{INBOX}?limit=50", headers=who.headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def items_of_others(db: AsyncSession, *people: Person) -> list[str]:
    """Kinds of inbox items anybody but ``people`` got."""
    db.expire_all()
    rows = await db.execute(
        select(InboxItem.kind).where(InboxItem.account_id.not_in([p.account_id for p in people]))
    )
    return list(rows.scalars())


def in_language(item: dict, kind: str, language: str) -> None:
    """``item`` is ``kind``, its texts the catalog's in ``language`` (not the English msgid)."""
    texts = kinds.KINDS[kind]
    assert item["kind"] == kind
    assert item["language"] == language
    assert item["title"] == i18n.gettext(texts.title, language) != texts.title
    assert item["body"] == i18n.gettext(texts.body, language) != texts.body


def pushed(push_service: PushService, device: Subscriber) -> list[dict]:
    for message in push_service.messages_for(device):
        plaintext = message.plaintext.decode()
        assert SECRET not in plaintext
        assert "Kastanjelaan" not in plaintext
    return [message.payload for message in push_service.messages_for(device)]


async def test_a_caseworkers_answer_reaches_the_resident_in_tigrinya_and_nobody_else(
    client: AsyncTestClient,
    db: AsyncSession,
    caseworker: dict,
    worker: OutboxWorker,
    push_service: PushService,
) -> None:
    here = await demo_municipality(db)
    selam = await person(client, db, here, "resident", name="Selam", language="ti")
    other = await person(client, db, here, "resident", name="Noor", language="ar")
    phone = await subscribed(client, selam, push_service)
    other_phone = await subscribed(client, other, push_service)
    asked = await client.post(
        "/api/v1/me/questions", json={"text": SECRET, "language": "ti"}, headers=selam.headers
    )
    assert asked.status_code == 201, asked.text
    await client.post(
        "/api/v1/me/questions", json={"text": "Waar?", "language": "ar"}, headers=other.headers
    )
    await worker.drain()
    registered = {item["kind"] for item in await inbox(client, selam)}
    assert registered == {kinds.QUESTION_REGISTERED}

    answered = await client.post(
        f"/api/v1/admin/conversations/{asked.json()['id']}/answers",
        json={"text": "Kom dinsdag langs met het contract."},
        headers=caseworker,
    )
    assert answered.status_code == 201, answered.text
    # A caseworker's note is not for the resident: it tells nobody anything.
    noted = await client.post(
        f"/api/v1/admin/conversations/{asked.json()['id']}/notes",
        json={"text": "Contract nakijken"},
        headers=caseworker,
    )
    assert noted.status_code == 201, noted.text
    await worker.drain()

    items = await inbox(client, selam)
    assert [item["kind"] for item in items].count(kinds.QUESTION_ANSWERED) == 1
    [answer] = [item for item in items if item["kind"] == kinds.QUESTION_ANSWERED]
    in_language(answer, kinds.QUESTION_ANSWERED, "ti")
    assert answer["reference_id"] == asked.json()["id"]
    assert {"kind": kinds.QUESTION_ANSWERED, "id": answer["id"]} in pushed(push_service, phone)
    # The other resident heard only of her own question; the caseworker of nothing.
    assert [item["kind"] for item in await inbox(client, other)] == [kinds.QUESTION_REGISTERED]
    assert [p["kind"] for p in pushed(push_service, other_phone)] == [kinds.QUESTION_REGISTERED]
    assert await items_of_others(db, selam, other) == []


async def test_a_registered_document_is_its_own_notification_not_a_question(
    client: AsyncTestClient,
    db: AsyncSession,
    worker: OutboxWorker,
    push_service: PushService,
) -> None:
    here = await demo_municipality(db)
    amal = await person(client, db, here, "resident", name="Amal", language="ar")
    phone = await subscribed(client, amal, push_service)
    sent = await client.post(
        "/api/v1/me/documents",
        files={"file": ("huurcontract.pdf", pdf(), "application/pdf")},
        data={"language": "ar"},
        headers=amal.headers,
    )
    assert sent.status_code == 201, sent.text
    await worker.drain()
    assert await worker.drain() == 0

    [item] = await inbox(client, amal)
    in_language(item, kinds.DOCUMENT_REGISTERED, "ar")
    assert item["reference_id"] == sent.json()["id"]
    assert pushed(push_service, phone) == [{"kind": kinds.DOCUMENT_REGISTERED, "id": item["id"]}]
    assert await items_of_others(db, amal) == []


async def test_a_help_request_claimed_released_and_given_away_tells_the_resident_each_time(
    client: AsyncTestClient,
    db: AsyncSession,
    worker: OutboxWorker,
    push_service: PushService,
) -> None:
    here = await demo_municipality(db)
    coordinator = await person(client, db, here, "coordinator")
    selam = await person(client, db, here, "resident", name="Selam", language="ti")
    phone = await subscribed(client, selam, push_service)
    asked = await client.post(
        "/api/v1/me/help-requests", json=request_body(language="ti"), headers=selam.headers
    )
    assert asked.status_code == 201, asked.text
    first, _ = await volunteer(client, db, here, coordinator, languages=["nl", "ti"])
    second, second_profile = await volunteer(client, db, here, coordinator, languages=["ti"])
    path = f"/api/v1/volunteer/help-requests/{asked.json()['id']}"

    assert (await client.post(f"{path}/claim", headers=first.headers)).status_code == 200
    assert (await client.post(f"{path}/claim", headers=first.headers)).status_code == 200  # again
    assert (await client.post(f"{path}/release", headers=first.headers)).status_code == 200
    given = f"/api/v1/admin/volunteers/help-requests/{asked.json()['id']}/volunteer"
    assert (
        await client.put(given, json={"volunteer_id": second_profile}, headers=coordinator.headers)
    ).status_code == 200
    assert (
        await client.put(given, json={"volunteer_id": None}, headers=coordinator.headers)
    ).status_code == 200
    assert (  # opened again while open: nothing happened, nothing to tell
        await client.put(given, json={"volunteer_id": None}, headers=coordinator.headers)
    ).status_code == 200
    assert (await client.post(f"{path}/claim", headers=second.headers)).status_code == 200
    assert (await client.post(f"{path}/done", headers=second.headers)).status_code == 200
    await worker.drain()

    items = list(reversed(await inbox(client, selam)))  # oldest first
    expected = [
        kinds.HELP_REQUEST_CLAIMED,
        kinds.HELP_REQUEST_RELEASED,
        kinds.HELP_REQUEST_CLAIMED,
        kinds.HELP_REQUEST_RELEASED,
        kinds.HELP_REQUEST_CLAIMED,
    ]
    assert [item["kind"] for item in items] == expected
    for item in items:
        in_language(item, item["kind"], "ti")
        assert item["reference_id"] == asked.json()["id"]
    assert sorted(p["id"] for p in pushed(push_service, phone)) == sorted(i["id"] for i in items)
    # Volunteers and the coordinator act on Selam's request: none of them is notified.
    assert await items_of_others(db, selam) == []
    assert "Selam" not in json.dumps(pushed(push_service, phone))


async def test_a_failed_claim_tells_nobody(
    client: AsyncTestClient, db: AsyncSession, worker: OutboxWorker
) -> None:
    here = await demo_municipality(db)
    coordinator = await person(client, db, here, "coordinator")
    resident = await person(client, db, here, "resident", language="ar")
    asked = await client.post(
        "/api/v1/me/help-requests", json=request_body(), headers=resident.headers
    )
    first, _ = await volunteer(client, db, here, coordinator)
    second, _ = await volunteer(client, db, here, coordinator)
    path = f"/api/v1/volunteer/help-requests/{asked.json()['id']}"
    assert (await client.post(f"{path}/claim", headers=first.headers)).status_code == 200
    lost = await client.post(f"{path}/claim", headers=second.headers)
    assert lost.status_code == 409
    assert [item["kind"] for item in await inbox(client, resident)] == [kinds.HELP_REQUEST_CLAIMED]


def test_what_volunteers_announce_is_a_notification_kind() -> None:
    for kind in (volunteers.CLAIMED, volunteers.RELEASED):
        assert kind in kinds.KINDS
    for kind in kinds.KINDS.values():  # every kind has texts of its own
        assert kind.title
        assert kind.body


async def test_an_event_is_part_of_the_announcers_transaction(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    here = await demo_municipality(db)
    resident = await person(client, db, here, "resident", language="ar")
    assert resident.resident_id is not None
    event = events.ResidentEvent(
        kind=kinds.HELP_REQUEST_CLAIMED,
        municipality_id=here.id,
        resident_id=resident.resident_id,
        reference_id=uuid.uuid4(),
    )
    await events.announce(db, event)
    await db.rollback()
    assert await inbox(client, resident) == []
    await events.announce(db, event)
    await db.commit()
    assert [item["kind"] for item in await inbox(client, resident)] == [kinds.HELP_REQUEST_CLAIMED]
