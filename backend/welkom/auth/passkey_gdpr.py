# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Passkeys in a resident's export and erasure: they go with the resident's accounts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.auth.passkey_models import Passkey, PasskeyChallenge
from welkom.core.database import rows_changed
from welkom.core.gdpr import Erased, Subject, TableHandler, rows
from welkom.core.identity import Principal


async def export_passkeys(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    """Name, dates and counter of each passkey (the public key and credential id stay out)."""
    if not subject.account_ids:
        return []
    found = await db.execute(
        select(Passkey)
        .where(col(Passkey.account_id).in_(subject.account_ids))
        .order_by(col(Passkey.created_at))
    )
    return rows(found.scalars(), exclude=frozenset({"public_key", "credential_id"}))


async def erase_passkeys(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    if not subject.account_ids:
        return Erased()
    return Erased(
        deleted=await rows_changed(
            db, delete(Passkey).where(col(Passkey.account_id).in_(subject.account_ids))
        )
    )


async def erase_challenges(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    """Registrations the resident started and did not finish (a challenge, no personal data)."""
    if not subject.account_ids:
        return Erased()
    return Erased(
        deleted=await rows_changed(
            db,
            delete(PasskeyChallenge).where(
                col(PasskeyChallenge.account_id).in_(subject.account_ids)
            ),
        )
    )


HANDLERS = (
    TableHandler("passkey", export_passkeys, erase_passkeys),
    TableHandler("passkey_challenge", None, erase_challenges),
)
