# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Events a resident cares about, announced where they happen and handled, in the announcer's
transaction, by whoever listens (the notifications package).

A domain below the traffic layer (volunteers) may not import notifications; it announces here
instead, and notifications registers its listener when it is imported (``app.py`` and the
worker import it at start). An event carries ids only: what it *says* is the listener's
business.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True)
class ResidentEvent:
    #: What happened, named as the notification kind that tells it (``help_request.claimed``).
    kind: str
    municipality_id: uuid.UUID
    resident_id: uuid.UUID
    #: What it is about (a help request id, …): the opaque id the resident's app opens.
    reference_id: uuid.UUID


Listener = Callable[[AsyncSession, ResidentEvent], Awaitable[None]]
_listeners: list[Listener] = []


def listen(listener: Listener) -> None:
    """Register ``listener`` for every event (once, however often a module is imported)."""
    if listener not in _listeners:
        _listeners.append(listener)


async def announce(db: AsyncSession, event: ResidentEvent) -> None:
    """Tell every listener, in the caller's transaction: a rollback undoes what they did."""
    for listener in list(_listeners):
        await listener(db, event)
