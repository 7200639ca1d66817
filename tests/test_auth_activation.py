# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Activation codes: issue → redeem → signed in; spent, expired, wrong and guessed codes fail."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from tests.auth_fixtures import World, bearer, build_world
from tests.conftest import login, make_settings, row_counts
from welkom.app import create_app
from welkom.auth.activation import normalize
from welkom.auth.models import Account, ActivationCode, AuthAttempt
from welkom.core.models import utcnow
from welkom.core.settings import Settings

pytestmark = pytest.mark.time_dependent


@pytest.fixture
async def world(db: AsyncSession, seeded: None) -> World:
    return await build_world(db)


async def issue(client: AsyncTestClient, world: World, resident_id=None) -> dict:
    headers = await bearer(client, "caseworker")
    response = await client.post(
        f"/api/v1/admin/residents/{resident_id or world.same_municipality_resident_id}"
        "/activation-codes",
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return response.json()


async def redeem(client: AsyncTestClient, code: str, **extra):
    client.cookies.clear()
    return await client.post("/api/v1/auth/activation", json={"code": code, **extra})


async def test_issue_redeem_and_sign_in(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    issued = await issue(client, world)
    code = issued["code"]
    assert len(code) == 24
    assert code.count("-") == 4
    # The QR code opens the resident app with the code in the fragment: never sent to a server.
    link = urlsplit(issued["qr_payload"])
    assert (link.scheme, link.path, link.query) == ("http", "/", "")
    assert link.fragment == "/activate?code=" + code
    # Only a keyed hash is stored, never the code.
    stored = (await db.execute(select(ActivationCode))).scalar_one()
    assert code.replace("-", "") not in stored.code_hash
    assert stored.code_hash != code

    # Residents type codes in lower case, with spaces, and O for 0: all fine.
    typed = code.lower().replace("-", " ").replace("0", "o")
    response = await redeem(client, typed)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["session"]["roles"] == ["resident"]
    assert body["session"]["resident_id"] == str(world.same_municipality_resident_id)
    assert {"kind": "device", "provider": None, "link_url": None} in body["sign_in_options"]
    assert "token" not in body  # the PWA's session lives in the HttpOnly cookie only

    me = await client.get("/api/v1/me")  # signed in by the session cookie
    assert me.status_code == 200
    assert me.json()["preferred_name"] == "Yonas"

    account = (
        await db.execute(
            select(Account).where(Account.resident_id == world.same_municipality_resident_id)
        )
    ).scalar_one()
    assert account.roles == ["resident"]
    assert (await db.execute(select(ActivationCode.spent_at))).scalar_one() is not None


async def test_spent_code_is_refused_and_changes_nothing(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    code = (await issue(client, world))["code"]
    assert (await redeem(client, code)).status_code == 200
    before = await row_counts(db)
    again = await redeem(client, code, remember_device=True)
    assert again.status_code == 409
    problem = again.json()
    assert problem["type"] == "urn:welkom:problem:activation-code-used"
    # Anonymous, no Accept-Language: the municipality's default language (Dutch).
    assert again.headers["content-language"] == "nl"
    assert problem["title"] == "Code al gebruikt"
    assert "vraag uw klantmanager om een nieuwe code" in problem["detail"]
    assert "welkom_session" not in again.headers.get("set-cookie", "")
    after = await row_counts(db)
    assert after.pop("auth_attempt") == before.pop("auth_attempt") + 1
    assert after == before


async def test_expired_code_is_refused(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    code = (await issue(client, world))["code"]
    await db.execute(update(ActivationCode).values(expires_at=utcnow() - timedelta(seconds=1)))
    await db.commit()
    response = await redeem(client, code)
    assert response.status_code == 410
    assert response.json()["type"] == "urn:welkom:problem:activation-code-expired"
    assert (await db.execute(select(Account).where(Account.resident_id.isnot(None)))).all()
    assert (await db.execute(select(ActivationCode.spent_at))).scalar_one() is None


async def test_a_new_code_revokes_the_previous_one(client: AsyncTestClient, world: World) -> None:
    first = (await issue(client, world))["code"]
    second = (await issue(client, world))["code"]
    assert (await redeem(client, first)).status_code == 410
    assert (await redeem(client, second)).status_code == 200


async def test_wrong_code_is_refused_with_a_field_error(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    await issue(client, world)
    before = await row_counts(db)
    for wrong in ("ABCD-EFGH-JKMN-PQRS-TVWX", "too short", "ÄÖÜ" * 8):
        response = await redeem(client, wrong)
        assert response.status_code == 400
        problem = response.json()
        assert problem["type"] == "urn:welkom:problem:activation-code-invalid"
        assert problem["errors"][0]["field"] == "code"
        assert problem["errors"][0]["message"] == "Deze activatiecode is ongeldig."  # nl default
    after = await row_counts(db)
    assert after.pop("auth_attempt") == before.pop("auth_attempt") + 3
    assert after == before


async def test_activation_is_localized(client: AsyncTestClient, world: World) -> None:
    client.cookies.clear()
    response = await client.post(
        "/api/v1/auth/activation",
        json={"code": "x" * 20},
        headers={"Accept-Language": "ar-SY, en;q=0.5"},
    )
    assert response.status_code == 400
    assert response.headers["content-language"] == "ar"


async def test_guessing_is_rate_limited_even_for_a_right_code(
    client: AsyncTestClient, world: World, db: AsyncSession, settings: Settings
) -> None:
    code = (await issue(client, world))["code"]
    limit = settings.activation.max_failures
    assert limit == 10
    guesses = [f"AAAA-AAAA-AAAA-AAAA-AA{n:02d}" for n in range(limit)]
    statuses = [(await redeem(client, guess)).status_code for guess in guesses]
    assert statuses == [400] * limit
    limited = await redeem(client, "AAAA-AAAA-AAAA-AAAA-AAA9")
    assert limited.status_code == 429
    assert limited.json()["type"] == "urn:welkom:problem:too-many-attempts"
    assert 0 < int(limited.headers["retry-after"]) <= 15 * 60
    # The right code does not get through while the client is blocked …
    assert (await redeem(client, code)).status_code == 429
    assert (await db.execute(select(ActivationCode.spent_at))).scalar_one() is None
    # … and works once the window has passed.
    await db.execute(text("DELETE FROM auth_attempt"))
    await db.commit()
    assert (await redeem(client, code)).status_code == 200
    # The stored counter holds no address, only a keyed hash.
    assert not (await db.execute(select(AuthAttempt))).scalars().all()


async def test_rate_limit_is_per_client_and_configurable(
    database_url: str, seeded: None, db: AsyncSession
) -> None:
    world = await build_world(db)
    app = create_app(make_settings(database_url, activation_max_failures=2))
    async with AsyncTestClient(app=app) as client:
        code = (await issue(client, world))["code"]
        for _ in range(2):
            await redeem(client, "AAAA-AAAA-AAAA-AAAA-AAAA")
        assert (await redeem(client, code)).status_code == 429
        attempt = (await db.execute(select(AuthAttempt))).scalars().first()
        assert attempt is not None
        assert "testclient" not in attempt.client_hash
        await db.execute(update(AuthAttempt).values(client_hash="another-client"))
        await db.commit()
        assert (await redeem(client, code)).status_code == 200


async def test_only_caseworkers_of_the_residents_municipality_issue_codes(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    path = f"/api/v1/admin/residents/{world.other_municipality_resident_id}/activation-codes"
    before = await row_counts(db)
    elsewhere = await client.post(path, headers=await bearer(client, "caseworker"))
    assert elsewhere.status_code == 404
    own_path = f"/api/v1/admin/residents/{world.own_resident_id}/activation-codes"
    as_resident = await client.post(own_path, headers=await login(client, "demo-resident"))
    assert as_resident.status_code == 403
    as_volunteer = await client.post(own_path, headers=await bearer(client, "volunteer"))
    assert as_volunteer.status_code == 404  # volunteers do not reach resident records
    other_caseworker = await login(client, "other-caseworker")
    mine = await client.post(path, headers=other_caseworker)
    assert mine.status_code == 201
    after = await row_counts(db)
    assert after["activation_code"] == before["activation_code"] + 1


async def test_remembered_phone_signs_in_again_and_rotates(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    code = (await issue(client, world))["code"]
    response = await redeem(client, code, remember_device=True)
    assert response.status_code == 200
    device = client.cookies["welkom_device"]
    device_cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith("welkom_device=")
    )
    assert "httponly" in device_cookie.lower()
    assert "path=/api/v1/auth/" in device_cookie.lower()

    client.cookies.clear()
    client.cookies.set("welkom_device", device, path="/api/v1/auth/")
    again = await client.post("/api/v1/auth/device-login")
    assert again.status_code == 200, again.text
    assert again.json()["resident_id"] == str(world.same_municipality_resident_id)
    rotated = next(
        h for h in again.headers.get_list("set-cookie") if h.startswith("welkom_device=")
    )
    assert rotated.split(";")[0] != f"welkom_device={device}"
    assert (await client.get("/api/v1/me")).status_code == 200

    # The old credential was replaced: a copy of it no longer signs in.
    client.cookies.clear()
    client.cookies.set("welkom_device", device, path="/api/v1/auth/")
    stolen = await client.post("/api/v1/auth/device-login")
    assert stolen.status_code == 401
    assert stolen.json()["type"] == "urn:welkom:problem:device-not-recognised"


async def test_logout_everywhere_forgets_remembered_phones(
    client: AsyncTestClient, world: World
) -> None:
    code = (await issue(client, world))["code"]
    await redeem(client, code, remember_device=True)
    device = client.cookies["welkom_device"]
    csrf = client.cookies["welkom_csrf"]
    out = await client.post("/api/v1/auth/logout-everywhere", headers={"X-CSRF-Token": csrf})
    assert out.status_code == 204
    client.cookies.clear()
    client.cookies.set("welkom_device", device, path="/api/v1/auth/")
    assert (await client.post("/api/v1/auth/device-login")).status_code == 401


async def test_sign_in_posts_take_json_only(client: AsyncTestClient, world: World) -> None:
    code = (await issue(client, world))["code"]
    client.cookies.clear()
    form = await client.post(
        "/api/v1/auth/activation",
        content=f'{{"code": "{code}"}}',
        headers={"Content-Type": "text/plain"},
    )
    assert form.status_code == 415
    assert (await redeem(client, code)).status_code == 200


def test_code_normalization() -> None:
    assert normalize("abcd-efgh-jkmn-pqrs-tvwx") == "ABCDEFGHJKMNPQRSTVWX"
    assert normalize("O1IL 0000 0000 0000 0000") == "01110000000000000000"
    assert normalize("ABCD-EFGH-JKMN-PQRS-TVWU") is None  # U is not in the alphabet
    assert normalize("ABCD") is None


async def test_old_failures_stop_counting_and_are_removed(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    for _ in range(10):
        await redeem(client, "AAAA-AAAA-AAAA-AAAA-AAAA")
    await db.execute(update(AuthAttempt).values(created_at=utcnow() - timedelta(minutes=16)))
    await db.commit()
    assert (await redeem(client, "AAAA-AAAA-AAAA-AAAA-AAAA")).status_code == 400
    assert len((await db.execute(select(AuthAttempt))).scalars().all()) == 1


async def test_a_code_redeemed_twice_at_once_signs_in_once(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    import asyncio

    code = (await issue(client, world))["code"]
    client.cookies.clear()
    responses = await asyncio.gather(
        *(client.post("/api/v1/auth/activation", json={"code": code}) for _ in range(4))
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(200) == 1, statuses
    assert all(s in (400, 409) for s in statuses if s != 200), statuses
    accounts = (
        await db.execute(
            select(Account).where(Account.resident_id == world.same_municipality_resident_id)
        )
    ).scalars()
    assert len(accounts.all()) == 1
