# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Web Push results in /metrics: real pushes through the loopback push service, counted by
what the push service answered."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import MakeHandlers
from tests.push.fixtures import (
    SUBSCRIPTIONS,
    notify,
    push_settings,
    push_worker,
    running_push_service,
)
from tests.push.service import PushService
from tests.test_metrics import SCRAPER, TOKEN, scrape, value
from welkom.app import create_app
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.notifications import kinds


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return push_settings(database_url, tmp_path / "keys", metrics_token=SecretStr(TOKEN))


@pytest.fixture
def push_service(settings: Settings) -> Iterator[PushService]:
    with running_push_service(settings) as service:
        yield service


@pytest.fixture
async def scraper(settings: Settings, seeded: None) -> AsyncIterator[AsyncTestClient]:
    async with AsyncTestClient(app=create_app(settings)) as client:
        yield client


async def test_push_results_are_counted_by_what_the_push_service_answered(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    push_service: PushService,
    scraper: AsyncTestClient,
    make_handlers: MakeHandlers,
) -> None:
    phone, old_tablet, laptop = (push_service.new_subscriber() for _ in range(3))
    for device in (phone, old_tablet, laptop):
        added = await client.post(SUBSCRIPTIONS, json=device.subscription_json(), headers=resident)
        assert added.status_code == 201, added.text
    push_service.answer_next(phone, 503)  # busy once, then delivered
    push_service.answer_next(old_tablet, 410)  # the subscription expired
    push_service.answer_next(laptop, 400)  # refused
    before = await scrape(scraper)

    await notify(db, "demo-resident", kinds.CASE_STATUS_CHANGED)
    start = utcnow()
    assert await push_worker(make_handlers, engine, settings, clock=lambda: start).drain() == 3
    later = start + timedelta(hours=1)
    assert await push_worker(make_handlers, engine, settings, clock=lambda: later).drain() == 1
    assert len(push_service.messages_for(phone)) == 1

    after = await scrape(scraper)

    def delta(result: str) -> float:
        name = "welkom_push_results_total"
        return value(after, name, result=result) - value(before, name, result=result)

    assert {r: delta(r) for r in ("sent", "gone", "rejected", "retry", "unsendable")} == {
        "sent": 1,
        "gone": 1,
        "rejected": 1,
        "retry": 1,
        "unsendable": 0,
    }
    body = (await scraper.get("/metrics", headers=SCRAPER)).text
    assert "# HELP welkom_push_results_total" in body
    for device in (phone, old_tablet, laptop):  # no endpoints in the exposition
        assert device.token not in body
    assert push_service.origin not in body
