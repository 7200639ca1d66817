# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from welkom.core.models import (
    JsonB,
    id_field,
    json_field,
    municipality_fk,
    optional_timestamp_field,
    timestamp_field,
)


class Resident(SQLModel, table=True):
    """A status holder's own profile.

    Fields the resident corrects themselves (preferred and written names, languages, contact,
    address, arrival date) sit beside fields the municipality owns (registered name, BSN,
    V-number, each with its source). Every change is written to ``resident_change``.
    """

    __tablename__ = "resident"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    preferred_name: str = Field(max_length=100)
    preferred_language: str = Field(max_length=8)
    chosen_language: str | None = Field(
        default=None,
        max_length=8,
        description="The language the resident chose in the app; wins over preferred_language",
    )
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=32)
    version: int = Field(default=1, description="Bumped on every change; the ETag")
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()
    # Theirs to correct.
    full_name: str | None = Field(
        default=None, max_length=200, description="The name as the resident writes it"
    )
    languages: list[str] = json_field(default_factory=list)
    address_street: str | None = Field(default=None, max_length=200)
    address_house_number: str | None = Field(default=None, max_length=16)
    address_postcode: str | None = Field(default=None, max_length=16)
    address_city: str | None = Field(default=None, max_length=100)
    arrival_date: date | None = Field(default=None)
    # Owned by the municipality: read-only to the resident, each with where it came from.
    registered_name: str | None = Field(default=None, max_length=200)
    registered_name_source: str | None = Field(default=None, max_length=32)
    bsn: str | None = Field(default=None, max_length=9)
    bsn_source: str | None = Field(default=None, max_length=32)
    v_number: str | None = Field(default=None, max_length=10)
    v_number_source: str | None = Field(default=None, max_length=32)
    municipal_data_legal_basis: str | None = Field(
        default=None, max_length=200, description="Why the municipality may hold BSN/V-number"
    )
    # The caseworker (an account id, no foreign key: accounts already point at residents; the
    # name is copied when assigned, so reading a profile never reads the auth domain's tables).
    caseworker_account_id: uuid.UUID | None = Field(default=None, index=True)
    caseworker_name: str | None = Field(default=None, max_length=200)
    caseworker_contact: str | None = Field(
        default=None, max_length=200, description="How to reach the caseworker"
    )
    erased_at: datetime | None = optional_timestamp_field()


class Relation(StrEnum):
    partner = "partner"
    child = "child"
    other = "other"


class HouseholdMember(SQLModel, table=True):
    """A partner, child or other member of the resident's household."""

    __tablename__ = "household_member"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    resident_id: uuid.UUID = Field(foreign_key="resident.id", index=True)
    relation: str = Field(max_length=16)
    name: str = Field(max_length=100)
    birth_year: int | None = None
    school: str | None = Field(default=None, max_length=200)
    version: int = 1
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()


class ResidentChange(SQLModel, table=True):
    """One changed field: who, when, old and new. Append-only."""

    __tablename__ = "resident_change"
    __table_args__ = (Index("ix_resident_change_resident_at", "resident_id", "changed_at", "id"),)

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    resident_id: uuid.UUID = Field(foreign_key="resident.id")
    subject: str = Field(max_length=32, description="profile | household_member")
    subject_id: uuid.UUID
    field: str = Field(max_length=64)
    old_value: Any = Field(default=None, sa_type=JsonB, nullable=True)
    new_value: Any = Field(default=None, sa_type=JsonB, nullable=True)
    actor_account_id: uuid.UUID | None = None
    actor_role: str = Field(max_length=32)
    changed_at: datetime = timestamp_field()
