# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Where processing-log records go besides the database: JSON lines to a collector.

The database sink is the session itself (the record is added to the caller's transaction).
Records for the collector wait on the session and are written only after its commit, so a
collector never sees a processing that was rolled back.
"""

from __future__ import annotations

import json
import queue
import sys
import threading
from pathlib import Path
from typing import Any, Protocol

import httpx
import structlog

from welkom import __version__
from welkom.processing.models import ProcessingRecord

log = structlog.get_logger("welkom.processing")

_STATUS_CODES = {"ok": "STATUS_CODE_OK", "error": "STATUS_CODE_ERROR"}


def as_json_line(record: ProcessingRecord, gemeentecode: str | None) -> str:
    """One record in the standard's fields (operation_id is the span id), as one line."""
    body: dict[str, Any] = {
        "trace_id": record.trace_id,
        "operation_id": record.span_id,
        "parent_operation_id": record.parent_span_id,
        "name": record.name,
        "status_code": _STATUS_CODES.get(record.status, "STATUS_CODE_UNKNOWN"),
        "start_time": record.started_at.isoformat(),
        "end_time": record.ended_at.isoformat(),
        "resource": {"name": "welkom", "version": __version__},
        "attributes": {
            "dpl.core.processing_activity_id": record.processing_activity_id,
            "dpl.core.data_subject_id": record.data_subject_id,
            "dpl.core.data_subject_id_type": "welkom.resident.hmac-sha256",
            "welkom.gemeentecode": gemeentecode,
            "welkom.purpose": record.purpose,
            "welkom.action": record.action,
            "welkom.resource": record.resource,
            "welkom.fields": list(record.fields),
            "welkom.actor_role": record.actor_role,
            "welkom.actor_account_id": str(record.actor_account_id)
            if record.actor_account_id
            else None,
        },
    }
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


class Collector(Protocol):
    def write(self, line: str) -> None: ...

    def close(self) -> None: ...


class StdoutCollector:
    def write(self, line: str) -> None:
        print(line, file=sys.stdout, flush=True)

    def close(self) -> None:
        return None


class FileCollector:
    """Appends lines to a file (one write per line, so concurrent writers do not interleave)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def write(self, line: str) -> None:
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")

    def close(self) -> None:
        return None


class HttpCollector:
    """POSTs each line to a collector URL from a background thread (a commit never waits on it).

    A line the collector refuses or cannot take is logged (without its content) and dropped:
    the database copy stays the municipality's complete log.
    """

    def __init__(self, url: str, *, timeout: float = 5.0) -> None:
        self.url = url
        self._queue: queue.Queue[str | None] = queue.Queue(maxsize=10_000)
        self._thread = threading.Thread(target=self._run, args=(timeout,), daemon=True)
        self._thread.start()

    def write(self, line: str) -> None:
        try:
            self._queue.put_nowait(line)
        except queue.Full:
            log.warning("processing_log_collector_full")

    def _run(self, timeout: float) -> None:
        with httpx.Client(timeout=timeout) as client:
            while (line := self._queue.get()) is not None:
                try:
                    response = client.post(
                        self.url,
                        content=line.encode() + b"\n",
                        headers={"Content-Type": "application/x-ndjson"},
                    )
                    if not response.is_success:
                        log.warning("processing_log_collector_refused", status=response.status_code)
                except httpx.HTTPError as exc:
                    log.warning("processing_log_collector_failed", error_type=type(exc).__name__)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=10)


def collector_for(target: str) -> Collector:
    """``stdout``, an http(s):// URL, or a file path."""
    if target == "stdout":
        return StdoutCollector()
    if target.startswith(("http://", "https://")):
        return HttpCollector(target)
    return FileCollector(Path(target))
