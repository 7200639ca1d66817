# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A new status of a resident's zaak reaches her once, in her language, in the inbox and as a
push through the loopback push service; and the zaak names the short case reference."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import MakeHandlers
from tests.push.fixtures import INBOX, SUBSCRIPTIONS, push_settings, running_push_service
from tests.push.service import PushService
from tests.zgw.fixtures import (  # noqa: F401 - fixtures
    CALLBACK_TOKEN,
    SECRET,
    app,
    client,
    clock,
    network,
    on_zgw,
    routing,
    zgw,
)
from tests.zgw.server import ZGWServer
from welkom.cases import service
from welkom.cases.service import CaseRouting
from welkom.core.i18n import gettext
from welkom.core.settings import Settings
from welkom.demo.seed import DEMO_MUNICIPALITY_CODE
from welkom.municipalities import service as municipalities
from welkom.notifications import kinds
from welkom.outbox.worker import OutboxWorker

pytestmark = pytest.mark.time_dependent

CALLBACK = f"http://testserver.local/api/v1/zgw/notificaties/{DEMO_MUNICIPALITY_CODE}"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return push_settings(
        database_url,
        tmp_path / "keys",
        data_dir=tmp_path / "data",
        zgw_client_secrets={DEMO_MUNICIPALITY_CODE: SECRET},
        zgw_notification_tokens={DEMO_MUNICIPALITY_CODE: CALLBACK_TOKEN},
    )


@pytest.fixture
def push_service(settings: Settings) -> Iterator[PushService]:
    with running_push_service(settings) as service:
        yield service


@pytest.fixture
def worker(routing: CaseRouting, settings: Settings, make_handlers: MakeHandlers) -> OutboxWorker:
    """Registrations in the test case system and pushes to the loopback push service."""
    sessions = routing.session_factory
    return OutboxWorker(sessions, make_handlers(sessions, settings, case_routing=routing), settings)


async def test_a_new_status_is_told_once_in_the_residents_language(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    routing: CaseRouting,
    push_service: PushService,
) -> None:
    async with routing.session_factory() as db:
        municipality = await municipalities.by_code(db, DEMO_MUNICIPALITY_CODE)
    assert municipality is not None
    await service.subscribe(routing, municipality, CALLBACK, CALLBACK_TOKEN)
    device = push_service.new_subscriber()
    subscribed = await client.post(SUBSCRIPTIONS, json=device.subscription_json(), headers=resident)
    assert subscribed.status_code == 201, subscribed.text
    asked = await client.post(
        "/api/v1/me/questions", json={"text": "Wanneer?", "language": "ar"}, headers=resident
    )
    assert asked.status_code == 201
    await worker.drain()
    [zaak] = zgw.zaken.values()
    # The zaak names the short reference a colleague hears on the phone (no personal data).
    assert zaak["toelichting"] == f"Welkom-referentie {asked.json()['reference']}"

    # The first status, set when Welkom made the zaak: "registered" told her that already.
    [first] = await zgw.notify("zaken", "status", "create", zaak["url"], zaak["status"])
    assert first.status_code == 204
    status = zgw.set_status(zaak["url"], zgw.types["question"]["statustypen"][1])  # type: ignore[attr-defined]
    for _ in range(2):  # Open Notificaties may deliver a notification twice
        [answer] = await zgw.notify("zaken", "status", "create", zaak["url"], status["url"])
        assert answer.status_code == 204
    assert (await service.reconcile(routing))["changed"] == 0
    await worker.drain()

    items = (await client.get(INBOX, headers=resident)).json()["items"]
    assert sorted(item["kind"] for item in items) == sorted(
        [kinds.CASE_STATUS_CHANGED, kinds.QUESTION_REGISTERED]
    )
    [changed] = [item for item in items if item["kind"] == kinds.CASE_STATUS_CHANGED]
    texts = kinds.KINDS[kinds.CASE_STATUS_CHANGED]
    assert changed["title"] == gettext(texts.title, "ar") != texts.title  # Amal reads Arabic
    assert changed["reference_id"] == asked.json()["id"]
    assert {"kind": kinds.CASE_STATUS_CHANGED, "id": changed["id"]} in [
        message.payload for message in push_service.messages_for(device)
    ]


async def test_a_status_found_by_reconciliation_is_told_too(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    routing: CaseRouting,
) -> None:
    asked = await client.post(
        "/api/v1/me/questions", json={"text": "Wanneer?", "language": "ar"}, headers=resident
    )
    await worker.drain()
    [zaak] = zgw.zaken.values()
    zgw.set_status(zaak["url"], zgw.types["question"]["statustypen"][1])  # type: ignore[attr-defined]
    assert (await service.reconcile(routing))["changed"] == 1
    assert (await service.reconcile(routing))["changed"] == 0
    items = (await client.get(INBOX, headers=resident)).json()["items"]
    changed = [item for item in items if item["kind"] == kinds.CASE_STATUS_CHANGED]
    assert [item["reference_id"] for item in changed] == [asked.json()["id"]]
