"""The resident's own profile."""

from __future__ import annotations

import uuid

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.core.i18n import LANGUAGES, N_
from welkom.core.models import utcnow
from welkom.core.problems import FieldError, Problem
from welkom.residents.models import Resident
from welkom.residents.schemas import MePatch


def etag(resident: Resident) -> str:
    return f'"v{resident.version}"'


async def get_own(db: AsyncSession, resident_id: uuid.UUID) -> Resident:
    resident = await db.get(Resident, resident_id)
    if resident is None:
        raise Problem.not_found()
    return resident


async def update_own(
    db: AsyncSession, resident_id: uuid.UUID, patch: MePatch, *, if_match: str | None = None
) -> Resident:
    """Apply the resident's own changes. A stale ``If-Match`` changes nothing (412)."""
    resident = await get_own(db, resident_id)
    if if_match is not None and if_match.strip() not in (etag(resident), "*"):
        raise Problem(
            412,
            "precondition-failed",
            N_("Changed in the meantime"),
            N_("Your data was changed elsewhere. Reload and try again; nothing was changed."),
        )
    changes = {k: v for k, v in msgspec.structs.asdict(patch).items() if v is not msgspec.UNSET}
    if "preferred_language" in changes and changes["preferred_language"] not in LANGUAGES:
        raise Problem.validation(
            [FieldError("preferred_language", N_("This language is not offered."))]
        )
    if "preferred_name" in changes:
        changes["preferred_name"] = changes["preferred_name"].strip()
        if not changes["preferred_name"]:
            raise Problem.validation([FieldError("preferred_name", N_("This field is required."))])
    if changes:
        for name, value in changes.items():
            setattr(resident, name, value)
        resident.version += 1
        resident.updated_at = utcnow()
        await db.commit()
    return resident
