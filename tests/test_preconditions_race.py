# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Concurrent edits through every ``If-Match`` route lose nothing.

For each route family two requests with the same ``If-Match`` are sent at once through the
app. Both first read the row (a barrier holds each after its read until the other has read
too), so both pass any check made in Python; only a compare-and-set in the database can refuse
one of them. Exactly one gets 200, the other 412; what is stored is the winner's and the
version went up once.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.services_helpers import create_item, editor
from tests.support_admin import Person, demo_municipality, person
from welkom.admin import conversations as admin_conversations
from welkom.consent import service as consent_service
from welkom.core.preconditions import IfMatch, etag, parse_if_match
from welkom.core.problems import Problem
from welkom.journey import service as journey_service
from welkom.residents import service as residents_service
from welkom.residents.models import Resident
from welkom.services import service as services_service
from welkom.services import translations as services_translations

pytestmark = pytest.mark.time_dependent


def read_together(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
    """Make the first two calls of ``module.name`` wait for each other after reading."""
    original: Callable[..., Awaitable[Any]] = getattr(module, name)
    barrier = asyncio.Barrier(2)
    calls = 0

    @functools.wraps(original)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        result = await original(*args, **kwargs)
        if calls <= 2:
            await asyncio.wait_for(barrier.wait(), timeout=10)
        return result

    monkeypatch.setattr(module, name, wrapper)


Send = Callable[[httpx.AsyncClient], list[Awaitable[httpx.Response]]]


def race(client: AsyncTestClient, send: Send) -> list[httpx.Response]:
    """Send ``send``'s requests side by side. The test client runs the app on its own event loop
    and handles one request at a time, so they go from a second client on that same loop."""

    async def side_by_side() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=client.app)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            return list(await asyncio.gather(*send(c)))

    responses = client.blocking_portal.call(side_by_side)
    assert sorted(r.status_code for r in responses) == [200, 412], [r.text for r in responses]
    (lost,) = [r for r in responses if r.status_code == 412]
    assert lost.json()["type"] == "urn:welkom:problem:precondition-failed"
    return responses


def winner(responses: list[httpx.Response]) -> int:
    return next(i for i, r in enumerate(responses) if r.status_code == 200)


# --- Parsing -----------------------------------------------------------------------------------


def test_if_match_is_parsed_with_strong_comparison() -> None:
    assert parse_if_match(None) is None
    assert parse_if_match(" * ") == IfMatch(any=True, versions=frozenset())
    assert parse_if_match('"v3"') == IfMatch(any=False, versions=frozenset({3}))
    assert parse_if_match('"v3", "v5"').versions == frozenset({3, 5})  # type: ignore[union-attr]
    weak = parse_if_match('W/"v3"')
    assert weak is not None
    assert not weak.allows(3)
    foreign = parse_if_match('"3", "abc", "v01"')
    assert foreign is not None
    assert foreign.versions == frozenset()
    assert etag(7) == '"v7"'
    assert parse_if_match(etag(7)).allows(7)  # type: ignore[union-attr]


@pytest.mark.parametrize("value", ["v3", '"v3', '"v3" "v4"', '"v3",,', "", "W/", '"v3";x'])
def test_a_malformed_if_match_is_a_validation_problem(value: str) -> None:
    with pytest.raises(Problem) as raised:
        parse_if_match(value)
    assert raised.value.status_code == 400


# --- Admin conversations -----------------------------------------------------------------------


@pytest.fixture
async def office(client: AsyncTestClient, db: AsyncSession) -> dict[str, Person]:
    here = await demo_municipality(db)
    return {
        "resident": await person(client, db, here, "resident", name="Amira", language="ar"),
        "caseworker": await person(client, db, here, "caseworker", name="Sanne"),
        "colleague": await person(client, db, here, "caseworker", name="Joris"),
    }


