# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Erasure end to end: a resident's data made through the API as real users make it, records
management's routes to read, complete and refuse a request, and a walk over every column of
every table (JSON and text decoded) after completion that finds none of the seeded values."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from pypdf import PdfWriter
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests import documents
from tests.conftest import MakeHandlers, login, row_counts
from tests.push.fixtures import SUBSCRIPTIONS, push_settings, push_worker, running_push_service
from tests.push.service import PushService
from tests.residents_support import add_caseworker, add_resident
from tests.test_cli import run
from welkom.audit.models import AuditEvent
from welkom.auth.models import Account
from welkom.core.gdpr import REGISTRY
from welkom.core.i18n import gettext
from welkom.core.idempotency_models import IdempotencyRecord
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.gdpr import service as gdpr
from welkom.gdpr.models import ErasureState
from welkom.notifications import kinds as notification_kinds
from welkom.outbox.worker import OutboxWorker
from welkom.tables import metadata

ADMIN = "/api/v1/admin/erasure-requests"
#: The case system (simulated here by the local register) keeps its zaken and documents under
#: the Archiefwet: Welkom never erases them.
CASE_SYSTEM_TABLES = {"local_zaak", "local_document"}


def _document() -> bytes:
    """A real one-page PDF (uploads are verified whole) that carries a seeded value."""
    writer = PdfWriter()
    writer.add_metadata({"/Subject": "Zainab-paspoort-7731"})
    return documents.pdf(writer=writer)


DOCUMENT = _document()
#: Values only Zainab's data holds: none may be left anywhere after her erasure.
SEEDED = {
    "name": "Zainabqx",
    "full name": "Zainab Qasemi-Noorzai",
    "email": "zainab.qasemi@example.org",
    "phone": "+31 6 7788 9911",
    "street": "Xylofoonstraat",
    "member": "Parwizqx",
    "school": "Basisschool Tulpenveldqx",
    "question": "Waar vind ik een huisarts voor mijn zoon? Kwartelvraag",
    "answer": "Beste Zainab, huisarts Kwartelweg 3 neemt nieuwe patienten aan.",
    "note": "Belt donderdag terug over Kwartelnotitie",
    "help": "Hulp met de brief van het Quokkabureau",
    "report": "Quokkamelding: niemand kwam",
    "erasure reason": "Ik verhuis naar Zwitserland-Qx",
    "document": "Zainab-paspoort-7731",
}


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return push_settings(database_url, tmp_path / "keys")


@pytest.fixture
def worker(engine: AsyncEngine, settings: Settings, make_handlers: MakeHandlers) -> OutboxWorker:
    """Every outbox kind with the test's settings: registrations (documents too) and pushes."""
    return push_worker(make_handlers, engine, settings)


@pytest.fixture
def push_service(settings: Settings) -> Iterator[PushService]:
    with running_push_service(settings) as service:
        yield service


