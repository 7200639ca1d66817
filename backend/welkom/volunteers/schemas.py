# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Request and response shapes of the volunteers domain."""

import uuid
from datetime import date, datetime
from typing import Annotated

import msgspec

from welkom.core.text import TextInput, line_meta, lines_meta
from welkom.volunteers.models import HelpCategory

#: A neighbourhood name: letters, spaces, hyphens, apostrophes and dots; no digits, so no
#: house number or postcode can be entered (never an address).
NEIGHBOURHOOD_PATTERN = r"^[^\d@/\\,;:<>]{2,60}$"
SLOT_PATTERN = r"^(mon|tue|wed|thu|fri|sat|sun)-(morning|afternoon|evening)$"

Language = Annotated[str, msgspec.Meta(min_length=2, max_length=8)]
Neighbourhood = Annotated[str, msgspec.Meta(min_length=2, max_length=60, pattern=NEIGHBOURHOOD_PATTERN)]  # fmt: skip
Slot = Annotated[str, msgspec.Meta(pattern=SLOT_PATTERN)]
Description = Annotated[str, lines_meta(1000)]


class ProfileIn(TextInput, forbid_unknown_fields=True):
    """The volunteer's own profile. Changing it does not change the vetting."""

    display_name: Annotated[str, line_meta(100)]
    languages: Annotated[list[Language], msgspec.Meta(min_length=1, max_length=14)]
    skills: Annotated[list[HelpCategory], msgspec.Meta(max_length=7)] = []
    areas: Annotated[list[Neighbourhood], msgspec.Meta(max_length=30)] = []
    availability: Annotated[list[Slot], msgspec.Meta(max_length=21)] = []
    organisation: Annotated[str, line_meta(200, min_length=0)] | None = None


class Vetting(msgspec.Struct):
    state: str  # unvetted | vetted | suspended
    vetted_at: datetime | None
    vog_date: date | None
    suspended_at: datetime | None


class ProfileOut(msgspec.Struct):
    id: uuid.UUID
    display_name: str
    languages: list[str]
    skills: list[str]
    areas: list[str]
    availability: list[str]
    organisation: str | None
    vetting: Vetting
    updated_at: datetime


class CoordinatorProfileOut(ProfileOut, kw_only=True):
    account_id: uuid.UUID
    suspension_reason: str | None
    open_claims: int


class VettingIn(TextInput, forbid_unknown_fields=True):
    """The coordinator saw the volunteer's VOG (certificate of conduct) issued on this date."""

    vog_date: date


class SuspensionIn(TextInput, forbid_unknown_fields=True):
    reason: Annotated[str, lines_meta(500)]


class HelpRequestIn(TextInput, forbid_unknown_fields=True):
    category: HelpCategory
    description: Description
    wanted_from: datetime
    wanted_until: datetime
    neighbourhood: Neighbourhood
    language: Language


class VolunteerRef(msgspec.Struct):
    display_name: str
    organisation: str | None


class Feedback(msgspec.Struct):
    rating: int | None
    comment: str | None


class OwnHelpRequestOut(msgspec.Struct):
    """A help request as the resident who made it sees it."""

    id: uuid.UUID
    category: str
    description: str
    wanted_from: datetime
    wanted_until: datetime
    neighbourhood: str
    language: str
    state: str
    volunteer: VolunteerRef | None
    feedback: Feedback
    created_at: datetime


class SharedContact(msgspec.Struct):
    """What the resident consented to share with the volunteer who helps them."""

    preferred_name: str
    languages: list[str]
    phone: str | None
    email: str | None


class VolunteerHelpRequestOut(msgspec.Struct):
    """A help request as a volunteer sees it: the request, and contact details only when the
    request is theirs and the resident consents right now."""

    id: uuid.UUID
    category: str
    description: str
    wanted_from: datetime
    wanted_until: datetime
    neighbourhood: str
    language: str
    state: str
    mine: bool
    contact: SharedContact | None
    created_at: datetime


class CoordinatorHelpRequestOut(msgspec.Struct):
    """A help request as the coordinator sees it (no resident contact details)."""

    id: uuid.UUID
    category: str
    wanted_from: datetime
    wanted_until: datetime
    neighbourhood: str
    language: str
    state: str
    volunteer_id: uuid.UUID | None
    volunteer_name: str | None
    age_hours: float
    claimed_at: datetime | None
    closed_at: datetime | None
    rating: int | None
    reports: int
    created_at: datetime


class RatingIn(TextInput, forbid_unknown_fields=True):
    rating: Annotated[int, msgspec.Meta(ge=1, le=5)]
    comment: Annotated[str, lines_meta(1000, min_length=0)] | None = None


class ReportIn(TextInput, forbid_unknown_fields=True):
    text: Annotated[str, lines_meta(2000)]


class ReportOut(msgspec.Struct):
    id: uuid.UUID
    help_request_id: uuid.UUID
    created_at: datetime


class CoordinatorReportOut(msgspec.Struct):
    id: uuid.UUID
    help_request_id: uuid.UUID
    volunteer_id: uuid.UUID | None
    text: str
    created_at: datetime


class ReassignIn(TextInput, forbid_unknown_fields=True):
    """Give the request to another volunteer, or ``null`` to open it again."""

    volunteer_id: uuid.UUID | None
