# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from typing import Any

import msgspec


class RegistrationEntryOut(msgspec.Struct):
    """A registration in the outbox, for records management. No personal data: ids, states,
    counts and the case system's problem details (codes and field names)."""

    id: uuid.UUID
    kind: str | None  # question | document | answer (what the registration is about)
    zaak: str | None  # the identificatie of the zaak it registers in
    #: The question or document for question and document registrations; for an answer, the
    #: answer's id (its question is the zaak's).
    interaction_id: uuid.UUID
    state: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    last_error: str | None  # for a delivered entry: the last failure before it was delivered
    problem: dict[str, Any] | None  # the register's problem details when it refused


class NotificationIn(msgspec.Struct):
    """A Notificaties API message (unknown fields allowed: the standard may add some)."""

    kanaal: str
    hoofdObject: str
    resource: str
    resourceUrl: str
    actie: str
    aanmaakdatum: str
    kenmerken: dict[str, Any] = {}
