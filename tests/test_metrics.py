# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Prometheus metrics at /metrics: protected, by route template, outbox depth/age, deliveries."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from litestar.testing import AsyncTestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import login, make_settings
from welkom.app import create_app
from welkom.cases.ports import RegistrationRequest, RegistrationResult
from welkom.cases.service import RegisterInteractionHandler
from welkom.core.database import session_factory
from welkom.core.models import utcnow
from welkom.interactions.service import REGISTER_KIND
from welkom.notifications.service import PUSH_KIND
from welkom.outbox.models import OutboxEntry
from welkom.outbox.worker import OutboxWorker
from welkom.zgw.errors import CaseRegisterRefused

TOKEN = "scrape-token-0123456789abcdef"
SCRAPER = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
async def metrics_client(database_url: str, seeded: None) -> AsyncIterator[AsyncTestClient]:
    app = create_app(make_settings(database_url, metrics_token=TOKEN))
    async with AsyncTestClient(app=app) as client:
        yield client


async def scrape(client: AsyncTestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = await client.get("/metrics", headers=SCRAPER)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=")
    samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples: dict, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def test_metrics_absent_without_a_configured_token(client: AsyncTestClient) -> None:
    response = await client.get("/metrics", headers=SCRAPER)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"] == "urn:welkom:problem:not-found"


async def test_metrics_refuse_a_missing_or_wrong_token(metrics_client: AsyncTestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong-token"}, {"Authorization": TOKEN}):
        response = await metrics_client.get("/metrics", headers=headers)
        assert response.status_code == 401
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.json()["type"] == "urn:welkom:problem:unauthenticated"
        assert "welkom_http_requests" not in response.text
    # A resident's session token is not a scrape token either.
    resident = await login(metrics_client, "demo-resident")
    assert (await metrics_client.get("/metrics", headers=resident)).status_code == 401


async def test_requests_counted_by_route_template_and_status(
    metrics_client: AsyncTestClient,
) -> None:
    resident = await login(metrics_client, "demo-resident")
    metrics_client.cookies.clear()  # only the bearer header signs in
    before = await scrape(metrics_client)
    for _ in range(3):
        assert (await metrics_client.get("/api/v1/me", headers=resident)).status_code == 200
    assert (await metrics_client.get("/api/v1/me")).status_code == 401
    listed = await metrics_client.get(
        "/api/v1/me/questions?limit=5&cursor=bogus-cursor-value", headers=resident
    )
    assert listed.status_code == 400
    after = await scrape(metrics_client)

    me_ok = {"method": "GET", "route": "/api/v1/me", "status": "200"}
    me_401 = {**me_ok, "status": "401"}
    listed_400 = {"method": "GET", "route": "/api/v1/me/questions", "status": "400"}
    assert (
        value(after, "welkom_http_requests_total", **me_ok)
        - value(before, "welkom_http_requests_total", **me_ok)
        == 3
    )
    assert (
        value(after, "welkom_http_requests_total", **me_401)
        - value(before, "welkom_http_requests_total", **me_401)
        == 1
    )
    assert (
        value(after, "welkom_http_requests_total", **listed_400)
        - value(before, "welkom_http_requests_total", **listed_400)
        == 1
    )
    assert (
        value(after, "welkom_http_request_duration_seconds_count", **me_ok)
        - value(before, "welkom_http_request_duration_seconds_count", **me_ok)
        == 3
    )
    # Route labels are templates: no query strings, cursors or ids in any label.
    routes = {dict(labels).get("route") for (_name, labels) in after} - {None}
    assert routes, "no route labels at all"
    assert not [r for r in routes if "?" in r or "bogus" in r]


class _Refusing:
    """The municipality's register refusing every zaak (the only simulated part)."""

    async def register(self, request: RegistrationRequest) -> RegistrationResult:
        raise CaseRegisterRefused("zaaktype not allowed")


async def test_outbox_depth_age_and_deliveries(
    metrics_client: AsyncTestClient, engine, db: AsyncSession, settings
) -> None:
    resident = await login(metrics_client, "demo-resident")
    before = await scrape(metrics_client)
    for n in range(3):
        response = await metrics_client.post(
            "/api/v1/me/questions", json={"text": f"vraag {n}", "language": "nl"}, headers=resident
        )
        assert response.status_code == 201
    # Make one entry an hour old: the age is the oldest entry's.
    oldest = (await db.execute(select(OutboxEntry.id).limit(1))).scalar_one()
    await db.execute(
        update(OutboxEntry)
        .where(OutboxEntry.id == oldest)
        .values(created_at=utcnow() - timedelta(hours=1))
    )
    await db.commit()
    waiting = await scrape(metrics_client)
    pending = {"state": "pending", "kind": REGISTER_KIND}
    assert value(waiting, "welkom_outbox_entries", **pending) == 3
    assert value(waiting, "welkom_outbox_entries", state="parked", kind=REGISTER_KIND) == 0
    # Every kind has its series, pushes included (zero while none wait).
    push_pending = ("welkom_outbox_entries", (("kind", PUSH_KIND), ("state", "pending")))
    assert waiting[push_pending] == 0
    assert 3600 <= value(waiting, "welkom_outbox_oldest_age_seconds", **pending) < 3700
    assert value(waiting, "welkom_outbox_scrape_ok") == 1

    sessions = session_factory(engine)
    delivered = await OutboxWorker(
        sessions, {REGISTER_KIND: RegisterInteractionHandler(sessions)}, settings
    ).drain()
    assert delivered == 3
    response = await metrics_client.post(
        "/api/v1/me/questions", json={"text": "nog een vraag", "language": "nl"}, headers=resident
    )
    assert response.status_code == 201
    refusing = RegisterInteractionHandler(sessions, resolve_register=lambda _m: _Refusing())
    await OutboxWorker(sessions, {REGISTER_KIND: refusing}, settings).drain()
    after = await scrape(metrics_client)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert value(after, "welkom_outbox_entries", **pending) == 0
    assert value(after, "welkom_outbox_entries", state="parked", kind=REGISTER_KIND) == 1
    assert value(after, "welkom_outbox_oldest_age_seconds", **pending) == 0
    assert value(after, "welkom_outbox_oldest_age_seconds", state="parked", kind=REGISTER_KIND) > 0
    assert delta("welkom_outbox_delivery_attempts_total", kind=REGISTER_KIND) == 4
    assert (
        delta("welkom_outbox_delivery_results_total", kind=REGISTER_KIND, outcome="delivered") == 3
    )
    assert delta("welkom_outbox_delivery_results_total", kind=REGISTER_KIND, outcome="parked") == 1
    assert delta("welkom_outbox_delivery_duration_seconds_count", kind=REGISTER_KIND) == 4
    # No personal data or ids in the exposition.
    body = (await metrics_client.get("/metrics", headers=SCRAPER)).text
    for forbidden in ("vraag", "Amal", "+31", str(oldest)):
        assert forbidden not in body
