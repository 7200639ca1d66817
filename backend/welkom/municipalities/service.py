# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The tenant: municipalities and their identifiers."""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.municipalities.models import Municipality


def rsin_is_valid(rsin: str) -> bool:
    """RSIN (and BSN) pass the 11-proef: nine digits, weights 9..2 and -1, sum divisible by 11."""
    if not re.fullmatch(r"\d{9}", rsin) or rsin == "000000000":
        return False
    digits = [int(d) for d in rsin]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0


def gemeentecode_is_valid(code: str) -> bool:
    return re.fullmatch(r"\d{4}", code) is not None


async def get(db: AsyncSession, municipality_id: uuid.UUID) -> Municipality:
    municipality = await db.get(Municipality, municipality_id)
    if municipality is None:
        raise LookupError(f"municipality {municipality_id} does not exist")
    return municipality


async def by_code(db: AsyncSession, code: str) -> Municipality | None:
    return (
        await db.execute(select(Municipality).where(col(Municipality.code) == code))
    ).scalar_one_or_none()


def new(code: str, name: str, rsin: str, default_language: str = "nl") -> Municipality:
    if not gemeentecode_is_valid(code):
        raise ValueError("a CBS gemeentecode has four digits")
    if not rsin_is_valid(rsin):
        raise ValueError("the RSIN does not pass the 11-proef")
    return Municipality(code=code, name=name, rsin=rsin, default_language=default_language)


async def set_consent_policy(db: AsyncSession, code: str, *, require_reviewed: bool) -> bool:
    """Whether consent needs the Dutch text or a reviewed translation; False: no such
    municipality."""
    municipality = await by_code(db, code)
    if municipality is None:
        return False
    municipality.consent_requires_reviewed_text = require_reviewed
    return True


async def set_languages(
    db: AsyncSession, code: str, *, disable: tuple[str, ...], enable: tuple[str, ...]
) -> list[str] | None:
    """Switch product languages off (or on again) for municipality ``code``; its languages
    switched off now, or None if there is no such municipality."""
    municipality = await by_code(db, code)
    if municipality is None:
        return None
    off = (set(municipality.disabled_languages) | set(disable)) - set(enable)
    municipality.disabled_languages = sorted(off)
    return municipality.disabled_languages
