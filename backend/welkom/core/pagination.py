# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Opaque cursors for keyset pagination over (created_at, id)."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from datetime import datetime
from typing import Generic, TypeVar

import msgspec

from welkom.core.dates import parse_instant
from welkom.core.i18n import N_
from welkom.core.problems import FieldError, Problem

T = TypeVar("T")


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
