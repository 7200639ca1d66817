# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Size and latency of the residents' service endpoints on the demo data (SQLite, in-process).

Run: .venv/bin/python bench/services_payload.py [requests-per-case]
"""

from __future__ import annotations

import asyncio
import gzip
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

from litestar.testing import AsyncTestClient

from welkom.app import create_app
from welkom.core.database import create_engine, migrate, session_factory
from welkom.core.settings import Settings
from welkom.core.unit_of_work import unit_of_work
from welkom.demo.seed import seed

CASES = [
    ("list nl", "/api/v1/services", {"municipality": "9999"}, "nl"),
    ("list ar", "/api/v1/services", {"municipality": "9999"}, "ar"),
    ("search uk", "/api/v1/services", {"municipality": "9999", "q": "житло"}, "uk"),
    ("near 2 km", "/api/v1/services", {"municipality": "9999", "near": "52.156,5.388", "radius_km": "2"}, "nl"),
]  # fmt: skip


async def main(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite+aiosqlite:///{Path(directory) / 'bench.db'}"
        settings = Settings(env="test", database_url=url, secret_key=secrets.token_urlsafe(32))  # type: ignore[call-arg]
        engine = create_engine(settings)
        await migrate(engine)
        async with unit_of_work(session_factory(engine)) as db:
            await seed(db)
        async with AsyncTestClient(app=create_app(settings, engine=engine)) as client:
            first = (await client.get("/api/v1/services", params={"municipality": "9999"})).json()
            detail_path = f"/api/v1/services/{first['items'][0]['id']}"
            cases = [*CASES, ("detail ti", detail_path, {"municipality": "9999"}, "ti")]
            print(f"{'case':<12}{'bytes':>8}{'gzip':>8}{'median ms':>11}{'p95 ms':>9}{'304 ms':>9}")
            for name, path, params, language in cases:
                headers = {"Accept-Language": language}
                timings = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    response = await client.get(path, params=params, headers=headers)
                    timings.append((time.perf_counter() - started) * 1000)
                etag = response.headers["etag"]
                revalidate = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    await client.get(
                        path, params=params, headers={**headers, "If-None-Match": etag}
                    )
                    revalidate.append((time.perf_counter() - started) * 1000)
                body = response.content
                print(
                    f"{name:<12}{len(body):>8}{len(gzip.compress(body)):>8}"
                    f"{statistics.median(timings):>11.1f}"
                    f"{statistics.quantiles(timings, n=20)[-1]:>9.1f}"
                    f"{statistics.median(revalidate):>9.1f}"
                )
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50))
