# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The outbox delivers every interaction exactly once, whatever fails in between."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from welkom.cases.local import LocalCaseRegister
from welkom.cases.models import LocalDocument, LocalZaak
from welkom.cases.ports import RegistrationRequest, RegistrationResult
from welkom.cases.service import RegisterInteractionHandler
from welkom.core.database import create_engine, session_factory
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.core.unit_of_work import unit_of_work
from welkom.interactions.models import Interaction
from welkom.interactions.service import REGISTER_KIND
from welkom.outbox import service as outbox
from welkom.outbox.models import OutboxEntry, OutboxState
from welkom.outbox.worker import OutboxWorker
from welkom.processing import service as processing
from welkom.residents.models import Resident
from welkom.zgw.errors import CaseRegisterError, CaseRegisterRefused

pytestmark = pytest.mark.time_dependent


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class ScriptedRegister:
    """The local register behind a script of failures: each call takes the next step.

    ``"down"``: fail before reaching the register; ``"lost"``: the register made the zaak but
    the answer never arrived; ``"refuse"``: 4xx; ``"ok"``: pass through. Counts real registrations.
    """

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], script: list[str] | None = None
    ) -> None:
        self.inner, self.script = LocalCaseRegister(sessions), list(script or [])
        self.calls: Counter[str] = Counter()

    async def register(self, request: RegistrationRequest) -> RegistrationResult:
        step = self.script.pop(0) if self.script else "ok"
        if step == "down":
            raise CaseRegisterError("connection refused")
        if step == "refuse":
            raise CaseRegisterRefused("400 zaaktype: not published")
        self.calls[request.identificatie] += 1
        result = await self.inner.register(request)
        if step == "lost":
            raise CaseRegisterError("read timeout")
        return result


async def add_questions(db: AsyncSession, count: int) -> list[uuid.UUID]:
    resident = (await db.execute(select(Resident))).scalars().first()
    assert resident is not None
    interactions = [
        Interaction(
            municipality_id=resident.municipality_id,
            resident_id=resident.id,
            kind="question",
            language="nl",
            text=f"Vraag {n}",
        )
        for n in range(count)
    ]
    db.add_all(interactions)
    for interaction in interactions:
        outbox.enqueue(
            db,
            kind=REGISTER_KIND,
            municipality_id=resident.municipality_id,
            reference=interaction.id,
        )
    await db.commit()
    return [interaction.id for interaction in interactions]


def make_worker(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    register: ScriptedRegister,
    clock: Clock,
    name: str = "w",
) -> OutboxWorker:
    processing.configure(settings)  # as `welkom worker` does: a registration is a processing
    handler = RegisterInteractionHandler(sessions, lambda _municipality: register)
    return OutboxWorker(sessions, {REGISTER_KIND: handler}, settings, name=name, clock=clock)


async def entries(db: AsyncSession) -> list[OutboxEntry]:
    db.expire_all()
    return list((await db.execute(select(OutboxEntry))).scalars())


@pytest.fixture
def sessions(engine) -> async_sessionmaker[AsyncSession]:
    return session_factory(engine)


