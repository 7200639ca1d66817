# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The demo municipality with a resident, a caseworker and a volunteer. Idempotent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from welkom.auth.models import Account
from welkom.core.models import utcnow
from welkom.demo.resident_data import seed_resident_data
from welkom.demo.services import seed_services
from welkom.municipalities import service as municipalities
from welkom.residents.models import Resident
from welkom.volunteers.models import VolunteerProfile

DEMO_MUNICIPALITY_CODE = "9999"
DEMO_RSIN = "111222333"  # passes the 11-proef; not a real organisation


@dataclass(frozen=True)
class DemoLogin:
    login: str
    role: str
    description: str


DEMO_LOGINS = (
    DemoLogin("demo-resident", "resident", "Amal, a status holder who prefers Arabic"),
    # A colleague to hand conversations to (listed first: the role's demo login is the next).
    DemoLogin("demo-caseworker-2", "caseworker", "Daan Visser, klantmanager (a colleague)"),
    DemoLogin("demo-caseworker", "caseworker", "Sanne de Vries, klantmanager"),
    DemoLogin("demo-volunteer", "volunteer", "Pieter Jansen, vetted volunteer (nl, en, ar)"),
    # Between the vetted volunteers: tools that take one login per role take the first or the last.
    DemoLogin("demo-volunteer-new", "volunteer", "Sara Visser, volunteer awaiting vetting"),
    DemoLogin("demo-volunteer-2", "volunteer", "Noor de Wit, vetted volunteer (nl, ar)"),
    DemoLogin("demo-coordinator", "coordinator", "Ingrid Bakker, volunteer coordinator"),
    DemoLogin("demo-records-manager", "records_manager", "Jeroen Smit, records management (DIV)"),
    DemoLogin("demo-editor", "editor", "Fatima El Amrani, communications editor"),
    DemoLogin(
        "demo-reviewer", "reviewer", "Oleksandr Kovalenko, translation reviewer (ar, ti, uk)"
    ),
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
                roles=["caseworker"],
                display_name="Daan Visser",
                demo_login="demo-caseworker-2",
            ),
            volunteer := Account(
                municipality_id=municipality.id,
                roles=["volunteer"],
                display_name="Pieter Jansen",
                demo_login="demo-volunteer",
            ),
            new_volunteer := Account(
                municipality_id=municipality.id,
                roles=["volunteer"],
                display_name="Sara Visser",
                demo_login="demo-volunteer-new",
            ),
            second_volunteer := Account(
                municipality_id=municipality.id,
                roles=["volunteer"],
                display_name="Noor de Wit",
                demo_login="demo-volunteer-2",
            ),
            coordinator := Account(
                municipality_id=municipality.id,
                roles=["coordinator"],
                display_name="Ingrid Bakker",
                demo_login="demo-coordinator",
            ),
            Account(
                municipality_id=municipality.id,
                roles=["records_manager"],
                display_name="Jeroen Smit",
                demo_login="demo-records-manager",
            ),
        ]
    )
    await db.flush()
    db.add(
        VolunteerProfile(  # vetted by the coordinator, VOG seen two months ago
            municipality_id=municipality.id,
            account_id=volunteer.id,
            display_name="Pieter",
            languages=["nl", "en", "ar"],
            skills=["accompany_appointment", "paperwork", "bike"],
            availability=["wed-evening", "sat-morning"],
            areas=["Centrum", "Noord"],
            vetted_at=utcnow(),
            vog_date=utcnow().date() - timedelta(days=60),
            vetted_by=coordinator.id,
        )
    )
    db.add(
        VolunteerProfile(  # a second vetted volunteer in the same area: two can race for a claim
            municipality_id=municipality.id,
            account_id=second_volunteer.id,
            display_name="Noor",
            languages=["nl", "ar"],
            skills=["language_help", "paperwork"],
            availability=["mon-evening", "sat-afternoon"],
            areas=["Centrum"],
            vetted_at=utcnow(),
            vog_date=utcnow().date() - timedelta(days=30),
            vetted_by=coordinator.id,
        )
    )
    db.add(
        VolunteerProfile(  # signed up, waiting for the coordinator to see her VOG
            municipality_id=municipality.id,
            account_id=new_volunteer.id,
            display_name="Sara",
            languages=["nl", "ar", "ti"],
            skills=["language_help", "homework_help"],
            availability=["tue-evening", "sat-morning"],
            areas=["Noord"],
        )
    )
    await seed_resident_data(db, municipality.id, resident)
    await seed_services(db, municipality.id)
    return True
