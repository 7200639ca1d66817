# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

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


class StaffProviderOut(msgspec.Struct):
    """A staff identity provider: its key (for ``/auth/oidc/{key}/login``) and the name shown."""

    key: str
    display_name: str


class StaffSignInOut(msgspec.Struct):
    """How staff sign in to the back office: the providers, and whether demo login is on."""

    providers: list[StaffProviderOut]
    demo_login: bool


class ActivationOut(msgspec.Struct):
    session: SessionOut
    sign_in_options: list[SignInOption]


class ActivationCodeOut(msgspec.Struct):
    """A freshly issued code: shown once (as text and as a QR code payload), never again."""

    id: uuid.UUID
    code: str
    qr_payload: str
    expires_at: datetime


CodeState = Literal["active", "spent", "expired", "revoked"]


class ActivationCodeState(msgspec.Struct):
    id: uuid.UUID
    state: CodeState
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


class PasskeyCeremonyOut(msgspec.Struct):
    """Pass ``public_key`` to ``navigator.credentials.create``/``get`` (binary fields are
    base64url) and send ``ceremony_id`` back with the answer."""

    ceremony_id: uuid.UUID
    public_key: dict[str, Any]


class PasskeyRegisterIn(msgspec.Struct, forbid_unknown_fields=True):
    """The answer of ``navigator.credentials.create`` as JSON (``PublicKeyCredential.toJSON``
    shape: id, rawId, type, response.clientDataJSON/attestationObject in base64url)."""

    ceremony_id: uuid.UUID
    credential: dict[str, Any]
    name: Annotated[str, msgspec.Meta(max_length=100)] = ""


class PasskeySignInIn(msgspec.Struct, forbid_unknown_fields=True):
    """The answer of ``navigator.credentials.get`` as JSON (``PublicKeyCredential.toJSON``
    shape: id, rawId, type, response.clientDataJSON/authenticatorData/signature/userHandle)."""

    ceremony_id: uuid.UUID
    credential: dict[str, Any]


class PasskeyOut(msgspec.Struct):
    id: uuid.UUID
    name: str
    created_at: datetime
    last_used_at: datetime | None
