# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from welkom.core.models import (
    id_field,
    json_field,
    municipality_fk,
    optional_timestamp_field,
    timestamp_field,
)


class StepKey(StrEnum):
    housing = "housing"
    brp_registration = "brp_registration"
    digid = "digid"
    bank_account = "bank_account"
    health_insurance = "health_insurance"
    benefits = "benefits"
    inburgering_pip = "inburgering_pip"
    school = "school"
    gp = "gp"
    language_course = "language_course"


class StepStatus(StrEnum):
    not_started = "not_started"
    in_progress = "in_progress"
    waiting_for_municipality = "waiting_for_municipality"
    done = "done"
    not_applicable = "not_applicable"


OPEN_STATUSES = (
    StepStatus.in_progress,
    StepStatus.waiting_for_municipality,
    StepStatus.not_started,
)


class NextActor(StrEnum):
    resident = "resident"
    municipality = "municipality"
    other = "other"  # another organisation: named in next_actor_name


class JourneyTemplate(SQLModel, table=True):
    """A municipality's path for new residents. One is active at a time."""

    __tablename__ = "journey_template"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    name: str = Field(max_length=200)
    active: bool = True
    created_at: datetime = timestamp_field()


class JourneyTemplateStep(SQLModel, table=True):
    """One step of a template. ``explanation`` is translatable content:
    ``{language: {"title": …, "text": …, "state": "source|machine|translated|reviewed"}}``."""

    __tablename__ = "journey_template_step"
    __table_args__ = (UniqueConstraint("template_id", "key", name="uq_journey_template_step_key"),)

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    template_id: uuid.UUID = Field(foreign_key="journey_template.id", index=True)
    key: str = Field(max_length=32)
    position: int
    typical_duration_days: int | None = None
    explanation: dict[str, Any] = json_field()
    version: int = Field(default=1, description="Bumped on every change of its texts; the ETag")
    service_item_id: uuid.UUID | None = Field(
        default=None, description="Optional service-information item (services domain)"
    )


class JourneyStep(SQLModel, table=True):
    """Where one resident stands on one step."""

    __tablename__ = "journey_step"
    __table_args__ = (UniqueConstraint("resident_id", "key", name="uq_journey_step_resident_key"),)

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    resident_id: uuid.UUID = Field(foreign_key="resident.id", index=True)
    template_step_id: uuid.UUID = Field(foreign_key="journey_template_step.id")
    key: str = Field(max_length=32)
    position: int
    status: str = Field(default=StepStatus.not_started, max_length=32)
    due_date: date | None = None
    next_actor: str | None = Field(default=None, max_length=16)
    next_actor_name: str | None = Field(default=None, max_length=100)
    note: str | None = Field(default=None, sa_type=Text, description="Visible to the resident")
    zaak_identificatie: str | None = Field(default=None, max_length=40)
    version: int = 1
    completed_at: datetime | None = optional_timestamp_field()
    updated_by_account_id: uuid.UUID | None = None
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()
