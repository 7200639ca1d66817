# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident's own data: what they read, what they correct, what the municipality owns, and
the history of every change."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import login, row_counts
from tests.residents_support import add_caseworker, add_resident, demo_resident, principal_for
from welkom.core.database import session_factory
from welkom.core.problems import Problem
from welkom.core.settings import Settings
from welkom.core.unit_of_work import unit_of_work
from welkom.residents import service as residents
from welkom.residents.schemas import MePatch, RegisteredDataIn


async def test_the_resident_reads_everything_with_municipal_fields_read_only(
    client: AsyncTestClient, resident: dict
) -> None:
    me = (await client.get("/api/v1/me", headers=resident)).json()
    assert me["full_name"] == "Amal Haddad"
    assert me["languages"] == ["en"]
    assert me["arrival_date"] == "2026-09-01"
    assert me["registered"]["registered_name"] == {
        "value": "Haddad, Amal",
        "source": "BRP",
        "editable": False,
    }
    assert me["registered"]["v_number"] == {
        "value": "1234567890",
        "source": "COA",
        "editable": False,
    }
    assert me["registered"]["bsn"] is None
    assert me["caseworker"] == {"name": "Sanne de Vries", "contact": "14 0999, ma–do 9:00–12:00"}
    assert [(m["relation"], m["name"]) for m in me["household"]] == [
        ("partner", "Karim"),
        ("child", "Lina"),
    ]
    assert me["address"] is None  # not housed yet


