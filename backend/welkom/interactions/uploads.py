# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Document uploads: size-limited, type sniffed from the bytes, the whole file verified to be
that type (:mod:`welkom.storage.verify`), stored with a checksum, then recorded with their
outbox entry (so routing starts only once the file is safely kept)."""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.core.i18n import LANGUAGES, N_
from welkom.core.identity import Principal
from welkom.core.problems import FieldError, Problem
from welkom.core.settings import Settings
from welkom.core.unit_of_work import checkpoint
from welkom.interactions import service
from welkom.storage.ports import Storage, StorageUnavailableError, checksum
from welkom.storage.sniff import sniff
from welkom.storage.verify import UploadRefusedError, verify

log = structlog.get_logger(__name__)

#: The most any configuration may accept (Litestar refuses larger bodies before parsing).
UPLOAD_HARD_LIMIT = 64 * 1024 * 1024


async def receive_document(
    db: AsyncSession,
    storage: Storage,
    settings: Settings,
    principal: Principal,
    *,
    content: bytes,
    language: str,
    idempotency_key: str | None,
) -> tuple[int, dict[str, Any], bool]:
    if language not in LANGUAGES:
        raise Problem.validation([FieldError("language", N_("This language is not offered."))])
    if not content:
        raise Problem.validation([FieldError("file", N_("The file is empty."))])
    if len(content) > settings.upload.max_bytes:
        raise Problem(
            413,
            "document-too-large",
            N_("Document too large"),
            N_("A document may be at most {limit} MB. Nothing was stored."),
            params={"limit": round(settings.upload.max_bytes / 1024 / 1024, 1)},
        )
    content_type = sniff(content)
    if content_type not in settings.upload.allowed_types:
        raise Problem(
            415,
            "document-type-not-accepted",
            N_("This kind of file is not accepted"),
            N_("Send a photo or a PDF. Nothing was stored."),
        )
    await _verify(content, content_type, settings)
    if replay := await service.replayed_document(
        db, principal, checksum(content), language, idempotency_key
    ):
        return replay[0], replay[1], True
    await service.enforce_document_quotas(db, settings, principal, len(content))
    try:
        stored = await storage.put(content)
    except StorageUnavailableError as exc:
        log.warning("storage_unavailable", operation="put", error=str(exc))
        raise Problem(
            503,
            "storage-unavailable",
            N_("Service unavailable"),
            N_("The service is temporarily unavailable. Please try again later."),
            headers={"Retry-After": "30"},
        ) from exc
    try:
        status, body, replayed = await service.submit_document(
            db,
            principal,
            stored=stored,
            content_type=content_type,
            language=language,
            idempotency_key=idempotency_key,
        )
        # Committed here rather than when the request ends: a commit that fails still
        # reaches the clean-up below, so no file stays without its record.
        await checkpoint(db)
    except BaseException:
        await _discard(storage, stored.key)  # nothing recorded: keep no orphan file
        raise
    if replayed:  # the same upload committed concurrently: that one keeps its file
        await _discard(storage, stored.key)
    return status, body, replayed


async def _verify(content: bytes, content_type: str, settings: Settings) -> None:
    """Refuse a file that is not entirely the photo or PDF it starts like, or that carries
    active content (off the event loop: decoding is CPU work)."""
    try:
        await asyncio.to_thread(
            verify,
            content,
            content_type,
            max_pixels=settings.upload.max_image_pixels,
            max_seconds=settings.upload.verify_max_seconds,
        )
    except UploadRefusedError as exc:
        log.info("upload_refused", content_type=content_type, reason=exc.reason)
        if exc.reason == "active-content":
            raise Problem(
                422,
                "document-active-content",
                N_("Document contains active content"),
                N_(
                    "This PDF contains scripts, attached files or forms that run by themselves. "
                    "Save it as a plain PDF or send a photo of the pages. Nothing was stored."
                ),
            ) from None
        raise Problem(
            415,
            "document-type-not-accepted",
            N_("This kind of file is not accepted"),
            N_("Send a photo or a PDF. Nothing was stored."),
        ) from None


async def _discard(storage: Storage, key: str) -> None:
    """Remove a file nothing refers to; if the store is away, say so and go on (an orphan
    holds no reference to anyone, and the answer to the resident must not change)."""
    try:
        await storage.delete(key)
    except StorageUnavailableError as exc:
        log.warning("storage_orphan_left", operation="delete", error=str(exc))
