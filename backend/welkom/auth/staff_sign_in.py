# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The ways staff sign in to the back office: the staff identity providers, and demo login.

Which municipality: the same as at sign-in. ``GET /auth/oidc/{key}/login`` takes the tenant
from the provider (its ``municipality_code``), not from the request, so one deployment that
serves several municipalities lists every municipality's staff provider, each named (by default)
after its municipality, and the person picks their own. A provider whose municipality is not in
the database cannot sign anyone in (provisioning needs it) and is left out. Nothing secret is
listed: key and name only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.identity import STAFF_ROLES
from welkom.core.settings import OidcProvider, Settings
from welkom.municipalities.models import Municipality


@dataclass(frozen=True)
class StaffProvider:
    key: str
    display_name: str


@dataclass(frozen=True)
class StaffSignIn:
    providers: list[StaffProvider]
    demo_login: bool


def is_staff_provider(provider: OidcProvider) -> bool:
    """An issuer that may grant a back-office role and signs people in by itself."""
    return not provider.link_only and bool(STAFF_ROLES.intersection(provider.allowed_roles))


async def staff_sign_in(db: AsyncSession, settings: Settings) -> StaffSignIn:
    candidates = [p for p in settings.oidc.providers if is_staff_provider(p)]
    codes = {p.municipality_code for p in candidates}
    names: dict[str, str] = {}
    if codes:
        rows = await db.execute(
            select(col(Municipality.code), col(Municipality.name)).where(
                col(Municipality.code).in_(codes)
            )
        )
        names = {row.code: row.name for row in rows}
    providers = [
        StaffProvider(key=p.key, display_name=p.display_name or names[p.municipality_code])
        for p in candidates
        if p.municipality_code in names
    ]
    return StaffSignIn(providers=providers, demo_login=settings.demo_login)
