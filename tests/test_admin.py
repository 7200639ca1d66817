# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Caseworkers' admin API: residents, intake, conversations with answers routed to the zaak,
internal notes, assignment and waiting states, journey and registered data."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import get_args

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import row_counts
from tests.support_admin import Person, demo_municipality, leaks, other_municipality, person
from welkom.admin import routes as admin_routes
from welkom.admin.models import ConversationMessage
from welkom.audit.models import AuditEvent
from welkom.cases.models import LocalDocument, LocalZaak
from welkom.core.models import utcnow
from welkom.journey.models import StepKey, StepStatus
from welkom.outbox.worker import OutboxWorker
from welkom.residents.models import Resident
from welkom.volunteers.models import HelpRequest, HelpState

pytestmark = pytest.mark.time_dependent


@pytest.fixture
async def office(client: AsyncTestClient, db: AsyncSession) -> dict[str, Person]:
    here, there = await demo_municipality(db), await other_municipality(db)
    return {
        "resident": await person(client, db, here, "resident", name="Amira", language="ar"),
        "caseworker": await person(client, db, here, "caseworker", name="Sanne"),
        "colleague": await person(client, db, here, "caseworker", name="Joris"),
        "elsewhere": await person(client, db, there, "caseworker", name="Elders"),
        "their_resident": await person(client, db, there, "resident", name="Farid"),
    }


async def ask(
    client: AsyncTestClient, resident: Person, text: str = "Wanneer krijg ik een huis?"
) -> str:
    response = await client.post(
        "/api/v1/me/questions", json={"text": text, "language": "ar"}, headers=resident.headers
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def test_answer_is_stored_shown_to_the_resident_and_added_to_the_same_zaak(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person], worker: OutboxWorker
) -> None:
    resident, caseworker = office["resident"], office["caseworker"]
    question_id = await ask(client, resident)
    assert await worker.drain() == 1  # the question becomes a zaak

    answered = await client.post(
        f"/api/v1/admin/conversations/{question_id}/answers",
        json={"text": "مرحبا، سنتصل بك الأسبوع المقبل"},
        headers={**caseworker.headers, "Idempotency-Key": "answer-1a2b3c"},
    )
    assert answered.status_code == 201, answered.text
    answer = answered.json()
    assert answer["kind"] == "answer"
    assert answer["language"] == "ar"  # the resident's language by default
    assert answer["registration"]["state"] == "pending"
    noted = await client.post(
        f"/api/v1/admin/conversations/{question_id}/notes",
        json={"text": "Intern: woningcorporatie gebeld"},
        headers=caseworker.headers,
    )
    assert noted.status_code == 201

    assert await worker.drain() == 1  # only the answer goes to the case system
    zaak = (await db.execute(select(LocalZaak))).scalar_one()
    documents = (
        (await db.execute(select(LocalDocument).order_by(LocalDocument.created_at))).scalars().all()
    )
    assert [d.zaak_id for d in documents] == [zaak.id, zaak.id]
    assert documents[1].inhoud.decode() == "مرحبا، سنتصل بك الأسبوع المقبل"
    assert documents[1].taal == "ara"
    assert documents[1].vertrouwelijkheidaanduiding == "vertrouwelijk"
    assert not any("Intern" in d.inhoud.decode() for d in documents)

    seen = await client.get(f"/api/v1/me/questions/{question_id}/answers", headers=resident.headers)
    assert seen.status_code == 200
    assert [a["text"] for a in seen.json()] == ["مرحبا، سنتصل بك الأسبوع المقبل"]
    assert seen.json()[0]["author"] == "Sanne"
    assert "Intern" not in seen.text  # internal notes never reach the resident

    conversation = (
        await client.get(f"/api/v1/admin/conversations/{question_id}", headers=caseworker.headers)
    ).json()
    assert conversation["question"]["registration"]["state"] == "registered"
    assert conversation["question"]["registration"]["zaak_identificatie"] == zaak.identificatie
    assert [m["kind"] for m in conversation["messages"]] == ["answer", "note"]
    assert conversation["messages"][0]["registration"]["state"] == "registered"
    assert conversation["messages"][0]["registration"]["zaak_identificatie"] == zaak.identificatie
    assert conversation["messages"][1]["registration"] is None
    assert conversation["waiting_for"] == "nobody"
    assert conversation["assigned_to"]["name"] == "Sanne"
    assert conversation["first_answered_at"] is not None

    # The same Idempotency-Key again: the first answer, not a second one.
    again = await client.post(
        f"/api/v1/admin/conversations/{question_id}/answers",
        json={"text": "مرحبا، سنتصل بك الأسبوع المقبل"},
        headers={**caseworker.headers, "Idempotency-Key": "answer-1a2b3c"},
    )
    assert again.json()["id"] == answer["id"]
    answers = (await db.execute(select(ConversationMessage))).scalars().all()
    assert len(answers) == 2


