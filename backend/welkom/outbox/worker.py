# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The outbox worker: claims due entries and hands each to the handler for its kind.

Stopping (SIGTERM sets the ``stop`` event of :meth:`OutboxWorker.run`): no new batch is
claimed; entries of the current batch whose delivery has not begun are handed back at once;
deliveries under way may finish within ``shutdown_grace_seconds``, and those still running then
are cancelled and handed back too. Nothing stays claimed until its lease runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from welkom.core import tracing
from welkom.core.metrics import record_delivery
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.core.unit_of_work import unit_of_work
from welkom.outbox import service
from welkom.outbox.models import OutboxEntry
from welkom.outbox.service import Clock

log = structlog.get_logger("welkom.outbox")

#: Applied in the transaction that marks the entry delivered (e.g. record the zaak on the interaction).
Completion = Callable[[AsyncSession], Awaitable[None]]


class PermanentDeliveryError(Exception):
    """The receiving side refused the entry for a reason a retry will not fix: park it."""


class DeferDelivery(Exception):
    """Not now: hand the entry back, due again at ``until`` (without counting an attempt)."""

    def __init__(self, until: datetime) -> None:
        super().__init__(until.isoformat())
        self.until = until


#: A handler class attribute: its deliveries count against the municipality's case-system rate
#: (``WELKOM_CASE_DELIVERIES_PER_MINUTE``).
RATE_LIMITED = "case_system_rate_limited"
#: The window of that rate.
RATE_WINDOW = timedelta(minutes=1)


class OutboxHandler(Protocol):
    async def deliver(self, entry: OutboxEntry) -> Completion:
        """Do the work (idempotently: it may run again after a crash) and say how to record it."""
        ...

    async def parked(self, db: AsyncSession, entry: OutboxEntry, error: str) -> None:
        """Record that the entry was parked (in the caller's transaction)."""
        ...


@dataclass
class _Batch:
    """One claim: its token and the entries whose delivery has not begun."""

    token: uuid.UUID
    waiting: set[uuid.UUID]


