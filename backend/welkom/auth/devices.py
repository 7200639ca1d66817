""" "Sign in on this phone": a resident without DigiD chooses to be remembered on a device.

The credential is a random token in an ``HttpOnly`` cookie, stored hashed, valid for
``device_credential_days``, rotated on every use (a copied old token is refused), and revoked by
"log out everywhere".
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.auth.models import Account, DeviceCredential
from welkom.auth.service import hash_token
from welkom.core.models import utcnow
from welkom.core.settings import Settings

DEVICE_COOKIE = "welkom_device"
_PURPOSE = "device"


async def issue(db: AsyncSession, settings: Settings, account_id: uuid.UUID) -> str:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    db.add(
        DeviceCredential(
            account_id=account_id,
            token_hash=hash_token(settings, token, _PURPOSE),
            created_at=now,
            expires_at=now + timedelta(days=settings.device_credential_days),
        )
    )
    await db.commit()
    return token


async def use(db: AsyncSession, settings: Settings, token: str) -> tuple[Account, str] | None:
    """The account and a fresh token replacing ``token``; None if it is not valid (any more)."""
    credential = (
        await db.execute(
            select(DeviceCredential).where(
                DeviceCredential.token_hash == hash_token(settings, token, _PURPOSE)
            )
        )
    ).scalar_one_or_none()
    now = utcnow()
    if credential is None or credential.revoked_at is not None or now >= credential.expires_at:
        return None
    fresh = secrets.token_urlsafe(32)
    rotated = await db.execute(
        update(DeviceCredential)
        .where(
            DeviceCredential.id == credential.id,
            DeviceCredential.token_hash == credential.token_hash,
            DeviceCredential.revoked_at.is_(None),
        )
        .values(token_hash=hash_token(settings, fresh, _PURPOSE), last_used_at=now)
    )
    if rotated.rowcount != 1:  # type: ignore[attr-defined]
        await db.rollback()
        return None
    account = await db.get(Account, credential.account_id)
    await db.commit()
    if account is None:
        return None
    return account, fresh


async def forget(db: AsyncSession, settings: Settings, token: str) -> None:
    await db.execute(
        update(DeviceCredential)
        .where(
            DeviceCredential.token_hash == hash_token(settings, token, _PURPOSE),
            DeviceCredential.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
    )
    await db.commit()