async def test_corrections_are_versioned_with_who_when_old_and_new(
    client: AsyncTestClient, resident: dict, db: AsyncSession, settings: Settings
) -> None:
    etag = (await client.get("/api/v1/me", headers=resident)).headers["etag"]
    changed = await client.patch(
        "/api/v1/me",
        json={
            "full_name": "Amal Al-Haddad",
            "languages": ["en", "nl"],
            "address": {
                "street": "Stationsstraat",
                "house_number": "12a",
                "postcode": "1234ab",
                "city": "Welkom",
            },
            "arrival_date": "2026-08-30",
        },
        headers={**resident, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["address"]["postcode"] == "1234 AB"
    assert changed.json()["full_name"] == "Amal Al-Haddad"

    history = (await client.get("/api/v1/me/history", headers=resident)).json()["items"]
    by_field = {c["field"]: c for c in history}
    assert by_field["full_name"]["old_value"] == "Amal Haddad"
    assert by_field["full_name"]["new_value"] == "Amal Al-Haddad"
    assert by_field["full_name"]["changed_by"] == "resident"
    assert by_field["languages"]["old_value"] == ["en"]
    assert by_field["address"]["old_value"] is None
    assert by_field["address"]["new_value"]["street"] == "Stationsstraat"
    assert by_field["arrival_date"]["old_value"] == "2026-09-01"
    assert set(by_field) == {"full_name", "languages", "address", "arrival_date"}

    # The caseworker sees what the resident changed.
    amal = await demo_resident(db)
    caseworker = await principal_for(client, db, settings, "demo-caseworker")
    seen = await residents.history_for_caseworker(db, caseworker, amal.id)
    assert {c.field for c in seen.items} == set(by_field)

    # Sending the same values again changes nothing and records nothing.
    again = await client.patch("/api/v1/me", json={"full_name": "Amal Al-Haddad"}, headers=resident)
    assert again.json()["version"] == changed.json()["version"]
    assert len((await client.get("/api/v1/me/history", headers=resident)).json()["items"]) == 4


BAD_PATCHES = [
    ({"bsn": "111222333"}, "bsn"),
    ({"v_number": "1234567890"}, "v_number"),
    ({"registered_name": "Someone Else"}, "registered_name"),
    ({"caseworker_name": "Me"}, "caseworker_name"),
    ({"arrival_date": "2999-01-01"}, "arrival_date"),
    ({"arrival_date": "1900-01-01"}, "arrival_date"),
    ({"arrival_date": "yesterday"}, "arrival_date"),
    ({"full_name": "x" * 201}, "full_name"),
    ({"full_name": "   "}, "full_name"),
    ({"languages": ["nl", "xx"]}, "languages"),
    ({"languages": ["nl", "nl"]}, "languages"),
    ({"languages": ["nl"] * 9}, "languages"),
    ({"address": {"street": "A", "house_number": "1", "postcode": "12345", "city": "B"}}, "address.postcode"),
    ({"address": {"street": "A", "house_number": "1", "postcode": "1234AB"}}, "city"),  # foundation: missing nested fields lose their path
    ({"address": {"street": "x" * 201, "house_number": "1", "postcode": "1234AB", "city": "B"}}, "address.street"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "field"), BAD_PATCHES)
async def test_bad_corrections_are_problems_and_change_nothing(
    client: AsyncTestClient, resident: dict, db: AsyncSession, body: dict, field: str
) -> None:
    before_profile = (await client.get("/api/v1/me", headers=resident)).json()
    before = await row_counts(db)
    response = await client.patch("/api/v1/me", json=body, headers=resident)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert await row_counts(db) == before
    assert (await client.get("/api/v1/me", headers=resident)).json() == before_profile


async def test_household_members_are_added_corrected_and_removed_with_history(
    client: AsyncTestClient, resident: dict
) -> None:
    headers = {**resident, "Idempotency-Key": "add-omar"}
    body = {"relation": "child", "name": "Omar", "birth_year": 2021}
    added = await client.post("/api/v1/me/household", json=body, headers=headers)
    assert added.status_code == 201, added.text
    replay = await client.post("/api/v1/me/household", json=body, headers=headers)
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json()["id"] == added.json()["id"]
    member_id = added.json()["id"]

    stale = await client.patch(
        f"/api/v1/me/household/{member_id}",
        json={"school": "De Regenboog"},
        headers={**resident, "If-Match": '"v0"'},
    )
    assert stale.status_code == 412
    updated = await client.patch(
        f"/api/v1/me/household/{member_id}",
        json={"school": "  De Regenboog "},
        headers={**resident, "If-Match": '"v1"'},
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["school"] == "De Regenboog"
    assert updated.headers["etag"] == '"v2"'
    members = (await client.get("/api/v1/me/household", headers=resident)).json()
    assert [m["name"] for m in members] == ["Karim", "Lina", "Omar"]

    removed = await client.delete(f"/api/v1/me/household/{member_id}", headers=resident)
    assert removed.status_code == 204
    assert len((await client.get("/api/v1/me/household", headers=resident)).json()) == 2
    history = (await client.get("/api/v1/me/history", headers=resident)).json()["items"]
    about_omar = [c for c in history if c["subject_id"] == member_id]
    assert about_omar[0]["field"] == "removed"  # newest first
    assert {"name", "relation", "birth_year", "school"} <= {c["field"] for c in about_omar}


BAD_MEMBERS = [
    ({"relation": "cousin", "name": "A"}, "relation"),
    ({"relation": "child", "name": ""}, "name"),
    ({"relation": "child", "name": "  "}, "name"),
    ({"relation": "child", "name": "x" * 101}, "name"),
    ({"relation": "child", "name": "A", "birth_year": 2999}, "birth_year"),
    ({"relation": "child", "name": "A", "birth_year": 1800}, "birth_year"),
    ({"relation": "child", "name": "A", "school": "x" * 201}, "school"),
    ({"relation": "child", "name": "A", "bsn": "111222333"}, "bsn"),
]


@pytest.mark.parametrize(("body", "field"), BAD_MEMBERS)
async def test_bad_household_members_are_problems_and_change_nothing(
    client: AsyncTestClient, resident: dict, db: AsyncSession, body: dict, field: str
) -> None:
    before = await row_counts(db)
    response = await client.post(
        "/api/v1/me/household", json=body, headers={**resident, "Idempotency-Key": "bad-member"}
    )
    assert response.status_code == 400, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert await row_counts(db) == before


async def test_another_residents_household_member_is_not_found_and_stays_as_it_is(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    await add_resident(db, login_name="other-resident", name="Yonas")
    other = await login(client, "other-resident")
    theirs = (
        await client.post(
            "/api/v1/me/household", json={"relation": "partner", "name": "Selam"}, headers=other
        )
    ).json()
    before = await row_counts(db)
    for method, path in [
        ("PATCH", f"/api/v1/me/household/{theirs['id']}"),
        ("DELETE", f"/api/v1/me/household/{theirs['id']}"),
        ("PATCH", f"/api/v1/me/household/{uuid.uuid4()}"),
    ]:
        response = await client.request(method, path, json={"name": "Mine now"}, headers=resident)
        assert response.status_code == 404, (method, path)
        assert response.json()["type"] == "urn:welkom:problem:not-found"
    assert await row_counts(db) == before
    assert (await client.get("/api/v1/me/household", headers=other)).json()[0]["name"] == "Selam"


async def test_the_caseworker_records_municipal_fields_with_source_and_legal_basis(
    client: AsyncTestClient, resident: dict, db: AsyncSession, settings: Settings
) -> None:
    amal = await demo_resident(db)
    caseworker = await principal_for(client, db, settings, "demo-caseworker")
    before = await row_counts(db)
    for data, field in [
        (RegisteredDataIn(legal_basis="Wet BRP", bsn="123456789", bsn_source="BRP"), "bsn"),
        (RegisteredDataIn(legal_basis="Wet BRP", bsn="111222333"), "bsn_source"),
    ]:
        with pytest.raises(Problem) as bad:
            await residents.set_registered_data(db, caseworker, amal.id, data)
        assert bad.value.status_code == 400
        assert [e.field for e in bad.value.errors] == [field]
    assert await row_counts(db) == before

    await residents.set_registered_data(
        db,
        caseworker,
        amal.id,
        RegisteredDataIn(legal_basis="Wet BRP art. 2.8", bsn="111222333", bsn_source="BRP"),
    )
    await db.commit()  # the caller's unit of work commits (services never do)
    me = (await client.get("/api/v1/me", headers=resident)).json()
    assert me["registered"]["bsn"] == {"value": "111222333", "source": "BRP", "editable": False}
    change = (await client.get("/api/v1/me/history", headers=resident)).json()["items"]
    assert {(c["field"], c["changed_by"]) for c in change} >= {("bsn", "caseworker")}
    assert all("actor" not in c for c in change)  # the caseworker's account id is not shown


async def test_a_caseworker_of_another_municipality_sees_and_changes_nothing(
    client: AsyncTestClient, db: AsyncSession, settings: Settings
) -> None:
    amal = await demo_resident(db)
    await add_caseworker(db, login_name="elsewhere-caseworker", municipality_code="0363")
    elsewhere = await principal_for(client, db, settings, "elsewhere-caseworker")
    volunteer = await principal_for(client, db, settings, "demo-volunteer")
    before = await row_counts(db)
    for principal in (elsewhere, volunteer):
        for call in (
            residents.get_for_caseworker(db, principal, amal.id),
            residents.history_for_caseworker(db, principal, amal.id),
            residents.set_registered_data(
                db, principal, amal.id, RegisteredDataIn(legal_basis="x" * 5, bsn=None)
            ),
            residents.assign_caseworker(
                db,
                principal,
                amal.id,
                account_id=principal.account_id,
                name=principal.display_name,
                contact="010",
            ),
        ):
            with pytest.raises(Problem) as refused:
                await call
            assert refused.value.status_code == 404
    assert await row_counts(db) == before


async def test_assigning_a_caseworker_shows_their_name_and_how_to_reach_them(
    client: AsyncTestClient, db: AsyncSession, settings: Settings
) -> None:
    yonas = await add_resident(db, login_name="other-resident", name="Yonas")
    headers = await login(client, "other-resident")
    assert (await client.get("/api/v1/me", headers=headers)).json()["caseworker"] is None
    caseworker = await principal_for(client, db, settings, "demo-caseworker")
    await residents.assign_caseworker(
        db,
        caseworker,
        yonas.id,
        account_id=caseworker.account_id,
        name=caseworker.display_name,
        contact="06 12345678 (di, do)",
    )
    await db.commit()
    assert (await client.get("/api/v1/me", headers=headers)).json()["caseworker"] == {
        "name": "Sanne de Vries",
        "contact": "06 12345678 (di, do)",
    }


async def test_simultaneous_corrections_with_the_same_etag_let_one_through(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
) -> None:
    """If-Match is a compare-and-set in the database: of three writers that read the same
    version, one wins and the others get 412 with nothing changed."""
    etag = (await client.get("/api/v1/me", headers=resident)).headers["etag"]
    principal = await principal_for(client, db, settings, "demo-resident")
    sessions = session_factory(engine)

    async def correct(name: str) -> int:
        try:
            async with unit_of_work(sessions) as session:
                await residents.update_own(
                    session, principal, MePatch(full_name=name), if_match=etag
                )
        except Problem as problem:
            return problem.status_code
        return 200

    outcomes = await asyncio.gather(*(correct(f"Amal {n}") for n in range(3)))
    assert sorted(outcomes) == [200, 412, 412]
    history = (await client.get("/api/v1/me/history", headers=resident)).json()["items"]
    assert len(history) == 1
    me = (await client.get("/api/v1/me", headers=resident)).json()
    assert me["full_name"] == history[0]["new_value"]
    assert f'"v{me["version"]}"' != etag
