# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""What a volunteer may see of a resident. The one place that decides it.

Rules, in order:

1. The volunteer is vetted and not suspended (otherwise they see nothing about residents).
2. Contact details only for a request *this* volunteer holds (state ``claimed``).
3. Only what the resident consents, right now, to share with volunteers — asked of the consent
   service on every read, never cached, so a withdrawal counts for the very next request.

Rule 3 is the consent domain's ``shared_view`` (:mod:`welkom.consent.sharing`) for
``Recipient.volunteer``, which asks ``consent.allows`` (the only reader of the consent ledger)
on every call.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from welkom.consent import sharing
from welkom.consent.purposes import Recipient
from welkom.volunteers.models import HelpRequest, HelpState, VolunteerProfile
from welkom.volunteers.schemas import SharedContact


def is_active(profile: VolunteerProfile | None) -> bool:
    return profile is not None and profile.vetted_at is not None and profile.suspended_at is None


async def contact_for(
    db: AsyncSession, profile: VolunteerProfile, request: HelpRequest
) -> SharedContact | None:
    """The resident's contact details for the volunteer holding ``request``, if consented."""
    if not is_active(profile):
        return None
    if request.state != HelpState.claimed or request.volunteer_id != profile.id:
        return None
    return await _consented_contact(db, request)


async def _consented_contact(db: AsyncSession, request: HelpRequest) -> SharedContact | None:
    view = await sharing.shared_view(db, request.resident_id, Recipient.volunteer)
    if view.contact is None:
        return None
    return SharedContact(
        preferred_name=view.contact.preferred_name,
        languages=list(view.contact.languages),
        phone=view.contact.phone,
        email=view.contact.email,
    )
