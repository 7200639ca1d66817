# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Recording and reading the audit log.

Other domains call :func:`record` for every read or change of a resident's personal data by
staff or volunteers, in the same transaction as the read or change (so a change is never
committed without its audit row). See docs/auth.md for the contract.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Literal

import structlog
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.audit.models import AuditEvent
from welkom.core.identity import Principal
from welkom.core.pagination import Page, keyset_page
from welkom.core.unit_of_work import checkpoint
from welkom.processing import service as processing
from welkom.processing.models import ProcessingRecord
from welkom.processing.register import ROLE_PURPOSES

Action = Literal["read", "create", "update", "delete", "export"]
ACTIONS: frozenset[str] = frozenset({"read", "create", "update", "delete", "export"})
_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")


async def record(
    db: AsyncSession,
    principal: Principal,
    *,
    resident_id: uuid.UUID,
    resource: str,
    fields: Iterable[str],
    action: Action,
    purpose: str,
    request_id: str | None = None,
    municipality_id: uuid.UUID | None = None,
) -> AuditEvent | None:
    """Add an audit row for ``principal`` reading or changing ``resident_id``'s data, and its
    processing-log record (one per resident per span; the resident's access log reads those).

    Added to ``db`` without committing: the caller's commit writes it with the work itself
    (for a pure read, the caller commits after recording). Returns None, and writes nothing,
    when the principal is that resident (residents' own use is not audited).

    ``resource`` and ``fields`` name *what* (``"resident.profile"``, ``("contact",)``), never
    values. ``purpose`` is a short, fixed description chosen by the calling code, not user
    input. ``request_id`` defaults to the current request's id.
    """
    if principal.resident_id is not None and principal.resident_id == resident_id:
        return None
    fields = _checked(resource, fields, action, purpose)
    if request_id is None:
        request_id = structlog.contextvars.get_contextvars().get("request_id")
    event = AuditEvent(
        municipality_id=municipality_id or principal.municipality_id,
        resident_id=resident_id,
        actor_account_id=principal.account_id,
        actor_role=principal.acting_role,
        actor_display_name=principal.display_name,
        action=action,
        resource=resource,
        fields=fields,
        purpose=purpose,
        request_id=request_id,
    )
    db.add(event)
    await processing.record(
        db,
        municipality_id=event.municipality_id,
        resident_ids=(resident_id,),
        purpose=ROLE_PURPOSES.get(principal.acting_role, "casework"),
        action=action,
        resource=resource,
        fields=fields,
        description=purpose,
        actor=processing.Actor(principal.account_id, principal.acting_role, principal.display_name),
    )
    return event


async def copy_to_processing_log(db: AsyncSession, *, batch: int = 500) -> int:
    """Write the processing-log record of every audit row that has none yet (rows from before
    the processing log), so the residents' access logs keep their history; commits per batch.

    The record takes the audit row's id (so a second run copies nothing), its time as start and
    end, and a trace of its own (the request's trace was not kept then). Returns how many.
    """
    copied = 0
    while True:
        missing = (
            (
                await db.execute(
                    select(AuditEvent)
                    .outerjoin(ProcessingRecord, col(ProcessingRecord.id) == AuditEvent.id)
                    .where(col(ProcessingRecord.id).is_(None))
                    .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
                    .limit(batch)
                )
            )
            .scalars()
            .all()
        )
        if not missing:
            return copied
        plog = processing.current_log()
        for event in missing:
            purpose = ROLE_PURPOSES.get(event.actor_role, "casework")
            db.add(
                ProcessingRecord(
                    id=event.id,
                    municipality_id=event.municipality_id,
                    trace_id=event.id.hex,
                    span_id=event.id.hex[:16],
                    name=f"{event.resource}.{event.action}",
                    status="ok",
                    started_at=event.occurred_at,
                    ended_at=event.occurred_at,
                    purpose=purpose,
                    processing_activity_id=await processing.activity_id(
                        db, purpose, event.municipality_id
                    ),
                    data_subject_id=plog.pseudonym(event.resident_id),
                    actor_account_id=event.actor_account_id,
                    actor_role=event.actor_role,
                    actor_display_name=event.actor_display_name,
                    action=event.action,
                    resource=event.resource,
                    fields=list(event.fields),
                    description=event.purpose,
                )
            )
        # One transaction per batch: a long copy keeps what it did and holds no locks long.
        await checkpoint(db)
        copied += len(missing)


#: The actor recorded for what Welkom itself does to an account (not a person).
SYSTEM_ACTOR_ID = uuid.UUID(int=0)


def record_system(
    db: AsyncSession,
    *,
    municipality_id: uuid.UUID,
    resident_id: uuid.UUID,
    resource: str,
    fields: Iterable[str],
    action: Action,
    purpose: str,
    request_id: str | None = None,
) -> AuditEvent:
    """Add an audit row for a security action Welkom took itself on a resident's account.

    Same contract as :func:`record` (names, never values; the caller commits), with the
    system as actor (role ``system``), for actions no signed-in person took.
    """
    fields = _checked(resource, fields, action, purpose)
    if request_id is None:
        request_id = structlog.contextvars.get_contextvars().get("request_id")
    event = AuditEvent(
        municipality_id=municipality_id,
        resident_id=resident_id,
        actor_account_id=SYSTEM_ACTOR_ID,
        actor_role="system",
        actor_display_name="Welkom",
        action=action,
        resource=resource,
        fields=fields,
        purpose=purpose,
        request_id=request_id,
    )
    db.add(event)
    return event


def _checked(resource: str, fields: Iterable[str], action: str, purpose: str) -> list[str]:
    """The sorted field names, after refusing a malformed audit row (a programming error)."""
    fields = sorted(set(fields))
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if not _NAME.match(resource) or len(resource) > 64:
        raise ValueError(f"audit resource must be a dotted lower-case name, got {resource!r}")
    if any(not _NAME.match(field) for field in fields):
        raise ValueError("audit fields must be lower-case field-group names")
    if not purpose or len(purpose) > 200:
        raise ValueError("an audit purpose is required (at most 200 characters)")
    return fields


async def query(
    db: AsyncSession,
    municipality_id: uuid.UUID,
    *,
    resident_id: uuid.UUID | None = None,
    actor_account_id: uuid.UUID | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[AuditEvent]:
    """Audit rows of one municipality, newest first, optionally filtered."""
    statement = select(AuditEvent).where(col(AuditEvent.municipality_id) == municipality_id)
    if resident_id is not None:
        statement = statement.where(col(AuditEvent.resident_id) == resident_id)
    if actor_account_id is not None:
        statement = statement.where(col(AuditEvent.actor_account_id) == actor_account_id)
    if since is not None:
        statement = statement.where(col(AuditEvent.occurred_at) >= since)
    if until is not None:
        statement = statement.where(col(AuditEvent.occurred_at) < until)
    return await _page(db, statement, cursor, limit)


async def _page(
    db: AsyncSession, statement: Select[Any], cursor: str | None, limit: int
) -> Page[AuditEvent]:
    rows, next_cursor = await keyset_page(
        db, statement, AuditEvent.occurred_at, AuditEvent.id, cursor=cursor, limit=limit
    )
    return Page(items=rows, next_cursor=next_cursor)
