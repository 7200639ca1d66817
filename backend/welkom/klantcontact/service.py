# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Questions and answers in the municipality's klantcontact register (Open Klant): the rules.

Optional per municipality: ``case_register_settings["klantcontact"]`` holds the API URL, the
team's actor and the kanaal (``welkom municipalities set-klantcontact``); the token is in
``WELKOM_OPENKLANT_TOKENS``. Three outbox kinds carry the work:

* :data:`QUESTION_KIND` — enqueued when a question's zaak is registered (so the klantcontact can
  name the zaak);
* :data:`ANSWER_KIND` — enqueued with a caseworker's answer; it waits for its question's
  klantcontact;
* :data:`POLL_KIND` — one recurring entry per municipality that picks up answers registered in
  Open Klant, a batch of questions per round, from a cursor.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.i18n import LANGUAGES, iso639_2b
from welkom.core.models import utcnow
from welkom.klantcontact.models import KlantcontactLink, KlantcontactPollCursor, LinkRole
from welkom.klantcontact.openklant import OpenKlantConfig, OpenKlantConfigError, validation_problems
from welkom.municipalities import service as municipalities
from welkom.municipalities.models import Municipality
from welkom.outbox import service as outbox

QUESTION_KIND = "klantcontact.register_question"
ANSWER_KIND = "klantcontact.register_answer"
POLL_KIND = "klantcontact.poll_answers"
#: How records management sees these entries (``/api/v1/admin/registrations?kind=``).
SUBJECT = "klantcontact"


async def record_pending(db: AsyncSession, reference: uuid.UUID) -> None:
    """A retried klantcontact registration has no state of its own to reset: its link is
    written only when it is delivered."""


SETTINGS_KEY = "klantcontact"
KINDS = (QUESTION_KIND, ANSWER_KIND, POLL_KIND)


def settings_of(municipality: Municipality) -> dict[str, Any] | None:
    """The municipality's klantcontact settings, or None when it does not use Open Klant."""
    values = (municipality.case_register_settings or {}).get(SETTINGS_KEY)
    return values if isinstance(values, dict) and values else None


def config_problems(municipality: Municipality, tokens: dict[str, Any]) -> list[str]:
    """Why the municipality's klantcontact settings would not work (checked at start-up)."""
    values = settings_of(municipality)
    if values is None:
        return []
    try:
        OpenKlantConfig.from_settings(municipality.code, values, tokens)
    except OpenKlantConfigError as exc:
        return [str(exc)]
    return []


async def enqueue_question(
    db: AsyncSession, municipality: Municipality, question_id: uuid.UUID
) -> None:
    """In the transaction that records the question's zaak: register it in Open Klant next
    (once: a question already on its way is left alone)."""
    if settings_of(municipality) is None:
        return
    if await outbox.find(db, kind=QUESTION_KIND, reference=question_id) is None:
        outbox.enqueue(
            db,
            kind=QUESTION_KIND,
            municipality_id=municipality.id,
            reference=question_id,
            subject=SUBJECT,
        )


async def enqueue_answer(
    db: AsyncSession, municipality_id: uuid.UUID, message_id: uuid.UUID
) -> None:
    """In the transaction that stores a caseworker's answer: register it in Open Klant too."""
    if settings_of(await municipalities.get(db, municipality_id)) is not None:
        outbox.enqueue(
            db,
            kind=ANSWER_KIND,
            municipality_id=municipality_id,
            reference=message_id,
            subject=SUBJECT,
        )


async def configure(
    db: AsyncSession, municipality: Municipality, values: dict[str, Any] | None
) -> list[str]:
    """Switch a municipality's klantcontact registration on (``values``) or off (None).

    Returns the problems and changes nothing if there are any; otherwise stores the settings
    and makes the answer pickup due now (caller commits)."""
    if values is not None and (problems := validation_problems(values)):
        return problems
    settings = dict(municipality.case_register_settings or {})
    if values is None:
        settings.pop(SETTINGS_KEY, None)
    else:
        settings[SETTINGS_KEY] = values
    municipality.case_register_settings = settings
    if values is not None:
        await outbox.ensure_due(
            db, kind=POLL_KIND, municipality_id=municipality.id, reference=municipality.id
        )
    return []


# --- links between Welkom's questions/answers and klantcontacten ----------------------------


async def link_of(db: AsyncSession, reference: uuid.UUID) -> KlantcontactLink | None:
    return await db.get(KlantcontactLink, reference)


def add_link(
    db: AsyncSession,
    *,
    municipality_id: uuid.UUID,
    reference: uuid.UUID,
    question: uuid.UUID,
    role: LinkRole,
    klantcontact: uuid.UUID,
) -> None:
    db.add(
        KlantcontactLink(
            reference=reference,
            municipality_id=municipality_id,
            role=role,
            question_reference=question,
            klantcontact_uuid=klantcontact,
        )
    )


async def linked_klantcontacten(
    db: AsyncSession, municipality_id: uuid.UUID, klantcontacten: list[uuid.UUID]
) -> set[uuid.UUID]:
    if not klantcontacten:
        return set()
    rows = await db.execute(
        select(col(KlantcontactLink.klantcontact_uuid)).where(
            col(KlantcontactLink.municipality_id) == municipality_id,
            col(KlantcontactLink.klantcontact_uuid).in_(klantcontacten),
        )
    )
    return set(rows.scalars())


async def questions_to_poll(
    db: AsyncSession, municipality_id: uuid.UUID, limit: int
) -> tuple[list[KlantcontactLink], KlantcontactPollCursor]:
    """The next ``limit`` registered questions after the municipality's cursor (oldest first;
    after the last one the cursor starts over)."""
    cursor = (
        await db.execute(
            select(KlantcontactPollCursor).where(
                col(KlantcontactPollCursor.municipality_id) == municipality_id
            )
        )
    ).scalar_one_or_none()
    if cursor is None:
        cursor = KlantcontactPollCursor(municipality_id=municipality_id)
        db.add(cursor)
    query = select(KlantcontactLink).where(
        col(KlantcontactLink.municipality_id) == municipality_id,
        col(KlantcontactLink.role) == LinkRole.question,
    )
    if cursor.after_created_at is not None and cursor.after_reference is not None:
        query = query.where(
            or_(
                col(KlantcontactLink.created_at) > cursor.after_created_at,
                and_(
                    col(KlantcontactLink.created_at) == cursor.after_created_at,
                    col(KlantcontactLink.reference) > cursor.after_reference,
                ),
            )
        )
    rows = await db.execute(
        query.order_by(col(KlantcontactLink.created_at), col(KlantcontactLink.reference)).limit(
            limit
        )
    )
    return list(rows.scalars()), cursor


def advance(cursor: KlantcontactPollCursor, batch: list[KlantcontactLink], limit: int) -> None:
    """Move past ``batch``; a short batch was the end, so the next round starts over."""
    if len(batch) < limit:
        cursor.after_created_at, cursor.after_reference = None, None
    else:
        cursor.after_created_at, cursor.after_reference = batch[-1].created_at, batch[-1].reference
    cursor.updated_at = utcnow()


def welkom_language(taal: str, fallback: str) -> str:
    """A Welkom language for an ISO 639-2/B code; ``fallback`` (the question's) when it fits
    or when the code is not one of Welkom's."""
    if not taal or iso639_2b(fallback) == taal:
        return fallback
    return next((code for code in LANGUAGES if iso639_2b(code) == taal), fallback)


def when(at: datetime | None) -> datetime:
    return at or utcnow()
