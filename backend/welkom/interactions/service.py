# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""What residents send: each interaction is committed together with its outbox entry."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import Select, bindparam, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core import idempotency, quotas
from welkom.core.i18n import LANGUAGES, N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.pagination import Page, after, cut, decode_cursor, keyset_page, order
from welkom.core.problems import FieldError, Problem
from welkom.core.quotas import Quota
from welkom.core.settings import Settings
from welkom.interactions import reference as case_reference
from welkom.interactions.models import (
    Interaction,
    InteractionDocument,
    InteractionKind,
    RegistrationState,
)
from welkom.interactions.schemas import DocumentOut, QuestionIn, QuestionOut, Registration
from welkom.outbox import service as outbox
from welkom.storage.ports import StoredObject

#: The outbox kind the cases domain handles (kept here as a string: domains share no tables).
REGISTER_KIND = "cases.register_interaction"


def zaak_identificatie_for(interaction_id: uuid.UUID) -> str:
    """The identificatie of the interaction's zaak (≤ 40 characters, no personal data).

    Also the outbox ordering key of everything that touches that zaak (the interaction's own
    registration and its answers), so those are delivered one at a time, in order."""
    return f"WLK-{interaction_id.hex}"


#: Draws of a reference before giving up (a collision needs ~10⁶ cases in one municipality to
#: become likely once; three in a row means something else is wrong).
REFERENCE_ATTEMPTS = 5


def is_reference_collision(exc: IntegrityError) -> bool:
    message = str(exc.orig)
    return "uq_interaction_reference" in message or "interaction.reference" in message


async def add_with_reference(db: AsyncSession, interaction: Interaction) -> None:
    """Add ``interaction`` (in a savepoint of the caller's transaction) with a short reference
    no other case of its municipality has: a collision draws a new one."""
    for attempt in range(REFERENCE_ATTEMPTS):
        try:
            async with db.begin_nested():
                db.add(interaction)
            return
        except IntegrityError as exc:
            if not is_reference_collision(exc) or attempt == REFERENCE_ATTEMPTS - 1:
                raise
            interaction.reference = case_reference.new()


async def by_reference(
    db: AsyncSession,
    municipality_id: uuid.UUID,
    typed: str,
    *,
    resident_id: uuid.UUID | None = None,
) -> Interaction:
    """The case a person names by its short reference (typed as they like: case, hyphens,
    spaces, O/I/L are forgiven). A malformed reference is a 422; another municipality's or
    (with ``resident_id``) another resident's case is 404, like one that does not exist."""
    stored = case_reference.normalize(typed)
    if stored is None:
        raise Problem.validation(
            [
                FieldError(
                    "reference",
                    N_("A case reference has 8 letters and digits, like K7Q2-9MXA."),
                    source="path",
                )
            ]
        )
    query = select(Interaction).where(
        col(Interaction.municipality_id) == municipality_id, col(Interaction.reference) == stored
    )
    if resident_id is not None:
        query = query.where(col(Interaction.resident_id) == resident_id)
    found = (await db.execute(query)).scalar_one_or_none()
    if found is None:
        raise Problem.not_found()
    return found


def registration_of(interaction: Interaction) -> Registration:
    return Registration(
        state=interaction.registration_state,
        zaak_identificatie=interaction.zaak_identificatie,
        registered_at=interaction.registered_at,
    )


def question_out(interaction: Interaction) -> QuestionOut:
    return QuestionOut(
        id=interaction.id,
        reference=case_reference.display(interaction.reference),
        text=interaction.text,
        language=interaction.language,
        created_at=interaction.created_at,
        registration=registration_of(interaction),
    )


