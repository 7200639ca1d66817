# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from typing import Annotated, Literal

import msgspec


class DemoLoginIn(msgspec.Struct, forbid_unknown_fields=True):
    login: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class SessionOut(msgspec.Struct):
    account_id: uuid.UUID
    display_name: str
    roles: list[str]
    municipality_id: uuid.UUID
    resident_id: uuid.UUID | None


class DemoLoginOut(msgspec.Struct):
    token: str
    session: SessionOut


class ActivationIn(msgspec.Struct, forbid_unknown_fields=True):
    """The code from the caseworker's letter (separators and lower case are fine), and
    whether this phone should remember the resident ("device") for next time."""

    code: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    remember_device: bool = False


class SignInOption(msgspec.Struct):
    """A way the resident can sign in next time: ``device`` (this phone) or an OIDC provider."""

    kind: Literal["device", "oidc"]
    provider: str | None
    link_url: str | None


class ActivationOut(msgspec.Struct):
    session: SessionOut
    sign_in_options: list[SignInOption]


class ActivationCodeOut(msgspec.Struct):
    """A freshly issued code: shown once (as text and as a QR code payload), never again."""

    id: uuid.UUID
    code: str
    qr_payload: str
    expires_at: datetime


class ActivationCodeState(msgspec.Struct):
    id: uuid.UUID
    state: Literal["active", "spent", "expired", "revoked"]
    created_at: datetime
    expires_at: datetime
    spent_at: datetime | None


class ActiveSessionOut(msgspec.Struct):
    """One of the caller's sessions that still works (to see and end them)."""

    id: uuid.UUID
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    current: bool
