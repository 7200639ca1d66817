# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from welkom.core.models import id_field, json_field, municipality_fk, timestamp_field


class AuditEvent(SQLModel, table=True):
    """Who read or changed which of a resident's data, why and when. Never values.

    Append-only: database triggers (see the ``a4_identity`` migration) refuse UPDATE and
    DELETE on PostgreSQL and SQLite alike.
    """

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_resident_time", "resident_id", "occurred_at"),
        Index("ix_audit_event_municipality_time", "municipality_id", "occurred_at"),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk(index=False)
    # No foreign keys to resident/account: the log outlives an erased resident or account.
    resident_id: uuid.UUID
    actor_account_id: uuid.UUID = Field(index=True)
    actor_role: str = Field(max_length=32)
    actor_display_name: str = Field(max_length=200)
    action: str = Field(max_length=16, description="read | create | update | delete | export")
    resource: str = Field(max_length=64, description="e.g. resident.profile")
    fields: list[str] = json_field(default_factory=list)
    purpose: str = Field(max_length=200)
    request_id: str | None = Field(default=None, max_length=64)
    occurred_at: datetime = timestamp_field()
