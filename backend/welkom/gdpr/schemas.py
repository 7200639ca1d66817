import uuid
from datetime import datetime
from typing import Annotated

import msgspec


class ErasureRequestIn(msgspec.Struct, forbid_unknown_fields=True):
    reason: Annotated[str, msgspec.Meta(max_length=1000)] | None = None


class ErasureRequestOut(msgspec.Struct):
    id: uuid.UUID
    state: str
    requested_at: datetime
    completed_at: datetime | None
    what_happens: str
