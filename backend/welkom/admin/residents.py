# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Caseworkers and the residents of their municipality: the resident list, intake and a resident's
detail; and the audit record every caseworker read or change of a resident's data gets (in the
same transaction).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.admin import readmodel
from welkom.admin.schemas import (
    CaseworkerAssignIn,
    CaseworkerRef,
    RegisteredDataOut,
    ResidentDetail,
    ResidentIntakeIn,
    ResidentSummary,
)
from welkom.audit import service as audit
from welkom.core import idempotency
from welkom.core.dates import optional_instant
from welkom.core.i18n import LANGUAGES, N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.pagination import Page, cut, paged
from welkom.core.problems import FieldError, Problem
from welkom.residents import service as residents
from welkom.residents.models import Resident
from welkom.volunteers.models import HelpRequest


async def audit_residents(
    db: AsyncSession,
    principal: Principal,
    resident_ids: Iterable[uuid.UUID],
    *,
    resource: str,
    fields: Iterable[str],
    action: audit.Action = "read",
    purpose: str,
) -> None:
    """One audit record for each resident (once each) a caseworker read or changed."""
    for resident_id in dict.fromkeys(resident_ids):
        await audit.record(
            db,
            principal,
            resident_id=resident_id,
            resource=resource,
            fields=list(fields),
            action=action,
            purpose=purpose,
        )


async def resident_in_reach(
    db: AsyncSession, principal: Principal, resident_id: uuid.UUID
) -> Resident:
    """A (not erased) resident of the caseworker's municipality, or 404."""
    resident = await residents.get_for_caseworker(db, principal, resident_id)
    if resident.erased_at is not None:
        raise Problem.not_found()
    return resident


async def assign_caseworker(
    db: AsyncSession, principal: Principal, resident_id: uuid.UUID, data: CaseworkerAssignIn
) -> Resident:
    """The resident's caseworker becomes the caller, or the colleague ``data.account_id``: one
    of the municipality's caseworkers (:func:`readmodel.caseworkers`). Any other account, one of
    another municipality too, is refused alike at ``account_id``."""
    if data.account_id is None or data.account_id == principal.account_id:
        account_id, name = principal.account_id, principal.display_name
    else:
        await resident_in_reach(db, principal, resident_id)  # 404 first, for another tenant's
        colleague = await readmodel.caseworker_account(
            db, principal.municipality_id, data.account_id
        )
        if colleague is None:
            raise Problem.validation(
                [FieldError("account_id", N_("There is no such caseworker in your municipality."))]
            )
        account_id, name = colleague.id, colleague.display_name
    return await residents.assign_caseworker(
        db, principal, resident_id, account_id=account_id, name=name, contact=data.contact
    )


def _caseworker_ref(resident: Resident) -> CaseworkerRef | None:
    if resident.caseworker_account_id is None:
        return None
    return CaseworkerRef(account_id=resident.caseworker_account_id, name=resident.caseworker_name)


async def list_residents(
    db: AsyncSession,
    principal: Principal,
    *,
    caseload: str | None,
    journey_step: str | None,
    journey_status: str | None,
    waiting: bool | None,
    active_since: datetime | None,
    inactive_since: datetime | None,
    cursor: str | None,
    limit: int,
) -> Page[ResidentSummary]:
    """Residents of the caseworker's municipality, newest first, filtered."""
    active_since = optional_instant(active_since, "active_since")
    inactive_since = optional_instant(inactive_since, "inactive_since")
    caseload_filter: uuid.UUID | str | None = caseload
    if caseload == "mine":
        caseload_filter = principal.account_id
    elif caseload not in (None, "unassigned"):
        try:
            caseload_filter = uuid.UUID(caseload)
        except ValueError:
            raise Problem.validation(
                [
                    FieldError(
                        "caseload",
                        N_("Use mine, unassigned or a caseworker's account id."),
                        source="query",
                    )
                ]
            ) from None
    conditions = readmodel.resident_filters(
        principal.municipality_id,
        caseload=caseload_filter,
        journey_step=journey_step,
        journey_status=journey_status,
        waiting=waiting,
        active_since=active_since,
        inactive_since=inactive_since,
    )
    query = select(
        Resident,
        readmodel.waiting_on_municipality().label("waiting"),
        readmodel.last_activity().label("last_activity"),
    ).where(*conditions)
    rows = (
        await db.execute(paged(query, Resident.created_at, Resident.id, cursor=cursor, limit=limit))
    ).all()
    page, next_cursor = cut(rows, limit, lambda row: (row[0].created_at, row[0].id))
    items = [
        ResidentSummary(
            id=resident.id,
            preferred_name=resident.preferred_name,
            preferred_language=resident.preferred_language,
            caseworker=_caseworker_ref(resident),
            waiting_on_municipality=waiting_count,
            last_activity_at=_aware(last),
            created_at=resident.created_at,
        )
        for resident, waiting_count, last in page
    ]
    await audit_residents(
        db,
        principal,
        (item.id for item in items),
        resource="admin.resident",
        fields=["summary"],
        purpose="caseworker: resident list",
    )
    return Page(items=items, next_cursor=next_cursor)


