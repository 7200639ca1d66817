# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from welkom.core.text import TextInput, line_meta, lines_meta

StatusName = Literal[
    "not_started", "in_progress", "waiting_for_municipality", "done", "not_applicable"
]
ActorName = Literal["resident", "municipality", "other"]
NOTE_MAX_LENGTH = 2000


class StepOut(msgspec.Struct):
    id: uuid.UUID
    key: str
    position: int
    title: str
    explanation: str
    language: str  # of title and explanation
    translation_state: str  # source | machine | translated | reviewed
    status: str
    is_next: bool
    due_date: date | None
    next_actor: str | None
    next_actor_name: str | None
    note: str | None
    typical_duration_days: int | None
    service_item_id: uuid.UUID | None
    zaak_identificatie: str | None
    updated_at: datetime
    version: int


class JourneyOut(msgspec.Struct):
    """The next step first, then the other open steps in order, then the finished ones."""

    next_step: StepOut | None
    steps: list[StepOut]
    done: int
    total: int


class StepUpdate(TextInput, forbid_unknown_fields=True, omit_defaults=True):
    """A caseworker's change to one step; ``null`` clears."""

    status: StatusName | msgspec.UnsetType = msgspec.UNSET
    due_date: date | msgspec.UnsetType | None = msgspec.UNSET
    next_actor: ActorName | msgspec.UnsetType | None = msgspec.UNSET
    next_actor_name: Annotated[str, line_meta(100)] | msgspec.UnsetType | None = msgspec.UNSET
    note: Annotated[str, lines_meta(NOTE_MAX_LENGTH, min_length=0)] | msgspec.UnsetType | None = (
        msgspec.UNSET
    )
    zaak_identificatie: (
        Annotated[str, msgspec.Meta(min_length=1, max_length=40)] | msgspec.UnsetType | None
    ) = msgspec.UNSET


class ExplanationIn(TextInput, forbid_unknown_fields=True):
    title: Annotated[str, line_meta(200)]
    text: Annotated[str, lines_meta(4000)]
    state: Literal["source", "machine", "translated", "reviewed"]


class TemplateStepIn(TextInput, forbid_unknown_fields=True):
    key: Literal[
        "housing", "brp_registration", "digid", "bank_account", "health_insurance",
        "benefits", "inburgering_pip", "school", "gp", "language_course",
    ]  # fmt: skip
    explanation: Annotated[dict[str, ExplanationIn], msgspec.Meta(min_length=1, max_length=20)]
    typical_duration_days: Annotated[int, msgspec.Meta(ge=0, le=3650)] | None = None
    service_item_id: uuid.UUID | None = None


class TemplateIn(TextInput, forbid_unknown_fields=True):
    name: Annotated[str, line_meta(200)]
    steps: Annotated[list[TemplateStepIn], msgspec.Meta(min_length=1, max_length=30)]


class StepTranslationOut(msgspec.Struct):
    """One step of the active template: the Dutch text beside its translation in a language."""

    key: str
    position: int
    language: str
    source_title: str
    source_text: str
    title: str | None  # None: not translated into this language yet
    text: str | None
    translation_state: str | None  # machine | translated | reviewed
    reviewed_by: str | None
    reviewed_at: str | None  # ISO 8601
    outdated: bool = False  # made from an older Dutch text than the current one
    version: int = 0  # the step's; its ETag "v<version>" is what If-Match names on a change


class StepTranslationIn(TextInput, forbid_unknown_fields=True):
    """A translation of a journey step (``reviewed`` only through a review); for Dutch, the
    source text itself (the state is then ``source`` whatever is sent)."""

    title: Annotated[str, line_meta(200)]
    text: Annotated[str, lines_meta(4000)]
    state: Literal["machine", "translated"] = "translated"
