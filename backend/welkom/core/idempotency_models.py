# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from welkom.core.models import id_field, json_field, timestamp_field


class IdempotencyRecord(SQLModel, table=True):
    """The first response to a POST with an ``Idempotency-Key``, replayed for repeats."""

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("scope", "key", name="uq_idempotency_scope_key"),)

    id: uuid.UUID = id_field()
    scope: str = Field(max_length=100, description="Who sent it and to which operation")
    key: str = Field(max_length=255)
    request_hash: str = Field(max_length=64)
    response_status: int
    response_body: dict[str, Any] = json_field()
    created_at: datetime = timestamp_field(index=True)
    #: The resident the stored response is about (a caseworker's intake or answer, a resident's
    #: own request), so an erasure finds it whoever sent it. No foreign key: ``core`` knows no
    #: domain, and the record is deleted with the resident's data.
    resident_id: uuid.UUID | None = Field(default=None, index=True)
