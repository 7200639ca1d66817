# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from welkom.core.models import DateTimeUTC, id_field, municipality_fk, timestamp_field


class LinkRole(StrEnum):
    question = "question"  # a resident's question, registered by Welkom
    answer_sent = "answer_sent"  # a caseworker's answer given in Welkom, registered by Welkom
    answer_received = "answer_received"  # an answer registered in Open Klant, shown in Welkom


class KlantcontactLink(SQLModel, table=True):
    """Which klantcontact in Open Klant stands for which question or answer in Welkom.

    Only opaque ids: ``reference`` is the interaction id (question) or the conversation message
    id (answers). A klantcontact is linked once per municipality, so an answer picked up twice
    (a poll repeated after a crash) is shown once.
    """

    __tablename__ = "klantcontact_link"
    __table_args__ = (
        UniqueConstraint("municipality_id", "klantcontact_uuid", name="uq_klantcontact_link_uuid"),
        Index("ix_klantcontact_link_poll", "municipality_id", "role", "created_at", "reference"),
    )

    reference: uuid.UUID = Field(primary_key=True)
    municipality_id: uuid.UUID = municipality_fk(index=False)
    role: str = Field(max_length=16)
    question_reference: uuid.UUID = Field(index=True)
    klantcontact_uuid: uuid.UUID
    created_at: datetime = timestamp_field()


class KlantcontactPollCursor(SQLModel, table=True):
    """Where the answer pickup of a municipality stands: the last question link it checked."""

    __tablename__ = "klantcontact_poll_cursor"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = Field(foreign_key="municipality.id", unique=True)
    after_created_at: datetime | None = Field(default=None, sa_type=DateTimeUTC)
    after_reference: uuid.UUID | None = None
    updated_at: datetime = timestamp_field()
