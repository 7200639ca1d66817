# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A resident's notifications in their export and erasure (they hang off the account)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.gdpr import rows
from welkom.notifications.models import (
    InboxItem,
    PushDelivery,
    PushPreference,
    PushSubscription,
    QuietHours,
)
from welkom.notifications.service import PUSH_KIND
from welkom.outbox.models import OutboxEntry, OutboxState


async def export_for_accounts(db: AsyncSession, account_ids: list[uuid.UUID]) -> dict[str, Any]:
    async def all_of(model: Any) -> list[dict[str, Any]]:
        found = await db.execute(select(model).where(model.account_id.in_(account_ids)))
        return rows(found.scalars())

    return {
        "inbox": await all_of(InboxItem),
        "push_subscriptions": await all_of(PushSubscription),
        "push_preferences": await all_of(PushPreference),
        "quiet_hours": await all_of(QuietHours),
    }


async def erase_for_accounts(db: AsyncSession, account_ids: list[uuid.UUID]) -> None:
    """Delete the inbox, devices and choices, and the outbox entries of pushes that are done
    (delivered or parked; their last error may name the device's push service). Pending pushes
    for erased items are finished by the push handler without sending (it finds no inbox
    item)."""
    items = select(col(InboxItem.id)).where(col(InboxItem.account_id).in_(account_ids))
    deliveries = select(col(PushDelivery.id)).where(col(PushDelivery.notification_id).in_(items))
    await db.execute(
        delete(OutboxEntry).where(
            col(OutboxEntry.kind) == PUSH_KIND,
            col(OutboxEntry.reference).in_(deliveries),
            col(OutboxEntry.state).in_((OutboxState.delivered, OutboxState.parked)),
        )
    )
    await db.execute(delete(PushDelivery).where(col(PushDelivery.notification_id).in_(items)))
    for model in (InboxItem, PushSubscription, PushPreference, QuietHours):
        await db.execute(delete(model).where(col(model.account_id).in_(account_ids)))
