# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The unit of work: the one place where a transaction is committed or rolled back.

A request, an outbox delivery, a CLI command or a retention run is one unit of work. Services
only add, change and :meth:`~sqlalchemy.ext.asyncio.AsyncSession.flush` (to get an id or to
meet a constraint early); they never commit. What they wrote is committed when the unit ends
well and rolled back when it raises:

- a request: :func:`request_transaction` is the ``db`` dependency (:data:`welkom.core.deps.
  DbSession`). Litestar runs a generator dependency's cleanup after the handler returned and
  its response was built, but *before* the response is sent; a handler's exception is thrown
  into it. So the commit happens before the client hears "done", and a commit that fails
  becomes a problem-details error (409 for a constraint, 500 otherwise), never a 2xx.
- anything else (the outbox worker and its handlers, CLI commands, the demo seed, retention):
  ``async with unit_of_work(sessions) as db:``, or :func:`transaction` on a session the caller
  already has.

Work that may only happen once the change is durable (waking the outbox worker, starting a
background task) is registered with :func:`after_commit` and runs right after the commit; it
is dropped on a rollback.

A few places must keep part of their work whatever happens next: a record of a refused attempt
(brute-force counting), a spent one-time challenge, the session touch of the authentication
middleware, a revoked stolen credential. They call :func:`checkpoint`, which commits what the
unit has written so far and goes on in a new transaction. Every such call says why.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import structlog
from litestar import Request
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from welkom.core.database import request_session
from welkom.core.idempotency import concurrent_change

log = structlog.get_logger("welkom.unit_of_work")

#: Key in the session's ``info`` under which the after-commit actions wait.
_AFTER_COMMIT = "welkom_after_commit"

#: Something to do once the unit's writes are committed: a function, sync or async.
AfterCommit = Callable[[], Awaitable[None] | None]


def after_commit(db: AsyncSession, action: AfterCommit) -> None:
    """Run ``action`` once what ``db`` holds now is committed; never if it is rolled back.

    Actions run in the order registered, right after the commit (before a request's response
    is sent). One that fails is logged and does not undo the commit or fail the others.
    """
    db.info.setdefault(_AFTER_COMMIT, []).append(action)


async def _commit(db: AsyncSession) -> None:
    await db.commit()
    actions: list[AfterCommit] = db.info.pop(_AFTER_COMMIT, [])
    for action in actions:
        try:
            result = action()
            if inspect.isawaitable(result):
                await result
        except Exception as exc:  # the change is committed; a follow-up must not undo that
            log.error("after_commit_failed", error_type=type(exc).__name__, exc_info=exc)


async def _rollback(db: AsyncSession) -> None:
    db.info.pop(_AFTER_COMMIT, None)
    await db.rollback()


async def checkpoint(db: AsyncSession) -> None:
    """Commit what the unit of work has written so far, now, and go on in a new transaction.

    Only for work that must stand whatever the rest of the unit does: a refused attempt that
    has to count even though the request then fails, a one-time token that stays spent, the
    authentication middleware's session touch (kept even when the handler fails, or has no
    ``db``), or a write whose locks must not be held across a slow outbound call. Actions
    registered with :func:`after_commit` so far run after it. The unit still commits or rolls
    back what follows.
    """
    await _commit(db)


@asynccontextmanager
async def transaction(db: AsyncSession) -> AsyncIterator[AsyncSession]:
    """Commit ``db``'s work when the block ends well, roll it back when it raises."""
    try:
        yield db
    except BaseException:
        await _rollback(db)
        raise
    await _commit(db)


@asynccontextmanager
async def unit_of_work(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A new session whose work is committed when the block ends well, rolled back when it
    raises, and which is closed either way. For everything that is not a request."""
    async with sessions() as db, transaction(db):
        yield db


async def request_transaction(
    request: Request[Any, Any, Any],
) -> AsyncGenerator[AsyncSession, None]:
    """The ``db`` dependency: the request's one session (:func:`~welkom.core.database.
    request_session`, shared with the authentication middleware and the guards), committed
    when the handler returns and rolled back when it raises.

    Litestar resumes this generator after the handler's response is built and before it is
    sent, and throws the handler's exception into it. A constraint the commit breaks (a
    concurrent request won) is the 409 ``changed-concurrently`` problem; any other failure
    propagates to the 500 problem. Either way nothing was changed. Handlers refuse by raising
    (a :class:`~welkom.core.problems.Problem`), never by returning an error status.
    """
    db = request_session(request.scope)
    try:
        yield db
    except BaseException:
        await _rollback(db)
        raise
    try:
        await _commit(db)
    except IntegrityError:
        await _rollback(db)
        raise concurrent_change() from None
