# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from welkom.core.models import id_field, json_field, municipality_fk, timestamp_field


class ProcessingRecord(SQLModel, table=True):
    """One processing of one data subject's personal data (Logboek Dataverwerkingen).

    The standard's fields (``trace_id``, ``span_id`` — the standard's ``operation_id`` —,
    ``parent_span_id``, ``name``, ``status``, ``started_at``/``ended_at``,
    ``processing_activity_id``, ``data_subject_id``) plus who did it, on what and why, from
    which the resident's access log is read. ``data_subject_id`` is a keyed hash of the
    resident id, never the id itself. Never values of personal data.

    Append-only: database triggers (see the ``ch_processing_log`` migration) refuse UPDATE and
    DELETE on PostgreSQL and SQLite alike.
    """

    __tablename__ = "processing_record"
    __table_args__ = (
        Index("ix_processing_record_subject_time", "data_subject_id", "ended_at"),
        Index("ix_processing_record_municipality_time", "municipality_id", "ended_at"),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk(index=False)
    trace_id: str = Field(max_length=32, index=True)
    span_id: str = Field(max_length=16)
    parent_span_id: str | None = Field(default=None, max_length=16)
    name: str = Field(max_length=100, description="e.g. resident.profile.read, case_system.deliver")
    status: str = Field(max_length=8, description="ok | error | unknown")
    started_at: datetime = timestamp_field()
    ended_at: datetime = timestamp_field()
    purpose: str = Field(max_length=64, description="the purpose key of the processing register")
    processing_activity_id: str = Field(max_length=500)
    data_subject_id: str = Field(max_length=64, description="HMAC-SHA256 of the resident id, hex")
    data_subject_type: str = Field(default="resident", max_length=32)
    # Who, what and why, for the access log (accountability; no values).
    actor_account_id: uuid.UUID | None = None
    actor_role: str | None = Field(default=None, max_length=32)
    actor_display_name: str | None = Field(default=None, max_length=200)
    action: str = Field(max_length=16, description="read | create | update | delete | export | ...")
    resource: str = Field(max_length=64)
    fields: list[str] = json_field(default_factory=list)
    description: str = Field(default="", max_length=200)
