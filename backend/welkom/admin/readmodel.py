# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Read-only queries across domains for the caseworkers' overviews (lists, signals).

The admin API shows, on one page, facts owned by several domains (residents, interactions,
journey, outbox). Row-by-row service calls would cost a query per resident, so these overview
queries read those tables directly — *read only*: every change still goes through the owning
domain's service functions. Keep this module the only place that does so.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.admin.models import Conversation, ConversationMessage, MessageKind, WaitingFor
from welkom.auth.models import Account
from welkom.interactions.models import Interaction, InteractionKind, RegistrationState
from welkom.journey.models import JourneyStep, StepStatus
from welkom.residents.models import Resident

DONE_STEP_STATES = (StepStatus.done, StepStatus.not_applicable)


def last_activity() -> ColumnElement[Any]:
    """The resident's last activity: their latest question, or the last change to their record."""
    latest_question = (
        select(func.max(col(Interaction.created_at)))
        .where(col(Interaction.resident_id) == col(Resident.id))
        .correlate(Resident)
        .scalar_subquery()
    )
    return case(
        (latest_question > col(Resident.updated_at), latest_question),
        else_=col(Resident.updated_at),
    )


def waiting_on_municipality() -> ColumnElement[Any]:
    """How many of the resident's questions wait for the municipality (none answered them, or
    a caseworker said the municipality must act)."""
    return (
        select(func.count())
        .select_from(Interaction)
        .outerjoin(Conversation, col(Conversation.interaction_id) == col(Interaction.id))
        .where(
            col(Interaction.resident_id) == col(Resident.id),
            col(Interaction.kind) == InteractionKind.question,
            or_(
                col(Conversation.interaction_id).is_(None),
                col(Conversation.waiting_for) == WaitingFor.municipality,
            ),
        )
        .correlate(Resident)
        .scalar_subquery()
    )


