# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Volunteer coordination rules: profiles, vetting, help requests, matching and claims.

Claiming is one conditional ``UPDATE … WHERE state = 'open'``: whichever transaction changes the
row first wins, the database serialises the rest (row lock on PostgreSQL, the single writer on
SQLite), and a loser sees zero rows changed and gets 409. Every read of resident data by a
volunteer or coordinator is written to the audit log in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import msgspec
from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.audit import service as audit
from welkom.core import events, idempotency, quotas
from welkom.core.i18n import LANGUAGES, N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.pagination import Page, keyset_page
from welkom.core.problems import FieldError, Problem
from welkom.core.quotas import Quota
from welkom.core.settings import Settings
from welkom.volunteers import visibility
from welkom.volunteers.models import (
    CLOSED_STATES,
    HelpReport,
    HelpRequest,
    HelpState,
    VolunteerProfile,
)
from welkom.volunteers.schemas import (
    CoordinatorHelpRequestOut,
    CoordinatorProfileOut,
    CoordinatorReportOut,
    Feedback,
    HelpRequestIn,
    OwnHelpRequestOut,
    ProfileIn,
    ProfileOut,
    RatingIn,
    ReportIn,
    ReportOut,
    Vetting,
    VettingIn,
    VolunteerHelpRequestOut,
    VolunteerRef,
)

AUDIT_RESOURCE = "volunteers.help_request"
MAX_WINDOW = timedelta(days=14)
MAX_AHEAD = timedelta(days=365)
PAST_SLACK = timedelta(minutes=10)
#: Events the resident is told of (notification kinds; announced through ``core.events``, as
#: notifications is a layer above this package).
CLAIMED = "help_request.claimed"
RELEASED = "help_request.released"


async def _tell_resident(db: AsyncSession, request: HelpRequest, kind: str) -> None:
    await events.announce(
        db,
        events.ResidentEvent(
            kind=kind,
            municipality_id=request.municipality_id,
            resident_id=request.resident_id,
            reference_id=request.id,
        ),
    )


# --- small helpers ---------------------------------------------------------------------------


def neighbourhood_key(name: str) -> str:
    """Neighbourhood names compare without case and extra spaces."""
    return " ".join(name.split()).casefold()


def _clean_neighbourhood(name: str) -> str:
    return " ".join(name.split())


def _language_errors(field: str, languages: Sequence[str]) -> list[FieldError]:
    return [
        FieldError(
            f"{field}[{i}]" if field == "languages" else field, N_("This language is not offered.")
        )
        for i, language in enumerate(languages)
        if language not in LANGUAGES
    ]


def _changed_in_meantime() -> Problem:
    return Problem(
        409,
        "state-changed",
        N_("Changed in the meantime"),
        N_("This help request changed in the meantime. Reload it; nothing was changed."),
    )


