# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident's own help requests: asking for help, reading, cancelling, rating and reporting a
problem; and the municipality's request figures for other domains (reports).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import msgspec
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core import idempotency, quotas
from welkom.core.i18n import N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.pagination import Page
from welkom.core.problems import FieldError, Problem
from welkom.core.quotas import Quota
from welkom.core.settings import Settings
from welkom.volunteers.models import (
    CLOSED_STATES,
    HelpReport,
    HelpRequest,
    HelpState,
    VolunteerProfile,
)
from welkom.volunteers.schemas import (
    Feedback,
    HelpRequestIn,
    OwnHelpRequestOut,
    RatingIn,
    ReportIn,
    ReportOut,
    VolunteerRef,
)
from welkom.volunteers.shared import (
    clean_neighbourhood,
    language_errors,
    page,
    transition,
    volunteer_refs,
)

MAX_WINDOW = timedelta(days=14)
MAX_AHEAD = timedelta(days=365)
PAST_SLACK = timedelta(minutes=10)


def _validate_request(data: HelpRequestIn, now: datetime) -> list[FieldError]:
    errors = language_errors("language", [data.language])
    if not data.description.strip():
        errors.append(FieldError("description", N_("This field is required.")))
    for name in ("wanted_from", "wanted_until"):
        if getattr(data, name).tzinfo is None:
            errors.append(FieldError(name, N_("Give the time with its time zone (UTC offset).")))
    if errors:
        return errors
    if data.wanted_until <= data.wanted_from:
        errors.append(FieldError("wanted_until", N_("This must be after the start.")))
    elif data.wanted_until - data.wanted_from > MAX_WINDOW:
        errors.append(
            FieldError("wanted_until", N_("At most {days} days after the start."), {"days": 14})
        )
    if data.wanted_until < now - PAST_SLACK:
        errors.append(FieldError("wanted_until", N_("This time has already passed.")))
    if data.wanted_from > now + MAX_AHEAD:
        errors.append(FieldError("wanted_from", N_("At most one year ahead.")))
    return errors


def own_request_out(request: HelpRequest, volunteer: VolunteerProfile | None) -> OwnHelpRequestOut:
    shown = volunteer if request.volunteer_id is not None else None
    return OwnHelpRequestOut(
        id=request.id,
        category=request.category,
        description=request.description,
        wanted_from=request.wanted_from,
        wanted_until=request.wanted_until,
        neighbourhood=request.neighbourhood,
        language=request.language,
        state=request.state,
        volunteer=VolunteerRef(display_name=shown.display_name, organisation=shown.organisation)
        if shown
        else None,
        feedback=Feedback(rating=request.rating, comment=request.rating_comment),
        created_at=request.created_at,
    )


async def create_request(
    db: AsyncSession,
    settings: Settings,
    principal: Principal,
    data: HelpRequestIn,
    idempotency_key: str | None,
) -> tuple[int, dict[str, Any], bool]:
    resident_id = principal.resident_id
    assert resident_id is not None
    now = utcnow()
    if errors := _validate_request(data, now):
        raise Problem.validation(errors)

    async def create() -> tuple[int, dict[str, Any]]:
        still_open = (
            await db.execute(
                select(func.count()).where(
                    col(HelpRequest.resident_id) == principal.resident_id,
                    col(HelpRequest.state).not_in(list(CLOSED_STATES)),
                )
            )
        ).scalar_one()
        quotas.enforce(
            Quota.open_help_requests, quotas.Usage(still_open), settings.quota.open_help_requests
        )
        request = HelpRequest(
            municipality_id=principal.municipality_id,
            resident_id=resident_id,
            category=str(data.category),
            description=data.description.strip(),
            wanted_from=data.wanted_from,
            wanted_until=data.wanted_until,
            neighbourhood=clean_neighbourhood(data.neighbourhood),
            language=data.language,
            created_at=now,
            updated_at=now,
        )
        db.add(request)
        return 201, msgspec.to_builtins(own_request_out(request, None))

    return await idempotency.create_once(
        db,
        scope=f"help-requests:{principal.account_id}",
        key=idempotency_key,
        payload=msgspec.to_builtins(data),
        create=create,
        resident_id=principal.resident_id,
    )


