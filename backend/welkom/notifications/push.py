# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Sending one push (RFC 8030/8291/8292 through pywebpush) as an outbox handler.

The payload is ``{"kind": …, "id": <inbox item id>}`` and nothing else: the PWA's service worker
wakes, fetches ``/api/v1/me/notifications`` with the person's session and shows the text in
their language. What a push service answers decides what happens:

- 2xx: sent; 404/410: the subscription is gone, so it is removed (no retry);
- an endpoint that no longer passes :func:`~welkom.notifications.service.endpoint_errors`
  (stored before the parser was strict) or that the HTTP client cannot parse: removed;
- 429, 5xx, timeouts, connection errors: retried with the outbox's backoff, up to
  ``WELKOM_PUSH_MAX_ATTEMPTS`` tries; then the push is given up (``failed``);
- other 4xx (bad VAPID, payload refused): parked for a person to look at.

A subscription whose last ``WELKOM_PUSH_MAX_FAILURES`` pushes all failed (parked or given up)
is removed, so a device that is gone for good stops costing deliveries.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from welkom.core.metrics import record_push
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.notifications import kinds, service, vapid
from welkom.notifications.models import PushDeliveryState
from welkom.notifications.quiet import quiet_until
from welkom.outbox.models import OutboxEntry
from welkom.outbox.worker import Completion, DeferDelivery, PermanentDeliveryError

log = structlog.get_logger("welkom.notifications")

#: RFC 8291 §4: a 4096-byte record leaves 3993 bytes for the plaintext.
MAX_PLAINTEXT_BYTES = 3993
#: What push services allow in a record (and the test push service enforces).
MAX_RECORD_BYTES = 4096


class PushServiceUnavailable(Exception):
    """429, 5xx or a network failure: try again later (the outbox backs off)."""


class PushRefused(PermanentDeliveryError):
    """The push service or the subscription's keys refused this device's push: park it, and
    count it against the subscription."""


def encode_payload(kind: str, item_id: object) -> bytes:
    """The push payload: only the kind and the opaque inbox item id."""
    payload = json.dumps({"kind": kind, "id": str(item_id)}, separators=(",", ":")).encode()
    if len(payload) > MAX_PLAINTEXT_BYTES:
        raise ValueError(f"push payload of {len(payload)} bytes exceeds {MAX_PLAINTEXT_BYTES}")
    return payload


class PushHandler:
    """Outbox handler for :data:`welkom.notifications.service.PUSH_KIND`."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        settings: Settings,
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.session_factory, self.settings, self.clock = session_factory, settings, clock

    async def deliver(self, entry: OutboxEntry) -> Completion:
        async with self.session_factory() as db:
            job = await service.push_job(db, entry.reference, self.settings)
        if job is None:  # erased together with its inbox item: nothing to send to anyone
            return _nothing
        subscription = job.subscription
        if subscription is None or not job.allowed:
            # Unsubscribed, removed after a 410, or push for this kind declined since.
            return _finish(job.delivery_id, PushDeliveryState.dropped)
        if service.endpoint_errors(subscription.endpoint, self.settings):
            return self._invalid_endpoint(job.delivery_id, subscription.id)
        if until := quiet_until(self.clock(), job.window):
            raise DeferDelivery(until)
        keys = vapid.load(self.settings)
        if keys is None:
            record_push("unsendable")
            raise PermanentDeliveryError("push is not configured: no VAPID key")
        kind = kinds.get(job.kind)
        # Loaded by the first push, not when the app starts: pywebpush with aiohttp and requests
        # takes ~11 MB in every API process.
        import aiohttp
        from pywebpush import WebPushException, webpush_async

        try:
            await webpush_async(
                subscription_info={
                    "endpoint": subscription.endpoint,
                    "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
                },
                data=encode_payload(kind.name, job.item_id),
                vapid_private_key=keys.signer(),
                vapid_claims={"sub": self.settings.push.vapid_subject},
                content_encoding="aes128gcm",
                ttl=kind.ttl,
                # Topic: a resend of the same delivery replaces one still waiting at the push
                # service instead of arriving twice (RFC 8030 §5.4).
                headers={"Urgency": kind.urgency, "Topic": job.delivery_id.hex},
                timeout=aiohttp.ClientTimeout(total=self.settings.push.timeout_seconds),
            )
        except WebPushException as exc:
            status = exc.status_code
            if status in (404, 410):
                record_push("gone")
                log.info("push_subscription_gone", delivery=str(job.delivery_id), status=status)
                return _finish(
                    job.delivery_id, PushDeliveryState.dropped, remove_subscription=subscription.id
                )
            if status is None:  # nothing was sent: the subscription's keys are unusable
                record_push("unsendable")
                raise PushRefused("push could not be encrypted") from None
            if status == 429 or status >= 500:
                if entry.attempts >= self.settings.push.max_attempts:
                    return self._given_up(job.delivery_id)
                record_push("retry")
                if status == 429 and (delay := _retry_after_seconds(exc.retry_after)):
                    raise DeferDelivery(self.clock() + timedelta(seconds=delay)) from None
                raise PushServiceUnavailable(f"push service answered {status}") from None
            record_push("rejected")
            raise PushRefused(f"push service refused with {status}") from None
        except aiohttp.InvalidURL:
            return self._invalid_endpoint(job.delivery_id, subscription.id)
        except (aiohttp.ClientError, TimeoutError) as exc:
            if entry.attempts >= self.settings.push.max_attempts:
                return self._given_up(job.delivery_id)
            record_push("retry")
            raise PushServiceUnavailable(type(exc).__name__) from None
        record_push("sent")

        async def record(db: AsyncSession) -> None:
            await service.record_sent(db, job.delivery_id, subscription.id)

        return record

    async def parked(self, db: AsyncSession, entry: OutboxEntry, error: str) -> None:
        await service.finish_delivery(db, entry.reference, PushDeliveryState.parked)
        if error.startswith(f"{PushRefused.__name__}:"):  # the device's fault, not the server's
            await self._count_failure(db, entry.reference)

    def _invalid_endpoint(self, delivery_id: uuid.UUID, subscription_id: uuid.UUID) -> Completion:
        """An endpoint no push can ever reach: drop the push and remove the subscription."""
        record_push("invalid")
        log.info("push_endpoint_invalid", delivery=str(delivery_id))
        return _finish(delivery_id, PushDeliveryState.dropped, remove_subscription=subscription_id)

    def _given_up(self, delivery_id: uuid.UUID) -> Completion:
        """The last allowed try failed: the push is not retried again."""
        record_push("given_up")
        log.info("push_given_up", delivery=str(delivery_id))

        async def record(db: AsyncSession) -> None:
            await service.finish_delivery(db, delivery_id, PushDeliveryState.failed)
            await self._count_failure(db, delivery_id)

        return record

    async def _count_failure(self, db: AsyncSession, delivery_id: uuid.UUID) -> None:
        if await service.forget_failing_subscription(
            db, delivery_id, self.settings.push.max_failures
        ):
            record_push("removed")
            log.info("push_subscription_removed", delivery=str(delivery_id))


async def _nothing(db: AsyncSession) -> None:
    return None


def _retry_after_seconds(value: str | None) -> int | None:
    """A ``Retry-After`` in seconds (up to a day); None for dates or nonsense (use backoff)."""
    if value and value.strip().isdigit():
        return min(int(value), 24 * 3600) or None
    return None


def _finish(delivery_id, state: PushDeliveryState, **kwargs) -> Completion:  # type: ignore[no-untyped-def]
    async def record(db: AsyncSession) -> None:
        await service.finish_delivery(db, delivery_id, state, **kwargs)

    return record