def resident_filters(
    municipality_id: uuid.UUID,
    *,
    caseload: uuid.UUID | str | None,
    journey_step: str | None,
    journey_status: str | None,
    waiting: bool | None,
    active_since: datetime | None,
    inactive_since: datetime | None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [
        col(Resident.municipality_id) == municipality_id,
        col(Resident.erased_at).is_(None),
    ]
    if caseload == "unassigned":
        conditions.append(col(Resident.caseworker_account_id).is_(None))
    elif isinstance(caseload, uuid.UUID):
        conditions.append(col(Resident.caseworker_account_id) == caseload)
    if journey_step or journey_status:
        step = [col(JourneyStep.resident_id) == col(Resident.id)]
        if journey_step:
            step.append(col(JourneyStep.key) == journey_step)
        if journey_status:
            step.append(col(JourneyStep.status) == journey_status)
        conditions.append(exists().where(*step))
    if waiting is not None:
        conditions.append(
            waiting_on_municipality() > 0 if waiting else waiting_on_municipality() == 0
        )
    if active_since is not None:
        conditions.append(last_activity() >= active_since)
    if inactive_since is not None:
        conditions.append(last_activity() < inactive_since)
    return conditions


async def caseworker_names(
    db: AsyncSession, municipality_id: uuid.UUID, ids: set[uuid.UUID]
) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    rows = await db.execute(
        select(col(Account.id), col(Account.display_name)).where(
            col(Account.id).in_(ids), col(Account.municipality_id) == municipality_id
        )
    )
    return dict(rows.all())


def _is_caseworker_of(account: Account, municipality_id: uuid.UUID) -> bool:
    """Whom a conversation or a resident can be assigned to: a staff account (staff accounts
    have no resident) of the municipality that holds the caseworker role."""
    return (
        account.municipality_id == municipality_id
        and account.resident_id is None
        and "caseworker" in account.roles
    )


async def caseworkers(db: AsyncSession, municipality_id: uuid.UUID) -> list[Account]:
    """The municipality's caseworker accounts, by name."""
    rows = await db.execute(
        select(Account)
        .where(col(Account.municipality_id) == municipality_id, col(Account.resident_id).is_(None))
        .order_by(col(Account.display_name), col(Account.id))
    )
    return [account for account in rows.scalars() if _is_caseworker_of(account, municipality_id)]


async def colleagues(db: AsyncSession, municipality_id: uuid.UUID) -> list[Account]:
    """The municipality's accounts that are not a resident's (staff, volunteers), by name."""
    rows = await db.execute(
        select(Account)
        .where(col(Account.municipality_id) == municipality_id, col(Account.resident_id).is_(None))
        .order_by(col(Account.display_name), col(Account.id))
    )
    return list(rows.scalars())


async def caseworker_account(
    db: AsyncSession, municipality_id: uuid.UUID, account_id: uuid.UUID
) -> Account | None:
    """One of :func:`caseworkers`, or None (another municipality's account included)."""
    account = await db.get(Account, account_id)
    if account is None or not _is_caseworker_of(account, municipality_id):
        return None
    return account


async def questions_of(db: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, Interaction]:
    if not ids:
        return {}
    rows = await db.execute(select(Interaction).where(col(Interaction.id).in_(ids)))
    return {row.id: row for row in rows.scalars()}


async def unanswered_questions(
    db: AsyncSession, municipality_id: uuid.UUID, *, asked_before: datetime
) -> list[tuple[Interaction, Conversation | None, Resident]]:
    """Questions asked before ``asked_before`` that no caseworker has answered yet."""
    rows = await db.execute(
        select(Interaction, Conversation, Resident)
        .join(Resident, col(Resident.id) == col(Interaction.resident_id))
        .outerjoin(Conversation, col(Conversation.interaction_id) == col(Interaction.id))
        .where(
            col(Interaction.municipality_id) == municipality_id,
            col(Interaction.kind) == InteractionKind.question,
            col(Interaction.created_at) < asked_before,
            col(Conversation.first_answered_at).is_(None),
            or_(
                col(Conversation.waiting_for).is_(None),
                col(Conversation.waiting_for) != WaitingFor.nobody,
            ),
            col(Resident.erased_at).is_(None),
        )
        .order_by(col(Interaction.created_at), col(Interaction.id))
    )
    return [(question, conversation, resident) for question, conversation, resident in rows.all()]


async def parked_registrations(
    db: AsyncSession, municipality_id: uuid.UUID
) -> list[tuple[str, uuid.UUID, datetime, Resident, Conversation | None]]:
    """Questions and answers the case register refused (parked): (kind, id, when, resident,
    conversation)."""
    found: list[tuple[str, uuid.UUID, datetime, Resident, Conversation | None]] = []
    questions = await db.execute(
        select(Interaction, Resident, Conversation)
        .join(Resident, col(Resident.id) == col(Interaction.resident_id))
        .outerjoin(Conversation, col(Conversation.interaction_id) == col(Interaction.id))
        .where(
            col(Interaction.municipality_id) == municipality_id,
            col(Interaction.registration_state) == RegistrationState.parked,
        )
    )
    for interaction, resident, conversation in questions.all():
        found.append(("question", interaction.id, interaction.created_at, resident, conversation))
    answers = await db.execute(
        select(ConversationMessage, Resident, Conversation)
        .join(Resident, col(Resident.id) == col(ConversationMessage.resident_id))
        .outerjoin(
            Conversation,
            col(Conversation.interaction_id) == col(ConversationMessage.interaction_id),
        )
        .where(
            col(ConversationMessage.municipality_id) == municipality_id,
            col(ConversationMessage.kind) == MessageKind.answer,
            col(ConversationMessage.registration_state) == RegistrationState.parked,
        )
    )
    for message, resident, conversation in answers.all():
        found.append(("answer", message.id, message.created_at, resident, conversation))
    return found


async def overdue_steps(
    db: AsyncSession, municipality_id: uuid.UUID, *, due_before: date
) -> list[tuple[JourneyStep, Resident]]:
    """Journey steps not done whose due date is before ``due_before``."""
    rows = await db.execute(
        select(JourneyStep, Resident)
        .join(Resident, col(Resident.id) == col(JourneyStep.resident_id))
        .where(
            col(JourneyStep.municipality_id) == municipality_id,
            col(JourneyStep.due_date).is_not(None),
            col(JourneyStep.due_date) < due_before,
            col(JourneyStep.status).not_in(list(DONE_STEP_STATES)),
            col(Resident.erased_at).is_(None),
        )
        .order_by(col(JourneyStep.due_date), col(JourneyStep.id))
    )
    return [(step, resident) for step, resident in rows.all()]


def in_caseload(
    resident: Resident, conversation: Conversation | None, account_id: uuid.UUID
) -> bool:
    """Mine: I am the resident's caseworker, or the conversation is assigned to me."""
    if conversation is not None and conversation.assigned_account_id is not None:
        return conversation.assigned_account_id == account_id
    return resident.caseworker_account_id == account_id