async def _own_request(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID
) -> HelpRequest:
    request = await db.get(HelpRequest, request_id)
    if request is None or request.resident_id != principal.resident_id:
        raise Problem.not_found()
    return request


async def own_request_view(db: AsyncSession, request: HelpRequest) -> OwnHelpRequestOut:
    volunteers = await volunteer_refs(db, [request.volunteer_id])
    return own_request_out(request, volunteers.get(request.volunteer_id))  # type: ignore[arg-type]


async def get_own_request(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID
) -> OwnHelpRequestOut:
    return await own_request_view(db, await _own_request(db, principal, request_id))


async def list_own_requests(
    db: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> Page[OwnHelpRequestOut]:
    query = select(HelpRequest).where(col(HelpRequest.resident_id) == principal.resident_id)
    rows, next_cursor = await page(db, query, cursor=cursor, limit=limit, newest_first=True)
    volunteers = await volunteer_refs(db, [row.volunteer_id for row in rows])
    return Page(
        items=[
            own_request_out(row, volunteers.get(row.volunteer_id) if row.volunteer_id else None)
            for row in rows
        ],
        next_cursor=next_cursor,
    )


async def cancel_own_request(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID
) -> OwnHelpRequestOut:
    request = await _own_request(db, principal, request_id)
    if request.state == HelpState.cancelled:
        return await own_request_view(db, request)
    changed = await transition(
        db,
        request,
        from_states=[HelpState.open, HelpState.claimed],
        values={"state": HelpState.cancelled, "closed_at": utcnow(), "closed_by_role": "resident"},
    )
    if not changed:
        await db.rollback()
        raise Problem(
            409,
            "help-request-closed",
            N_("Already closed"),
            N_("This help request is already finished and cannot be cancelled."),
        )
    await db.flush()
    await db.refresh(request)
    return await own_request_view(db, request)


async def rate_own_request(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID, data: RatingIn
) -> OwnHelpRequestOut:
    """The resident rates the help they got (after it is done); rating again replaces it."""
    request = await _own_request(db, principal, request_id)
    if request.state != HelpState.done:
        raise Problem(
            409,
            "help-request-not-done",
            N_("Not finished yet"),
            N_("You can rate the help once the volunteer has marked it done."),
        )
    request.rating = data.rating
    request.rating_comment = (data.comment or "").strip() or None
    request.version += 1
    request.updated_at = utcnow()
    return await own_request_view(db, request)


async def report_own_request(
    db: AsyncSession,
    principal: Principal,
    request_id: uuid.UUID,
    data: ReportIn,
    idempotency_key: str | None,
) -> tuple[int, dict[str, Any], bool]:
    """The resident reports a problem (with the volunteer or the request) to the coordinator."""
    request = await _own_request(db, principal, request_id)
    text = data.text.strip()
    if not text:
        raise Problem.validation([FieldError("text", N_("This field is required."))])

    async def create() -> tuple[int, dict[str, Any]]:
        report = HelpReport(
            municipality_id=request.municipality_id,
            help_request_id=request.id,
            resident_id=request.resident_id,
            volunteer_id=request.volunteer_id,
            text=text,
        )
        db.add(report)
        return 201, msgspec.to_builtins(
            ReportOut(id=report.id, help_request_id=request.id, created_at=report.created_at)
        )

    return await idempotency.create_once(
        db,
        scope=f"help-reports:{principal.account_id}",
        key=idempotency_key,
        payload={"request": str(request_id), "text": data.text},
        create=create,
        resident_id=request.resident_id,
    )


# --- for other domains (reports) --------------------------------------------------------------


async def requests_created_between(
    db: AsyncSession, municipality_id: uuid.UUID, start: datetime, end: datetime
) -> list[tuple[datetime, str, str, uuid.UUID]]:
    """(created_at, category, state, resident_id) of a municipality's requests in [start, end)."""
    rows = await db.execute(
        select(
            col(HelpRequest.created_at),
            col(HelpRequest.category),
            col(HelpRequest.state),
            col(HelpRequest.resident_id),
        ).where(
            col(HelpRequest.municipality_id) == municipality_id,
            col(HelpRequest.created_at) >= start,
            col(HelpRequest.created_at) < end,
        )
    )
    return [tuple(row) for row in rows.all()]  # type: ignore[misc]
