# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The ``Storage`` port: put bytes under a key, get them back checksum-verified."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    sha256: str


class StorageError(Exception):
    """The object is missing or its bytes no longer match the stored checksum (permanent)."""


class StorageUnavailableError(Exception):
    """The store could not be reached or failed this time (transient: try again later).

    Deliberately not a :class:`StorageError`: a delivery that meets it is retried, not parked.
    """


class Storage(Protocol):
    """Every adapter keeps this contract (``tests/test_storage.py`` runs it against each):

    - ``put`` stores the bytes under a new, unguessable key of the form ``xx/<40 hex>`` and
      returns it with the size and SHA-256 it stored (the adapter makes sure what was written
      is what was given);
    - ``get`` returns the bytes only if their SHA-256 is the one recorded at ``put``;
    - ``delete`` removes the object for good and is idempotent (a missing object is no error);
    - keys not of the form above are refused with :class:`StorageError` (they are ours);
    - an unreachable or failing store raises :class:`StorageUnavailableError`.
    """

    async def put(self, data: bytes) -> StoredObject:
        """Store ``data`` under a new, unguessable key."""
        ...

    async def get(self, key: str, *, sha256: str) -> bytes:
        """The bytes under ``key``; :class:`StorageError` if missing or corrupted."""
        ...

    async def delete(self, key: str) -> None: ...


#: The form of every storage key (two hex digits of fan-out, then 160 random bits in hex).
KEY_PATTERN = re.compile(r"^[a-f0-9]{2}/[a-f0-9]{40}$")


def new_key() -> str:
    token = secrets.token_hex(20)
    return f"{token[:2]}/{token}"


def check_key(key: str) -> str:
    if not KEY_PATTERN.match(key):  # keys are ours; anything else is a bug or an attack
        raise StorageError("invalid storage key")
    return key


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
