# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Passkeys (WebAuthn): adding, listing and removing them, and signing in with one; each
refusal is a localized problem that changes nothing. A software authenticator produces real
attestations and assertions (tests/passkey_authenticator.py)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.auth_fixtures import World, build_world
from tests.conftest import login, row_counts
from tests.passkey_authenticator import AT, UP, SoftAuthenticator
from welkom.auth.models import Account
from welkom.auth.passkey_models import Passkey, PasskeyChallenge
from welkom.core.settings import Settings

pytestmark = pytest.mark.time_dependent

RP_ID = "localhost"  # from the test settings' public_base_url
ORIGIN = "http://localhost:8000"


@pytest.fixture
async def world(db: AsyncSession, seeded: None) -> World:
    return await build_world(db)


def authenticator() -> SoftAuthenticator:
    return SoftAuthenticator(rp_id=RP_ID, origin=ORIGIN)


async def add_passkey(
    client: AsyncTestClient,
    headers: dict[str, str],
    device: SoftAuthenticator,
    name: str = "Mijn telefoon",
    **create: Any,
):
    options = await client.post("/api/v1/auth/passkeys/registration-options", headers=headers)
    assert options.status_code == 200, options.text
    body = options.json()
    return await client.post(
        "/api/v1/auth/passkeys",
        headers=headers,
        json={
            "ceremony_id": body["ceremony_id"],
            "name": name,
            "credential": device.create(body["public_key"], **create),
        },
    )


async def sign_in_options(client: AsyncTestClient) -> dict[str, Any]:
    response = await client.post("/api/v1/auth/passkey-login/options", json={})
    assert response.status_code == 200, response.text
    return response.json()


async def passkey_sign_in(client: AsyncTestClient, ceremony: dict[str, Any], credential: dict):
    client.cookies.clear()
    return await client.post(
        "/api/v1/auth/passkey-login",
        json={"ceremony_id": ceremony["ceremony_id"], "credential": credential},
        headers={"Accept-Language": "nl"},
    )


async def stored(db: AsyncSession) -> list[tuple[str, int, Any]]:
    db.expire_all()
    found = await db.execute(select(Passkey).order_by(Passkey.created_at))
    return [(p.credential_id, p.sign_count, p.last_used_at) for p in found.scalars()]


async def test_resident_adds_passkeys_signs_out_and_signs_in_with_one(
    client: AsyncTestClient, db: AsyncSession, settings: Settings
) -> None:
    headers = await login(client, "demo-resident")
    options = await client.post("/api/v1/auth/passkeys/registration-options", headers=headers)
    public_key = options.json()["public_key"]
    assert public_key["rp"]["id"] == RP_ID
    assert public_key["authenticatorSelection"]["userVerification"] == "required"
    phone, laptop = authenticator(), authenticator()
    added = await add_passkey(client, headers, phone)
    assert added.status_code == 201, added.text
    assert added.json()["name"] == "Mijn telefoon"
    assert (await add_passkey(client, headers, laptop, name="Laptop")).status_code == 201
    listed = (await client.get("/api/v1/auth/passkeys", headers=headers)).json()
    assert [p["name"] for p in listed] == ["Mijn telefoon", "Laptop"]
    assert all(p["last_used_at"] is None and p["created_at"] for p in listed)
    # a second registration excludes the passkeys the resident already has
    again = await client.post("/api/v1/auth/passkeys/registration-options", headers=headers)
    assert len(again.json()["public_key"]["excludeCredentials"]) == 2

    assert (await client.post("/api/v1/auth/logout", headers=headers)).status_code == 204
    assert (await client.get("/api/v1/auth/session", headers=headers)).status_code == 401

    ceremony = await sign_in_options(client)
    assert ceremony["public_key"]["userVerification"] == "required"
    assert ceremony["public_key"]["rpId"] == RP_ID
    response = await passkey_sign_in(client, ceremony, phone.get(ceremony["public_key"]))
    assert response.status_code == 200, response.text
    account = (
        await db.execute(select(Account).where(Account.demo_login == "demo-resident"))
    ).scalar_one()
    assert response.json()["account_id"] == str(account.id)
    assert settings.session.cookie_name in client.cookies
    session = await client.get("/api/v1/auth/session")
    assert session.status_code == 200
    assert session.json()["roles"] == ["resident"]
    listed = (await client.get("/api/v1/auth/passkeys")).json()  # with the new session cookie
    assert listed[0]["last_used_at"] is not None
    assert listed[1]["last_used_at"] is None
    rows = await stored(db)
    assert rows[0][1] == 1
    assert rows[0][2] is not None
    assert rows[1][2] is None


