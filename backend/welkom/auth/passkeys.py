# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Passkeys (WebAuthn): a resident's way back in after activation, with py_webauthn.

A signed-in resident registers one or more passkeys (``register_options`` then ``register``);
anyone may then sign in with one (``sign_in_options`` then ``sign_in``), which ends in the same
session as every other login. User verification (PIN, fingerprint, face) is required.

Each ceremony gets a random challenge stored server-side (:class:`PasskeyChallenge`): it
belongs to that ceremony (registration for one account, or sign-in), is spent by the first
response checked against it, whatever the outcome, and expires after
``passkey_challenge_seconds``. The relying party id and origin come from the settings
(``webauthn_rp_id``, ``webauthn_origin``; by default the host and origin of
``public_base_url``).

Every refusal is a localized problem and changes no passkey and no session.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import structlog
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from welkom.auth.models import Account
from welkom.auth.passkey_models import Passkey, PasskeyChallenge
from welkom.core.database import rows_changed
from welkom.core.i18n import N_
from welkom.core.models import utcnow
from welkom.core.problems import FieldError, Problem
from welkom.core.settings import Settings
from welkom.core.unit_of_work import checkpoint

log = structlog.get_logger("welkom.auth")

REGISTER = "register"
SIGN_IN = "sign_in"
#: A resident rarely needs more; the limit keeps a stolen session from filling the table.
MAX_PASSKEYS_PER_ACCOUNT = 20
_RP_NAME = "Welkom"


def rp_id(settings: Settings) -> str:
    """The WebAuthn relying party id: the setting, or the host of ``public_base_url``."""
    return settings.passkey.webauthn_rp_id or (
        urlsplit(settings.public_base_url).hostname or "localhost"
    )


def origin(settings: Settings) -> str:
    """The origin browsers report in clientDataJSON: the setting, or ``public_base_url``'s."""
    if settings.passkey.webauthn_origin:
        return settings.passkey.webauthn_origin.rstrip("/")
    parts = urlsplit(settings.public_base_url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class Ceremony:
    """What the browser needs to start a ceremony: its id and the ``publicKey`` options."""

    ceremony_id: uuid.UUID
    public_key: dict[str, Any]


def _challenge_expired() -> Problem:
    return Problem(
        400,
        "passkey-challenge-invalid",
        N_("Passkey request expired"),
        N_("This passkey request has expired or was already used. Please try again."),
    )


def _refused() -> Problem:
    return Problem(
        401,
        "passkey-refused",
        N_("Passkey not accepted"),
        N_("This passkey could not be used to sign in. Try again, or sign in another way."),
    )


def _registration_refused() -> Problem:
    return Problem(
        400,
        "passkey-registration-refused",
        N_("Passkey not added"),
        N_("Your phone's answer could not be checked. Nothing was saved. Please try again."),
    )


def _already_registered() -> Problem:
    return Problem.conflict(
        "passkey-already-registered",
        N_("Passkey already added"),
        N_("This passkey has already been added. Nothing was changed."),
    )


async def _new_challenge(
    db: AsyncSession,
    settings: Settings,
    ceremony: str,
    challenge: bytes,
    account_id: uuid.UUID | None,
) -> uuid.UUID:
    now = utcnow()
    # Challenges nobody answered in time are of no further use.
    await db.execute(delete(PasskeyChallenge).where(col(PasskeyChallenge.expires_at) < now))
    row = PasskeyChallenge(
        ceremony=ceremony,
        challenge=bytes_to_base64url(challenge),
        account_id=account_id,
        created_at=now,
        expires_at=now + timedelta(seconds=settings.passkey.challenge_seconds),
    )
    db.add(row)
    return row.id


async def _spend_challenge(
    db: AsyncSession, ceremony_id: uuid.UUID, ceremony: str, account_id: uuid.UUID | None
) -> bytes:
    """The challenge of this ceremony, spent now (committed); a problem if it cannot be used."""
    now = utcnow()
    row = await db.get(PasskeyChallenge, ceremony_id)
    if (
        row is None
        or row.ceremony != ceremony
        or row.account_id != account_id
        or row.used_at is not None
        or now >= row.expires_at
    ):
        raise _challenge_expired()
    spent = await rows_changed(
        db,
        update(PasskeyChallenge)
        .where(col(PasskeyChallenge.id) == row.id, col(PasskeyChallenge.used_at).is_(None))
        .values(used_at=now),
    )
    if spent != 1:  # another response got there first
        await db.rollback()
        raise _challenge_expired()
    challenge = row.challenge
    # Spent for good, even when the response then fails verification: one try per challenge.
    await checkpoint(db)
    return base64url_to_bytes(challenge)


async def list_for_account(db: AsyncSession, account_id: uuid.UUID) -> list[Passkey]:
    """The account's passkeys, oldest first."""
    return list(
        (
            await db.execute(
                select(Passkey)
                .where(col(Passkey.account_id) == account_id)
                .order_by(col(Passkey.created_at), col(Passkey.id))
            )
        )
        .scalars()
        .all()
    )


async def register_options(db: AsyncSession, settings: Settings, account: Account) -> Ceremony:
    """Start registering a passkey for ``account`` (a signed-in resident)."""
    existing = await list_for_account(db, account.id)
    options = generate_registration_options(
        rp_id=rp_id(settings),
        rp_name=_RP_NAME,
        user_id=account.id.bytes,
        user_name=account.display_name,
        user_display_name=account.display_name,
        timeout=settings.passkey.challenge_seconds * 1000,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(p.credential_id)) for p in existing
        ],
    )
    ceremony_id = await _new_challenge(db, settings, REGISTER, options.challenge, account.id)
    return Ceremony(ceremony_id, json.loads(options_to_json(options)))