async def ask_question(
    db: AsyncSession,
    settings: Settings,
    principal: Principal,
    data: QuestionIn,
    idempotency_key: str | None,
) -> tuple[int, dict[str, Any], bool]:
    """Store a question and its outbox entry in one transaction.

    Returns (status, body, replayed). With an ``Idempotency-Key`` the same request returns the
    first response and never makes a second question (a replay does not count against the
    questions-per-hour quota).
    """
    assert principal.resident_id is not None
    resident_id = principal.resident_id  # narrowed, for create() below
    text = data.text.strip()
    errors = []
    if not text:
        errors.append(FieldError("text", N_("This field is required.")))
    if data.language not in LANGUAGES:
        errors.append(FieldError("language", N_("This language is not offered.")))
    if errors:
        raise Problem.validation(errors)

    async def create() -> tuple[int, dict[str, Any]]:
        now = utcnow()
        usage = await quotas.usage_in_window(
            db,
            Quota.questions_per_hour,
            Interaction.created_at,
            Interaction.resident_id == principal.resident_id,
            Interaction.kind == InteractionKind.question,
            now=now,
        )
        quotas.enforce(Quota.questions_per_hour, usage, settings.quota.questions_per_hour, now=now)
        interaction = Interaction(
            municipality_id=principal.municipality_id,
            resident_id=resident_id,
            kind=InteractionKind.question,
            created_at=now,
            language=data.language,
            text=text,
        )
        await add_with_reference(db, interaction)
        outbox.enqueue(
            db,
            kind=REGISTER_KIND,
            municipality_id=principal.municipality_id,
            reference=interaction.id,
            ordering_key=zaak_identificatie_for(interaction.id),
            subject=InteractionKind.question,
        )
        return 201, msgspec.to_builtins(question_out(interaction))

    return await idempotency.create_once(
        db,
        scope=f"questions:{principal.account_id}",
        key=idempotency_key,
        payload={"text": data.text, "language": data.language},
        create=create,
        resident_id=principal.resident_id,
    )


def _questions_query(*, after_cursor: bool) -> Select[Interaction]:
    query = select(Interaction).where(
        col(Interaction.resident_id) == bindparam("resident_id"),
        col(Interaction.kind) == InteractionKind.question,
    )
    if after_cursor:
        position: tuple[Any, Any] = (bindparam("created_at"), bindparam("last_id"))
        query = query.where(
            after(Interaction.created_at, Interaction.id, position, newest_first=True)
        )
    return query.order_by(*order(Interaction.created_at, Interaction.id, newest_first=True)).limit(
        bindparam("limit")
    )


#: Built once (hot path: GET /me/questions): first page, and pages after a cursor.
_QUESTIONS = _questions_query(after_cursor=False)
_QUESTIONS_AFTER = _questions_query(after_cursor=True)


async def list_questions(
    db: AsyncSession, resident_id: uuid.UUID, *, cursor: str | None, limit: int
) -> Page[QuestionOut]:
    """The resident's questions, newest first."""
    params: dict[str, object] = {"resident_id": resident_id, "limit": limit + 1}
    query = _QUESTIONS
    if cursor:
        params["created_at"], params["last_id"] = decode_cursor(cursor)
        query = _QUESTIONS_AFTER
    rows, next_cursor = cut(
        (await db.execute(query, params)).scalars().all(), limit, lambda r: (r.created_at, r.id)
    )
    return Page(items=[question_out(row) for row in rows], next_cursor=next_cursor)


async def for_registration(db: AsyncSession, interaction_id: uuid.UUID) -> Interaction:
    interaction = await db.get(Interaction, interaction_id)
    if interaction is None:
        raise LookupError(f"interaction {interaction_id} does not exist")
    return interaction


async def record_registration(
    db: AsyncSession,
    interaction_id: uuid.UUID,
    zaak_identificatie: str,
    zaak_url: str,
    *,
    at: datetime | None = None,
) -> None:
    await db.execute(
        update(Interaction)
        .where(col(Interaction.id) == interaction_id)
        .values(
            registration_state=RegistrationState.registered,
            zaak_identificatie=zaak_identificatie,
            zaak_url=zaak_url,
            registered_at=at or utcnow(),
        )
    )


async def record_parked(db: AsyncSession, interaction_id: uuid.UUID) -> None:
    await db.execute(
        update(Interaction)
        .where(col(Interaction.id) == interaction_id)
        .values(registration_state=RegistrationState.parked)
    )


async def record_pending(db: AsyncSession, interaction_id: uuid.UUID) -> None:
    """Back in the queue (a records manager retries a parked registration)."""
    await db.execute(
        update(Interaction)
        .where(col(Interaction.id) == interaction_id)
        .values(registration_state=RegistrationState.pending)
    )


# ---------------------------------------------------------------------------------- documents


def document_out(interaction: Interaction, document: InteractionDocument) -> DocumentOut:
    return DocumentOut(
        id=interaction.id,
        reference=case_reference.display(interaction.reference),
        content_type=document.content_type,
        size=document.size,
        sha256=document.sha256,
        language=interaction.language,
        created_at=interaction.created_at,
        registration=registration_of(interaction),
    )


