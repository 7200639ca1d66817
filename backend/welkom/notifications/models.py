# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime, time
from enum import StrEnum

from sqlalchemy import Index, Text, Time
from sqlmodel import Field, SQLModel

from welkom.core.models import id_field, municipality_fk, optional_timestamp_field, timestamp_field


class InboxItem(SQLModel, table=True):
    """One thing a person should know about. Holds no text: the kind's msgids are rendered in
    the reader's language when the inbox is read."""

    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_inbox", "account_id", "created_at", "id"),)

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    account_id: uuid.UUID = Field(foreign_key="account.id", nullable=False)
    kind: str = Field(max_length=64)
    reference_id: uuid.UUID = Field(description="What it is about (a question, a case, …)")
    created_at: datetime = timestamp_field()
    read_at: datetime | None = optional_timestamp_field()


class PushSubscription(SQLModel, table=True):
    """A device's Web Push subscription (PushSubscription.toJSON() in the browser).

    The endpoint is a capability URL for one device: never logged or returned in full.
    """

    __tablename__ = "push_subscription"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    account_id: uuid.UUID = Field(foreign_key="account.id", nullable=False, index=True)
    endpoint: str = Field(sa_type=Text)
    endpoint_hash: str = Field(max_length=64, unique=True, description="sha256 of the endpoint")
    p256dh: str = Field(max_length=100, description="Subscriber's ECDH public key, base64url")
    auth: str = Field(max_length=32, description="Subscriber's auth secret, base64url")
    created_at: datetime = timestamp_field()
    last_sent_at: datetime | None = optional_timestamp_field()


class PushDeliveryState(StrEnum):
    pending = "pending"
    sent = "sent"
    #: The subscription was gone (404/410, or removed) or the person declined this kind.
    dropped = "dropped"
    parked = "parked"
    #: Given up after ``WELKOM_PUSH_MAX_ATTEMPTS`` tries (429, 5xx, network errors).
    failed = "failed"


class PushDelivery(SQLModel, table=True):
    """One push of one inbox item to one device; the outbox entry's ``reference``.

    One per (item, subscription), so a device that failed is retried without pushing the
    others again.
    """

    __tablename__ = "push_delivery"

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk(index=False)
    notification_id: uuid.UUID = Field(foreign_key="notification.id", nullable=False, index=True)
    subscription_id: uuid.UUID = Field(index=True, description="No FK: subscriptions may go")
    state: str = Field(default=PushDeliveryState.pending, max_length=16)
    created_at: datetime = timestamp_field()
    finished_at: datetime | None = optional_timestamp_field()


class PushPreference(SQLModel, table=True):
    """A person's choice to receive (or not) push for one kind. No row: allowed.

    Moves to the consent ledger's "receive push notifications" purpose when that exists;
    :func:`welkom.notifications.service.push_allowed` is the one place that reads it.
    """

    __tablename__ = "push_preference"

    account_id: uuid.UUID = Field(foreign_key="account.id", primary_key=True)
    kind: str = Field(max_length=64, primary_key=True)
    municipality_id: uuid.UUID = municipality_fk(index=False)
    allowed: bool
    updated_at: datetime = timestamp_field()


class QuietHours(SQLModel, table=True):
    """When a person gets no pushes, in their own time zone. No row: the deployment default."""

    __tablename__ = "quiet_hours"

    account_id: uuid.UUID = Field(foreign_key="account.id", primary_key=True)
    municipality_id: uuid.UUID = municipality_fk(index=False)
    start_time: time = Field(sa_type=Time)
    end_time: time = Field(sa_type=Time)
    time_zone: str = Field(max_length=64)
    updated_at: datetime = timestamp_field()
