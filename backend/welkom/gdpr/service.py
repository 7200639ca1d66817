# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""GDPR rights: the export (AVG art. 15 and 20) and erasure (art. 17).

Both walk the handlers the domains registered (:data:`welkom.core.gdpr.REGISTRY`), one per table
that holds resident data.
"""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col

from welkom import __version__
from welkom.audit import service as audit
from welkom.auth.models import Account
from welkom.core import idempotency
from welkom.core.database import rows_changed
from welkom.core.gdpr import REGISTRY, Subject, erasure_order, resident_tables
from welkom.core.i18n import N_, gettext
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.pagination import Page, keyset_page
from welkom.core.problems import FieldError, Problem
from welkom.gdpr.models import ErasureRequest, ErasureState
from welkom.gdpr.schemas import (
    ErasureRefusalIn,
    ErasureRequestDetail,
    ErasureRequestIn,
    ErasureRequestOut,
    RetainedTable,
)
from welkom.interactions.models import Interaction, RegistrationState
from welkom.municipalities import service as municipalities
from welkom.notifications import kinds as notification_kinds
from welkom.notifications import service as notifications
from welkom.processing import service as processing
from welkom.residents import service as residents
from welkom.residents.models import Resident
from welkom.storage.ports import Storage, StorageUnavailableError

EXPORT_FORMAT = "urn:welkom:export:1"
#: Every table; each handler's module imports its own tables, so a registered handler's table
#: is always here.
metadata = SQLModel.metadata


async def _subject(db: AsyncSession, resident_id: uuid.UUID, municipality_id: uuid.UUID) -> Subject:
    ids = (
        await db.execute(select(col(Account.id)).where(col(Account.resident_id) == resident_id))
    ).scalars()
    return Subject(resident_id, municipality_id, tuple(ids))


async def export(db: AsyncSession, resident_id: uuid.UUID) -> dict[str, Any]:
    """Everything Welkom holds on the resident, one section per table, plus what an erasure
    would keep and why."""
    resident = await residents.get_own(db, resident_id)
    municipality = await municipalities.get(db, resident.municipality_id)
    subject = await _subject(db, resident.id, resident.municipality_id)
    tables: dict[str, list[dict[str, Any]]] = {}
    for handler in REGISTRY.handlers:
        if handler.export is not None:
            tables[handler.table] = await handler.export(db, subject)
    await processing.record(
        db,
        municipality_id=resident.municipality_id,
        resident_ids=(resident.id,),
        purpose="gdpr_export",
        action="export",
        resource="resident.all",
        fields=sorted(tables),
        description="The resident's export of their own data",
    )
    return {
        "format": EXPORT_FORMAT,
        "generator": f"Welkom {__version__}",
        "generated_at": utcnow().isoformat(),
        "resident_id": str(resident.id),
        "controller": {
            "name": municipality.name,
            "gemeentecode": municipality.code,
            "rsin": municipality.rsin,
        },
        "not_included": (
            "Zaken and documents in the municipality's case system: ask the municipality for "
            "those (their identificatie is listed under 'interaction')."
        ),
        "retained_after_erasure": {
            h.table: {"reason": h.retention_reason, "columns": h.retained}
            for h in REGISTRY.handlers
            if h.retained
        },
        "tables": tables,
    }


# --- Erasure ---------------------------------------------------------------------------------

_WHAT_HAPPENS = {
    ErasureState.requested: N_(
        "The municipality will erase your data in Welkom. We keep only what the law requires: "
        "your consent history and which questions became cases. Cases stay with the "
        "municipality."
    ),
    ErasureState.completed: N_(
        "Your data in Welkom has been erased. We keep only what the law requires: your consent "
        "history and which questions became cases."
    ),
    ErasureState.refused: N_(
        "The municipality did not erase your data. You can read why below. You can ask again, "
        "or complain to the Autoriteit Persoonsgegevens."
    ),
}


def request_out(request: ErasureRequest, language: str) -> ErasureRequestOut:
    return ErasureRequestOut(
        id=request.id,
        state=request.state,
        requested_at=request.requested_at,
        completed_at=request.completed_at,
        what_happens=gettext(_WHAT_HAPPENS[ErasureState(request.state)], language),
        refused_at=request.refused_at,
        refusal_reason=request.refusal_reason,
    )


async def _open_request(db: AsyncSession, resident_id: uuid.UUID) -> ErasureRequest | None:
    return (
        await db.execute(
            select(ErasureRequest).where(
                col(ErasureRequest.resident_id) == resident_id,
                col(ErasureRequest.state) == ErasureState.requested,
            )
        )
    ).scalar_one_or_none()


async def request_erasure(
    db: AsyncSession,
    principal: Principal,
    data: ErasureRequestIn,
    idempotency_key: str | None,
    language: str,
) -> tuple[int, dict[str, Any], bool]:
    """Record the resident's request. An open request is answered again (200), not doubled."""
    assert principal.resident_id is not None
    resident = await residents.get_own(db, principal.resident_id)

    async def create() -> tuple[int, dict[str, Any]]:
        if (existing := await _open_request(db, resident.id)) is not None:
            return 200, msgspec.to_builtins(request_out(existing, language))
        reason = data.reason.strip() if data.reason else None
        request = ErasureRequest(
            municipality_id=resident.municipality_id, resident_id=resident.id, reason=reason or None
        )
        db.add(request)
        return 201, msgspec.to_builtins(request_out(request, language))

    return await idempotency.create_once(
        db,
        scope=f"erasure:{principal.account_id}",
        key=idempotency_key,
        payload=msgspec.to_builtins(data),
        create=create,
        resident_id=resident.id,
    )


