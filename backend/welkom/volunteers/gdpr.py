# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Export and erasure of the resident's help requests and reports (see welkom.core.gdpr)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.database import rows_changed
from welkom.core.gdpr import Erased, Subject, TableHandler, rows
from welkom.core.identity import Principal
from welkom.volunteers.models import HelpReport, HelpRequest


async def export_requests(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(HelpRequest)
        .where(col(HelpRequest.resident_id) == subject.resident_id)
        .order_by(col(HelpRequest.created_at), col(HelpRequest.id))
    )
    return rows(found.scalars())


async def erase_requests(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    """Help requests are deleted (open ones too: no volunteer sees them any more)."""
    return Erased(
        deleted=await rows_changed(
            db, delete(HelpRequest).where(col(HelpRequest.resident_id) == subject.resident_id)
        )
    )


async def export_reports(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(HelpReport)
        .where(col(HelpReport.resident_id) == subject.resident_id)
        .order_by(col(HelpReport.created_at), col(HelpReport.id))
    )
    return rows(found.scalars())


async def erase_reports(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    return Erased(
        deleted=await rows_changed(
            db, delete(HelpReport).where(col(HelpReport.resident_id) == subject.resident_id)
        )
    )


HANDLERS = (
    TableHandler("help_report", export_reports, erase_reports),
    TableHandler("help_request", export_requests, erase_requests),
)
