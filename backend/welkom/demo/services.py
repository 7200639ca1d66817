# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Seed the demo municipality's service information (called from ``welkom.demo.seed``)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from welkom.auth.models import Account
from welkom.core.models import utcnow
from welkom.demo import content
from welkom.demo.services_content import ITEMS, PLACES
from welkom.services import texts
from welkom.services.models import (
    ItemStatus,
    OwnerKind,
    ServiceItem,
    ServiceItemPlace,
    ServicePlace,
    ServiceText,
    TextState,
)

DEMO_EDITOR, DEMO_REVIEWER = "demo-editor", "demo-reviewer"
#: The demo reviewer's languages: they see and review only these.
DEMO_REVIEW_LANGUAGES = ("ar", "ti", "uk")
#: Who wrote the demo's translations: a machine. Never marked reviewed.
MACHINE_ACTOR = "machine-translation (demo)"
EDITOR_ACTOR = "demo content"


def _translated(
    db: AsyncSession,
    municipality_id: uuid.UUID,
    kind: OwnerKind,
    owner_id: uuid.UUID,
    values: dict[str, str],
) -> None:
    """Each field's Dutch source and its translations from the demo content catalogs."""
    existing: dict[str, dict[str, ServiceText]] = {}
    for field, dutch in values.items():
        texts.set_source(
            db,
            existing,
            municipality_id=municipality_id,
            owner_kind=kind,
            owner_id=owner_id,
            field=field,
            text=dutch,
            actor=EDITOR_ACTOR,
        )
        if field not in existing:  # no text for this field
            continue
        source = existing[field][texts.CONTENT_SOURCE_LANGUAGE]
        for language, translation in content.translations(dutch).items():
            value, html, search = texts.prepare(field, translation.text)
            db.add(
                ServiceText(
                    municipality_id=municipality_id,
                    owner_kind=kind,
                    owner_id=owner_id,
                    field=field,
                    language=language,
                    text=value,
                    html=html,
                    search_text=search,
                    state=TextState(translation.state),
                    source_revision=source.source_revision,
                    updated_by=MACHINE_ACTOR,
                )
            )


async def seed_services(db: AsyncSession, municipality_id: uuid.UUID) -> None:
    """≥20 items and ≥10 places in Dutch, translated (machine) into every product language."""
    db.add_all(
        [
            Account(
                municipality_id=municipality_id,
                roles=["editor"],
                display_name="Fatima El Amrani",
                demo_login=DEMO_EDITOR,
            ),
            Account(
                municipality_id=municipality_id,
                roles=["reviewer"],
                display_name="Oleksandr Kovalenko",
                review_languages=list(DEMO_REVIEW_LANGUAGES),
                demo_login=DEMO_REVIEWER,
            ),
        ]
    )
    places: dict[str, uuid.UUID] = {}
    for key, name, street, number, postcode, lat, lon, phone, hours, access in PLACES:
        place = ServicePlace(
            municipality_id=municipality_id,
            street=street,
            house_number=number,
            postal_code=postcode,
            city="Welkom",
            latitude=lat,
            longitude=lon,
            phone=phone,
            opening_hours=hours,
        )
        db.add(place)
        places[key] = place.id
        _translated(
            db,
            municipality_id,
            OwnerKind.place,
            place.id,
            {"name": name, "accessibility": access},
        )
    await db.flush()  # places before the item ↔ place links
    now = utcnow()
    for index, (category, place_keys, phones, links, steps, title, summary, body) in enumerate(
        ITEMS
    ):
        draft = index == len(ITEMS) - 1  # one draft, to show drafts stay invisible
        item = ServiceItem(
            municipality_id=municipality_id,
            category=category,
            status=ItemStatus.draft if draft else ItemStatus.published,
            links=[{"url": url} for url, _ in links],
            phones=phones,
            journey_steps=steps,
            published_version=None if draft else 1,
            published_at=None if draft else now,
        )
        db.add(item)
        values = {"title": title, "summary": summary, "body": body}
        values.update({f"link.{n}": label for n, (_, label) in enumerate(links)})
        _translated(db, municipality_id, OwnerKind.item, item.id, values)
        await db.flush()
        for key in place_keys:
            db.add(
                ServiceItemPlace(
                    item_id=item.id, place_id=places[key], municipality_id=municipality_id
                )
            )
    await db.flush()