class OutboxWorker:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        handlers: Mapping[str, OutboxHandler],
        settings: Settings,
        *,
        name: str | None = None,
        clock: Clock = utcnow,
    ) -> None:
        self.session_factory, self.handlers, self.settings = session_factory, handlers, settings
        self.name = name or uuid.uuid4().hex[:8]
        self.clock = clock
        self.wake = asyncio.Event()
        self._slots = asyncio.Semaphore(settings.outbox.concurrency)
        self._rated_kinds = sorted(
            k for k, h in handlers.items() if getattr(h, RATE_LIMITED, False)
        )
        self._rate_lock = asyncio.Lock()
        self._in_flight: dict[uuid.UUID, int] = {}
        self._batch: _Batch | None = None
        self._stopping = False

    async def run_once(self) -> int:
        """Claim one batch and process it; returns how many entries were claimed.

        Cancelled (a stopping worker's grace ran out), it hands the batch back before it
        raises: entries already completed are not touched (:func:`service.release`)."""
        async with unit_of_work(self.session_factory) as db:
            token, entries = await service.claim(
                db,
                limit=self.settings.outbox.batch_size,
                lease=timedelta(seconds=self.settings.outbox.lease_seconds),
                kinds=list(self.handlers),
                clock=self.clock,
            )
        if entries:
            batch = self._batch = _Batch(token, {entry.id for entry in entries})
            if self._stopping:  # stopped while claiming: none of it begins
                batch.waiting.clear()
                await self._release(token, {entry.id for entry in entries})
            try:
                await asyncio.gather(*(self._within_rate(entry, batch) for entry in entries))
            except asyncio.CancelledError:
                await asyncio.shield(self._release(token, {entry.id for entry in entries}))
                raise
            finally:
                self._batch = None
        return len(entries)

    async def drain(self, *, max_batches: int = 10_000) -> int:
        """Process until nothing is due (tests, `welkom worker --once`)."""
        total = 0
        for _ in range(max_batches):
            claimed = await self.run_once()
            total += claimed
            if claimed == 0:
                break
        return total

    async def run(self, stop: asyncio.Event) -> None:
        log.info("worker_started", worker=self.name, kinds=sorted(self.handlers))
        while not stop.is_set():
            try:
                claimed = await self._run_batch(stop)
            except Exception as exc:  # the database is away: wait and try again, never die
                log.warning("worker_claim_failed", worker=self.name, error_type=type(exc).__name__)
                claimed = 0
            if claimed == 0:
                self.wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        _first(stop.wait(), self.wake.wait()),
                        self.settings.outbox.poll_interval_seconds,
                    )
        log.info("worker_stopped", worker=self.name)

    async def _within_rate(self, entry: OutboxEntry, batch: _Batch) -> None:
        """Process the entry, unless its municipality's case system had its deliveries of this
        minute already: then it waits (deferred, not counted as an attempt)."""
        if (
            entry.kind not in self._rated_kinds
            or not self.settings.outbox.case_deliveries_per_minute
        ):
            await self._process(entry, batch)
            return
        if until := await self._over_rate(entry.municipality_id):
            batch.waiting.discard(entry.id)
            await self._defer(entry, batch.token, until)
            return
        try:
            await self._process(entry, batch)
        finally:  # recorded as delivered (or failed) by now: from here the table counts it
            self._in_flight[entry.municipality_id] -= 1

    async def _run_batch(self, stop: asyncio.Event) -> int:
        """:meth:`run_once`, stopped early when ``stop`` is set (see the module docstring)."""
        batch = asyncio.ensure_future(self.run_once())
        stopping = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait({batch, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if batch.done():
                return batch.result()
            log.info("worker_stopping", worker=self.name)
            self._stopping = True
            if (current := self._batch) is not None and current.waiting:
                waiting, current.waiting = current.waiting, set()
                await self._release(current.token, waiting)
            await asyncio.wait({batch}, timeout=self.settings.shutdown_grace_seconds)
            if not batch.done():
                batch.cancel()  # run_once releases what is still under way
                with contextlib.suppress(asyncio.CancelledError):
                    await batch
                return 0
            return batch.result()
        finally:
            stopping.cancel()

    async def _release(self, token: uuid.UUID, entry_ids: set[uuid.UUID]) -> None:
        async with unit_of_work(self.session_factory) as db:
            released = await service.release(db, entry_ids, token)
        log.info("outbox_released", worker=self.name, entries=released)

    async def _process(self, entry: OutboxEntry, batch: _Batch) -> None:
        # A span of the trace that enqueued the entry (a new trace for entries without one).
        with tracing.use(tracing.continue_trace(entry.traceparent)):
            await self._process_in_span(entry, batch)

    async def _process_in_span(self, entry: OutboxEntry, batch: _Batch) -> None:
        handler, token = self.handlers[entry.kind], batch.token
        async with self._slots:
            if entry.id not in batch.waiting:
                return  # handed back while it waited for a slot (the worker is stopping)
            batch.waiting.discard(entry.id)
            started = time.perf_counter()
            try:
                completion = await handler.deliver(entry)
            except DeferDelivery as deferral:
                await self._defer(entry, token, deferral.until)
                return
            except Exception as exc:
                outcome = await self._failed(entry, token, handler, exc)
                record_delivery(entry.kind, outcome, time.perf_counter() - started)
                return
            async with unit_of_work(self.session_factory) as db:
                if await service.mark_delivered(db, entry.id, token, clock=self.clock):
                    await completion(db)
                    outcome = "delivered"
                    log.info(
                        "outbox_delivered",
                        kind=entry.kind,
                        entry=str(entry.id),
                        attempts=entry.attempts,
                    )
                else:  # nothing was written: the entry is another worker's now
                    outcome = "lease_lost"
                    log.warning("outbox_lease_lost", kind=entry.kind, entry=str(entry.id))
            record_delivery(entry.kind, outcome, time.perf_counter() - started)

    async def _over_rate(self, municipality_id: uuid.UUID) -> datetime | None:
        """When a delivery to this municipality's case system may start, if not now; else
        reserve one of its deliveries of this minute (released after the delivery)."""
        async with self._rate_lock:
            now = self.clock()
            # Read before the table: a delivery finishing meanwhile is then counted twice (it
            # waits a little longer), never missed.
            in_flight = self._in_flight.get(municipality_id, 0)
            async with self.session_factory() as db:
                delivered, earliest = await service.delivered_since(
                    db, municipality_id, self._rated_kinds, now - RATE_WINDOW
                )
            if delivered + in_flight >= self.settings.outbox.case_deliveries_per_minute:
                log.info("outbox_rate_limited", municipality=str(municipality_id))
                if earliest is None:
                    return now + timedelta(seconds=1)  # only this worker's own are in flight
                return max(earliest + RATE_WINDOW, now + timedelta(milliseconds=100))
            self._in_flight[municipality_id] = in_flight + 1
            return None

    async def _defer(self, entry: OutboxEntry, token: uuid.UUID, until: datetime) -> None:
        async with unit_of_work(self.session_factory) as db:
            held = await service.defer(db, entry.id, token, until)
        log.info("outbox_deferred", kind=entry.kind, entry=str(entry.id), held=held)

    async def _failed(
        self, entry: OutboxEntry, token: uuid.UUID, handler: OutboxHandler, exc: Exception
    ) -> str:
        """Schedule a retry or park the entry; returns the outcome for the metrics."""
        park = isinstance(exc, PermanentDeliveryError)
        error = f"{type(exc).__name__}: {exc}"
        async with unit_of_work(self.session_factory) as db:
            held = await service.mark_failed(
                db,
                entry,
                token,
                error,
                base=self.settings.outbox.backoff_base_seconds,
                cap=self.settings.outbox.backoff_max_seconds,
                park=park,
                clock=self.clock,
            )
            if held and park:
                await handler.parked(db, entry, error)
        log.warning(
            "outbox_parked" if park else "outbox_retry",
            kind=entry.kind,
            entry=str(entry.id),
            attempts=entry.attempts,
            error_type=type(exc).__name__,
        )
        return "parked" if park else "retry"


async def _first(*awaitables: Awaitable[object]) -> None:
    tasks = [asyncio.ensure_future(a) for a in awaitables]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
