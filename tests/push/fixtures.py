# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Helpers shared by the notification tests (fixtures stay in the test modules and use these)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import MakeHandlers, make_settings
from tests.push.service import PushService
from welkom.auth.models import Account
from welkom.core.database import session_factory
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.notifications import service as notifications
from welkom.notifications import vapid
from welkom.notifications.push import PushHandler
from welkom.outbox.worker import OutboxWorker

SUBSCRIPTIONS = "/api/v1/me/push-subscriptions"
INBOX = "/api/v1/me/notifications"
PREFERENCES = "/api/v1/me/notification-preferences"


def push_settings(database_url: str, key_dir: Path, **overrides: object) -> Settings:
    """Test settings with a fresh VAPID key, the loopback push service allowed, and no
    default quiet hours (tests run at any hour; quiet-hour tests set their own)."""
    path = key_dir / "vapid_private_key.pem"
    if not path.exists():
        vapid.generate(path)
    values: dict[str, object] = {
        "vapid_private_key_file": path,
        "push_allow_insecure_endpoints": True,
        "push_allowed_hosts": ["127.0.0.1"],
        "push_default_quiet_hours": "00:00-00:00",
    }
    return make_settings(database_url, **(values | overrides))


def push_worker(
    make_handlers: MakeHandlers,
    engine: AsyncEngine,
    settings: Settings,
    clock: Callable[[], datetime] = utcnow,
) -> OutboxWorker:
    """A worker for every outbox kind, pushes included, on the given clock."""
    sessions = session_factory(engine)
    handlers = make_handlers(sessions, settings)
    handlers[notifications.PUSH_KIND] = PushHandler(sessions, settings, clock=clock)
    return OutboxWorker(sessions, handlers, settings, clock=clock)


async def account_id(db: AsyncSession, demo_login: str) -> uuid.UUID:
    return (
        await db.execute(select(Account.id).where(Account.demo_login == demo_login))
    ).scalar_one()


async def notify(
    db: AsyncSession, demo_login: str, kind: str, reference_id: uuid.UUID | None = None
) -> uuid.UUID:
    """Notify a demo account the way another domain would: in a transaction it commits."""
    account = await db.get(Account, await account_id(db, demo_login))
    assert account is not None
    item = await notifications.notify(
        db,
        municipality_id=account.municipality_id,
        recipient_account_id=account.id,
        kind=kind,
        reference_id=reference_id or uuid.uuid4(),
    )
    await db.commit()
    return item.id


@contextmanager
def running_push_service(settings: Settings) -> Iterator[PushService]:
    """The loopback push service, knowing the VAPID key of ``settings``, for one test."""
    keys = vapid.load(settings)
    assert keys is not None
    service = PushService(application_server_key=keys.public_key).start()
    try:
        yield service
    finally:
        service.stop()
