# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The notification rules: the inbox, push subscriptions and per-person push choices.

Other domains call :func:`notify` inside their own transaction; the rest serves the routes and
the push handler.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, time
from urllib.parse import urlsplit

import msgspec
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.auth import service as accounts
from welkom.auth.models import Account
from welkom.core import events, quotas
from welkom.core.database import rows_changed
from welkom.core.i18n import N_, gettext, translation_state
from welkom.core.models import utcnow
from welkom.core.pagination import Page, keyset_page
from welkom.core.problems import FieldError, Problem
from welkom.core.quotas import Quota
from welkom.core.settings import Settings
from welkom.notifications import kinds
from welkom.notifications.models import (
    InboxItem,
    PushDelivery,
    PushDeliveryState,
    PushPreference,
    PushSubscription,
    QuietHours,
)
from welkom.notifications.quiet import QuietWindow, is_time_zone
from welkom.notifications.schemas import (
    NotificationOut,
    PreferencesIn,
    PreferencesOut,
    QuietHoursIO,
    SubscriptionIn,
    SubscriptionKeys,
    SubscriptionOut,
)
from welkom.notifications.vapid import b64url_decode
from welkom.outbox import service as outbox

#: The outbox kind of one push to one device (reference: a PushDelivery id).
PUSH_KIND = "notifications.push"
#: The most devices one notification is pushed to (the newest ones), whatever was registered
#: before ``WELKOM_QUOTA_PUSH_DEVICES_PER_ACCOUNT`` (at most this) was in force.
MAX_PUSH_DEVICES = 10


# --- the contract for other domains ------------------------------------------------------


async def notify(
    db: AsyncSession,
    *,
    municipality_id: uuid.UUID,
    recipient_account_id: uuid.UUID,
    kind: str,
    reference_id: uuid.UUID,
    now: datetime | None = None,
) -> InboxItem:
    """Put an inbox item for ``recipient_account_id`` in the caller's transaction, and one push
    per device the recipient registered (if they allow push for ``kind``), each as an outbox
    entry. Nothing is sent before the caller commits; a rollback leaves no trace.

    Quiet hours are applied when the push is due (the handler defers it to the morning), so a
    caller needs no settings. Raises ``ValueError`` for an unknown kind or a recipient outside
    ``municipality_id``.
    """
    kinds.get(kind)
    account = await db.get(Account, recipient_account_id)
    if account is None or account.municipality_id != municipality_id:
        raise ValueError("the recipient is not an account of this municipality")
    item = InboxItem(
        municipality_id=municipality_id,
        account_id=recipient_account_id,
        kind=kind,
        reference_id=reference_id,
        created_at=now or utcnow(),
    )
    db.add(item)
    await db.flush()
    if not await push_allowed(db, recipient_account_id, kind):
        return item
    subscriptions = (
        await db.execute(
            select(col(PushSubscription.id))
            .where(
                col(PushSubscription.account_id) == recipient_account_id,
                col(PushSubscription.municipality_id) == municipality_id,
            )
            .order_by(col(PushSubscription.created_at).desc(), col(PushSubscription.id))
            .limit(MAX_PUSH_DEVICES)
        )
    ).scalars()
    for subscription_id in subscriptions:
        delivery = PushDelivery(
            municipality_id=municipality_id,
            notification_id=item.id,
            subscription_id=subscription_id,
        )
        db.add(delivery)
        outbox.enqueue(
            db,
            kind=PUSH_KIND,
            municipality_id=municipality_id,
            reference=delivery.id,
        )
    return item


async def notify_resident(
    db: AsyncSession,
    *,
    municipality_id: uuid.UUID,
    resident_id: uuid.UUID,
    kind: str,
    reference_id: uuid.UUID,
) -> InboxItem | None:
    """:func:`notify` the account ``resident_id`` signs in with; None (nothing stored) while
    the resident has not activated one: there is nobody to read it."""
    account_id = await accounts.account_id_for_resident(db, resident_id)
    if account_id is None:
        return None
    return await notify(
        db,
        municipality_id=municipality_id,
        recipient_account_id=account_id,
        kind=kind,
        reference_id=reference_id,
    )


