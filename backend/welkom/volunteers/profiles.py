# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The volunteer's own profile: reading and saving it, and whether it is active (vetted and not
suspended) so that its holder may see anything about residents.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.i18n import N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.problems import FieldError, Problem
from welkom.volunteers import visibility
from welkom.volunteers.models import VolunteerProfile
from welkom.volunteers.schemas import ProfileIn, ProfileOut, Vetting
from welkom.volunteers.shared import clean_neighbourhood, language_errors, neighbourhood_key


def vetting_state(profile: VolunteerProfile) -> str:
    if profile.suspended_at is not None:
        return "suspended"
    return "vetted" if profile.vetted_at is not None else "unvetted"


def profile_fields(profile: VolunteerProfile) -> dict[str, Any]:
    return {
        "id": profile.id,
        "display_name": profile.display_name,
        "languages": list(profile.languages),
        "skills": list(profile.skills),
        "areas": list(profile.areas),
        "availability": list(profile.availability),
        "organisation": profile.organisation,
        "vetting": Vetting(
            state=vetting_state(profile),
            vetted_at=profile.vetted_at,
            vog_date=profile.vog_date,
            suspended_at=profile.suspended_at,
        ),
        "updated_at": profile.updated_at,
    }


def profile_out(profile: VolunteerProfile) -> ProfileOut:
    return ProfileOut(**profile_fields(profile))


async def own_profile(db: AsyncSession, principal: Principal) -> VolunteerProfile | None:
    return (
        await db.execute(
            select(VolunteerProfile).where(col(VolunteerProfile.account_id) == principal.account_id)
        )
    ).scalar_one_or_none()


async def save_own_profile(
    db: AsyncSession, principal: Principal, data: ProfileIn
) -> tuple[VolunteerProfile, bool]:
    """Create or replace the volunteer's own profile; returns (profile, created)."""
    errors = language_errors("languages", data.languages)
    display_name = data.display_name.strip()
    if not display_name:
        errors.append(FieldError("display_name", N_("This field is required.")))
    if errors:
        raise Problem.validation(errors)
    areas: list[str] = []
    for area in data.areas:
        if neighbourhood_key(area) not in {neighbourhood_key(a) for a in areas}:
            areas.append(clean_neighbourhood(area))
    values: dict[str, Any] = {
        "display_name": display_name,
        "languages": list(dict.fromkeys(data.languages)),
        "skills": list(dict.fromkeys(str(s) for s in data.skills)),
        "areas": areas,
        "availability": list(dict.fromkeys(data.availability)),
        "organisation": (data.organisation or "").strip() or None,
    }
    profile = await own_profile(db, principal)
    created = profile is None
    if profile is None:
        profile = VolunteerProfile(
            municipality_id=principal.municipality_id, account_id=principal.account_id, **values
        )
        db.add(profile)
    else:
        for name, value in values.items():
            setattr(profile, name, value)
        profile.version += 1
        profile.updated_at = utcnow()
    return profile, created


def _not_active() -> Problem:
    return Problem(
        403,
        "volunteer-not-active",
        N_("Not available yet"),
        N_(
            "You can see help requests once a coordinator has vetted your profile, "
            "and not while it is suspended."
        ),
    )


async def active_profile(db: AsyncSession, principal: Principal) -> VolunteerProfile:
    """The caller's profile if they may see anything about residents; 403 otherwise."""
    profile = await own_profile(db, principal)
    if not visibility.is_active(profile):
        raise _not_active()
    assert profile is not None
    return profile
