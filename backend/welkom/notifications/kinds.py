# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Every notification kind: its texts (gettext msgids, rendered at read time) and push options.

A push carries only the kind and an opaque id, so what a kind *says* lives here and in the
catalogs, never in the database or the payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from welkom.core.i18n import N_

Urgency = Literal["very-low", "low", "normal", "high"]

HOUR = 3600
DAY = 24 * HOUR


@dataclass(frozen=True)
class Kind:
    name: str
    title: str  # msgid
    body: str  # msgid
    #: Seconds the push service keeps the message for an offline phone (pywebpush's default,
    #: 0, drops it at once).
    ttl: int
    #: RFC 8030 Urgency: lets a phone on low battery postpone what can wait.
    urgency: Urgency


QUESTION_REGISTERED = "question.registered"
QUESTION_ANSWERED = "question.answered"
DOCUMENT_REGISTERED = "document.registered"
CASE_STATUS_CHANGED = "case.status_changed"
JOURNEY_STEP_CHANGED = "journey.step_changed"
HELP_REQUEST_CLAIMED = "help_request.claimed"
HELP_REQUEST_RELEASED = "help_request.released"
HELP_REQUEST_CANCELLED = "help_request.cancelled"
SERVICE_INFO_CHANGED = "service_info.changed"
ERASURE_REFUSED = "erasure.refused"

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            QUESTION_REGISTERED,
            N_("Your question has been registered"),
            N_("The municipality has received your question and will answer it."),
            ttl=3 * DAY,
            urgency="normal",
        ),
        Kind(
            QUESTION_ANSWERED,
            N_("Your question has been answered"),
            N_("Open the app to read the answer."),
            ttl=7 * DAY,
            urgency="normal",
        ),
        Kind(
            DOCUMENT_REGISTERED,
            N_("Your document has been received"),
            N_("The municipality has added your document to your case."),
            ttl=3 * DAY,
            urgency="normal",
        ),
        Kind(
            CASE_STATUS_CHANGED,
            N_("Your case has a new status"),
            N_("Open the app to see where your case stands."),
            ttl=7 * DAY,
            urgency="normal",
        ),
        Kind(
            JOURNEY_STEP_CHANGED,
            N_("A step on your path has changed"),
            N_("Open the app to see your next step."),
            ttl=3 * DAY,
            urgency="low",
        ),
        Kind(
            HELP_REQUEST_CLAIMED,
            N_("A volunteer will help you"),
            N_("A volunteer has accepted your request for help."),
            ttl=2 * DAY,
            urgency="normal",
        ),
        Kind(
            HELP_REQUEST_RELEASED,
            N_("Your request for help is open again"),
            N_("The volunteer cannot help after all. Another volunteer can now accept it."),
            ttl=2 * DAY,
            urgency="normal",
        ),
        Kind(
            HELP_REQUEST_CANCELLED,
            N_("A request for help was cancelled"),
            N_("Open the app to see what changed."),
            ttl=12 * HOUR,
            urgency="high",
        ),
        Kind(
            SERVICE_INFO_CHANGED,
            N_("Information you follow has changed"),
            N_("Open the app to read the new information."),
            ttl=DAY,
            urgency="very-low",
        ),
        Kind(
            ERASURE_REFUSED,
            N_("Your request to erase your data was refused"),
            N_("Open the app to read why."),
            ttl=7 * DAY,
            urgency="normal",
        ),
    )
}


def get(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown notification kind {name!r}") from None
