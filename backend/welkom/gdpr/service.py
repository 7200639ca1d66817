"""GDPR rights: the export (AVG art. 15 and 20) and erasure (art. 17).

Both walk the handlers in :mod:`welkom.gdpr.handlers`, one per table that holds resident data.
"""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from welkom import __version__
from welkom.auth.models import Account
from welkom.auth.service import Principal
from welkom.core import idempotency
from welkom.core.i18n import N_, gettext
from welkom.core.models import utcnow
from welkom.core.problems import Problem
from welkom.gdpr.handlers import HANDLERS
from welkom.gdpr.models import ErasureRequest, ErasureState
from welkom.gdpr.registry import Subject, erasure_order
from welkom.gdpr.schemas import ErasureRequestIn, ErasureRequestOut
from welkom.municipalities import service as municipalities
from welkom.processing import service as processing
from welkom.residents import service as residents
from welkom.storage.ports import Storage, StorageUnavailableError
from welkom.tables import metadata

EXPORT_FORMAT = "urn:welkom:export:1"


async def _subject(db: AsyncSession, resident_id: uuid.UUID, municipality_id: uuid.UUID) -> Subject:
    ids = (await db.execute(select(Account.id).where(Account.resident_id == resident_id))).scalars()
    return Subject(resident_id, municipality_id, tuple(ids))


async def export(db: AsyncSession, resident_id: uuid.UUID) -> dict[str, Any]:
    """Everything Welkom holds on the resident, one section per table, plus what an erasure
    would keep and why."""
    resident = await residents.get_own(db, resident_id)
    municipality = await municipalities.get(db, resident.municipality_id)
    subject = await _subject(db, resident.id, resident.municipality_id)
    tables: dict[str, list[dict[str, Any]]] = {}
    for handler in HANDLERS:
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
    await db.commit()
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
            for h in HANDLERS
            if h.retained
        },
        "tables": tables,
    }


# --- Erasure ---------------------------------------------------------------------------------

_WHAT_HAPPENS = N_(
    "Your caseworker will erase your data in Welkom. We keep only what the law requires: your "
    "consent history and which questions became cases. Cases stay with the municipality."
)


def request_out(request: ErasureRequest, language: str) -> ErasureRequestOut:
    return ErasureRequestOut(
        id=request.id,
        state=request.state,
        requested_at=request.requested_at,
        completed_at=request.completed_at,
        what_happens=gettext(_WHAT_HAPPENS, language),
    )


async def _open_request(db: AsyncSession, resident_id: uuid.UUID) -> ErasureRequest | None:
    return (
        await db.execute(
            select(ErasureRequest).where(
                ErasureRequest.resident_id == resident_id,
                ErasureRequest.state == ErasureState.requested,
            )
        )
    ).scalar_one_or_none()


async def request_erasure(
    db: AsyncSession,
    principal: Principal,
    data: ErasureRequestIn,
    idempotency_key: str | None,
    language: str,
) -> tuple[int, dict, bool]:
    """Record the resident's request. An open request is answered again (200), not doubled."""
    assert principal.resident_id is not None
    resident = await residents.get_own(db, principal.resident_id)

    async def create() -> tuple[int, dict]:
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
    )


async def latest_request(db: AsyncSession, resident_id: uuid.UUID) -> ErasureRequest:
    request = (
        await db.execute(
            select(ErasureRequest)
            .where(ErasureRequest.resident_id == resident_id)
            .order_by(ErasureRequest.requested_at.desc())
            .limit(1)
        )
    ).scalar_one_or_none()
    if request is None:
        raise Problem.not_found()
    return request


async def open_requests(db: AsyncSession, principal: Principal) -> list[ErasureRequest]:
    """Open requests in the caseworker's municipality, oldest first (admin API, later)."""
    if "caseworker" not in principal.roles:
        raise Problem.not_found()
    return list(
        (
            await db.execute(
                select(ErasureRequest)
                .where(
                    ErasureRequest.municipality_id == principal.municipality_id,
                    ErasureRequest.state == ErasureState.requested,
                )
                .order_by(ErasureRequest.requested_at)
            )
        )
        .scalars()
        .all()
    )


async def complete_erasure(
    db: AsyncSession,
    principal: Principal,
    request_id: uuid.UUID,
    storage: Storage | None = None,
) -> ErasureRequest:
    """A caseworker of the resident's municipality carries out an erasure request.

    Every handler runs in one transaction, referencing tables first; if any refuses (a question
    not yet in the case system), nothing changes. The resident's uploaded files are then
    deleted from ``storage`` (the app's: ``app.state.case_routing.storage``) before the commit;
    if the store is away, nothing changes and the caseworker is asked to try again (503).
    Deleting is idempotent, so a retry after a failed commit finds nothing amiss. The outcome
    per table is kept on the request.
    """
    request = await db.get(ErasureRequest, request_id)
    if request is None or "caseworker" not in principal.roles:
        raise Problem.not_found()
    resident = await residents.get_for_caseworker(db, principal, request.resident_id)
    if request.state != ErasureState.requested:
        raise Problem.conflict(
            "erasure-already-completed",
            N_("Already erased"),
            N_("This erasure request was already carried out. Nothing was changed."),
        )
    subject = await _subject(db, resident.id, resident.municipality_id)
    outcome: dict[str, dict[str, int]] = {}
    files: list[str] = []
    try:
        for handler in erasure_order(metadata, HANDLERS):
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
        request.state = ErasureState.completed
        request.completed_at = utcnow()
        request.completed_by_account_id = principal.account_id
        request.outcome = outcome
        request.reason = None
        await db.commit()
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
