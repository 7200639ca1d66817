# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from welkom.core.models import (
    id_field,
    json_field,
    municipality_fk,
    optional_timestamp_field,
    timestamp_field,
)


class ErasureState(StrEnum):
    requested = "requested"
    completed = "completed"
    refused = "refused"


class ErasureRequest(SQLModel, table=True):
    """A resident's request to erase their data (AVG art. 17), completed or refused (with a
    reason the resident reads) by records management.

    Kept after completion (without the resident's own words) as proof the request was honoured.
    """

    __tablename__ = "erasure_request"
    __table_args__ = (
        # At most one open request per resident, even when two arrive at once.
        Index(
            "uq_erasure_request_open",
            "resident_id",
            unique=True,
            postgresql_where=text("state = 'requested'"),
            sqlite_where=text("state = 'requested'"),
        ),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    resident_id: uuid.UUID = Field(foreign_key="resident.id", index=True)
    state: str = Field(default=ErasureState.requested, max_length=16)
    reason: str | None = Field(default=None, max_length=1000)
    requested_at: datetime = timestamp_field()
    completed_at: datetime | None = optional_timestamp_field()
    completed_by_account_id: uuid.UUID | None = None
    outcome: dict[str, Any] = json_field()
    refused_at: datetime | None = optional_timestamp_field()
    refused_by_account_id: uuid.UUID | None = None
    refusal_reason: str | None = Field(default=None, max_length=1000)