async def seed_zainab(
    client: AsyncTestClient, settings: Settings, worker: OutboxWorker, push: PushService
) -> tuple[uuid.UUID, dict[str, str]]:
    """Zainab as intake, activation and her own use make her: every place her data can be."""
    staff = await login(client, "demo-caseworker")
    intake = {
        "preferred_name": SEEDED["name"],
        "full_name": SEEDED["full name"],
        "preferred_language": "fa",
        "email": SEEDED["email"],
        "phone": SEEDED["phone"],
    }
    made = await client.post(
        "/api/v1/admin/residents", json=intake, headers={**staff, "Idempotency-Key": "intake-1"}
    )
    assert made.status_code == 201, made.text
    resident_id = made.json()["id"]
    code = await client.post(
        f"/api/v1/admin/residents/{resident_id}/activation-codes", headers=staff
    )
    assert code.status_code == 201
    client.cookies.clear()
    redeemed = await client.post(
        "/api/v1/auth/activation", json={"code": code.json()["code"], "remember_device": True}
    )
    assert redeemed.status_code == 200, redeemed.text
    me = {"Authorization": f"Bearer {client.cookies[settings.session.cookie_name]}"}
    client.cookies.clear()

    device = push.new_subscriber()
    subscribed = await client.post(SUBSCRIPTIONS, json=device.subscription_json(), headers=me)
    assert subscribed.status_code == 201, subscribed.text
    patched = await client.patch(
        "/api/v1/me",
        json={
            "address": {
                "street": SEEDED["street"],
                "house_number": "7",
                "postcode": "1234 AB",
                "city": "Welkom",
            }
        },
        headers=me,
    )
    assert patched.status_code == 200, patched.text
    member = await client.post(
        "/api/v1/me/household",
        json={"relation": "child", "name": SEEDED["member"], "school": SEEDED["school"]},
        headers={**me, "Idempotency-Key": "member-1"},
    )
    assert member.status_code == 201, member.text
    consent = await client.post(
        "/api/v1/me/consents",
        json={
            "purpose": "share_contact_with_volunteer",
            "action": "grant",
            "text_version": 1,
            "language": "nl",
        },
        headers={**me, "Idempotency-Key": "consent-1"},
    )
    assert consent.status_code == 201, consent.text
    asked = await client.post(
        "/api/v1/me/questions",
        json={"text": SEEDED["question"], "language": "nl"},
        headers={**me, "Idempotency-Key": "question-1"},
    )
    assert asked.status_code == 201, asked.text
    uploaded = await client.post(
        "/api/v1/me/documents",
        files={"file": ("paspoort.pdf", DOCUMENT, "application/pdf")},
        data={"language": "nl"},
        headers={**me, "Idempotency-Key": "document-1"},
    )
    assert uploaded.status_code == 201, uploaded.text
    helped = await client.post(
        "/api/v1/me/help-requests",
        json={
            "category": "paperwork",
            "description": SEEDED["help"],
            "wanted_from": (utcnow() + timedelta(days=2)).isoformat(),
            "wanted_until": (utcnow() + timedelta(days=2, hours=2)).isoformat(),
            "neighbourhood": "Centrum",
            "language": "nl",
        },
        headers={**me, "Idempotency-Key": "help-1"},
    )
    assert helped.status_code == 201, helped.text
    reported = await client.post(
        f"/api/v1/me/help-requests/{helped.json()['id']}/reports",
        json={"text": SEEDED["report"]},
        headers={**me, "Idempotency-Key": "report-1"},
    )
    assert reported.status_code == 201, reported.text
    await worker.drain()  # question and document become a zaak; pushes go to the phone
    conversation = f"/api/v1/admin/conversations/{asked.json()['id']}"
    answered = await client.post(
        f"{conversation}/answers",
        json={"text": SEEDED["answer"]},
        headers={**staff, "Idempotency-Key": "answer-1"},
    )
    assert answered.status_code == 201, answered.text
    noted = await client.post(
        f"{conversation}/notes",
        json={"text": SEEDED["note"]},
        headers={**staff, "Idempotency-Key": "note-1"},
    )
    assert noted.status_code == 201, noted.text
    await worker.drain()  # the answer joins the zaak, and its push goes out
    assert push.received, "a push reached Zainab's phone"
    requested = await client.post(
        "/api/v1/me/erasure-request",
        json={"reason": SEEDED["erasure reason"]},
        headers={**me, "Idempotency-Key": "erasure-1"},
    )
    assert requested.status_code == 201, requested.text
    return uuid.UUID(resident_id), me


