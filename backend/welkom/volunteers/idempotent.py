"""Create-once for POSTs that honour ``Idempotency-Key`` (the pattern of
``interactions.service.ask_question``, shared by the volunteers and admin domains).

The lead may move this into ``welkom.core.idempotency`` when merging.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.core import idempotency


async def create_once(
    db: AsyncSession,
    *,
    scope: str,
    key: str | None,
    payload: Any,
    create: Callable[[], Awaitable[dict]],
    status: int = 201,
) -> tuple[int, dict, bool]:
    """Run ``create`` (which adds rows to ``db`` and returns the response body) and commit it
    with the idempotency record. Returns (status, body, replayed)."""
    request_hash = idempotency.fingerprint(payload)
    if key and (stored := await idempotency.replay(db, scope, key, request_hash)):
        return stored.response_status, stored.response_body, True
    body = await create()
    if key:
        idempotency.remember(db, scope, key, request_hash, status, body)
    try:
        await db.commit()
    except IntegrityError:
        # The same key committed concurrently: answer with what that request stored.
        await db.rollback()
        if key and (stored := await idempotency.replay(db, scope, key, request_hash)):
            return stored.response_status, stored.response_body, True
        raise
    return status, body, False
