# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""What the database layer costs the API process per request, without HTTP.

    .venv/bin/python bench/db_session_cost.py [--iterations 2000]

Makes a scratch PostgreSQL database like bench/api.py (migrated, demo data, ANALYZEd), signs the
demo resident in, and times in one process (CPU time of this process only, so PostgreSQL's own
work is not in it) what a request does to find its caller, next to cheaper ways of asking the
same thing:

- the caller's lookup as Welkom does it: a session on Welkom's engine (``welkom.core.database.
  create_engine``: no BEGIN before the first write), one ORM query for session + account +
  municipality + resident (four objects), the unit of work's commit, close
  (``welkom.auth.service.resolve``);
- the same on a plain engine, whose transaction begins with the first statement (BEGIN … COMMIT);
- an empty request's database work: a session, BEGIN, ``SELECT 1``, ROLLBACK, close;
- the same without the transaction;
- the same lookup as a SQLAlchemy Core statement (columns, no ORM objects) on a connection
  without a transaction, once and twice: the least any request pays for its two statements
  (caller, then resource) while it goes through SQLAlchemy at all;
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

from sqlalchemy import bindparam, select, text
from sqlalchemy.ext.asyncio import create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
import api

from welkom.auth import service
from welkom.auth.models import Account, AuthSession
from welkom.core.database import create_engine, session_factory
from welkom.core.settings import Settings
from welkom.core.unit_of_work import transaction, unit_of_work
from welkom.municipalities.models import Municipality
from welkom.residents.models import Resident

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

        welkom_engine = create_engine(settings)
        welkom_sessions = session_factory(welkom_engine)
        session_table, account_table = AuthSession.__table__, Account.__table__  # type: ignore[attr-defined]
        municipality_table, resident_table = Municipality.__table__, Resident.__table__  # type: ignore[attr-defined]
        core_lookup = (
            select(
                session_table.c.id, session_table.c.revoked_at, session_table.c.expires_at,
                session_table.c.last_seen_at, account_table.c.id, account_table.c.roles,
                account_table.c.resident_id, account_table.c.municipality_id,
                account_table.c.display_name, municipality_table.c.default_language,
                municipality_table.c.disabled_languages, resident_table.c.chosen_language,
                resident_table.c.preferred_language,
            )
            .select_from(
                session_table.join(account_table, account_table.c.id == session_table.c.account_id)
                .join(municipality_table, municipality_table.c.id == account_table.c.municipality_id)
                .outerjoin(resident_table, resident_table.c.id == account_table.c.resident_id)
            )
            .where(session_table.c.token_hash == bindparam("token_hash"))
        )  # fmt: skip

        async def resolve(factory=welkom_sessions) -> None:  # type: ignore[no-untyped-def]
            async with factory() as db, transaction(db):
                assert await service.resolve(db, settings, token) is not None

        async def core(statements: int) -> None:
            async with autocommit.connect() as conn:
                for _ in range(statements):
                    row = (await conn.execute(core_lookup, {"token_hash": token_hash})).first()
                    assert row is not None

        async def select_one(factory=sessions) -> None:  # type: ignore[no-untyped-def]
            async with factory() as db:
                await db.execute(text("SELECT 1"))

        async def raw() -> None:
            async with engine.connect() as conn:
                driver = (await conn.get_raw_connection()).driver_connection
                assert await driver.fetchrow(RAW_LOOKUP, token_hash) is not None  # type: ignore[union-attr]

        cases = [
            ("caller lookup as Welkom does it (ORM, BEGIN deferred to the first write)", resolve),
            ("caller lookup, ORM, BEGIN … COMMIT around it", lambda: resolve(sessions)),
            ("session + SELECT 1 (transaction)", select_one),
            ("session + SELECT 1, no transaction", lambda: select_one(autocommit_sessions)),
            ("caller lookup as a Core statement, connection, no transaction", lambda: core(1)),
            ("two Core statements (caller, resource), connection, no transaction", lambda: core(2)),
            ("raw asyncpg caller lookup (pool checkout)", raw),
        ]
        print(f"{args.iterations} iterations each, {api.machine()}\n")
        print("| what | CPU ms per call | wall ms per call |\n|---|---:|---:|")
        for label, fn in cases:
            cpu, wall = await measure(fn, args.iterations)
            print(f"| {label} | {cpu:.3f} | {wall:.3f} |", flush=True)
        await engine.dispose()
        await autocommit.dispose()
        await welkom_engine.dispose()
    finally:
        await api.drop(args.pg, database)


if __name__ == "__main__":
    asyncio.run(main())
