import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, Text
from sqlmodel import Field, SQLModel

from welkom.core.models import id_field, municipality_fk, optional_timestamp_field, timestamp_field


class InteractionKind(StrEnum):
    question = "question"


class RegistrationState(StrEnum):
    pending = "pending"  # waiting in the outbox
    registered = "registered"  # the case register holds it
    parked = "parked"  # the register refused it; records management must look


class Interaction(SQLModel, table=True):
    """Anything a resident sends; each is routed into the municipality's case register."""

    __tablename__ = "interaction"
    __table_args__ = (Index("ix_interaction_resident_created", "resident_id", "created_at", "id"),)

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    resident_id: uuid.UUID = Field(foreign_key="resident.id")
    kind: str = Field(max_length=32)
    language: str = Field(max_length=8)
    text: str = Field(sa_type=Text)
    created_at: datetime = timestamp_field()
    registration_state: str = Field(default=RegistrationState.pending, max_length=16)
    zaak_identificatie: str | None = Field(default=None, max_length=40)
    zaak_url: str | None = Field(default=None, max_length=1000)
    registered_at: datetime | None = optional_timestamp_field()
