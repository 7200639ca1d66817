# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Column helpers shared by every domain's SQLModel tables."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, TypeDecorator
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

JsonB = JSON().with_variant(JSONB(), "postgresql")


class DateTimeUTC(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores no offset: add it back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: use welkom.core.models.utcnow()")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def id_field() -> Any:
    return Field(default_factory=uuid.uuid4, primary_key=True)


def timestamp_field(*, index: bool = False) -> Any:
    """A timezone-aware UTC timestamp, set on creation (stored as UTC on SQLite too)."""
    return Field(default_factory=utcnow, sa_type=DateTimeUTC, nullable=False, index=index)


def optional_timestamp_field(*, index: bool = False) -> Any:
    return Field(default=None, sa_type=DateTimeUTC, nullable=True, index=index)


def json_field(*, default_factory: Any = dict) -> Any:
    return Field(default_factory=default_factory, sa_type=JsonB, nullable=False)


def municipality_fk(*, index: bool = True) -> Any:
    """Every tenant-owned row carries its municipality."""
    return Field(foreign_key="municipality.id", nullable=False, index=index)
