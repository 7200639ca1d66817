"""What a volunteer may see of a resident. The one place that decides it.

Rules, in order:

1. The volunteer is vetted and not suspended (otherwise they see nothing about residents).
2. Contact details only for a request *this* volunteer holds (state ``claimed``).
3. Only what the resident consents, right now, to share with volunteers — asked of the consent
   service on every read, never cached, so a withdrawal counts for the very next request.

Until the consent service exists on this branch, rule 3 denies everything: no volunteer sees
any contact detail (see docs/admin.md).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

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
    # Deny-all until the consent service (issue 5) is merged: no consent can be read here.
    return None
