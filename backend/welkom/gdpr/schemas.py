import uuid
from datetime import datetime

import msgspec

from welkom.core.text import TextInput, lines


class ErasureRequestIn(TextInput, forbid_unknown_fields=True):
    reason: lines(1000, min_length=0) | None = None


class ErasureRequestOut(msgspec.Struct):
    id: uuid.UUID
    state: str
    requested_at: datetime
    completed_at: datetime | None
    what_happens: str