async def submit_document(
    db: AsyncSession,
    principal: Principal,
    *,
    stored: StoredObject,
    content_type: str,
    language: str,
    idempotency_key: str | None,
) -> tuple[int, dict[str, Any], bool]:
    """Record an uploaded (already stored, checksummed) document and its outbox entry."""
    assert principal.resident_id is not None
    scope = f"documents:{principal.account_id}"
    request_hash = idempotency.fingerprint({"sha256": stored.sha256, "language": language})
    if idempotency_key and (
        record := await idempotency.replay(db, scope, idempotency_key, request_hash)
    ):
        return record.response_status, record.response_body, True
    interaction = Interaction(
        municipality_id=principal.municipality_id,
        resident_id=principal.resident_id,
        kind=InteractionKind.document,
        language=language,
        text="",
    )
    document = InteractionDocument(
        interaction_id=interaction.id,
        municipality_id=principal.municipality_id,
        storage_key=stored.key,
        content_type=content_type,
        size=stored.size,
        sha256=stored.sha256,
    )
    await add_with_reference(db, interaction)
    db.add(document)
    outbox.enqueue(
        db,
        kind=REGISTER_KIND,
        municipality_id=principal.municipality_id,
        reference=interaction.id,
        ordering_key=zaak_identificatie_for(interaction.id),
        subject=InteractionKind.document,
    )
    body = msgspec.to_builtins(document_out(interaction, document))
    if idempotency_key:
        idempotency.remember(
            db, scope, idempotency_key, request_hash, 201, body, resident_id=principal.resident_id
        )
    try:
        await db.flush()
    except IntegrityError:
        await db.rollback()
        if idempotency_key and (
            record := await idempotency.replay(db, scope, idempotency_key, request_hash)
        ):
            return record.response_status, record.response_body, True
        raise
    return 201, body, False


async def replayed_document(
    db: AsyncSession, principal: Principal, sha256: str, language: str, key: str | None
) -> tuple[int, dict[str, Any]] | None:
    """The first response for this Idempotency-Key, before anything is stored again."""
    if not key:
        return None
    request_hash = idempotency.fingerprint({"sha256": sha256, "language": language})
    record = await idempotency.replay(db, f"documents:{principal.account_id}", key, request_hash)
    return (record.response_status, record.response_body) if record else None


async def enforce_document_quotas(
    db: AsyncSession, settings: Settings, principal: Principal, size: int
) -> None:
    """Refuse a document beyond the resident's uploads per day or total stored bytes."""
    now = utcnow()
    usage = await quotas.usage_in_window(
        db,
        Quota.uploads_per_day,
        Interaction.created_at,
        Interaction.resident_id == principal.resident_id,
        Interaction.kind == InteractionKind.document,
        now=now,
    )
    quotas.enforce(Quota.uploads_per_day, usage, settings.quota.uploads_per_day, now=now)
    stored = (
        await db.execute(
            select(func.coalesce(func.sum(InteractionDocument.size), 0))
            .join(Interaction, col(Interaction.id) == InteractionDocument.interaction_id)
            .where(col(Interaction.resident_id) == principal.resident_id)
        )
    ).scalar_one()
    limit = settings.quota.stored_bytes_per_resident
    quotas.enforce(
        Quota.stored_bytes,
        quotas.Usage(int(stored)),
        limit,
        adding=size,
        shown_limit=megabytes
        if (megabytes := round(limit / 1024 / 1024, 1)) % 1
        else int(megabytes),
    )


async def document_for(db: AsyncSession, interaction_id: uuid.UUID) -> InteractionDocument:
    document = await db.get(InteractionDocument, interaction_id)
    if document is None:
        raise LookupError(f"interaction {interaction_id} has no document")
    return document


async def for_resident(
    db: AsyncSession, resident_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[Interaction], str | None]:
    """The resident's interactions of every kind, newest first (for "my cases")."""
    query = select(Interaction).where(col(Interaction.resident_id) == resident_id)
    return await keyset_page(
        db, query, Interaction.created_at, Interaction.id, cursor=cursor, limit=limit
    )


async def by_zaak_url(
    db: AsyncSession, municipality_id: uuid.UUID, zaak_url: str
) -> Interaction | None:
    return (
        await db.execute(
            select(Interaction).where(
                col(Interaction.municipality_id) == municipality_id,
                col(Interaction.zaak_url) == zaak_url,
            )
        )
    ).scalar_one_or_none()


async def registered(db: AsyncSession, municipality_id: uuid.UUID) -> list[Interaction]:
    """Registered interactions of a municipality (reconciliation walks them)."""
    return list(
        (
            await db.execute(
                select(Interaction).where(
                    col(Interaction.municipality_id) == municipality_id,
                    col(Interaction.registration_state) == RegistrationState.registered,
                )
            )
        ).scalars()
    )
