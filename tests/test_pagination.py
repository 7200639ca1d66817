# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Keyset paging (core/pagination.py), the one implementation every list uses: pages over rows
that share an instant neither skip nor repeat a row, in both orders, and a bad cursor is a 400
problem before anything is read."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.auth.models import Account
from welkom.core.pagination import cut, encode_cursor, keyset_page
from welkom.core.problems import Problem
from welkom.notifications.models import InboxItem

T0 = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


async def _items(db: AsyncSession) -> list[InboxItem]:
    """Nine items of one account: three instants shared by several items, ids in random order."""
    account = (await db.execute(select(Account).limit(1))).scalar_one()
    offsets = [0, 0, 0, 1, 2, 2, 3, 3, 3]
    items = [
        InboxItem(
            municipality_id=account.municipality_id,
            account_id=account.id,
            kind="question.registered",
            reference_id=uuid.uuid4(),
            created_at=T0 + timedelta(minutes=minutes),
        )
        for minutes in offsets
    ]
    db.add_all(items)
    await db.commit()
    return items


async def _walk(db: AsyncSession, account_id: uuid.UUID, *, newest_first: bool) -> list[uuid.UUID]:
    query = select(InboxItem).where(InboxItem.account_id == account_id)
    seen: list[uuid.UUID] = []
    cursor: str | None = None
    while True:
        page, cursor = await keyset_page(
            db,
            query,
            InboxItem.created_at,
            InboxItem.id,
            cursor=cursor,
            limit=2,
            newest_first=newest_first,
        )
        assert len(page) <= 2
        seen += [item.id for item in page]
        if cursor is None:
            return seen


@pytest.mark.parametrize("newest_first", [True, False])
async def test_pages_cover_every_row_once_in_order(
    db: AsyncSession, seeded: None, newest_first: bool
) -> None:
    items = await _items(db)
    account_id = items[0].account_id
    before = {
        i.id
        for i in (await db.execute(select(InboxItem).where(InboxItem.account_id == account_id)))
        .scalars()
        .all()
    } - {i.id for i in items}
    assert not before, "the seed gave this account inbox items; pick a quiet table"
    expected = sorted(items, key=lambda i: (i.created_at, i.id), reverse=newest_first)
    assert await _walk(db, account_id, newest_first=newest_first) == [i.id for i in expected]


async def test_a_cursor_past_the_last_row_gives_an_empty_last_page(
    db: AsyncSession, seeded: None
) -> None:
    items = await _items(db)
    past = encode_cursor(T0 - timedelta(days=1), uuid.UUID(int=0))
    page, cursor = await keyset_page(
        db,
        select(InboxItem).where(InboxItem.account_id == items[0].account_id),
        InboxItem.created_at,
        InboxItem.id,
        cursor=past,
        limit=5,
    )
    assert (page, cursor) == ([], None)


@pytest.mark.parametrize("cursor", ["not base64!", "WzEsMl0", "eyJhIjogMX0"])
async def test_a_bad_cursor_is_a_400_problem(db: AsyncSession, cursor: str) -> None:
    with pytest.raises(Problem) as refused:
        await keyset_page(
            db, select(InboxItem), InboxItem.created_at, InboxItem.id, cursor=cursor, limit=5
        )
    assert refused.value.status_code == 400


def test_cut_names_the_next_page_only_when_there_is_one() -> None:
    rows = [(T0 + timedelta(minutes=m), uuid.UUID(int=m)) for m in range(3)]
    assert cut(rows, 3, lambda r: r) == (rows, None)
    page, cursor = cut(rows, 2, lambda r: r)
    assert page == rows[:2]
    assert cursor == encode_cursor(*rows[1])
    assert cut([], 2, lambda r: r) == ([], None)
