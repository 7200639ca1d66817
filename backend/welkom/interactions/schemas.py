# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from typing import Annotated

import msgspec

from welkom.core.text import TextInput, lines_meta

QUESTION_MAX_LENGTH = 4000


class QuestionIn(TextInput, forbid_unknown_fields=True):
    text: Annotated[str, lines_meta(QUESTION_MAX_LENGTH)]
    language: Annotated[str, msgspec.Meta(min_length=2, max_length=8)]


class Registration(msgspec.Struct):
    """Where the question stands in the municipality's case register."""

    state: str
    zaak_identificatie: str | None
    registered_at: datetime | None


#: The short case reference as shown to people (``K7Q2-9MXA``); the long
#: ``registration.zaak_identificatie`` stays for systems.
Reference = Annotated[str, msgspec.Meta(examples=["K7Q2-9MXA"])]


class QuestionOut(msgspec.Struct):
    id: uuid.UUID
    reference: Reference
    text: str
    language: str
    created_at: datetime
    registration: Registration


class DocumentOut(msgspec.Struct):
    id: uuid.UUID
    reference: Reference
    content_type: str
    size: int
    sha256: str
    language: str
    created_at: datetime
    registration: Registration


class CaseOut(msgspec.Struct):
    """One of the resident's interactions as a case in the municipality's case system."""

    interaction_id: uuid.UUID
    reference: Reference
    kind: str
    created_at: datetime
    registration: Registration
    status: str | None  # resident-friendly label in the request's language
    status_set_at: datetime | None
