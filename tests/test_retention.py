# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Retention prunes expired bookkeeping rows, and nothing else, on both databases."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import make_settings
from welkom.auth.models import Account, AuthAttempt, AuthSession, OidcLogin
from welkom.core.idempotency_models import IdempotencyRecord
from welkom.core.models import utcnow
from welkom.municipalities import service as municipalities
from welkom.notifications.models import InboxItem, PushDelivery
from welkom.notifications.service import PUSH_KIND
from welkom.outbox.models import OutboxEntry
from welkom.retention.service import prune

pytestmark = pytest.mark.time_dependent

NOW = utcnow()
OLD = NOW - timedelta(days=400)
RECENT = NOW - timedelta(hours=1)


async def _ids(db: AsyncSession, model: type) -> set[uuid.UUID]:
    return set((await db.execute(select(model.id))).scalars())


async def test_prunes_what_expired_and_keeps_the_rest(db: AsyncSession, database_url: str) -> None:
    town = municipalities.new("0363", "Amsterdam", "002564440")
    db.add(town)
    await db.flush()
    account = Account(municipality_id=town.id, roles=["resident"], display_name="A")
    db.add(account)
    await db.flush()

    def idem(at, key):  # type: ignore[no-untyped-def]
        return IdempotencyRecord(
            scope="s",
            key=key,
            request_hash="h",
            response_status=201,
            response_body={},
            created_at=at,
        )

    def session(expires, revoked=None):  # type: ignore[no-untyped-def]
        return AuthSession(
            account_id=account.id,
            token_hash=uuid.uuid4().hex,
            created_at=OLD,
            last_seen_at=OLD,
            expires_at=expires,
            revoked_at=revoked,
        )

    def oidc(expires):  # type: ignore[no-untyped-def]
        return OidcLogin(
            provider="p",
            state_hash=uuid.uuid4().hex,
            browser_hash="b",
            nonce="n",
            code_verifier="v",
            return_to="/",
            created_at=expires - timedelta(minutes=10),
            expires_at=expires,
        )

    def inbox(read_at):  # type: ignore[no-untyped-def]
        return InboxItem(
            municipality_id=town.id,
            account_id=account.id,
            kind="question_answered",
            reference_id=uuid.uuid4(),
            created_at=OLD,
            read_at=read_at,
        )

    keep: list[object] = []
    gone: list[object] = []
    gone += [idem(OLD, "old"), AuthAttempt(kind="activation", client_hash="c", created_at=OLD)]
    keep += [
        idem(RECENT, "new"),
        AuthAttempt(kind="activation", client_hash="c", created_at=RECENT),
    ]
    gone += [session(OLD), session(NOW + timedelta(days=1), revoked=OLD), oidc(OLD)]
    keep += [session(NOW + timedelta(days=1)), session(RECENT), oidc(NOW + timedelta(minutes=5))]

    read_old, read_recent, unread = inbox(OLD), inbox(RECENT), inbox(None)
    read_old_parked = inbox(OLD)  # its push is parked: a person must still look at it
    gone.append(read_old)
    keep += [read_recent, unread, read_old_parked]
    db.add_all([*gone, *keep])
    await db.flush()

    sent = PushDelivery(
        municipality_id=town.id,
        notification_id=read_old.id,
        subscription_id=uuid.uuid4(),
        state="sent",
        created_at=OLD,
        finished_at=OLD,
    )
    parked = PushDelivery(
        municipality_id=town.id,
        notification_id=read_old_parked.id,
        subscription_id=uuid.uuid4(),
        state="parked",
        created_at=OLD,
        finished_at=OLD,
    )
    fresh = PushDelivery(
        municipality_id=town.id,
        notification_id=read_recent.id,
        subscription_id=uuid.uuid4(),
        state="sent",
        created_at=RECENT,
        finished_at=RECENT,
    )
    db.add_all([sent, parked, fresh])
    await db.flush()

    def outbox(kind, reference, state, delivered_at):  # type: ignore[no-untyped-def]
        return OutboxEntry(
            municipality_id=town.id,
            kind=kind,
            reference=reference,
            state=state,
            delivered_at=delivered_at,
        )

    push_done = outbox(PUSH_KIND, sent.id, "delivered", OLD)
    push_fresh = outbox(PUSH_KIND, fresh.id, "delivered", RECENT)
    push_parked = outbox(PUSH_KIND, parked.id, "parked", None)
    registration = outbox("cases.register_interaction", uuid.uuid4(), "delivered", OLD)
    db.add_all([push_done, push_fresh, push_parked, registration])
    await db.commit()
    gone += [sent, push_done]
    keep += [parked, fresh, push_fresh, push_parked, registration]
    gone_ids = {row.id for row in gone}  # type: ignore[attr-defined]
    keep_ids = {row.id for row in keep}  # type: ignore[attr-defined]

    pruned = await prune(db, make_settings(database_url), now=NOW)

    assert pruned == {
        "idempotency_record": 1,
        "auth_attempt": 1,
        "auth_session": 2,
        "oidc_login": 1,
        "outbox_entry(push)": 1,
        "push_delivery": 1,
        "notification": 1,
    }
    left: set[uuid.UUID] = set()
    for model in (
        IdempotencyRecord,
        AuthAttempt,
        AuthSession,
        OidcLogin,
        InboxItem,
        PushDelivery,
        OutboxEntry,
    ):
        left |= await _ids(db, model)
    assert keep_ids <= left
    assert not gone_ids & left
    # Pruning again finds nothing: it is idempotent.
    assert set((await prune(db, make_settings(database_url), now=NOW)).values()) == {0}


async def test_prunes_a_backlog_in_batches(db: AsyncSession, database_url: str) -> None:
    db.add_all(
        IdempotencyRecord(
            scope="s",
            key=str(n),
            request_hash="h",
            response_status=201,
            response_body={},
            created_at=OLD,
        )
        for n in range(2500)
    )
    await db.commit()
    pruned = await prune(db, make_settings(database_url), now=NOW)
    assert pruned["idempotency_record"] == 2500
    assert (await db.execute(select(func.count(IdempotencyRecord.id)))).scalar_one() == 0
