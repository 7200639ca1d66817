# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Push throughput: one notification fanned out to N devices, delivered by one outbox worker
through pywebpush to the loopback test push service (which verifies VAPID and decrypts each).

    .venv/bin/python bench/push_throughput.py [--devices 300] [--postgres SERVER_URL]

SQLite in a temporary directory by default; with ``--postgres`` (a server URL such as
``postgresql+asyncpg://postgres@127.0.0.1:5432/postgres``) it creates a scratch database
there and drops it afterwards.

Prints devices, seconds and pushes per second. The push service runs in the same process, so
this measures Welkom's side (claim, encrypt, sign, send, complete) plus the checks.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import create_async_engine
from tests.push.fixtures import push_settings, push_worker
from tests.push.service import PushService

from welkom.auth.models import Account
from welkom.core.database import create_engine, migrate, session_factory
from welkom.demo.seed import seed
from welkom.notifications import kinds, vapid
from welkom.notifications import service as notifications
from welkom.notifications.models import PushSubscription


async def _admin(server_url: str, sql: str) -> None:
    engine = create_async_engine(server_url, isolation_level="AUTOCOMMIT")
    async with engine.connect() as connection:
        await connection.execute(text(sql))
    await engine.dispose()


async def main(devices: int, postgres: str | None) -> None:
    if postgres is None:
        await run(devices, None)
        return
    name = f"welkom_bench_{uuid.uuid4().hex[:8]}"
    await _admin(postgres, f'CREATE DATABASE "{name}"')
    try:
        await run(devices, postgres.rsplit("/", 1)[0] + "/" + name)
    finally:
        await _admin(postgres, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def run(devices: int, database_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as directory:
        url = database_url or f"sqlite+aiosqlite:///{directory}/bench.db"
        settings = push_settings(url, Path(directory), outbox_concurrency=16)
        engine = create_engine(settings)
        await migrate(engine)
        sessions = session_factory(engine)
        keys = vapid.load(settings)
        assert keys is not None
        service = PushService(application_server_key=keys.public_key).start()
        async with sessions() as db:
            await seed(db)
            account = (
                await db.execute(select(Account).where(Account.demo_login == "demo-resident"))
            ).scalar_one()
            for n in range(devices):
                device = service.new_subscriber()
                keys_json = device.subscription_json()["keys"]
                db.add(
                    PushSubscription(
                        municipality_id=account.municipality_id,
                        account_id=account.id,
                        endpoint=device.endpoint,
                        endpoint_hash=f"{n:064d}",
                        p256dh=keys_json["p256dh"],
                        auth=keys_json["auth"],
                    )
                )
            await db.commit()
            await notifications.notify(
                db,
                municipality_id=account.municipality_id,
                recipient_account_id=account.id,
                kind=kinds.QUESTION_ANSWERED,
                reference_id=account.id,
            )
            await db.commit()
        worker = push_worker(engine, settings)
        started = time.perf_counter()
        delivered = await worker.drain()
        elapsed = time.perf_counter() - started
        service.stop()
        await engine.dispose()
        assert delivered == devices == len(service.received), (delivered, len(service.received))
        assert service.rejected == []
        backend = url.split(":", 1)[0]
        print(
            f"{backend}: {devices} pushes in {elapsed:.2f} s = {devices / elapsed:.0f} pushes/s "
            f"(concurrency {settings.outbox.concurrency}, batch {settings.outbox.batch_size})"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=300)
    parser.add_argument("--postgres", default=None, help="PostgreSQL server URL")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.devices, arguments.postgres))
