import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from welkom.core.models import (
    id_field,
    json_field,
    municipality_fk,
    optional_timestamp_field,
    timestamp_field,
)


class Account(SQLModel, table=True):
    """Someone who can sign in: a resident, a staff member or a volunteer.

    ``roles`` holds the product roles (resident, caseworker, coordinator, volunteer, editor,
    reviewer, records_manager, admin). A resident's account points at their resident record.
    """

    __tablename__ = "account"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    roles: list[str] = json_field(default_factory=list)
    display_name: str = Field(max_length=200)
    resident_id: uuid.UUID | None = Field(default=None, foreign_key="resident.id", index=True)
    demo_login: str | None = Field(default=None, max_length=64, unique=True)
    created_at: datetime = timestamp_field()


class AuthSession(SQLModel, table=True):
    """A server-side session. Only a keyed hash of the token is stored."""

    __tablename__ = "auth_session"

    id: uuid.UUID = id_field()
    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = timestamp_field()
    last_seen_at: datetime = timestamp_field()
    expires_at: datetime = timestamp_field()
    revoked_at: datetime | None = optional_timestamp_field()