async def _page(
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


# --- profiles --------------------------------------------------------------------------------


def vetting_state(profile: VolunteerProfile) -> str:
    if profile.suspended_at is not None:
        return "suspended"
    return "vetted" if profile.vetted_at is not None else "unvetted"


def _profile_fields(profile: VolunteerProfile) -> dict[str, Any]:
    return {
        "id": profile.id,
        "display_name": profile.display_name,
        "languages": list(profile.languages),
        "skills": list(profile.skills),
        "areas": list(profile.areas),
        "availability": list(profile.availability),
        "organisation": profile.organisation,
        "vetting": Vetting(
            state=vetting_state(profile),
            vetted_at=profile.vetted_at,
            vog_date=profile.vog_date,
            suspended_at=profile.suspended_at,
        ),
        "updated_at": profile.updated_at,
    }


def profile_out(profile: VolunteerProfile) -> ProfileOut:
    return ProfileOut(**_profile_fields(profile))


async def own_profile(db: AsyncSession, principal: Principal) -> VolunteerProfile | None:
    return (
        await db.execute(
            select(VolunteerProfile).where(VolunteerProfile.account_id == principal.account_id)
        )
    ).scalar_one_or_none()


async def save_own_profile(
    db: AsyncSession, principal: Principal, data: ProfileIn
) -> tuple[VolunteerProfile, bool]:
    """Create or replace the volunteer's own profile; returns (profile, created)."""
    errors = _language_errors("languages", data.languages)
    display_name = data.display_name.strip()
    if not display_name:
        errors.append(FieldError("display_name", N_("This field is required.")))
    if errors:
        raise Problem.validation(errors)
    areas: list[str] = []
    for area in data.areas:
        if neighbourhood_key(area) not in {neighbourhood_key(a) for a in areas}:
            areas.append(_clean_neighbourhood(area))
    values = {
        "display_name": display_name,
        "languages": list(dict.fromkeys(data.languages)),
        "skills": list(dict.fromkeys(str(s) for s in data.skills)),
        "areas": areas,
        "availability": list(dict.fromkeys(data.availability)),
        "organisation": (data.organisation or "").strip() or None,
    }
    profile = await own_profile(db, principal)
    created = profile is None
    if profile is None:
        profile = VolunteerProfile(
            municipality_id=principal.municipality_id, account_id=principal.account_id, **values
        )
        db.add(profile)
    else:
        for name, value in values.items():
            setattr(profile, name, value)
        profile.version += 1
        profile.updated_at = utcnow()
    await db.commit()
    return profile, created


def _not_active() -> Problem:
    return Problem(
        403,
        "volunteer-not-active",
        N_("Not available yet"),
        N_(
            "You can see help requests once a coordinator has vetted your profile, "
            "and not while it is suspended."
        ),
    )


async def active_profile(db: AsyncSession, principal: Principal) -> VolunteerProfile:
    """The caller's profile if they may see anything about residents; 403 otherwise."""
    profile = await own_profile(db, principal)
    if not visibility.is_active(profile):
        raise _not_active()
    assert profile is not None
    return profile


# --- coordinator: profiles and vetting -------------------------------------------------------


async def _open_claims(db: AsyncSession, profile_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not profile_ids:
        return {}
    rows = await db.execute(
        select(HelpRequest.volunteer_id, func.count())
        .where(HelpRequest.volunteer_id.in_(profile_ids), HelpRequest.state == HelpState.claimed)
        .group_by(HelpRequest.volunteer_id)
    )
    return dict(rows.all())  # type: ignore[arg-type]


def coordinator_profile_out(profile: VolunteerProfile, open_claims: int) -> CoordinatorProfileOut:
    return CoordinatorProfileOut(
        **_profile_fields(profile),
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
        VolunteerProfile.municipality_id == principal.municipality_id
    )
    if state == "unvetted":
        query = query.where(
            VolunteerProfile.vetted_at.is_(None), VolunteerProfile.suspended_at.is_(None)
        )
    elif state == "vetted":
        query = query.where(
            VolunteerProfile.vetted_at.is_not(None), VolunteerProfile.suspended_at.is_(None)
        )
    elif state == "suspended":
        query = query.where(VolunteerProfile.suspended_at.is_not(None))
    rows, next_cursor = await _page(db, query, cursor=cursor, limit=limit, newest_first=True)
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
    oldest = today - timedelta(days=settings.volunteer_vog_max_age_days)
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
    await db.commit()
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
        .where(HelpRequest.volunteer_id == profile.id, HelpRequest.state == HelpState.claimed)
        .values(
            state=HelpState.open,
            volunteer_id=None,
            claimed_at=None,
            updated_at=now,
            version=HelpRequest.version + 1,
        )
        .execution_options(synchronize_session=False)
    )
    await db.commit()
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
        await db.commit()
    return profile


# --- residents: their own help requests ------------------------------------------------------


def _validate_request(data: HelpRequestIn, now: datetime) -> list[FieldError]:
    errors = _language_errors("language", [data.language])
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


async def _volunteer_refs(
    db: AsyncSession, ids: Sequence[uuid.UUID | None]
) -> dict[uuid.UUID, VolunteerProfile]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await db.execute(select(VolunteerProfile).where(VolunteerProfile.id.in_(wanted)))
    return {row.id: row for row in rows.scalars()}


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
) -> tuple[int, dict, bool]:
    assert principal.resident_id is not None
    now = utcnow()
    if errors := _validate_request(data, now):
        raise Problem.validation(errors)

    async def create() -> tuple[int, dict]:
        still_open = (
            await db.execute(
                select(func.count()).where(
                    HelpRequest.resident_id == principal.resident_id,
                    HelpRequest.state.not_in(list(CLOSED_STATES)),  # type: ignore[attr-defined]
                )
            )
        ).scalar_one()
        quotas.enforce(
            Quota.open_help_requests, quotas.Usage(still_open), settings.quota_open_help_requests
        )
        request = HelpRequest(
            municipality_id=principal.municipality_id,
            resident_id=principal.resident_id,
            category=str(data.category),
            description=data.description.strip(),
            wanted_from=data.wanted_from,
            wanted_until=data.wanted_until,
            neighbourhood=_clean_neighbourhood(data.neighbourhood),
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
    volunteers = await _volunteer_refs(db, [request.volunteer_id])
    return own_request_out(request, volunteers.get(request.volunteer_id))  # type: ignore[arg-type]


async def get_own_request(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID
) -> OwnHelpRequestOut:
    return await own_request_view(db, await _own_request(db, principal, request_id))


async def list_own_requests(
    db: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> Page[OwnHelpRequestOut]:
    query = select(HelpRequest).where(HelpRequest.resident_id == principal.resident_id)
    rows, next_cursor = await _page(db, query, cursor=cursor, limit=limit, newest_first=True)
    volunteers = await _volunteer_refs(db, [row.volunteer_id for row in rows])
    return Page(
        items=[own_request_out(row, volunteers.get(row.volunteer_id)) for row in rows],  # type: ignore[arg-type]
        next_cursor=next_cursor,
    )


async def _transition(
    db: AsyncSession,
    request: HelpRequest,
    *,
    from_states: Sequence[str],
    values: dict[str, Any],
    volunteer_id: uuid.UUID | None = None,
) -> bool:
    """Change the request only if it is still in one of ``from_states`` (and, if given, still
    held by ``volunteer_id``). Returns False, changing nothing, if someone came first."""
    conditions = [HelpRequest.id == request.id, HelpRequest.state.in_(list(from_states))]
    if volunteer_id is not None:
        conditions.append(HelpRequest.volunteer_id == volunteer_id)
    result = await db.execute(
        update(HelpRequest)
        .where(*conditions)
        .values(**values, updated_at=utcnow(), version=HelpRequest.version + 1)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


async def cancel_own_request(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID
) -> OwnHelpRequestOut:
    request = await _own_request(db, principal, request_id)
    if request.state == HelpState.cancelled:
        return await own_request_view(db, request)
    changed = await _transition(
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
    await db.commit()
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
    await db.commit()
    return await own_request_view(db, request)


async def report_own_request(
    db: AsyncSession,
    principal: Principal,
    request_id: uuid.UUID,
    data: ReportIn,
    idempotency_key: str | None,
) -> tuple[int, dict, bool]:
    """The resident reports a problem (with the volunteer or the request) to the coordinator."""
    request = await _own_request(db, principal, request_id)
    text = data.text.strip()
    if not text:
        raise Problem.validation([FieldError("text", N_("This field is required."))])

    async def create() -> tuple[int, dict]:
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


# --- volunteers ------------------------------------------------------------------------------


def _matches(profile: VolunteerProfile) -> list[Any]:
    """Open requests of the volunteer's municipality in a language they speak and (if they
    named areas) in one of their neighbourhoods, not yet past."""
    conditions: list[Any] = [
        HelpRequest.municipality_id == profile.municipality_id,
        HelpRequest.state == HelpState.open,
        HelpRequest.language.in_(list(profile.languages)),
        HelpRequest.wanted_until > utcnow(),
    ]
    if profile.areas:
        conditions.append(
            func.lower(HelpRequest.neighbourhood).in_([a.lower() for a in profile.areas])
        )
    return conditions


def _suits(profile: VolunteerProfile, request: HelpRequest) -> bool:
    """The request's language and neighbourhood suit the volunteer (whatever its state)."""
    if request.language not in profile.languages:
        return False
    areas = {neighbourhood_key(area) for area in profile.areas}
    return not areas or neighbourhood_key(request.neighbourhood) in areas


async def _audit_reads(
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
    await _audit_reads(db, principal, rows, purpose=purpose, contact_shown=shown)
    await db.commit()
    return items


async def open_requests(
    db: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> Page[VolunteerHelpRequestOut]:
    """Open requests the volunteer may take, oldest first (the longest waiting come first)."""
    profile = await active_profile(db, principal)
    query = select(HelpRequest).where(*_matches(profile))
    rows, next_cursor = await _page(db, query, cursor=cursor, limit=limit, newest_first=False)
    items = await _views(db, principal, profile, rows, "volunteer: open help requests")
    return Page(items=items, next_cursor=next_cursor)


async def my_requests(
    db: AsyncSession, principal: Principal, *, state: str | None, cursor: str | None, limit: int
) -> Page[VolunteerHelpRequestOut]:
    profile = await active_profile(db, principal)
    query = select(HelpRequest).where(HelpRequest.volunteer_id == profile.id)
    if state:
        query = query.where(HelpRequest.state == state)
    rows, next_cursor = await _page(db, query, cursor=cursor, limit=limit, newest_first=True)
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
            select(HelpRequest.id).where(HelpRequest.id == request_id, *_matches(profile))
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
        won = await _transition(
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
        await _tell_resident(db, request, CLAIMED)
        await db.commit()
        await db.refresh(request)
    elif request.state != HelpState.claimed:
        raise _changed_in_meantime()
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
    elif not await _transition(
        db, request, from_states=[HelpState.claimed], values=values, volunteer_id=profile.id
    ):
        await db.rollback()
        raise _changed_in_meantime()
    elif outcome == HelpState.open:
        await _tell_resident(db, request, RELEASED)
    await db.commit()
    await db.refresh(request)
    return (await _views(db, principal, profile, [request], "volunteer: help request"))[0]


# --- coordinators: requests, ageing, reassignment, reports -----------------------------------


def _age_hours(request: HelpRequest, now: datetime) -> float:
    end = request.claimed_at or request.closed_at or now
    return round((end - request.created_at).total_seconds() / 3600, 1)


async def _coordinator_outs(
    db: AsyncSession, principal: Principal, rows: Sequence[HelpRequest], purpose: str
) -> list[CoordinatorHelpRequestOut]:
    volunteers = await _volunteer_refs(db, [row.volunteer_id for row in rows])
    report_counts: dict[uuid.UUID, int] = {}
    if rows:
        counted = await db.execute(
            select(HelpReport.help_request_id, func.count())
            .where(HelpReport.help_request_id.in_([row.id for row in rows]))
            .group_by(HelpReport.help_request_id)
        )
        report_counts = dict(counted.all())  # type: ignore[arg-type]
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
    await _audit_reads(db, principal, rows, purpose=purpose)
    await db.commit()
    return items


async def requests_for_coordinator(
    db: AsyncSession,
    principal: Principal,
    *,
    state: str | None,
    cursor: str | None,
    limit: int,
) -> Page[CoordinatorHelpRequestOut]:
    query = select(HelpRequest).where(HelpRequest.municipality_id == principal.municipality_id)
    if state:
        query = query.where(HelpRequest.state == state)
    rows, next_cursor = await _page(db, query, cursor=cursor, limit=limit, newest_first=True)
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
        HelpRequest.municipality_id == principal.municipality_id,
        HelpRequest.state == HelpState.open,
        HelpRequest.created_at <= cutoff,
    )
    rows, next_cursor = await _page(db, query, cursor=cursor, limit=limit, newest_first=False)
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
    if not await _transition(
        db, request, from_states=[HelpState.open, HelpState.claimed], values=values
    ):
        await db.rollback()
        raise _changed_in_meantime()
    # ``request`` still holds the state before the change (the UPDATE did not touch it).
    if volunteer_id is not None and request.volunteer_id != volunteer_id:
        await _tell_resident(db, request, CLAIMED)
    elif volunteer_id is None and request.state == HelpState.claimed:
        await _tell_resident(db, request, RELEASED)
    await db.commit()
    await db.refresh(request)
    return (await _coordinator_outs(db, principal, [request], "coordinator: reassign"))[0]


async def reports_for_coordinator(
    db: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> Page[CoordinatorReportOut]:
    query = select(HelpReport).where(HelpReport.municipality_id == principal.municipality_id)
    rows, next_cursor = await _page(db, query, cursor=cursor, limit=limit, newest_first=True)
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
    await db.commit()
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


# --- for other domains (reports, GDPR) -------------------------------------------------------


async def requests_created_between(
    db: AsyncSession, municipality_id: uuid.UUID, start: datetime, end: datetime
) -> list[tuple[datetime, str, str, uuid.UUID]]:
    """(created_at, category, state, resident_id) of a municipality's requests in [start, end)."""
    rows = await db.execute(
        select(
            HelpRequest.created_at,
            HelpRequest.category,
            HelpRequest.state,
            HelpRequest.resident_id,
        ).where(
            HelpRequest.municipality_id == municipality_id,
            HelpRequest.created_at >= start,
            HelpRequest.created_at < end,
        )
    )
    return [tuple(row) for row in rows.all()]  # type: ignore[misc]
