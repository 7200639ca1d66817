# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import uuid

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.params import FromPath, JSONBody, QueryParameter

from welkom.auth.guards import Caller, public, signed_in
from welkom.core.deps import AppSettings, DbSession
from welkom.core.i18n import N_
from welkom.core.problems import Problem, request_language
from welkom.notifications import service, vapid
from welkom.notifications.schemas import (
    NotificationOut,
    NotificationPage,
    PreferencesIn,
    PreferencesOut,
    PublicKeyOut,
    SubscriptionIn,
    SubscriptionOut,
    UnreadCount,
)


def push_unavailable() -> Problem:
    return Problem(
        503,
        "push-unavailable",
        N_("Push notifications are not available"),
        N_("This server does not send push notifications. Your messages are in the app."),
    )


class PushPublicKeyController(Controller):
    path = "/api/v1/push/public-key"
    tags = ["notifications"]

    @get(
        "/",
        operation_id="getPushPublicKey",
        guards=[public],
        description="The VAPID application server key for `PushManager.subscribe()` (base64url).",
    )
    async def public_key(self, settings: AppSettings) -> Response[PublicKeyOut]:
        keys = vapid.load(settings)
        if keys is None:
            raise push_unavailable()
        return Response(
            PublicKeyOut(public_key=keys.public_key),
            headers={"Cache-Control": "public, max-age=3600"},
        )


class NotificationController(Controller):
    """Every signed-in account has an inbox (residents, volunteers, staff)."""

    path = "/api/v1/me/notifications"
    tags = ["notifications"]
    guards = [signed_in]

    @get(
        "/",
        operation_id="listNotifications",
        description="The inbox, newest first, in the caller's language; with the unread count.",
    )
    async def list_notifications(
        self,
        request: Request,
        db: DbSession,
        principal: Caller,
        cursor: str | None = QueryParameter(name="cursor", default=None, max_length=200),
        limit: int = QueryParameter(name="limit", default=20, ge=1, le=100),
        unread_only: bool = QueryParameter(name="unread", default=False),
    ) -> Response[NotificationPage]:
        language = request_language(request)
        page = await service.inbox(
            db, principal.account_id, language, cursor=cursor, limit=limit, unread_only=unread_only
        )
        body = NotificationPage(
            items=page.items,
            next_cursor=page.next_cursor,
            unread_count=await service.unread_count(db, principal.account_id),
        )
        return Response(body, headers={"Content-Language": language, "Cache-Control": "no-store"})

    @get("/{item_id:uuid}", operation_id="getNotification")
    async def get_notification(
        self, request: Request, db: DbSession, principal: Caller, item_id: FromPath[uuid.UUID]
    ) -> Response[NotificationOut]:
        language = request_language(request)
        item = await service.get_item(db, principal.account_id, item_id)
        return Response(
            service.render(item, language),
            headers={"Content-Language": language, "Cache-Control": "no-store"},
        )

    @post("/{item_id:uuid}/read", operation_id="markNotificationRead", status_code=200)
    async def mark_read(
        self, request: Request, db: DbSession, principal: Caller, item_id: FromPath[uuid.UUID]
    ) -> NotificationOut:
        item = await service.mark_read(db, principal.account_id, item_id)
        return service.render(item, request_language(request))

    @post("/read-all", operation_id="markAllNotificationsRead", status_code=200)
    async def mark_all_read(self, db: DbSession, principal: Caller) -> UnreadCount:
        await service.mark_all_read(db, principal.account_id)
        return UnreadCount(unread_count=await service.unread_count(db, principal.account_id))


class PushSubscriptionController(Controller):
    path = "/api/v1/me/push-subscriptions"
    tags = ["notifications"]
    guards = [signed_in]

    @post(
        "/",
        operation_id="registerPushSubscription",
        description="Register this device's `PushSubscription.toJSON()`. Idempotent by endpoint: "
        "sending it again (with or without an `Idempotency-Key`) answers 200 with the same "
        "subscription.",
    )
    async def register(
        self,
        data: JSONBody[SubscriptionIn],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
    ) -> Response[SubscriptionOut]:
        if vapid.load(settings) is None:
            raise push_unavailable()
        subscription, created = await service.subscribe(
            db,
            settings,
            account_id=principal.account_id,
            municipality_id=principal.municipality_id,
            data=data,
        )
        return Response(service.subscription_out(subscription), status_code=201 if created else 200)

    @get("/", operation_id="listPushSubscriptions")
    async def list_subscriptions(self, db: DbSession, principal: Caller) -> list[SubscriptionOut]:
        return [
            service.subscription_out(s)
            for s in await service.subscriptions(db, principal.account_id)
        ]

    @delete("/{subscription_id:uuid}", operation_id="deletePushSubscription", status_code=204)
    async def unsubscribe(
        self, db: DbSession, principal: Caller, subscription_id: FromPath[uuid.UUID]
    ) -> None:
        await service.unsubscribe(db, principal.account_id, subscription_id)


class PreferencesController(Controller):
    path = "/api/v1/me/notification-preferences"
    tags = ["notifications"]
    guards = [signed_in]

    @get("/", operation_id="getNotificationPreferences")
    async def get_preferences(
        self, db: DbSession, settings: AppSettings, principal: Caller
    ) -> PreferencesOut:
        return await service.preferences(db, principal.account_id, settings)

    @patch(
        "/",
        operation_id="updateNotificationPreferences",
        description="Choose per kind whether to receive push, and quiet hours in your time zone.",
    )
    async def update_preferences(
        self,
        data: JSONBody[PreferencesIn],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
    ) -> PreferencesOut:
        return await service.update_preferences(
            db,
            settings,
            account_id=principal.account_id,
            municipality_id=principal.municipality_id,
            data=data,
        )


CONTROLLERS = [
    PushPublicKeyController,
    NotificationController,
    PushSubscriptionController,
    PreferencesController,
]
