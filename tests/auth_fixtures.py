# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Shared setup for the identity and access tests: a second municipality, and one account per
role in the demo municipality (all signed in through the demo login, bearer tokens)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import login
from welkom.auth.models import Account
from welkom.core.identity import ROLES
from welkom.municipalities import service as municipalities
from welkom.municipalities.models import Municipality
from welkom.residents.models import Resident

OTHER_CODE = "0363"
OTHER_RSIN = "002220647"  # passes the 11-proef


@dataclass(frozen=True)
class World:
    municipality_id: uuid.UUID
    other_municipality_id: uuid.UUID
    own_resident_id: uuid.UUID  # demo-resident's record
    same_municipality_resident_id: uuid.UUID  # another resident of the demo municipality
    other_municipality_resident_id: uuid.UUID


def role_login(role: str) -> str:
    """Demo login name of the demo municipality's account with exactly ``role``."""
    return {"resident": "demo-resident", "caseworker": "demo-caseworker"}.get(role, f"t-{role}")


async def build_world(db: AsyncSession) -> World:
    """On top of the demo seed: an account per role, a second resident, a second municipality
    with its own resident and caseworker (login ``other-caseworker``/``other-resident``)."""
    demo = (await db.execute(select(Municipality).where(Municipality.code == "9999"))).scalar_one()
    own = (
        await db.execute(select(Account).where(Account.demo_login == "demo-resident"))
    ).scalar_one()
    assert municipalities.rsin_is_valid(OTHER_RSIN)
    other = municipalities.new(OTHER_CODE, "Gemeente Elders", OTHER_RSIN)
    db.add(other)
    await db.flush()
    neighbour = Resident(municipality_id=demo.id, preferred_name="Yonas", preferred_language="ti")
    stranger = Resident(municipality_id=other.id, preferred_name="Farid", preferred_language="fa")
    db.add_all([neighbour, stranger])
    await db.flush()
    for role in sorted(ROLES - {"resident", "caseworker"}):
        db.add(
            Account(
                municipality_id=demo.id,
                roles=[role],
                display_name=f"Test {role}",
                demo_login=role_login(role),
            )
        )
    db.add_all(
        [
            Account(
                municipality_id=other.id,
                roles=["caseworker"],
                display_name="Elders caseworker",
                demo_login="other-caseworker",
            ),
            Account(
                municipality_id=other.id,
                roles=["resident"],
                display_name="Farid",
                resident_id=stranger.id,
                demo_login="other-resident",
            ),
        ]
    )
    await db.commit()
    assert own.resident_id is not None
    return World(demo.id, other.id, own.resident_id, neighbour.id, stranger.id)


async def bearer(client: AsyncTestClient, role: str) -> dict[str, str]:
    return await login(client, role_login(role))
