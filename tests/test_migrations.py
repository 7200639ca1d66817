# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Migrations go up and down on both databases, and match the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from litestar.testing import AsyncTestClient
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import make_settings
from welkom.app import create_app
from welkom.core.database import alembic_config, current_revision, head_revision, migrate
from welkom.tables import metadata


async def _tables(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as conn:
        return set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))


def test_the_head_revision_is_alembics() -> None:
    """The head read from the migration files (without Alembic) is the one Alembic finds."""
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


async def test_down_to_base_and_up_again(engine: AsyncEngine) -> None:
    assert await current_revision(engine) == head_revision()
    assert set(metadata.tables) <= await _tables(engine)

    await migrate(engine, "base", downgrade=True)
    assert await current_revision(engine) is None
    assert await _tables(engine) <= {"alembic_version"}

    await migrate(engine)
    assert await current_revision(engine) == head_revision()
    assert set(metadata.tables) <= await _tables(engine)


async def test_models_and_migrations_agree(engine: AsyncEngine) -> None:
    """A model change without a migration fails here."""

    def diff(sync_conn):
        return compare_metadata(
            MigrationContext.configure(sync_conn, opts={"compare_type": True}), metadata
        )

    async with engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_app_refuses_a_database_behind_its_migrations(
    engine: AsyncEngine, database_url: str
) -> None:
    await migrate(engine, "base", downgrade=True)
    app = create_app(make_settings(database_url))
    try:
        async with AsyncTestClient(app=app):
            raise AssertionError("the app started on an unmigrated database")
    except Exception as exc:  # the lifespan's error, re-raised by the test client
        message = (
            str(exc) if "welkom migrate" in str(exc) else repr(getattr(exc, "exceptions", exc))
        )
        assert "welkom migrate" in message
