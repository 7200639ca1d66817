# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Request and response shapes for service information (msgspec)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

import msgspec

from welkom.core.text import TextInput, line_meta, lines_meta

TITLE_MAX, SUMMARY_MAX, BODY_MAX = 200, 500, 20_000
NAME_MAX, ACCESSIBILITY_MAX, LABEL_MAX = 200, 2_000, 200

Title = Annotated[str, line_meta(TITLE_MAX)]
Summary = Annotated[str, lines_meta(SUMMARY_MAX)]
Body = Annotated[str, lines_meta(BODY_MAX, min_length=0)]
Time = Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
Latitude = Annotated[float, msgspec.Meta(ge=-90, le=90)]
Longitude = Annotated[float, msgspec.Meta(ge=-180, le=180)]
Phone = Annotated[str, msgspec.Meta(pattern=r"^\+?[0-9][0-9 ()-]{2,24}$")]
JourneySteps = Annotated[
    list[Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9_-]{1,40}$")]], msgspec.Meta(max_length=10)
]


class Link(TextInput, forbid_unknown_fields=True):
    url: Annotated[str, msgspec.Meta(max_length=2000, pattern=r"^(https://|http://|mailto:|tel:)")]
    label: Annotated[str, line_meta(LABEL_MAX)]


class OpeningHours(TextInput, forbid_unknown_fields=True):
    """One opening period: ISO weekday (1 = Monday) and local times."""

    day: Annotated[int, msgspec.Meta(ge=1, le=7)]
    opens: Time
    closes: Time


class ItemIn(TextInput, forbid_unknown_fields=True):
    """A new service item; texts are the Dutch source."""

    category: Annotated[str, msgspec.Meta(max_length=32)]
    title: Title
    summary: Summary
    body: Body = ""
    links: Annotated[list[Link], msgspec.Meta(max_length=10)] = []
    phones: Annotated[list[Phone], msgspec.Meta(max_length=5)] = []
    opening_hours: Annotated[list[OpeningHours], msgspec.Meta(max_length=21)] = []
    place_ids: Annotated[list[uuid.UUID], msgspec.Meta(max_length=20)] = []
    journey_steps: JourneySteps = []


class ItemPatch(TextInput, forbid_unknown_fields=True, omit_defaults=True):
    """Change what is given; a changed source text makes its translations outdated."""

    category: Annotated[str, msgspec.Meta(max_length=32)] | msgspec.UnsetType = msgspec.UNSET
    title: Title | msgspec.UnsetType = msgspec.UNSET
    summary: Summary | msgspec.UnsetType = msgspec.UNSET
    body: Body | msgspec.UnsetType = msgspec.UNSET
    links: Annotated[list[Link], msgspec.Meta(max_length=10)] | msgspec.UnsetType = msgspec.UNSET
    phones: Annotated[list[Phone], msgspec.Meta(max_length=5)] | msgspec.UnsetType = msgspec.UNSET
    opening_hours: (
        Annotated[list[OpeningHours], msgspec.Meta(max_length=21)] | msgspec.UnsetType
    ) = msgspec.UNSET
    place_ids: Annotated[list[uuid.UUID], msgspec.Meta(max_length=20)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    journey_steps: JourneySteps | msgspec.UnsetType = msgspec.UNSET


class PlaceIn(TextInput, forbid_unknown_fields=True):
    name: Annotated[str, line_meta(NAME_MAX)]
    street: Annotated[str, line_meta(200)]
    house_number: Annotated[str, msgspec.Meta(min_length=1, max_length=20)]
    postal_code: Annotated[str, msgspec.Meta(pattern=r"^[1-9][0-9]{3} ?[A-Z]{2}$")]
    city: Annotated[str, line_meta(100)]
    latitude: Latitude
    longitude: Longitude
    phone: Phone | None = None
    opening_hours: Annotated[list[OpeningHours], msgspec.Meta(max_length=21)] = []
    accessibility: Annotated[str, lines_meta(ACCESSIBILITY_MAX, min_length=0)] = ""


# ---- resident responses (compact: defaults omitted) ----


class Address(msgspec.Struct):
    street: str
    house_number: str
    postal_code: str
    city: str


class PlaceOut(msgspec.Struct, omit_defaults=True):
    id: uuid.UUID
    name: str
    address: Address
    latitude: float
    longitude: float
    language: str
    phone: str | None = None
    opening_hours: list[OpeningHours] = []
    accessibility: str | None = None
    unreviewed: bool = False
    outdated: bool = False


class ServiceSummary(msgspec.Struct, omit_defaults=True):
    id: uuid.UUID
    category: str
    title: str
    summary: str
    language: str
    unreviewed: bool = False
    outdated: bool = False
    distance_m: int | None = None


class ServiceDetail(msgspec.Struct, omit_defaults=True):
    id: uuid.UUID
    category: str
    category_name: str
    title: str
    summary: str
    language: str
    updated_at: datetime
    body_html: str = ""
    body_language: str | None = None  # the body may come from further down the language chain
    links: list[Link] = []
    phones: list[str] = []
    opening_hours: list[OpeningHours] = []
    places: list[PlaceOut] = []
    journey_steps: list[str] = []
    unreviewed: bool = False
    outdated: bool = False


class ServiceList(msgspec.Struct):
    language: str
    direction: str
    items: list[ServiceSummary]
    next_cursor: str | None


# ---- admin ----


class TextOut(msgspec.Struct):
    language: str
    text: str
    state: str
    outdated: bool
    updated_by: str | None
    updated_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None


class AdminItem(msgspec.Struct):
    id: uuid.UUID
    category: str
    status: str
    version: int
    published_version: int | None
    links: list[str]
    phones: list[str]
    opening_hours: list[OpeningHours]
    journey_steps: list[str]
    place_ids: list[uuid.UUID]
    texts: dict[str, list[TextOut]]
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None


class AdminPlace(msgspec.Struct):
    id: uuid.UUID
    street: str
    house_number: str
    postal_code: str
    city: str
    latitude: float
    longitude: float
    phone: str | None
    opening_hours: list[OpeningHours]
    version: int
    texts: dict[str, list[TextOut]]


class PreviewIn(TextInput, forbid_unknown_fields=True):
    """A body in markdown, to see it as residents will."""

    body: Body


class PreviewOut(msgspec.Struct):
    html: str


class TranslationIn(TextInput, forbid_unknown_fields=True):
    text: Annotated[str, lines_meta(BODY_MAX)]
    state: Literal["machine", "translated"] = "translated"


class ReviewIn(TextInput, forbid_unknown_fields=True):
    """Approve the translation; a reviewer may correct the text while approving."""

    text: Annotated[str, lines_meta(BODY_MAX)] | None = None


class TranslationEntry(msgspec.Struct):
    owner_kind: str
    owner_id: uuid.UUID
    field: str
    language: str
    source_text: str
    source_revision: int
    text: str | None
    state: str | None  # None: missing
    outdated: bool
    updated_by: str | None
    updated_at: datetime | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    version: int = msgspec.field(default=0)  # the translation's; 0: none yet. The ETag "v<version>"


class LanguageProgress(msgspec.Struct):
    language: str
    total: int
    missing: int
    outdated: int
    machine: int
    translated: int
    reviewed: int


class ImportResult(msgspec.Struct):
    language: str
    imported: int
    unchanged: int
    skipped_stale: int
    skipped_unknown: int
    empty: int
