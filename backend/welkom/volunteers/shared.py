# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""What the volunteer modules share: notification kinds, neighbourhood and language checks,
paging, the guarded state change of a help request and the audit of reads.

A help request changes state only through :func:`transition`, one conditional
``UPDATE … WHERE state IN (…)``: whichever transaction changes the row first wins, the database
serialises the rest (row lock on PostgreSQL, the single writer on SQLite), and a loser sees zero
rows changed. Every read of resident data by a volunteer or coordinator is written to the audit
log (:func:`audit_reads`) in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.audit import service as audit
from welkom.core import events
from welkom.core.database import rows_changed
from welkom.core.i18n import LANGUAGES, N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.pagination import keyset_page
from welkom.core.problems import FieldError, Problem
from welkom.volunteers.models import HelpRequest, VolunteerProfile

AUDIT_RESOURCE = "volunteers.help_request"
#: Events the resident is told of (notification kinds; announced through ``core.events``, as
#: notifications is a layer above this package).
CLAIMED = "help_request.claimed"
RELEASED = "help_request.released"


async def tell_resident(db: AsyncSession, request: HelpRequest, kind: str) -> None:
    await events.announce(
        db,
        events.ResidentEvent(
            kind=kind,
            municipality_id=request.municipality_id,
            resident_id=request.resident_id,
            reference_id=request.id,
        ),
    )


# --- small helpers ----------------------------------------------------------------------------


def neighbourhood_key(name: str) -> str:
    """Neighbourhood names compare without case and extra spaces."""
    return " ".join(name.split()).casefold()


def clean_neighbourhood(name: str) -> str:
    return " ".join(name.split())


def language_errors(field: str, languages: Sequence[str]) -> list[FieldError]:
    return [
        FieldError(
            f"{field}[{i}]" if field == "languages" else field, N_("This language is not offered.")
        )
        for i, language in enumerate(languages)
        if language not in LANGUAGES
    ]


def changed_in_meantime() -> Problem:
    return Problem(
        409,
        "state-changed",
        N_("Changed in the meantime"),
        N_("This help request changed in the meantime. Reload it; nothing was changed."),
    )


async def page(
    db: AsyncSession,
    query: Select[Any],
    *,
    cursor: str | None,
    limit: int,
    newest_first: bool,
) -> tuple[list[Any], str | None]:
    """A page over (created_at, id) of the query's single entity."""
    entity = query.column_descriptions[0]["entity"]
    return await keyset_page(
        db,
        query,
        entity.created_at,
        entity.id,
        cursor=cursor,
        limit=limit,
        newest_first=newest_first,
    )


async def volunteer_refs(
    db: AsyncSession, ids: Sequence[uuid.UUID | None]
) -> dict[uuid.UUID, VolunteerProfile]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await db.execute(select(VolunteerProfile).where(col(VolunteerProfile.id).in_(wanted)))
    return {row.id: row for row in rows.scalars()}


async def transition(
    db: AsyncSession,
    request: HelpRequest,
    *,
    from_states: Sequence[str],
    values: dict[str, Any],
    volunteer_id: uuid.UUID | None = None,
) -> bool:
    """Change the request only if it is still in one of ``from_states`` (and, if given, still
    held by ``volunteer_id``). Returns False, changing nothing, if someone came first."""
    conditions = [col(HelpRequest.id) == request.id, col(HelpRequest.state).in_(list(from_states))]
    if volunteer_id is not None:
        conditions.append(col(HelpRequest.volunteer_id) == volunteer_id)
    moved = await rows_changed(
        db,
        update(HelpRequest)
        .where(*conditions)
        .values(**values, updated_at=utcnow(), version=col(HelpRequest.version) + 1)
        .execution_options(synchronize_session=False),
    )
    return moved == 1


async def audit_reads(
    db: AsyncSession,
    principal: Principal,
    requests: Sequence[HelpRequest],
    *,
    purpose: str,
    contact_shown: set[uuid.UUID] | None = None,
) -> None:
    for request in requests:
        fields = ["help_request"]
        if contact_shown and request.id in contact_shown:
            fields.append("contact")
        await audit.record(
            db,
            principal,
            resident_id=request.resident_id,
            resource=AUDIT_RESOURCE,
            fields=fields,
            action="read",
            purpose=purpose,
        )
