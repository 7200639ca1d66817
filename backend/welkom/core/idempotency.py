# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""``Idempotency-Key`` for POSTs that create something (IETF httpapi draft semantics).

Same key and payload → the first response again; same key, other payload → 422. The record is
written in the same transaction as what the request creates, so a retry after a crash either
finds both or neither. Two requests with the same key at the same moment: one commits, the
other answers with what the first stored (or 409 if a unique constraint caught it before a
record existed), never a 500 and never a half-made change. Routes take the checked header as
the ``idempotency_key`` dependency (:data:`welkom.core.deps.IdempotencyKey`) and services use
:func:`create_once`.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from litestar.params import HeaderParameter
from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.i18n import N_
from welkom.core.idempotency_models import IdempotencyRecord
from welkom.core.problems import FieldError, Problem

_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")


def validate_key(key: str | None) -> str | None:
    if key is not None and not _KEY.match(key):
        raise Problem.validation(
            [
                FieldError(
                    "Idempotency-Key", N_("Use 1 to 255 visible ASCII characters."), source="header"
                )
            ]
        )
    return key


def provide_idempotency_key(
    header: Annotated[str | None, HeaderParameter(name="Idempotency-Key", max_length=255)] = None,
) -> str | None:
    """The request's ``Idempotency-Key``, checked: absent is ``None``, malformed a 400 problem."""
    return validate_key(header)


def fingerprint(payload: Any) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


_RECORD = select(IdempotencyRecord).where(
    col(IdempotencyRecord.scope) == bindparam("scope"),
    col(IdempotencyRecord.key) == bindparam("key"),
)


async def replay(
    db: AsyncSession, scope: str, key: str, request_hash: str
) -> IdempotencyRecord | None:
    """The stored first response for this key, or None. A different payload is refused."""
    record = (await db.execute(_RECORD, {"scope": scope, "key": key})).scalar_one_or_none()
    if record is not None and record.request_hash != request_hash:
        raise Problem(
            422,
            "idempotency-key-reused",
            N_("Idempotency key already used"),
            N_("This Idempotency-Key was used for a different request. Nothing was changed."),
        )
    return record


def remember(
    db: AsyncSession,
    scope: str,
    key: str,
    request_hash: str,
    status: int,
    body: dict[str, Any],
    *,
    resident_id: uuid.UUID | None = None,
) -> None:
    """Store the first response. ``resident_id`` names the resident it is about (if any): an
    erasure of that resident deletes it."""
    db.add(
        IdempotencyRecord(
            scope=scope,
            key=key,
            request_hash=request_hash,
            response_status=status,
            response_body=body,
            resident_id=resident_id,
        )
    )


def concurrent_change() -> Problem:
    return Problem.conflict(
        "changed-concurrently",
        N_("Changed at the same time"),
        N_("Something else changed this at the same moment. Nothing was changed; try again."),
    )


async def create_once(
    db: AsyncSession,
    *,
    scope: str,
    key: str | None,
    payload: Any,
    create: Callable[[], Awaitable[tuple[int, dict[str, Any]]]],
    resident_id: uuid.UUID | Callable[[dict[str, Any]], uuid.UUID | None] | None = None,
) -> tuple[int, dict[str, Any], bool]:
    """Run ``create`` (which adds rows to ``db`` and returns the response's status and body) and
    write it with the idempotency record, at most once per key; the request's unit of work
    (:mod:`welkom.core.unit_of_work`) commits both together.

    Returns (status, body, replayed). ``scope`` names the caller and the kind of request (keys
    are the client's, unique only within it); ``payload`` is what makes two requests "the
    same". ``resident_id`` is the resident the response is about, or a function of the
    response body that gives it (when ``create`` makes the resident). If the flush hits a
    unique constraint (the same key committed concurrently, or any other constraint another
    request won), the transaction is rolled back and the answer is the
    stored response for the key, or a 409 problem: never a 500, never a half-made change.
    """
    request_hash = fingerprint(payload)
    if key and (stored := await replay(db, scope, key, request_hash)):
        return stored.response_status, stored.response_body, True
    status, body = await create()
    if key:
        about = resident_id(body) if callable(resident_id) else resident_id
        remember(db, scope, key, request_hash, status, body, resident_id=about)
    try:
        await db.flush()  # the request's unit of work commits; a constraint shows here
    except IntegrityError:
        await db.rollback()
        if key and (stored := await replay(db, scope, key, request_hash)):
            return stored.response_status, stored.response_body, True
        raise concurrent_change() from None
    return status, body, False
