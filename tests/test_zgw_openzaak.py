# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Open Zaak's stricter rules: the test register enforces them, and Welkom's registrations hold.

The rules (scopes, one status with ``zaken.aanmaken``, one initiator, closed zaken,
``date-in-future``, a forced unlock dropping an interrupted upload) are described in
``/work/shared/zgw/README.md``; the first tests prove the test register models them, the rest
that Welkom's registrations meet them.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from litestar.testing import AsyncTestClient
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests import documents
from tests.conftest import MakeHandlers
from tests.zgw.fixtures import (  # noqa: F401 - fixtures
    CLIENT_ID,
    SECRET,
    Clock,
    Unreachable,
    app,
    client,
    clock,
    network,
    on_zgw,
    records_manager,
    routing,
    settings,
    worker,
    zgw,
)
from tests.zgw.server import CLOSED_ZAAK, ONE_STATUS, Answer, Call, ZGWServer, problem
from welkom.cases.ports import CaseDocument, RegistrationRequest
from welkom.cases.rights import TEST_MARK, check_rights, register_test_zaken
from welkom.cases.service import CaseRouting
from welkom.cases.zgw import ZGWCaseRegister, ZGWConfig
from welkom.core.settings import Settings
from welkom.demo.seed import DEMO_MUNICIPALITY_CODE
from welkom.municipalities import service as municipalities
from welkom.outbox.models import OutboxEntry
from welkom.outbox.worker import OutboxWorker

MINIMAL_SCOPES = {
    "zaken.lezen", "zaken.aanmaken", "zaken.bijwerken",
    "documenten.lezen", "documenten.aanmaken", "documenten.bijwerken", "documenten.lock",
    "catalogi.lezen",
}  # fmt: skip
PDF = documents.pdf()  # uploads are verified whole: a real PDF


# ----------------------------------------------------------------- the test register's rules


def register_for(zgw: ZGWServer, *, margin: float = 5.0) -> ZGWCaseRegister:
    config = ZGWConfig(
        **{k: v for k, v in zgw.base_urls().items() if k != "notificaties_api"},
        client_id=CLIENT_ID,
        secret=SecretStr(SECRET),
        clock_margin_seconds=margin,
    )
    return ZGWCaseRegister(config, transport=httpx.ASGITransport(app=zgw))


def request_for(zgw: ZGWServer, *, with_status: bool = True) -> RegistrationRequest:
    types = zgw.types["question"]  # type: ignore[attr-defined]
    return RegistrationRequest(
        municipality_id=uuid.uuid4(),
        bronorganisatie="111222333",
        interaction_kind="question",
        identificatie=f"WLK-{uuid.uuid4().hex}",
        zaaktype=types["zaaktype"],
        vertrouwelijkheidaanduiding="vertrouwelijk",
        omschrijving="Vraag van inwoner via Welkom",
        startdatum=date(2026, 3, 1),
        initiator_reference=uuid.uuid4().hex,
        informatieobjecttype=types["informatieobjecttype"],
        statustype=types["statustypen"][0] if with_status else "",
        document=CaseDocument(
            identificatie=f"WLK-D-{uuid.uuid4().hex[:20]}",
            titel="Vraag",
            taal="dut",
            formaat="text/plain",
            inhoud=b"Wanneer?",
            bestandsnaam="vraag.txt",
        ),
    )


async def test_register_with_only_zaken_aanmaken_allows_one_status_and_no_rol(
    zgw: ZGWServer,
) -> None:
    register = register_for(zgw)
    result = await register.register(request_for(zgw))
    zgw.scopes = {CLIENT_ID: {"zaken.lezen", "zaken.aanmaken", "catalogi.lezen"}}
    second = await register.client.send(
        "POST",
        f"{register.config.zaken_api}/statussen",
        json={
            "zaak": result.zaak_url,
            "statustype": zgw.types["question"]["statustypen"][0],  # type: ignore[attr-defined]
            "datumStatusGezet": "2026-03-01T10:00:00Z",
        },
        accept=(403,),
    )
    assert second.status_code == 403
    assert second.json()["detail"] == ONE_STATUS
    rol = await register.client.send(
        "POST",
        f"{register.config.zaken_api}/rollen",
        json={
            "zaak": result.zaak_url,
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": zgw.types["question"]["roltype"],  # type: ignore[attr-defined]
            "roltoelichting": "x",
            "betrokkeneIdentificatie": {"anpIdentificatie": "W123"},
        },
        accept=(403,),
    )
    assert rol.status_code == 403  # POST /rollen needs zaken.bijwerken
    assert len(zgw.statussen) == 1
    assert len(zgw.rollen) == 1
    await register.aclose()