async def _on_resident_event(db: AsyncSession, event: events.ResidentEvent) -> None:
    """Events announced by domains that may not import this package (volunteers)."""
    await notify_resident(
        db,
        municipality_id=event.municipality_id,
        resident_id=event.resident_id,
        kind=event.kind,
        reference_id=event.reference_id,
    )


events.listen(_on_resident_event)


async def push_allowed(db: AsyncSession, account_id: uuid.UUID, kind: str) -> bool:
    """Whether ``account_id`` wants push for ``kind`` (default: yes, once they subscribed).

    The one place this choice is read: it moves to the consent ledger's "receive push
    notifications" purpose when that lands.
    """
    allowed = (
        await db.execute(
            select(col(PushPreference.allowed)).where(
                col(PushPreference.account_id) == account_id, col(PushPreference.kind) == kind
            )
        )
    ).scalar_one_or_none()
    return allowed is not False


# --- the inbox ---------------------------------------------------------------------------


def render(item: InboxItem, language: str) -> NotificationOut:
    kind = kinds.get(item.kind)
    return NotificationOut(
        id=item.id,
        kind=item.kind,
        reference_id=item.reference_id,
        title=gettext(kind.title, language),
        body=gettext(kind.body, language),
        language=language,
        translation_state=translation_state(language, kind.title, kind.body),
        created_at=item.created_at,
        read_at=item.read_at,
    )


async def inbox(
    db: AsyncSession,
    account_id: uuid.UUID,
    language: str,
    *,
    cursor: str | None,
    limit: int,
    unread_only: bool = False,
) -> Page[NotificationOut]:
    """The account's inbox, newest first, in ``language``."""
    query = select(InboxItem).where(col(InboxItem.account_id) == account_id)
    if unread_only:
        query = query.where(col(InboxItem.read_at).is_(None))
    rows, next_cursor = await keyset_page(
        db, query, col(InboxItem.created_at), col(InboxItem.id), cursor=cursor, limit=limit
    )
    return Page(items=[render(row, language) for row in rows], next_cursor=next_cursor)


async def unread_count(db: AsyncSession, account_id: uuid.UUID) -> int:
    return (
        await db.execute(
            select(func.count())
            .select_from(InboxItem)
            .where(col(InboxItem.account_id) == account_id, col(InboxItem.read_at).is_(None))
        )
    ).scalar_one()


async def get_item(db: AsyncSession, account_id: uuid.UUID, item_id: uuid.UUID) -> InboxItem:
    item = await db.get(InboxItem, item_id)
    if item is None or item.account_id != account_id:
        raise Problem.not_found()
    return item


async def mark_read(db: AsyncSession, account_id: uuid.UUID, item_id: uuid.UUID) -> InboxItem:
    """Mark one item read (again: no change). Another account's item is 404."""
    item = await get_item(db, account_id, item_id)
    if item.read_at is None:
        item.read_at = utcnow()
    return item


async def mark_all_read(db: AsyncSession, account_id: uuid.UUID) -> None:
    await db.execute(
        update(InboxItem)
        .where(col(InboxItem.account_id) == account_id, col(InboxItem.read_at).is_(None))
        .values(read_at=utcnow())
    )


# --- push subscriptions ------------------------------------------------------------------


def _endpoint_hash(endpoint: str) -> str:
    return hashlib.sha256(endpoint.encode()).hexdigest()


def push_service_of(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}"


#: One DNS label, what ``*`` in an allowed push host stands for.
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
#: Printable ASCII without space and backslash: what a push service's URL is made of.
_URL_CHARS = re.compile(r"[!-\[\]-~]+")
#: Percent-escapes of path separators, dots and NUL, which a server might decode and act on.
_ENCODED_SEPARATOR = re.compile(r"%(2f|5c|2e|00)", re.IGNORECASE)


