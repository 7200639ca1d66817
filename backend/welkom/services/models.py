# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Service items, places and their translatable texts.

Every translatable text is a :class:`ServiceText` row: one per (owner, field, language). The
Dutch row is the source (state ``source``); each translation records the source revision it
was made from, so a source edit makes it *outdated* without touching it.
"""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from welkom.core.models import (
    id_field,
    json_field,
    municipality_fk,
    optional_timestamp_field,
    timestamp_field,
)


class ItemStatus(StrEnum):
    draft = "draft"  # invisible to residents
    published = "published"
    archived = "archived"  # withdrawn; invisible to residents


class TextState(StrEnum):
    source = "source"
    machine = "machine"
    translated = "translated"
    reviewed = "reviewed"


class OwnerKind(StrEnum):
    item = "item"
    place = "place"


class ServiceItem(SQLModel, table=True):
    __tablename__ = "service_item"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    category: str = Field(max_length=32, index=True)
    status: str = Field(max_length=16, default=ItemStatus.draft, index=True)
    links: list[Any] = json_field(default_factory=list)  # [{"url": …}] labels are texts link.<n>
    phones: list[Any] = json_field(default_factory=list)  # [{"number": "+31…"}]
    opening_hours: list[Any] = json_field(
        default_factory=list
    )  # [{"day": 1, "opens": …, "closes": …}]
    journey_steps: list[Any] = json_field(default_factory=list)  # journey step keys
    version: int = Field(default=1, description="Bumped on every change; the admin ETag")
    published_version: int | None = Field(default=None, description="Version last published")
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()
    published_at: datetime | None = optional_timestamp_field()


class ServicePlace(SQLModel, table=True):
    __tablename__ = "service_place"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    street: str = Field(max_length=200)
    house_number: str = Field(max_length=20)
    postal_code: str = Field(max_length=10)
    city: str = Field(max_length=100)
    latitude: float = Field(index=True)
    longitude: float
    phone: str | None = Field(default=None, max_length=32)
    opening_hours: list[Any] = json_field(default_factory=list)
    version: int = Field(default=1)
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()


class ServiceItemPlace(SQLModel, table=True):
    """Where an item's service is given."""

    __tablename__ = "service_item_place"

    item_id: uuid.UUID = Field(foreign_key="service_item.id", primary_key=True)
    place_id: uuid.UUID = Field(foreign_key="service_place.id", primary_key=True, index=True)
    municipality_id: uuid.UUID = municipality_fk()


class ServiceText(SQLModel, table=True):
    __tablename__ = "service_text"
    __table_args__ = (
        UniqueConstraint("owner_id", "field", "language", name="uq_service_text_owner_field_lang"),
        Index("ix_service_text_lookup", "municipality_id", "language", "owner_kind"),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk(index=False)
    owner_kind: str = Field(max_length=8)
    owner_id: uuid.UUID = Field(index=True)
    field: str = Field(max_length=32)
    language: str = Field(max_length=8)
    text: str = Field(sa_type=Text)
    html: str | None = Field(default=None, sa_type=Text, description="Sanitised render (body)")
    search_text: str = Field(default="", sa_type=Text, description="Normalised for search")
    state: str = Field(max_length=16)
    source_revision: int = Field(
        default=1,
        description="Source: its revision. Translation: the source revision it translates.",
    )
    version: int = Field(
        default=1, description="Bumped on every change of this row; a translation's ETag"
    )
    updated_by: str | None = Field(default=None, max_length=200)
    updated_at: datetime = timestamp_field()
    reviewed_by: str | None = Field(default=None, max_length=200)
    reviewed_at: datetime | None = optional_timestamp_field()
