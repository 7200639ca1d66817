# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The coordinator's work: volunteer profiles and their vetting and suspension; the municipality's
help requests, the ones waiting too long, reassigning them, and residents' reports.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.audit import service as audit
from welkom.core.i18n import N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.pagination import Page
from welkom.core.problems import FieldError, Problem
from welkom.core.settings import Settings
from welkom.volunteers import visibility
from welkom.volunteers.models import (
    CLOSED_STATES,
    HelpReport,
    HelpRequest,
    HelpState,
    VolunteerProfile,
)
from welkom.volunteers.profiles import profile_fields
from welkom.volunteers.schemas import (
    CoordinatorHelpRequestOut,
    CoordinatorProfileOut,
    CoordinatorReportOut,
    VettingIn,
)
from welkom.volunteers.shared import (
    CLAIMED,
    RELEASED,
    audit_reads,
    changed_in_meantime,
    page,
    tell_resident,
    transition,
    volunteer_refs,
)

# --- profiles and vetting ---------------------------------------------------------------------


async def _open_claims(db: AsyncSession, profile_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not profile_ids:
        return {}
    rows = await db.execute(
        select(col(HelpRequest.volunteer_id), func.count())
        .where(
            col(HelpRequest.volunteer_id).in_(profile_ids),
            col(HelpRequest.state) == HelpState.claimed,
        )
        .group_by(col(HelpRequest.volunteer_id))
    )
    return dict(rows.all())  # type: ignore[arg-type]


def coordinator_profile_out(profile: VolunteerProfile, open_claims: int) -> CoordinatorProfileOut:
    return CoordinatorProfileOut(
        **profile_fields(profile),
        account_id=profile.account_id,
        suspension_reason=profile.suspension_reason,
        open_claims=open_claims,
    )


async def list_profiles(
    db: AsyncSession,
    principal: Principal,
    *,
    state: str | None,
    cursor: str | None,
    limit: int,
) -> Page[CoordinatorProfileOut]:
    query = select(VolunteerProfile).where(
        col(VolunteerProfile.municipality_id) == principal.municipality_id
    )
    if state == "unvetted":
        query = query.where(
            col(VolunteerProfile.vetted_at).is_(None), col(VolunteerProfile.suspended_at).is_(None)
        )
    elif state == "vetted":
        query = query.where(
            col(VolunteerProfile.vetted_at).is_not(None),
            col(VolunteerProfile.suspended_at).is_(None),
        )
    elif state == "suspended":
        query = query.where(col(VolunteerProfile.suspended_at).is_not(None))
    rows, next_cursor = await page(db, query, cursor=cursor, limit=limit, newest_first=True)
    claims = await _open_claims(db, [row.id for row in rows])
    return Page(
        items=[coordinator_profile_out(row, claims.get(row.id, 0)) for row in rows],
        next_cursor=next_cursor,
    )


async def profile_for_coordinator(
    db: AsyncSession, principal: Principal, profile_id: uuid.UUID
) -> VolunteerProfile:
    profile = await db.get(VolunteerProfile, profile_id)
    if profile is None or profile.municipality_id != principal.municipality_id:
        raise Problem.not_found()
    return profile


async def coordinator_view(db: AsyncSession, profile: VolunteerProfile) -> CoordinatorProfileOut:
    return coordinator_profile_out(
        profile, (await _open_claims(db, [profile.id])).get(profile.id, 0)
    )


async def vet(
    db: AsyncSession,
    principal: Principal,
    settings: Settings,
    profile_id: uuid.UUID,
    data: VettingIn,
) -> VolunteerProfile:
    """Mark the volunteer vetted: the coordinator saw a VOG issued on ``vog_date``."""
    profile = await profile_for_coordinator(db, principal, profile_id)
    today = utcnow().date()
    oldest = today - timedelta(days=settings.policy.volunteer_vog_max_age_days)
    if data.vog_date > today:
        raise Problem.validation([FieldError("vog_date", N_("This date is in the future."))])
    if data.vog_date < oldest:
        raise Problem.validation(
            [
                FieldError(
                    "vog_date",
                    N_("A VOG must be issued on or after {date}."),
                    {"date": oldest.isoformat()},
                )
            ]
        )
    profile.vetted_at = utcnow()
    profile.vog_date = data.vog_date
    profile.vetted_by = principal.account_id
    profile.version += 1
    profile.updated_at = utcnow()
    return profile


async def suspend(
    db: AsyncSession, principal: Principal, profile_id: uuid.UUID, reason: str
) -> VolunteerProfile:
    """Suspend a volunteer: they see nothing about residents any more, and the requests they
    hold open again for others."""
    profile = await profile_for_coordinator(db, principal, profile_id)
    reason = reason.strip()
    if not reason:
        raise Problem.validation([FieldError("reason", N_("This field is required."))])
    now = utcnow()
    if profile.suspended_at is None:
        profile.suspended_at = now
    profile.suspended_by = principal.account_id
    profile.suspension_reason = reason
    profile.version += 1
    profile.updated_at = now
    await db.execute(
        update(HelpRequest)
        .where(
            col(HelpRequest.volunteer_id) == profile.id, col(HelpRequest.state) == HelpState.claimed
        )
        .values(
            state=HelpState.open,
            volunteer_id=None,
            claimed_at=None,
            updated_at=now,
            version=col(HelpRequest.version) + 1,
        )
        .execution_options(synchronize_session=False)
    )
    return profile


async def lift_suspension(
    db: AsyncSession, principal: Principal, profile_id: uuid.UUID
) -> VolunteerProfile:
    profile = await profile_for_coordinator(db, principal, profile_id)
    if profile.suspended_at is not None:
        profile.suspended_at = None
        profile.suspended_by = None
        profile.suspension_reason = None
        profile.version += 1
        profile.updated_at = utcnow()
    return profile


# --- help requests, ageing, reassignment, reports ---------------------------------------------


def _age_hours(request: HelpRequest, now: datetime) -> float:
    end = request.claimed_at or request.closed_at or now
    return round((end - request.created_at).total_seconds() / 3600, 1)


async def _coordinator_outs(
    db: AsyncSession, principal: Principal, rows: Sequence[HelpRequest], purpose: str
) -> list[CoordinatorHelpRequestOut]:
    volunteers = await volunteer_refs(db, [row.volunteer_id for row in rows])
    report_counts: dict[uuid.UUID, int] = {}
    if rows:
        counted = await db.execute(
            select(col(HelpReport.help_request_id), func.count())
            .where(col(HelpReport.help_request_id).in_([row.id for row in rows]))
            .group_by(col(HelpReport.help_request_id))
        )
        report_counts = dict(counted.all())
    now = utcnow()
    items = []
    for row in rows:
        volunteer = volunteers.get(row.volunteer_id) if row.volunteer_id else None
        items.append(
            CoordinatorHelpRequestOut(
                id=row.id,
                category=row.category,
                wanted_from=row.wanted_from,
                wanted_until=row.wanted_until,
                neighbourhood=row.neighbourhood,
                language=row.language,
                state=row.state,
                volunteer_id=row.volunteer_id,
                volunteer_name=volunteer.display_name if volunteer else None,
                age_hours=_age_hours(row, now),
                claimed_at=row.claimed_at,
                closed_at=row.closed_at,
                rating=row.rating,
                reports=report_counts.get(row.id, 0),
                created_at=row.created_at,
            )
        )
    await audit_reads(db, principal, rows, purpose=purpose)
    return items


async def requests_for_coordinator(
    db: AsyncSession,
    principal: Principal,
    *,
    state: str | None,
    cursor: str | None,
    limit: int,
) -> Page[CoordinatorHelpRequestOut]:
    query = select(HelpRequest).where(col(HelpRequest.municipality_id) == principal.municipality_id)
    if state:
        query = query.where(col(HelpRequest.state) == state)
    rows, next_cursor = await page(db, query, cursor=cursor, limit=limit, newest_first=True)
    items = await _coordinator_outs(db, principal, rows, "coordinator: help requests")
    return Page(items=items, next_cursor=next_cursor)


async def ageing_requests(
    db: AsyncSession,
    principal: Principal,
    *,
    older_than_hours: float,
    cursor: str | None,
    limit: int,
) -> Page[CoordinatorHelpRequestOut]:
    """Open requests nobody claimed for longer than ``older_than_hours``, oldest first."""
    cutoff = utcnow() - timedelta(hours=older_than_hours)
    query = select(HelpRequest).where(
        col(HelpRequest.municipality_id) == principal.municipality_id,
        col(HelpRequest.state) == HelpState.open,
        col(HelpRequest.created_at) <= cutoff,
    )
    rows, next_cursor = await page(db, query, cursor=cursor, limit=limit, newest_first=False)
    items = await _coordinator_outs(db, principal, rows, "coordinator: unclaimed help requests")
    return Page(items=items, next_cursor=next_cursor)


async def reassign(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID, volunteer_id: uuid.UUID | None
) -> CoordinatorHelpRequestOut:
    """Give an open or claimed request to another (active) volunteer, or open it again."""
    request = await db.get(HelpRequest, request_id)
    if request is None or request.municipality_id != principal.municipality_id:
        raise Problem.not_found()
    if request.state in CLOSED_STATES:
        raise Problem(
            409,
            "help-request-closed",
            N_("Already closed"),
            N_("This help request is finished and cannot be given to someone else."),
        )
    if volunteer_id is None:
        values: dict[str, Any] = {"state": HelpState.open, "volunteer_id": None, "claimed_at": None}
    else:
        target = await db.get(VolunteerProfile, volunteer_id)
        if target is None or target.municipality_id != principal.municipality_id:
            raise Problem.validation(
                [FieldError("volunteer_id", N_("There is no such volunteer."))]
            )
        if not visibility.is_active(target):
            raise Problem.validation(
                [FieldError("volunteer_id", N_("This volunteer is not vetted or is suspended."))]
            )
        if request.language not in target.languages:
            raise Problem.validation(
                [
                    FieldError(
                        "volunteer_id", N_("This volunteer does not speak the language asked for.")
                    )
                ]
            )
        values = {"state": HelpState.claimed, "volunteer_id": target.id, "claimed_at": utcnow()}
    if not await transition(
        db, request, from_states=[HelpState.open, HelpState.claimed], values=values
    ):
        await db.rollback()
        raise changed_in_meantime()
    # ``request`` still holds the state before the change (the UPDATE did not touch it).
    if volunteer_id is not None and request.volunteer_id != volunteer_id:
        await tell_resident(db, request, CLAIMED)
    elif volunteer_id is None and request.state == HelpState.claimed:
        await tell_resident(db, request, RELEASED)
    await db.flush()
    await db.refresh(request)
    return (await _coordinator_outs(db, principal, [request], "coordinator: reassign"))[0]


async def reports_for_coordinator(
    db: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> Page[CoordinatorReportOut]:
    query = select(HelpReport).where(col(HelpReport.municipality_id) == principal.municipality_id)
    rows, next_cursor = await page(db, query, cursor=cursor, limit=limit, newest_first=True)
    for row in rows:
        await audit.record(
            db,
            principal,
            resident_id=row.resident_id,
            resource="volunteers.help_report",
            fields=["report"],
            action="read",
            purpose="coordinator: reports about volunteers",
        )
    return Page(
        items=[
            CoordinatorReportOut(
                id=row.id,
                help_request_id=row.help_request_id,
                volunteer_id=row.volunteer_id,
                text=row.text,
                created_at=row.created_at,
            )
            for row in rows
        ],
        next_cursor=next_cursor,
    )