async def test_two_simultaneous_conversation_edits_let_one_through(
    client: AsyncTestClient,
    office: dict[str, Person],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = await client.post(
        "/api/v1/me/questions",
        json={"text": "Wanneer krijg ik een huis?", "language": "ar"},
        headers=office["resident"].headers,
    )
    assert asked.status_code == 201, asked.text
    url = f"/api/v1/admin/conversations/{asked.json()['id']}"
    headers = office["caseworker"].headers
    first = await client.put(  # the conversation row exists from the first change on
        f"{url}/waiting-for", json={"waiting_for": "resident"}, headers=headers
    )
    assert first.status_code == 200, first.text
    before = (await client.get(url, headers=headers)).json()
    assert before["version"] == first.json()["version"]
    if_match = {**headers, "If-Match": etag(before["version"])}
    read_together(monkeypatch, admin_conversations, "conversation_row")

    responses = race(
        client,
        lambda parallel: [
            parallel.put(f"{url}/waiting-for", json={"waiting_for": "nobody"}, headers=if_match),
            parallel.put(
                f"{url}/assignment",
                json={"account_id": str(office["colleague"].account_id)},
                headers=if_match,
            ),
        ],
    )
    after = (await client.get(url, headers=headers)).json()
    assert after["version"] == before["version"] + 1
    if winner(responses) == 0:
        assert (after["waiting_for"], after["assigned_to"]) == ("nobody", None)
    else:
        assert after["waiting_for"] == before["waiting_for"]
        assert after["assigned_to"]["account_id"] == str(office["colleague"].account_id)
    assert responses[winner(responses)].json() == after


async def test_a_conversation_read_at_version_0_can_be_changed_with_that_version(
    client: AsyncTestClient, office: dict[str, Person]
) -> None:
    asked = await client.post(
        "/api/v1/me/questions",
        json={"text": "Waar is het loket?", "language": "ar"},
        headers=office["resident"].headers,
    )
    url = f"/api/v1/admin/conversations/{asked.json()['id']}"
    headers = office["caseworker"].headers
    assert (await client.get(url, headers=headers)).json()["version"] == 0
    changed = await client.put(
        f"{url}/waiting-for",
        json={"waiting_for": "other_party"},
        headers={**headers, "If-Match": etag(0)},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["version"] == 1
    stale = await client.put(
        f"{url}/waiting-for",
        json={"waiting_for": "nobody"},
        headers={**headers, "If-Match": etag(0)},
    )
    assert stale.status_code == 412


# --- Services ----------------------------------------------------------------------------------


async def test_two_simultaneous_service_item_edits_let_one_through(
    client: AsyncTestClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    staff = await editor(client)
    item = await create_item(client, staff)
    url = f"/api/v1/admin/services/{item['id']}"
    read = await client.get(url, headers=staff)
    assert read.headers["etag"] == etag(item["version"])
    if_match = {**staff, "If-Match": read.headers["etag"]}
    read_together(monkeypatch, services_service, "get_item")

    responses = race(
        client,
        lambda parallel: [
            parallel.patch(url, json={"title": "Fietsenmaker Noord"}, headers=if_match),
            parallel.patch(url, json={"title": "Fietsenmaker Zuid"}, headers=if_match),
        ],
    )
    after = await client.get(url, headers=staff)
    assert after.json()["version"] == item["version"] + 1
    assert after.headers["etag"] == etag(item["version"] + 1)
    titles = {t["language"]: t["text"] for t in after.json()["texts"]["title"]}
    assert titles["nl"] == ("Fietsenmaker Noord", "Fietsenmaker Zuid")[winner(responses)]


async def test_publishing_while_an_edit_is_saved_lets_one_through(
    client: AsyncTestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Publishing sends no ``If-Match`` but claims the version it read the same way: an edit
    saved at the same moment is not published unseen, nor does it lose the version bump."""
    staff = await editor(client)
    item = await create_item(client, staff)
    url = f"/api/v1/admin/services/{item['id']}"
    if_match = {**staff, "If-Match": etag(item["version"])}
    read_together(monkeypatch, services_service, "get_item")

    responses = race(
        client,
        lambda parallel: [
            parallel.post(f"{url}/publish", headers=staff),
            parallel.patch(url, json={"title": "Fietsenmaker Oost"}, headers=if_match),
        ],
    )
    after = (await client.get(url, headers=staff)).json()
    assert after["version"] == item["version"] + 1
    title = next(t["text"] for t in after["texts"]["title"] if t["language"] == "nl")
    if winner(responses) == 0:
        assert (after["status"], after["published_version"], title) == (
            "published",
            after["version"],
            "Fietsenmaker in de wijk",
        )
    else:
        assert (after["status"], title) == ("draft", "Fietsenmaker Oost")


async def test_a_stale_weak_or_missing_if_match_on_a_service_item_changes_nothing(
    client: AsyncTestClient,
) -> None:
    staff = await editor(client)
    item = await create_item(client, staff)
    url = f"/api/v1/admin/services/{item['id']}"
    for value, status in (('W/"v1"', 412), ('"v2"', 412), ('"1"', 412), ("v1", 400)):
        refused = await client.patch(
            url, json={"title": "Anders"}, headers={**staff, "If-Match": value}
        )
        assert refused.status_code == status, (value, refused.text)
    missing = await client.patch(url, json={"title": "Anders"}, headers=staff)
    assert missing.status_code == 428, missing.text
    assert missing.json()["type"] == "urn:welkom:problem:precondition-required"
    assert (await client.get(url, headers=staff)).json()["version"] == item["version"]


PLACE = {
    "street": "Veiligheidsplein",
    "house_number": "2",
    "postal_code": "3811 PP",
    "city": "Welkom",
    "latitude": 52.1,
    "longitude": 5.1,
}


async def test_two_simultaneous_place_replacements_let_one_through(
    client: AsyncTestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = await editor(client)
    places = (await client.get("/api/v1/admin/services/places", headers=staff)).json()
    place = places[0]
    url = f"/api/v1/admin/services/places/{place['id']}"
    read = await client.get(url, headers=staff)
    assert read.headers["etag"] == etag(place["version"])
    if_match = {**staff, "If-Match": read.headers["etag"]}
    read_together(monkeypatch, services_service, "get_place")

    responses = race(
        client,
        lambda parallel: [
            parallel.put(url, json={**PLACE, "name": "Loket Noord"}, headers=if_match),
            parallel.put(
                url, json={**PLACE, "name": "Loket Zuid", "phone": "0301234567"}, headers=if_match
            ),
        ],
    )
    after = await client.get(url, headers=staff)
    assert after.json()["version"] == place["version"] + 1
    assert after.headers["etag"] == etag(place["version"] + 1)
    names = {t["language"]: t["text"] for t in after.json()["texts"]["name"]}
    assert (names["nl"], after.json()["phone"]) == (
        ("Loket Noord", None),
        ("Loket Zuid", "0301234567"),
    )[winner(responses)]


async def test_a_place_is_replaced_only_with_a_current_if_match(client: AsyncTestClient) -> None:
    staff = await editor(client)
    place = (await client.get("/api/v1/admin/services/places", headers=staff)).json()[0]
    url = f"/api/v1/admin/services/places/{place['id']}"
    body = {**PLACE, "name": "Anders"}
    missing = await client.put(url, json=body, headers=staff)
    assert missing.status_code == 428
    assert missing.json()["type"] == "urn:welkom:problem:precondition-required"
    for value, status in (('W/"v1"', 412), (etag(place["version"] + 1), 412), ("v1", 400)):
        refused = await client.put(url, json=body, headers={**staff, "If-Match": value})
        assert refused.status_code == status, (value, refused.text)
    after = (await client.get(url, headers=staff)).json()
    assert after == place


async def test_two_simultaneous_translation_submits_let_one_through(
    client: AsyncTestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = await editor(client)
    listed = (
        await client.get("/api/v1/admin/translations", params={"language": "en"}, headers=staff)
    ).json()
    entry = next(e for e in listed if e["state"] is not None and e["field"] == "title")
    url = f"/api/v1/admin/translations/{entry['owner_id']}/{entry['field']}/en"
    if_match = {**staff, "If-Match": etag(entry["version"])}
    read_together(monkeypatch, services_translations, "_existing")

    responses = race(
        client,
        lambda parallel: [
            parallel.put(url, json={"text": "Counter North"}, headers=if_match),
            parallel.put(url, json={"text": "Counter South"}, headers=if_match),
        ],
    )
    again = (
        await client.get("/api/v1/admin/translations", params={"language": "en"}, headers=staff)
    ).json()
    (after,) = [
        e for e in again if (e["owner_id"], e["field"]) == (entry["owner_id"], entry["field"])
    ]
    assert after["version"] == entry["version"] + 1
    assert after["text"] == ("Counter North", "Counter South")[winner(responses)]


async def test_two_simultaneous_first_translations_let_one_through(
    client: AsyncTestClient, db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = await editor(client)
    item = await create_item(client, staff)  # Dutch only
    url = f"/api/v1/admin/translations/{item['id']}/title/en"
    if_match = {**staff, "If-Match": etag(0)}
    read_together(monkeypatch, services_translations, "_existing")

    responses = race(
        client,
        lambda parallel: [
            parallel.put(url, json={"text": "Bike repair"}, headers=if_match),
            parallel.put(url, json={"text": "Bicycle repair"}, headers=if_match),
        ],
    )
    listed = (
        await client.get("/api/v1/admin/translations", params={"language": "en"}, headers=staff)
    ).json()
    (after,) = [e for e in listed if (e["owner_id"], e["field"]) == (item["id"], "title")]
    assert (after["version"], after["text"]) == (
        1,
        ("Bike repair", "Bicycle repair")[winner(responses)],
    )


# --- Journey and consent texts -----------------------------------------------------------------


async def test_two_simultaneous_journey_text_changes_let_one_through(
    client: AsyncTestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two translators save different languages of one step at once: the step's texts are one
    JSON value, so without the compare-and-set the later write would drop the other's."""
    staff = await editor(client)
    listed = await client.get("/api/v1/admin/journey-texts?language=uk", headers=staff)
    step = next(s for s in listed.json() if s["key"] == "bank_account")
    url = "/api/v1/admin/journey-texts/bank_account"
    if_match = {**staff, "If-Match": etag(step["version"])}
    read_together(monkeypatch, journey_service, "_template_steps")

    responses = race(
        client,
        lambda parallel: [
            parallel.put(f"{url}/uk", json={"title": "Рахунок", "text": "Банк."}, headers=if_match),
            parallel.put(f"{url}/ar", json={"title": "حساب", "text": "بنك."}, headers=if_match),
        ],
    )
    uk = next(
        s
        for s in (await client.get("/api/v1/admin/journey-texts?language=uk", headers=staff)).json()
        if s["key"] == "bank_account"
    )
    ar = next(
        s
        for s in (await client.get("/api/v1/admin/journey-texts?language=ar", headers=staff)).json()
        if s["key"] == "bank_account"
    )
    assert uk["version"] == step["version"] + 1
    if winner(responses) == 0:
        assert uk["title"] == "Рахунок"
        assert ar["title"] != "حساب"
    else:
        assert ar["title"] == "حساب"
        assert uk["title"] == step["title"]


async def test_two_simultaneous_consent_text_changes_let_one_through(
    client: AsyncTestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = await editor(client)
    listed = await client.get("/api/v1/admin/consent-texts?language=en", headers=staff)
    text = listed.json()[0]
    url = f"/api/v1/admin/consent-texts/{text['purpose']}/en"
    if_match = {**staff, "If-Match": etag(text["version"])}
    read_together(monkeypatch, consent_service, "_current_version")

    responses = race(
        client,
        lambda parallel: [
            parallel.put(
                url,
                json={"title": "Sharing", "body": "North.", "state": "translated"},
                headers=if_match,
            ),
            parallel.put(
                url,
                json={"title": "Sharing", "body": "South.", "state": "translated"},
                headers=if_match,
            ),
        ],
    )
    again = await client.get("/api/v1/admin/consent-texts?language=en", headers=staff)
    after = next(t for t in again.json() if t["purpose"] == text["purpose"])
    assert after["version"] == text["version"] + 1
    assert after["body"] == ("North.", "South.")[winner(responses)]


def read_after_the_first_is_done(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str, done: asyncio.Event
) -> None:
    """Make every request but the first that calls ``module.name`` call it only once ``done``
    is set (when the first request has its answer, so its change is committed)."""
    original: Callable[..., Awaitable[Any]] = getattr(module, name)
    first: asyncio.Task[Any] | None = None

    @functools.wraps(original)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal first
        first = first or asyncio.current_task()
        if asyncio.current_task() is not first:
            await asyncio.wait_for(done.wait(), timeout=10)
        return await original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)


@pytest.mark.parametrize("second_reads", ["together", "after_the_first_committed"])
async def test_two_editors_adding_the_same_missing_consent_language_let_one_through(
    client: AsyncTestClient, monkeypatch: pytest.MonkeyPatch, second_reads: str
) -> None:
    """Adding a language the current version lacks keeps the version (residents who agreed are
    not asked again), so both editors name the same version before and after the first one's
    translation is in. With ``If-None-Match: *`` the first translation stays and the second
    editor gets 412, whether both found the language missing (the unique key decides) or the
    second looked after the first had committed (the condition decides)."""
    staff = await editor(client)
    listed = await client.get("/api/v1/admin/consent-texts?language=uk", headers=staff)
    text = listed.json()[0]
    reworded = await client.put(  # new Dutch wording: a version with only the Dutch text
        f"/api/v1/admin/consent-texts/{text['purpose']}/nl",
        json={"title": text["source_title"], "body": text["source_body"] + " Aangepast."},
        headers={**staff, "If-Match": etag(text["version"])},
    )
    assert reworded.status_code == 200, reworded.text
    version = reworded.json()["version"]
    url = f"/api/v1/admin/consent-texts/{text['purpose']}/uk"
    headers = {**staff, "If-Match": etag(version), "If-None-Match": "*"}
    read_together(monkeypatch, consent_service, "_current_version")
    done = asyncio.Event()
    if second_reads == "together":
        read_together(monkeypatch, consent_service, "_texts_of_version")
    else:
        read_after_the_first_is_done(monkeypatch, consent_service, "_texts_of_version", done)

    async def put(parallel: httpx.AsyncClient, body: str) -> httpx.Response:
        response = await parallel.put(
            url, json={"title": "Згода", "body": body, "state": "translated"}, headers=headers
        )
        done.set()
        return response

    responses = race(client, lambda parallel: [put(parallel, "Північ."), put(parallel, "Південь.")])
    again = await client.get("/api/v1/admin/consent-texts?language=uk", headers=staff)
    after = next(t for t in again.json() if t["purpose"] == text["purpose"])
    assert (after["version"], after["outdated"]) == (version, False)
    assert after["body"] == ("Північ.", "Південь.")[winner(responses)]


# --- Residents ---------------------------------------------------------------------------------


async def test_two_simultaneous_corrections_of_own_data_let_one_through(
    client: AsyncTestClient,
    resident: dict,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = await client.get("/api/v1/me", headers=resident)
    if_match = {**resident, "If-Match": read.headers["etag"]}
    read_together(monkeypatch, residents_service, "get_own")

    responses = race(
        client,
        lambda parallel: [
            parallel.patch("/api/v1/me", json={"preferred_name": "Ami"}, headers=if_match),
            parallel.patch("/api/v1/me", json={"preferred_name": "Mala"}, headers=if_match),
        ],
    )
    after = await client.get("/api/v1/me", headers=resident)
    assert after.json()["version"] == read.json()["version"] + 1
    assert after.json()["preferred_name"] == ("Ami", "Mala")[winner(responses)]


async def test_two_simultaneous_household_member_edits_let_one_through(
    client: AsyncTestClient,
    resident: dict,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    member = (await client.get("/api/v1/me/household", headers=resident)).json()[0]
    url = f"/api/v1/me/household/{member['id']}"
    if_match = {**resident, "If-Match": etag(member["version"])}
    read_together(monkeypatch, residents_service, "_own_member")

    responses = race(
        client,
        lambda parallel: [
            parallel.patch(url, json={"school": "De Regenboog"}, headers=if_match),
            parallel.patch(url, json={"school": "De Klimop"}, headers=if_match),
        ],
    )
    (after,) = [
        m
        for m in (await client.get("/api/v1/me/household", headers=resident)).json()
        if m["id"] == member["id"]
    ]
    assert after["version"] == member["version"] + 1
    assert after["school"] == ("De Regenboog", "De Klimop")[winner(responses)]


async def test_two_simultaneous_registered_data_records_let_one_through(
    client: AsyncTestClient,
    db: AsyncSession,
    caseworker: dict,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    amal = (
        await db.execute(select(Resident).where(Resident.preferred_name == "Amal"))
    ).scalar_one()
    url = f"/api/v1/admin/residents/{amal.id}"
    before = (await client.get(url, headers=caseworker)).json()
    if_match = {**caseworker, "If-Match": etag(before["version"])}
    read_together(monkeypatch, residents_service, "get_for_caseworker")

    def record(parallel: httpx.AsyncClient, bsn: str) -> Awaitable[httpx.Response]:
        body = {"legal_basis": "Wet BRP art. 2.1", "bsn": bsn, "bsn_source": "BRP"}
        return parallel.put(f"{url}/registered-data", json=body, headers=if_match)

    responses = race(client, lambda c: [record(c, "111222333"), record(c, "123456782")])
    after = (await client.get(url, headers=caseworker)).json()
    assert after["version"] == before["version"] + 1
    history = (await client.get(f"{url}/history", headers=caseworker)).json()["items"]
    bsn_changes = [c for c in history if c["field"] == "bsn"]
    assert len(bsn_changes) == 1
    assert bsn_changes[0]["new_value"] == ("111222333", "123456782")[winner(responses)]


# --- Journey -----------------------------------------------------------------------------------


async def test_two_simultaneous_journey_step_edits_let_one_through(
    client: AsyncTestClient,
    db: AsyncSession,
    caseworker: dict,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    amal = (
        await db.execute(select(Resident).where(Resident.preferred_name == "Amal"))
    ).scalar_one()
    base = f"/api/v1/admin/residents/{amal.id}/journey"
    step = (await client.get(base, headers=caseworker)).json()["steps"][0]
    url = f"{base}/steps/{step['id']}"
    if_match = {**caseworker, "If-Match": etag(step["version"])}
    read_together(monkeypatch, residents_service, "get_for_caseworker")

    responses = race(
        client,
        lambda parallel: [
            parallel.patch(url, json={"note": "Bel de bank"}, headers=if_match),
            parallel.patch(url, json={"note": "Ga naar het loket"}, headers=if_match),
        ],
    )
    steps = (await client.get(base, headers=caseworker)).json()["steps"]
    (after,) = [s for s in steps if s["id"] == step["id"]]
    assert after["version"] == step["version"] + 1
    assert after["note"] == ("Bel de bank", "Ga naar het loket")[winner(responses)]
