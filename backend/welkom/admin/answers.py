# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Answers outside the caseworker's screen: what the resident reads of them, and their
registration in the case system as the answer routing handler records it (including answers a
colleague registered in the klantcontact register).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from welkom.admin.conversations import conversation_row, messages_of, sent_translation
from welkom.admin.models import ConversationMessage, MessageKind
from welkom.admin.schemas import AnswerForResident
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.problems import Problem
from welkom.interactions.models import Interaction, RegistrationState

# --- what the resident sees -------------------------------------------------------------------


async def answers_for_resident(
    db: AsyncSession, principal: Principal, question_id: uuid.UUID
) -> list[AnswerForResident]:
    """The caseworkers' answers to the resident's own question. Internal notes never."""
    question = await db.get(Interaction, question_id)
    if question is None or question.resident_id != principal.resident_id:
        raise Problem.not_found()
    messages = (await messages_of(db, [question.id], kinds=[MessageKind.answer]))[question.id]
    return [
        AnswerForResident(
            id=m.id,
            author=m.author_name,
            language=m.language,
            text=m.text,
            created_at=m.created_at,
            translation=sent_translation(m),
        )
        for m in messages
    ]


# --- for the answer routing handler -----------------------------------------------------------


async def answer_for_registration(
    db: AsyncSession, message_id: uuid.UUID
) -> tuple[ConversationMessage, Interaction]:
    message = await db.get(ConversationMessage, message_id)
    if message is None or message.kind != MessageKind.answer:
        raise LookupError(f"answer {message_id} does not exist")
    question = await db.get(Interaction, message.interaction_id)
    assert question is not None
    return message, question


async def record_answer_registration(
    db: AsyncSession, message_id: uuid.UUID, zaak_identificatie: str, *, at: datetime | None = None
) -> None:
    message = await db.get(ConversationMessage, message_id)
    if message is not None:
        message.registration_state = RegistrationState.registered
        message.zaak_identificatie = zaak_identificatie
        message.registered_at = at or utcnow()


async def record_answer_pending(db: AsyncSession, message_id: uuid.UUID) -> None:
    """Back in the queue (records management retries a parked answer)."""
    message = await db.get(ConversationMessage, message_id)
    if message is not None:
        message.registration_state = RegistrationState.pending


async def record_answer_parked(db: AsyncSession, message_id: uuid.UUID) -> None:
    message = await db.get(ConversationMessage, message_id)
    if message is not None:
        message.registration_state = RegistrationState.parked


async def record_picked_up_answer(
    db: AsyncSession,
    question: Interaction,
    *,
    author_name: str,
    language: str,
    text: str,
    at: datetime,
) -> ConversationMessage:
    """An answer a colleague registered in the klantcontact register (Open Klant): shown to
    the resident like a caseworker's answer; it is in the register already, so it is not routed
    (caller commits)."""
    conversation = await conversation_row(db, question)
    message = ConversationMessage(
        municipality_id=question.municipality_id,
        interaction_id=question.id,
        resident_id=question.resident_id,
        author_account_id=None,
        author_name=author_name,
        kind=MessageKind.answer,
        language=language,
        text=text,
        created_at=at,
        registration_state=RegistrationState.registered,
        zaak_identificatie=question.zaak_identificatie,
        registered_at=at,
    )
    db.add(message)
    conversation.first_answered_at = conversation.first_answered_at or at
    conversation.version += 1
    conversation.updated_at = utcnow()
    return message
