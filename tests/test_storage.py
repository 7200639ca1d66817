# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The Storage port's contract, run against every adapter: the local directory and S3 (a real
S3-compatible server, SeaweedFS, on loopback; see tests/s3/server.py)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.s3.fixtures import s3_bucket, s3_server  # noqa: F401 - fixtures
from tests.s3.server import S3Server
from welkom.core.settings import Settings
from welkom.storage import storage_for
from welkom.storage.local import LocalStorage
from welkom.storage.ports import (
    KEY_PATTERN,
    Storage,
    StorageError,
    StorageUnavailableError,
    StoredObject,
)
from welkom.storage.s3 import S3Storage

#: Multipart from 5 MiB up (S3's smallest part) in these tests.
THRESHOLD = 5 * 1024 * 1024
PREFIX = "gemeente-9999/"


class Backend:
    """An adapter plus a way around it, to look at and damage what it stored."""

    def __init__(self, storage: Storage, raw_read: Callable, raw_write: Callable, names: Callable):
        self.storage, self.raw_read, self.raw_write, self.names = (
            storage,
            raw_read,
            raw_write,
            names,
        )


def local_backend(root: Path) -> Backend:
    return Backend(
        LocalStorage(root),
        lambda key: (root / key).read_bytes(),
        lambda key, data: (root / key).write_bytes(data),
        lambda: sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()),
    )


def s3_backend(server: S3Server, bucket: str, **options: Any) -> Backend:
    settings = Settings(
        env="test",
        **server.settings(
            bucket, s3_prefix=PREFIX, s3_multipart_threshold_bytes=THRESHOLD, **options
        ),
    )
    raw = server.client()

    def names() -> list[str]:
        listed = raw.list_objects_v2(Bucket=bucket).get("Contents", [])
        return sorted(item["Key"] for item in listed)

    return Backend(
        storage_for(settings),
        lambda key: raw.get_object(Bucket=bucket, Key=PREFIX + key)["Body"].read(),
        lambda key, data: raw.put_object(Bucket=bucket, Key=PREFIX + key, Body=data),
        names,
    )


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "local":
        return local_backend(tmp_path / "uploads")
    server = request.getfixturevalue("s3_server")
    return s3_backend(server, request.getfixturevalue("s3_bucket"))


def stored_name(store: Backend, stored: StoredObject) -> str:
    return (PREFIX if isinstance(store.storage, S3Storage) else "") + stored.key


async def test_put_then_get_gives_the_same_bytes_under_a_new_unguessable_key(
    store: Backend,
) -> None:
    data = b"%PDF-1.4 a resident's letter\n" * 100
    first = await store.storage.put(data)
    second = await store.storage.put(data)
    assert KEY_PATTERN.match(first.key)
    assert first.key != second.key
    assert first.size == len(data)
    assert first.sha256 == hashlib.sha256(data).hexdigest()
    assert await store.storage.get(first.key, sha256=first.sha256) == data
    assert store.raw_read(first.key) == data
    assert store.names() == sorted([stored_name(store, first), stored_name(store, second)])


async def test_bytes_changed_at_rest_are_refused_on_read(store: Backend) -> None:
    stored = await store.storage.put(b"original content")
    store.raw_write(stored.key, b"original c0ntent")
    with pytest.raises(StorageError, match="checksum"):
        await store.storage.get(stored.key, sha256=stored.sha256)
    with pytest.raises(StorageError, match="checksum"):
        await store.storage.get(stored.key, sha256=hashlib.sha256(b"other").hexdigest())


async def test_delete_removes_the_object_for_good_and_is_idempotent(store: Backend) -> None:
    kept = await store.storage.put(b"kept")
    erased = await store.storage.put(b"erased")
    await store.storage.delete(erased.key)
    await store.storage.delete(erased.key)
    with pytest.raises(StorageError, match="missing"):
        await store.storage.get(erased.key, sha256=erased.sha256)
    assert store.names() == [stored_name(store, kept)]


@pytest.mark.parametrize("key", ["../../etc/passwd", "ab/" + "0" * 39, "AB/" + "a" * 40, ""])
async def test_keys_that_are_not_ours_are_refused(store: Backend, key: str) -> None:
    with pytest.raises(StorageError, match="invalid storage key"):
        await store.storage.get(key, sha256="0" * 64)
    with pytest.raises(StorageError, match="invalid storage key"):
        await store.storage.delete(key)


