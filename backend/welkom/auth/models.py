# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
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
    #: A translation reviewer's languages: they see and review only these (empty: every one).
    review_languages: list[str] = json_field(default_factory=list)


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
    #: The device credential family this session was started with, if any (ended with it).
    device_family_id: uuid.UUID | None = Field(default=None, index=True)


class AccountIdentity(SQLModel, table=True):
    """An external identity (an OpenID Connect ``iss`` + ``sub``) that signs in as an account.

    Unique per municipality, so one regional IdP can serve several municipalities.
    """

    __tablename__ = "account_identity"
    __table_args__ = (
        UniqueConstraint(
            "municipality_id", "issuer", "subject", name="uq_account_identity_subject"
        ),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)
    provider: str = Field(max_length=64, description="Provider key from the settings")
    issuer: str = Field(max_length=500)
    subject: str = Field(max_length=255)
    created_at: datetime = timestamp_field()
    last_login_at: datetime | None = optional_timestamp_field()


class ActivationCode(SQLModel, table=True):
    """A one-time code a caseworker issues so a resident can sign in the first time.

    Only a keyed hash of the code is stored; the code is shown once, to the caseworker.
    """

    __tablename__ = "activation_code"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    resident_id: uuid.UUID = Field(foreign_key="resident.id", index=True)
    code_hash: str = Field(max_length=64, unique=True)
    issued_by: uuid.UUID = Field(foreign_key="account.id")
    created_at: datetime = timestamp_field()
    expires_at: datetime = timestamp_field()
    spent_at: datetime | None = optional_timestamp_field()
    revoked_at: datetime | None = optional_timestamp_field()


class AuthAttempt(SQLModel, table=True):
    """A failed sign-in attempt, for rate limiting. ``client_hash`` is a keyed hash of the
    client address (the address itself is never stored)."""

    __tablename__ = "auth_attempt"
    __table_args__ = (Index("ix_auth_attempt_kind_client", "kind", "client_hash", "created_at"),)

    id: uuid.UUID = id_field()
    kind: str = Field(max_length=32)
    client_hash: str = Field(max_length=64)
    created_at: datetime = timestamp_field(index=True)


class OidcLogin(SQLModel, table=True):
    """A login in progress at an OpenID Connect provider (between redirect and callback).

    ``browser_hash`` binds it to the browser that started it (a cookie), so a stolen callback
    URL cannot be completed elsewhere; ``link_account_id`` is set when a signed-in resident
    links a new way to sign in.
    """

    __tablename__ = "oidc_login"

    id: uuid.UUID = id_field()
    provider: str = Field(max_length=64)
    state_hash: str = Field(max_length=64, unique=True)
    browser_hash: str = Field(max_length=64)
    nonce: str = Field(max_length=128)
    code_verifier: str = Field(max_length=128)
    return_to: str = Field(max_length=500)
    link_account_id: uuid.UUID | None = Field(default=None, foreign_key="account.id")
    created_at: datetime = timestamp_field(index=True)
    expires_at: datetime = timestamp_field()
    used_at: datetime | None = optional_timestamp_field()


class DeviceCredential(SQLModel, table=True):
    """One value of a long-lived "sign in on this phone" credential.

    Kept in an HttpOnly cookie, stored hashed. Every use rotates it: this row gets
    ``rotated_at`` and a new row of the same ``family_id`` holds the successor. Rotated rows
    are kept until they expire so that a replay of one is recognised as reuse, which revokes
    the whole family (see :mod:`welkom.auth.devices`). "Log out everywhere" revokes all.
    """

    __tablename__ = "device_credential"

    id: uuid.UUID = id_field()
    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)
    #: Every value descended from one "remember this phone"; the first row's id.
    family_id: uuid.UUID = Field(index=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = timestamp_field()
    last_used_at: datetime | None = optional_timestamp_field()
    rotated_at: datetime | None = optional_timestamp_field()
    expires_at: datetime = timestamp_field()
    revoked_at: datetime | None = optional_timestamp_field()
