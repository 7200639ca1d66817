# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The transactional outbox: enqueue with the cause, claim, complete exactly once, retry.

Claiming is one ``UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING``: on
PostgreSQL concurrent workers skip each other's rows; SQLite serialises writers, so the same
statement is atomic there. A claim is a lease: if its worker dies, the entry becomes due again
when the lease runs out; a worker stopping on SIGTERM hands what it has not finished back at
once (:func:`release`). Completion and failure only apply while the claim token still matches,
so an entry is marked delivered once, by the worker that holds it.

Entries that share an ``ordering_key`` (everything that touches one zaak) are delivered one at
a time, oldest first: an entry is claimable only when no older entry with its key is pending or
in progress. That is a per-key condition in the same claim statement, not a lock: entries with
different keys (or none) are claimed as before, by any number of workers. An entry with an older
entry of its key still pending waits for it (also during its backoff); a parked one does not
hold the others back.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from welkom.core import tracing
from welkom.core.database import rows_changed
from welkom.core.models import utcnow
from welkom.core.pagination import keyset_page
from welkom.outbox.models import OutboxEntry, OutboxState

Clock = Callable[[], datetime]


def enqueue(
    db: AsyncSession,
    *,
    kind: str,
    municipality_id: uuid.UUID,
    reference: uuid.UUID,
    ordering_key: str | None = None,
    subject: str | None = None,
) -> OutboxEntry:
    """Add an entry to the caller's transaction; it is committed with the caller's change.

    The entry keeps the current trace context, so its delivery continues the same trace.
    Entries with the same ``ordering_key`` are delivered one at a time, in the order enqueued."""
    span = tracing.current()
    entry = OutboxEntry(
        kind=kind,
        municipality_id=municipality_id,
        reference=reference,
        traceparent=span.traceparent if span is not None else None,
        ordering_key=ordering_key,
        subject=subject,
    )
    db.add(entry)
    return entry


def _due(now: datetime) -> ColumnElement[bool]:
    return or_(
        and_(
            col(OutboxEntry.state) == OutboxState.pending, col(OutboxEntry.next_attempt_at) <= now
        ),
        and_(
            col(OutboxEntry.state) == OutboxState.in_progress,
            col(OutboxEntry.lease_expires_at) < now,
        ),
    )


_OPEN = (OutboxState.pending, OutboxState.in_progress)


def _first_of_its_key() -> ColumnElement[bool]:
    """No older entry with the same ordering key is still open (pending or in progress)."""
    earlier = aliased(OutboxEntry)
    return or_(
        col(OutboxEntry.ordering_key).is_(None),
        ~exists().where(
            col(earlier.ordering_key) == col(OutboxEntry.ordering_key),
            col(earlier.state).in_(_OPEN),
            or_(
                col(earlier.created_at) < col(OutboxEntry.created_at),
                and_(
                    col(earlier.created_at) == col(OutboxEntry.created_at),
                    col(earlier.id) < col(OutboxEntry.id),
                ),
            ),
        ),
    )


