# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Sessions: cookies, CSRF double submit, idle and absolute timeouts, logout (everywhere)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from litestar.testing import AsyncTestClient
from pydantic import ValidationError
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import PRODUCTION_SECRET, login, row_counts
from welkom.auth.models import AuthSession
from welkom.core.models import utcnow
from welkom.core.settings import Settings

pytestmark = pytest.mark.time_dependent

QUESTION = {"text": "Waar is het gemeentehuis?", "language": "nl"}


def set_cookie_headers(response) -> dict[str, str]:
    return {header.split("=", 1)[0]: header for header in response.headers.get_list("set-cookie")}


async def cookie_login(client: AsyncTestClient, name: str = "demo-resident") -> str:
    """Sign in with cookies only (as the PWA does); returns the CSRF token the PWA reads."""
    client.cookies.clear()
    response = await client.post("/api/v1/auth/demo-login", json={"login": name})
    assert response.status_code == 200
    return client.cookies["welkom_csrf"]


async def test_login_sets_hardened_session_and_readable_csrf_cookie(
    client: AsyncTestClient, settings: Settings
) -> None:
    client.cookies.clear()
    response = await client.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
    cookies = set_cookie_headers(response)
    session = cookies["welkom_session"].lower()
    assert "httponly" in session
    assert "samesite=lax" in session
    assert "path=/" in session
    assert f"max-age={settings.session.absolute_timeout_seconds}" in session
    csrf = cookies["welkom_csrf"].lower()
    assert "httponly" not in csrf
    assert "samesite=lax" in csrf
    assert response.headers["cache-control"] == "no-store"


async def test_secure_flag_follows_settings(database_url: str, seeded: None) -> None:
    from tests.conftest import make_settings
    from welkom.app import create_app

    app = create_app(make_settings(database_url, session_cookie_secure=True))
    async with AsyncTestClient(app=app) as client:
        response = await client.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
    for header in response.headers.get_list("set-cookie"):
        assert "secure" in header.lower()


