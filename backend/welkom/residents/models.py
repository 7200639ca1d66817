import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from welkom.core.models import id_field, municipality_fk, timestamp_field


class Resident(SQLModel, table=True):
    """A status holder's own profile."""

    __tablename__ = "resident"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    preferred_name: str = Field(max_length=100)
    preferred_language: str = Field(max_length=8)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=32)
    version: int = Field(default=1, description="Bumped on every change; the ETag")
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()
