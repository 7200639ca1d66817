# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Alembic environment: runs on a connection handed in by welkom.core.database.migrate,
or (for `alembic` on the command line) on WELKOM_DATABASE_URL."""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from welkom.tables import metadata

target_metadata = metadata


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_from_settings() -> None:
    from welkom.core.database import create_engine
    from welkom.core.settings import get_settings

    async def go() -> None:
        engine = create_engine(get_settings())
        async with engine.begin() as conn:
            await conn.run_sync(run_on)
        await engine.dispose()

    asyncio.run(go())


connection = context.config.attributes.get("connection")
if connection is not None:
    run_on(connection)
else:
    run_from_settings()
