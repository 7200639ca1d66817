# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Editors' rules for service items and places (no HTTP)."""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core import idempotency, preconditions
from welkom.core.i18n import N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.problems import FieldError, Problem
from welkom.services import texts
from welkom.services.models import (
    ItemStatus,
    OwnerKind,
    ServiceItem,
    ServiceItemPlace,
    ServicePlace,
    ServiceText,
)
from welkom.services.schemas import (
    AdminItem,
    AdminPlace,
    ItemIn,
    ItemPatch,
    OpeningHours,
    PlaceIn,
    TextOut,
)

#: The fixed categories; their names are UI strings, translated through the gettext catalogs.
CATEGORIES: dict[str, str] = {
    "housing": N_("Housing"),
    "money": N_("Money and benefits"),
    "health": N_("Health"),
    "work": N_("Work and learning"),
    "children": N_("Children and school"),
    "integration": N_("Language and integration"),
    "legal": N_("Legal help"),
    "emergencies": N_("Emergencies"),
    "daily_life": N_("Daily life"),
}


def actor(principal: Principal) -> str:
    """Who changed a text, as stored: the account id (names are looked up when shown)."""
    return str(principal.account_id)


def _check_category(category: str) -> None:
    if category not in CATEGORIES:
        raise Problem.validation(
            [FieldError("category", N_("This is not one of the allowed values."))]
        )


async def _check_places(db: AsyncSession, municipality_id: uuid.UUID, ids: list[uuid.UUID]) -> None:
    if not ids:
        return
    found = set(
        (
            await db.execute(
                select(col(ServicePlace.id)).where(
                    col(ServicePlace.municipality_id) == municipality_id,
                    col(ServicePlace.id).in_(ids),
                )
            )
        ).scalars()
    )
    if missing := [i for i in ids if i not in found]:
        raise Problem.validation(
            [FieldError("place_ids", N_("Unknown place {id}."), {"id": str(missing[0])})]
        )


def _text_outs(fields: dict[str, dict[str, ServiceText]]) -> dict[str, list[TextOut]]:
    out: dict[str, list[TextOut]] = {}
    for field, by_language in sorted(fields.items()):
        source = by_language.get(texts.CONTENT_SOURCE_LANGUAGE)
        out[field] = [
            TextOut(
                language=row.language,
                text=row.text,
                state=row.state,
                outdated=texts.is_outdated(row, source),
                updated_by=row.updated_by,
                updated_at=row.updated_at,
                reviewed_by=row.reviewed_by,
                reviewed_at=row.reviewed_at,
            )
            for row in sorted(by_language.values(), key=lambda r: r.language)
        ]
    return out


