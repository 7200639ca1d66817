# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Case routes: the resident's cases, records management's view of registrations, and the
callback of the Notificaties API."""

from __future__ import annotations

import hmac
import json
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from litestar import Controller, Request, get, post
from litestar.datastructures import State
from litestar.params import FromPath, HeaderParameter, JSONBody, PathParameter, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.cases import service
from welkom.cases.casetypes import CaseTypeFileError
from welkom.cases.schemas import NotificationIn, RegistrationEntryOut
from welkom.core.deps import AppSettings, DbSession
from welkom.core.guards import Caller, public, requires_role
from welkom.core.i18n import N_, gettext
from welkom.core.pagination import Page
from welkom.core.problems import FieldError, Problem, request_language
from welkom.core.unit_of_work import after_commit
from welkom.interactions import reference as case_reference
from welkom.interactions import service as interactions
from welkom.interactions.models import Interaction, RegistrationState
from welkom.interactions.schemas import CaseOut
from welkom.municipalities import service as municipalities
from welkom.outbox import service as outbox
from welkom.outbox.models import OutboxEntry, OutboxState
from welkom.zgw.errors import CaseRegisterError, CaseRegisterRefused

#: How a registration kind records that it is pending again (a retry of a parked entry).
RequeueRecorder = Callable[[AsyncSession, uuid.UUID], Awaitable[None]]
#: ``klantcontact``: a question or answer registered in Open Klant (docs/cases.md).
REGISTRATION_SUBJECTS = ("question", "document", "answer", "klantcontact")
REGISTRATION_STATES = {
    # what needs a person: parked, or still pending after failing at least once
    "attention": (OutboxState.parked, OutboxState.pending, OutboxState.in_progress),
    "parked": (OutboxState.parked,),
    "pending": (OutboxState.pending, OutboxState.in_progress),
    "delivered": (OutboxState.delivered,),
}
_LOCAL_LABELS = {
    RegistrationState.pending: N_("Sent"),
    RegistrationState.parked: N_("Sent"),  # parking is records management's business
    RegistrationState.registered: N_("Received by the municipality"),
}


class MyCasesController(Controller):
    path = "/api/v1/me/cases"
    tags = ["cases"]
    guards = [requires_role("resident")]

    @get("/", operation_id="listMyCases", summary="List your cases")
    async def list_cases(
        self,
        request: Request[Any, Any, Any],
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 20,
    ) -> Page[CaseOut]:
        """What the resident sent and where each case stands, labelled in their language."""
        assert principal.resident_id is not None
        rows, next_cursor = await interactions.for_resident(
            db, principal.resident_id, cursor=cursor, limit=limit
        )
        items = await _case_outs(request, db, principal.municipality_id, rows)
        return Page(items=items, next_cursor=next_cursor)

    @get(
        "/by-reference/{reference:str}",
        operation_id="getMyCaseByReference",
        summary="Find one of my cases by its reference",
    )
    async def by_reference(
        self,
        request: Request[Any, Any, Any],
        db: DbSession,
        principal: Caller,
        reference: Annotated[str, PathParameter(max_length=40)],
    ) -> CaseOut:
        """One of the resident's cases by its short reference (``K7Q2-9MXA``; case, hyphens,
        spaces and O/I/L for 0/1 are forgiven). Another resident's case is 404."""
        assert principal.resident_id is not None
        row = await interactions.by_reference(
            db, principal.municipality_id, reference, resident_id=principal.resident_id
        )
        (item,) = await _case_outs(request, db, principal.municipality_id, [row])
        return item


async def _case_outs(
    request: Request[Any, Any, Any],
    db: AsyncSession,
    municipality_id: uuid.UUID,
    rows: list[Interaction],
) -> list[CaseOut]:
    """The resident's interactions as cases, each status labelled in the request's language."""
    statuses = await service.statuses_for(db, [row.id for row in rows])
    municipality = await municipalities.get(db, municipality_id)
    routing: service.CaseRouting = request.app.state.case_routing
    language = request_language(request)
    items = []
    for row in rows:
        status = statuses.get(row.id)
        label = gettext(_LOCAL_LABELS[RegistrationState(row.registration_state)], language)
        if status is not None and municipality.case_register == "zgw":
            try:
                found = routing.case_types(municipality).status_label(status.statustype)
            except CaseTypeFileError:
                found = None
            if found is not None:
                label = found.label(language)
        items.append(
            CaseOut(
                interaction_id=row.id,
                reference=case_reference.display(row.reference),
                kind=row.kind,
                created_at=row.created_at,
                registration=interactions.registration_of(row),
                status=label,
                status_set_at=status.status_set_at if status else None,
            )
        )
    return items


def _entry_out(entry: OutboxEntry) -> RegistrationEntryOut:
    problem = None
    if entry.last_error and entry.last_error.startswith("PermanentDeliveryError: {"):
        try:
            problem = json.loads(entry.last_error.split(": ", 1)[1])
        except ValueError:
            problem = None
    return RegistrationEntryOut(
        id=entry.id,
        kind=entry.subject,
        zaak=entry.ordering_key,
        interaction_id=entry.reference,
        state=entry.state,
        attempts=entry.attempts,
        created_at=entry.created_at,
        next_attempt_at=entry.next_attempt_at,
        last_error=entry.last_error,
        problem=problem,
    )


