"""Opaque cursors for keyset pagination over (created_at, id)."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from datetime import datetime
from typing import Generic, TypeVar

import msgspec

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
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created_at, item_id = json.loads(raw)
        return datetime.fromisoformat(created_at), uuid.UUID(hex=item_id)
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
        raise Problem.validation(
            [FieldError("cursor", N_("This cursor is not valid."), source="query")]
        ) from exc