async def claim(
    db: AsyncSession, *, limit: int, lease: timedelta, kinds: Sequence[str], clock: Clock = utcnow
) -> tuple[uuid.UUID, list[OutboxEntry]]:
    """Claim up to ``limit`` due entries for this worker; returns the claim token and entries.
    The caller's unit of work commits the claim."""
    now, token = clock(), uuid.uuid4()
    due_ids = (
        select(col(OutboxEntry.id))
        .where(_due(now), col(OutboxEntry.kind).in_(kinds), _first_of_its_key())
        .order_by(col(OutboxEntry.next_attempt_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    result = await db.execute(
        update(OutboxEntry)
        .where(col(OutboxEntry.id).in_(due_ids.scalar_subquery()))
        .values(
            state=OutboxState.in_progress,
            claim_token=token,
            lease_expires_at=now + lease,
            attempts=col(OutboxEntry.attempts) + 1,
        )
        .returning(OutboxEntry)
        .execution_options(synchronize_session=False)
    )
    entries = list(result.scalars())
    return token, entries


async def mark_delivered(
    db: AsyncSession, entry_id: uuid.UUID, token: uuid.UUID, *, clock: Clock = utcnow
) -> bool:
    """Mark delivered in the caller's transaction; False if this worker no longer holds it."""
    marked = await rows_changed(
        db,
        update(OutboxEntry)
        .where(
            col(OutboxEntry.id) == entry_id,
            col(OutboxEntry.claim_token) == token,
            col(OutboxEntry.state) == OutboxState.in_progress,
        )
        .values(
            state=OutboxState.delivered,
            delivered_at=clock(),
            claim_token=None,
            lease_expires_at=None,
            # last_error stays: the last failure before delivery is the entry's history
            # (the registration list shows what happened during an outage).
        )
        .execution_options(synchronize_session=False),
    )
    return marked == 1


def backoff(attempts: int, base: float, cap: float) -> float:
    """Exponential backoff with (equal) jitter: half fixed, half random."""
    delay: float = min(cap, base * 2.0 ** max(0, attempts - 1))
    return delay / 2 + random.uniform(0, delay / 2)  # noqa: S311 - jitter, not security


async def mark_failed(
    db: AsyncSession,
    entry: OutboxEntry,
    token: uuid.UUID,
    error: str,
    *,
    base: float,
    cap: float,
    park: bool = False,
    clock: Clock = utcnow,
) -> bool:
    """Schedule a retry (or park the entry for a person to look at). Never drops it."""
    now = clock()
    values: dict[str, Any] = {
        "claim_token": None,
        "lease_expires_at": None,
        "last_error": error[:2000],
    }
    if park:
        values["state"] = OutboxState.parked
    else:
        values |= {
            "state": OutboxState.pending,
            "next_attempt_at": now + timedelta(seconds=backoff(entry.attempts, base, cap)),
        }
    marked = await rows_changed(
        db,
        update(OutboxEntry)
        .where(col(OutboxEntry.id) == entry.id, col(OutboxEntry.claim_token) == token)
        .values(**values)
        .execution_options(synchronize_session=False),
    )
    return marked == 1


async def defer(db: AsyncSession, entry_id: uuid.UUID, token: uuid.UUID, until: datetime) -> bool:
    """Hand a claimed entry back, due again at ``until``. Not a failure: the attempt is not
    counted and no error is recorded. False if this worker no longer holds the entry."""
    deferred = await rows_changed(
        db,
        update(OutboxEntry)
        .where(col(OutboxEntry.id) == entry_id, col(OutboxEntry.claim_token) == token)
        .values(
            state=OutboxState.pending,
            next_attempt_at=until,
            attempts=col(OutboxEntry.attempts) - 1,
            claim_token=None,
            lease_expires_at=None,
        )
        .execution_options(synchronize_session=False),
    )
    return deferred == 1


async def delivered_since(
    db: AsyncSession, municipality_id: uuid.UUID, kinds: Sequence[str], since: datetime
) -> tuple[int, datetime | None]:
    """How many entries of ``kinds`` for one municipality were delivered after ``since``, and
    the earliest of those deliveries (all workers count: it is read from the table)."""
    count, earliest = (
        await db.execute(
            select(func.count(), func.min(col(OutboxEntry.delivered_at))).where(
                col(OutboxEntry.municipality_id) == municipality_id,
                col(OutboxEntry.kind).in_(kinds),
                col(OutboxEntry.delivered_at) > since,
            )
        )
    ).one()
    return int(count), earliest


async def release(db: AsyncSession, entry_ids: Collection[uuid.UUID], token: uuid.UUID) -> int:
    """Hand claimed entries back unfinished (their worker is stopping): due again at once, for
    any worker, without waiting for the lease to run out. The attempt is not counted. Entries
    this worker no longer holds, or already completed, are left alone. Caller commits."""
    return await rows_changed(
        db,
        update(OutboxEntry)
        .where(
            col(OutboxEntry.id).in_(list(entry_ids)),
            col(OutboxEntry.claim_token) == token,
            col(OutboxEntry.state) == OutboxState.in_progress,
        )
        .values(
            state=OutboxState.pending,
            attempts=col(OutboxEntry.attempts) - 1,
            claim_token=None,
            lease_expires_at=None,
        )
        .execution_options(synchronize_session=False),
    )


async def counts_by_state(db: AsyncSession) -> dict[str, int]:
    rows = await db.execute(
        select(col(OutboxEntry.state), func.count()).group_by(col(OutboxEntry.state))
    )
    return dict(rows.all())


async def list_entries(
    db: AsyncSession,
    *,
    kinds: Sequence[str],
    municipality_id: uuid.UUID,
    states: Sequence[str],
    cursor: str | None,
    limit: int,
    subject: str | None = None,
    failed_only: bool = False,
) -> tuple[list[OutboxEntry], str | None]:
    """A page of a tenant's entries of ``kinds`` in ``states``, oldest first, and the next
    page's cursor; ``failed_only``: only those that failed at least once (they have a last
    error)."""
    query = select(OutboxEntry).where(
        col(OutboxEntry.kind).in_(kinds),
        col(OutboxEntry.municipality_id) == municipality_id,
        col(OutboxEntry.state).in_(states),
    )
    if subject is not None:
        query = query.where(col(OutboxEntry.subject) == subject)
    if failed_only:
        query = query.where(col(OutboxEntry.last_error).is_not(None))
    return await keyset_page(
        db,
        query,
        col(OutboxEntry.created_at),
        col(OutboxEntry.id),
        cursor=cursor,
        limit=limit,
        newest_first=False,
    )


async def get_entry(
    db: AsyncSession, entry_id: uuid.UUID, *, kinds: Sequence[str], municipality_id: uuid.UUID
) -> OutboxEntry | None:
    entry = await db.get(OutboxEntry, entry_id)
    if entry is None or entry.kind not in kinds or entry.municipality_id != municipality_id:
        return None
    return entry


async def requeue_parked(db: AsyncSession, entry_id: uuid.UUID, *, clock: Clock = utcnow) -> bool:
    """A parked entry becomes due now, with a fresh backoff (caller commits). False if the
    entry is not parked (any more)."""
    requeued = await rows_changed(
        db,
        update(OutboxEntry)
        .where(col(OutboxEntry.id) == entry_id, col(OutboxEntry.state) == OutboxState.parked)
        .values(state=OutboxState.pending, next_attempt_at=clock(), attempts=0)
        .execution_options(synchronize_session=False),
    )
    return requeued == 1


async def find(db: AsyncSession, *, kind: str, reference: uuid.UUID) -> OutboxEntry | None:
    """The entry of ``kind`` for ``reference`` (there is at most one), in any state."""
    rows = await db.execute(
        select(OutboxEntry).where(
            col(OutboxEntry.kind) == kind, col(OutboxEntry.reference) == reference
        )
    )
    return rows.scalars().first()


async def ensure_due(
    db: AsyncSession,
    *,
    kind: str,
    municipality_id: uuid.UUID,
    reference: uuid.UUID,
    clock: Clock = utcnow,
) -> None:
    """A recurring entry (e.g. a poll) exists and is due now unless a worker holds it (caller
    commits): made if missing, a delivered or parked one becomes pending again."""
    entry = await find(db, kind=kind, reference=reference)
    if entry is None:
        enqueue(db, kind=kind, municipality_id=municipality_id, reference=reference)
    elif entry.state in (OutboxState.delivered, OutboxState.parked):
        entry.state, entry.next_attempt_at, entry.attempts = OutboxState.pending, clock(), 0
