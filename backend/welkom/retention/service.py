# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Retention: operational rows that have served their purpose are deleted after a while.

Only bookkeeping is pruned here: replay records of ``Idempotency-Key`` requests, failed sign-in
attempts, ended sessions and OpenID Connect logins, finished push deliveries (with their outbox
entries) and inbox items read long ago. A resident's own records (questions, documents, consent
ledger, data history), the audit log and case registrations are never pruned here: they follow
the municipality's records retention (see docs/operations.md) and the resident's erasure rights.

``welkom worker`` prunes every ``retention_interval_seconds``; ``welkom prune`` does it once.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from sqlalchemy import ColumnElement, and_, delete, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import SQLModel, col

from welkom.auth.models import AuthAttempt, AuthSession, OidcLogin
from welkom.core.database import rows_changed
from welkom.core.idempotency_models import IdempotencyRecord
from welkom.core.metrics import RETENTION_PRUNED
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.core.unit_of_work import checkpoint, unit_of_work
from welkom.notifications.models import InboxItem, PushDelivery, PushDeliveryState
from welkom.notifications.service import PUSH_KIND
from welkom.outbox.models import OutboxEntry, OutboxState

log = structlog.get_logger(__name__)

#: Rows deleted per statement, so pruning a large backlog never holds long locks.
BATCH_SIZE = 1000
#: Ended sessions and OIDC logins are kept this long after they ended (for support questions).
ENDED_LOGIN_GRACE = timedelta(days=1)


@dataclass(frozen=True)
class Policy:
    """Rows of ``table`` for which ``expired(now, settings)`` holds are deleted."""

    name: str
    table: type[SQLModel]
    expired: Callable[[datetime, Settings], ColumnElement[bool]]


def _days(days: int) -> timedelta:
    return timedelta(days=days)


POLICIES: tuple[Policy, ...] = (
    Policy(
        "idempotency_record",
        IdempotencyRecord,
        lambda now, s: (
            col(IdempotencyRecord.created_at) < now - _days(s.retention.idempotency_days)
        ),
    ),
    Policy(
        "auth_attempt",
        AuthAttempt,
        lambda now, s: col(AuthAttempt.created_at) < now - _days(s.retention.auth_attempt_days),
    ),
    Policy(
        "auth_session",
        AuthSession,
        lambda now, _: or_(
            col(AuthSession.expires_at) < now - ENDED_LOGIN_GRACE,
            col(AuthSession.revoked_at) < now - ENDED_LOGIN_GRACE,
        ),
    ),
    Policy(
        "oidc_login", OidcLogin, lambda now, _: col(OidcLogin.expires_at) < now - ENDED_LOGIN_GRACE
    ),
    # Delivered push entries in the outbox go with their deliveries; registrations stay.
    Policy(
        "outbox_entry(push)",
        OutboxEntry,
        lambda now, s: and_(
            col(OutboxEntry.kind) == PUSH_KIND,
            col(OutboxEntry.state) == OutboxState.delivered,
            col(OutboxEntry.delivered_at) < now - _days(s.retention.finished_push_days),
        ),
    ),
    Policy(
        "push_delivery",
        PushDelivery,
        lambda now, s: and_(
            col(PushDelivery.state).in_(
                [PushDeliveryState.sent, PushDeliveryState.dropped, PushDeliveryState.failed]
            ),
            col(PushDelivery.finished_at) < now - _days(s.retention.finished_push_days),
        ),
    ),
    # Read long ago, and no push of it still waiting or parked.
    Policy(
        "notification",
        InboxItem,
        lambda now, s: and_(
            col(InboxItem.read_at) < now - _days(s.retention.read_notification_days),
            ~exists().where(col(PushDelivery.notification_id) == InboxItem.id),
        ),
    ),
)


async def prune(
    db: AsyncSession, settings: Settings, now: datetime | None = None
) -> dict[str, int]:
    """Delete what every policy says has expired; returns the number of rows per policy."""
    now = now or utcnow()
    pruned: dict[str, int] = {}
    for policy in POLICIES:
        # Every table a policy names has an ``id`` primary key; SQLModel (the type) has none.
        table_id = policy.table.id  # type: ignore[attr-defined]
        total = 0
        while True:
            batch = select(table_id).where(policy.expired(now, settings)).limit(BATCH_SIZE)
            count = await rows_changed(db, delete(policy.table).where(table_id.in_(batch)))
            # One transaction per batch: a large prune neither holds its locks long nor starts over.
            await checkpoint(db)
            total += count
            if count < BATCH_SIZE:
                break
        pruned[policy.name] = total
        if total:
            RETENTION_PRUNED.labels(policy.name).inc(total)
    log.info(
        "retention_pruned", **{name.replace("(", "_").rstrip(")"): n for name, n in pruned.items()}
    )
    return pruned


async def prune_periodically(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, stop: asyncio.Event
) -> None:
    """Prune every ``retention_interval_seconds`` until ``stop`` (in `welkom worker`)."""
    if settings.retention.interval_seconds <= 0:
        return
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), settings.retention.interval_seconds)
            return
        try:
            async with unit_of_work(sessions) as db:
                await prune(db, settings)
        except Exception as exc:  # the database is away: try again next round, never die
            log.warning("retention_prune_failed", error_type=type(exc).__name__)
