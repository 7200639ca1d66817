import uuid
from typing import Annotated

import msgspec


class DemoLoginIn(msgspec.Struct, forbid_unknown_fields=True):
    login: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class SessionOut(msgspec.Struct):
    account_id: uuid.UUID
    display_name: str
    roles: list[str]
    municipality_id: uuid.UUID
    resident_id: uuid.UUID | None


class DemoLoginOut(msgspec.Struct):
    token: str
    session: SessionOut