async def test_cookie_session_state_change_needs_csrf_token(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    csrf = await cookie_login(client)
    assert (await client.get("/api/v1/me")).status_code == 200  # reads need no token

    before = await row_counts(db)
    missing = await client.post("/api/v1/me/questions", json=QUESTION)
    assert missing.status_code == 403
    assert missing.json()["type"] == "urn:welkom:problem:csrf"
    forged = await client.post(
        "/api/v1/me/questions", json=QUESTION, headers={"X-CSRF-Token": "0" * 64}
    )
    assert forged.status_code == 403
    # A token that matches a cookie the attacker planted, but not this session, fails too.
    client.cookies.set("welkom_csrf", "a" * 64)
    planted = await client.post(
        "/api/v1/me/questions", json=QUESTION, headers={"X-CSRF-Token": "a" * 64}
    )
    assert planted.status_code == 403
    assert await row_counts(db) == before

    client.cookies.set("welkom_csrf", csrf)
    ok = await client.post("/api/v1/me/questions", json=QUESTION, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 201, ok.text


async def test_bearer_requests_need_no_csrf_token(client: AsyncTestClient) -> None:
    headers = await login(client, "demo-resident")
    client.cookies.clear()
    response = await client.post("/api/v1/me/questions", json=QUESTION, headers=headers)
    assert response.status_code == 201


async def test_csrf_token_of_another_session_is_refused(client: AsyncTestClient) -> None:
    other_csrf = await cookie_login(client)
    await cookie_login(client)  # a new session: new cookies
    response = await client.post(
        "/api/v1/me/questions", json=QUESTION, headers={"X-CSRF-Token": other_csrf}
    )
    assert response.status_code == 403


async def test_idle_session_ends(client: AsyncTestClient, db: AsyncSession) -> None:
    headers = await login(client, "demo-resident")
    client.cookies.clear()
    assert (await client.get("/api/v1/auth/session", headers=headers)).status_code == 200
    await db.execute(update(AuthSession).values(last_seen_at=utcnow() - timedelta(minutes=31)))
    await db.commit()
    response = await client.get("/api/v1/auth/session", headers=headers)
    assert response.status_code == 401
    assert response.json()["type"] == "urn:welkom:problem:unauthenticated"


async def test_activity_keeps_a_session_alive_but_not_past_its_absolute_end(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    headers = await login(client, "demo-resident")
    client.cookies.clear()
    await db.execute(update(AuthSession).values(last_seen_at=utcnow() - timedelta(minutes=20)))
    await db.commit()
    assert (await client.get("/api/v1/auth/session", headers=headers)).status_code == 200
    seen = (await db.execute(select(AuthSession.last_seen_at))).scalar_one()
    assert utcnow() - seen < timedelta(minutes=1)  # activity moved the idle clock

    await db.execute(update(AuthSession).values(expires_at=utcnow() - timedelta(seconds=1)))
    await db.commit()
    assert (await client.get("/api/v1/auth/session", headers=headers)).status_code == 401


async def test_logout_ends_this_session_only(client: AsyncTestClient) -> None:
    phone = await login(client, "demo-resident")
    laptop = await login(client, "demo-resident")
    client.cookies.clear()
    response = await client.post("/api/v1/auth/logout", headers=phone)
    assert response.status_code == 204
    cleared = set_cookie_headers(response)
    assert "max-age=0" in cleared["welkom_session"].lower()
    assert (await client.get("/api/v1/auth/session", headers=phone)).status_code == 401
    assert (await client.get("/api/v1/auth/session", headers=laptop)).status_code == 200


async def test_logout_everywhere_ends_every_session(client: AsyncTestClient) -> None:
    phone = await login(client, "demo-resident")
    laptop = await login(client, "demo-resident")
    other_person = await login(client, "demo-caseworker")
    client.cookies.clear()
    assert (await client.post("/api/v1/auth/logout-everywhere", headers=laptop)).status_code == 204
    assert (await client.get("/api/v1/auth/session", headers=phone)).status_code == 401
    assert (await client.get("/api/v1/auth/session", headers=laptop)).status_code == 401
    assert (await client.get("/api/v1/auth/session", headers=other_person)).status_code == 200


async def test_cookie_logout_needs_csrf_token(client: AsyncTestClient) -> None:
    csrf = await cookie_login(client)
    assert (await client.post("/api/v1/auth/logout")).status_code == 403
    assert (await client.get("/api/v1/auth/session")).status_code == 200
    response = await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf})
    assert response.status_code == 204
    assert (await client.get("/api/v1/auth/session")).status_code == 401


async def test_unknown_token_is_anonymous(client: AsyncTestClient) -> None:
    client.cookies.clear()
    response = await client.get(
        "/api/v1/auth/session", headers={"Authorization": "Bearer not-a-session"}
    )
    assert response.status_code == 401


def test_production_refuses_insecure_identity_settings() -> None:
    with pytest.raises(ValidationError, match="PUBLIC_BASE_URL"):
        Settings(
            env="production",
            secret_key=PRODUCTION_SECRET,
            public_base_url="http://welkom.example.nl",
        )  # type: ignore[arg-type]


async def test_ended_sessions_are_removed_at_the_next_login(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    await login(client, "demo-resident")
    await db.execute(update(AuthSession).values(expires_at=utcnow() - timedelta(seconds=1)))
    await db.commit()
    await login(client, "demo-resident")
    assert len((await db.execute(select(AuthSession))).scalars().all()) == 1


async def test_csrf_header_with_odd_bytes_is_refused_not_an_error(
    client: AsyncTestClient,
) -> None:
    await cookie_login(client)
    response = await client.post(
        "/api/v1/me/questions", json=QUESTION, headers={"X-CSRF-Token": "é€".encode()}
    )
    assert response.status_code == 403


async def test_people_see_and_end_their_own_sessions(client: AsyncTestClient) -> None:
    phone = await login(client, "demo-resident")
    laptop = await login(client, "demo-resident")
    someone_else = await login(client, "demo-caseworker")
    client.cookies.clear()
    listed = await client.get("/api/v1/auth/sessions", headers=laptop)
    assert listed.status_code == 200
    sessions = listed.json()
    assert len(sessions) == 2
    (current,) = [s for s in sessions if s["current"]]
    (lost_phone,) = [s for s in sessions if not s["current"]]

    theirs = (await client.get("/api/v1/auth/sessions", headers=someone_else)).json()[0]
    refused = await client.delete(f"/api/v1/auth/sessions/{theirs['id']}", headers=laptop)
    assert refused.status_code == 404  # not one of mine: as if it did not exist
    assert (await client.get("/api/v1/auth/session", headers=someone_else)).status_code == 200

    ended = await client.delete(f"/api/v1/auth/sessions/{lost_phone['id']}", headers=laptop)
    assert ended.status_code == 204
    assert (await client.get("/api/v1/auth/session", headers=phone)).status_code == 401
    remaining = (await client.get("/api/v1/auth/sessions", headers=laptop)).json()
    assert [s["id"] for s in remaining] == [current["id"]]
    again = await client.delete(f"/api/v1/auth/sessions/{lost_phone['id']}", headers=laptop)
    assert again.status_code == 404
