# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Export and erasure of the resident's journey (see welkom.core.gdpr)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.database import rows_changed
from welkom.core.gdpr import Erased, Subject, TableHandler, rows
from welkom.core.identity import Principal
from welkom.journey import service
from welkom.journey.models import JourneyStep


async def export_steps(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    return rows(await service.steps_of(db, subject.resident_id))


async def erase_steps(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    return Erased(
        deleted=await rows_changed(
            db, delete(JourneyStep).where(col(JourneyStep.resident_id) == subject.resident_id)
        )
    )


HANDLERS = (TableHandler("journey_step", export_steps, erase_steps),)
