# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Case status flows back: Notificaties callbacks (authenticated), reconciliation, /me/cases."""

from __future__ import annotations

import uuid

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import row_counts
from tests.zgw.fixtures import (  # noqa: F401 - fixtures
    CALLBACK_TOKEN,
    app,
    client,
    clock,
    network,
    on_zgw,
    routing,
    settings,
    worker,
    zgw,
)
from tests.zgw.server import ZGWServer
from welkom.cases import service
from welkom.cases.service import CaseRouting
from welkom.core.i18n import gettext
from welkom.demo.seed import DEMO_MUNICIPALITY_CODE
from welkom.municipalities import service as municipalities
from welkom.outbox.worker import OutboxWorker

CALLBACK = f"http://testserver.local/api/v1/zgw/notificaties/{DEMO_MUNICIPALITY_CODE}"


async def registered_question(client: AsyncTestClient, resident: dict, worker: OutboxWorker):
    response = await client.post(
        "/api/v1/me/questions", json={"text": "Wanneer?", "language": "ar"}, headers=resident
    )
    assert response.status_code == 201
    await worker.drain()
    return response.json()


async def demo_municipality(routing: CaseRouting):
    async with routing.session_factory() as db:
        return await municipalities.by_code(db, DEMO_MUNICIPALITY_CODE)


async def my_cases(client: AsyncTestClient, resident: dict, language: str | None = None) -> list:
    headers = resident | ({"Accept-Language": language} if language else {})
    response = await client.get("/api/v1/me/cases", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def test_subscribe_then_a_status_notification_reaches_my_cases(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    routing: CaseRouting,
) -> None:
    municipality = await demo_municipality(routing)
    abonnement = await service.subscribe(routing, municipality, CALLBACK, CALLBACK_TOKEN)
    assert abonnement.startswith(zgw.url("notificaties", "/abonnement/"))
    [stored] = zgw.abonnementen.values()
    assert stored["kanalen"][0]["naam"] == "zaken"
    assert stored["auth"] == f"Bearer {CALLBACK_TOKEN}"

    await registered_question(client, resident, worker)
    [case] = await my_cases(client, resident)
    assert case["registration"]["state"] == "registered"
    # No status from the system yet: the resident's own label, in her language (Arabic).
    assert (
        case["status"]
        == gettext("Received by the municipality", "ar")
        != "Received by the municipality"
    )

    [zaak] = zgw.zaken.values()
    status = zgw.set_status(zaak["url"], zgw.types["question"]["statustypen"][1])
    [answer] = await zgw.notify("zaken", "status", "create", zaak["url"], status["url"])
    assert answer.status_code == 204
    [case] = await my_cases(client, resident)  # Amal prefers Arabic
    assert case["status"] == "تم"
    assert case["status_set_at"] is not None
    [case] = await my_cases(client, resident, "en")  # her preference still wins
    assert case["status"] == "تم"


@pytest.mark.parametrize(
    ("authorization", "expected"),
    [(None, 401), ("Bearer wrong-token", 403), (f"Token {CALLBACK_TOKEN}", 403)],
)
async def test_callbacks_without_the_token_are_refused_and_change_nothing(
    authorization: str | None,
    expected: int,
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    db: AsyncSession,
) -> None:
    await registered_question(client, resident, worker)
    [zaak] = zgw.zaken.values()
    zgw.set_status(zaak["url"], zgw.types["question"]["statustypen"][1])
    before = await row_counts(db)
    message = {
        "kanaal": "zaken", "hoofdObject": zaak["url"], "resource": "status",
        "resourceUrl": zaak["status"], "actie": "create",
        "aanmaakdatum": "2026-11-24T10:00:00Z", "kenmerken": {},
    }  # fmt: skip
    headers = {"Authorization": authorization} if authorization else {}
    response = await client.post(CALLBACK, json=message, headers=headers)
    assert response.status_code == expected
    assert await row_counts(db) == before
    # Another municipality's path with this municipality's token: refused as well.
    other = await client.post(
        CALLBACK.replace("9999", "0001"),
        json=message,
        headers={"Authorization": f"Bearer {CALLBACK_TOKEN}"},
    )
    assert other.status_code == 403
    assert await row_counts(db) == before


async def test_reconciliation_catches_a_missed_notification(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    routing: CaseRouting,
) -> None:
    await registered_question(client, resident, worker)
    [zaak] = zgw.zaken.values()
    zgw.set_status(zaak["url"], zgw.types["question"]["statustypen"][1])  # no notification
    assert (await my_cases(client, resident))[0]["status"] == gettext(
        "Received by the municipality", "ar"
    )
    counts = await service.reconcile(routing)
    assert counts == {"checked": 1, "changed": 1, "failed": 0}
    assert (await my_cases(client, resident))[0]["status"] == "تم"
    assert (await service.reconcile(routing))["changed"] == 0  # nothing new: nothing written


async def test_a_notification_about_someone_elses_zaak_is_ignored(
    client: AsyncTestClient, zgw: ZGWServer, db: AsyncSession
) -> None:
    before = await row_counts(db)
    message = {
        "kanaal": "zaken", "hoofdObject": "http://elsewhere.example/zaken/api/v1/zaken/1",
        "resource": "status", "resourceUrl": "http://elsewhere.example/x", "actie": "create",
        "aanmaakdatum": "2026-11-24T10:00:00Z", "kenmerken": {},
    }  # fmt: skip
    response = await client.post(
        CALLBACK, json=message, headers={"Authorization": f"Bearer {CALLBACK_TOKEN}"}
    )
    assert response.status_code == 204
    assert await row_counts(db) == before
    assert not [c for c in zgw.log if "elsewhere" in c[1]]  # nothing fetched from a foreign URL


async def test_cases_check_against_the_catalogi_api(
    zgw: ZGWServer, routing: CaseRouting, settings
) -> None:
    municipality = await demo_municipality(routing)
    assert await service.check_catalogi(routing, municipality) == []
    from tests.zgw.fixtures import case_type_toml, write_case_types

    broken = {
        "question": dict(zgw.types["question"], statustypen=zgw.types["document"]["statustypen"]),
        "document": dict(
            zgw.types["document"], zaaktype=zgw.url("catalogi", f"/zaaktypen/{uuid.uuid4()}")
        ),
    }
    write_case_types(settings, case_type_toml(broken))
    problems = await service.check_catalogi(routing, municipality)
    assert any("kinds.document: zaaktype" in p and "does not exist" in p for p in problems)
    assert any(
        "kinds.question: statustype" in p and "not one of the zaaktype's" in p for p in problems
    )
    assert any("no resident-friendly label" in p for p in problems)
