# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Writing and reading the processing log.

:func:`record` adds one :class:`ProcessingRecord` per data subject to the caller's transaction
(the database sink) in the current trace span; with the ``jsonl`` sink the same record is also
written to the collector after the commit. A processing repeated within one span for the same
subject, purpose and resource is one record (its field groups merged). No sampling.

:func:`configure` is called once at start-up (API, worker, CLI) with the settings: it loads
and checks the register of processing activities and sets up the sinks.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import structlog
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from sqlmodel import col

from welkom.core import tracing
from welkom.core.models import utcnow
from welkom.core.pagination import Page, keyset_page
from welkom.core.settings import Environment, Settings
from welkom.municipalities.models import Municipality
from welkom.processing.models import ProcessingRecord
from welkom.processing.register import ProcessingRegister, load_register
from welkom.processing.sinks import Collector, as_json_line, collector_for

log = structlog.get_logger("welkom.processing")

_PENDING = "welkom_processing_pending"
_SEEN = "welkom_processing_seen"


@dataclass
class ProcessingLog:
    register: ProcessingRegister
    pseudonym_key: bytes
    collector: Collector | None = None
    _codes: dict[uuid.UUID, str] = field(default_factory=dict)

    def pseudonym(self, resident_id: uuid.UUID) -> str:
        """The data-subject id in the log: a keyed hash, stable per resident and key."""
        return hmac.new(
            self.pseudonym_key, b"resident:" + resident_id.bytes, hashlib.sha256
        ).hexdigest()


_log: ProcessingLog | None = None


def pseudonym_key(settings: Settings) -> bytes:
    if settings.processing.log_pseudonym_key is not None:
        return settings.processing.log_pseudonym_key.get_secret_value().encode()
    if settings.env is Environment.production:
        log.warning("processing_log_pseudonym_key_derived_from_secret_key")
    return hmac.new(
        settings.secret_key.encode(), b"processing-log data-subject pseudonym", hashlib.sha256
    ).digest()


def configure(settings: Settings) -> ProcessingLog:
    """Load the register and set up the sinks; raises RegisterFileError on a bad register."""
    global _log
    previous = _log
    collector = (
        collector_for(settings.processing.log_collector)
        if "jsonl" in settings.processing.log_sinks
        else None
    )
    _log = ProcessingLog(
        load_register(settings.processing.register_file), pseudonym_key(settings), collector
    )
    if previous is not None and previous.collector is not None:
        previous.collector.close()
    return _log


def current_log() -> ProcessingLog:
    if _log is None:
        raise RuntimeError("the processing log is not configured (processing.configure)")
    return _log


@dataclass(frozen=True)
class Actor:
    """Who processed the data, when a person did (staff or volunteer)."""

    account_id: uuid.UUID
    role: str
    display_name: str


async def _gemeentecode(db: AsyncSession, plog: ProcessingLog, municipality_id: uuid.UUID) -> str:
    code = plog._codes.get(municipality_id)
    if code is None:
        municipality = await db.get(Municipality, municipality_id)
        code = municipality.code if municipality is not None else ""
        plog._codes[municipality_id] = code
    return code


def _after_commit(session: Session) -> None:
    pending: list[tuple[ProcessingRecord, str]] = session.info.pop(_PENDING, [])
    session.info.pop(_SEEN, None)
    plog = _log
    if plog is None or plog.collector is None:
        return
    for record, code in pending:
        plog.collector.write(as_json_line(record, code))


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_SEEN, None)


event.listen(Session, "after_commit", _after_commit)
event.listen(Session, "after_soft_rollback", lambda session, _tx: _after_rollback(session))


async def activity_id(db: AsyncSession, purpose: str, municipality_id: uuid.UUID) -> str:
    """The processing activity id of ``purpose`` in this municipality's register."""
    plog = current_log()
    return plog.register.activity_id(purpose, await _gemeentecode(db, plog, municipality_id))


async def record(
    db: AsyncSession,
    *,
    municipality_id: uuid.UUID,
    resident_ids: Iterable[uuid.UUID],
    purpose: str,
    action: str,
    resource: str,
    fields: Iterable[str] = (),
    description: str = "",
    actor: Actor | None = None,
    status: str = "ok",
    started_at: datetime | None = None,
    span: tracing.SpanContext | None = None,
) -> list[ProcessingRecord]:
    """Add one record per data subject in ``resident_ids`` to the caller's transaction.

    ``span`` defaults to the current one (the request's, or the outbox entry's in the worker);
    ``started_at`` to the span's start. ``purpose`` is a key of the register
    (:data:`welkom.processing.register.PURPOSES`); ``resource`` and ``fields`` name what was
    processed, never values.
    """
    plog = current_log()
    span = span or tracing.current_or_new()
    activity = plog.register.activity_id(purpose, await _gemeentecode(db, plog, municipality_id))
    now = utcnow()
    info = db.sync_session.info
    seen: dict[tuple[Any, ...], ProcessingRecord] = info.setdefault(_SEEN, {})
    written = []
    for resident_id in dict.fromkeys(resident_ids):
        subject = plog.pseudonym(resident_id)
        key = (span.span_id, subject, purpose, action, resource, actor and actor.account_id)
        if (existing := seen.get(key)) is not None:
            existing.fields = sorted(set(existing.fields) | set(fields))
            written.append(existing)
            continue
        entry = ProcessingRecord(
            municipality_id=municipality_id,
            trace_id=span.trace_id,
            span_id=span.span_id,
            parent_span_id=span.parent_span_id,
            name=f"{resource}.{action}",
            status=status,
            started_at=min(started_at or span.started_at, now),
            ended_at=now,
            purpose=purpose,
            processing_activity_id=activity,
            data_subject_id=subject,
            actor_account_id=actor.account_id if actor else None,
            actor_role=actor.role if actor else None,
            actor_display_name=actor.display_name if actor else None,
            action=action,
            resource=resource,
            fields=sorted(set(fields)),
            description=description,
        )
        db.add(entry)
        seen[key] = entry
        if plog.collector is not None:
            info.setdefault(_PENDING, []).append(
                (entry, await _gemeentecode(db, plog, municipality_id))
            )
        written.append(entry)
    return written


async def access_log(
    db: AsyncSession,
    resident_id: uuid.UUID,
    municipality_id: uuid.UUID,
    *,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[ProcessingRecord]:
    """Processings of this resident's data by someone else (a person), newest first."""
    statement = select(ProcessingRecord).where(
        col(ProcessingRecord.data_subject_id) == current_log().pseudonym(resident_id),
        col(ProcessingRecord.municipality_id) == municipality_id,
        col(ProcessingRecord.actor_account_id).is_not(None),
    )
    rows, next_cursor = await keyset_page(
        db, statement, ProcessingRecord.ended_at, ProcessingRecord.id, cursor=cursor, limit=limit
    )
    return Page(items=rows, next_cursor=next_cursor)
