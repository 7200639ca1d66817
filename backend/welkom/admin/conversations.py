# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Caseworkers and residents' questions: conversations, answers and internal notes, assignment and
who a question waits for, and the machine-translation aids.

Every read or change is written to the audit log in the same transaction. An answer is committed
together with its outbox entry, which adds it to the question's zaak as a document (same
identificatie as the question's zaak).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.admin import readmodel
from welkom.admin.models import Conversation, ConversationMessage, MessageKind, WaitingFor
from welkom.admin.residents import audit_residents, resident_in_reach
from welkom.admin.schemas import (
    AnswerIn,
    CaseRefOut,
    CaseworkerRef,
    ConversationOut,
    DraftTranslationIn,
    DraftTranslationOut,
    MessageOut,
    NoteIn,
    QuestionRef,
    QuestionTranslationOut,
    Registration,
    TextInLanguage,
)
from welkom.core import idempotency, preconditions
from welkom.core.i18n import LANGUAGES, N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.pagination import Page, keyset_page, keyset_page_first
from welkom.core.problems import FieldError, Problem
from welkom.core.settings import Settings
from welkom.core.unit_of_work import checkpoint
from welkom.interactions import reference as case_reference
from welkom.interactions import service as interactions
from welkom.interactions.models import Interaction, InteractionKind, RegistrationState
from welkom.klantcontact import service as klantcontact
from welkom.municipalities import service as municipalities
from welkom.notifications import kinds as notification_kinds
from welkom.notifications import service as notifications
from welkom.outbox import service as outbox
from welkom.residents import service as residents
from welkom.translation import service as translation
from welkom.translation.ports import MACHINE, Translation, TranslationError, Translator
from welkom.translation.schemas import TranslationOut

#: Outbox kind: add a caseworker's answer to its question's zaak (handled in admin.routing).
ANSWER_KIND = "cases.register_answer"


async def _question(db: AsyncSession, principal: Principal, question_id: uuid.UUID) -> Interaction:
    """A question of a resident of the caseworker's municipality, or 404."""
    question = await db.get(Interaction, question_id)
    if (
        question is None
        or question.municipality_id != principal.municipality_id
        or question.kind != InteractionKind.question
    ):
        raise Problem.not_found()
    return question


async def case_by_reference(db: AsyncSession, principal: Principal, typed: str) -> CaseRefOut:
    """A case of the caseworker's municipality by the short reference a resident reads out
    (typed as heard: case, hyphens, spaces and O/I/L for 0/1 are forgiven), or 404."""
    found = await interactions.by_reference(db, principal.municipality_id, typed)
    await resident_in_reach(db, principal, found.resident_id)
    await audit_residents(
        db,
        principal,
        [found.resident_id],
        resource="admin.case",
        fields=["reference", "registration"],
        purpose="caseworker: case by reference",
    )
    return CaseRefOut(
        interaction_id=found.id,
        reference=case_reference.display(found.reference),
        kind=found.kind,
        resident_id=found.resident_id,
        created_at=found.created_at,
        registration=_registration(
            found.registration_state, found.zaak_identificatie, found.registered_at
        ),
    )


async def _find_conversation(db: AsyncSession, question_id: uuid.UUID) -> Conversation | None:
    return (
        await db.execute(
            select(Conversation).where(col(Conversation.interaction_id) == question_id)
        )
    ).scalar_one_or_none()


async def conversation_row(db: AsyncSession, question: Interaction) -> Conversation:
    """The caseworkers' side of the question, made on first use at version 0: the version a
    question without one is shown with, so that is what ``If-Match`` names for its first change.
    """
    conversation = await _find_conversation(db, question.id)
    if conversation is not None:
        return conversation
    conversation = Conversation(
        interaction_id=question.id,
        municipality_id=question.municipality_id,
        resident_id=question.resident_id,
        version=0,
    )
    try:
        async with db.begin_nested():
            db.add(conversation)
    except IntegrityError:  # made at the same moment by a colleague: use theirs
        found = await _find_conversation(db, question.id)
        assert found is not None
        return found
    return conversation


