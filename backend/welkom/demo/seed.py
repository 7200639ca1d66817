"""The demo municipality with a resident, a caseworker and a volunteer. Idempotent."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from welkom.auth.models import Account
from welkom.demo.resident_data import seed_resident_data
from welkom.municipalities import service as municipalities
from welkom.residents.models import Resident

DEMO_MUNICIPALITY_CODE = "9999"
DEMO_RSIN = "111222333"  # passes the 11-proef; not a real organisation


@dataclass(frozen=True)
class DemoLogin:
    login: str
    role: str
    description: str


DEMO_LOGINS = (
    DemoLogin("demo-resident", "resident", "Amal, a status holder who prefers Arabic"),
    DemoLogin("demo-caseworker", "caseworker", "Sanne de Vries, klantmanager"),
    DemoLogin("demo-volunteer", "volunteer", "Pieter Jansen, vetted volunteer"),
)


async def seed(db: AsyncSession) -> bool:
    """Create the demo data unless it exists; True if it was created now."""
    if await municipalities.by_code(db, DEMO_MUNICIPALITY_CODE) is not None:
        return False
    municipality = municipalities.new(DEMO_MUNICIPALITY_CODE, "Gemeente Welkom (demo)", DEMO_RSIN)
    db.add(municipality)
    await db.flush()
    resident = Resident(
        municipality_id=municipality.id,
        preferred_name="Amal",
        preferred_language="ar",
        phone="+31 6 12345678",
    )
    db.add(resident)
    await db.flush()
    db.add_all(
        [
            Account(
                municipality_id=municipality.id,
                roles=["resident"],
                display_name="Amal",
                resident_id=resident.id,
                demo_login="demo-resident",
            ),
            Account(
                municipality_id=municipality.id,
                roles=["caseworker"],
                display_name="Sanne de Vries",
                demo_login="demo-caseworker",
            ),
            Account(
                municipality_id=municipality.id,
                roles=["volunteer"],
                display_name="Pieter Jansen",
                demo_login="demo-volunteer",
            ),
        ]
    )
    await db.flush()
    await seed_resident_data(db, municipality.id, resident)
    await db.commit()
    return True
