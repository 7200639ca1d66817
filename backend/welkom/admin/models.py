# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from welkom.core.models import id_field, municipality_fk, optional_timestamp_field, timestamp_field


class WaitingFor(StrEnum):
    municipality = "municipality"  # a caseworker must act
    resident = "resident"  # the resident must answer or bring something
    other_party = "other_party"  # another organisation (COA, IND, UWV, a school, ...)
    nobody = "nobody"  # settled


class MessageKind(StrEnum):
    answer = "answer"  # shown to the resident and routed to the question's zaak
    note = "note"  # internal: never shown to the resident, never routed


class Conversation(SQLModel, table=True):
    """The caseworkers' side of one resident question: who handles it and who must act next.

    Created when a caseworker first touches the question; a question without one is waiting
    for the municipality and unassigned.
    """

    __tablename__ = "conversation"
    __table_args__ = (
        Index("ix_conversation_assigned", "municipality_id", "assigned_account_id"),
        UniqueConstraint("interaction_id", name="uq_conversation_interaction"),
    )

    id: uuid.UUID = id_field()
    interaction_id: uuid.UUID = Field(foreign_key="interaction.id")
    municipality_id: uuid.UUID = municipality_fk(index=False)
    resident_id: uuid.UUID = Field(foreign_key="resident.id", index=True)
    assigned_account_id: uuid.UUID | None = Field(default=None, foreign_key="account.id")
    waiting_for: str = Field(default=WaitingFor.municipality, max_length=16)
    #: A caseworker marked that this resident needs an interpreter to settle the question (the
    #: answer in their own language is not enough); cleared when that is arranged.
    needs_interpreter: bool = False
    first_answered_at: datetime | None = optional_timestamp_field()
    version: int = 1
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()


class ConversationMessage(SQLModel, table=True):
    """A caseworker's answer to a resident's question, or an internal note about it."""

    __tablename__ = "conversation_message"
    __table_args__ = (
        Index("ix_conversation_message_thread", "interaction_id", "created_at", "id"),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    interaction_id: uuid.UUID = Field(foreign_key="interaction.id")
    resident_id: uuid.UUID = Field(foreign_key="resident.id", index=True)
    #: None for an answer picked up from the klantcontact register (Open Klant).
    author_account_id: uuid.UUID | None = Field(default=None, foreign_key="account.id")
    author_name: str = Field(max_length=200)
    kind: str = Field(max_length=16)
    language: str = Field(max_length=8)
    text: str = Field(sa_type=Text)
    created_at: datetime = timestamp_field()
    # Answers only: where the answer stands in the case register (same zaak as the question).
    registration_state: str | None = Field(default=None, max_length=16)
    zaak_identificatie: str | None = Field(default=None, max_length=40)
    registered_at: datetime | None = optional_timestamp_field()
    # Answers only: the machine translation sent with the original, when the caseworker chose
    # to send one (the original above is always what the caseworker wrote).
    translation_text: str | None = Field(default=None, sa_type=Text)
    translation_language: str | None = Field(default=None, max_length=8)
    translation_state: str | None = Field(default=None, max_length=16)
    translation_engine: str | None = Field(default=None, max_length=32)
