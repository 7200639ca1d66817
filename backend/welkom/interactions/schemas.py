import uuid
from datetime import datetime
from typing import Annotated

import msgspec

QUESTION_MAX_LENGTH = 4000


class QuestionIn(msgspec.Struct, forbid_unknown_fields=True):
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=QUESTION_MAX_LENGTH)]
    language: Annotated[str, msgspec.Meta(min_length=2, max_length=8)]


class Registration(msgspec.Struct):
    """Where the question stands in the municipality's case register."""

    state: str
    zaak_identificatie: str | None
    registered_at: datetime | None


class QuestionOut(msgspec.Struct):
    id: uuid.UUID
    text: str
    language: str
    created_at: datetime
    registration: Registration
