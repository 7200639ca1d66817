# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import uuid
from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.params import FromPath, JSONBody, QueryParameter

from welkom.core.deps import AppSettings, DbSession
from welkom.core.guards import Caller, public, signed_in
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
        summary="Read the push public key",
        guards=[public],
        description="The VAPID application server key for `PushManager.subscribe()` "
        "(base64url). 503 `push-unavailable` when this installation has no push keys.",
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
        summary="List your notifications",
        description="The inbox, newest first, in the caller's language; with the unread count.",
    )
    async def list_notifications(
        self,
        request: Request[Any, Any, Any],
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 20,
        unread_only: Annotated[bool, QueryParameter(name="unread")] = False,
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

    @get(
        "/{item_id:uuid}",
        operation_id="getNotification",
        summary="Read a notification",
        description="One item of your inbox, in your language. Another account's item answers 404.",
    )
    async def get_notification(
        self,
        request: Request[Any, Any, Any],
        db: DbSession,
        principal: Caller,
        item_id: FromPath[uuid.UUID],
    ) -> Response[NotificationOut]:
        language = request_language(request)
        item = await service.get_item(db, principal.account_id, item_id)
        return Response(
            service.render(item, language),
            headers={"Content-Language": language, "Cache-Control": "no-store"},
        )

    @post(
        "/{item_id:uuid}/read",
        operation_id="markNotificationRead",
        summary="Mark a notification read",
        description="Mark one item of your inbox read (again: no change) and answer it. Another "
        "account's item answers 404.",
        status_code=200,
    )
    async def mark_read(
        self,
        request: Request[Any, Any, Any],
        db: DbSession,
        principal: Caller,
        item_id: FromPath[uuid.UUID],
    ) -> NotificationOut:
        item = await service.mark_read(db, principal.account_id, item_id)
        return service.render(item, request_language(request))

    @post(
        "/read-all",
        operation_id="markAllNotificationsRead",
        summary="Mark all notifications read",
        description="Mark every item of your inbox read; answers the unread count (0).",
        status_code=200,
    )
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
        summary="Register this device for push",
        description="Register this device's `PushSubscription.toJSON()`. Idempotent by endpoint: "
        "sending it again (with or without an `Idempotency-Key`) answers 200 with the same "
        "subscription. 503 `push-unavailable` when this installation has no push keys.",
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

    @get(
        "/",
        operation_id="listPushSubscriptions",
        summary="List your push subscriptions",
        description="The devices that receive your push notifications: only the push service's "
        "host (the full endpoint is a device secret), when it was registered and last used.",
    )
    async def list_subscriptions(self, db: DbSession, principal: Caller) -> list[SubscriptionOut]:
        return [
            service.subscription_out(s)
            for s in await service.subscriptions(db, principal.account_id)
        ]

    @delete(
        "/{subscription_id:uuid}",
        operation_id="deletePushSubscription",
        summary="Remove a push subscription",
        description="That device stops receiving push notifications. One that is not yours or "
        "already gone answers 404.",
        status_code=204,
    )
    async def unsubscribe(
        self, db: DbSession, principal: Caller, subscription_id: FromPath[uuid.UUID]
    ) -> None:
        await service.unsubscribe(db, principal.account_id, subscription_id)


class PreferencesController(Controller):
    path = "/api/v1/me/notification-preferences"
    tags = ["notifications"]
    guards = [signed_in]

    @get(
        "/",
        operation_id="getNotificationPreferences",
        summary="Read your notification preferences",
        description="Per kind of notification whether a push is sent (the inbox item is always "
        "made), and your quiet hours with their time zone (the defaults until you change them).",
    )
    async def get_preferences(
        self, db: DbSession, settings: AppSettings, principal: Caller
    ) -> PreferencesOut:
        return await service.preferences(db, principal.account_id, settings)

    @patch(
        "/",
        operation_id="updateNotificationPreferences",
        summary="Change your notification preferences",
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
