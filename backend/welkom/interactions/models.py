# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, Text
from sqlmodel import Field, SQLModel

from welkom.core.models import id_field, municipality_fk, optional_timestamp_field, timestamp_field
from welkom.interactions import reference as case_reference


class InteractionKind(StrEnum):
    question = "question"
    document = "document"


class RegistrationState(StrEnum):
    pending = "pending"  # waiting in the outbox
    registered = "registered"  # the case register holds it
    parked = "parked"  # the register refused it; records management must look


class Interaction(SQLModel, table=True):
    """Anything a resident sends; each is routed into the municipality's case register."""

    __tablename__ = "interaction"
    __table_args__ = (
        Index("ix_interaction_resident_created", "resident_id", "created_at", "id"),
        Index("ix_interaction_zaak_url", "zaak_url"),
        Index("uq_interaction_reference", "municipality_id", "reference", unique=True),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    resident_id: uuid.UUID = Field(foreign_key="resident.id")
    kind: str = Field(max_length=32)
    #: The short reference a person can read out (``interactions.reference``), stored without
    #: its hyphen; unique per municipality.
    # looked up at each call, so a test can substitute the drawing
    reference: str = Field(default_factory=lambda: case_reference.new(), max_length=10)
    language: str = Field(max_length=8)
    text: str = Field(sa_type=Text)
    created_at: datetime = timestamp_field()
    registration_state: str = Field(default=RegistrationState.pending, max_length=16)
    zaak_identificatie: str | None = Field(default=None, max_length=40)
    zaak_url: str | None = Field(default=None, max_length=1000)
    registered_at: datetime | None = optional_timestamp_field()


class InteractionDocument(SQLModel, table=True):
    """The file of a ``document`` interaction: kept in storage, described here."""

    __tablename__ = "interaction_document"

    interaction_id: uuid.UUID = Field(foreign_key="interaction.id", primary_key=True)
    municipality_id: uuid.UUID = municipality_fk()
    storage_key: str = Field(max_length=64)
    content_type: str = Field(max_length=100, description="Sniffed from the bytes")
    size: int
    sha256: str = Field(max_length=64)
    created_at: datetime = timestamp_field()