def _host_allowed(host: str, allowed: list[str]) -> bool:
    """``host`` is exactly one of ``allowed``; ``*.example.org`` allows one label before it."""
    for entry in (a.lower() for a in allowed):
        if entry.startswith("*."):
            label, dot, rest = host.partition(".")
            if dot and rest == entry[2:] and _LABEL.fullmatch(label):
                return True
        elif host == entry:
            return True
    return False


def endpoint_errors(endpoint: str, settings: Settings) -> list[FieldError]:
    """Field errors for a push endpoint that is not exactly an allowed push service's URL.

    Accepted: ``https://<allowed host><path>[?query]`` in printable ASCII, without userinfo,
    port, fragment, backslashes, spaces, percent-encoded separators or dot segments, the host
    written in lower case as listed in ``WELKOM_PUSH_ALLOWED_HOSTS``. Only with
    ``WELKOM_PUSH_ALLOW_INSECURE_ENDPOINTS`` (tests): ``http://`` and a port on loopback.
    """
    malformed = [FieldError("endpoint", N_("This is not a push service address."))]
    if not _URL_CHARS.fullmatch(endpoint) or _ENCODED_SEPARATOR.search(endpoint):
        return malformed
    try:
        parts = urlsplit(endpoint)
        port = parts.port
    except ValueError:
        return malformed
    host = parts.hostname or ""
    insecure = settings.push.allow_insecure_endpoints
    schemes = ("https", "http") if insecure else ("https",)
    segments = parts.path.split("/")
    if (
        parts.scheme not in schemes
        or not host
        or "@" in parts.netloc
        or parts.fragment
        or "#" in endpoint
        or not parts.path.startswith("/")
        or "." in segments
        or ".." in segments
    ):
        return malformed
    if parts.netloc != (host if port is None else f"{host}:{port}"):
        return malformed  # upper case, a trailing colon, brackets: not how push services write it
    if not _host_allowed(host, settings.push.allowed_hosts):
        return [FieldError("endpoint", N_("This push service is not supported."))]
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is None and parts.scheme == "https" and port is None:
        return []
    if address is None or not address.is_loopback or not insecure:
        return [FieldError("endpoint", N_("This push service is not supported."))]
    return []


def _key_errors(keys: SubscriptionKeys) -> list[FieldError]:
    errors = []
    try:
        point = b64url_decode(keys.p256dh)
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
        if len(point) != 65:
            raise ValueError("not an uncompressed point")
    except (ValueError, TypeError):
        errors.append(FieldError("keys.p256dh", N_("This key is not valid.")))
    try:
        if len(b64url_decode(keys.auth)) != 16:
            raise ValueError("auth secret is 16 bytes")
    except (ValueError, TypeError):
        errors.append(FieldError("keys.auth", N_("This key is not valid.")))
    return errors


def subscription_out(subscription: PushSubscription) -> SubscriptionOut:
    return SubscriptionOut(
        id=subscription.id,
        push_service=push_service_of(subscription.endpoint),
        created_at=subscription.created_at,
        last_sent_at=subscription.last_sent_at,
    )


