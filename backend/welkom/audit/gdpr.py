# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The audit log in a resident's export and erasure.

The log is the municipality's proof of who looked at a resident's data (AVG art. 5(2) and 32):
it is exported in full (it is the resident's access log) and retained on erasure. It holds no
values of personal data, only who (staff), what kind of data, why and when.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.audit.models import AuditEvent
from welkom.core.gdpr import Erased, Subject, TableHandler, rows
from welkom.core.identity import Principal

_ACCOUNTABILITY = (
    "accountability: proof of every access to the resident's data by staff and volunteers "
    "(AVG art. 5(2), 32); append-only, holds no values"
)


async def export_events(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(AuditEvent)
        .where(col(AuditEvent.resident_id) == subject.resident_id)
        .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
    )
    return rows(found.scalars())


async def retain_events(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    count = (
        await db.execute(
            select(func.count())
            .select_from(AuditEvent)
            .where(col(AuditEvent.resident_id) == subject.resident_id)
        )
    ).scalar_one()
    return Erased(retained=count)


HANDLERS = (
    TableHandler(
        "audit_event",
        export_events,
        retain_events,
        retained=dict.fromkeys(
            (
                c.name
                # SQLModel gives a table class its __table__ but does not declare it.
                for c in AuditEvent.__table__.columns  # type: ignore[attr-defined]
                if c.name not in ("id", "municipality_id")
            ),
            _ACCOUNTABILITY,
        ),
        retention_reason="The access log is kept whole: it records staff access, not the "
        "resident's data.",
    ),
)
