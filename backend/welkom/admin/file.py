# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident's file as a caseworker reads it, beyond the record itself: the household, the
consent state and who looked at the resident's data. Every read is audited, like the other
reads of the admin API; the audit record is committed with the request's unit of work.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from welkom.admin.residents import audit_residents, resident_in_reach
from welkom.audit.schemas import AccessLogEntry
from welkom.consent import service as consent
from welkom.consent.schemas import ConsentStateOut
from welkom.core.identity import Principal
from welkom.core.pagination import Page
from welkom.processing import service as processing
from welkom.residents import service as residents
from welkom.residents.schemas import HouseholdMemberOut


async def _read(
    db: AsyncSession, principal: Principal, resident_id: uuid.UUID, field: str, purpose: str
) -> uuid.UUID:
    """The resident in reach (else 404), with the audit record of this read added."""
    resident = await resident_in_reach(db, principal, resident_id)
    await audit_residents(
        db, principal, [resident.id], resource="admin.resident", fields=[field], purpose=purpose
    )
    return resident.id


async def household(
    db: AsyncSession, principal: Principal, resident_id: uuid.UUID
) -> list[HouseholdMemberOut]:
    """The members of the resident's household, as the resident entered them."""
    found = await _read(db, principal, resident_id, "household", "caseworker: household")
    members = [residents.member_out(m) for m in await residents.household(db, found)]
    return members


async def consents(
    db: AsyncSession, principal: Principal, resident_id: uuid.UUID, language: str
) -> list[ConsentStateOut]:
    """Every consent purpose with the resident's current answer (texts in ``language`` where
    there is one, the Dutch source otherwise)."""
    found = await _read(db, principal, resident_id, "consent", "caseworker: consent state")
    out = await consent.states(db, found, principal.municipality_id, [language, "nl"])
    return out


async def access_log(
    db: AsyncSession,
    principal: Principal,
    resident_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> Page[AccessLogEntry]:
    """Who (other than the resident) read or changed the resident's data, newest first: the
    same processing log the resident reads in the app. This read is itself recorded first, so
    the list includes it (reads of the file made at the same moment may come before it)."""
    found = await _read(db, principal, resident_id, "access_log", "caseworker: who looked")
    await db.flush()
    page = await processing.access_log(
        db, found, principal.municipality_id, cursor=cursor, limit=limit
    )
    items = [
        AccessLogEntry(
            id=record.id,
            occurred_at=record.ended_at,
            actor_name=record.actor_display_name or "",
            actor_role=record.actor_role or "",
            action=record.action,
            resource=record.resource,
            fields=list(record.fields),
            purpose=record.description,
        )
        for record in page.items
    ]
    return Page(items=items, next_cursor=page.next_cursor)
