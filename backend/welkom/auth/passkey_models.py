# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Passkeys (WebAuthn credentials) and the server-side state of a WebAuthn ceremony."""

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from welkom.core.models import (
    id_field,
    municipality_fk,
    optional_timestamp_field,
    timestamp_field,
)


class Passkey(SQLModel, table=True):
    """A resident's passkey: the public key of a credential on their phone or security key.

    ``credential_id`` is the authenticator's credential id (base64url); ``public_key`` the
    COSE public key (base64url). No secret is stored: the private key never leaves the
    authenticator.
    """

    __tablename__ = "passkey"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)
    credential_id: str = Field(max_length=1400, unique=True)
    public_key: str = Field(max_length=4000)
    sign_count: int = Field(default=0)
    name: str = Field(max_length=100)
    created_at: datetime = timestamp_field()
    last_used_at: datetime | None = optional_timestamp_field()


class PasskeyChallenge(SQLModel, table=True):
    """A WebAuthn challenge: single-use, short-lived, bound to one ceremony.

    ``ceremony`` is ``register`` (then ``account_id`` is the signed-in account that asked) or
    ``sign_in``. ``used_at`` is set when a response is checked against it, whatever the outcome.
    """

    __tablename__ = "passkey_challenge"

    id: uuid.UUID = id_field()
    ceremony: str = Field(max_length=16)
    challenge: str = Field(max_length=128)
    account_id: uuid.UUID | None = Field(default=None, foreign_key="account.id", index=True)
    created_at: datetime = timestamp_field(index=True)
    expires_at: datetime = timestamp_field()
    used_at: datetime | None = optional_timestamp_field()
