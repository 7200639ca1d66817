# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""S3-compatible object storage (Amazon S3, MinIO, SeaweedFS, Ceph RGW, …) through boto3.

boto3 is synchronous; every call runs in a worker thread (``anyio.to_thread``, at most
:data:`THREADS` at once), sharing one client (boto3 clients are thread-safe) with a connection
pool of the same size. The contract is the one of :class:`~welkom.storage.ports.Storage`:

- **Integrity on write.** A single-request upload carries ``x-amz-checksum-sha256`` of the
  whole file: the object store recomputes it and refuses the upload (``BadDigest``) if a byte
  changed on the way. Larger files go up in parts, each part with its own SHA-256 that the
  store checks the same way; the whole file's SHA-256 is kept in the object's metadata
  (``x-amz-meta-sha256``) for backups and audits.
- **Integrity on read.** ``get`` streams the body in chunks, hashing as it goes, and returns
  the bytes only if their SHA-256 is the one recorded in the database at upload.
- **Erasure.** ``delete`` removes the object (idempotent). With versioning on the bucket, a
  delete only adds a delete marker: see docs/operations.md (keep versioning off, or let a
  lifecycle rule expire noncurrent versions within the erasure deadline).
"""

from __future__ import annotations

import base64
import hashlib
import io
from collections.abc import Callable
from typing import Any, TypeVar

import anyio
import boto3
import botocore.exceptions
from boto3.s3.transfer import TransferConfig
from botocore.config import Config

from welkom.core.settings import Settings
from welkom.storage.ports import (
    StorageError,
    StorageUnavailableError,
    StoredObject,
    check_key,
    checksum,
    new_key,
)

#: Bytes read from a response body at a time while hashing.
CHUNK = 1024 * 1024
#: S3 error codes that mean "no such object" (HEAD answers a bare 404).
_MISSING = {"NoSuchKey", "404", "NotFound"}
#: Error codes that mean a mangled transfer: the store received other bytes than we sent.
_CORRUPTED = {"BadDigest", "InvalidDigest", "XAmzContentChecksumMismatch"}
#: Worker threads that may talk to the store at once per adapter (and its connection pool).
THREADS = 16

T = TypeVar("T")


class S3Storage:
    def __init__(
        self,
        *,
        bucket: str,
        endpoint_url: str | None = None,
        region: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        prefix: str = "",
        addressing_style: str = "path",
        multipart_threshold: int = 8 * 1024 * 1024,
        timeout: float = 30.0,
    ) -> None:
        self.bucket, self.prefix = bucket, prefix
        self._limiter: anyio.CapacityLimiter | None = None  # made in the event loop, on first use
        self.client: Any = boto3.session.Session().client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region,
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret_access_key,
            config=Config(
                s3={"addressing_style": addressing_style},
                signature_version="s3v4",
                connect_timeout=timeout,
                read_timeout=timeout,
                retries={"mode": "standard", "max_attempts": 3},
                max_pool_connections=THREADS,
                # We send our own SHA-256 (stronger than the SDK's default CRC) and verify
                # every read ourselves; no CRC32 trailer that some S3-compatible stores reject.
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
            ),
        )
        self.transfer = TransferConfig(
            multipart_threshold=multipart_threshold,
            multipart_chunksize=multipart_threshold,
            max_concurrency=4,
            use_threads=True,
        )

    def object_name(self, key: str) -> str:
        return self.prefix + check_key(key)

    # --- The port ---------------------------------------------------------------------------

    async def put(self, data: bytes) -> StoredObject:
        key = new_key()
        digest = hashlib.sha256(data)
        await self._run(self._put, self.object_name(key), data, digest.digest())
        return StoredObject(key=key, size=len(data), sha256=digest.hexdigest())

    async def get(self, key: str, *, sha256: str) -> bytes:
        data = await self._run(self._get, self.object_name(key))
        if checksum(data) != sha256:
            raise StorageError("stored object does not match its checksum")
        return data

    async def delete(self, key: str) -> None:
        await self._run(self._delete, self.object_name(key))

    # --- In the worker thread ---------------------------------------------------------------

    def _put(self, name: str, data: bytes, sha256: bytes) -> None:
        metadata = {"sha256": sha256.hex()}
        if len(data) <= self.transfer.multipart_threshold:
            self.client.put_object(
                Bucket=self.bucket,
                Key=name,
                Body=data,
                ChecksumSHA256=base64.b64encode(sha256).decode(),
                Metadata=metadata,
            )
            return
        # Multipart: s3transfer reads parts from the buffer and sends each with its SHA-256.
        self.client.upload_fileobj(
            io.BytesIO(data),
            self.bucket,
            name,
            ExtraArgs={"ChecksumAlgorithm": "SHA256", "Metadata": metadata},
            Config=self.transfer,
        )

    def _get(self, name: str) -> bytes:
        body = self.client.get_object(Bucket=self.bucket, Key=name)["Body"]
        buffer = bytearray()
        try:
            for chunk in body.iter_chunks(CHUNK):
                buffer += chunk
        finally:
            body.close()
        return bytes(buffer)

    def _delete(self, name: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=name)

    async def _run(self, function: Callable[..., T], *args: Any) -> T:
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(THREADS)
        try:
            return await anyio.to_thread.run_sync(function, *args, limiter=self._limiter)
        except botocore.exceptions.ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in _MISSING:
                raise StorageError("stored object is missing") from exc
            if code in _CORRUPTED:
                raise StorageUnavailableError(f"object store refused the bytes ({code})") from exc
            raise StorageUnavailableError(f"object store error {code}") from exc
        except (botocore.exceptions.BotoCoreError, OSError) as exc:
            raise StorageUnavailableError(
                f"object store unreachable ({type(exc).__name__})"
            ) from exc


def s3_storage_for(settings: Settings) -> S3Storage:
    def secret(value: Any) -> str | None:
        return value.get_secret_value() if value is not None else None

    return S3Storage(
        bucket=settings.s3.bucket,
        endpoint_url=settings.s3.endpoint_url,
        region=settings.s3.region,
        access_key_id=secret(settings.s3.access_key_id),
        secret_access_key=secret(settings.s3.secret_access_key),
        prefix=settings.s3.prefix,
        addressing_style=settings.s3.addressing_style.value,
        multipart_threshold=settings.s3.multipart_threshold_bytes,
        timeout=settings.s3.timeout_seconds,
    )
