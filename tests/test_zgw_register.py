# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Interactions become zaken in the (test) ZGW case system: confidential, complete, once."""

from __future__ import annotations

import base64
import hashlib
import uuid

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.zgw.fixtures import (  # noqa: F401 - fixtures
    Clock,
    app,
    case_type_toml,
    client,
    clock,
    network,
    on_zgw,
    routing,
    settings,
    worker,
    write_case_types,
    zgw,
)
from tests.zgw.server import ZGWServer, problem
from welkom.cases.models import LocalZaak
from welkom.core.settings import Settings
from welkom.interactions.models import Interaction
from welkom.outbox.worker import OutboxWorker
from welkom.processing import service as processing
from welkom.processing.models import ProcessingRecord

QUESTION = "Wanneer krijg ik een huis? Mijn naam is Amal Haddad."


async def ask(client: AsyncTestClient, resident: dict, text: str = QUESTION) -> dict:
    response = await client.post(
        "/api/v1/me/questions", json={"text": text, "language": "ar"}, headers=resident
    )
    assert response.status_code == 201, response.text
    return response.json()


def only(objects: dict) -> dict:
    assert len(objects) == 1, objects
    return next(iter(objects.values()))


async def test_question_becomes_a_confidential_zaak_with_rol_status_and_document(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, zgw: ZGWServer
) -> None:
    question = await ask(client, resident)
    assert await worker.drain() == 1

    zaak = only(zgw.zaken)
    assert zaak["identificatie"] == "WLK-" + question["id"].replace("-", "")
    assert zaak["bronorganisatie"] == zaak["verantwoordelijkeOrganisatie"] == "111222333"
    assert zaak["zaaktype"] == zgw.types["question"]["zaaktype"]
    assert zaak["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    assert zaak["omschrijving"] == "Vraag van inwoner via Welkom"  # nothing of the question
    # The toelichting names only the short case reference, nothing of the question.
    assert zaak["toelichting"] == f"Welkom-referentie {question['reference']}"

    rol = only(zgw.rollen)
    assert rol["zaak"] == zaak["url"]
    assert rol["roltype"] == zgw.types["question"]["roltype"]
    assert rol["betrokkeneType"] == "natuurlijk_persoon"
    identification = rol["betrokkeneIdentificatie"]
    assert set(identification) == {"anpIdentificatie"}  # no BSN without a legal basis, no name
    assert len(identification["anpIdentificatie"]) <= 17

    status = only(zgw.statussen)
    assert status["zaak"] == zaak["url"]
    assert status["statustype"] == zgw.types["question"]["statustypen"][0]

    document = only(zgw.documenten)
    assert document["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    assert document["taal"] == "ara"
    assert document["informatieobjecttype"] == zgw.types["question"]["informatieobjecttype"]
    content = zgw.inhoud[document["url"].rsplit("/", 1)[-1]]
    assert content.decode() == QUESTION
    assert document["integriteit"]["waarde"] == hashlib.sha256(content).hexdigest()
    assert QUESTION not in document["titel"]

    link = only(zgw.zios)
    assert (link["zaak"], link["informatieobject"]) == (zaak["url"], document["url"])

    listed = (await client.get("/api/v1/me/questions", headers=resident)).json()
    registration = listed["items"][0]["registration"]
    assert registration["state"] == "registered"
    assert registration["zaak_identificatie"] == zaak["identificatie"]
    # The requests carried the CRS headers where the spec demands them (else: violations).
    assert ("POST", "/zaken/api/v1/zaken", 201) in zgw.log


async def test_a_stricter_confidentiality_from_the_case_type_file_is_kept(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    settings: Settings,
) -> None:
    write_case_types(settings, case_type_toml(zgw.types, level="geheim"))
    await ask(client, resident)
    await worker.drain()
    assert only(zgw.zaken)["vertrouwelijkheidaanduiding"] == "geheim"
    assert only(zgw.documenten)["vertrouwelijkheidaanduiding"] == "geheim"


class Crash(BaseException):
    """The worker process dies (not an error it handles): its lease runs out later."""


@pytest.mark.parametrize("step", ["zaak", "rol", "status", "document", "link"])
async def test_exactly_once_when_the_worker_dies_after_each_step(
    step: str,
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    clock: Clock,
    settings: Settings,
    db: AsyncSession,
    routing,
) -> None:
    question = await ask(client, resident)
    crashed: list[str] = []

    async def crash_once(name: str, url: str) -> None:
        if name == step and not crashed:
            crashed.append(url)
            raise Crash(f"killed after {name}")

    routing.observer = crash_once
    with pytest.raises(Crash):
        await worker.drain()
    assert crashed, f"the {step} step never ran"
    # Nothing was recorded locally: the entry is still leased to the dead worker.
    interaction = await db.get(Interaction, uuid.UUID(question["id"]))
    assert interaction.registration_state == "pending"
    assert await worker.drain() == 0  # the lease still holds

    clock.advance(settings.outbox.lease_seconds + 1)
    assert await worker.drain() == 1

    assert len(zgw.zaken) == len(zgw.rollen) == len(zgw.statussen) == 1
    assert len(zgw.documenten) == len(zgw.zios) == 1
    await db.refresh(interaction)
    assert interaction.registration_state == "registered"
    assert interaction.zaak_url == only(zgw.zaken)["url"]


async def test_a_failed_step_is_retried_and_continues_on_the_same_zaak(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, zgw: ZGWServer, clock: Clock
) -> None:
    failures = []

    def rollen_fail_once(call):
        if call.path == "/rollen" and call.method == "POST" and not failures:
            failures.append(call.path)
            return problem(500, "error", "Er is een serverfout opgetreden.")
        return None

    zgw.before = rollen_fail_once
    await ask(client, resident)
    clock.advance(60)  # past the (test-short) backoff
    assert await worker.run_once() == 1  # zaak made, rol refused with 500: retry later
    assert failures == ["/rollen"]
    assert len(zgw.zaken) == 1
    assert not zgw.rollen
    clock.advance(60)
    assert await worker.run_once() == 1
    assert len(zgw.zaken) == len(zgw.rollen) == len(zgw.zios) == 1
    # The retry found the zaak by its identificatie instead of making a second one.
    assert ("POST", "/zaken/api/v1/zaken/_zoek", 200) in zgw.log


async def test_document_content_is_base64_of_the_exact_bytes(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, zgw: ZGWServer, routing
) -> None:
    text = "سؤال عن السكن — ẞ ✓"
    await ask(client, resident, text)
    await worker.drain()
    document = only(zgw.documenten)
    content = zgw.inhoud[document["url"].rsplit("/", 1)[-1]]
    assert content == text.encode()
    assert document["bestandsomvang"] == len(base64.b64decode(base64.b64encode(content)))
    async with routing.session_factory() as db:
        assert (await db.execute(select(LocalZaak))).first() is None  # not the local register


async def test_the_callers_trace_reaches_the_case_system_and_the_processing_log(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, zgw: ZGWServer, db: AsyncSession
) -> None:
    trace_id, parent_id = "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"
    response = await client.post(
        "/api/v1/me/questions",
        json={"text": QUESTION, "language": "ar"},
        headers=resident | {"traceparent": f"00-{trace_id}-{parent_id}-01"},
    )
    assert response.status_code == 201
    assert await worker.drain() == 1

    sent = [header for _, _, header in zgw.traceparents]
    assert sent
    assert {h.split("-")[1] if h else None for h in sent} == {trace_id}
    (record,) = (await db.execute(select(ProcessingRecord))).scalars().all()
    assert record.trace_id == trace_id
    assert (record.name, record.status, record.purpose) == (
        "case_system.zaak.deliver",
        "ok",
        "case_registration",
    )
    interaction = await db.get(Interaction, uuid.UUID(response.json()["id"]))
    assert interaction is not None
    assert record.data_subject_id == processing.current_log().pseudonym(interaction.resident_id)
    # The worker's span is a child of the request's span, and the parent of the ZGW calls.
    assert record.parent_span_id not in (None, parent_id)
    assert {h.split("-")[2] for h in sent if h} == {record.span_id}
