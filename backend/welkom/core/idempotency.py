"""``Idempotency-Key`` for POSTs that create something (IETF httpapi draft semantics).

Same key and payload → the first response again; same key, other payload → 422. The record is
written in the same transaction as what the request creates, so a retry after a crash either
finds both or neither.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

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


def fingerprint(payload: Any) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


async def replay(
    db: AsyncSession, scope: str, key: str, request_hash: str
) -> IdempotencyRecord | None:
    """The stored first response for this key, or None. A different payload is refused."""
    record = (
        await db.execute(
            select(IdempotencyRecord).where(
                IdempotencyRecord.scope == scope, IdempotencyRecord.key == key
            )
        )
    ).scalar_one_or_none()
    if record is not None and record.request_hash != request_hash:
        raise Problem(
            422,
            "idempotency-key-reused",
            N_("Idempotency key already used"),
            N_("This Idempotency-Key was used for a different request. Nothing was changed."),
        )
    return record


def remember(
    db: AsyncSession, scope: str, key: str, request_hash: str, status: int, body: dict
) -> None:
    db.add(
        IdempotencyRecord(
            scope=scope,
            key=key,
            request_hash=request_hash,
            response_status=status,
            response_body=body,
        )
    )
