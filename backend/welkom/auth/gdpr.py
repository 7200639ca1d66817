"""Export and erasure of the resident's activation codes (see welkom.gdpr.registry).

Added when merging identity (issue 4) with the GDPR registry (issue 5) on branch issue8.
Only keyed hashes of the codes are stored; they are never exported.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.auth.models import ActivationCode
from welkom.auth.service import Principal
from welkom.gdpr.registry import Erased, Subject, TableHandler, rows


async def export_codes(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(ActivationCode)
        .where(ActivationCode.resident_id == subject.resident_id)
        .order_by(ActivationCode.created_at)
    )
    return rows(found.scalars(), exclude=frozenset({"code_hash"}))


async def erase_codes(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    result = await db.execute(
        delete(ActivationCode).where(ActivationCode.resident_id == subject.resident_id)
    )
    return Erased(deleted=result.rowcount)  # type: ignore[attr-defined]


HANDLERS = (TableHandler("activation_code", export_codes, erase_codes),)
