"""What residents send: each interaction is committed together with its outbox entry."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec
from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.auth.service import Principal
from welkom.core import idempotency
from welkom.core.i18n import LANGUAGES, N_
from welkom.core.models import utcnow
from welkom.core.pagination import Page, decode_cursor, encode_cursor
from welkom.core.problems import FieldError, Problem
from welkom.interactions.models import Interaction, InteractionKind, RegistrationState
from welkom.interactions.schemas import QuestionIn, QuestionOut, Registration
from welkom.outbox import service as outbox

#: The outbox kind the cases domain handles (kept here as a string: domains share no tables).
REGISTER_KIND = "cases.register_interaction"


def question_out(interaction: Interaction) -> QuestionOut:
    return QuestionOut(
        id=interaction.id,
        text=interaction.text,
        language=interaction.language,
        created_at=interaction.created_at,
        registration=Registration(
            state=interaction.registration_state,
            zaak_identificatie=interaction.zaak_identificatie,
            registered_at=interaction.registered_at,
        ),
    )


async def ask_question(
    db: AsyncSession, principal: Principal, data: QuestionIn, idempotency_key: str | None
) -> tuple[int, dict, bool]:
    """Store a question and its outbox entry in one transaction.

    Returns (status, body, replayed). With an ``Idempotency-Key`` the same request returns the
    first response and never makes a second question.
    """
    assert principal.resident_id is not None
    text = data.text.strip()
    errors = []
    if not text:
        errors.append(FieldError("text", N_("This field is required.")))
    if data.language not in LANGUAGES:
        errors.append(FieldError("language", N_("This language is not offered.")))
    if errors:
        raise Problem.validation(errors)

    scope = f"questions:{principal.account_id}"
    request_hash = idempotency.fingerprint({"text": data.text, "language": data.language})
    if idempotency_key and (
        stored := await idempotency.replay(db, scope, idempotency_key, request_hash)
    ):
        return stored.response_status, stored.response_body, True

    interaction = Interaction(
        municipality_id=principal.municipality_id,
        resident_id=principal.resident_id,
        kind=InteractionKind.question,
        language=data.language,
        text=text,
    )
    db.add(interaction)
    outbox.enqueue(
        db, kind=REGISTER_KIND, municipality_id=principal.municipality_id, reference=interaction.id
    )
    body = msgspec.to_builtins(question_out(interaction))
    if idempotency_key:
        idempotency.remember(db, scope, idempotency_key, request_hash, 201, body)
    try:
        await db.commit()
    except IntegrityError:
        # The same key committed concurrently: answer with what that request stored.
        await db.rollback()
        if idempotency_key and (
            stored := await idempotency.replay(db, scope, idempotency_key, request_hash)
        ):
            return stored.response_status, stored.response_body, True
        raise
    return 201, body, False


async def list_questions(
    db: AsyncSession, resident_id: uuid.UUID, *, cursor: str | None, limit: int
) -> Page[QuestionOut]:
    """The resident's questions, newest first."""
    query = select(Interaction).where(
        Interaction.resident_id == resident_id, Interaction.kind == InteractionKind.question
    )
    if cursor:
        created_at, last_id = decode_cursor(cursor)
        query = query.where(
            or_(
                Interaction.created_at < created_at,
                and_(Interaction.created_at == created_at, Interaction.id < last_id),
            )
        )
    rows = list(
        (
            await db.execute(
                query.order_by(Interaction.created_at.desc(), Interaction.id.desc()).limit(
                    limit + 1
                )
            )
        )
        .scalars()
        .all()
    )
    next_cursor = (
        encode_cursor(rows[limit - 1].created_at, rows[limit - 1].id) if len(rows) > limit else None
    )
    return Page(items=[question_out(row) for row in rows[:limit]], next_cursor=next_cursor)


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
        .where(Interaction.id == interaction_id)
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
        .where(Interaction.id == interaction_id)
        .values(registration_state=RegistrationState.parked)
    )
