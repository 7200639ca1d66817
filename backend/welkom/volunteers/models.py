# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from welkom.core.models import (
    id_field,
    json_field,
    municipality_fk,
    optional_timestamp_field,
    timestamp_field,
)


class VolunteerProfile(SQLModel, table=True):
    """A volunteer's own profile, and the coordinator's vetting of it.

    A volunteer sees anything about residents only while ``vetted_at`` is set and
    ``suspended_at`` is not.
    """

    __tablename__ = "volunteer_profile"
    __table_args__ = (UniqueConstraint("account_id", name="uq_volunteer_profile_account"),)

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    account_id: uuid.UUID = Field(foreign_key="account.id")
    display_name: str = Field(max_length=100, description="The name residents see")
    languages: list[str] = json_field(default_factory=list)
    skills: list[str] = json_field(default_factory=list)
    areas: list[str] = json_field(default_factory=list)
    availability: list[str] = json_field(default_factory=list)
    organisation: str | None = Field(default=None, max_length=200)
    vetted_at: datetime | None = optional_timestamp_field()
    vog_date: date | None = Field(default=None, description="Issue date of the VOG seen")
    vetted_by: uuid.UUID | None = Field(default=None, description="Coordinator account id")
    suspended_at: datetime | None = optional_timestamp_field()
    suspended_by: uuid.UUID | None = None
    suspension_reason: str | None = Field(default=None, max_length=500)
    version: int = 1
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()


class HelpCategory(StrEnum):
    accompany_appointment = "accompany_appointment"
    language_help = "language_help"
    bike = "bike"
    moving_furniture = "moving_furniture"
    homework_help = "homework_help"
    paperwork = "paperwork"
    other = "other"


class HelpState(StrEnum):
    open = "open"
    claimed = "claimed"
    done = "done"
    cancelled = "cancelled"
    no_show = "no_show"


CLOSED_STATES = frozenset({HelpState.done, HelpState.cancelled, HelpState.no_show})


class HelpRequest(SQLModel, table=True):
    """A resident asks volunteers for help: what, when, roughly where, in which language.

    ``neighbourhood`` is a neighbourhood name, never an address. Claiming is one conditional
    UPDATE (``state = 'open'``), so exactly one volunteer wins.
    """

    __tablename__ = "help_request"
    __table_args__ = (
        Index("ix_help_request_open", "municipality_id", "state", "created_at"),
        Index("ix_help_request_resident", "resident_id", "created_at", "id"),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk(index=False)
    resident_id: uuid.UUID = Field(foreign_key="resident.id")
    category: str = Field(max_length=32)
    description: str = Field(sa_type=Text)
    wanted_from: datetime = timestamp_field()
    wanted_until: datetime = timestamp_field()
    neighbourhood: str = Field(max_length=60)
    language: str = Field(max_length=8)
    state: str = Field(default=HelpState.open, max_length=16)
    volunteer_id: uuid.UUID | None = Field(
        default=None, foreign_key="volunteer_profile.id", index=True
    )
    claimed_at: datetime | None = optional_timestamp_field()
    closed_at: datetime | None = optional_timestamp_field()
    closed_by_role: str | None = Field(default=None, max_length=16)
    rating: int | None = Field(default=None, description="1-5, by the resident")
    rating_comment: str | None = Field(default=None, max_length=1000)
    version: int = 1
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()


class HelpReport(SQLModel, table=True):
    """A resident reports a problem with a volunteer or a request, for the coordinator."""

    __tablename__ = "help_report"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    help_request_id: uuid.UUID = Field(foreign_key="help_request.id", index=True)
    resident_id: uuid.UUID = Field(foreign_key="resident.id", index=True)
    volunteer_id: uuid.UUID | None = Field(default=None, foreign_key="volunteer_profile.id")
    text: str = Field(sa_type=Text)
    handled_at: datetime | None = optional_timestamp_field()
    created_at: datetime = timestamp_field()