async def test_replayed_assertion_is_refused_and_changes_nothing(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    headers = await login(client, "demo-resident")
    phone = authenticator()
    assert (await add_passkey(client, headers, phone)).status_code == 201
    ceremony = await sign_in_options(client)
    assertion = phone.get(ceremony["public_key"])
    assert (await passkey_sign_in(client, ceremony, assertion)).status_code == 200
    before, passkeys = await row_counts(db), await stored(db)

    replay = await passkey_sign_in(client, ceremony, assertion)
    assert replay.status_code == 400
    assert replay.json()["type"] == "urn:welkom:problem:passkey-challenge-invalid"
    assert replay.headers["content-language"] == "nl"
    # the same assertion against a fresh challenge: its signature covers the old one
    fresh = await sign_in_options(client)
    before = await row_counts(db)
    refused = await passkey_sign_in(client, fresh, assertion)
    assert refused.status_code == 401
    assert refused.json()["type"] == "urn:welkom:problem:passkey-refused"
    assert await row_counts(db) == before
    assert await stored(db) == passkeys


@pytest.mark.parametrize(
    "forgery",
    [
        {"origin": "https://welkom.example.evil"},
        {"rp_id": "welkom.example.evil"},
        {"flags": UP},  # no user verification
    ],
    ids=["foreign-origin", "foreign-rp", "no-user-verification"],
)
async def test_foreign_or_unverified_assertion_is_refused(
    client: AsyncTestClient, db: AsyncSession, forgery: dict[str, Any]
) -> None:
    headers = await login(client, "demo-resident")
    phone = authenticator()
    assert (await add_passkey(client, headers, phone)).status_code == 201
    ceremony = await sign_in_options(client)
    before, passkeys = await row_counts(db), await stored(db)
    response = await passkey_sign_in(client, ceremony, phone.get(ceremony["public_key"], **forgery))
    assert response.status_code == 401
    assert response.json()["title"] == "Passkey niet geaccepteerd"
    assert await row_counts(db) == before
    assert await stored(db) == passkeys


async def test_signature_counter_going_backwards_is_refused(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    headers = await login(client, "demo-resident")
    phone = authenticator()
    assert (await add_passkey(client, headers, phone)).status_code == 201
    ceremony = await sign_in_options(client)
    ok = await passkey_sign_in(client, ceremony, phone.get(ceremony["public_key"], counter=5))
    assert ok.status_code == 200
    ceremony = await sign_in_options(client)
    before, passkeys = await row_counts(db), await stored(db)
    cloned = await passkey_sign_in(client, ceremony, phone.get(ceremony["public_key"], counter=3))
    assert cloned.status_code == 401
    assert await row_counts(db) == before
    assert await stored(db) == passkeys
    assert passkeys[0][1] == 5


async def test_unknown_credential_is_refused(client: AsyncTestClient, db: AsyncSession) -> None:
    headers = await login(client, "demo-resident")
    assert (await add_passkey(client, headers, authenticator())).status_code == 201
    stranger = authenticator()
    stranger.user_handle = uuid.uuid4().bytes
    ceremony = await sign_in_options(client)
    before = await row_counts(db)
    response = await passkey_sign_in(client, ceremony, stranger.get(ceremony["public_key"]))
    assert response.status_code == 401
    assert response.json()["type"] == "urn:welkom:problem:passkey-refused"
    assert await row_counts(db) == before


async def test_passkey_of_another_account_or_municipality_is_refused(
    client: AsyncTestClient, db: AsyncSession, world: World
) -> None:
    own = await login(client, "demo-resident")
    elsewhere = await login(client, "other-resident")
    phone, farid = authenticator(), authenticator()
    assert (await add_passkey(client, own, phone)).status_code == 201
    assert (await add_passkey(client, elsewhere, farid)).status_code == 201
    farid_account_id = (
        await db.execute(select(Account.id).where(Account.demo_login == "other-resident"))
    ).scalar_one()
    ceremony = await sign_in_options(client)
    before, passkeys = await row_counts(db), await stored(db)
    # Amal's passkey presented as Farid's account (another account, another municipality)
    response = await passkey_sign_in(
        client, ceremony, phone.get(ceremony["public_key"], user_handle=farid_account_id.bytes)
    )
    assert response.status_code == 401
    assert await row_counts(db) == before
    assert await stored(db) == passkeys

    # a registration started by one account cannot be finished by another
    options = await client.post("/api/v1/auth/passkeys/registration-options", headers=own)
    body = options.json()
    before = await row_counts(db)
    hijack = await client.post(
        "/api/v1/auth/passkeys",
        headers=elsewhere,
        json={
            "ceremony_id": body["ceremony_id"],
            "credential": authenticator().create(body["public_key"]),
        },
    )
    assert hijack.status_code == 400
    assert await row_counts(db) == before
    # nor can one resident register a credential another resident already has
    taken = await add_passkey(client, own, farid)
    assert taken.status_code == 409
    assert await stored(db) == passkeys


async def test_registration_needs_user_verification_and_a_fresh_challenge(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    headers = await login(client, "demo-resident")
    before = await row_counts(db)
    refused = await add_passkey(client, headers, authenticator(), flags=UP | AT)
    assert refused.status_code == 400
    assert refused.json()["type"] == "urn:welkom:problem:passkey-registration-refused"
    foreign = await add_passkey(client, headers, authenticator(), origin="https://evil.example")
    assert foreign.status_code == 400
    after = await row_counts(db)
    assert after["passkey"] == before["passkey"] == 0
    # a ceremony id that was never issued, and a spent one
    options = (
        await client.post("/api/v1/auth/passkeys/registration-options", headers=headers)
    ).json()
    credential = authenticator().create(options["public_key"])
    first = await client.post(
        "/api/v1/auth/passkeys",
        headers=headers,
        json={"ceremony_id": options["ceremony_id"], "credential": credential},
    )
    assert first.status_code == 201
    second = await client.post(
        "/api/v1/auth/passkeys",
        headers=headers,
        json={"ceremony_id": options["ceremony_id"], "credential": credential},
    )
    assert second.status_code == 400
    unknown = await client.post(
        "/api/v1/auth/passkeys",
        headers=headers,
        json={"ceremony_id": str(uuid.uuid4()), "credential": credential},
    )
    assert unknown.status_code == 400
    malformed = await client.post(
        "/api/v1/auth/passkeys",
        headers=headers,
        json={
            "ceremony_id": (
                await client.post("/api/v1/auth/passkeys/registration-options", headers=headers)
            ).json()["ceremony_id"],
            "credential": {"id": 3, "response": "x"},
        },
    )
    assert malformed.status_code == 400
    assert (await row_counts(db))["passkey"] == 1


async def test_challenges_expire(client: AsyncTestClient, db: AsyncSession, settings) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from welkom.core.models import utcnow

    headers = await login(client, "demo-resident")
    phone = authenticator()
    assert (await add_passkey(client, headers, phone)).status_code == 201
    ceremony = await sign_in_options(client)
    await db.execute(
        update(PasskeyChallenge)
        .where(PasskeyChallenge.id == uuid.UUID(ceremony["ceremony_id"]))
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    await db.commit()
    response = await passkey_sign_in(client, ceremony, phone.get(ceremony["public_key"]))
    assert response.status_code == 400
    assert response.json()["type"] == "urn:welkom:problem:passkey-challenge-invalid"


async def test_resident_removes_own_passkey_only(
    client: AsyncTestClient, db: AsyncSession, world: World
) -> None:
    own = await login(client, "demo-resident")
    elsewhere = await login(client, "other-resident")
    phone = authenticator()
    assert (await add_passkey(client, own, phone)).status_code == 201
    passkey_id = (await client.get("/api/v1/auth/passkeys", headers=own)).json()[0]["id"]
    assert (await client.get("/api/v1/auth/passkeys", headers=elsewhere)).json() == []
    foreign = await client.delete(f"/api/v1/auth/passkeys/{passkey_id}", headers=elsewhere)
    assert foreign.status_code == 404
    assert len(await stored(db)) == 1
    caseworker = await login(client, "demo-caseworker")
    assert (await client.get("/api/v1/auth/passkeys", headers=caseworker)).status_code == 403
    removed = await client.delete(f"/api/v1/auth/passkeys/{passkey_id}", headers=own)
    assert removed.status_code == 204
    assert await stored(db) == []
    ceremony = await sign_in_options(client)
    response = await passkey_sign_in(client, ceremony, phone.get(ceremony["public_key"]))
    assert response.status_code == 401


async def test_export_lists_passkeys_and_erasure_deletes_them(
    client: AsyncTestClient, db: AsyncSession, settings: Settings, world: World
) -> None:
    from tests.residents_support import principal_for
    from welkom.gdpr import service as gdpr

    own = await login(client, "demo-resident")
    elsewhere = await login(client, "other-resident")
    assert (await add_passkey(client, own, authenticator())).status_code == 201
    assert (await add_passkey(client, elsewhere, authenticator())).status_code == 201
    # a registration started and never finished leaves a challenge bound to the account
    assert (
        await client.post("/api/v1/auth/passkeys/registration-options", headers=own)
    ).status_code == 200
    export = await client.get("/api/v1/me/export", headers=own)
    assert export.status_code == 200, export.text
    exported = export.json()["tables"]["passkey"]
    assert [p["name"] for p in exported] == ["Mijn telefoon"]
    assert "public_key" not in exported[0]
    assert "credential_id" not in exported[0]

    request = await client.post("/api/v1/me/erasure-request", json={}, headers=own)
    assert request.status_code == 201, request.text
    records = await principal_for(client, db, settings, "demo-records-manager")
    done = await gdpr.complete_erasure(db, records, uuid.UUID(request.json()["id"]))
    assert done.outcome["passkey"]["deleted"] == 1
    db.expire_all()
    remaining = (await db.execute(select(Passkey))).scalars().all()
    farid = (
        await db.execute(select(Account).where(Account.demo_login == "other-resident"))
    ).scalar_one()
    assert [p.account_id for p in remaining] == [farid.id]


async def test_passkey_sign_in_counts_against_the_login_limit(
    database_url: str, seeded: None
) -> None:
    from tests.conftest import make_settings
    from welkom.app import create_app

    settings = make_settings(
        database_url, rate_limit_logins=2, secret_key=f"passkey-limit-{uuid.uuid4().hex}"
    )
    async with AsyncTestClient(app=create_app(settings)) as client:
        for _ in range(2):
            assert (
                await client.post("/api/v1/auth/passkey-login/options", json={})
            ).status_code == 200
        refused = await client.post("/api/v1/auth/passkey-login/options", json={})
        assert refused.status_code == 429
        answer = await client.post(
            "/api/v1/auth/passkey-login",
            json={"ceremony_id": str(uuid.uuid4()), "credential": {}},
        )
        assert answer.status_code == 429
