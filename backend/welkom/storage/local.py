# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Local-filesystem storage (the default): one file per object, written atomically."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import anyio

from welkom.storage.ports import StorageError, StoredObject, check_key, checksum, new_key


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    async def put(self, data: bytes) -> StoredObject:
        key = new_key()
        await anyio.to_thread.run_sync(self._write, self._path(key), data)
        return StoredObject(key=key, size=len(data), sha256=checksum(data))

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_suffix(".part")
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        temporary.replace(path)

    async def get(self, key: str, *, sha256: str) -> bytes:
        try:
            data = await anyio.Path(self._path(key)).read_bytes()
        except FileNotFoundError:
            raise StorageError("stored object is missing") from None
        if checksum(data) != sha256:
            raise StorageError("stored object does not match its checksum")
        return data

    async def delete(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            await anyio.Path(self._path(key)).unlink()