def _text(value: Any) -> str:
    """A cell as text: JSON (dicts, lists, JSON in strings) and bytes decoded."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.dumps(json.loads(value), ensure_ascii=False) + value
        except ValueError:
            return value
    return str(value)


async def leftovers(db: AsyncSession, needles: dict[str, str]) -> list[str]:
    """Every (table, column, what) where a seeded value is still stored, outside the case
    system. Walks every table and column of the metadata."""
    found = []
    for table in metadata.sorted_tables:
        if table.name in CASE_SYSTEM_TABLES:
            continue
        for row in (await db.execute(select(table))).mappings():
            for column, value in row.items():
                if value is None:
                    continue
                cell = _text(value).casefold()
                found += [
                    f"{table.name}.{column}: {what}"
                    for what, needle in needles.items()
                    if needle.casefold() in cell
                ]
    return found


async def test_a_completed_erasure_leaves_none_of_the_residents_values_anywhere(
    client: AsyncTestClient,
    db: AsyncSession,
    settings: Settings,
    worker: OutboxWorker,
    push_service: PushService,
) -> None:
    resident_id, me = await seed_zainab(client, settings, worker, push_service)
    accounts = [
        str(a)
        for a in (
            await db.execute(
                select(metadata.tables["account"].c.id).where(
                    metadata.tables["account"].c.resident_id == resident_id
                )
            )
        ).scalars()
    ]
    needles = {
        **SEEDED,
        **{f"account {n}": a for n, a in enumerate(accounts)},
        **{f"account hex {n}": uuid.UUID(a).hex for n, a in enumerate(accounts)},
    }
    # The test can fail: before the erasure every seeded value is stored somewhere.
    before = await leftovers(db, needles)
    assert {entry.rsplit(": ", 1)[1] for entry in before} >= set(SEEDED) - {"document"}
    assert any(f.startswith("idempotency_record.") for f in before)
    assert any(p.read_bytes() == DOCUMENT for p in settings.storage_path.rglob("*") if p.is_file())

    records = await login(client, "demo-records-manager")
    listed = await client.get(ADMIN, params={"state": "requested"}, headers=records)
    assert listed.status_code == 200, listed.text
    (summary,) = listed.json()["items"]
    assert summary["resident_id"] == str(resident_id)
    detail = await client.get(f"{ADMIN}/{summary['id']}", headers=records)
    assert detail.status_code == 200, detail.text
    kept = {t["table"]: t for t in detail.json()["retained"]}
    assert kept["interaction"]["rows"] == 2  # the question and the document
    assert "case system" in kept["interaction"]["columns"]["zaak_identificatie"]
    assert kept["consent_entry"]["rows"] == 1
    assert detail.json()["reason"] == SEEDED["erasure reason"]
    assert detail.json()["waiting_for_registration"] == 0

    done = await client.post(f"{ADMIN}/{summary['id']}/complete", headers=records)
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "completed"

    # The account id stays only where the append-only consent ledger records who recorded
    # an entry (documented as retained: proof of consent); it names no account any more.
    ledger = {f"consent_entry.recorded_by_account_id: account{k} 0" for k in ("", " hex")}
    assert [left for left in await leftovers(db, needles) if left not in ledger] == []
    assert (
        "recorded_by_account_id"
        in {h.table: h for h in REGISTRY.handlers}["consent_entry"].retained
    )
    assert not [p for p in settings.storage_path.rglob("*") if p.is_file()]
    assert (await client.get("/api/v1/me", headers=me)).status_code == 401
    # What the law keeps is still there: the zaak in the case system, and the audit trail of
    # records management's steps (read, then delete).
    assert (await db.execute(select(metadata.tables["local_zaak"]))).first() is not None
    steps = (
        await db.execute(
            select(AuditEvent.action, AuditEvent.purpose)
            .where(
                AuditEvent.resident_id == resident_id, AuditEvent.resource == "gdpr.erasure_request"
            )
            .order_by(AuditEvent.occurred_at)
        )
    ).all()
    assert [s.action for s in steps] == ["read", "delete"]

    # Completing twice, and refusing what is completed: 409, nothing changed.
    counts = await row_counts(db)
    again = await client.post(f"{ADMIN}/{summary['id']}/complete", headers=records)
    assert again.status_code == 409
    assert again.json()["type"] == "urn:welkom:problem:erasure-already-completed"
    late = await client.post(
        f"{ADMIN}/{summary['id']}/refuse", json={"reason": "te laat"}, headers=records
    )
    assert late.status_code == 409
    assert await row_counts(db) == counts


async def test_stored_responses_of_a_caseworker_about_the_resident_are_erased(
    client: AsyncTestClient,
    db: AsyncSession,
    settings: Settings,
    worker: OutboxWorker,
    push_service: PushService,
) -> None:
    """The intake, answer and note replies stored under the caseworker's Idempotency-Key
    repeat the resident's name, e-mail, phone and the texts; they go with the erasure, and
    another resident's stay."""
    other = await client.post(
        "/api/v1/admin/residents",
        json={"preferred_name": "Yonasqx", "preferred_language": "ti"},
        headers={**await login(client, "demo-caseworker"), "Idempotency-Key": "intake-2"},
    )
    assert other.status_code == 201
    resident_id, _ = await seed_zainab(client, settings, worker, push_service)
    scopes = {
        r.scope.split(":")[0]
        for r in (
            await db.execute(
                select(IdempotencyRecord).where(IdempotencyRecord.resident_id == resident_id)
            )
        ).scalars()
    }
    assert {"admin-intake", "admin-answer", "admin-note", "questions", "erasure"} <= scopes
    records = await login(client, "demo-records-manager")
    (request,) = (await client.get(ADMIN, headers=records)).json()["items"]
    assert (await client.post(f"{ADMIN}/{request['id']}/complete", headers=records)).is_success
    remaining = (await db.execute(select(IdempotencyRecord))).scalars().all()
    assert [r.resident_id for r in remaining] == [uuid.UUID(other.json()["id"])]