async def latest_request(db: AsyncSession, resident_id: uuid.UUID) -> ErasureRequest:
    request = (
        await db.execute(
            select(ErasureRequest)
            .where(col(ErasureRequest.resident_id) == resident_id)
            .order_by(col(ErasureRequest.requested_at).desc())
            .limit(1)
        )
    ).scalar_one_or_none()
    if request is None:
        raise Problem.not_found()
    return request


# --- records management ------------------------------------------------------------------

RECORDS_ROLE = "records_manager"


async def records_manager(db: AsyncSession, account_id: uuid.UUID) -> Principal | None:
    """The principal of a records manager's account, for the ``welkom erasure`` commands
    (they act as that person, so the audit log names them); None if it is not one."""
    account = await db.get(Account, account_id)
    if account is None or RECORDS_ROLE not in account.roles:
        return None
    return Principal(
        account_id=account.id,
        municipality_id=account.municipality_id,
        roles=frozenset({RECORDS_ROLE}),
        session_id=uuid.UUID(int=0),  # no session: the command line
        display_name=account.display_name,
    )


def _may_decide(principal: Principal) -> None:
    if RECORDS_ROLE not in principal.roles:
        raise Problem.not_found()


async def _request_of_municipality(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID
) -> ErasureRequest:
    """The request, if it belongs to the caller's municipality; 404 otherwise (never another
    tenant's, and the same answer as for an id that names nothing)."""
    _may_decide(principal)
    request = await db.get(ErasureRequest, request_id)
    if request is None or request.municipality_id != principal.municipality_id:
        raise Problem.not_found()
    return request


async def _audit(
    db: AsyncSession, principal: Principal, request: ErasureRequest, action: str, purpose: str
) -> None:
    await audit.record(
        db,
        principal,
        resident_id=request.resident_id,
        municipality_id=request.municipality_id,
        resource="gdpr.erasure_request",
        fields=["erasure"],
        action=action,  # type: ignore[arg-type]
        purpose=purpose,
    )


async def list_requests(
    db: AsyncSession,
    principal: Principal,
    *,
    state: str | None,
    cursor: str | None,
    limit: int,
) -> Page[ErasureRequest]:
    """Requests of the caller's municipality, oldest first (the longest waiting lead), by
    state (all states when ``state`` is None), paged by (requested_at, id)."""
    _may_decide(principal)
    query = select(ErasureRequest).where(
        col(ErasureRequest.municipality_id) == principal.municipality_id
    )
    if state is not None:
        query = query.where(col(ErasureRequest.state) == state)
    found, next_cursor = await keyset_page(
        db,
        query,
        col(ErasureRequest.requested_at),
        col(ErasureRequest.id),
        cursor=cursor,
        limit=limit,
        newest_first=False,
    )
    return Page(items=found, next_cursor=next_cursor)


async def _retained(db: AsyncSession, resident_id: uuid.UUID) -> list[RetainedTable]:
    """From the handlers: each table whose rows an erasure keeps (partly), with the rows about
    this resident now and the reason the code states."""
    columns = resident_tables(metadata)
    out = []
    for handler in REGISTRY.handlers:
        if not handler.retained or handler.table not in columns:
            continue
        table = metadata.tables[handler.table]
        count = (
            await db.execute(
                select(func.count())
                .select_from(table)
                .where(table.c[columns[handler.table]] == resident_id)
            )
        ).scalar_one()
        out.append(
            RetainedTable(
                table=handler.table,
                rows=count,
                reason=handler.retention_reason,
                columns=dict(handler.retained),
            )
        )
    return out


async def request_detail(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID
) -> ErasureRequestDetail:
    """One request with what completing it keeps and why; the read is audited."""
    request = await _request_of_municipality(db, principal, request_id)
    waiting = (
        await db.execute(
            select(func.count())
            .select_from(Interaction)
            .where(
                col(Interaction.resident_id) == request.resident_id,
                col(Interaction.registration_state) != RegistrationState.registered,
            )
        )
    ).scalar_one()
    detail = ErasureRequestDetail(
        id=request.id,
        resident_id=request.resident_id,
        state=request.state,
        requested_at=request.requested_at,
        reason=request.reason,
        completed_at=request.completed_at,
        completed_by_account_id=request.completed_by_account_id,
        refused_at=request.refused_at,
        refused_by_account_id=request.refused_by_account_id,
        refusal_reason=request.refusal_reason,
        waiting_for_registration=waiting,
        retained=await _retained(db, request.resident_id),
        outcome=dict(request.outcome or {}),
    )
    await _audit(db, principal, request, "read", "records management: erasure request")
    return detail


