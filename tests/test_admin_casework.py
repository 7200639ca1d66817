# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The caseworker's back office beyond answering: the resident's file (household, consent
state, who looked), "needs interpreter", the list of colleagues and the inbox with unanswered
questions first across pages."""

from __future__ import annotations

import uuid

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import row_counts
from tests.support_admin import Person, demo_municipality, leaks, other_municipality, person
from tests.test_admin import ask
from welkom.audit.models import AuditEvent

pytestmark = pytest.mark.time_dependent


@pytest.fixture
async def office(client: AsyncTestClient, db: AsyncSession) -> dict[str, Person]:
    here, there = await demo_municipality(db), await other_municipality(db)
    return {
        "resident": await person(client, db, here, "resident", name="Amira", language="ar"),
        "caseworker": await person(client, db, here, "caseworker", name="Sanne"),
        "colleague": await person(client, db, here, "caseworker", name="Joris"),
        "elsewhere": await person(client, db, there, "caseworker", name="Elders"),
    }


async def _audited(db: AsyncSession, resident_id: uuid.UUID | None, field: str) -> list[str]:
    rows = await db.execute(
        select(AuditEvent).where(AuditEvent.resident_id == resident_id, AuditEvent.action == "read")
    )
    return [e.purpose for e in rows.scalars() if field in e.fields]


async def test_the_residents_file_household_consents_and_who_looked(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    resident, caseworker = office["resident"], office["caseworker"]
    added = await client.post(
        "/api/v1/me/household",
        json={"relation": "child", "name": "Yusuf", "birth_year": 2018},
        headers=resident.headers,
    )
    assert added.status_code == 201, added.text
    base = f"/api/v1/admin/residents/{resident.resident_id}"

    household = await client.get(f"{base}/household", headers=caseworker.headers)
    assert household.status_code == 200, household.text
    assert [(m["relation"], m["name"]) for m in household.json()] == [("child", "Yusuf")]
    assert await _audited(db, resident.resident_id, "household") == ["caseworker: household"]

    consents = await client.get(
        f"{base}/consents", headers={**caseworker.headers, "Accept-Language": "nl"}
    )
    assert consents.status_code == 200, consents.text
    assert {c["state"] for c in consents.json()} == {"not_asked"}
    assert await _audited(db, resident.resident_id, "consent") == ["caseworker: consent state"]

    # Who looked: the colleague's read, then this read itself (made after, so newest).
    await client.get(base, headers=office["colleague"].headers)
    looked = await client.get(f"{base}/access-log", headers=caseworker.headers)
    assert looked.status_code == 200, looked.text
    entries = looked.json()["items"]
    assert entries[0]["actor_name"] == "Sanne"
    assert entries[0]["fields"] == ["access_log"]
    assert "Joris" in {e["actor_name"] for e in entries}
    assert all(e["actor_name"] != "Amira" for e in entries)  # the resident's own use is not listed
    assert await _audited(db, resident.resident_id, "access_log") == ["caseworker: who looked"]


async def test_the_file_of_another_municipalitys_resident_is_404_and_changes_nothing(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    question_id = await ask(client, office["resident"])
    resident_id = office["resident"].resident_id
    elsewhere = office["elsewhere"].headers
    before = await row_counts(db)
    for method, path, body in (
        ("GET", f"/api/v1/admin/residents/{resident_id}/household", None),
        ("GET", f"/api/v1/admin/residents/{resident_id}/consents", None),
        ("GET", f"/api/v1/admin/residents/{resident_id}/access-log", None),
        ("PUT", f"/api/v1/admin/conversations/{question_id}/interpreter", {"needs_interpreter": True}),
    ):  # fmt: skip
        response = await client.request(method, path, json=body, headers=elsewhere)
        assert response.status_code == 404, (method, path, response.text)
    assert await row_counts(db) == before
    colleagues = await client.get("/api/v1/admin/caseworkers", headers=elsewhere)
    assert [c["name"] for c in colleagues.json()] == ["Elders"]
    assert not leaks(colleagues.text, "Sanne", "Joris")


async def test_needs_interpreter_is_a_compare_and_set_and_audited(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    caseworker, colleague = office["caseworker"], office["colleague"]
    question_id = await ask(client, office["resident"])
    path = f"/api/v1/admin/conversations/{question_id}/interpreter"
    shown = (
        await client.get(f"/api/v1/admin/conversations/{question_id}", headers=caseworker.headers)
    ).json()
    assert shown["needs_interpreter"] is False
    marked = await client.put(
        path,
        json={"needs_interpreter": True},
        headers={**caseworker.headers, "If-Match": f'"v{shown["version"]}"'},
    )
    assert marked.status_code == 200, marked.text
    assert marked.json()["needs_interpreter"] is True
    assert marked.json()["version"] == shown["version"] + 1
    # A colleague's change on the old version is refused and changes nothing.
    stale = await client.put(
        path,
        json={"needs_interpreter": False},
        headers={**colleague.headers, "If-Match": f'"v{shown["version"]}"'},
    )
    assert stale.status_code == 412
    again = await client.get(
        f"/api/v1/admin/conversations/{question_id}", headers=colleague.headers
    )
    assert again.json()["needs_interpreter"] is True
    bad = await client.put(path, json={"needs_interpreter": "ja"}, headers=caseworker.headers)
    assert bad.status_code in (400, 422)
    rows = await db.execute(select(AuditEvent).where(AuditEvent.action == "update"))
    assert ["needs_interpreter"] in [e.fields for e in rows.scalars()]


async def test_colleagues_are_the_caseworkers_of_the_municipality_and_can_be_assigned(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    caseworker = office["caseworker"]
    listed = await client.get("/api/v1/admin/caseworkers", headers=caseworker.headers)
    assert listed.status_code == 200, listed.text
    names = [c["name"] for c in listed.json()]
    assert {"Sanne", "Joris"} <= set(names)
    assert "Amira" not in names
    assert "Elders" not in names
    joris = next(c for c in listed.json() if c["name"] == "Joris")
    question_id = await ask(client, office["resident"])
    assigned = await client.put(
        f"/api/v1/admin/conversations/{question_id}/assignment",
        json={"account_id": joris["account_id"]},
        headers={**caseworker.headers, "If-Match": '"v0"'},
    )
    assert assigned.status_code == 200, assigned.text
    assert assigned.json()["assigned_to"] == {"account_id": joris["account_id"], "name": "Joris"}


async def test_a_resident_is_assigned_to_a_caseworker_colleague_or_by_default_the_caller(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    caseworker, colleague = office["caseworker"], office["colleague"]
    coordinator = await person(client, db, await demo_municipality(db), "coordinator", name="Co")
    base = f"/api/v1/admin/residents/{office['resident'].resident_id}"

    handed = await client.put(
        f"{base}/caseworker",
        json={"account_id": str(colleague.account_id), "contact": "010 123"},
        headers=caseworker.headers,
    )
    assert handed.status_code == 200, handed.text
    expected = {"account_id": str(colleague.account_id), "name": "Joris"}
    assert handed.json()["caseworker"] == expected
    detail = await client.get(base, headers=caseworker.headers)
    assert detail.json()["caseworker"] == expected
    rows = await db.execute(
        select(AuditEvent).where(AuditEvent.purpose == "caseworker: assignment")
    )
    assert [(e.actor_account_id, e.fields) for e in rows.scalars()] == [
        (caseworker.account_id, ["caseworker"])
    ]

    before = await row_counts(db)
    refusals = []
    for account_id in (coordinator.account_id, office["elsewhere"].account_id, uuid.uuid4()):
        refused = await client.put(
            f"{base}/caseworker",
            json={"account_id": str(account_id)},
            headers={**caseworker.headers, "Accept-Language": "nl"},
        )
        assert refused.status_code == 400, refused.text
        refusals.append(refused.json()["errors"])
    assert refusals[0][0]["field"] == "account_id"
    assert refusals[0] == refusals[1] == refusals[2]
    assert await row_counts(db) == before
    assert (await client.get(base, headers=caseworker.headers)).json()["caseworker"] == expected

    mine = await client.put(f"{base}/caseworker", json={}, headers=caseworker.headers)
    assert mine.status_code == 200, mine.text
    assert mine.json()["caseworker"] == {"account_id": str(caseworker.account_id), "name": "Sanne"}


async def test_unanswered_first_across_pages(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    caseworker = office["caseworker"]
    asked = [await ask(client, office["resident"], f"Vraag {i}") for i in range(5)]
    for question_id in asked[:3]:  # the three oldest are answered
        answered = await client.post(
            f"/api/v1/admin/conversations/{question_id}/answers",
            json={"text": "Antwoord", "language": "nl"},
            headers=caseworker.headers,
        )
        assert answered.status_code == 201, answered.text

    async def pages(limit: int) -> list[str]:
        seen: list[str] = []
        cursor = None
        while True:
            query = f"order=unanswered_first&limit={limit}" + (
                f"&cursor={cursor}" if cursor else ""
            )
            response = await client.get(
                f"/api/v1/admin/conversations?{query}", headers=caseworker.headers
            )
            assert response.status_code == 200, response.text
            seen += [c["question"]["id"] for c in response.json()["items"]]
            cursor = response.json()["next_cursor"]
            if cursor is None:
                return [q for q in seen if q in asked]

    expected = asked[3:] + asked[:3]
    for limit in (1, 2, 5, 50):
        assert await pages(limit) == expected, limit
    oldest = await client.get("/api/v1/admin/conversations?limit=50", headers=caseworker.headers)
    assert [
        c["question"]["id"] for c in oldest.json()["items"] if c["question"]["id"] in asked
    ] == asked
    for cursor in ("x.abc", "nonsense", "f.!!"):
        refused = await client.get(
            f"/api/v1/admin/conversations?order=unanswered_first&cursor={cursor}",
            headers=caseworker.headers,
        )
        assert refused.status_code == 400, (cursor, refused.text)