class RegistrationsController(Controller):
    path = "/api/v1/admin/registrations"
    tags = ["cases"]
    guards = [requires_role("records_manager")]

    @get("/", operation_id="listRegistrations", summary="List case registrations")
    async def list_registrations(
        self,
        request: Request[Any, Any, Any],
        db: DbSession,
        principal: Caller,
        wanted: Annotated[str, QueryParameter(name="state", max_length=16)] = "attention",
        subject: Annotated[str | None, QueryParameter(name="kind", max_length=16)] = None,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=200)] = 50,
    ) -> Page[RegistrationEntryOut]:
        """Registrations of every kind (questions, documents, answers) of the caller's
        municipality, oldest first, with the register's problem. `state`: `attention` (the
        default: parked, or pending after a failure), `parked`, `pending` or `delivered`;
        `kind`: `question`, `document`, `answer` or `klantcontact`."""
        errors = []
        if wanted not in REGISTRATION_STATES:
            errors.append(
                FieldError(
                    "state",
                    N_("Use one of: {choices}."),
                    {"choices": ", ".join(REGISTRATION_STATES)},
                    source="query",
                )
            )
        if subject is not None and subject not in REGISTRATION_SUBJECTS:
            errors.append(
                FieldError(
                    "kind",
                    N_("Use one of: {choices}."),
                    {"choices": ", ".join(REGISTRATION_SUBJECTS)},
                    source="query",
                )
            )
        if errors:
            raise Problem.validation(errors)
        entries, next_cursor = await outbox.list_entries(
            db,
            kinds=list(request.app.state.registration_kinds),
            municipality_id=principal.municipality_id,
            states=REGISTRATION_STATES[wanted],
            cursor=cursor,
            limit=limit,
            subject=subject,
            failed_only=wanted == "attention",
        )
        return Page(items=[_entry_out(e) for e in entries], next_cursor=next_cursor)

    @post(
        "/{entry_id:uuid}/retry",
        operation_id="retryRegistration",
        summary="Retry a parked registration",
        status_code=202,
    )
    async def retry(
        self,
        request: Request[Any, Any, Any],
        db: DbSession,
        principal: Caller,
        entry_id: FromPath[uuid.UUID],
    ) -> RegistrationEntryOut:
        """Put a parked registration (of any kind) back in the queue (after the cause was
        fixed). One that is not parked: 409 `registration-not-parked`, nothing changed; one of
        another municipality: 404."""
        recorders: dict[str, RequeueRecorder] = request.app.state.registration_kinds
        entry = await outbox.get_entry(
            db, entry_id, kinds=list(recorders), municipality_id=principal.municipality_id
        )
        if entry is None:
            raise Problem.not_found()
        if not await outbox.requeue_parked(db, entry.id):
            raise Problem(
                409,
                "registration-not-parked",
                N_("Not parked"),
                N_("Only a parked registration can be retried. Nothing was changed."),
            )
        await recorders[entry.kind](db, entry.reference)
        await db.flush()
        await db.refresh(entry)
        if worker := request.app.state.get("worker"):
            after_commit(db, worker.wake.set)
        return _entry_out(entry)


def _authorized(header: str | None, expected: str | None) -> bool:
    if not header or not expected:
        return False
    return hmac.compare_digest(header.encode(), f"Bearer {expected}".encode())


class NotificationCallbackController(Controller):
    path = "/api/v1/zgw/notificaties"
    tags = ["cases"]
    guards = [public]  # authenticated by the abonnement's token, checked below

    @post(
        "/{code:str}",
        operation_id="receiveZgwNotification",
        summary="Receive a case system notification",
        status_code=204,
    )
    async def receive(
        self,
        state: State,
        db: DbSession,
        settings: AppSettings,
        data: JSONBody[NotificationIn],
        code: Annotated[str, PathParameter(max_length=4, pattern=r"^\d{4}$")],
        authorization: Annotated[
            str | None, HeaderParameter(name="Authorization", max_length=1000)
        ] = None,
    ) -> None:
        """Callback of the municipality's Notificaties API (kanaal `zaken`), authenticated by the
        abonnement's bearer token for the municipality code (401 without one, 403 when wrong). A
        `status` or `zaak` notification refreshes the case status residents see; anything else
        is taken and ignored (204). A case system that is away is reconciled later (204)."""
        token = settings.zgw.notification_tokens.get(code)
        if authorization is None:
            raise Problem(401, "unauthenticated", N_("Not signed in"), N_("Sign in to continue."))
        if not _authorized(authorization, token.get_secret_value() if token else None):
            raise Problem(
                403, "forbidden", N_("Not allowed"), N_("You are not allowed to do this.")
            )
        municipality = await municipalities.by_code(db, code)
        if municipality is None or municipality.case_register != "zgw":
            raise Problem(
                403, "forbidden", N_("Not allowed"), N_("You are not allowed to do this.")
            )
        if data.kanaal != "zaken" or data.resource not in ("status", "zaak"):
            return  # the subscription test, or nothing that moves a case on
        try:
            await service.refresh_status(db, state.case_routing, municipality, data.hoofdObject)
        except (CaseRegisterError, CaseRegisterRefused):
            await db.rollback()  # reconciliation picks it up later; the notification is taken
