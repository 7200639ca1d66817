# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime

import msgspec


class AccessLogEntry(msgspec.Struct):
    """One access to the resident's data, as the resident sees it."""

    id: uuid.UUID
    occurred_at: datetime
    actor_name: str
    actor_role: str
    action: str
    resource: str
    fields: list[str]
    purpose: str


class AuditEventOut(msgspec.Struct):
    """One audit row, as a records manager sees it."""

    id: uuid.UUID
    occurred_at: datetime
    resident_id: uuid.UUID
    actor_account_id: uuid.UUID
    actor_name: str
    actor_role: str
    action: str
    resource: str
    fields: list[str]
    purpose: str
    request_id: str | None
