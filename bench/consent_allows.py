# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""How long does ``consent.allows`` take when the ledger is long? (It is read on every share,
uncached, so a withdrawal counts at once.) Also times a full GDPR export of that resident.

    .venv/bin/python bench/consent_allows.py [--db URL] [--entries 20000] [--calls 2000]

Default: a fresh SQLite file in a temporary directory. For PostgreSQL pass an empty database,
e.g. ``--db postgresql+asyncpg://postgres@127.0.0.1:5432/welkom_bench``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from welkom.app import register_domains
from welkom.consent import service as consent
from welkom.consent.models import ConsentEntry
from welkom.consent.purposes import PURPOSES, Action, Channel, Purpose, Recipient
from welkom.core.database import create_engine, migrate, session_factory
from welkom.core.settings import Settings
from welkom.demo.seed import seed
from welkom.gdpr import service as gdpr
from welkom.residents.models import Resident


async def run(url: str, entries: int, calls: int) -> None:
    register_domains()  # the export walks every domain's GDPR handlers
    settings = Settings(env="test", database_url=url)  # type: ignore[arg-type]
    engine = create_engine(settings)
    await migrate(engine)
    sessions = session_factory(engine)
    async with sessions() as db:
        await seed(db)
        resident = (await db.execute(select(Resident))).scalars().first()
        assert resident is not None
        purposes = list(PURPOSES.values())
        for seq in range(1, entries + 1):
            known = purposes[seq % len(purposes)]
            db.add(
                ConsentEntry(
                    municipality_id=resident.municipality_id,
                    resident_id=resident.id,
                    seq=seq,
                    purpose=known.purpose,
                    recipient=known.recipient,
                    data_categories=[str(c) for c in known.data_categories],
                    legal_basis=known.legal_basis,
                    action=Action.granted if (seq // len(purposes)) % 2 else Action.withdrawn,
                    channel=Channel.app,
                    recorded_by_role="resident",
                )
            )
            if seq % 5000 == 0:
                await db.flush()
        await db.commit()

        timings = []
        for _ in range(calls):
            started = time.perf_counter()
            await consent.allows(
                db, resident.id, Purpose.share_contact_with_volunteer, Recipient.volunteer
            )
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        print(
            f"allows() over a ledger of {entries} entries, {calls} calls: "
            f"median {statistics.median(timings):.3f} ms, "
            f"p95 {timings[int(len(timings) * 0.95)]:.3f} ms, max {timings[-1]:.3f} ms"
        )
        started = time.perf_counter()
        export = await gdpr.export(db, resident.id)
        print(
            f"export with {len(export['tables']['consent_entry'])} ledger entries: "
            f"{(time.perf_counter() - started) * 1000:.0f} ms"
        )
    await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db")
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        asyncio.run(run(url, args.entries, args.calls))


if __name__ == "__main__":
    main()