def _registration(state: str | None, zaak: str | None, at: datetime | None) -> Registration:
    return Registration(state=state, zaak_identificatie=zaak, registered_at=at)


def sent_translation(message: ConversationMessage) -> TranslationOut | msgspec.UnsetType:
    """The machine translation sent with an answer, or UNSET (the field is absent)."""
    if message.translation_text is None:
        return msgspec.UNSET
    return TranslationOut(
        text=message.translation_text,
        language=message.translation_language or "",
        state=message.translation_state or MACHINE,
        engine=message.translation_engine or "",
    )


def message_out(message: ConversationMessage) -> MessageOut:
    return MessageOut(
        id=message.id,
        kind=message.kind,
        author=message.author_name,
        language=message.language,
        text=message.text,
        created_at=message.created_at,
        registration=_registration(
            message.registration_state, message.zaak_identificatie, message.registered_at
        )
        if message.kind == MessageKind.answer
        else None,
        translation=sent_translation(message),
    )


async def messages_of(
    db: AsyncSession, question_ids: list[uuid.UUID], *, kinds: Iterable[str]
) -> dict[uuid.UUID, list[ConversationMessage]]:
    found: dict[uuid.UUID, list[ConversationMessage]] = {i: [] for i in question_ids}
    if not question_ids:
        return found
    rows = await db.execute(
        select(ConversationMessage)
        .where(
            col(ConversationMessage.interaction_id).in_(question_ids),
            col(ConversationMessage.kind).in_(list(kinds)),
        )
        .order_by(col(ConversationMessage.created_at), col(ConversationMessage.id))
    )
    for message in rows.scalars():
        found[message.interaction_id].append(message)
    return found


async def _conversation_outs(
    db: AsyncSession, principal: Principal, questions: list[Interaction]
) -> list[ConversationOut]:
    ids = [q.id for q in questions]
    conversations = {}
    if ids:
        rows = await db.execute(
            select(Conversation).where(col(Conversation.interaction_id).in_(ids))
        )
        conversations = {c.interaction_id: c for c in rows.scalars()}
    messages = await messages_of(db, ids, kinds=[MessageKind.answer, MessageKind.note])
    names = await readmodel.caseworker_names(
        db,
        principal.municipality_id,
        {c.assigned_account_id for c in conversations.values() if c.assigned_account_id},
    )
    out = []
    for question in questions:
        conversation = conversations.get(question.id)
        assigned = conversation.assigned_account_id if conversation else None
        out.append(
            ConversationOut(
                question=QuestionRef(
                    id=question.id,
                    reference=case_reference.display(question.reference),
                    text=question.text,
                    language=question.language,
                    created_at=question.created_at,
                    registration=_registration(
                        question.registration_state,
                        question.zaak_identificatie,
                        question.registered_at,
                    ),
                ),
                resident_id=question.resident_id,
                assigned_to=CaseworkerRef(account_id=assigned, name=names.get(assigned))
                if assigned
                else None,
                waiting_for=conversation.waiting_for if conversation else WaitingFor.municipality,
                first_answered_at=conversation.first_answered_at if conversation else None,
                messages=[message_out(m) for m in messages[question.id]],
                version=conversation.version if conversation else 0,
                needs_interpreter=conversation.needs_interpreter if conversation else False,
            )
        )
    return out


