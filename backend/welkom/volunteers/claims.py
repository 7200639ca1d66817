# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""What a vetted volunteer does with help requests: the open ones that match them, the ones they
hold, claiming one and finishing or releasing it.

Claiming is one conditional ``UPDATE … WHERE state = 'open'`` (:func:`shared.transition`): exactly
one volunteer wins; a loser sees zero rows changed and gets 409 ``already-claimed``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.i18n import N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.pagination import Page
from welkom.core.problems import Problem
from welkom.volunteers import visibility
from welkom.volunteers.models import HelpRequest, HelpState, VolunteerProfile
from welkom.volunteers.profiles import active_profile
from welkom.volunteers.schemas import VolunteerHelpRequestOut
from welkom.volunteers.shared import (
    CLAIMED,
    RELEASED,
    audit_reads,
    changed_in_meantime,
    neighbourhood_key,
    page,
    tell_resident,
    transition,
)


def _matches(profile: VolunteerProfile) -> list[Any]:
    """Open requests of the volunteer's municipality in a language they speak and (if they
    named areas) in one of their neighbourhoods, not yet past."""
    conditions: list[Any] = [
        col(HelpRequest.municipality_id) == profile.municipality_id,
        col(HelpRequest.state) == HelpState.open,
        col(HelpRequest.language).in_(list(profile.languages)),
        col(HelpRequest.wanted_until) > utcnow(),
    ]
    if profile.areas:
        conditions.append(
            func.lower(col(HelpRequest.neighbourhood)).in_([a.lower() for a in profile.areas])
        )
    return conditions


def _suits(profile: VolunteerProfile, request: HelpRequest) -> bool:
    """The request's language and neighbourhood suit the volunteer (whatever its state)."""
    if request.language not in profile.languages:
        return False
    areas = {neighbourhood_key(area) for area in profile.areas}
    return not areas or neighbourhood_key(request.neighbourhood) in areas


async def _volunteer_out(
    db: AsyncSession, profile: VolunteerProfile, request: HelpRequest
) -> VolunteerHelpRequestOut:
    return VolunteerHelpRequestOut(
        id=request.id,
        category=request.category,
        description=request.description,
        wanted_from=request.wanted_from,
        wanted_until=request.wanted_until,
        neighbourhood=request.neighbourhood,
        language=request.language,
        state=request.state,
        mine=request.volunteer_id == profile.id,
        contact=await visibility.contact_for(db, profile, request),
        created_at=request.created_at,
    )


async def _views(
    db: AsyncSession,
    principal: Principal,
    profile: VolunteerProfile,
    rows: Sequence[HelpRequest],
    purpose: str,
) -> list[VolunteerHelpRequestOut]:
    items = [await _volunteer_out(db, profile, row) for row in rows]
    shown = {item.id for item in items if item.contact is not None}
    await audit_reads(db, principal, rows, purpose=purpose, contact_shown=shown)
    return items


async def open_requests(
    db: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> Page[VolunteerHelpRequestOut]:
    """Open requests the volunteer may take, oldest first (the longest waiting come first)."""
    profile = await active_profile(db, principal)
    query = select(HelpRequest).where(*_matches(profile))
    rows, next_cursor = await page(db, query, cursor=cursor, limit=limit, newest_first=False)
    items = await _views(db, principal, profile, rows, "volunteer: open help requests")
    return Page(items=items, next_cursor=next_cursor)


async def my_requests(
    db: AsyncSession, principal: Principal, *, state: str | None, cursor: str | None, limit: int
) -> Page[VolunteerHelpRequestOut]:
    profile = await active_profile(db, principal)
    query = select(HelpRequest).where(col(HelpRequest.volunteer_id) == profile.id)
    if state:
        query = query.where(col(HelpRequest.state) == state)
    rows, next_cursor = await page(db, query, cursor=cursor, limit=limit, newest_first=True)
    items = await _views(db, principal, profile, rows, "volunteer: help requests taken")
    return Page(items=items, next_cursor=next_cursor)


async def _visible_to_volunteer(
    db: AsyncSession, profile: VolunteerProfile, request_id: uuid.UUID
) -> HelpRequest:
    """A request this volunteer may see: theirs, or open and matching. 404 otherwise."""
    request = await db.get(HelpRequest, request_id)
    if request is None or request.municipality_id != profile.municipality_id:
        raise Problem.not_found()
    if request.volunteer_id == profile.id:
        return request
    matching = (
        await db.execute(
            select(col(HelpRequest.id)).where(col(HelpRequest.id) == request_id, *_matches(profile))
        )
    ).first()
    if matching is None:
        raise Problem.not_found()
    return request


async def request_for_volunteer(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID
) -> VolunteerHelpRequestOut:
    profile = await active_profile(db, principal)
    request = await _visible_to_volunteer(db, profile, request_id)
    return (await _views(db, principal, profile, [request], "volunteer: help request"))[0]


async def claim(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID
) -> VolunteerHelpRequestOut:
    """Take an open request. Exactly one volunteer wins; the others get 409 ``already-claimed``.
    Claiming a request one already holds answers as the first claim did (safe to retry)."""
    profile = await active_profile(db, principal)
    request = await db.get(HelpRequest, request_id)
    if (
        request is None
        or request.municipality_id != profile.municipality_id
        or not _suits(profile, request)
    ):
        raise Problem.not_found()
    if request.volunteer_id != profile.id:
        if request.state == HelpState.open and request.wanted_until <= utcnow():
            raise Problem.not_found()  # past: no longer offered to anyone
        won = await transition(
            db,
            request,
            from_states=[HelpState.open],
            values={"state": HelpState.claimed, "volunteer_id": profile.id, "claimed_at": utcnow()},
        )
        if not won:
            await db.rollback()
            raise Problem(
                409,
                "already-claimed",
                N_("Already taken"),
                N_("Another volunteer took this request just before you. Nothing was changed."),
            )
        await tell_resident(db, request, CLAIMED)
        await db.flush()
        await db.refresh(request)
    elif request.state != HelpState.claimed:
        raise changed_in_meantime()
    return (await _views(db, principal, profile, [request], "volunteer: claimed help request"))[0]


async def finish(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID, outcome: HelpState
) -> VolunteerHelpRequestOut:
    """The volunteer holding the request marks it done or no-show, or releases it (open)."""
    assert outcome in (HelpState.done, HelpState.no_show, HelpState.open)
    profile = await active_profile(db, principal)
    request = await _visible_to_volunteer(db, profile, request_id)
    if request.volunteer_id != profile.id:
        raise Problem.not_found()
    if outcome == HelpState.open:
        values: dict[str, Any] = {"state": HelpState.open, "volunteer_id": None, "claimed_at": None}
    else:
        values = {"state": outcome, "closed_at": utcnow(), "closed_by_role": "volunteer"}
    if request.state == outcome and outcome != HelpState.open:
        pass  # the same answer again: nothing to change
    elif not await transition(
        db, request, from_states=[HelpState.claimed], values=values, volunteer_id=profile.id
    ):
        await db.rollback()
        raise changed_in_meantime()
    elif outcome == HelpState.open:
        await tell_resident(db, request, RELEASED)
    await db.flush()
    await db.refresh(request)
    return (await _views(db, principal, profile, [request], "volunteer: help request"))[0]
