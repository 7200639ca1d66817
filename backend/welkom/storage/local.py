"""Local-filesystem storage (the default): one file per object, written atomically."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path

import anyio

from welkom.core.settings import Settings
from welkom.storage.ports import StorageError, StoredObject, checksum

_KEY = re.compile(r"^[a-f0-9]{2}/[a-f0-9]{40}$")


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):  # keys are ours; anything else is a bug or an attack
            raise StorageError("invalid storage key")
        return self.root / key

    async def put(self, data: bytes) -> StoredObject:
        token = secrets.token_hex(20)
        key = f"{token[:2]}/{token}"
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


def storage_for(settings: Settings) -> LocalStorage:
    return LocalStorage(settings.storage_path)
