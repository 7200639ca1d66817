# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Sign-in data in a resident's export and erasure: activation codes, and everything hanging
off the resident's accounts (sessions, remembered phones, linked logins)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.auth.models import (
    AccountIdentity,
    ActivationCode,
    AuthSession,
    DeviceCredential,
    OidcLogin,
)
from welkom.core.database import rows_changed
from welkom.core.gdpr import Erased, Subject, TableHandler, rows
from welkom.core.identity import Principal


async def export_activation_codes(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(ActivationCode)
        .where(col(ActivationCode.resident_id) == subject.resident_id)
        .order_by(col(ActivationCode.created_at))
    )
    return rows(found.scalars(), exclude=frozenset({"code_hash"}))


async def erase_activation_codes(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    return Erased(
        deleted=await rows_changed(
            db, delete(ActivationCode).where(col(ActivationCode.resident_id) == subject.resident_id)
        )
    )


async def export_for_accounts(
    db: AsyncSession, account_ids: list[uuid.UUID]
) -> dict[str, list[dict[str, Any]]]:
    """Sessions, remembered phones and linked logins of these accounts (no secrets)."""
    secrets = frozenset({"token_hash"})
    return {
        "sessions": rows(
            (
                await db.execute(
                    select(AuthSession).where(col(AuthSession.account_id).in_(account_ids))
                )
            )
            .scalars()
            .all(),
            exclude=secrets,
        ),
        "devices": rows(
            (
                await db.execute(
                    select(DeviceCredential).where(
                        col(DeviceCredential.account_id).in_(account_ids)
                    )
                )
            )
            .scalars()
            .all(),
            exclude=secrets,
        ),
        "linked_logins": rows(
            (
                await db.execute(
                    select(AccountIdentity).where(col(AccountIdentity.account_id).in_(account_ids))
                )
            )
            .scalars()
            .all()
        ),
    }


async def erase_for_accounts(db: AsyncSession, account_ids: list[uuid.UUID]) -> None:
    """Delete what lets anyone sign in as these accounts, before the accounts themselves."""
    await db.execute(delete(AuthSession).where(col(AuthSession.account_id).in_(account_ids)))
    await db.execute(
        delete(DeviceCredential).where(col(DeviceCredential.account_id).in_(account_ids))
    )
    await db.execute(
        delete(AccountIdentity).where(col(AccountIdentity.account_id).in_(account_ids))
    )
    await db.execute(delete(OidcLogin).where(col(OidcLogin.link_account_id).in_(account_ids)))


HANDLERS = (TableHandler("activation_code", export_activation_codes, erase_activation_codes),)
