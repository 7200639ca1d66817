# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Export and erasure of the residents domain's tables (see welkom.core.gdpr)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.database import rows_changed
from welkom.core.gdpr import Erased, Subject, TableHandler, rows
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.residents.models import HouseholdMember, Resident, ResidentChange

#: What stays of an erased resident: a tombstone that retained rows (consent proof, registered
#: questions, the erasure request) can point at. It holds no name, contact or identifier.
TOMBSTONE = {
    "id": "pseudonymous key that retained records point to",
    "municipality_id": "the controller (tenant)",
    "version": "technical",
    "created_at": "when the record was made",
    "updated_at": "when it was erased",
    "erased_at": "proof that the erasure was carried out (AVG art. 5(2), 17)",
}


async def export_resident(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    return rows([r for r in [await db.get(Resident, subject.resident_id)] if r is not None])


async def erase_resident(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    resident = await db.get(Resident, subject.resident_id)
    if resident is None:
        return Erased()
    now = utcnow()
    # SQLModel gives a table class its __table__ but does not declare it.
    for column in Resident.__table__.columns:  # type: ignore[attr-defined]
        if column.name in TOMBSTONE:
            continue
        if column.name == "languages":
            resident.languages = []
        elif not column.nullable:
            setattr(resident, column.name, "")
        else:
            setattr(resident, column.name, None)
    resident.erased_at = now
    resident.updated_at = now
    resident.version += 1
    await db.flush()
    return Erased(anonymised=1)


async def export_household(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(HouseholdMember).where(col(HouseholdMember.resident_id) == subject.resident_id)
    )
    return rows(found.scalars())


async def erase_household(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    return Erased(
        deleted=await rows_changed(
            db,
            delete(HouseholdMember).where(col(HouseholdMember.resident_id) == subject.resident_id),
        )
    )


async def export_changes(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(ResidentChange)
        .where(col(ResidentChange.resident_id) == subject.resident_id)
        .order_by(col(ResidentChange.changed_at), col(ResidentChange.id))
    )
    return rows(found.scalars())


async def erase_changes(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    return Erased(
        deleted=await rows_changed(
            db, delete(ResidentChange).where(col(ResidentChange.resident_id) == subject.resident_id)
        )
    )


HANDLERS = (
    TableHandler(
        "resident",
        export_resident,
        erase_resident,
        retained=TOMBSTONE,
        retention_reason="Anonymised to a tombstone without name, contact or identifiers.",
    ),
    TableHandler("household_member", export_household, erase_household),
    TableHandler("resident_change", export_changes, erase_changes),
)
