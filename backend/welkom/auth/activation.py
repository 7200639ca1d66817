# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Resident activation codes: a caseworker issues one at intake, the resident redeems it once.

A code is 20 Crockford base32 characters (100 bits, shown as ``XXXX-XXXX-XXXX-XXXX-XXXX``),
stored only as a keyed hash. It is single-use, expires, and issuing a new code for a resident
revokes their earlier unspent ones. Wrong codes are counted per client (a keyed hash of its
address); past the limit every attempt from that client is refused with 429 until the window
has passed, even a correct code, so guessing gains nothing.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.audit import service as audit
from welkom.auth.models import Account, ActivationCode, AuthAttempt
from welkom.auth.schemas import CodeState
from welkom.auth.service import hash_token
from welkom.core.database import rows_changed
from welkom.core.i18n import N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.problems import FieldError, Problem
from welkom.core.settings import Settings
from welkom.core.unit_of_work import checkpoint
from welkom.residents.models import Resident

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
CODE_LENGTH = 20
GROUP = 4
ATTEMPT_KIND = "activation"
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


@dataclass(frozen=True)
class IssuedCode:
    id: uuid.UUID
    code: str
    expires_at: datetime


def activation_link(settings: Settings, code: str) -> str:
    """What the QR code on the letter encodes: the resident app's address with the code in the
    fragment (`#/activate?code=…`), which a browser never sends to a server, so the code is in
    no access log; the app reads it and takes it out of the address bar. The code keeps its
    groups, as on the letter, so the resident can compare the two. No personal data."""
    return f"{settings.public_base_url}/#/activate?code={code}"


def generate_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


def normalize(code: str) -> str | None:
    """Upper-case, without separators, confusable letters read as digits; None if malformed."""
    cleaned = "".join(ch for ch in code.upper() if ch not in " -\t").translate(_CONFUSABLE)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


def _hash(settings: Settings, normalized: str) -> str:
    return hash_token(settings, normalized, "activation")


async def issue(
    db: AsyncSession, settings: Settings, principal: Principal, resident: Resident
) -> IssuedCode:
    """A new code for ``resident`` (already checked to be in the caseworker's reach)."""
    now = utcnow()
    await db.execute(
        update(ActivationCode)
        .where(
            col(ActivationCode.resident_id) == resident.id,
            col(ActivationCode.spent_at).is_(None),
            col(ActivationCode.revoked_at).is_(None),
        )
        .values(revoked_at=now)
    )
    code = generate_code()
    row = ActivationCode(
        municipality_id=resident.municipality_id,
        resident_id=resident.id,
        code_hash=_hash(settings, normalize(code) or ""),
        issued_by=principal.account_id,
        created_at=now,
        expires_at=now + timedelta(seconds=settings.activation.code_ttl_seconds),
    )
    db.add(row)
    await audit.record(
        db,
        principal,
        resident_id=resident.id,
        resource="resident.activation_code",
        fields=("activation_code",),
        action="create",
        purpose="Onboarding: activation code for the app",
    )
    return IssuedCode(id=row.id, code=code, expires_at=row.expires_at)


async def list_codes(
    db: AsyncSession, principal: Principal, resident: Resident
) -> list[ActivationCode]:
    """The resident's codes (state only, never the code), newest first; audited as a read."""
    rows = list(
        (
            await db.execute(
                select(ActivationCode)
                .where(
                    col(ActivationCode.resident_id) == resident.id,
                    col(ActivationCode.municipality_id) == principal.municipality_id,
                )
                .order_by(col(ActivationCode.created_at).desc())
                .limit(50)
            )
        )
        .scalars()
        .all()
    )
    await audit.record(
        db,
        principal,
        resident_id=resident.id,
        resource="resident.activation_code",
        fields=("activation_code",),
        action="read",
        purpose="Onboarding: check the state of activation codes",
    )
    return rows


def code_state(code: ActivationCode, now: datetime | None = None) -> CodeState:
    now = now or utcnow()
    if code.spent_at:
        return "spent"
    if code.revoked_at:
        return "revoked"
    if now >= code.expires_at:
        return "expired"
    return "active"


