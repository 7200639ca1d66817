# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""What the database layer costs the API process per request, without HTTP.

    .venv/bin/python bench/db_session_cost.py [--iterations 2000]

Makes a scratch PostgreSQL database like bench/api.py (migrated, demo data, ANALYZEd), signs the
demo resident in, and times in one process (CPU time of this process only, so PostgreSQL's own
work is not in it) what a request does to find its caller, next to cheaper ways of asking the
same thing:

- the caller's lookup as Welkom does it: a session, BEGIN, one ORM query for session + account +
  municipality + resident (four objects), ROLLBACK, close (``welkom.auth.service.resolve``);
- the same on a connection that is not in a transaction (AUTOCOMMIT), so no BEGIN/ROLLBACK;
- an empty request's database work: a session, BEGIN, ``SELECT 1``, ROLLBACK, close;
- the same without the transaction;
- one raw asyncpg query through the same pool (what bench/bare_app.py does per request).

The figures explain bench/api.py's ratio (bench/RESULTS.md, "API performance work").
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
import api

from welkom.auth import service
from welkom.auth.models import Account
from welkom.core.database import session_factory
from welkom.core.settings import Settings
from welkom.core.unit_of_work import unit_of_work

RAW_LOOKUP = (
    "SELECT s.id, s.revoked_at, s.expires_at, s.last_seen_at, a.id, a.municipality_id, a.roles, "
    "a.display_name, a.resident_id, m.default_language, r.preferred_language "
    "FROM auth_session s JOIN account a ON a.id = s.account_id "
    "JOIN municipality m ON m.id = a.municipality_id "
    "LEFT JOIN resident r ON r.id = a.resident_id WHERE s.token_hash = $1"
)


async def measure(fn: Callable[[], Awaitable[None]], iterations: int) -> tuple[float, float]:
    """(CPU ms, wall ms) per call, after a warm-up."""
    for _ in range(min(200, iterations)):
        await fn()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(iterations):
        await fn()
    return (
        (time.process_time() - cpu) * 1000 / iterations,
        (time.perf_counter() - wall) * 1000 / iterations,
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument(
        "--pg", default=os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
    )
    args = parser.parse_args()
    database = f"welkom_dbcost_{os.getpid()}"
    url = await api.prepare(args.pg, database)
    try:
        settings = Settings(env="test", database_url=url, secret_key=api.SECRET)
        engine = create_async_engine(url, pool_size=2)
        autocommit = create_async_engine(url, pool_size=2, isolation_level="AUTOCOMMIT")
        sessions, autocommit_sessions = session_factory(engine), session_factory(autocommit)
        async with unit_of_work(sessions) as db:
            account = (
                await db.execute(select(Account).where(Account.demo_login == "demo-resident"))
            ).scalar_one()
            token = await service.create_session(db, settings, account)
        token_hash = service.hash_token(settings, token)

        async def resolve(factory=sessions) -> None:  # type: ignore[no-untyped-def]
            async with factory() as db:
                assert await service.resolve(db, settings, token) is not None

        async def select_one(factory=sessions) -> None:  # type: ignore[no-untyped-def]
            async with factory() as db:
                await db.execute(text("SELECT 1"))

        async def raw() -> None:
            async with engine.connect() as conn:
                driver = (await conn.get_raw_connection()).driver_connection
                assert await driver.fetchrow(RAW_LOOKUP, token_hash) is not None  # type: ignore[union-attr]

        cases = [
            ("caller lookup as Welkom does it (ORM, transaction)", resolve),
            ("caller lookup, no transaction", lambda: resolve(autocommit_sessions)),
            ("session + SELECT 1 (transaction)", select_one),
            ("session + SELECT 1, no transaction", lambda: select_one(autocommit_sessions)),
            ("raw asyncpg caller lookup (pool checkout)", raw),
        ]
        print(f"{args.iterations} iterations each, {api.machine()}\n")
        print("| what | CPU ms per call | wall ms per call |\n|---|---:|---:|")
        for label, fn in cases:
            cpu, wall = await measure(fn, args.iterations)
            print(f"| {label} | {cpu:.3f} | {wall:.3f} |", flush=True)
        await engine.dispose()
        await autocommit.dispose()
    finally:
        await api.drop(args.pg, database)


if __name__ == "__main__":
    asyncio.run(main())
