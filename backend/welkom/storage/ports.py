"""The ``Storage`` port: put bytes under a key, get them back checksum-verified."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    sha256: str


class StorageError(Exception):
    """The object is missing or its bytes no longer match the stored checksum."""


class Storage(Protocol):
    async def put(self, data: bytes) -> StoredObject:
        """Store ``data`` under a new, unguessable key."""
        ...

    async def get(self, key: str, *, sha256: str) -> bytes:
        """The bytes under ``key``; :class:`StorageError` if missing or corrupted."""
        ...

    async def delete(self, key: str) -> None: ...


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