async def register(
    db: AsyncSession,
    settings: Settings,
    account: Account,
    ceremony_id: uuid.UUID,
    name: str,
    credential: dict[str, Any],
) -> Passkey:
    """Check the authenticator's attestation and keep the new passkey."""
    challenge = await _spend_challenge(db, ceremony_id, REGISTER, account.id)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id(settings),
            expected_origin=origin(settings),
            require_user_verification=True,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        log.info(
            "passkey_registration_refused", account_id=str(account.id), reason=type(exc).__name__
        )
        raise _registration_refused() from None
    credential_id = bytes_to_base64url(verified.credential_id)
    taken = (
        await db.execute(select(col(Passkey.id)).where(col(Passkey.credential_id) == credential_id))
    ).first()
    if taken is not None:
        raise _already_registered()
    count = (
        await db.execute(select(func.count()).where(col(Passkey.account_id) == account.id))
    ).scalar_one()
    if count >= MAX_PASSKEYS_PER_ACCOUNT:
        raise Problem.validation(
            [FieldError("credential", N_("You cannot add more passkeys. Remove one first."))]
        )
    passkey = Passkey(
        municipality_id=account.municipality_id,
        account_id=account.id,
        credential_id=credential_id,
        public_key=bytes_to_base64url(verified.credential_public_key),
        sign_count=verified.sign_count,
        name=name.strip() or _RP_NAME,
    )
    db.add(passkey)
    try:
        await db.flush()
    except IntegrityError:  # the same credential, registered at the same moment
        await db.rollback()
        raise _already_registered() from None
    log.info("passkey_registered", account_id=str(account.id), passkey_id=str(passkey.id))
    return passkey


async def remove(db: AsyncSession, account_id: uuid.UUID, passkey_id: uuid.UUID) -> bool:
    """Remove one of the account's passkeys; False if it has no such passkey."""
    deleted = await rows_changed(
        db,
        delete(Passkey).where(col(Passkey.id) == passkey_id, col(Passkey.account_id) == account_id),
    )
    removed = deleted == 1
    if removed:
        log.info("passkey_removed", account_id=str(account_id), passkey_id=str(passkey_id))
    return removed


async def sign_in_options(db: AsyncSession, settings: Settings) -> Ceremony:
    """Start signing in with a passkey (discoverable: the phone offers its passkeys)."""
    options = generate_authentication_options(
        rp_id=rp_id(settings),
        timeout=settings.passkey.challenge_seconds * 1000,
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    ceremony_id = await _new_challenge(db, settings, SIGN_IN, options.challenge, None)
    return Ceremony(ceremony_id, json.loads(options_to_json(options)))


def _user_handle(credential: dict[str, Any]) -> str | None:
    response = credential.get("response")
    handle = response.get("userHandle") if isinstance(response, dict) else None
    return handle if isinstance(handle, str) and handle else None


async def sign_in(
    db: AsyncSession, settings: Settings, ceremony_id: uuid.UUID, credential: dict[str, Any]
) -> tuple[Account, Passkey]:
    """Check a passkey assertion; the account to start a session for, and the passkey used.

    Refused: a spent, expired or foreign challenge; an unknown credential; a credential whose
    user handle names another account; a signature that does not verify for this relying
    party and origin; no user verification; a signature counter that did not go up.
    """
    challenge = await _spend_challenge(db, ceremony_id, SIGN_IN, None)
    raw_id = credential.get("rawId", credential.get("id"))
    passkey = None
    if isinstance(raw_id, str) and 0 < len(raw_id) <= 1400:
        passkey = (
            await db.execute(
                select(Passkey).where(col(Passkey.credential_id) == raw_id.rstrip("="))
            )
        ).scalar_one_or_none()
    account = await db.get(Account, passkey.account_id) if passkey is not None else None
    if (
        passkey is None
        or account is None
        or account.municipality_id != passkey.municipality_id
        or "resident" not in account.roles
    ):
        raise _refused()
    handle = _user_handle(credential)
    if handle is not None and handle.rstrip("=") != bytes_to_base64url(account.id.bytes):
        log.info("passkey_sign_in_refused", passkey_id=str(passkey.id), reason="user_handle")
        raise _refused()
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id(settings),
            expected_origin=origin(settings),
            credential_public_key=base64url_to_bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
            require_user_verification=True,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        log.info("passkey_sign_in_refused", passkey_id=str(passkey.id), reason=type(exc).__name__)
        raise _refused() from None
    used = await rows_changed(
        db,
        update(Passkey)
        .where(col(Passkey.id) == passkey.id, col(Passkey.sign_count) == passkey.sign_count)
        .values(sign_count=verified.new_sign_count, last_used_at=utcnow()),
    )
    if used != 1:  # the same passkey, used concurrently
        await db.rollback()
        raise _refused()
    return account, passkey