async def test_register_allows_one_initiator_per_zaak(zgw: ZGWServer) -> None:
    register = register_for(zgw)
    result = await register.register(request_for(zgw))
    second = await register.client.send(
        "POST",
        f"{register.config.zaken_api}/rollen",
        json={
            "zaak": result.zaak_url,
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": zgw.types["question"]["roltype"],  # type: ignore[attr-defined]
            "roltoelichting": "x",
            "betrokkeneIdentificatie": {"anpIdentificatie": "W123"},
        },
        accept=(400,),
    )
    assert second.status_code == 400
    assert second.json()["invalidParams"][0]["code"] == "max-occurences"
    assert len(zgw.rollen) == 1
    await register.aclose()


async def test_register_refuses_changes_to_a_closed_zaak(zgw: ZGWServer) -> None:
    register = register_for(zgw)
    request = request_for(zgw)
    result = await register.register(request)
    zgw.set_status(result.zaak_url, zgw.types["question"]["statustypen"][-1])  # type: ignore[attr-defined]
    assert zgw._by_url(zgw.zaken, result.zaak_url)["einddatum"] is not None
    assert request.document is not None
    another = replace(request.document, identificatie=f"WLK-D-{uuid.uuid4().hex[:20]}")
    document = await register._document(replace(request, document=another))
    for path, body in (
        ("/zaakinformatieobjecten", {"zaak": result.zaak_url, "informatieobject": document["url"]}),
        ("/statussen", {"zaak": result.zaak_url, "datumStatusGezet": "2026-03-01T10:00:00Z",
                        "statustype": zgw.types["question"]["statustypen"][0]}),  # type: ignore[attr-defined]
    ):  # fmt: skip
        refused = await register.client.send(
            "POST", f"{register.config.zaken_api}{path}", json=body, accept=(403,)
        )
        assert refused.status_code == 403, path
        assert refused.json()["detail"] == CLOSED_ZAAK
    await register.aclose()


async def test_register_refuses_a_status_date_ahead_of_its_clock(zgw: ZGWServer) -> None:
    zgw.clock = lambda: datetime.now(UTC) - timedelta(seconds=2)
    register = register_for(zgw, margin=0)
    refused = await register.client.send(
        "POST",
        f"{register.config.zaken_api}/statussen",
        json={
            "zaak": (await register._zaak(request_for(zgw)))[0]["url"],
            "statustype": zgw.types["question"]["statustypen"][0],  # type: ignore[attr-defined]
            "datumStatusGezet": (datetime.now(UTC) + timedelta(seconds=1)).isoformat(),
        },
        accept=(400,),
    )
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["code"] == "date-in-future"
    assert zgw.statussen == {}
    await register.aclose()


async def test_a_forced_unlock_drops_an_interrupted_upload(zgw: ZGWServer) -> None:
    register = register_for(zgw)
    created = await register.client.send(
        "POST",
        f"{register.config.documenten_api}/enkelvoudiginformatieobjecten",
        json={
            "bronorganisatie": "111222333", "creatiedatum": "2026-03-01", "titel": "Scan",
            "auteur": "Inwoner via Welkom", "taal": "dut", "bestandsomvang": 2 * 1024 * 1024,
            "informatieobjecttype": zgw.types["question"]["informatieobjecttype"],  # type: ignore[attr-defined]
            "indicatieGebruiksrecht": False, "vertrouwelijkheidaanduiding": "vertrouwelijk",
        },
    )  # fmt: skip
    document = created.json()
    assert document["locked"] is True
    assert len(document["bestandsdelen"]) == 2
    zgw.force_unlock(document["url"])
    shown = await register.client.get_json(document["url"])
    assert shown["locked"] is False
    assert shown["bestandsomvang"] is None
    assert shown["inhoud"] is None
    assert shown["bestandsdelen"] == []
    await register.aclose()


# ----------------------------------------------------------------- Welkom against those rules