async def _place_ids(
    db: AsyncSession, item_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    result: dict[uuid.UUID, list[uuid.UUID]] = {i: [] for i in item_ids}
    rows = await db.execute(
        select(col(ServiceItemPlace.item_id), col(ServiceItemPlace.place_id))
        .where(col(ServiceItemPlace.item_id).in_(item_ids))
        .order_by(col(ServiceItemPlace.place_id))
    )
    for item_id, place_id in rows:
        result[item_id].append(place_id)
    return result


async def admin_items(db: AsyncSession, items: list[ServiceItem]) -> list[AdminItem]:
    """Admin views of items (three queries, however many items)."""
    if not items:
        return []
    ids = [item.id for item in items]
    loaded = await texts.load(db, items[0].municipality_id, ids)
    places = await _place_ids(db, ids)
    return [
        AdminItem(
            id=item.id,
            category=item.category,
            status=item.status,
            version=item.version,
            published_version=item.published_version,
            links=[link["url"] for link in item.links],
            phones=list(item.phones),
            opening_hours=msgspec.convert(item.opening_hours, list[OpeningHours]),
            journey_steps=list(item.journey_steps),
            place_ids=places[item.id],
            texts=_text_outs(loaded[item.id]),
            created_at=item.created_at,
            updated_at=item.updated_at,
            published_at=item.published_at,
        )
        for item in items
    ]


async def admin_item(db: AsyncSession, item: ServiceItem) -> AdminItem:
    return (await admin_items(db, [item]))[0]


def _admin_place(place: ServicePlace, fields: dict[str, dict[str, ServiceText]]) -> AdminPlace:
    return AdminPlace(
        id=place.id,
        street=place.street,
        house_number=place.house_number,
        postal_code=place.postal_code,
        city=place.city,
        latitude=place.latitude,
        longitude=place.longitude,
        phone=place.phone,
        opening_hours=msgspec.convert(place.opening_hours, list[OpeningHours]),
        version=place.version,
        texts=_text_outs(fields),
    )


async def admin_place(db: AsyncSession, place: ServicePlace) -> AdminPlace:
    fields = (await texts.load(db, place.municipality_id, [place.id]))[place.id]
    return _admin_place(place, fields)


async def get_item(db: AsyncSession, municipality_id: uuid.UUID, item_id: uuid.UUID) -> ServiceItem:
    item = await db.get(ServiceItem, item_id)
    if item is None or item.municipality_id != municipality_id:
        raise Problem.not_found()
    return item


async def get_place(
    db: AsyncSession, municipality_id: uuid.UUID, place_id: uuid.UUID
) -> ServicePlace:
    place = await db.get(ServicePlace, place_id)
    if place is None or place.municipality_id != municipality_id:
        raise Problem.not_found()
    return place


def _set_item_texts(
    db: AsyncSession,
    item: ServiceItem,
    existing: dict[str, dict[str, ServiceText]],
    values: dict[str, str],
    who: str,
) -> bool:
    changed = False
    for field, value in values.items():
        changed |= texts.set_source(
            db,
            existing,
            municipality_id=item.municipality_id,
            owner_kind=OwnerKind.item,
            owner_id=item.id,
            field=field,
            text=value,
            actor=who,
        )
    return changed


def _link_texts(links: list[Any]) -> dict[str, str]:
    return {f"link.{n}": link.label for n, link in enumerate(links)}


async def create_item(
    db: AsyncSession, principal: Principal, data: ItemIn, idempotency_key: str | None
) -> tuple[dict[str, Any], bool]:
    """A new draft item with its Dutch source texts. Returns (body, replayed)."""
    scope = f"services:{principal.municipality_id}"
    request_hash = idempotency.fingerprint(msgspec.to_builtins(data))
    if idempotency_key and (
        stored := await idempotency.replay(db, scope, idempotency_key, request_hash)
    ):
        return stored.response_body, True
    _check_category(data.category)
    await _check_places(db, principal.municipality_id, data.place_ids)
    item = ServiceItem(
        municipality_id=principal.municipality_id,
        category=data.category,
        links=[{"url": link.url} for link in data.links],
        phones=list(data.phones),
        opening_hours=msgspec.to_builtins(data.opening_hours),
        journey_steps=list(data.journey_steps),
    )
    db.add(item)
    existing: dict[str, dict[str, ServiceText]] = {}
    _set_item_texts(
        db,
        item,
        existing,
        {
            "title": data.title,
            "summary": data.summary,
            "body": data.body,
            **_link_texts(data.links),
        },
        actor(principal),
    )
    await db.flush()  # the item before its links to places
    for place_id in dict.fromkeys(data.place_ids):
        db.add(
            ServiceItemPlace(
                item_id=item.id, place_id=place_id, municipality_id=principal.municipality_id
            )
        )
    await db.flush()
    body = msgspec.to_builtins(await admin_item(db, item))
    if idempotency_key:
        idempotency.remember(db, scope, idempotency_key, request_hash, 201, body)
    return body, False


async def update_item(
    db: AsyncSession,
    principal: Principal,
    item_id: uuid.UUID,
    data: ItemPatch,
    if_match: str | None,
) -> AdminItem:
    """Apply an editor's changes. ``If-Match`` is required (428 without) and must name the
    item's version; the item is claimed with a compare-and-set on it: of two simultaneous edits
    one is applied, the other gets 412 and changes nothing. Every accepted change bumps the
    version once."""
    item = await get_item(db, principal.municipality_id, item_id)  # 404 before 428
    expected = preconditions.require(if_match)
    preconditions.check(expected, item.version)
    if data.category is not msgspec.UNSET:
        _check_category(data.category)
    if data.place_ids is not msgspec.UNSET:
        await _check_places(db, principal.municipality_id, data.place_ids)
    await preconditions.compare_and_set(db, item, updated_at=utcnow())
    existing = (await texts.load(db, item.municipality_id, [item.id]))[item.id]
    values = {
        field: getattr(data, field)
        for field in ("title", "summary", "body")
        if getattr(data, field) is not msgspec.UNSET
    }
    if data.links is not msgspec.UNSET:
        values.update(_link_texts(data.links))
        stale = [f for f in existing if f.startswith("link.") and f not in values]
        if stale:
            await db.execute(
                delete(ServiceText).where(
                    col(ServiceText.owner_id) == item.id, col(ServiceText.field).in_(stale)
                )
            )
        item.links = [{"url": link.url} for link in data.links]
    _set_item_texts(db, item, existing, values, actor(principal))
    if data.category is not msgspec.UNSET and data.category != item.category:
        item.category = data.category
    if data.phones is not msgspec.UNSET:
        item.phones = list(data.phones)
    if data.opening_hours is not msgspec.UNSET:
        item.opening_hours = msgspec.to_builtins(data.opening_hours)
    if data.journey_steps is not msgspec.UNSET:
        item.journey_steps = list(data.journey_steps)
    if data.place_ids is not msgspec.UNSET:
        await db.execute(delete(ServiceItemPlace).where(col(ServiceItemPlace.item_id) == item.id))
        for place_id in dict.fromkeys(data.place_ids):
            db.add(
                ServiceItemPlace(
                    item_id=item.id, place_id=place_id, municipality_id=item.municipality_id
                )
            )
    return await admin_item(db, item)


async def set_status(
    db: AsyncSession, principal: Principal, item_id: uuid.UUID, status: ItemStatus
) -> AdminItem:
    item = await get_item(db, principal.municipality_id, item_id)
    if item.status != status:
        now = utcnow()
        published: dict[str, Any] = (
            {"published_at": now, "published_version": item.version + 1}
            if status is ItemStatus.published
            else {}
        )
        await preconditions.compare_and_set(db, item, status=status, updated_at=now, **published)
    return await admin_item(db, item)


async def list_items(
    db: AsyncSession, municipality_id: uuid.UUID, status: str | None
) -> list[AdminItem]:
    query = select(ServiceItem).where(col(ServiceItem.municipality_id) == municipality_id)
    if status:
        query = query.where(col(ServiceItem.status) == status)
    items = (
        await db.execute(query.order_by(col(ServiceItem.created_at), col(ServiceItem.id)))
    ).scalars()
    return await admin_items(db, list(items))


def _place_columns(data: PlaceIn) -> dict[str, Any]:
    """A place's own columns as an editor's form gives them (its texts are service texts)."""
    return {
        "street": data.street.strip(),
        "house_number": data.house_number.strip(),
        "postal_code": data.postal_code,
        "city": data.city.strip(),
        "latitude": data.latitude,
        "longitude": data.longitude,
        "phone": data.phone,
        "opening_hours": msgspec.to_builtins(data.opening_hours),
    }


def _set_place_texts(
    db: AsyncSession,
    existing: dict[str, dict[str, ServiceText]],
    place: ServicePlace,
    data: PlaceIn,
    principal: Principal,
) -> None:
    """The place's Dutch name and accessibility note as its source texts."""
    for field, value in (("name", data.name), ("accessibility", data.accessibility)):
        texts.set_source(
            db,
            existing,
            municipality_id=place.municipality_id,
            owner_kind=OwnerKind.place,
            owner_id=place.id,
            field=field,
            text=value,
            actor=actor(principal),
        )


async def create_place(db: AsyncSession, principal: Principal, data: PlaceIn) -> AdminPlace:
    place = ServicePlace(municipality_id=principal.municipality_id, **_place_columns(data))
    db.add(place)
    _set_place_texts(db, {}, place, data, principal)
    await db.flush()
    return await admin_place(db, place)


async def update_place(
    db: AsyncSession,
    principal: Principal,
    place_id: uuid.UUID,
    data: PlaceIn,
    if_match: str | None,
) -> AdminPlace:
    """Replace a place's data; changed source texts make their translations outdated.

    ``If-Match`` is required (428 without): the place is replaced with a compare-and-set on the
    version it names, so an editor who read an older version gets 412 and nothing changes."""
    place = await get_place(db, principal.municipality_id, place_id)  # 404 before 428
    expected = preconditions.require(if_match)
    preconditions.check(expected, place.version)
    for field, value in (("name", data.name), ("accessibility", data.accessibility)):
        texts.prepare(field, value)  # refuse bad text before the place is claimed
    await preconditions.compare_and_set(db, place, **_place_columns(data), updated_at=utcnow())
    existing = (await texts.load(db, place.municipality_id, [place.id]))[place.id]
    _set_place_texts(db, existing, place, data, principal)
    await db.flush()
    return await admin_place(db, place)


async def list_places(db: AsyncSession, municipality_id: uuid.UUID) -> list[AdminPlace]:
    places = (
        await db.execute(
            select(ServicePlace)
            .where(col(ServicePlace.municipality_id) == municipality_id)
            .order_by(col(ServicePlace.created_at), col(ServicePlace.id))
        )
    ).scalars()
    rows = list(places)
    loaded = await texts.load(db, municipality_id, [p.id for p in rows])
    return [_admin_place(place, loaded[place.id]) for place in rows]