async def test_answer_input_is_checked_and_changes_nothing(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    question_id = await ask(client, office["resident"])
    path = f"/api/v1/admin/conversations/{question_id}"
    before = await row_counts(db)
    for suffix, body, field in (
        ("answers", {"text": "   "}, "text"),
        ("answers", {"text": "Hallo", "language": "xx"}, "language"),
        ("answers", {"text": "x" * 8001}, "text"),
        ("answers", {"text": "Hallo", "then_waiting_for": "someone"}, "then_waiting_for"),
        ("notes", {"text": "Hallo", "visible": True}, "visible"),
    ):
        response = await client.post(
            f"{path}/{suffix}", json=body, headers=office["caseworker"].headers
        )
        assert response.status_code == 400, (body, response.text)
        assert field in [e["field"] for e in response.json()["errors"]]
    refused = await client.put(
        f"{path}/assignment",
        json={"account_id": str(office["elsewhere"].account_id)},
        headers=office["caseworker"].headers,
    )
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "account_id"
    not_a_question = await client.post(
        f"/api/v1/admin/conversations/{uuid.uuid4()}/answers",
        json={"text": "Hallo"},
        headers=office["caseworker"].headers,
    )
    assert not_a_question.status_code == 404
    assert await row_counts(db) == before


async def test_assignment_waiting_states_and_the_team_inbox(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    caseworker, colleague = office["caseworker"], office["colleague"]
    first = await ask(client, office["resident"], "Eerste vraag")
    second = await ask(client, office["resident"], "Tweede vraag")

    inbox = (
        await client.get(
            "/api/v1/admin/conversations",
            params={"waiting_for": "municipality", "assigned": "unassigned"},
            headers=caseworker.headers,
        )
    ).json()
    assert [item["question"]["id"] for item in inbox["items"]] == [first, second]

    assigned = await client.put(
        f"/api/v1/admin/conversations/{first}/assignment",
        json={"account_id": str(colleague.account_id)},
        headers=caseworker.headers,
    )
    assert assigned.status_code == 200
    assert assigned.json()["assigned_to"] == {
        "account_id": str(colleague.account_id),
        "name": "Joris",
    }
    version = assigned.json()["version"]
    stale = await client.put(
        f"/api/v1/admin/conversations/{first}/waiting-for",
        json={"waiting_for": "other_party"},
        headers={**caseworker.headers, "If-Match": f'"v{version - 1}"'},
    )
    assert stale.status_code == 412
    waiting = await client.put(
        f"/api/v1/admin/conversations/{first}/waiting-for",
        json={"waiting_for": "other_party"},
        headers={**caseworker.headers, "If-Match": f'"v{version}"'},
    )
    assert waiting.json()["waiting_for"] == "other_party"

    theirs = (
        await client.get(
            "/api/v1/admin/conversations", params={"assigned": "mine"}, headers=colleague.headers
        )
    ).json()
    assert [item["question"]["id"] for item in theirs["items"]] == [first]
    on_us = (
        await client.get(
            "/api/v1/admin/conversations",
            params={"waiting_for": "municipality", "limit": 1},
            headers=caseworker.headers,
        )
    ).json()
    assert [item["question"]["id"] for item in on_us["items"]] == [second]
    assert on_us["next_cursor"] is None


async def test_residents_list_filters_and_pages(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    caseworker = office["caseworker"]
    made = []
    for name in ("Hana", "Dawit", "Leyla"):
        response = await client.post(
            "/api/v1/admin/residents",
            json={
                "preferred_name": name,
                "preferred_language": "ti",
                "become_caseworker": name != "Leyla",
            },
            headers=caseworker.headers,
        )
        assert response.status_code == 201, response.text
        made.append(response.json()["id"])
    await ask(client, office["resident"])

    async def ids(**params: object) -> list[str]:
        found, cursor = [], None
        while True:
            query = {"limit": 2, **params} | ({"cursor": cursor} if cursor else {})
            page = await client.get(
                "/api/v1/admin/residents", params=query, headers=caseworker.headers
            )
            assert page.status_code == 200, page.text
            found += [item["id"] for item in page.json()["items"]]
            if not (cursor := page.json()["next_cursor"]):
                return found

    everyone = await ids()
    assert set(made) <= set(everyone)
    assert str(office["their_resident"].resident_id) not in everyone
    assert await ids(caseload="mine") == [made[1], made[0]]
    assert made[2] in await ids(caseload="unassigned")
    assert await ids(waiting="true") == [str(office["resident"].resident_id)]

    await db.execute(
        update(Resident)
        .where(Resident.id == uuid.UUID(made[0]))
        .values(updated_at=utcnow() - timedelta(days=60), created_at=utcnow() - timedelta(days=60))
    )
    await db.commit()
    inactive = await ids(inactive_since=(utcnow() - timedelta(days=30)).isoformat())
    assert made[0] in inactive
    assert made[1] not in inactive
    assert made[0] not in await ids(active_since=(utcnow() - timedelta(days=30)).isoformat())

    bad = await client.get(
        "/api/v1/admin/residents", params={"caseload": "someone"}, headers=caseworker.headers
    )
    assert bad.status_code == 400
    events = (
        (
            await db.execute(
                select(AuditEvent).where(
                    AuditEvent.actor_account_id == caseworker.account_id,
                    AuditEvent.action == "read",
                )
            )
        )
        .scalars()
        .all()
    )
    assert {e.resource for e in events} == {"admin.resident"}
    assert uuid.UUID(made[2]) in {e.resident_id for e in events}


def test_the_journey_filters_offer_every_step_and_status() -> None:
    """The list's ``journey_step`` and ``journey_status`` spell the enums' values out (a type
    checker reads no computed Literal): they must stay the same."""
    assert set(get_args(admin_routes.StepKeyName)) == {key.value for key in StepKey}
    assert set(get_args(admin_routes.StepStatusName)) == {status.value for status in StepStatus}


async def test_intake_detail_and_activation_code(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    caseworker = office["caseworker"]
    before = await row_counts(db)
    for body, field in (
        ({"preferred_name": "Hana", "preferred_language": "xx"}, "preferred_language"),
        ({"preferred_name": "", "preferred_language": "ti"}, "preferred_name"),
        (
            {"preferred_name": "Hana", "preferred_language": "ti",
             "arrival_date": (utcnow() + timedelta(days=3)).date().isoformat()},
            "arrival_date",
        ),
        ({"preferred_name": "Hana", "preferred_language": "ti", "bsn": "123456782"}, "bsn"),
    ):  # fmt: skip
        response = await client.post(
            "/api/v1/admin/residents", json=body, headers=caseworker.headers
        )
        assert response.status_code == 400, response.text
        assert field in [e["field"] for e in response.json()["errors"]]
    assert await row_counts(db) == before

    made = await client.post(
        "/api/v1/admin/residents",
        json={"preferred_name": "Hana", "preferred_language": "ti", "phone": "+31 6 11122233",
              "languages": ["ar"], "arrival_date": "2026-09-01"},
        headers={**caseworker.headers, "Idempotency-Key": "intake-4d5e6f"},
    )  # fmt: skip
    assert made.status_code == 201
    resident_id = made.json()["id"]
    assert made.json()["caseworker"]["name"] == "Sanne"
    detail = await client.get(f"/api/v1/admin/residents/{resident_id}", headers=caseworker.headers)
    assert detail.json()["phone"] == "+31 6 11122233"
    assert detail.json()["languages"] == ["ar"]
    code = await client.post(
        f"/api/v1/admin/residents/{resident_id}/activation-codes", headers=caseworker.headers
    )
    assert code.status_code == 201
    actions = (
        (
            await db.execute(
                select(AuditEvent.action).where(AuditEvent.resident_id == uuid.UUID(resident_id))
            )
        )
        .scalars()
        .all()
    )
    assert "create" in actions
    assert "read" in actions


async def test_the_detail_counts_the_residents_help_requests(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    caseworker = office["caseworker"]
    made = await client.post(
        "/api/v1/admin/residents",
        json={"preferred_name": "Hana", "preferred_language": "ti"},
        headers=caseworker.headers,
    )
    assert made.status_code == 201, made.text
    url = f"/api/v1/admin/residents/{made.json()['id']}"
    assert (await client.get(url, headers=caseworker.headers)).json()["help_requests"] == 0
    hana = await db.get(Resident, uuid.UUID(made.json()["id"]))
    other = (
        await db.execute(select(Resident).where(Resident.preferred_name == "Amal"))
    ).scalar_one()
    now = utcnow()
    for resident, state in (
        (hana, HelpState.open),
        (hana, HelpState.done),
        (other, HelpState.open),
    ):
        assert resident is not None
        db.add(
            HelpRequest(
                municipality_id=resident.municipality_id,
                resident_id=resident.id,
                category="other",
                description="Hulp bij een formulier",
                wanted_from=now,
                wanted_until=now + timedelta(days=2),
                neighbourhood="Centrum",
                language="nl",
                state=state,
            )
        )
    await db.commit()
    assert (await client.get(url, headers=caseworker.headers)).json()["help_requests"] == 2


async def test_journey_registered_data_and_history_through_the_admin_api(
    client: AsyncTestClient, db: AsyncSession, caseworker: dict
) -> None:
    demo_resident = (
        await db.execute(select(Resident).where(Resident.preferred_name == "Amal"))
    ).scalar_one()
    base = f"/api/v1/admin/residents/{demo_resident.id}"
    journey = await client.get(f"{base}/journey", headers=caseworker)
    assert journey.status_code == 200, journey.text
    step = journey.json()["steps"][0]
    changed = await client.patch(
        f"{base}/journey/steps/{step['id']}",
        json={"status": "in_progress", "note": "Bel de bank"},
        headers={**caseworker, "If-Match": f'"v{step["version"]}"'},
    )
    assert changed.status_code == 200, changed.text
    assert {s["id"]: s["status"] for s in changed.json()["steps"]}[step["id"]] == "in_progress"

    detail = (await client.get(base, headers=caseworker)).json()
    before = await row_counts(db)
    refused = await client.put(
        f"{base}/registered-data",
        json={"legal_basis": "Wet BRP art. 2.1", "bsn": "123456789", "bsn_source": "BRP"},
        headers=caseworker,
    )
    assert refused.status_code == 400
    assert await row_counts(db) == before  # no audit row for a change that did not happen
    recorded = await client.put(
        f"{base}/registered-data",
        json={"legal_basis": "Wet BRP art. 2.1", "bsn": "111222333", "bsn_source": "BRP"},
        headers={**caseworker, "If-Match": f'"v{detail["version"]}"'},
    )
    assert recorded.status_code == 200, recorded.text
    # The file shows what was recorded, so the caseworker can correct it.
    assert recorded.json()["registered"]["bsn"] == "111222333"
    assert recorded.json()["registered"]["legal_basis"] == "Wet BRP art. 2.1"
    again = (await client.get(base, headers=caseworker)).json()
    assert again["registered"]["bsn_source"] == "BRP"
    stale = await client.put(
        f"{base}/registered-data",
        json={
            "legal_basis": "Wet BRP art. 2.1",
            "v_number": "1234567890",
            "v_number_source": "IND",
        },
        headers={**caseworker, "If-Match": f'"v{detail["version"]}"'},
    )
    assert stale.status_code == 412
    history = (await client.get(f"{base}/history", headers=caseworker)).json()
    assert "bsn" in [change["field"] for change in history["items"]]
    became = await client.put(
        f"{base}/caseworker", json={"contact": "Dinsdag 9-12 uur"}, headers=caseworker
    )
    assert became.json()["caseworker"]["name"] == "Sanne de Vries"


async def test_another_municipality_gets_404_on_every_admin_route(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    question_id = await ask(client, office["resident"])
    resident_id = office["resident"].resident_id
    elsewhere = office["elsewhere"].headers
    before = await row_counts(db)
    for method, path, body in (
        ("GET", f"/api/v1/admin/residents/{resident_id}", None),
        ("GET", f"/api/v1/admin/residents/{resident_id}/conversations", None),
        ("GET", f"/api/v1/admin/residents/{resident_id}/journey", None),
        ("POST", f"/api/v1/admin/residents/{resident_id}/journey", None),
        ("GET", f"/api/v1/admin/residents/{resident_id}/history", None),
        ("PUT", f"/api/v1/admin/residents/{resident_id}/caseworker", {"contact": "x"}),
        ("PUT", f"/api/v1/admin/residents/{resident_id}/registered-data", {"legal_basis": "Wet BRP"}),
        ("PATCH", f"/api/v1/admin/residents/{resident_id}/journey/steps/{uuid.uuid4()}", {"status": "done"}),
        ("GET", f"/api/v1/admin/conversations/{question_id}", None),
        ("POST", f"/api/v1/admin/conversations/{question_id}/answers", {"text": "Hallo"}),
        ("POST", f"/api/v1/admin/conversations/{question_id}/notes", {"text": "Hallo"}),
        ("PUT", f"/api/v1/admin/conversations/{question_id}/assignment", {"account_id": None}),
        ("PUT", f"/api/v1/admin/conversations/{question_id}/waiting-for", {"waiting_for": "nobody"}),
    ):  # fmt: skip
        response = await client.request(method, path, json=body, headers=elsewhere)
        assert response.status_code == 404, (method, path, response.text)
        assert response.json()["type"] == "urn:welkom:problem:not-found"
    assert await row_counts(db) == before
    for path in (
        "/api/v1/admin/residents",
        "/api/v1/admin/conversations",
        "/api/v1/admin/signals?scope=team",
    ):
        response = await client.get(path, headers=elsewhere)
        assert response.status_code == 200
        assert not leaks(response.text, str(resident_id), question_id, "Amira")
    # A resident cannot read someone else's answers either.
    other = await client.get(
        f"/api/v1/me/questions/{question_id}/answers", headers=office["their_resident"].headers
    )
    assert other.status_code == 404


async def test_only_caseworkers_use_the_caseworker_routes(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    here = await demo_municipality(db)
    question_id = await ask(client, office["resident"])
    for role in ("coordinator", "volunteer", "resident", "records_manager"):
        someone = await person(client, db, here, role)
        for path in (
            "/api/v1/admin/residents",
            f"/api/v1/admin/conversations/{question_id}",
            "/api/v1/admin/signals",
        ):
            assert (await client.get(path, headers=someone.headers)).status_code == 403, (
                role,
                path,
            )
