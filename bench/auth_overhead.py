# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""What identity and access cost per request: session resolution, CSRF and tenant guards.

Run: .venv/bin/python bench/auth_overhead.py [--requests 2000] [--database-url URL]

Compares, in process (Litestar's test client, no network), the median and p95 latency of
- GET /health                               (no authentication),
- GET /api/v1/auth/session  with a bearer   (session lookup),
- GET /api/v1/auth/session  with cookies    (session lookup + CSRF token derivation),
- GET /api/v1/admin/residents/{id}/activation-codes as caseworker
                                            (session + tenant guard + audit row).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from litestar.testing import AsyncTestClient
from sqlalchemy import text

from welkom.app import create_app
from welkom.core.database import create_engine, migrate, session_factory
from welkom.core.settings import Settings
from welkom.core.unit_of_work import unit_of_work
from welkom.demo.seed import seed


async def measure(client: AsyncTestClient, url: str, n: int, **kwargs: object) -> list[float]:
    timings = []
    for _ in range(n):
        started = time.perf_counter()
        response = await client.get(url, **kwargs)  # type: ignore[arg-type]
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    return timings


def summary(name: str, timings: list[float]) -> str:
    timings = sorted(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    return f"{name:<44} median {statistics.median(timings):6.2f} ms   p95 {p95:6.2f} ms"


async def main(requests: int, database_url: str | None) -> None:
    directory = Path(tempfile.mkdtemp())
    settings = Settings(
        env="test",
        database_url=database_url or f"sqlite+aiosqlite:///{directory / 'bench.db'}",
        demo_login=True,
        session_cookie_secure=False,
        log_level="WARNING",
    )  # type: ignore[arg-type]
    engine = create_engine(settings)
    await migrate(engine)
    async with unit_of_work(session_factory(engine)) as db:
        await seed(db)
        resident_id = (await db.execute(text("SELECT id FROM resident LIMIT 1"))).scalar_one()
    await engine.dispose()
    app = create_app(settings)  # its own engine, on the test client's event loop
    async with AsyncTestClient(app=app) as client:
        caseworker = (
            await client.post("/api/v1/auth/demo-login", json={"login": "demo-caseworker"})
        ).json()["token"]
        client.cookies.clear()
        token = (
            await client.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
        ).json()["token"]
        resident_path = f"/api/v1/admin/residents/{resident_id}/activation-codes"
        await measure(client, "/health", 200)  # warm up
        print(f"{requests} requests each, {settings.database.url.split(':')[0]}")
        bearer = {"Authorization": f"Bearer {token}"}
        staff = {"Authorization": f"Bearer {caseworker}"}
        cases = [
            ("GET /health (anonymous)", "/health", {}),
            ("GET /api/v1/auth/session (cookie)", "/api/v1/auth/session", {}),
            ("GET /api/v1/auth/session (bearer)", "/api/v1/auth/session", bearer),
            ("GET …/activation-codes (tenant guard, audit)", resident_path, staff),
        ]
        for name, url, headers in cases:
            if headers:
                client.cookies.clear()
            print(summary(name, await measure(client, url, requests, headers=headers)))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.database_url))
