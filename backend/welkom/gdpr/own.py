# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Export and erasure of the erasure requests themselves."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.database import rows_changed
from welkom.core.gdpr import Erased, Subject, TableHandler, rows
from welkom.core.identity import Principal
from welkom.gdpr.models import ErasureRequest

_PROOF = (
    "proof that the request was received and carried out, or refused and why "
    "(AVG art. 5(2), 12, 17)"
)


async def export_requests(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(ErasureRequest)
        .where(col(ErasureRequest.resident_id) == subject.resident_id)
        .order_by(col(ErasureRequest.requested_at))
    )
    return rows(found.scalars())


async def erase_requests(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    return Erased(
        retained=await rows_changed(
            db,
            update(ErasureRequest)
            .where(col(ErasureRequest.resident_id) == subject.resident_id)
            .values(reason=None),
        )
    )


HANDLERS = (
    TableHandler(
        "erasure_request",
        export_requests,
        erase_requests,
        retained=dict.fromkeys(
            (
                "state",
                "requested_at",
                "completed_at",
                "completed_by_account_id",
                "outcome",
                "refused_at",
                "refused_by_account_id",
                "refusal_reason",
            ),
            _PROOF,
        ),
        retention_reason="Kept without the resident's own words, as proof of the erasure (or of "
        "an earlier refusal and records management's reason for it).",
    ),
)
