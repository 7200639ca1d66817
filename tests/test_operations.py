# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Health, readiness, OpenAPI, security headers, request ids, logs without personal data."""

from __future__ import annotations

from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncEngine

from welkom.core.database import head_revision


async def test_health_and_ready(client: AsyncTestClient) -> None:
    assert (await client.get("/health")).json() == {"status": "ok"}
    ready = await client.get("/ready")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "database": "ok", "migrations": head_revision()}


async def test_ready_fails_when_the_database_is_gone(
    client: AsyncTestClient, app, engine: AsyncEngine
) -> None:
    from welkom.core.database import migrate

    await migrate(engine, "base", downgrade=True)
    response = await client.get("/ready")
    assert response.status_code == 503
    assert response.json()["type"] == "urn:welkom:problem:not-ready"


async def test_openapi_31_at_schema(client: AsyncTestClient) -> None:
    document = (await client.get("/schema")).json()
    assert document["openapi"].startswith("3.1")
    assert "/api/v1/me/questions" in document["paths"]
    operation_ids = [
        op["operationId"] for path in document["paths"].values() for op in path.values()
    ]
    assert len(operation_ids) == len(set(operation_ids))


async def test_security_headers_and_request_id(client: AsyncTestClient, resident: dict) -> None:
    response = await client.get("/api/v1/me", headers={**resident, "X-Request-ID": "trace-abc-123"})
    assert response.headers["x-request-id"] == "trace-abc-123"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"
    forged = await client.get("/health", headers={"X-Request-ID": "<script>alert(1)</script>"})
    assert forged.headers["x-request-id"] != "<script>alert(1)</script>"
    assert len(forged.headers["x-request-id"]) == 32


async def test_logs_carry_no_personal_data(client: AsyncTestClient, resident: dict, capfd) -> None:
    secret_text = "Mijn buurman Ahmed slaat zijn kinderen"
    await client.post(
        "/api/v1/me/questions", json={"text": secret_text, "language": "nl"}, headers=resident
    )
    await client.patch("/api/v1/me", json={"email": "amal@example.org"}, headers=resident)
    out, err = capfd.readouterr()
    logs = out + err
    assert '"event": "request"' in logs
    for personal in (secret_text, "Ahmed", "amal@example.org", "Amal", "+31 6 12345678"):
        assert personal not in logs
