# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Request and response shapes of the caseworkers' admin API."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from welkom.core.text import TextInput, line_meta, lines_meta
from welkom.residents.schemas import Email, LanguageTag, Phone, PreferredName
from welkom.translation.schemas import TranslationOut

WaitingForName = Literal["municipality", "resident", "other_party", "nobody"]
ANSWER_MAX_LENGTH = 8000
NOTE_MAX_LENGTH = 4000


class ResidentIntakeIn(TextInput, forbid_unknown_fields=True):
    """A resident record made at intake; the resident activates it with an activation code."""

    preferred_name: PreferredName
    preferred_language: LanguageTag
    full_name: Annotated[str, line_meta(200)] | None = None
    languages: Annotated[list[LanguageTag], msgspec.Meta(max_length=14)] = []
    email: Email | None = None
    phone: Phone | None = None
    arrival_date: date | None = None
    become_caseworker: bool = True


class CaseworkerRef(msgspec.Struct):
    account_id: uuid.UUID
    name: str | None


class ColleagueOut(msgspec.Struct):
    """A staff or volunteer account of the municipality: who can appear in the audit log."""

    account_id: uuid.UUID
    name: str | None
    roles: list[str]


class ResidentSummary(msgspec.Struct):
    id: uuid.UUID
    preferred_name: str
    preferred_language: str
    caseworker: CaseworkerRef | None
    waiting_on_municipality: int
    last_activity_at: datetime
    created_at: datetime


class Registration(msgspec.Struct):
    state: str | None
    zaak_identificatie: str | None
    registered_at: datetime | None


class MessageOut(msgspec.Struct):
    id: uuid.UUID
    kind: str  # answer | note
    author: str
    language: str
    text: str
    created_at: datetime
    registration: Registration | None  # answers only
    #: Answers sent with a machine translation only (absent otherwise); ``text`` is the original.
    translation: TranslationOut | msgspec.UnsetType = msgspec.UNSET


class QuestionRef(msgspec.Struct):
    id: uuid.UUID
    reference: str  # the short case reference the resident sees (K7Q2-9MXA)
    text: str
    language: str
    created_at: datetime
    registration: Registration


class CaseRefOut(msgspec.Struct):
    """A case found by the short reference a resident reads out; a question's conversation is
    at ``/api/v1/admin/conversations/{interaction_id}``."""

    interaction_id: uuid.UUID
    reference: str
    kind: str  # question | document
    resident_id: uuid.UUID
    created_at: datetime
    registration: Registration


class ConversationOut(msgspec.Struct):
    question: QuestionRef
    resident_id: uuid.UUID
    assigned_to: CaseworkerRef | None
    waiting_for: str
    first_answered_at: datetime | None
    messages: list[MessageOut]
    version: int
    #: A caseworker marked that the resident needs an interpreter for this question.
    needs_interpreter: bool = False


class RegisteredDataOut(msgspec.Struct):
    """What the municipality recorded from the BRP/IND/COA, each value with its source, and the
    legal basis for holding them (what ``PUT …/registered-data`` sets)."""

    registered_name: str | None
    registered_name_source: str | None
    bsn: str | None
    bsn_source: str | None
    v_number: str | None
    v_number_source: str | None
    legal_basis: str | None


class ResidentDetail(msgspec.Struct):
    id: uuid.UUID
    preferred_name: str
    full_name: str | None
    preferred_language: str
    languages: list[str]
    email: str | None
    phone: str | None
    arrival_date: date | None
    caseworker: CaseworkerRef | None
    open_questions: int
    help_requests: int
    created_at: datetime
    updated_at: datetime
    version: int
    registered: RegisteredDataOut


class AnswerIn(TextInput, forbid_unknown_fields=True):
    """An answer to the resident, in their language (default: their preferred language).

    It is shown to the resident and added to the question's zaak as a document."""

    text: Annotated[str, lines_meta(ANSWER_MAX_LENGTH)]
    language: LanguageTag | None = None
    then_waiting_for: WaitingForName = "nobody"
    #: Also send a machine translation into the resident's language (made by the
    #: municipality's translation server when the answer is sent; stored and shown marked as
    #: machine translation, next to ``text``, which stays what is stored and sent as the answer).
    send_translation: bool = False


class NoteIn(TextInput, forbid_unknown_fields=True):
    """An internal note: never shown to the resident, never sent to the case system."""

    text: Annotated[str, lines_meta(NOTE_MAX_LENGTH)]


class AssignmentIn(TextInput, forbid_unknown_fields=True):
    """Hand the conversation to a caseworker of the municipality, or ``null`` for the team."""

    account_id: uuid.UUID | None


class WaitingForIn(TextInput, forbid_unknown_fields=True):
    waiting_for: WaitingForName


class InterpreterIn(TextInput, forbid_unknown_fields=True):
    """Whether the resident needs an interpreter to settle this question."""

    needs_interpreter: bool


class AnswerForResident(msgspec.Struct):
    """An answer as the resident sees it (never internal notes)."""

    id: uuid.UUID
    author: str
    language: str
    text: str
    created_at: datetime
    #: A machine translation into the resident's language, when the caseworker sent one.
    translation: TranslationOut | msgspec.UnsetType = msgspec.UNSET


class TextInLanguage(msgspec.Struct):
    text: str
    language: str


class QuestionTranslationOut(msgspec.Struct):
    """The resident's question (the original, always) and its machine translation."""

    question_id: uuid.UUID
    original: TextInLanguage
    translation: TranslationOut


class DraftTranslationIn(TextInput, forbid_unknown_fields=True):
    """A draft answer to translate; nothing is stored or sent."""

    text: Annotated[str, lines_meta(ANSWER_MAX_LENGTH)]
    #: The draft's language.
    language: LanguageTag = "nl"
    #: Default: the resident's language.
    target: LanguageTag | None = None


class DraftTranslationOut(msgspec.Struct):
    original: TextInLanguage
    translation: TranslationOut


class CaseworkerAssignIn(TextInput, forbid_unknown_fields=True):
    """Who becomes the resident's caseworker: the caller, or the colleague ``account_id`` (one
    of ``GET /api/v1/admin/caseworkers``); ``contact`` says how to reach them (shown to the
    resident)."""

    contact: Annotated[str, line_meta(200)] | None = None
    #: A caseworker of your municipality; default: you.
    account_id: uuid.UUID | None = None


class Signal(msgspec.Struct):
    kind: str  # unanswered_question | failed_registration | stalled_journey_step
    resident_id: uuid.UUID
    resident_name: str
    subject_id: uuid.UUID
    since: datetime
    caseworker: CaseworkerRef | None
    detail: dict[str, str | int | None]


class SignalsOut(msgspec.Struct):
    scope: str
    counts: dict[str, int]
    items: list[Signal]