async def test_a_refused_request_tells_the_resident_why_in_their_language(
    client: AsyncTestClient, db: AsyncSession, resident: dict
) -> None:
    asked = await client.post(
        "/api/v1/me/erasure-request", json={"reason": "Weg ermee"}, headers=resident
    )
    request_id = asked.json()["id"]
    records = await login(client, "demo-records-manager")
    reason = "Uw dossier valt onder een lopende bezwaarprocedure (Archiefwet)."
    refused = await client.post(
        f"{ADMIN}/{request_id}/refuse", json={"reason": f"  {reason} "}, headers=records
    )
    assert refused.status_code == 200, refused.text
    assert refused.json()["state"] == "refused"

    seen = await client.get("/api/v1/me/erasure-request", headers=resident)
    assert seen.status_code == 200
    body = seen.json()
    assert body["state"] == "refused"
    assert body["refusal_reason"] == reason
    assert body["refused_at"] is not None
    # In the resident's own language (Amal reads Arabic), not the English source.
    refused_text = gdpr._WHAT_HAPPENS[ErasureState.refused]
    assert body["what_happens"] == gettext(refused_text, "ar") != refused_text

    inbox = await client.get("/api/v1/me/notifications", headers=resident)
    (item,) = [i for i in inbox.json()["items"] if i["kind"] == "erasure.refused"]
    assert item["reference_id"] == request_id
    kind = notification_kinds.get(notification_kinds.ERASURE_REFUSED)
    assert item["title"] == gettext(kind.title, "ar") != kind.title
    assert reason not in json.dumps(inbox.json())  # the reason is read in the app, not pushed

    # The resident's data is all still there, and they may ask again.
    assert (await client.get("/api/v1/me", headers=resident)).status_code == 200
    again = await client.post("/api/v1/me/erasure-request", json={}, headers=resident)
    assert again.status_code == 201
    assert again.json()["id"] != request_id
    states = (await client.get(ADMIN, headers=records)).json()["items"]
    assert [s["state"] for s in states] == ["refused", "requested"]


@pytest.mark.parametrize(
    ("body", "field"),
    [({"reason": "   "}, "reason"), ({}, "reason"), ({"reason": "x" * 1001}, "reason")],
)
async def test_refusing_without_a_reason_is_a_problem_and_changes_nothing(
    client: AsyncTestClient, db: AsyncSession, resident: dict, body: dict, field: str
) -> None:
    asked = await client.post("/api/v1/me/erasure-request", json={}, headers=resident)
    records = await login(client, "demo-records-manager")
    before = await row_counts(db)
    refused = await client.post(
        f"{ADMIN}/{asked.json()['id']}/refuse",
        json=body,
        headers={**records, "Accept-Language": "nl"},
    )
    assert refused.status_code == 400
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in refused.json()["errors"]] == [field]
    assert await row_counts(db) == before
    status = await client.get("/api/v1/me/erasure-request", headers=resident)
    assert status.json()["state"] == "requested"


async def test_unknown_other_tenants_and_bad_ids_are_problems_and_change_nothing(
    client: AsyncTestClient, db: AsyncSession, resident: dict
) -> None:
    asked = await client.post("/api/v1/me/erasure-request", json={}, headers=resident)
    request_id = asked.json()["id"]
    await add_caseworker(
        db, login_name="elsewhere-records", municipality_code="0363", role="records_manager"
    )
    records = await login(client, "demo-records-manager")
    elsewhere = await login(client, "elsewhere-records")
    before = await row_counts(db)
    for headers, target in [
        (records, str(uuid.uuid4())),
        (elsewhere, request_id),
    ]:
        for method, path, body in [
            ("GET", f"{ADMIN}/{target}", None),
            ("POST", f"{ADMIN}/{target}/complete", None),
            ("POST", f"{ADMIN}/{target}/refuse", {"reason": "nee"}),
        ]:
            response = await client.request(method, path, json=body, headers=headers)
            assert response.status_code == 404, (path, response.text)
            assert response.json()["type"] == "urn:welkom:problem:not-found"
    assert (await client.get(ADMIN, headers=elsewhere)).json()["items"] == []
    assert (await client.get(f"{ADMIN}/not-an-id", headers=records)).status_code in (400, 404)
    bad_state = await client.get(ADMIN, params={"state": "gone"}, headers=records)
    assert bad_state.status_code == 400
    assert [e["field"] for e in bad_state.json()["errors"]] == ["state"]
    bad_cursor = await client.get(ADMIN, params={"cursor": "bm9wZQ"}, headers=records)
    assert bad_cursor.status_code == 400
    assert await row_counts(db) == before