async def subscribe(
    db: AsyncSession,
    settings: Settings,
    *,
    account_id: uuid.UUID,
    municipality_id: uuid.UUID,
    data: SubscriptionIn,
) -> tuple[PushSubscription, bool]:
    """Register a device (idempotent by endpoint); returns (subscription, created).

    An endpoint registered before by another account moves to this one: the endpoint belongs
    to the device, and the device is now signed in as this account.
    """
    errors = endpoint_errors(data.endpoint, settings) + _key_errors(data.keys)
    if errors:
        raise Problem.validation(errors)
    endpoint_hash = _endpoint_hash(data.endpoint)
    existing = (
        await db.execute(
            select(PushSubscription).where(col(PushSubscription.endpoint_hash) == endpoint_hash)
        )
    ).scalar_one_or_none()
    if existing is not None and existing.account_id == account_id:
        if (existing.p256dh, existing.auth) != (data.keys.p256dh, data.keys.auth):
            existing.p256dh, existing.auth = data.keys.p256dh, data.keys.auth
        return existing, False
    devices = (
        await db.execute(select(func.count()).where(col(PushSubscription.account_id) == account_id))
    ).scalar_one()
    quotas.enforce(
        Quota.push_devices, quotas.Usage(devices), settings.quota.push_devices_per_account
    )
    if existing is not None:
        await db.delete(existing)
        await db.flush()
    subscription = PushSubscription(
        municipality_id=municipality_id,
        account_id=account_id,
        endpoint=data.endpoint,
        endpoint_hash=endpoint_hash,
        p256dh=data.keys.p256dh,
        auth=data.keys.auth,
    )
    db.add(subscription)
    try:
        await db.flush()
    except IntegrityError:
        # The same device registered concurrently (a resend): answer with that registration.
        await db.rollback()
        again = (
            await db.execute(
                select(PushSubscription).where(
                    col(PushSubscription.endpoint_hash) == endpoint_hash,
                    col(PushSubscription.account_id) == account_id,
                )
            )
        ).scalar_one_or_none()
        if again is None:
            raise
        return again, False
    return subscription, True


async def subscriptions(db: AsyncSession, account_id: uuid.UUID) -> list[PushSubscription]:
    return list(
        (
            await db.execute(
                select(PushSubscription)
                .where(col(PushSubscription.account_id) == account_id)
                .order_by(col(PushSubscription.created_at))
            )
        ).scalars()
    )


async def unsubscribe(db: AsyncSession, account_id: uuid.UUID, subscription_id: uuid.UUID) -> None:
    deleted = await rows_changed(
        db,
        delete(PushSubscription).where(
            col(PushSubscription.id) == subscription_id,
            col(PushSubscription.account_id) == account_id,
        ),
    )
    if deleted != 1:
        await db.rollback()
        raise Problem.not_found()


# --- preferences -------------------------------------------------------------------------


def default_window(settings: Settings) -> QuietWindow:
    return QuietWindow.parse(settings.push.default_quiet_hours, settings.push.default_time_zone)


async def quiet_window(db: AsyncSession, account_id: uuid.UUID, settings: Settings) -> QuietWindow:
    row = await db.get(QuietHours, account_id)
    if row is None:
        return default_window(settings)
    return QuietWindow(row.start_time, row.end_time, row.time_zone)


async def preferences(
    db: AsyncSession, account_id: uuid.UUID, settings: Settings
) -> PreferencesOut:
    chosen = dict(
        (
            await db.execute(
                select(col(PushPreference.kind), col(PushPreference.allowed)).where(
                    col(PushPreference.account_id) == account_id
                )
            )
        ).all()
    )
    window = await quiet_window(db, account_id, settings)
    return PreferencesOut(
        push={name: chosen.get(name, True) for name in kinds.KINDS},
        quiet_hours=QuietHoursIO(
            start=window.start.strftime("%H:%M"),
            end=window.end.strftime("%H:%M"),
            time_zone=window.time_zone,
        ),
    )


async def update_preferences(
    db: AsyncSession,
    settings: Settings,
    *,
    account_id: uuid.UUID,
    municipality_id: uuid.UUID,
    data: PreferencesIn,
) -> PreferencesOut:
    """Change push choices per kind and/or quiet hours. Bad input changes nothing."""
    errors = []
    push = {} if data.push is msgspec.UNSET else data.push
    errors += [
        FieldError(f"push.{name}", N_("There is no such kind of notification."))
        for name in push
        if name not in kinds.KINDS
    ]
    if data.quiet_hours is not msgspec.UNSET and not is_time_zone(data.quiet_hours.time_zone):
        errors.append(FieldError("quiet_hours.time_zone", N_("This time zone is not known.")))
    if errors:
        raise Problem.validation(errors)
    now = utcnow()
    for name, allowed in push.items():
        row = await db.get(PushPreference, (account_id, name))
        if row is None:
            db.add(
                PushPreference(
                    account_id=account_id,
                    kind=name,
                    municipality_id=municipality_id,
                    allowed=allowed,
                    updated_at=now,
                )
            )
        else:
            row.allowed, row.updated_at = allowed, now
    if data.quiet_hours is not msgspec.UNSET:
        start = time.fromisoformat(data.quiet_hours.start)
        end = time.fromisoformat(data.quiet_hours.end)
        quiet = await db.get(QuietHours, account_id)
        if quiet is None:
            db.add(
                QuietHours(
                    account_id=account_id,
                    municipality_id=municipality_id,
                    start_time=start,
                    end_time=end,
                    time_zone=data.quiet_hours.time_zone,
                    updated_at=now,
                )
            )
        else:
            quiet.start_time, quiet.end_time, quiet.time_zone, quiet.updated_at = (
                start,
                end,
                data.quiet_hours.time_zone,
                now,
            )
    return await preferences(db, account_id, settings)