async def test_fails_n_times_then_one_zaak(
    seeded: None, db: AsyncSession, sessions: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    (question_id,) = await add_questions(db, 1)
    clock = Clock()
    register = ScriptedRegister(sessions, ["down", "lost", "down", "lost", "ok"])
    worker = make_worker(sessions, settings, register, clock)
    delays = []
    for _ in range(5):
        assert await worker.run_once() == 1
        (entry,) = await entries(db)
        if entry.state == OutboxState.pending:
            delays.append((entry.next_attempt_at - clock.now).total_seconds())
            assert await worker.run_once() == 0  # not due yet: backoff holds
            clock.advance(hours=2)
    (entry,) = await entries(db)
    assert entry.state == OutboxState.delivered
    assert entry.attempts == 5
    assert entry.last_error  # what went wrong before it was delivered stays on record
    assert len(delays) == 4
    assert delays == sorted(delays) or max(delays) <= settings.outbox.backoff_max_seconds
    assert len((await db.execute(select(LocalZaak))).scalars().all()) == 1
    assert len((await db.execute(select(LocalDocument))).scalars().all()) == 1
    db.expire_all()
    registered = await db.get(Interaction, question_id)
    assert registered is not None
    assert registered.registration_state == "registered"


def test_backoff_grows_with_jitter_and_a_cap() -> None:
    for attempt in range(1, 12):
        delay = outbox.backoff(attempt, 2.0, 600.0)
        ceiling = min(600.0, 2.0 * 2 ** (attempt - 1))
        assert ceiling / 2 <= delay <= ceiling
    assert len({round(outbox.backoff(6, 2.0, 600.0), 6) for _ in range(20)}) > 1  # jitter


async def test_a_worker_dies_after_claiming_and_another_delivers_once(
    seeded: None, db: AsyncSession, sessions: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    await add_questions(db, 3)
    clock = Clock()
    async with unit_of_work(sessions) as claim_db:  # worker A claims, then dies
        _, claimed = await outbox.claim(
            claim_db,
            limit=10,
            lease=timedelta(seconds=settings.outbox.lease_seconds),
            kinds=[REGISTER_KIND],
            clock=clock,
        )
    assert len(claimed) == 3
    register = ScriptedRegister(sessions)
    worker_b = make_worker(sessions, settings, register, clock, "b")
    assert await worker_b.run_once() == 0  # A's lease still holds
    clock.advance(seconds=settings.outbox.lease_seconds + 1)
    assert await worker_b.run_once() == 3
    assert all(entry.state == OutboxState.delivered for entry in await entries(db))
    assert sorted(register.calls.values()) == [1, 1, 1]


async def test_late_completion_after_losing_the_lease_is_ignored(
    seeded: None, db: AsyncSession, sessions: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    await add_questions(db, 1)
    clock = Clock()
    lease = timedelta(seconds=5)
    async with unit_of_work(sessions) as s:
        token_a, (entry,) = await outbox.claim(
            s, limit=1, lease=lease, kinds=[REGISTER_KIND], clock=clock
        )
    clock.advance(seconds=6)
    async with unit_of_work(sessions) as s:
        token_b, (again,) = await outbox.claim(
            s, limit=1, lease=lease, kinds=[REGISTER_KIND], clock=clock
        )
    assert again.id == entry.id
    assert again.attempts == 2
    async with unit_of_work(sessions) as s:
        assert await outbox.mark_delivered(s, entry.id, token_a, clock=clock) is False
        assert await outbox.mark_delivered(s, entry.id, token_b, clock=clock) is True
    (final,) = await entries(db)
    assert final.state == OutboxState.delivered


async def test_refused_entries_are_parked_not_dropped(
    seeded: None, db: AsyncSession, sessions: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    (question_id,) = await add_questions(db, 1)
    clock = Clock()
    worker = make_worker(sessions, settings, ScriptedRegister(sessions, ["refuse"]), clock)
    assert await worker.run_once() == 1
    clock.advance(days=30)
    assert await worker.run_once() == 0  # parked entries wait for a person
    (entry,) = await entries(db)
    assert entry.state == OutboxState.parked
    assert "not published" in (entry.last_error or "")
    db.expire_all()
    parked = await db.get(Interaction, question_id)
    assert parked is not None
    assert parked.registration_state == "parked"
    assert (await db.execute(select(LocalZaak))).first() is None


@pytest.mark.postgresql_only
async def test_two_workers_race_over_500_entries_each_delivered_once(
    backend: str, seeded: None, db: AsyncSession, settings: Settings
) -> None:
    await add_questions(db, 500)
    racing = settings.model_copy(update={"outbox_batch_size": 20, "outbox_concurrency": 4})
    engines = [create_engine(racing), create_engine(racing)]
    try:
        registers, workers = [], []
        for n, engine in enumerate(engines):
            sessions = session_factory(engine)
            register = ScriptedRegister(sessions)
            registers.append(register)
            workers.append(make_worker(sessions, racing, register, Clock(), f"w{n}"))
        delivered = await asyncio.gather(*(worker.drain() for worker in workers))
    finally:
        for engine in engines:
            await engine.dispose()
    calls = registers[0].calls + registers[1].calls
    assert sum(delivered) == 500
    assert all(d > 0 for d in delivered), "both workers took part"
    assert len(calls) == 500
    assert set(calls.values()) == {1}
    final = await entries(db)
    assert {entry.state for entry in final} == {OutboxState.delivered}
    assert {entry.attempts for entry in final} == {1}
    assert len((await db.execute(select(LocalZaak))).scalars().all()) == 500


async def test_a_municipality_case_system_gets_its_rate_and_the_rest_waits(
    seeded: None, db: AsyncSession, sessions: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    """Deliveries beyond ``WELKOM_CASE_DELIVERIES_PER_MINUTE`` wait their turn: none is lost,
    none counts as a failed attempt."""
    await add_questions(db, 12)
    clock = Clock()
    register = ScriptedRegister(sessions)
    rated = settings.model_copy(update={"case_deliveries_per_minute": 5})
    worker = make_worker(sessions, rated, register, clock)

    assert await worker.run_once() == 12
    # At most the rate (fewer when a delivery finishing during a check is counted twice).
    first_minute = len(register.calls)
    assert 1 <= first_minute <= 5
    waiting = [e for e in await entries(db) if e.state == OutboxState.pending]
    assert len(waiting) == 12 - first_minute
    assert {e.attempts for e in waiting} == {0}
    start = clock.now
    assert all(start < e.next_attempt_at <= start + timedelta(minutes=1) for e in waiting)

    clock.advance(seconds=59)
    await worker.drain()
    assert len(register.calls) <= 5  # still the same minute
    for _ in range(4):  # a minute later each time: never more than the rate in one
        clock.advance(minutes=1)
        before = len(register.calls)
        await worker.drain()
        assert len(register.calls) - before <= 5

    assert all(e.state == OutboxState.delivered and e.attempts == 1 for e in await entries(db))
    assert sorted(register.calls.values()) == [1] * 12


class HeldHandler:
    """Delivers nothing until the test lets it: each delivery waits for ``release``."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.begun: list[uuid.UUID] = []
        self.done: list[uuid.UUID] = []
        self.changed = asyncio.Event()

    async def deliver(self, entry: OutboxEntry):
        self.begun.append(entry.id)
        self.changed.set()
        await self.release.wait()
        self.done.append(entry.id)

        async def completion(_db: AsyncSession) -> None:
            return None

        return completion

    async def parked(self, db: AsyncSession, entry: OutboxEntry, error: str) -> None:
        raise AssertionError("nothing is parked here")


async def _begun(handler: HeldHandler, count: int) -> None:
    async with asyncio.timeout(10):
        while len(handler.begun) < count:
            await handler.changed.wait()
            handler.changed.clear()


async def test_stopping_hands_back_what_has_not_begun_at_once_and_lets_the_rest_finish(
    seeded: None, db: AsyncSession, sessions: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    await add_questions(db, 3)
    one_at_a_time = settings.model_copy(update={"outbox_concurrency": 1})
    handler = HeldHandler()
    worker = OutboxWorker(sessions, {REGISTER_KIND: handler}, one_at_a_time, clock=Clock())
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop))
    await _begun(handler, 1)
    stop.set()

    def states() -> Counter:
        return Counter((e.state, e.attempts, e.claim_token is None) for e in rows)

    rows: list[OutboxEntry] = []
    for _ in range(500):  # the two not begun are back before the one under way finishes
        rows = await entries(db)
        if states()[(OutboxState.pending, 0, True)] == 2:
            break
        await asyncio.sleep(0.01)
    assert states() == {(OutboxState.pending, 0, True): 2, (OutboxState.in_progress, 1, False): 1}
    assert not running.done()  # the delivery under way may finish
    handler.release.set()
    await asyncio.wait_for(running, 10)
    rows = await entries(db)
    assert states() == {(OutboxState.pending, 0, True): 2, (OutboxState.delivered, 1, True): 1}
    assert handler.done == handler.begun  # one delivery, completed; the others never began


async def test_a_delivery_still_running_after_the_grace_is_cancelled_and_handed_back(
    seeded: None, db: AsyncSession, sessions: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    await add_questions(db, 2)
    short_grace = settings.model_copy(update={"shutdown_grace_seconds": 1})
    handler = HeldHandler()  # never released: the case system hangs
    clock = Clock()
    worker = OutboxWorker(sessions, {REGISTER_KIND: handler}, short_grace, clock=clock)
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop))
    await _begun(handler, 2)
    stop.set()
    await asyncio.wait_for(running, 5)  # the grace (1 s), not the lease (300 s)
    rows = await entries(db)
    assert [(e.state, e.attempts, e.claim_token, e.lease_expires_at) for e in rows] == [
        (OutboxState.pending, 0, None, None)
    ] * 2
    assert handler.done == []
    # Due again at once for any worker, not after the lease.
    again = HeldHandler()
    again.release.set()
    other = OutboxWorker(sessions, {REGISTER_KIND: again}, settings, clock=clock)
    assert await other.run_once() == 2
    assert all(e.state == OutboxState.delivered for e in await entries(db))