async def test_the_list_is_paged_oldest_first(client: AsyncTestClient, db: AsyncSession) -> None:
    made = []
    for n in range(3):
        await add_resident(db, login_name=f"resident-{n}", name=f"Resident {n}")
        headers = await login(client, f"resident-{n}")
        asked = await client.post("/api/v1/me/erasure-request", json={}, headers=headers)
        made.append(asked.json()["id"])
    records = await login(client, "demo-records-manager")
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(ADMIN, params=params, headers=records)).json()
        seen += [item["id"] for item in page["items"]]
        if not (cursor := page["next_cursor"]):
            break
    assert seen == made


async def test_the_command_line_lists_shows_refuses_and_completes_as_a_records_manager(
    client: AsyncTestClient, db: AsyncSession, resident: dict, database_url: str
) -> None:
    """`welkom erasure …` acts as the records manager named by --by, like the admin API."""
    env = {"WELKOM_ENV": "test", "WELKOM_DATABASE_URL": database_url}
    by = str(
        (
            await db.execute(select(Account.id).where(Account.demo_login == "demo-records-manager"))
        ).scalar_one()
    )
    caseworker = str(
        (
            await db.execute(select(Account.id).where(Account.demo_login == "demo-caseworker"))
        ).scalar_one()
    )
    first = (await client.post("/api/v1/me/erasure-request", json={}, headers=resident)).json()

    listed = await asyncio.to_thread(run, "erasure", "list", "--by", by, env=env)
    assert listed.returncode == 0, listed.stderr
    assert first["id"] in listed.stdout
    shown = await asyncio.to_thread(run, "erasure", "show", first["id"], "--by", by, env=env)
    assert shown.returncode == 0, shown.stderr
    assert "consent_entry" in {t["table"] for t in json.loads(shown.stdout)["retained"]}
    not_records = await asyncio.to_thread(run, "erasure", "list", "--by", caseworker, env=env)
    assert not_records.returncode != 0
    assert "not a records manager" in not_records.stderr
    before = await row_counts(db)
    for bad in (
        ("refuse", first["id"], "--by", by, "--reason", "  "),
        ("refuse", str(uuid.uuid4()), "--by", by, "--reason", "nee"),
        ("complete", "not-an-id", "--by", by),
    ):
        result = await asyncio.to_thread(run, "erasure", *bad, env=env)
        assert result.returncode != 0, bad
    assert await row_counts(db) == before

    refused = await asyncio.to_thread(
        run, "erasure", "refuse", first["id"], "--by", by, "--reason", "Lopende procedure", env=env
    )
    assert refused.returncode == 0, refused.stderr
    assert "refused" in refused.stdout
    twice = await asyncio.to_thread(
        run, "erasure", "refuse", first["id"], "--by", by, "--reason", "nog eens", env=env
    )
    assert twice.returncode != 0
    assert "Already refused" in twice.stderr

    second = (await client.post("/api/v1/me/erasure-request", json={}, headers=resident)).json()
    done = await asyncio.to_thread(run, "erasure", "complete", second["id"], "--by", by, env=env)
    assert done.returncode == 0, done.stderr
    assert "completed" in done.stdout
    assert (await client.get("/api/v1/me", headers=resident)).status_code == 401
    actions = (
        (
            await db.execute(
                select(AuditEvent.action)
                .where(AuditEvent.resource == "gdpr.erasure_request")
                .order_by(AuditEvent.occurred_at)
            )
        )
        .scalars()
        .all()
    )
    assert actions == ["read", "update", "delete"]
