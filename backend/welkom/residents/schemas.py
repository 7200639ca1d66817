import uuid
from datetime import datetime
from typing import Annotated

import msgspec

EMAIL_PATTERN = r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{2,63}$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ()-]{5,24}$"

PreferredName = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
LanguageTag = Annotated[str, msgspec.Meta(min_length=2, max_length=8)]
Email = Annotated[str, msgspec.Meta(max_length=254, pattern=EMAIL_PATTERN)]
Phone = Annotated[str, msgspec.Meta(max_length=32, pattern=PHONE_PATTERN)]


class MunicipalityRef(msgspec.Struct):
    code: str
    name: str


class MeOut(msgspec.Struct):
    id: uuid.UUID
    preferred_name: str
    preferred_language: str
    email: str | None
    phone: str | None
    municipality: MunicipalityRef
    updated_at: datetime


class MePatch(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """Only the fields sent are changed; ``null`` clears email or phone."""

    preferred_name: PreferredName | msgspec.UnsetType = msgspec.UNSET
    preferred_language: LanguageTag | msgspec.UnsetType = msgspec.UNSET
    email: Email | msgspec.UnsetType | None = msgspec.UNSET
    phone: Phone | msgspec.UnsetType | None = msgspec.UNSET
