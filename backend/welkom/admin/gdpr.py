# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Export and erasure of conversations: caseworkers' answers and internal notes about the
resident's questions (see welkom.core.gdpr).

Internal notes are part of the export: under AVG art. 15 the resident may see what the
municipality records about them (a municipality may still withhold a note under art. 23 UAVG
case by case; that is a decision for its privacy officer, not for this code).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.admin.models import Conversation, ConversationMessage, MessageKind
from welkom.core.database import rows_changed
from welkom.core.gdpr import Erased, Subject, TableHandler, rows
from welkom.core.i18n import N_
from welkom.core.identity import Principal
from welkom.core.problems import Problem
from welkom.interactions.models import RegistrationState

_CASE_RECORD = (
    "the answer is a document in the municipality's case system (zaak); Welkom keeps which "
    "zaak it went to, not what it said"
)


async def export_conversations(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(Conversation)
        .where(col(Conversation.resident_id) == subject.resident_id)
        .order_by(col(Conversation.created_at))
    )
    return rows(found.scalars())


async def erase_conversations(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    return Erased(
        deleted=await rows_changed(
            db, delete(Conversation).where(col(Conversation.resident_id) == subject.resident_id)
        )
    )


async def export_messages(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(ConversationMessage)
        .where(col(ConversationMessage.resident_id) == subject.resident_id)
        .order_by(col(ConversationMessage.created_at), col(ConversationMessage.id))
    )
    return rows(found.scalars())


async def erase_messages(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    """Notes are deleted. Registered answers are blanked (the zaak keeps the document); an
    answer still on its way to the case system blocks the erasure (409), like a question."""
    pending = (
        await db.execute(
            select(col(ConversationMessage.id)).where(
                col(ConversationMessage.resident_id) == subject.resident_id,
                col(ConversationMessage.kind) == MessageKind.answer,
                col(ConversationMessage.registration_state) != RegistrationState.registered,
            )
        )
    ).first()
    if pending is not None:
        raise Problem.conflict(
            "erasure-waits-for-registration",
            N_("Answers are still being registered"),
            N_(
                "Some answers to this resident are not yet in the case system. Erase again "
                "once they are registered. Nothing was changed."
            ),
        )
    notes = await rows_changed(
        db,
        delete(ConversationMessage).where(
            col(ConversationMessage.resident_id) == subject.resident_id,
            col(ConversationMessage.kind) == MessageKind.note,
        ),
    )
    answers = await rows_changed(
        db,
        update(ConversationMessage)
        .where(col(ConversationMessage.resident_id) == subject.resident_id)
        .values(
            text="",
            language="",
            translation_text=None,
            translation_language=None,
            translation_state=None,
            translation_engine=None,
        ),
    )
    return Erased(
        deleted=notes,
        anonymised=answers,
        retained=answers,
    )


HANDLERS = (
    TableHandler("conversation", export_conversations, erase_conversations),
    TableHandler(
        "conversation_message",
        export_messages,
        erase_messages,
        retained=dict.fromkeys(
            (
                "interaction_id",
                "author_account_id",
                "author_name",
                "kind",
                "created_at",
                "registration_state",
                "zaak_identificatie",
                "registered_at",
            ),
            _CASE_RECORD,
        ),
        retention_reason="Registered answers are blanked (text, language and any machine "
        "translation sent with them); the zaak reference stays. Internal notes are deleted.",
    ),
)
