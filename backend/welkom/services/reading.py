# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""What residents read: published items in the best available language, search, nearby."""

from __future__ import annotations

import base64
import binascii
import json
import math
import uuid
from dataclasses import dataclass
from typing import Any

import msgspec
from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.i18n import N_, direction, gettext, match_language
from welkom.core.problems import FieldError, Problem
from welkom.services import texts
from welkom.services.content import normalise, search_words
from welkom.services.models import (
    ItemStatus,
    OwnerKind,
    ServiceItem,
    ServiceItemPlace,
    ServicePlace,
    ServiceText,
)
from welkom.services.schemas import (
    Address,
    Link,
    OpeningHours,
    PlaceOut,
    ServiceDetail,
    ServiceList,
    ServiceSummary,
)
from welkom.services.service import CATEGORIES

EARTH_RADIUS_M = 6_371_000


def language_chain(*candidates: str | list[str] | None, default: str) -> list[str]:
    """Product languages in the order to try: the candidates (resident preference, then
    Accept-Language), the municipality default, then the Dutch source. No duplicates."""
    chain: list[str] = []
    for candidate in (*candidates, default, texts.CONTENT_SOURCE_LANGUAGE):
        for tag in candidate if isinstance(candidate, list) else [candidate]:
            language = match_language(tag)
            if language and language not in chain:
                chain.append(language)
    return chain


@dataclass(frozen=True)
class Near:
    latitude: float
    longitude: float
    radius_m: float


def parse_near(near: str | None, radius_km: float) -> Near | None:
    """``lat,lon`` in WGS84 decimal degrees."""
    if near is None:
        return None
    try:
        lat_text, lon_text = near.split(",")
        latitude, longitude = float(lat_text), float(lon_text)
    except ValueError:
        latitude = longitude = math.nan
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):  # also rejects NaN
        raise Problem.validation(
            [
                FieldError(
                    "near",
                    N_("Give a coordinate as latitude,longitude in decimal degrees."),
                    source="query",
                )
            ]
        )
    return Near(latitude, longitude, radius_km * 1000)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _decode_offset(cursor: str | None) -> int:
    if cursor is None:
        return 0
    try:
        offset = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["o"]
        if isinstance(offset, int) and 0 <= offset < 1_000_000:
            return offset
    except (ValueError, KeyError, TypeError, binascii.Error):
        pass
    raise Problem.validation(
        [FieldError("cursor", N_("This cursor is not valid."), source="query")]
    )