async def resident_conversations(
    db: AsyncSession,
    principal: Principal,
    resident_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> Page[ConversationOut]:
    """The resident's questions, newest first, each with its registration, zaak, answers,
    internal notes, assignment and who it waits for."""
    resident = await resident_in_reach(db, principal, resident_id)
    page = await interactions.list_questions(db, resident.id, cursor=cursor, limit=limit)
    questions = await readmodel.questions_of(db, [item.id for item in page.items])
    items = await _conversation_outs(db, principal, [questions[item.id] for item in page.items])
    await audit_residents(
        db,
        principal,
        [resident.id],
        resource="admin.conversation",
        fields=["questions", "answers", "notes"],
        purpose="caseworker: conversations",
    )
    return Page(items=items, next_cursor=page.next_cursor)


async def conversation(
    db: AsyncSession, principal: Principal, question_id: uuid.UUID
) -> ConversationOut:
    question = await _question(db, principal, question_id)
    (out,) = await _conversation_outs(db, principal, [question])
    await audit_residents(
        db,
        principal,
        [question.resident_id],
        resource="admin.conversation",
        fields=["questions", "answers", "notes"],
        purpose="caseworker: conversation",
    )
    return out


async def _add_message(
    db: AsyncSession,
    principal: Principal,
    question_id: uuid.UUID,
    *,
    kind: MessageKind,
    text: str,
    language: str | None,
    then_waiting_for: str | None,
    idempotency_key: str | None,
    payload: dict[str, Any],
    translator: Translator | None = None,
) -> tuple[int, dict[str, Any], bool]:
    """``translator``: also send a machine translation into the resident's language, made
    when the answer is created (not on a replay); its failure changes nothing."""
    question = await _question(db, principal, question_id)
    resident = await resident_in_reach(db, principal, question.resident_id)
    text = text.strip()
    language = language or residents.language_of(resident)
    target = residents.language_of(resident)
    errors = []
    if not text:
        errors.append(FieldError("text", N_("This field is required.")))
    if language not in LANGUAGES:
        errors.append(FieldError("language", N_("This language is not offered.")))
    elif translator is not None and language == target:
        errors.append(
            FieldError("send_translation", N_("The answer is already in the resident's language."))
        )
    if errors:
        raise Problem.validation(errors)

    async def create() -> tuple[int, dict[str, Any]]:
        sent: Translation | None = None
        if translator is not None:
            sent = await _translated(translator, text, language, target)
        now = utcnow()
        conversation = await conversation_row(db, question)
        message = ConversationMessage(
            municipality_id=question.municipality_id,
            interaction_id=question.id,
            resident_id=question.resident_id,
            author_account_id=principal.account_id,
            author_name=principal.display_name,
            kind=kind,
            language=language,
            text=text,
            created_at=now,
            registration_state=RegistrationState.pending if kind == MessageKind.answer else None,
            translation_text=sent.text if sent else None,
            translation_language=sent.target if sent else None,
            translation_state=sent.state if sent else None,
            translation_engine=sent.engine if sent else None,
        )
        db.add(message)
        if kind == MessageKind.answer:
            outbox.enqueue(
                db,
                kind=ANSWER_KIND,
                municipality_id=question.municipality_id,
                reference=message.id,
                # after the question's own registration, and after earlier answers
                ordering_key=interactions.zaak_identificatie_for(question.id),
                subject=MessageKind.answer,
            )
            await klantcontact.enqueue_answer(db, question.municipality_id, message.id)
            conversation.first_answered_at = conversation.first_answered_at or now
            # The resident hears of it at once (inbox and push), in this transaction.
            await notifications.notify_resident(
                db,
                municipality_id=question.municipality_id,
                resident_id=question.resident_id,
                kind=notification_kinds.QUESTION_ANSWERED,
                reference_id=question.id,
            )
        if then_waiting_for is not None:
            conversation.waiting_for = then_waiting_for
        if conversation.assigned_account_id is None:
            conversation.assigned_account_id = principal.account_id
        conversation.version += 1
        conversation.updated_at = now
        await audit_residents(
            db,
            principal,
            [question.resident_id],
            resource="admin.conversation",
            fields=[str(kind)],
            action="create",
            purpose=f"caseworker: {kind}",
        )
        return 201, msgspec.to_builtins(message_out(message))

    return await idempotency.create_once(
        db,
        scope=f"admin-{kind}:{principal.account_id}",
        key=idempotency_key,
        payload={"question": str(question_id), **payload},
        create=create,
        resident_id=question.resident_id,
    )


async def answer(
    db: AsyncSession,
    principal: Principal,
    question_id: uuid.UUID,
    data: AnswerIn,
    idempotency_key: str | None,
    settings: Settings | None = None,
) -> tuple[int, dict[str, Any], bool]:
    """Answer the resident: stored, shown to them, and routed to the question's zaak (the
    original text; with ``send_translation`` also a machine translation, shown to the resident
    marked as such)."""
    translator = None
    if data.send_translation:
        assert settings is not None
        await _question(db, principal, question_id)  # 404 before "not configured"
        translator = await _translator(db, principal, settings)
    return await _add_message(
        db,
        principal,
        question_id,
        kind=MessageKind.answer,
        text=data.text,
        language=data.language,
        then_waiting_for=data.then_waiting_for,
        idempotency_key=idempotency_key,
        payload=msgspec.to_builtins(data),
        translator=translator,
    )


async def note(
    db: AsyncSession,
    principal: Principal,
    question_id: uuid.UUID,
    data: NoteIn,
    idempotency_key: str | None,
) -> tuple[int, dict[str, Any], bool]:
    """An internal note: never shown to the resident, never sent to the case system."""
    return await _add_message(
        db,
        principal,
        question_id,
        kind=MessageKind.note,
        text=data.text,
        language="nl",
        then_waiting_for=None,
        idempotency_key=idempotency_key,
        payload=msgspec.to_builtins(data),
    )


async def _update_conversation(
    db: AsyncSession,
    principal: Principal,
    question_id: uuid.UUID,
    if_match: str | None,
    values: dict[str, Any],
    field: str,
) -> ConversationOut:
    question = await _question(db, principal, question_id)
    conversation = await conversation_row(db, question)
    preconditions.check(if_match, conversation.version)
    if any(getattr(conversation, k) != v for k, v in values.items()):
        await preconditions.compare_and_set(db, conversation, **values, updated_at=utcnow())
    await audit_residents(
        db,
        principal,
        [question.resident_id],
        resource="admin.conversation",
        fields=[field],
        action="update",
        purpose=f"caseworker: {field}",
    )
    (out,) = await _conversation_outs(db, principal, [question])
    return out


async def assign(
    db: AsyncSession,
    principal: Principal,
    question_id: uuid.UUID,
    account_id: uuid.UUID | None,
    *,
    if_match: str | None,
) -> ConversationOut:
    if account_id is not None and (
        await readmodel.caseworker_account(db, principal.municipality_id, account_id) is None
    ):
        await _question(db, principal, question_id)  # 404 first, for another tenant's question
        raise Problem.validation(
            [FieldError("account_id", N_("There is no such caseworker in your municipality."))]
        )
    return await _update_conversation(
        db, principal, question_id, if_match, {"assigned_account_id": account_id}, "assignment"
    )


async def set_waiting_for(
    db: AsyncSession,
    principal: Principal,
    question_id: uuid.UUID,
    waiting_for: str,
    *,
    if_match: str | None,
) -> ConversationOut:
    return await _update_conversation(
        db, principal, question_id, if_match, {"waiting_for": waiting_for}, "waiting_for"
    )


async def set_needs_interpreter(
    db: AsyncSession,
    principal: Principal,
    question_id: uuid.UUID,
    needs_interpreter: bool,
    *,
    if_match: str | None,
) -> ConversationOut:
    """Mark (or clear) that the resident needs an interpreter for this question: the answer in
    their language is not enough, a colleague arranges one (a compare-and-set, like the rest)."""
    return await _update_conversation(
        db,
        principal,
        question_id,
        if_match,
        {"needs_interpreter": needs_interpreter},
        "needs_interpreter",
    )


async def team_conversations(
    db: AsyncSession,
    principal: Principal,
    *,
    assigned: str | None,
    waiting_for: str | None,
    cursor: str | None,
    limit: int,
    order: str = "oldest_first",
) -> Page[ConversationOut]:
    """The municipality's questions (oldest first; with ``order="unanswered_first"`` those not
    answered yet before the answered ones, each oldest first), by assignment and who they wait
    for."""
    query = (
        select(Interaction)
        .outerjoin(Conversation, col(Conversation.interaction_id) == col(Interaction.id))
        .where(
            col(Interaction.municipality_id) == principal.municipality_id,
            col(Interaction.kind) == InteractionKind.question,
        )
    )
    if assigned == "mine":
        query = query.where(col(Conversation.assigned_account_id) == principal.account_id)
    elif assigned == "unassigned":
        query = query.where(col(Conversation.assigned_account_id).is_(None))
    if waiting_for == WaitingFor.municipality:
        query = query.where(
            or_(
                col(Conversation.interaction_id).is_(None),
                col(Conversation.waiting_for) == WaitingFor.municipality,
            )
        )
    elif waiting_for is not None:
        query = query.where(col(Conversation.waiting_for) == waiting_for)
    if order == "unanswered_first":
        page, next_cursor = await keyset_page_first(
            db,
            query,
            or_(
                col(Conversation.interaction_id).is_(None),
                col(Conversation.first_answered_at).is_(None),
            ),
            col(Interaction.created_at),
            col(Interaction.id),
            cursor=cursor,
            limit=limit,
            newest_first=False,
        )
    else:
        page, next_cursor = await keyset_page(
            db,
            query,
            col(Interaction.created_at),
            col(Interaction.id),
            cursor=cursor,
            limit=limit,
            newest_first=False,
        )
    items = await _conversation_outs(db, principal, page)
    await audit_residents(
        db,
        principal,
        (q.resident_id for q in page),
        resource="admin.conversation",
        fields=["questions", "answers", "notes"],
        purpose="caseworker: team conversations",
    )
    return Page(items=items, next_cursor=next_cursor)


# --- translation aids -------------------------------------------------------------------------


async def _translator(db: AsyncSession, principal: Principal, settings: Settings) -> Translator:
    """The municipality's machine translator, or the ``translation-not-configured`` problem."""
    translator = translation.translator_for(
        await municipalities.get(db, principal.municipality_id), settings
    )
    if translator is None:
        raise translation.not_configured()
    return translator


async def _translated(translator: Translator, text: str, source: str, target: str) -> Translation:
    try:
        return await translator.translate(text, source, target)
    except TranslationError as error:
        raise translation.problem_of(error) from None


async def question_translation(
    db: AsyncSession, principal: Principal, settings: Settings, question_id: uuid.UUID
) -> QuestionTranslationOut:
    """The resident's question and its machine translation into Dutch. The question's text
    goes to the municipality's own server only; the read is audited like any other."""
    question = await _question(db, principal, question_id)
    await resident_in_reach(db, principal, question.resident_id)
    translator = await _translator(db, principal, settings)
    text, language, resident_id = question.text, question.language, question.resident_id
    await checkpoint(db)  # no transaction stays open while the server translates
    translated = await _translated(translator, text, language, "nl")
    await audit_residents(
        db,
        principal,
        [resident_id],
        resource="admin.conversation",
        fields=["questions"],
        purpose="caseworker: question translation",
    )
    return QuestionTranslationOut(
        question_id=question_id,
        original=TextInLanguage(text=text, language=language),
        translation=TranslationOut.of(translated),
    )


async def draft_translation(
    db: AsyncSession,
    principal: Principal,
    settings: Settings,
    question_id: uuid.UUID,
    data: DraftTranslationIn,
) -> DraftTranslationOut:
    """A draft answer machine-translated (by default into the resident's language): nothing
    is stored or sent; the caseworker decides what to send."""
    question = await _question(db, principal, question_id)
    resident = await resident_in_reach(db, principal, question.resident_id)
    translator = await _translator(db, principal, settings)
    target = data.target or residents.language_of(resident)
    errors = [
        FieldError(name, N_("This language is not offered."))
        for name, value in (("language", data.language), ("target", target))
        if value not in LANGUAGES
    ]
    if not data.text.strip():
        errors.append(FieldError("text", N_("This field is required.")))
    if errors:
        raise Problem.validation(errors)
    resident_id = resident.id
    await checkpoint(db)  # no transaction stays open while the server translates
    translated = await _translated(translator, data.text.strip(), data.language, target)
    await audit_residents(
        db,
        principal,
        [resident_id],
        resource="admin.conversation",
        fields=["language"],
        purpose="caseworker: answer translation",
    )
    return DraftTranslationOut(
        original=TextInLanguage(text=data.text.strip(), language=data.language),
        translation=TranslationOut.of(translated),
    )
