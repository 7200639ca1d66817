# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""``rows_changed`` (core/database.py): the number of rows an UPDATE or DELETE matched, on
every database backend."""

from __future__ import annotations

from sqlalchemy import bindparam, delete, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.database import rows_changed
from welkom.core.idempotency_models import IdempotencyRecord

SCOPE = "test:rows-changed"


async def _two_records(db: AsyncSession) -> None:
    for key in ("a", "b"):
        db.add(
            IdempotencyRecord(
                scope=SCOPE, key=key, request_hash="0" * 64, response_status=201, response_body={}
            )
        )
    await db.commit()


async def test_an_update_counts_the_rows_it_matched(db: AsyncSession) -> None:
    await _two_records(db)
    of_scope = update(IdempotencyRecord).values(response_status=200)

    assert await rows_changed(db, of_scope.where(col(IdempotencyRecord.scope) == SCOPE)) == 2
    assert await rows_changed(db, of_scope.where(col(IdempotencyRecord.scope) == "none")) == 0


async def test_parameters_are_bound_to_the_statement(db: AsyncSession) -> None:
    await _two_records(db)
    of_key = delete(IdempotencyRecord).where(
        col(IdempotencyRecord.scope) == SCOPE, col(IdempotencyRecord.key) == bindparam("key")
    )

    assert await rows_changed(db, of_key, {"key": "a"}) == 1
    assert await rows_changed(db, of_key, {"key": "a"}) == 0