def _encode_offset(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


async def _matching_ids(
    db: AsyncSession, municipality_id: uuid.UUID, words: list[str], chain: list[str]
) -> set[uuid.UUID] | None:
    """Items whose texts in the chain's languages contain every word (as a prefix or inside)."""
    if not words:
        return None
    result: set[uuid.UUID] | None = None
    for word in words:
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        ids = set(
            (
                await db.execute(
                    select(col(ServiceText.owner_id)).where(
                        col(ServiceText.municipality_id) == municipality_id,
                        col(ServiceText.owner_kind) == "item",
                        col(ServiceText.language).in_(chain),
                        col(ServiceText.search_text).like(pattern, escape="\\"),
                    )
                )
            ).scalars()
        )
        result = ids if result is None else result & ids
        if not result:
            return set()
    return result


async def _distances(
    db: AsyncSession, municipality_id: uuid.UUID, near: Near
) -> dict[uuid.UUID, float]:
    """Item id → distance to its nearest place within the radius."""
    dlat = math.degrees(near.radius_m / EARTH_RADIUS_M)
    rows = await db.execute(
        select(
            col(ServiceItemPlace.item_id), col(ServicePlace.latitude), col(ServicePlace.longitude)
        )
        .join(ServicePlace, col(ServicePlace.id) == col(ServiceItemPlace.place_id))
        .where(
            col(ServiceItemPlace.municipality_id) == municipality_id,
            col(ServicePlace.latitude).between(near.latitude - dlat, near.latitude + dlat),
        )
    )
    best: dict[uuid.UUID, float] = {}
    for item_id, lat, lon in rows:
        d = distance_m(near.latitude, near.longitude, lat, lon)
        if d <= near.radius_m and d < best.get(item_id, math.inf):
            best[item_id] = d
    return best


#: Published items with their list texts (title, summary) in the wanted languages: one query and
#: plain rows, no ORM objects. The list is the most read answer after the resident's own data;
#: it needs neither bodies, nor links, nor opening hours (bench/RESULTS.md, "API").
SUMMARY_FIELDS = ("title", "summary")
_PUBLISHED_SUMMARIES = (
    select(
        col(ServiceItem.id),
        col(ServiceItem.category),
        col(ServiceText.field),
        col(ServiceText.language),
        col(ServiceText.text),
        col(ServiceText.state),
        col(ServiceText.source_revision),
    )
    .join(
        ServiceText,
        (col(ServiceText.owner_id) == col(ServiceItem.id))
        & (col(ServiceText.municipality_id) == col(ServiceItem.municipality_id)),
    )
    .where(
        col(ServiceItem.municipality_id) == bindparam("municipality_id"),
        col(ServiceItem.status) == ItemStatus.published,
        col(ServiceText.owner_kind) == OwnerKind.item,
        col(ServiceText.field).in_(SUMMARY_FIELDS),
        col(ServiceText.language).in_(bindparam("languages", expanding=True)),
    )
)


def _summary(
    item_id: uuid.UUID, category: str, fields: dict[str, Any], chain: list[str]
) -> ServiceSummary | None:
    title = texts.choose(fields, "title", chain)
    summary = texts.choose(fields, "summary", chain)
    if title is None or summary is None:
        return None
    shown = (title, summary)
    return ServiceSummary(
        id=item_id,
        category=category,
        title=title.row.text,
        summary=summary.row.text,
        language=title.language,
        unreviewed=any(c.unreviewed for c in shown),
        outdated=any(c.outdated for c in shown),
    )


async def list_services(
    db: AsyncSession,
    municipality_id: uuid.UUID,
    chain: list[str],
    *,
    category: str | None,
    query: str | None,
    near: Near | None,
    cursor: str | None,
    limit: int,
) -> ServiceList:
    if category is not None and category not in CATEGORIES:
        raise Problem.validation(
            [FieldError("category", N_("This is not one of the allowed values."), source="query")]
        )
    offset = _decode_offset(cursor)
    statement = _PUBLISHED_SUMMARIES
    if category:
        statement = statement.where(col(ServiceItem.category) == category)
    words = search_words(query or "")
    matching = await _matching_ids(db, municipality_id, words, chain)
    if matching is not None:
        statement = statement.where(col(ServiceItem.id).in_(matching or [uuid.UUID(int=0)]))
    distances = await _distances(db, municipality_id, near) if near else None
    if distances is not None:
        statement = statement.where(col(ServiceItem.id).in_(list(distances) or [uuid.UUID(int=0)]))
    rows = await db.execute(statement, {"municipality_id": municipality_id, "languages": chain})
    # item → (category, field → language → text row); texts.choose reads the rows' columns
    items: dict[uuid.UUID, tuple[str, dict[str, dict[str, Any]]]] = {}
    for row in rows:
        fields = items.setdefault(row.id, (row.category, {}))[1]
        fields.setdefault(row.field, {})[row.language] = row
    summaries = [
        s
        for item_id, (item_category, fields) in items.items()
        if (s := _summary(item_id, item_category, fields, chain))
    ]
    if distances is not None:
        for s in summaries:
            s.distance_m = round(distances[s.id])
        summaries.sort(key=lambda s: (s.distance_m, s.title.casefold(), str(s.id)))
    elif words:
        summaries.sort(key=lambda s: (-_title_hits(s.title, words), s.title.casefold(), str(s.id)))
    else:
        order = list(CATEGORIES)
        summaries.sort(key=lambda s: (order.index(s.category), s.title.casefold(), str(s.id)))
    page = summaries[offset : offset + limit]
    more = offset + limit < len(summaries)
    return ServiceList(
        language=chain[0],
        direction=direction(chain[0]),
        items=page,
        next_cursor=_encode_offset(offset + limit) if more else None,
    )


def _title_hits(title: str, words: list[str]) -> int:

    folded = normalise(title)
    return sum(word in folded for word in words)


async def get_service(
    db: AsyncSession, municipality_id: uuid.UUID, item_id: uuid.UUID, chain: list[str]
) -> ServiceDetail:
    item = await db.get(ServiceItem, item_id)
    if (
        item is None
        or item.municipality_id != municipality_id
        or item.status != ItemStatus.published
    ):
        raise Problem.not_found()
    fields = (await texts.load(db, municipality_id, [item.id], chain))[item.id]
    summary = _summary(item.id, item.category, fields, chain)
    if summary is None:
        raise Problem.not_found()
    chosen = [texts.choose(fields, f, chain) for f in fields]
    body = texts.choose(fields, "body", chain)
    links = []
    for n, link in enumerate(item.links):
        label = texts.choose(fields, f"link.{n}", chain)
        links.append(Link(url=link["url"], label=label.row.text if label else link["url"]))
    place_rows = list(
        (
            await db.execute(
                select(ServicePlace)
                .join(ServiceItemPlace, col(ServiceItemPlace.place_id) == col(ServicePlace.id))
                .where(col(ServiceItemPlace.item_id) == item.id)
                .order_by(col(ServicePlace.created_at), col(ServicePlace.id))
            )
        ).scalars()
    )
    place_texts = await texts.load(db, municipality_id, [p.id for p in place_rows], chain)
    places = [p for row in place_rows if (p := _place(row, place_texts[row.id], chain))]
    return ServiceDetail(
        id=item.id,
        category=item.category,
        category_name=gettext(CATEGORIES[item.category], chain[0]),
        title=summary.title,
        summary=summary.summary,
        language=summary.language,
        updated_at=item.updated_at,
        body_html=(body.row.html or "") if body else "",
        body_language=body.language if body else None,
        links=links,
        phones=list(item.phones),
        opening_hours=msgspec.convert(item.opening_hours, list[OpeningHours]),
        places=places,
        journey_steps=list(item.journey_steps),
        unreviewed=any(c.unreviewed for c in chosen if c),
        outdated=any(c.outdated for c in chosen if c),
    )


def _place(place: ServicePlace, fields: dict[str, Any], chain: list[str]) -> PlaceOut | None:
    name = texts.choose(fields, "name", chain)
    if name is None:
        return None
    accessibility = texts.choose(fields, "accessibility", chain)
    shown = [c for c in (name, accessibility) if c]
    return PlaceOut(
        id=place.id,
        name=name.row.text,
        address=Address(place.street, place.house_number, place.postal_code, place.city),
        latitude=place.latitude,
        longitude=place.longitude,
        language=name.language,
        phone=place.phone,
        opening_hours=msgspec.convert(place.opening_hours, list[OpeningHours]),
        accessibility=accessibility.row.text if accessibility else None,
        unreviewed=any(c.unreviewed for c in shown),
        outdated=any(c.outdated for c in shown),
    )
