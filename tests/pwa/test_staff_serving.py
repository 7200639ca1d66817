# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The back office (pwa/dist/staff) is served at /staff/ under the PWA's policy."""

from __future__ import annotations

from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient

from tests.pwa.conftest import INDEX
from welkom.web import IMMUTABLE, content_security_policy

STAFF_INDEX = "<!doctype html><html lang=nl><title>Welkom back office</title><div id=staff></div>"


@pytest.fixture
def dist(dist: Path) -> Path:
    (dist / "staff" / "assets").mkdir(parents=True)
    (dist / "staff" / "index.html").write_text(STAFF_INDEX)
    (dist / "staff" / "assets" / "index-9c1d.js").write_text("export const staff = 1;\n")
    return dist


async def test_the_back_office_is_served_at_staff_with_the_apps_policy(
    client: AsyncTestClient,
) -> None:
    response = await client.get("/staff/")
    assert response.status_code == 200
    assert response.text == STAFF_INDEX
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == content_security_policy(INDEX)
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["x-frame-options"] == "DENY"


async def test_the_back_offices_hashed_assets_are_immutable(client: AsyncTestClient) -> None:
    response = await client.get("/staff/assets/index-9c1d.js")
    assert response.status_code == 200
    assert response.headers["cache-control"] == IMMUTABLE
    assert "javascript" in response.headers["content-type"]
    missing = await client.get("/staff/assets/nothing.js")
    assert missing.status_code == 404


async def test_the_resident_app_is_unchanged_beside_it(client: AsyncTestClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert 'id="staff"' not in response.text
    assert "id=staff" not in response.text


async def test_staff_without_the_slash_reaches_the_back_office(client: AsyncTestClient) -> None:
    response = await client.get("/staff", follow_redirects=True)
    assert response.status_code == 200
    assert response.text == STAFF_INDEX
