# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Keyset pagination: opaque cursors over (an instant, an id), and the one way a page is queried.

A page is read with :func:`keyset_page` (or :func:`paged` and :func:`cut` where the rows are not
single entities or the statement is built once): rows after the cursor's position, in the order
of the instant column and then the id, one row more than the page so the next cursor is known
without counting.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

import msgspec
from sqlalchemy import ColumnElement, Select, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.core.dates import parse_instant
from welkom.core.i18n import N_
from welkom.core.problems import FieldError, Problem

T = TypeVar("T")
R = TypeVar("R")


class Page(msgspec.Struct, Generic[T]):
    items: list[T]
    next_cursor: str | None


def encode_cursor(created_at: datetime, item_id: uuid.UUID) -> str:
    raw = json.dumps([created_at.isoformat(), item_id.hex]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    """The (instant, id) a cursor from :func:`encode_cursor` carries; anything else (not
    base64url JSON, another shape, an instant without a time zone or out of range, an id that is
    not hex) is a 400 problem on ``cursor``."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
        if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], str)):
            raise ValueError("not a cursor")
        return parse_instant(value[0], "cursor"), uuid.UUID(hex=value[1])
    except (ValueError, TypeError, binascii.Error, Problem) as exc:
        raise Problem.validation(
            [FieldError("cursor", N_("This cursor is not valid."), source="query")]
        ) from exc


def after(
    key: Any, id_column: Any, position: tuple[Any, Any], *, newest_first: bool
) -> ColumnElement[bool]:
    """Rows beyond ``position`` (an instant and an id, or bind parameters for them) in the
    page order: older ones when the newest come first, newer ones otherwise."""
    at, last_id = position
    if newest_first:
        return or_(key < at, and_(key == at, id_column < last_id))
    return or_(key > at, and_(key == at, id_column > last_id))


def order(key: Any, id_column: Any, *, newest_first: bool) -> tuple[Any, Any]:
    """The page order: by the instant, then the id (unique, so the order is total)."""
    return (key.desc(), id_column.desc()) if newest_first else (key.asc(), id_column.asc())


def paged(
    query: Select[Any],
    key: Any,
    id_column: Any,
    *,
    cursor: str | None,
    limit: int,
    newest_first: bool = True,
) -> Select[Any]:
    """``query`` narrowed to one page: after the cursor, in page order, ``limit + 1`` rows."""
    if cursor:
        query = query.where(after(key, id_column, decode_cursor(cursor), newest_first=newest_first))
    return query.order_by(*order(key, id_column, newest_first=newest_first)).limit(limit + 1)


def cut(
    rows: Sequence[R], limit: int, position: Callable[[R], tuple[datetime, uuid.UUID]]
) -> tuple[list[R], str | None]:
    """The page and the cursor of the next one, from rows read with ``limit + 1``."""
    page = list(rows[:limit])
    return page, encode_cursor(*position(page[-1])) if len(rows) > limit and page else None


async def keyset_page(
    db: AsyncSession,
    query: Select[Any],
    key: Any,
    id_column: Any,
    *,
    cursor: str | None,
    limit: int,
    newest_first: bool = True,
) -> tuple[list[Any], str | None]:
    """One page of the query's single entity, keyed by ``key`` (an instant column) and
    ``id_column``, with the cursor of the next page (``None`` on the last)."""
    statement = paged(query, key, id_column, cursor=cursor, limit=limit, newest_first=newest_first)
    rows = (await db.execute(statement)).scalars().all()
    return cut(rows, limit, lambda row: (getattr(row, key.key), getattr(row, id_column.key)))


async def keyset_page_first(
    db: AsyncSession,
    query: Select[Any],
    first: ColumnElement[bool],
    key: Any,
    id_column: Any,
    *,
    cursor: str | None,
    limit: int,
    newest_first: bool = True,
) -> tuple[list[Any], str | None]:
    """Like :func:`keyset_page`, but the rows matching ``first`` come before all the others,
    each group in the page order (e.g. unanswered questions first, each group oldest first).

    The cursor says which group it continues (``f.`` or ``r.`` before a cursor of
    :func:`encode_cursor`; ``r.`` alone: the rest from its start) and stays opaque to clients.
    """
    group, inner = "f", None
    if cursor is not None:
        group, dot, rest = cursor.partition(".")
        if group not in ("f", "r") or dot != ".":
            raise Problem.validation(
                [FieldError("cursor", N_("This cursor is not valid."), source="query")]
            )
        inner = rest or None
    rows: list[Any] = []
    if group == "f":
        rows, next_inner = await keyset_page(
            db,
            query.where(first),
            key,
            id_column,
            cursor=inner,
            limit=limit,
            newest_first=newest_first,
        )
        if next_inner is not None:
            return rows, f"f.{next_inner}"
        inner = None
    rest_query = query.where(~first)
    room = limit - len(rows)
    if room == 0:  # the page is full: is there any of the rest to come?
        more, _ = await keyset_page(
            db, rest_query, key, id_column, cursor=None, limit=1, newest_first=newest_first
        )
        return rows, "r." if more else None
    others, next_inner = await keyset_page(
        db, rest_query, key, id_column, cursor=inner, limit=room, newest_first=newest_first
    )
    return rows + others, f"r.{next_inner}" if next_inner is not None else None