def _already_decided(request: ErasureRequest) -> Problem:
    if request.state == ErasureState.completed:
        return Problem.conflict(
            "erasure-already-completed",
            N_("Already erased"),
            N_("This erasure request was already carried out. Nothing was changed."),
        )
    return Problem.conflict(
        "erasure-already-refused",
        N_("Already refused"),
        N_("This erasure request was already refused. Nothing was changed."),
    )


async def _decide(db: AsyncSession, request: ErasureRequest, **values: object) -> None:
    """Move an open request to its decision, only if it is still open: of two decisions at
    the same moment one wins and the other is a 409 that changes nothing."""
    decided = await rows_changed(
        db,
        update(ErasureRequest)
        .where(
            col(ErasureRequest.id) == request.id,
            col(ErasureRequest.state) == ErasureState.requested,
        )
        .values(**values)
        .execution_options(synchronize_session=False),
    )
    if decided != 1:
        await db.rollback()
        raise idempotency.concurrent_change()
    for name, value in values.items():
        setattr(request, name, value)


async def refuse_erasure(
    db: AsyncSession, principal: Principal, request_id: uuid.UUID, data: ErasureRefusalIn
) -> ErasureRequest:
    """Records management refuses an open request with a reason the resident reads (AVG art.
    12(4)). The resident gets a notification (rendered in their language when read); the
    refusal is audited. The resident may file a new request afterwards."""
    request = await _request_of_municipality(db, principal, request_id)
    reason = data.reason.strip()
    if not reason:
        raise Problem.validation([FieldError("reason", N_("This field is required."))])
    if request.state != ErasureState.requested:
        raise _already_decided(request)
    await _decide(
        db,
        request,
        state=ErasureState.refused,
        refused_at=utcnow(),
        refused_by_account_id=principal.account_id,
        refusal_reason=reason,
    )
    await _audit(db, principal, request, "update", "records management: erasure refused")
    accounts = (
        await db.execute(
            select(col(Account.id)).where(col(Account.resident_id) == request.resident_id)
        )
    ).scalars()
    for account_id in accounts:
        await notifications.notify(
            db,
            municipality_id=request.municipality_id,
            recipient_account_id=account_id,
            kind=notification_kinds.ERASURE_REFUSED,
            reference_id=request.id,
        )
    try:
        await db.flush()
    except IntegrityError:
        await db.rollback()
        raise idempotency.concurrent_change() from None
    return request


async def complete_erasure(
    db: AsyncSession,
    principal: Principal,
    request_id: uuid.UUID,
    storage: Storage | None = None,
) -> ErasureRequest:
    """Records management of the resident's municipality carries out an erasure request.

    Every handler runs in one transaction, referencing tables first; if any refuses (a question
    not yet in the case system), nothing changes. The resident's uploaded files are then
    deleted from ``storage`` (the app's: ``app.state.case_routing.storage``) before the commit;
    if the store is away, nothing changes and the caller is asked to try again (503).
    Deleting is idempotent, so a retry after a failed commit finds nothing amiss. The outcome
    per table is kept on the request; the completion is audited (the audit log is retained).
    No notification: the resident's accounts and inbox are gone with the rest.
    """
    request = await _request_of_municipality(db, principal, request_id)
    if request.state != ErasureState.requested:
        raise _already_decided(request)
    resident = await db.get(Resident, request.resident_id)
    assert resident is not None  # a foreign key; a tombstone stays
    subject = await _subject(db, resident.id, resident.municipality_id)
    outcome: dict[str, dict[str, int]] = {}
    files: list[str] = []
    try:
        for handler in erasure_order(metadata, REGISTRY.handlers):
            erased = await handler.erase(db, subject, principal)
            outcome[handler.table] = erased.as_dict()
            files += erased.files
        if files:
            await _delete_files(storage, files)
        await processing.record(
            db,
            municipality_id=resident.municipality_id,
            resident_ids=(resident.id,),
            purpose="gdpr_erasure",
            action="erase",
            resource="resident.all",
            fields=sorted(table for table, erased in outcome.items() if any(erased.values())),
            description="Erasure on the resident's request",
            actor=processing.Actor(
                principal.account_id, principal.acting_role, principal.display_name
            ),
        )
        await _decide(
            db,
            request,
            state=ErasureState.completed,
            completed_at=utcnow(),
            completed_by_account_id=principal.account_id,
            outcome=outcome,
            reason=None,
        )
        await _audit(db, principal, request, "delete", "records management: erasure completed")
        await db.flush()
    except IntegrityError:
        await db.rollback()
        raise idempotency.concurrent_change() from None
    except BaseException:
        await db.rollback()
        raise
    return request


async def _delete_files(storage: Storage | None, keys: list[str]) -> None:
    if storage is None:
        raise RuntimeError("complete_erasure needs the storage to delete uploaded files")
    try:
        for key in keys:
            await storage.delete(key)
    except StorageUnavailableError as exc:
        raise Problem(
            503,
            "storage-unavailable",
            N_("Service unavailable"),
            N_("The service is temporarily unavailable. Please try again later."),
            headers={"Retry-After": "30"},
        ) from exc
