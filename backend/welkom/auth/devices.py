# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
""" "Sign in on this phone": a resident without DigiD chooses to be remembered on a device.

The credential is a random token in an ``HttpOnly`` cookie, stored hashed, valid for
``device_credential_days`` from the moment the phone was remembered, and rotated on every use
(refresh-token style). All values descended from one "remember this phone" form a *family*.

Reuse detection: a rotated value is kept (hashed) until the family expires. Presenting it again
means two parties hold the credential (a copy was stolen, or the phone's cookie was copied), so
the whole family is revoked: the newest value stops working too, every session a value of the
family started ends, and the event is audited.

Grace window: two requests of the same phone can race (two tabs opening at once) and both send
the value the first one is about to rotate. A rotated value presented within
``device_reuse_grace_seconds`` of its rotation is refused (401) *without* revoking the family:
the phone already holds the successor from the winning request. After the window, the same
replay revokes the family.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta

import structlog
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.audit import service as audit
from welkom.auth.models import Account, AuthSession, DeviceCredential
from welkom.auth.service import hash_token
from welkom.core.database import rows_changed
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.core.unit_of_work import checkpoint

DEVICE_COOKIE = "welkom_device"
_PURPOSE = "device"

log = structlog.get_logger(__name__)


async def issue(db: AsyncSession, settings: Settings, account_id: uuid.UUID) -> str:
    """Remember a phone: the first value of a new family (returned once, stored hashed)."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    await db.execute(  # expired values of the account are of no further use
        delete(DeviceCredential).where(
            col(DeviceCredential.account_id) == account_id, col(DeviceCredential.expires_at) < now
        )
    )
    family_id = uuid.uuid4()
    db.add(
        DeviceCredential(
            id=family_id,
            account_id=account_id,
            family_id=family_id,
            token_hash=hash_token(settings, token, _PURPOSE),
            created_at=now,
            expires_at=now + timedelta(days=settings.device.credential_days),
        )
    )
    return token


async def use(
    db: AsyncSession, settings: Settings, token: str
) -> tuple[Account, str, uuid.UUID] | None:
    """The account, a fresh token replacing ``token`` and the family id; None if not valid.

    A replay of an already rotated value outside the grace window revokes the family.
    """
    credential = (
        await db.execute(
            select(DeviceCredential).where(
                col(DeviceCredential.token_hash) == hash_token(settings, token, _PURPOSE)
            )
        )
    ).scalar_one_or_none()
    now = utcnow()
    if credential is None or credential.revoked_at is not None or now >= credential.expires_at:
        return None
    if credential.rotated_at is not None:
        if now - credential.rotated_at > timedelta(seconds=settings.device.reuse_grace_seconds):
            await _revoke_family(db, credential, now)
        return None
    rotated = await rows_changed(
        db,
        update(DeviceCredential)
        .where(
            col(DeviceCredential.id) == credential.id,
            col(DeviceCredential.rotated_at).is_(None),
            col(DeviceCredential.revoked_at).is_(None),
        )
        .values(rotated_at=now, last_used_at=now),
    )
    if rotated != 1:
        # A concurrent request of the same phone rotated it first: the race the grace
        # window is for, so refuse this one and leave the family alone.
        await db.rollback()
        return None
    fresh = secrets.token_urlsafe(32)
    db.add(
        DeviceCredential(
            account_id=credential.account_id,
            family_id=credential.family_id,
            token_hash=hash_token(settings, fresh, _PURPOSE),
            created_at=now,
            expires_at=credential.expires_at,
        )
    )
    account = await db.get(Account, credential.account_id)
    if account is None:
        return None
    return account, fresh, credential.family_id


async def _revoke_family(db: AsyncSession, credential: DeviceCredential, now: datetime) -> None:
    """Reuse detected: revoke every value of the family and end the sessions it started."""
    family_id = credential.family_id
    await db.execute(
        update(DeviceCredential)
        .where(
            col(DeviceCredential.family_id) == family_id, col(DeviceCredential.revoked_at).is_(None)
        )
        .values(revoked_at=now)
    )
    await db.execute(
        update(AuthSession)
        .where(
            col(AuthSession.device_family_id) == family_id, col(AuthSession.revoked_at).is_(None)
        )
        .values(revoked_at=now)
    )
    account = await db.get(Account, credential.account_id)
    if account is not None and account.resident_id is not None:
        audit.record_system(
            db,
            municipality_id=account.municipality_id,
            resident_id=account.resident_id,
            resource="auth.device_credential",
            fields=("device_credential", "session"),
            action="update",
            purpose="Security: a copy of this phone's sign-in key was used; it was revoked",
        )
    # The revocation stands although the request that found the reuse is refused.
    await checkpoint(db)
    log.warning(
        "device_credential_reused",
        account_id=str(credential.account_id),
        device_family_id=str(family_id),
    )


async def forget(db: AsyncSession, settings: Settings, token: str) -> None:
    """Forget this phone: revoke the family of ``token``."""
    credential = (
        await db.execute(
            select(DeviceCredential).where(
                col(DeviceCredential.token_hash) == hash_token(settings, token, _PURPOSE)
            )
        )
    ).scalar_one_or_none()
    if credential is None:
        return
    await db.execute(
        update(DeviceCredential)
        .where(
            col(DeviceCredential.family_id) == credential.family_id,
            col(DeviceCredential.revoked_at).is_(None),
        )
        .values(revoked_at=utcnow())
    )