async def ask(client: AsyncTestClient, resident: dict) -> str:
    response = await client.post(
        "/api/v1/me/questions", json={"text": "Wanneer?", "language": "ar"}, headers=resident
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def answer(client: AsyncTestClient, caseworker: dict, question_id: str, text: str) -> str:
    response = await client.post(
        f"/api/v1/admin/conversations/{question_id}/answers",
        json={"text": text},
        headers={**caseworker, "Idempotency-Key": f"answer-{uuid.uuid4().hex}"},
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def outbox_states(db: AsyncSession) -> list[tuple[str | None, str]]:
    db.expire_all()
    rows = await db.execute(select(OutboxEntry.subject, OutboxEntry.state))
    return sorted(rows.all())


class SlowWrites(httpx.AsyncBaseTransport):
    """Network latency on rol and status writes: a registration that looks for the initiator
    while another one is making it sees nothing yet (as against a real register)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path.endswith(("/rollen", "/statussen")):
            await asyncio.sleep(0.05)
        return await self.inner.handle_async_request(request)


async def test_a_question_its_answers_and_a_document_pending_at_once_go_in_order(
    client: AsyncTestClient,
    resident: dict,
    caseworker: dict,
    zgw: ZGWServer,
    routing: CaseRouting,
    network: Unreachable,
    settings: Settings,
    db: AsyncSession,
    make_handlers: MakeHandlers,
) -> None:
    zgw.scopes = {CLIENT_ID: MINIMAL_SCOPES}
    network.inner = SlowWrites(network.inner)
    question_id = await ask(client, resident)
    upload = await client.post(
        "/api/v1/me/documents",
        files={"file": ("scan.pdf", PDF, "application/pdf")},
        data={"language": "nl"},
        headers=resident,
    )
    assert upload.status_code == 201, upload.text
    await answer(client, caseworker, question_id, "Eerste antwoord")
    await answer(client, caseworker, question_id, "Tweede antwoord")

    sessions = routing.session_factory
    workers = [
        OutboxWorker(sessions, make_handlers(sessions, settings, case_routing=routing), settings)
        for _ in range(3)
    ]
    for _ in range(10):  # each worker drains until nothing it may claim is due
        await asyncio.gather(*(w.drain() for w in workers))
        if all(state == "delivered" for _, state in await outbox_states(db)):
            break

    assert await outbox_states(db) == [
        ("answer", "delivered"), ("answer", "delivered"),
        ("document", "delivered"), ("question", "delivered"),
    ]  # fmt: skip
    question_zaak = next(z for z in zgw.zaken.values() if z["identificatie"].endswith(
        question_id.replace("-", "")))  # fmt: skip
    assert len(zgw.zaken) == 2  # the question's and the document's
    for zaak in zgw.zaken.values():
        assert len([r for r in zgw.rollen.values() if r["zaak"] == zaak["url"]]) == 1
        assert len([s for s in zgw.statussen.values() if s["zaak"] == zaak["url"]]) == 1
    links = [z["informatieobject"] for z in zgw.zios.values()]
    assert len(links) == len(set(links)) == len(zgw.documenten) == 4
    on_question = [z for z in zgw.zios.values() if z["zaak"] == question_zaak["url"]]
    assert len(on_question) == 3  # the question and both answers
    by_title = {d["titel"]: d for d in zgw.documenten.values()}
    reply = by_title["Antwoord aan inwoner"]
    assert reply["auteur"].startswith("Medewerker, ")  # not "Inwoner via Welkom"
    scan = next(d for d in zgw.documenten.values() if d["formaat"] == "application/pdf")
    assert scan["bestandsnaam"].endswith(".pdf")


async def test_a_register_clock_behind_welkom_still_accepts_the_status(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, zgw: ZGWServer, db: AsyncSession
) -> None:
    zgw.clock = lambda: datetime.now(UTC) - timedelta(seconds=2)
    await ask(client, resident)
    await worker.drain()
    assert await outbox_states(db) == [("question", "delivered")]
    [status] = zgw.statussen.values()
    assert datetime.fromisoformat(status["datumStatusGezet"]) <= zgw.clock()


async def test_an_answer_to_a_closed_zaak_is_parked_visible_and_retryable_without_orphans(
    client: AsyncTestClient,
    resident: dict,
    caseworker: dict,
    records_manager: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    db: AsyncSession,
) -> None:
    question_id = await ask(client, resident)
    await worker.drain()
    [zaak] = zgw.zaken.values()
    zgw.set_status(zaak["url"], zgw.types["question"]["statustypen"][-1])  # type: ignore[attr-defined]
    answer_id = await answer(client, caseworker, question_id, "Het antwoord, te laat")
    await worker.drain()
    assert await outbox_states(db) == [("answer", "parked"), ("question", "delivered")]
    assert len(zgw.documenten) == 1  # only the question's: no orphan answer document

    listed = await client.get("/api/v1/admin/registrations", headers=records_manager)
    assert listed.status_code == 200, listed.text
    [entry] = listed.json()["items"]  # the default lists what needs attention
    assert entry["kind"] == "answer"
    assert entry["interaction_id"] == answer_id
    assert entry["zaak"] == zaak["identificatie"]
    assert entry["attempts"] == 1
    assert entry["problem"]["code"] == "zaak-closed"
    assert "Reopen the zaak" in entry["problem"]["detail"]
    assert "te laat" not in json.dumps(entry)
    only_questions = await client.get(
        "/api/v1/admin/registrations?kind=question", headers=records_manager
    )
    assert only_questions.json()["items"] == []
    bad = await client.get("/api/v1/admin/registrations?kind=zaak", headers=records_manager)
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "kind"

    zaak["einddatum"] = None  # records management reopens the zaak, then retries
    retried = await client.post(
        f"/api/v1/admin/registrations/{entry['id']}/retry", headers=records_manager
    )
    assert retried.status_code == 202, retried.text
    assert retried.json()["kind"] == "answer"
    await worker.drain()
    assert await outbox_states(db) == [("answer", "delivered"), ("question", "delivered")]
    assert len(zgw.zios) == 2


async def test_a_force_unlocked_upload_is_never_linked_empty(
    client: AsyncTestClient,
    resident: dict,
    records_manager: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    settings: Settings,
    clock: Clock,
    db: AsyncSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings.zgw, "bestandsdelen_threshold_bytes", 1024)
    content = documents.pdf(filler=10_000)  # in several parts
    interrupted: list[str] = []

    def interrupt_the_first_part(call: Call) -> Answer | None:  # the upload stops half-way
        if call.method == "PUT" and not interrupted:
            interrupted.append(call.path)
            return problem(500, "error", "Interne serverfout.")
        return None

    zgw.before = interrupt_the_first_part
    upload = await client.post(
        "/api/v1/me/documents",
        files={"file": ("scan.pdf", content, "application/pdf")},
        data={"language": "nl"},
        headers=resident,
    )
    assert upload.status_code == 201
    await worker.drain()  # 500: retried later
    clock.advance(3600)
    await worker.drain()  # the document exists, still locked: parked
    [document] = zgw.documenten.values()
    [entry] = (await client.get("/api/v1/admin/registrations", headers=records_manager)).json()[
        "items"
    ]
    assert entry["problem"]["code"] == "document-locked"

    zgw.force_unlock(document["url"])  # as the message says; the parts are dropped
    retried = await client.post(
        f"/api/v1/admin/registrations/{entry['id']}/retry", headers=records_manager
    )
    assert retried.status_code == 202
    await worker.drain()
    assert await outbox_states(db) == [("document", "parked")]  # not "delivered" with nothing
    assert zgw.zios == {}
    [entry] = (await client.get("/api/v1/admin/registrations", headers=records_manager)).json()[
        "items"
    ]
    assert entry["problem"]["code"] == "document-content-mismatch"
    assert "Delete that document" in entry["problem"]["detail"]

    # Records management deletes the empty document in the register and retries: uploaded anew.
    del zgw.documenten[document["url"].rsplit("/", 1)[-1]]
    zgw._by_identificatie = {k: v for k, v in zgw._by_identificatie.items() if v is not document}
    await client.post(f"/api/v1/admin/registrations/{entry['id']}/retry", headers=records_manager)
    await worker.drain()
    assert await outbox_states(db) == [("document", "delivered")]
    [linked] = zgw.zios.values()
    key = linked["informatieobject"].rsplit("/", 1)[-1]
    assert zgw.inhoud[key] == content


async def test_preflight_names_missing_scopes_and_creates_nothing(
    zgw: ZGWServer, routing: CaseRouting, db: AsyncSession
) -> None:
    municipality = await municipalities.by_code(db, DEMO_MUNICIPALITY_CODE)
    assert municipality is not None
    zgw.scopes = {CLIENT_ID: MINIMAL_SCOPES}
    assert await check_rights(routing, municipality) == []

    zgw.scopes = {CLIENT_ID: MINIMAL_SCOPES - {"zaken.aanmaken", "documenten.lezen"}}
    problems = await check_rights(routing, municipality)
    assert any(p.startswith("missing scope documenten.lezen (403") for p in problems)
    for kind in ("question", "document"):
        assert f"missing scope zaken.aanmaken for kinds.{kind} at vertrouwelijk" in "\n".join(
            problems
        )
    assert len(problems) == 3
    assert zgw.zaken == {}
    assert zgw.documenten == {}


DELETING = {"zaken.verwijderen", "documenten.verwijderen"}


async def test_a_test_registration_takes_every_step_and_leaves_nothing(
    zgw: ZGWServer, routing: CaseRouting, db: AsyncSession
) -> None:
    municipality = await municipalities.by_code(db, DEMO_MUNICIPALITY_CODE)
    assert municipality is not None
    zgw.scopes = {CLIENT_ID: MINIMAL_SCOPES | DELETING}
    outcome = await register_test_zaken(routing, municipality, zgw.clock().date())
    assert outcome.problems == []
    assert outcome.left_behind == []
    assert sorted(outcome.registered) == ["document", "question"]
    # The steps a resident's document takes, the upload in parts included ...
    done = {(method, path.rsplit("/", 1)[-1] if "unlock" in path else path.split("/")[-1])
            for method, path, status in zgw.log if status < 300}  # fmt: skip
    assert {("POST", "zaken"), ("POST", "rollen"), ("POST", "statussen"),
            ("POST", "enkelvoudiginformatieobjecten"), ("POST", "unlock"),
            ("POST", "zaakinformatieobjecten")} <= done  # fmt: skip
    assert any(m == "PUT" and "/bestandsdelen/" in p and s < 300 for m, p, s in zgw.log)
    # ... and nothing of it is left.
    assert (zgw.zaken, zgw.documenten, zgw.zios, zgw.rollen, zgw.statussen) == ({},) * 5
    assert zgw.violations == []


@pytest.mark.parametrize(
    ("missing", "refused_at"),
    [
        ("zaken.bijwerken", "/rollen"),
        ("documenten.bijwerken", "/bestandsdelen/"),
        ("documenten.lock", "/unlock"),
    ],
)
async def test_a_test_registration_names_what_the_probes_cannot_see(
    zgw: ZGWServer, routing: CaseRouting, db: AsyncSession, missing: str, refused_at: str
) -> None:
    municipality = await municipalities.by_code(db, DEMO_MUNICIPALITY_CODE)
    assert municipality is not None
    zgw.scopes = {CLIENT_ID: (MINIMAL_SCOPES | DELETING) - {missing}}
    assert await check_rights(routing, municipality) == []  # invisible without writing
    outcome = await register_test_zaken(routing, municipality, zgw.clock().date())
    assert outcome.registered == []
    assert len(outcome.problems) == 2  # one per case type
    for problem_text in outcome.problems:
        assert f"missing scope {missing}" in problem_text
        assert refused_at in problem_text
    assert zgw.zaken == {}
    assert zgw.zios == {}
    # A document whose upload stopped stays locked, and Open Zaak deletes no locked document:
    # it is named for records management.
    left = dict(outcome.left_behind)
    assert set(left) == {d["url"] for d in zgw.documenten.values()}
    assert all("destroy-locked" in why or "Locked" in why for why in left.values()), left


async def test_without_delete_rights_the_marked_test_zaken_are_listed(
    zgw: ZGWServer, routing: CaseRouting, db: AsyncSession
) -> None:
    municipality = await municipalities.by_code(db, DEMO_MUNICIPALITY_CODE)
    assert municipality is not None
    zgw.scopes = {CLIENT_ID: MINIMAL_SCOPES}  # what Welkom needs, nothing to delete with
    outcome = await register_test_zaken(routing, municipality, zgw.clock().date())
    assert outcome.problems == []
    assert zgw.zios == {}  # unlinking needs only zaken.bijwerken
    left = dict(outcome.left_behind)
    assert set(left) == {z["url"] for z in zgw.zaken.values()} | {
        d["url"] for d in zgw.documenten.values()
    }
    assert len(left) == 4
    assert all(z["omschrijving"] == TEST_MARK for z in zgw.zaken.values())
    assert all(d["titel"] == TEST_MARK for d in zgw.documenten.values())
    for url, why in left.items():
        needed = "zaken.verwijderen" if "/zaken/" in url.split("/api/")[-1] else "documenten"
        assert f"needs {needed}" in why, (url, why)
