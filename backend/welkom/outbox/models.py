# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from welkom.core.models import id_field, municipality_fk, optional_timestamp_field, timestamp_field


class OutboxState(StrEnum):
    pending = "pending"
    in_progress = "in_progress"
    delivered = "delivered"
    parked = "parked"


class OutboxEntry(SQLModel, table=True):
    """Work that must happen after a commit: written in the same transaction as its cause.

    ``reference`` is an opaque id (e.g. an interaction id): outbox rows carry no personal data.
    ``traceparent`` is the W3C trace context of the work that enqueued the entry: its delivery
    continues that trace.
    ``subject`` names what it is about (question, document, answer), for lists and filters.
    ``ordering_key`` (optional, opaque, e.g. a zaak identificatie) serialises entries: of the
    entries with the same key, only the oldest one not yet delivered or parked can be claimed.
    """

    __tablename__ = "outbox_entry"
    __table_args__ = (
        UniqueConstraint("kind", "reference", name="uq_outbox_kind_reference"),
        Index("ix_outbox_due", "state", "next_attempt_at"),
        Index("ix_outbox_ordering", "ordering_key", "created_at"),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    kind: str = Field(max_length=64)
    reference: uuid.UUID
    ordering_key: str | None = Field(default=None, max_length=64)
    #: What the entry is about, for the people who look at it (e.g. question, answer).
    subject: str | None = Field(default=None, max_length=32)
    state: str = Field(default=OutboxState.pending, max_length=16)
    attempts: int = 0
    next_attempt_at: datetime = timestamp_field()
    claim_token: uuid.UUID | None = None
    lease_expires_at: datetime | None = optional_timestamp_field()
    last_error: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = timestamp_field()
    delivered_at: datetime | None = optional_timestamp_field()
    traceparent: str | None = Field(default=None, max_length=55)
