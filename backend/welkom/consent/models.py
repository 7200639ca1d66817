# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Consent tables. Only :mod:`welkom.consent` reads them (``service.allows`` for everyone else)."""

import uuid
from datetime import datetime

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from welkom.core.models import (
    id_field,
    json_field,
    municipality_fk,
    optional_timestamp_field,
    timestamp_field,
)


class ConsentText(SQLModel, table=True):
    """One language of one version of the text a resident is shown before consenting.

    Versions are per (municipality, purpose); a new version is a new set of rows, never an edit.
    """

    __tablename__ = "consent_text"
    __table_args__ = (
        UniqueConstraint(
            "municipality_id", "purpose", "version", "language", name="uq_consent_text_version"
        ),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    purpose: str = Field(max_length=64)
    version: int
    language: str = Field(max_length=8)
    title: str = Field(max_length=200)
    body: str = Field(sa_type=Text)
    translation_state: str = Field(max_length=16, description="source|machine|translated|reviewed")
    sha256: str = Field(max_length=64, description="Of title and body: proves the exact wording")
    created_at: datetime = timestamp_field()
    reviewed_by: str | None = Field(default=None, max_length=200)
    reviewed_at: datetime | None = optional_timestamp_field()


class ConsentEntry(SQLModel, table=True):
    """One act of granting or withdrawing consent. Append-only (the database refuses edits)."""

    __tablename__ = "consent_entry"
    __table_args__ = (
        UniqueConstraint("resident_id", "seq", name="uq_consent_entry_seq"),
        Index("ix_consent_entry_resident_purpose", "resident_id", "purpose", "seq"),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    resident_id: uuid.UUID = Field(foreign_key="resident.id")
    seq: int = Field(description="Per resident, strictly increasing: the ledger's order")
    purpose: str = Field(max_length=64)
    recipient: str = Field(max_length=100)
    data_categories: list[str] = json_field(default_factory=list)
    legal_basis: str = Field(max_length=32)
    action: str = Field(max_length=16, description="granted | withdrawn")
    channel: str = Field(max_length=16, description="app | in_person | paper | erasure")
    text_id: uuid.UUID | None = Field(default=None, foreign_key="consent_text.id")
    text_version: int | None = None
    text_language: str | None = Field(default=None, max_length=8)
    text_sha256: str | None = Field(default=None, max_length=64)
    text_translation_state: str | None = Field(
        default=None, max_length=16, description="source|machine|translated|reviewed, as shown"
    )
    recorded_by_account_id: uuid.UUID | None = None
    recorded_by_role: str = Field(max_length=32)
    recorded_at: datetime = timestamp_field()
