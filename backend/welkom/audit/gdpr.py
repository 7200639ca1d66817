"""Export and erasure of the audit log rows about a resident (see welkom.gdpr.registry).

Added when merging identity (issue 4) with the GDPR registry (issue 5) on branch issue8; the
lead may adjust the wording. The log is append-only (database triggers refuse UPDATE and
DELETE): it names who looked at the resident's data, never the data itself, and is kept as
proof of lawful processing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.audit.models import AuditEvent
from welkom.auth.service import Principal
from welkom.gdpr.registry import Erased, Subject, TableHandler, rows

_REASON = "proof of who accessed the resident's data and why (AVG art. 5(2), 32)"


async def export_events(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(AuditEvent)
        .where(AuditEvent.resident_id == subject.resident_id)
        .order_by(AuditEvent.occurred_at, AuditEvent.id)
    )
    return rows(found.scalars())


async def erase_events(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    kept = (
        await db.execute(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.resident_id == subject.resident_id)
        )
    ).scalar_one()
    return Erased(retained=kept)


HANDLERS = (
    TableHandler(
        "audit_event",
        export_events,
        erase_events,
        retained={c.name: _REASON for c in AuditEvent.__table__.columns},  # type: ignore[attr-defined]
        retention_reason="Kept: the append-only log of who read or changed the resident's "
        "data. It holds names of staff and volunteers and what they looked at, no resident data.",
    ),
)
