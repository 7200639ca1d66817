# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from typing import Annotated, Any

import msgspec

from welkom.core.text import TextInput, lines_meta


class ErasureRequestIn(TextInput, forbid_unknown_fields=True):
    reason: Annotated[str, lines_meta(1000, min_length=0)] | None = None


class ErasureRequestOut(msgspec.Struct):
    """The resident's view of their latest request. ``what_happens`` is in the reader's
    language; ``refusal_reason`` is records management's own text, as written."""

    id: uuid.UUID
    state: str
    requested_at: datetime
    completed_at: datetime | None
    what_happens: str
    refused_at: datetime | None = None
    refusal_reason: str | None = None


class ErasureRefusalIn(TextInput, forbid_unknown_fields=True):
    reason: Annotated[
        str, lines_meta(1000, min_length=0)
    ]  # blank: refused by the service with its own message


class ErasureRequestSummary(msgspec.Struct):
    id: uuid.UUID
    resident_id: uuid.UUID
    state: str
    requested_at: datetime
    completed_at: datetime | None
    refused_at: datetime | None


class RetainedTable(msgspec.Struct):
    """A table whose rows about the resident an erasure keeps (wholly or partly), and why."""

    table: str
    rows: int
    reason: str
    #: Column → why it keeps its value.
    columns: dict[str, str]


class ErasureRequestDetail(msgspec.Struct):
    id: uuid.UUID
    resident_id: uuid.UUID
    state: str
    requested_at: datetime
    #: The resident's own words (cleared when the request is completed).
    reason: str | None
    completed_at: datetime | None
    completed_by_account_id: uuid.UUID | None
    refused_at: datetime | None
    refused_by_account_id: uuid.UUID | None
    refusal_reason: str | None
    #: Questions not yet registered in the case system: completing waits for them (409).
    waiting_for_registration: int
    #: What completing keeps under a legal duty (for an open request: would keep).
    retained: list[RetainedTable]
    #: Per table: rows deleted, anonymised, retained (once completed).
    outcome: dict[str, Any]