async def _check_rate_limit(db: AsyncSession, settings: Settings, client_hash: str) -> None:
    window = timedelta(seconds=settings.activation.failure_window_seconds)
    since = utcnow() - window
    failures, oldest = (
        await db.execute(
            select(func.count(col(AuthAttempt.id)), func.min(col(AuthAttempt.created_at))).where(
                col(AuthAttempt.kind) == ATTEMPT_KIND,
                col(AuthAttempt.client_hash) == client_hash,
                col(AuthAttempt.created_at) >= since,
            )
        )
    ).one()
    if failures >= settings.activation.max_failures:
        retry_after = max(1, int((oldest + window - utcnow()).total_seconds()) + 1)
        raise Problem(
            429,
            "too-many-attempts",
            N_("Too many attempts"),
            N_("Too many wrong codes. Wait {minutes} minutes and try again."),
            params={"minutes": max(1, -(-retry_after // 60))},
            headers={"Retry-After": str(retry_after)},
        )


async def _fail(
    db: AsyncSession, settings: Settings, client_hash: str, problem: Problem
) -> Problem:
    """Count a failed attempt (its own commit: nothing else is written) and return the error.

    Attempts older than the window no longer count and are removed here.
    """
    window = timedelta(seconds=settings.activation.failure_window_seconds)
    await db.execute(
        delete(AuthAttempt).where(
            col(AuthAttempt.kind) == ATTEMPT_KIND, col(AuthAttempt.created_at) < utcnow() - window
        )
    )
    db.add(AuthAttempt(kind=ATTEMPT_KIND, client_hash=client_hash))
    # The attempt counts even though the request is refused: the refusal must not undo it.
    await checkpoint(db)
    return problem


def _invalid() -> Problem:
    return Problem(
        400,
        "activation-code-invalid",
        N_("Code not valid"),
        N_("This activation code is not valid. Check the code on your letter and try again."),
        errors=[FieldError("code", N_("This activation code is not valid."))],
    )


async def redeem(db: AsyncSession, settings: Settings, code: str, client_address: str) -> Account:
    """Spend ``code`` and return the resident's account (created on first activation).

    Every refusal is a localized problem and changes nothing but the failure counter.
    """
    client_hash = hash_token(settings, client_address, "client")
    await _check_rate_limit(db, settings, client_hash)
    normalized = normalize(code)
    row = None
    if normalized is not None:
        row = (
            await db.execute(
                select(ActivationCode).where(
                    col(ActivationCode.code_hash) == _hash(settings, normalized)
                )
            )
        ).scalar_one_or_none()
    if row is None:
        raise await _fail(db, settings, client_hash, _invalid())
    state = code_state(row)
    if state == "spent":
        raise await _fail(
            db,
            settings,
            client_hash,
            Problem(
                409,
                "activation-code-used",
                N_("Code already used"),
                N_(
                    "This activation code has already been used. Sign in the way you chose, "
                    "or ask your caseworker for a new code."
                ),
            ),
        )
    if state in ("expired", "revoked"):
        raise await _fail(
            db,
            settings,
            client_hash,
            Problem(
                410,
                "activation-code-expired",
                N_("Code expired"),
                N_("This activation code is no longer valid. Ask your caseworker for a new code."),
            ),
        )
    now = utcnow()
    spent = await rows_changed(
        db,
        update(ActivationCode)
        .where(col(ActivationCode.id) == row.id, col(ActivationCode.spent_at).is_(None))
        .values(spent_at=now),
    )
    if spent != 1:  # lost a race with another redeem
        await db.rollback()
        raise await _fail(db, settings, client_hash, _invalid())
    account = await resident_account(db, row.resident_id, row.municipality_id)
    return account


async def resident_account(
    db: AsyncSession, resident_id: uuid.UUID, municipality_id: uuid.UUID
) -> Account:
    """The resident's sign-in account, created if this is their first activation."""
    account = (
        await db.execute(select(Account).where(col(Account.resident_id) == resident_id).limit(1))
    ).scalar_one_or_none()
    if account is None:
        resident = await db.get(Resident, resident_id)
        assert resident is not None
        account = Account(
            municipality_id=municipality_id,
            roles=["resident"],
            display_name=resident.preferred_name,
            resident_id=resident_id,
        )
        db.add(account)
        await db.flush()
    return account
