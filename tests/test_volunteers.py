# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Volunteers: profiles, vetting, help requests, matching, claims and what volunteers may see."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import row_counts
from tests.support_admin import (
    Person,
    demo_municipality,
    leaks,
    other_municipality,
    person,
    profile_body,
    request_body,
    volunteer,
)
from welkom.audit.models import AuditEvent
from welkom.core.models import utcnow
from welkom.volunteers.models import HelpReport, HelpRequest

pytestmark = pytest.mark.time_dependent

PHONE, EMAIL, NAME = "+31 6 98765432", "noor@example.org", "Noor Haddad"


def consent_change(action: str) -> dict:
    return {
        "purpose": "share_contact_with_volunteer",
        "action": action,
        "text_version": 1,
        "language": "nl",
    }


@pytest.fixture
async def people(client: AsyncTestClient, db: AsyncSession) -> dict[str, Person]:
    here = await demo_municipality(db)
    return {
        "resident": await person(client, db, here, "resident", name=NAME, phone=PHONE, email=EMAIL),
        "coordinator": await person(client, db, here, "coordinator"),
    }


async def ask_help(client: AsyncTestClient, resident: Person, **overrides: object) -> dict:
    response = await client.post(
        "/api/v1/me/help-requests", json=request_body(**overrides), headers=resident.headers
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_unvetted_volunteer_sees_nothing_until_vetted(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    here = await demo_municipality(db)
    asked = await ask_help(client, people["resident"])
    someone, profile_id = await volunteer(client, db, here, people["coordinator"], vetted=False)

    profile = (await client.get("/api/v1/volunteer/profile", headers=someone.headers)).json()
    assert profile["vetting"]["state"] == "unvetted"
    for path in (
        "/api/v1/volunteer/help-requests",
        "/api/v1/volunteer/help-requests/mine",
        f"/api/v1/volunteer/help-requests/{asked['id']}",
    ):
        refused = await client.get(path, headers=someone.headers)
        assert refused.status_code == 403, path
        assert refused.json()["type"] == "urn:welkom:problem:volunteer-not-active"
        assert not leaks(refused.text, NAME, PHONE, EMAIL, "GP appointment", "Oosterpark")
    claim = await client.post(
        f"/api/v1/volunteer/help-requests/{asked['id']}/claim", headers=someone.headers
    )
    assert claim.status_code == 403
    assert (await db.execute(select(AuditEvent))).scalars().all() == []

    vetted = await client.put(
        f"/api/v1/admin/volunteers/{profile_id}/vetting",
        json={"vog_date": (utcnow() - timedelta(days=10)).date().isoformat()},
        headers=people["coordinator"].headers,
    )
    assert vetted.status_code == 200
    assert vetted.json()["vetting"]["state"] == "vetted"
    listed = (await client.get("/api/v1/volunteer/help-requests", headers=someone.headers)).json()
    assert [item["id"] for item in listed["items"]] == [asked["id"]]
    assert listed["items"][0]["contact"] is None


async def test_volunteers_see_only_requests_in_their_languages_and_areas(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    here = await demo_municipality(db)
    resident = people["resident"]
    match = await ask_help(client, resident, neighbourhood="oosterpark ")
    await ask_help(client, resident, language="ti")
    await ask_help(client, resident, neighbourhood="Noord")
    past = await ask_help(client, resident)
    await db.execute(
        update(HelpRequest)
        .where(HelpRequest.id == uuid.UUID(past["id"]))
        .values(wanted_until=utcnow() - timedelta(hours=1))
    )
    await db.commit()
    someone, _ = await volunteer(client, db, here, people["coordinator"])
    anywhere, _ = await volunteer(client, db, here, people["coordinator"], areas=[])

    seen = (await client.get("/api/v1/volunteer/help-requests", headers=someone.headers)).json()
    assert [item["id"] for item in seen["items"]] == [match["id"]]
    assert seen["items"][0]["neighbourhood"] == "oosterpark"
    everywhere = (
        await client.get("/api/v1/volunteer/help-requests", headers=anywhere.headers)
    ).json()
    assert len(everywhere["items"]) == 2  # not Tigrinya, not the past one

    hidden = await client.get(
        f"/api/v1/volunteer/help-requests/{past['id']}", headers=someone.headers
    )
    assert hidden.status_code == 404


async def test_claim_one_winner_then_done_and_rating(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    here = await demo_municipality(db)
    resident = people["resident"]
    asked = await ask_help(client, resident)
    first, _ = await volunteer(client, db, here, people["coordinator"], display_name="Pieter")
    second, _ = await volunteer(client, db, here, people["coordinator"], display_name="Fatma")
    path = f"/api/v1/volunteer/help-requests/{asked['id']}"

    won = await client.post(f"{path}/claim", headers=first.headers)
    assert won.status_code == 200, won.text
    assert won.json()["state"] == "claimed"
    assert won.json()["mine"] is True
    lost = await client.post(f"{path}/claim", headers=second.headers)
    assert lost.status_code == 409
    assert lost.json()["type"] == "urn:welkom:problem:already-claimed"
    assert lost.headers["content-type"].startswith("application/problem+json")
    again = await client.post(f"{path}/claim", headers=first.headers)
    assert again.status_code == 200  # a retry by the winner is safe
    # The claimed request is no longer open to others.
    assert (await client.get(path, headers=second.headers)).status_code == 404
    others = (await client.get("/api/v1/volunteer/help-requests", headers=second.headers)).json()
    assert others["items"] == []

    own = (
        await client.get(f"/api/v1/me/help-requests/{asked['id']}", headers=resident.headers)
    ).json()
    assert own["state"] == "claimed"
    assert own["volunteer"] == {"display_name": "Pieter", "organisation": "Vluchtelingenwerk"}

    early = await client.put(
        f"/api/v1/me/help-requests/{asked['id']}/rating",
        json={"rating": 5},
        headers=resident.headers,
    )
    assert early.status_code == 409
    assert (await client.post(f"{path}/done", headers=second.headers)).status_code == 404
    done = await client.post(f"{path}/done", headers=first.headers)
    assert done.status_code == 200
    assert done.json()["state"] == "done"
    assert (await client.post(f"{path}/no-show", headers=first.headers)).status_code == 409
    rated = await client.put(
        f"/api/v1/me/help-requests/{asked['id']}/rating",
        json={"rating": 5, "comment": "Heel fijn"},
        headers=resident.headers,
    )
    assert rated.status_code == 200
    assert rated.json()["feedback"] == {"rating": 5, "comment": "Heel fijn"}
    mine = (
        await client.get(
            "/api/v1/volunteer/help-requests/mine", params={"state": "done"}, headers=first.headers
        )
    ).json()
    assert [item["id"] for item in mine["items"]] == [asked["id"]]


async def test_release_and_no_show(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    here = await demo_municipality(db)
    asked = await ask_help(client, people["resident"])
    first, _ = await volunteer(client, db, here, people["coordinator"])
    second, _ = await volunteer(client, db, here, people["coordinator"])
    path = f"/api/v1/volunteer/help-requests/{asked['id']}"
    assert (await client.post(f"{path}/claim", headers=first.headers)).status_code == 200
    released = await client.post(f"{path}/release", headers=first.headers)
    assert released.json()["state"] == "open"
    assert (await client.post(f"{path}/claim", headers=second.headers)).status_code == 200
    no_show = await client.post(f"{path}/no-show", headers=second.headers)
    assert no_show.json()["state"] == "no_show"
    row = await db.get(HelpRequest, uuid.UUID(asked["id"]))
    assert row is not None
    assert row.closed_by_role == "volunteer"
    assert row.closed_at is not None


async def test_contact_details_only_to_the_volunteer_holding_the_request_and_only_by_consent(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    here = await demo_municipality(db)
    resident = people["resident"]
    asked = await ask_help(client, resident)
    helper, _ = await volunteer(client, db, here, people["coordinator"])
    other, _ = await volunteer(client, db, here, people["coordinator"])
    path = f"/api/v1/volunteer/help-requests/{asked['id']}"

    # Without consent nothing of the resident leaks, not even to the volunteer holding it.
    responses = [
        await client.get("/api/v1/volunteer/help-requests", headers=helper.headers),
        await client.post(f"{path}/claim", headers=helper.headers),
        await client.get(path, headers=helper.headers),
        await client.get("/api/v1/volunteer/help-requests/mine", headers=helper.headers),
    ]
    for response in responses:
        assert response.status_code == 200
        assert not leaks(response.text, NAME, PHONE, EMAIL, str(resident.resident_id))
    assert responses[2].json()["contact"] is None

    granted = await client.post(
        "/api/v1/me/consents", json=consent_change("grant"), headers=resident.headers
    )
    assert granted.status_code == 201, granted.text
    shown = (await client.get(path, headers=helper.headers)).json()["contact"]
    assert shown == {"preferred_name": NAME, "languages": ["ar"], "phone": PHONE, "email": EMAIL}
    # Another volunteer never sees it (the request is not theirs, and not open any more).
    assert (await client.get(path, headers=other.headers)).status_code == 404
    mine = (await client.get("/api/v1/volunteer/help-requests/mine", headers=other.headers)).json()
    assert not leaks(str(mine), NAME, PHONE, EMAIL)

    withdrawn = await client.post(
        "/api/v1/me/consents", json=consent_change("withdraw"), headers=resident.headers
    )
    assert withdrawn.status_code == 201
    # The very next request: gone.
    after = await client.get(path, headers=helper.headers)
    assert after.json()["contact"] is None
    assert not leaks(after.text, NAME, PHONE, EMAIL)

    # With consent again, but the help is done: no reason to keep seeing it.
    await client.post("/api/v1/me/consents", json=consent_change("grant"), headers=resident.headers)
    assert (await client.get(path, headers=helper.headers)).json()["contact"] is not None
    await client.post(f"{path}/done", headers=helper.headers)
    assert (await client.get(path, headers=helper.headers)).json()["contact"] is None

    contact_reads = (
        (
            await db.execute(
                select(AuditEvent).where(
                    AuditEvent.actor_account_id == helper.account_id,
                    AuditEvent.resident_id == resident.resident_id,
                )
            )
        )
        .scalars()
        .all()
    )
    assert sum("contact" in event.fields for event in contact_reads) == 2


async def test_every_volunteer_read_is_audited(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    here = await demo_municipality(db)
    first = await ask_help(client, people["resident"])
    await ask_help(client, people["resident"])
    helper, _ = await volunteer(client, db, here, people["coordinator"])
    await client.get("/api/v1/volunteer/help-requests", headers=helper.headers)
    await client.get(f"/api/v1/volunteer/help-requests/{first['id']}", headers=helper.headers)
    events = (
        (
            await db.execute(
                select(AuditEvent).where(AuditEvent.actor_account_id == helper.account_id)
            )
        )
        .scalars()
        .all()
    )
    assert len(events) == 3
    assert {event.resident_id for event in events} == {people["resident"].resident_id}
    assert {event.resource for event in events} == {"volunteers.help_request"}
    assert {event.actor_role for event in events} == {"volunteer"}
    assert all(event.action == "read" and event.fields == ["help_request"] for event in events)


async def test_help_request_input_is_checked_and_changes_nothing(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    resident = people["resident"]
    start = utcnow() + timedelta(days=1)
    bad = {
        "neighbourhood": request_body(neighbourhood="Kerkstraat 12"),
        "language": request_body(language="xx"),
        "wanted_until": request_body(
            wanted_from=start.isoformat(), wanted_until=(start - timedelta(hours=1)).isoformat()
        ),
        "wanted_from": request_body(wanted_from="2026-12-01T10:00:00"),
        "category": request_body(category="taxi"),
        "description": request_body(description=""),
        "address": request_body(address="Kerkstraat 12"),
    }
    before = await row_counts(db)
    for field, body in bad.items():
        response = await client.post(
            "/api/v1/me/help-requests", json=body, headers=resident.headers
        )
        assert response.status_code == 400, (field, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert field in [error["field"] for error in response.json()["errors"]], response.json()
    postcode = await client.post(
        "/api/v1/me/help-requests",
        json=request_body(neighbourhood="1091 GH"),
        headers=resident.headers,
    )
    assert postcode.status_code == 400
    assert await row_counts(db) == before


async def test_same_idempotency_key_makes_one_help_request(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    headers = {**people["resident"].headers, "Idempotency-Key": "help-3f9a2c"}
    body = request_body()
    first = await client.post("/api/v1/me/help-requests", json=body, headers=headers)
    again = await client.post("/api/v1/me/help-requests", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert len((await db.execute(select(HelpRequest))).scalars().all()) == 1
    other = await client.post(
        "/api/v1/me/help-requests", json={**body, "description": "Iets anders"}, headers=headers
    )
    assert other.status_code == 422


async def test_resident_cancels_lists_and_reports(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    here = await demo_municipality(db)
    resident = people["resident"]
    asked = [await ask_help(client, resident, description=f"Vraag {n}") for n in range(3)]
    pages, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (
            await client.get("/api/v1/me/help-requests", params=params, headers=resident.headers)
        ).json()
        pages += [item["description"] for item in page["items"]]
        if not (cursor := page["next_cursor"]):
            break
    assert pages == ["Vraag 2", "Vraag 1", "Vraag 0"]

    helper, _ = await volunteer(client, db, here, people["coordinator"])
    target = asked[0]["id"]
    await client.post(f"/api/v1/volunteer/help-requests/{target}/claim", headers=helper.headers)
    cancelled = await client.post(
        f"/api/v1/me/help-requests/{target}/cancel", headers=resident.headers
    )
    assert cancelled.json()["state"] == "cancelled"
    gone = await client.get(f"/api/v1/volunteer/help-requests/{target}", headers=helper.headers)
    assert gone.json()["state"] == "cancelled"
    assert gone.json()["contact"] is None

    reported = await client.post(
        f"/api/v1/me/help-requests/{target}/reports",
        json={"text": "De vrijwilliger was onvriendelijk"},
        headers=resident.headers,
    )
    assert reported.status_code == 201
    report = (await db.execute(select(HelpReport))).scalar_one()
    assert report.volunteer_id is not None
    seen = (
        await client.get(
            "/api/v1/admin/volunteers/help-requests/reports", headers=people["coordinator"].headers
        )
    ).json()
    assert [item["text"] for item in seen["items"]] == ["De vrijwilliger was onvriendelijk"]

    # Someone else's request: 404, nothing changed.
    stranger = await person(client, db, here, "resident")
    before = await row_counts(db)
    for response in (
        await client.get(f"/api/v1/me/help-requests/{target}", headers=stranger.headers),
        await client.post(
            f"/api/v1/me/help-requests/{asked[1]['id']}/cancel", headers=stranger.headers
        ),
        await client.post(
            f"/api/v1/me/help-requests/{target}/reports",
            json={"text": "x"},
            headers=stranger.headers,
        ),
    ):
        assert response.status_code == 404
    assert await row_counts(db) == before


async def test_profile_input_is_checked(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    here = await demo_municipality(db)
    someone = await person(client, db, here, "volunteer")
    assert (
        await client.get("/api/v1/volunteer/profile", headers=someone.headers)
    ).status_code == 404
    before = await row_counts(db)
    for body, field in (
        (profile_body(languages=["xx"]), "languages[0]"),
        (profile_body(languages=[]), "languages"),
        (profile_body(areas=["Dorpsstraat 1"]), "areas[0]"),
        (profile_body(availability=["someday"]), "availability[0]"),
        (profile_body(skills=["juggling"]), "skills[0]"),
        (profile_body(vetted=True), "vetted"),
    ):
        response = await client.put("/api/v1/volunteer/profile", json=body, headers=someone.headers)
        assert response.status_code == 400, body
        assert field in [error["field"] for error in response.json()["errors"]], response.json()
    assert await row_counts(db) == before
    # Residents and caseworkers are not volunteers.
    refused = await client.put(
        "/api/v1/volunteer/profile", json=profile_body(), headers=people["resident"].headers
    )
    assert refused.status_code == 403


async def test_coordinator_vets_suspends_and_lifts(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    here = await demo_municipality(db)
    coordinator = people["coordinator"]
    asked = await ask_help(client, people["resident"])
    helper, profile_id = await volunteer(client, db, here, coordinator)
    await client.post(
        f"/api/v1/volunteer/help-requests/{asked['id']}/claim", headers=helper.headers
    )

    before = await row_counts(db)
    for vog_date in (
        (utcnow() + timedelta(days=2)).date(),
        (utcnow() - timedelta(days=2000)).date(),
    ):
        refused = await client.put(
            f"/api/v1/admin/volunteers/{profile_id}/vetting",
            json={"vog_date": vog_date.isoformat()},
            headers=coordinator.headers,
        )
        assert refused.status_code == 400
        assert refused.json()["errors"][0]["field"] == "vog_date"
    empty = await client.put(
        f"/api/v1/admin/volunteers/{profile_id}/suspension",
        json={"reason": "  "},
        headers=coordinator.headers,
    )
    assert empty.status_code == 400
    assert await row_counts(db) == before

    suspended = await client.put(
        f"/api/v1/admin/volunteers/{profile_id}/suspension",
        json={"reason": "Complaint under investigation"},
        headers=coordinator.headers,
    )
    assert suspended.status_code == 200
    assert suspended.json()["vetting"]["state"] == "suspended"
    assert suspended.json()["open_claims"] == 0
    for path in (
        "/api/v1/volunteer/help-requests/mine",
        f"/api/v1/volunteer/help-requests/{asked['id']}",
    ):
        assert (await client.get(path, headers=helper.headers)).status_code == 403
    reopened = (
        await client.get(
            f"/api/v1/me/help-requests/{asked['id']}", headers=people["resident"].headers
        )
    ).json()
    assert reopened["state"] == "open"
    assert reopened["volunteer"] is None

    listed = (
        await client.get(
            "/api/v1/admin/volunteers", params={"state": "suspended"}, headers=coordinator.headers
        )
    ).json()
    assert [item["id"] for item in listed["items"]] == [profile_id]
    lifted = await client.delete(
        f"/api/v1/admin/volunteers/{profile_id}/suspension", headers=coordinator.headers
    )
    assert lifted.json()["vetting"]["state"] == "vetted"
    assert (
        await client.get("/api/v1/volunteer/help-requests", headers=helper.headers)
    ).status_code == 200


async def test_coordinator_sees_ageing_requests_and_reassigns(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    here = await demo_municipality(db)
    coordinator = people["coordinator"]
    old = await ask_help(client, people["resident"])
    fresh = await ask_help(client, people["resident"])
    await db.execute(
        update(HelpRequest)
        .where(HelpRequest.id == uuid.UUID(old["id"]))
        .values(created_at=utcnow() - timedelta(hours=72))
    )
    await db.commit()
    ageing = (
        await client.get(
            "/api/v1/admin/volunteers/help-requests/ageing", headers=coordinator.headers
        )
    ).json()
    assert [item["id"] for item in ageing["items"]] == [old["id"]]
    assert ageing["items"][0]["age_hours"] >= 72
    assert not leaks(str(ageing), NAME, PHONE, EMAIL)
    all_requests = (
        await client.get("/api/v1/admin/volunteers/help-requests", headers=coordinator.headers)
    ).json()
    assert {item["id"] for item in all_requests["items"]} == {old["id"], fresh["id"]}

    helper, helper_profile = await volunteer(client, db, here, coordinator)
    _unvetted, unvetted_profile = await volunteer(client, db, here, coordinator, vetted=False)
    _dutch_only, dutch_profile = await volunteer(client, db, here, coordinator, languages=["nl"])
    path = f"/api/v1/admin/volunteers/help-requests/{old['id']}/volunteer"
    before = await row_counts(db)
    for target in (unvetted_profile, dutch_profile, "00000000-0000-0000-0000-000000000000"):
        refused = await client.put(path, json={"volunteer_id": target}, headers=coordinator.headers)
        assert refused.status_code == 400, refused.text
        assert refused.json()["errors"][0]["field"] == "volunteer_id"
    assert await row_counts(db) == before
    given = await client.put(
        path, json={"volunteer_id": helper_profile}, headers=coordinator.headers
    )
    assert given.status_code == 200
    assert given.json()["state"] == "claimed"
    assert given.json()["volunteer_id"] == helper_profile
    mine = (await client.get("/api/v1/volunteer/help-requests/mine", headers=helper.headers)).json()
    assert [item["id"] for item in mine["items"]] == [old["id"]]
    reopened = await client.put(path, json={"volunteer_id": None}, headers=coordinator.headers)
    assert reopened.json()["state"] == "open"


async def test_volunteers_and_coordinators_stay_in_their_municipality(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person]
) -> None:
    here, there = await demo_municipality(db), await other_municipality(db)
    asked = await ask_help(client, people["resident"])
    _, profile_id = await volunteer(client, db, here, people["coordinator"])
    their_coordinator = await person(client, db, there, "coordinator")
    their_volunteer, _ = await volunteer(client, db, there, their_coordinator)

    listed = await client.get("/api/v1/volunteer/help-requests", headers=their_volunteer.headers)
    assert listed.json()["items"] == []
    before = await row_counts(db)
    for method, path, body in (
        ("GET", f"/api/v1/volunteer/help-requests/{asked['id']}", None),
        ("POST", f"/api/v1/volunteer/help-requests/{asked['id']}/claim", None),
    ):
        response = await client.request(method, path, json=body, headers=their_volunteer.headers)
        assert response.status_code == 404, path
    for method, path, body in (
        ("GET", f"/api/v1/admin/volunteers/{profile_id}", None),
        ("PUT", f"/api/v1/admin/volunteers/{profile_id}/vetting", {"vog_date": "2026-01-05"}),
        ("PUT", f"/api/v1/admin/volunteers/{profile_id}/suspension", {"reason": "x"}),
        ("DELETE", f"/api/v1/admin/volunteers/{profile_id}/suspension", None),
        (
            "PUT",
            f"/api/v1/admin/volunteers/help-requests/{asked['id']}/volunteer",
            {"volunteer_id": None},
        ),
    ):
        response = await client.request(method, path, json=body, headers=their_coordinator.headers)
        assert response.status_code == 404, (path, response.text)
    assert await row_counts(db) == before
    for path in (
        "/api/v1/admin/volunteers",
        "/api/v1/admin/volunteers/help-requests",
        "/api/v1/admin/volunteers/help-requests/ageing?older_than_hours=0",
        "/api/v1/admin/volunteers/help-requests/reports",
    ):
        response = await client.get(path, headers=their_coordinator.headers)
        assert response.status_code == 200
        assert profile_id not in response.text
        assert asked["id"] not in response.text


async def test_only_coordinators_use_coordinator_routes(
    client: AsyncTestClient, db: AsyncSession, people: dict[str, Person], caseworker: dict
) -> None:
    here = await demo_municipality(db)
    helper, profile_id = await volunteer(client, db, here, people["coordinator"])
    for headers in (caseworker, helper.headers, people["resident"].headers):
        for path in (
            "/api/v1/admin/volunteers",
            f"/api/v1/admin/volunteers/{profile_id}",
            "/api/v1/admin/volunteers/help-requests",
        ):
            assert (await client.get(path, headers=headers)).status_code == 403
    client.cookies.clear()
    assert (await client.get("/api/v1/admin/volunteers")).status_code == 401
