# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""One error path for every response: refusals before routing (a NUL byte in the query, the rate
limiter), unknown paths (404) and wrong methods (405) are logged and counted with their real
status, and carry the request id and the security headers like every other response."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import make_settings
from tests.test_metrics import TOKEN, scrape, value
from welkom.app import create_app
from welkom.core.middleware import API_SECURITY_HEADERS


@pytest.fixture
async def edge_client(database_url: str, seeded: None) -> AsyncIterator[AsyncTestClient]:
    settings = make_settings(database_url, metrics_token=TOKEN, rate_limit_logins=1)
    async with AsyncTestClient(app=create_app(settings)) as client:
        yield client


REFUSALS = [
    # (method, path, body, expected status, expected problem type)
    ("GET", "/api/v1/services?q=%00", None, 400, "validation"),
    ("POST", "/api/v1/auth/demo-login", {"login": "demo-resident"}, 429, "too-many-requests"),
    ("GET", "/api/v1/no-such-thing", None, 404, "not-found"),
    ("DELETE", "/api/v1/services", None, 405, "method-not-allowed"),
    ("GET", "/api/v1/me", None, 401, "unauthenticated"),
]


async def test_refusals_keep_their_status_request_id_and_headers_in_logs_and_metrics(
    edge_client: AsyncTestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    client = edge_client
    first = await client.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
    assert first.status_code == 200  # the one sign-in the limit allows
    client.cookies.clear()  # the rest is anonymous
    before = await scrape(client)
    capsys.readouterr()
    for index, (method, path, body, status, slug) in enumerate(REFUSALS):
        request_id = f"edge-test-{index:04d}"
        response = await client.request(
            method,
            path,
            json=body,
            headers={"X-Request-ID": request_id, "Accept-Language": "en"},
        )
        assert response.status_code == status, (path, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        problem = response.json()
        assert problem["type"] == f"urn:welkom:problem:{slug}"
        assert problem["status"] == status
        assert problem["request_id"] == request_id
        assert response.headers["x-request-id"] == request_id
        assert response.headers["content-language"] == "en"
        for name, expected in API_SECURITY_HEADERS.items():
            assert response.headers[name] == expected, (path, name)
        assert response.headers["cache-control"] == "no-store"

    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if "{" in line]
    logged = {
        line["request_id"]: line["status"] for line in lines if line.get("event") == "request"
    }
    assert logged == {f"edge-test-{i:04d}": r[3] for i, r in enumerate(REFUSALS)}

    after = await scrape(client)
    for method, path, _, status, _ in REFUSALS:
        counted = sum(
            after[key] - before.get(key, 0.0)
            for key in after
            if key[0] == "welkom_http_requests_total"
            and ("method", method) in key[1]
            and ("status", str(status)) in key[1]
        )
        assert counted >= 1, (method, path, status)
    assert (
        value(after, "welkom_http_requests_total", method="GET", route="(unmatched)", status="404")
        >= 1
    )
    # None of these requests was a 500 (the registry is the process's: other tests' count too).
    five_xx = [
        key
        for key in after
        if key[0] == "welkom_http_requests_total"
        and ("status", "500") in key[1]
        and after[key] > before.get(key, 0.0)
    ]
    assert not five_xx


async def test_the_404_for_an_unknown_path_speaks_the_callers_language(
    edge_client: AsyncTestClient,
) -> None:
    response = await edge_client.get("/api/v1/no-such-thing", headers={"Accept-Language": "nl"})
    assert response.status_code == 404
    assert response.headers["content-language"] == "nl"
    assert response.json()["title"] == "Niet gevonden"
    assert response.headers["x-request-id"]
