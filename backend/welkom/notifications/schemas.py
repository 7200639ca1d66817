# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from typing import Annotated

import msgspec


class NotificationOut(msgspec.Struct):
    id: uuid.UUID
    kind: str
    reference_id: uuid.UUID
    title: str
    body: str
    language: str
    #: ``machine``: the text was made by a machine or is not checked yet; ``reviewed``.
    translation_state: str
    created_at: datetime
    read_at: datetime | None


class NotificationPage(msgspec.Struct):
    items: list[NotificationOut]
    next_cursor: str | None
    unread_count: int


class UnreadCount(msgspec.Struct):
    unread_count: int


class PublicKeyOut(msgspec.Struct):
    public_key: str


class SubscriptionKeys(msgspec.Struct, forbid_unknown_fields=True):
    p256dh: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    auth: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]


class SubscriptionIn(msgspec.Struct, forbid_unknown_fields=True):
    """What the browser's ``PushSubscription.toJSON()`` gives."""

    endpoint: Annotated[str, msgspec.Meta(min_length=1, max_length=2048)]
    keys: SubscriptionKeys
    expirationTime: int | None = None


class SubscriptionOut(msgspec.Struct):
    id: uuid.UUID
    #: Scheme and host only: the full endpoint is a device secret.
    push_service: str
    created_at: datetime
    last_sent_at: datetime | None


class QuietHoursIO(msgspec.Struct, forbid_unknown_fields=True):
    start: Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    end: Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    time_zone: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class PreferencesOut(msgspec.Struct):
    #: Per kind: whether a push is sent (the inbox item is always made).
    push: dict[str, bool]
    quiet_hours: QuietHoursIO


class PreferencesIn(msgspec.Struct, forbid_unknown_fields=True):
    push: Annotated[dict[str, bool], msgspec.Meta(max_length=64)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    quiet_hours: QuietHoursIO | msgspec.UnsetType = msgspec.UNSET
