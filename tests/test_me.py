# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident's own profile."""

from __future__ import annotations

from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import row_counts


async def test_read_and_correct_own_profile(client: AsyncTestClient, resident: dict) -> None:
    me = await client.get("/api/v1/me", headers=resident)
    assert me.status_code == 200
    assert me.json()["preferred_name"] == "Amal"
    assert me.json()["municipality"] == {"code": "9999", "name": "Gemeente Welkom (demo)"}
    etag = me.headers["etag"]

    changed = await client.patch(
        "/api/v1/me",
        json={"preferred_name": "  Amal H.  ", "email": "amal@example.org", "phone": None},
        headers={**resident, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["preferred_name"] == "Amal H."
    assert changed.json()["email"] == "amal@example.org"
    assert changed.json()["phone"] is None
    assert changed.headers["etag"] != etag

    stale = await client.patch(
        "/api/v1/me", json={"preferred_name": "X"}, headers={**resident, "If-Match": etag}
    )
    assert stale.status_code == 412
    assert stale.json()["type"] == "urn:welkom:problem:precondition-failed"
    assert (await client.get("/api/v1/me", headers=resident)).json()["preferred_name"] == "Amal H."


async def test_bad_profile_changes_change_nothing(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    before_profile = (await client.get("/api/v1/me", headers=resident)).json()
    before = await row_counts(db)
    for body, field in [
        ({"preferred_language": "klingon"}, "preferred_language"),
        ({"email": "not-an-email"}, "email"),
        ({"phone": "call me maybe"}, "phone"),
        ({"preferred_name": ""}, "preferred_name"),
        ({"preferred_name": "   "}, "preferred_name"),
        ({"bsn": "111222333"}, "bsn"),
    ]:
        response = await client.patch("/api/v1/me", json=body, headers=resident)
        assert response.status_code == 400, body
        assert response.json()["errors"][0]["field"] == field
    assert await row_counts(db) == before
    assert (await client.get("/api/v1/me", headers=resident)).json() == before_profile


async def test_staff_have_no_me_profile(client: AsyncTestClient, caseworker: dict) -> None:
    assert (await client.get("/api/v1/me", headers=caseworker)).status_code == 403
