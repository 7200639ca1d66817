# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""What another party may see of a resident, decided by the consent ledger on every call.

Here, not in ``residents``: the residents domain knows nothing of consent, the consent domain
reads the resident (so the two packages import each other in one direction only).
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from welkom.consent import service as consent
from welkom.consent.purposes import Purpose, Recipient
from welkom.core.problems import Problem
from welkom.residents import service as residents
from welkom.residents.models import Resident
from welkom.residents.schemas import SharedContact, SharedHouseholdMember, SharedView


async def shared_view(db: AsyncSession, resident_id: uuid.UUID, recipient: Recipient) -> SharedView:
    """What ``recipient`` may see of the resident now, decided by the consent ledger on every
    call. Volunteers (``Recipient.volunteer``) get contact details only with the resident's
    consent to share them; the social team gets the household only with consent. BSN, V-number,
    address and registered name are never shared this way.

    Callers check separately that the recipient has a reason to look (a claimed help request,
    an assigned case) and that the tenant matches; this function only filters by consent.
    """
    resident = await db.get(Resident, resident_id)
    if resident is None or resident.erased_at is not None:
        raise Problem.not_found()
    contact = None
    if recipient is Recipient.volunteer and await consent.allows(
        db, resident.id, Purpose.share_contact_with_volunteer, recipient
    ):
        contact = SharedContact(
            preferred_name=resident.preferred_name,
            languages=[residents.language_of(resident), *resident.languages],
            phone=resident.phone,
            email=resident.email,
        )
    members = None
    if recipient is Recipient.social_team and await consent.allows(
        db, resident.id, Purpose.share_household_with_social_team, recipient
    ):
        members = [
            SharedHouseholdMember(
                relation=m.relation, name=m.name, birth_year=m.birth_year, school=m.school
            )
            for m in await residents.household(db, resident.id)
        ]
    return SharedView(resident_id=resident.id, contact=contact, household=members)