def _aware(value: Any) -> datetime:
    """Aggregates come back without the column type on SQLite (text or naive): make them UTC."""
    from datetime import UTC

    moment: datetime = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def intake(
    db: AsyncSession, principal: Principal, data: ResidentIntakeIn, idempotency_key: str | None
) -> tuple[int, dict[str, Any], bool]:
    """Make a resident record at intake (the resident activates it with an activation code)."""
    errors = [
        FieldError(name, N_("This language is not offered."))
        for name, value in [("preferred_language", data.preferred_language)]
        + [(f"languages[{i}]", tag) for i, tag in enumerate(data.languages)]
        if value not in LANGUAGES
    ]
    if not data.preferred_name.strip():
        errors.append(FieldError("preferred_name", N_("This field is required.")))
    if data.arrival_date is not None and data.arrival_date > utcnow().date():
        errors.append(FieldError("arrival_date", N_("This date is in the future.")))
    if errors:
        raise Problem.validation(errors)

    async def create() -> tuple[int, dict[str, Any]]:
        now = utcnow()
        resident = Resident(
            municipality_id=principal.municipality_id,
            preferred_name=data.preferred_name.strip(),
            preferred_language=data.preferred_language,
            full_name=(data.full_name or "").strip() or None,
            languages=list(dict.fromkeys(data.languages)),
            email=data.email,
            phone=data.phone,
            arrival_date=data.arrival_date,
            caseworker_account_id=principal.account_id if data.become_caseworker else None,
            caseworker_name=principal.display_name if data.become_caseworker else None,
            created_at=now,
            updated_at=now,
        )
        db.add(resident)
        await db.flush()
        await audit_residents(
            db,
            principal,
            [resident.id],
            resource="admin.resident",
            fields=["profile", "contact"],
            action="create",
            purpose="caseworker: intake",
        )
        return 201, msgspec.to_builtins(_detail(resident, open_questions=0, help_requests=0))

    return await idempotency.create_once(
        db,
        scope=f"admin-intake:{principal.account_id}",
        key=idempotency_key,
        payload=msgspec.to_builtins(data),
        create=create,
        resident_id=lambda body: uuid.UUID(body["id"]),
    )


def _detail(resident: Resident, *, open_questions: int, help_requests: int) -> ResidentDetail:
    return ResidentDetail(
        id=resident.id,
        preferred_name=resident.preferred_name,
        full_name=resident.full_name,
        preferred_language=resident.preferred_language,
        languages=list(resident.languages or []),
        email=resident.email,
        phone=resident.phone,
        arrival_date=resident.arrival_date,
        caseworker=_caseworker_ref(resident),
        open_questions=open_questions,
        help_requests=help_requests,
        created_at=resident.created_at,
        updated_at=resident.updated_at,
        version=resident.version,
        registered=RegisteredDataOut(
            registered_name=resident.registered_name,
            registered_name_source=resident.registered_name_source,
            bsn=resident.bsn,
            bsn_source=resident.bsn_source,
            v_number=resident.v_number,
            v_number_source=resident.v_number_source,
            legal_basis=resident.municipal_data_legal_basis,
        ),
    )


async def resident_detail(
    db: AsyncSession, principal: Principal, resident_id: uuid.UUID
) -> ResidentDetail:
    resident = await resident_in_reach(db, principal, resident_id)
    waiting = (
        await db.execute(
            select(readmodel.waiting_on_municipality()).where(col(Resident.id) == resident.id)
        )
    ).scalar_one()
    help_requests = (
        await db.execute(
            select(func.count())
            .select_from(HelpRequest)
            .where(col(HelpRequest.resident_id) == resident.id)
        )
    ).scalar_one()
    await audit_residents(
        db,
        principal,
        [resident.id],
        resource="admin.resident",
        fields=["profile", "contact", "registered_data"],
        purpose="caseworker: resident detail",
    )
    return _detail(resident, open_questions=waiting, help_requests=help_requests)
