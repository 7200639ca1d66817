# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Sessions and the signed-in principal. Login methods (demo, OIDC, activation code, device
credential) all end in :func:`create_session`; everything else only sees a :class:`Principal`.

A session token is random (256 bits), stored only as a keyed hash, and carried either in the
``HttpOnly`` session cookie (the PWA) or as a bearer token (API clients, tests). Its CSRF token
is derived from it (:func:`csrf_token`), so the double-submit cookie cannot be forged by a
site that does not know the session.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import timedelta

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.auth.models import Account, AuthSession, DeviceCredential
from welkom.core.database import rows_changed
from welkom.core.identity import ROLES, Principal
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.core.unit_of_work import checkpoint
from welkom.municipalities.models import Municipality
from welkom.residents.models import Resident

_LAST_SEEN_RESOLUTION = timedelta(seconds=60)


def hash_token(settings: Settings, token: str, purpose: str = "session") -> str:
    """A keyed hash (HMAC-SHA256) of a secret token; ``purpose`` separates the uses."""
    key = settings.secret_key.encode()
    message = token.encode() if purpose == "session" else f"{purpose}:{token}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def csrf_token(settings: Settings, session_token: str) -> str:
    """The CSRF token that belongs to a session (HMAC of the session token)."""
    return hash_token(settings, session_token, "csrf")


def csrf_matches(settings: Settings, session_token: str, header: str, cookie: str) -> bool:
    """Double submit, signed: header and cookie are equal and belong to this session."""
    expected = csrf_token(settings, session_token).encode()
    given = header.encode("utf-8", "surrogateescape")
    return hmac.compare_digest(given, cookie.encode("utf-8", "surrogateescape")) and (
        hmac.compare_digest(given, expected)
    )


async def create_session(
    db: AsyncSession,
    settings: Settings,
    account: Account,
    device_family_id: uuid.UUID | None = None,
) -> str:
    """Start a session for ``account``; returns the token (shown once, stored hashed).

    ``device_family_id``: the device credential family it was started with (ends with it).
    """
    token = secrets.token_urlsafe(32)
    now = utcnow()
    await db.execute(  # the account's ended sessions are of no further use
        delete(AuthSession).where(
            col(AuthSession.account_id) == account.id, col(AuthSession.expires_at) < now
        )
    )
    db.add(
        AuthSession(
            account_id=account.id,
            token_hash=hash_token(settings, token),
            created_at=now,
            last_seen_at=now,
            expires_at=now + timedelta(seconds=settings.session.absolute_timeout_seconds),
            device_family_id=device_family_id,
        )
    )
    return token


#: Built once: constructing this statement costs more CPU than running it (per request).
_CALLER = (
    select(AuthSession, Account, Municipality, Resident)
    .join(Account, col(Account.id) == col(AuthSession.account_id))
    .join(Municipality, col(Municipality.id) == col(Account.municipality_id))
    .outerjoin(Resident, col(Resident.id) == col(Account.resident_id))
    .where(col(AuthSession.token_hash) == bindparam("token_hash"))
)


async def resolve(db: AsyncSession, settings: Settings, token: str) -> Principal | None:
    """The principal for a session token, or None if unknown, revoked, idle or expired.

    One query loads the session, the account, its municipality and (for a resident) the
    resident. On the request's shared session (:func:`welkom.core.database.request_session`)
    the handler's ``db.get(Resident, …)`` and ``db.get(Municipality, …)`` then find them in
    the identity map instead of asking the database again.
    """
    row = (await db.execute(_CALLER, {"token_hash": hash_token(settings, token)})).first()
    if row is None:
        return None
    session, account, municipality, resident = row
    # The identity map holds rows weakly: keep these alive as long as the session lives.
    db.info["caller_rows"] = row
    disabled_languages = frozenset(municipality.disabled_languages or ())
    # The resident's own choice in the app wins over the language staff recorded at intake, as
    # long as the municipality offers it.
    preferred_language = None
    if resident is not None:
        chosen = resident.chosen_language
        preferred_language = (
            chosen if chosen and chosen not in disabled_languages else resident.preferred_language
        )
    default_language = municipality.default_language
    now = utcnow()
    idle_limit = timedelta(seconds=settings.session.idle_timeout_seconds)
    if session.revoked_at or now >= session.expires_at or now - session.last_seen_at > idle_limit:
        return None
    if now - session.last_seen_at > _LAST_SEEN_RESOLUTION:
        await db.execute(
            update(AuthSession).where(col(AuthSession.id) == session.id).values(last_seen_at=now)
        )
        # The authentication middleware's touch: kept whatever the handler does, and even when it takes no db.
        await checkpoint(db)
    return Principal(
        account_id=account.id,
        municipality_id=account.municipality_id,
        roles=frozenset(account.roles) & ROLES,
        session_id=session.id,
        display_name=account.display_name,
        resident_id=account.resident_id,
        preferred_language=preferred_language,
        municipality_default_language=default_language,
        disabled_languages=disabled_languages,
        review_languages=frozenset(account.review_languages or ()),
    )


async def revoke(db: AsyncSession, session_id: uuid.UUID) -> None:
    """Log out this session."""
    await db.execute(
        update(AuthSession)
        .where(col(AuthSession.id) == session_id, col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )


async def revoke_all(db: AsyncSession, account_id: uuid.UUID) -> None:
    """Log out everywhere: every session and every remembered device of the account."""
    now = utcnow()
    await db.execute(
        update(AuthSession)
        .where(col(AuthSession.account_id) == account_id, col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=now)
    )
    await db.execute(
        update(DeviceCredential)
        .where(
            col(DeviceCredential.account_id) == account_id,
            col(DeviceCredential.revoked_at).is_(None),
        )
        .values(revoked_at=now)
    )


async def account_by_demo_login(db: AsyncSession, login: str) -> Account | None:
    return (
        await db.execute(select(Account).where(col(Account.demo_login) == login))
    ).scalar_one_or_none()


async def account_id_for_resident(db: AsyncSession, resident_id: uuid.UUID) -> uuid.UUID | None:
    """The account a resident signs in with (None before activation)."""
    return (
        await db.execute(
            select(col(Account.id)).where(col(Account.resident_id) == resident_id).limit(1)
        )
    ).scalar_one_or_none()


async def active_sessions(
    db: AsyncSession, settings: Settings, account_id: uuid.UUID
) -> list[AuthSession]:
    """The account's sessions that still work, newest first."""
    now = utcnow()
    idle_since = now - timedelta(seconds=settings.session.idle_timeout_seconds)
    return list(
        (
            await db.execute(
                select(AuthSession)
                .where(
                    col(AuthSession.account_id) == account_id,
                    col(AuthSession.revoked_at).is_(None),
                    col(AuthSession.expires_at) > now,
                    col(AuthSession.last_seen_at) >= idle_since,
                )
                .order_by(col(AuthSession.created_at).desc())
                .limit(100)
            )
        )
        .scalars()
        .all()
    )


async def revoke_own(db: AsyncSession, account_id: uuid.UUID, session_id: uuid.UUID) -> bool:
    """End one of the account's own sessions; False if it has no such active session."""
    revoked = await rows_changed(
        db,
        update(AuthSession)
        .where(
            col(AuthSession.id) == session_id,
            col(AuthSession.account_id) == account_id,
            col(AuthSession.revoked_at).is_(None),
        )
        .values(revoked_at=utcnow()),
    )
    return revoked == 1
