"""Create-once for POSTs with an ``Idempotency-Key`` (the pattern of ``ask_question``, reusable).

Kept beside the residents domain because ``welkom/core`` is the foundation's; the lead may move
it into :mod:`welkom.core.idempotency`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.core import idempotency
from welkom.core.i18n import N_
from welkom.core.problems import Problem


def concurrent_change() -> Problem:
    return Problem.conflict(
        "changed-concurrently",
        N_("Changed at the same time"),
        N_("Something else changed this at the same moment. Nothing was changed; try again."),
    )


async def create_once(
    db: AsyncSession,
    scope: str,
    key: str | None,
    payload: Any,
    create: Callable[[], Awaitable[tuple[int, dict]]],
) -> tuple[int, dict, bool]:
    """Run ``create`` (which adds rows, no commit) and commit, at most once per key.

    Returns (status, body, replayed). A unique-constraint race becomes the stored answer for
    the same key, or a 409 without one: never a half-made change.
    """
    request_hash = idempotency.fingerprint(payload)
    if key and (stored := await idempotency.replay(db, scope, key, request_hash)):
        return stored.response_status, stored.response_body, True
    status, body = await create()
    if key:
        idempotency.remember(db, scope, key, request_hash, status, body)
    try:
        await db.commit()
    except IntegrityError:
        await db.rollback()
        if key and (stored := await idempotency.replay(db, scope, key, request_hash)):
            return stored.response_status, stored.response_body, True
        raise concurrent_change() from None
    return status, body, False
