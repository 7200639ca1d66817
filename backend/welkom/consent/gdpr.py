# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Export and erasure of the consent ledger (see welkom.core.gdpr)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from welkom.consent import service
from welkom.consent.models import ConsentEntry
from welkom.core.gdpr import Erased, Subject, TableHandler, rows
from welkom.core.identity import Principal

_REASON = "proof of consent and of its withdrawal (AVG art. 7(1), art. 5(2))"


async def export_ledger(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    return rows(await service.ledger_rows(db, subject.resident_id))


async def erase_ledger(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    """The ledger is append-only and kept: every consent still granted is withdrawn first."""
    await service.withdraw_everything(db, subject.resident_id, subject.municipality_id, actor)
    return Erased(retained=len(await service.ledger_rows(db, subject.resident_id)))


HANDLERS = (
    TableHandler(
        "consent_entry",
        export_ledger,
        erase_ledger,
        # SQLModel gives a table class its __table__ but does not declare it.
        retained={c.name: _REASON for c in ConsentEntry.__table__.columns},  # type: ignore[attr-defined]
        retention_reason="Kept, with a withdrawal appended for every consent still given. The "
        "entries hold codes, times and text versions, no name or contact details.",
    ),
)