async def test_a_large_file_round_trips(store: Backend) -> None:
    data = hashlib.sha256(b"seed").digest() * (12 * 1024 * 1024 // 32 + 7)  # 12 MiB and a bit
    stored = await store.storage.put(data)
    assert await store.storage.get(stored.key, sha256=stored.sha256) == data
    assert stored.sha256 == hashlib.sha256(data).hexdigest()


# --- S3 only: what the object store itself checks, and failures --------------------------------


async def test_s3_large_files_go_up_in_checksummed_parts(
    s3_server: S3Server, s3_bucket: str
) -> None:
    store = s3_backend(s3_server, s3_bucket)
    data = bytes(range(256)) * (11 * 1024 * 4)  # 11 MiB: three parts of at most 5 MiB
    stored = await store.storage.put(data)
    head = s3_server.client().head_object(
        Bucket=s3_bucket, Key=PREFIX + stored.key, ChecksumMode="ENABLED"
    )
    assert head["ETag"].strip('"').endswith("-3")  # a multipart upload of three parts
    assert head["ChecksumSHA256"].endswith("-3")  # each part checked by the store
    assert head["Metadata"]["sha256"] == stored.sha256
    small = await store.storage.put(b"small")
    head = s3_server.client().head_object(
        Bucket=s3_bucket, Key=PREFIX + small.key, ChecksumMode="ENABLED"
    )
    assert head["ChecksumSHA256"] == base64.b64encode(hashlib.sha256(b"small").digest()).decode()


async def test_s3_the_store_refuses_bytes_that_changed_on_the_way(
    s3_server: S3Server, s3_bucket: str
) -> None:
    """The body is altered before signing (a valid signature for the wrong bytes): only the
    SHA-256 the adapter computed from the real bytes can catch it, and the store does."""
    store = s3_backend(s3_server, s3_bucket)
    assert isinstance(store.storage, S3Storage)

    def flip_a_byte(request: Any, **_: Any) -> None:
        body = request.data if isinstance(request.data, bytes) else request.data.read()
        request.data = b"X" + body[1:]

    events = store.storage.client.meta.events
    events.register_first("before-sign.s3.PutObject", flip_a_byte)
    with pytest.raises(StorageUnavailableError, match=r"BadDigest|refused"):
        await store.storage.put(b"the resident's real document")
    events.unregister("before-sign.s3.PutObject", flip_a_byte)
    assert store.names() == []
    assert (await store.storage.put(b"fine")).size == 4  # the same client works on


async def test_s3_wrong_credentials_and_an_unreachable_store_are_transient(
    s3_server: S3Server, s3_bucket: str, unused_port: int
) -> None:
    wrong = s3_backend(s3_server, s3_bucket, s3_secret_access_key="not-the-secret-key")
    with pytest.raises(StorageUnavailableError, match=r"SignatureDoesNotMatch|AccessDenied"):
        await wrong.storage.put(b"data")
    away = s3_backend(
        s3_server,
        s3_bucket,
        s3_endpoint_url=f"http://127.0.0.1:{unused_port}",
        s3_timeout_seconds=2,
    )
    with pytest.raises(StorageUnavailableError, match="unreachable"):
        await away.storage.put(b"data")
    with pytest.raises(StorageUnavailableError):
        await away.storage.get("ab/" + "a" * 40, sha256="0" * 64)
    assert s3_backend(s3_server, s3_bucket).names() == []


async def test_s3_a_missing_bucket_is_not_mistaken_for_a_missing_object(
    s3_server: S3Server,
) -> None:
    store = s3_backend(s3_server, "welkom-no-such-bucket")
    with pytest.raises(StorageUnavailableError, match="NoSuchBucket"):
        await store.storage.get("ab/" + "a" * 40, sha256="0" * 64)


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_settings_refuse_an_incomplete_s3_configuration() -> None:
    with pytest.raises(ValueError, match="WELKOM_S3_BUCKET is required"):
        Settings(env="test", storage_backend="s3")
    with pytest.raises(ValueError, match="go together"):
        Settings(env="test", storage_backend="s3", s3_bucket="b", s3_access_key_id="k")
    with pytest.raises(ValueError, match=r"s3_prefix|pattern"):
        Settings(env="test", storage_backend="s3", s3_bucket="b", s3_prefix="no-slash")
    assert Settings(env="test", s3_endpoint_url="", s3_region="").s3.endpoint_url is None
    production = {
        "env": "production",
        "secret_key": "x" * 40,
        "public_base_url": "https://welkom.example.org",
    }
    with pytest.raises(ValueError, match="S3_ENDPOINT_URL must be an https"):
        Settings(**production, storage_backend="s3", s3_bucket="b", s3_endpoint_url="http://s3")


def test_the_storage_check_command(s3_server: S3Server, s3_bucket: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from welkom.cli import main

    def env(**overrides: Any) -> dict[str, str]:
        values = {"env": "test", **s3_server.settings(s3_bucket, s3_prefix=PREFIX), **overrides}
        return {f"WELKOM_{k.upper()}": str(v) for k, v in values.items()}

    ok = CliRunner().invoke(main, ["storage", "check"], env=env())
    assert ok.exit_code == 0, ok.output
    assert f"s3://{s3_bucket}/{PREFIX}" in ok.output
    assert s3_backend(s3_server, s3_bucket).names() == []  # the probe is gone
    wrong = CliRunner().invoke(
        main, ["storage", "check"], env=env(s3_secret_access_key="not-the-secret-key")
    )
    assert wrong.exit_code == 1
    assert "storage check failed" in wrong.output
    assert "SignatureDoesNotMatch" in wrong.output
    assert "not-the-secret-key" not in wrong.output
    local = CliRunner().invoke(
        main,
        ["storage", "check"],
        env={"WELKOM_ENV": "test", "WELKOM_STORAGE_DIR": str(tmp_path / "files")},
    )
    assert local.exit_code == 0, local.output
    assert [p for p in (tmp_path / "files").rglob("*") if p.is_file()] == []