# --- for the push handler ----------------------------------------------------------------


@dataclass(frozen=True)
class PushJob:
    """Everything one push needs, read before sending (no session is held while sending)."""

    delivery_id: uuid.UUID
    item_id: uuid.UUID
    kind: str
    account_id: uuid.UUID
    subscription: PushSubscription | None
    allowed: bool
    window: QuietWindow


async def push_job(db: AsyncSession, delivery_id: uuid.UUID, settings: Settings) -> PushJob | None:
    """What one push needs; None if the delivery no longer exists (its person was erased)."""
    row = (
        await db.execute(
            select(PushDelivery, InboxItem)
            .join(InboxItem, col(InboxItem.id) == col(PushDelivery.notification_id))
            .where(col(PushDelivery.id) == delivery_id)
        )
    ).one_or_none()
    if row is None:
        return None
    delivery, item = row
    return PushJob(
        delivery_id=delivery.id,
        item_id=item.id,
        kind=item.kind,
        account_id=item.account_id,
        subscription=await db.get(PushSubscription, delivery.subscription_id),
        allowed=await push_allowed(db, item.account_id, item.kind),
        window=await quiet_window(db, item.account_id, settings),
    )


async def finish_delivery(
    db: AsyncSession,
    delivery_id: uuid.UUID,
    state: PushDeliveryState,
    *,
    remove_subscription: uuid.UUID | None = None,
) -> None:
    now = utcnow()
    await db.execute(
        update(PushDelivery)
        .where(col(PushDelivery.id) == delivery_id)
        .values(state=state, finished_at=now)
    )
    if remove_subscription is not None:
        await db.execute(
            delete(PushSubscription).where(col(PushSubscription.id) == remove_subscription)
        )


async def forget_failing_subscription(
    db: AsyncSession, delivery_id: uuid.UUID, max_failures: int
) -> bool:
    """Remove the delivery's subscription once its last ``max_failures`` pushes all failed
    (parked or given up) since one last arrived; returns whether it was removed."""
    subscription_id = (
        await db.execute(
            select(col(PushDelivery.subscription_id)).where(col(PushDelivery.id) == delivery_id)
        )
    ).scalar_one_or_none()
    subscription = (
        await db.get(PushSubscription, subscription_id) if subscription_id is not None else None
    )
    if subscription is None:
        return False
    failed = select(func.count()).where(
        col(PushDelivery.subscription_id) == subscription.id,
        col(PushDelivery.state).in_([PushDeliveryState.parked, PushDeliveryState.failed]),
    )
    if subscription.last_sent_at is not None:
        failed = failed.where(col(PushDelivery.finished_at) >= subscription.last_sent_at)
    if (await db.execute(failed)).scalar_one() < max_failures:
        return False
    await db.execute(delete(PushSubscription).where(col(PushSubscription.id) == subscription.id))
    return True


async def record_sent(db: AsyncSession, delivery_id: uuid.UUID, subscription_id: uuid.UUID) -> None:
    await finish_delivery(db, delivery_id, PushDeliveryState.sent)
    await db.execute(
        update(PushSubscription)
        .where(col(PushSubscription.id) == subscription_id)
        .values(last_sent_at=utcnow())
    )
