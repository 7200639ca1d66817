# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Test fixtures. Every test that uses ``app``/``client``/``engine`` runs on SQLite and on
PostgreSQL (a fresh database per test, cloned from a migrated template; from one that holds
the demo data too when the test uses ``seeded``).

``--db sqlite`` or ``--db postgresql`` narrows the run; PostgreSQL comes from
``WELKOM_TEST_POSTGRES_URL`` (default: the local server, trust auth).

Tests are isolated from the machine they run on: each starts in an empty temporary working
directory (so the default data directory ``.welkom`` is the test's own), with no ``WELKOM_*``
variables of the caller's environment. ``--clock 2027-12-31T23:59:58+00:00`` starts every test
with the clock moved to that instant (time-machine, ticking on); several instants, separated by
commas, run every test once at each (the instant is part of the test's id). ``./scripts/test``
runs the tests marked ``time_dependent`` that way at several instants, so a test bound to the
date it was written on fails at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from welkom.admin import answers as admin_answers
from welkom.app import create_app, outbox_handlers, register_domains
from welkom.cases.service import CaseRouting
from welkom.core.database import create_engine, migrate, session_factory
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.demo.seed import seed
from welkom.klantcontact.routing import KlantcontactRouting
from welkom.notifications.service import PUSH_KIND
from welkom.outbox.worker import OutboxHandler, OutboxWorker

# Tests call domain services without an app too (GDPR export and erasure walk the registry).
register_domains()

POSTGRES_URL = os.environ.get(
    "WELKOM_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
BACKENDS = ("sqlite", "postgresql")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--db", default=",".join(BACKENDS), help="comma-separated: sqlite,postgresql")
    parser.addoption(
        "--clock",
        default=[],
        type=_aware_instants,
        help="ISO 8601 instants with offset, comma-separated: every test runs once at each, "
        "starting with the clock moved there",
    )


def _aware_instants(value: str) -> list[datetime]:
    instants = [datetime.fromisoformat(part) for part in value.split(",")]
    for instant in instants:
        if instant.tzinfo is None:
            raise ValueError(f"--clock needs an offset, e.g. {instant.isoformat()}+00:00")
    return instants


@pytest.fixture(autouse=True)
def _clock(request: pytest.FixtureRequest) -> datetime | None:
    """The instant this run of the test starts at (``--clock``), or None for the real clock."""
    return getattr(request, "param", None)


@pytest.fixture(autouse=True)
def _isolated(
    _clock: datetime | None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """An empty environment, an empty working directory and, with ``--clock``, a moved clock."""
    for name in [n for n in os.environ if n.startswith("WELKOM_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    start = _clock
    if start is None:
        yield
        return
    with time_machine.travel(start, tick=True):
        yield


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    instants: list[datetime] = metafunc.config.getoption("--clock")
    if instants and "_clock" in metafunc.fixturenames:
        metafunc.parametrize(
            "_clock", instants, indirect=True, ids=[f"clock={i.isoformat()}" for i in instants]
        )
    if "backend" in metafunc.fixturenames:
        chosen = [b for b in metafunc.config.getoption("--db").split(",") if b in BACKENDS]
        if metafunc.definition.get_closest_marker("postgresql_only"):
            chosen = [b for b in chosen if b == "postgresql"]
        metafunc.parametrize("backend", chosen)


def _pg_url(database: str) -> str:
    return POSTGRES_URL.rsplit("/", 1)[0] + "/" + database


async def _pg_admin(sql: str) -> None:
    engine = create_async_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(sql))
    finally:
        await engine.dispose()


def _run_in_thread(coroutine: Any) -> None:
    """Run setup on its own event loop (the test's loop may already be running)."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated PostgreSQL database to clone per test."""
    name = f"welkom_tpl_{os.getpid()}_{uuid.uuid4().hex[:6]}"

    async def create() -> None:
        await _pg_admin(f'CREATE DATABASE "{name}"')
        engine = create_async_engine(_pg_url(name))
        await migrate(engine)
        await engine.dispose()

    _run_in_thread(create())
    yield name
    _run_in_thread(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database file to copy per test (migrating takes ~1 s of CPU, a copy
    a millisecond)."""
    path = tmp_path_factory.mktemp("sqlite-template") / "welkom.db"

    async def create() -> None:
        engine = create_async_engine(f"sqlite+aiosqlite:///{path}")
        await migrate(engine)
        await engine.dispose()

    _run_in_thread(create())
    return path


@pytest.fixture(scope="session")
def pg_drops() -> Iterator[ThreadPoolExecutor]:
    """Drops the tests' PostgreSQL databases in the background, one after the other: a drop
    waits for a checkpoint (seconds on a busy machine) that the next test need not wait for.
    The session ends when all are gone."""
    with ThreadPoolExecutor(1, thread_name_prefix="pg-drop") as pool:
        yield pool


@pytest.fixture(scope="session")
def seeded_templates(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[tuple[str, datetime | None, date], str]]:
    """Migrated databases with the demo data in them, made on first use, by backend, the
    instant the test's clock starts at (``--clock``) and the day in the Netherlands it was
    seeded on (a template seeded yesterday is not used today: demo data is dated)."""
    templates: dict[tuple[str, datetime | None, date], str] = {}
    yield templates
    for (backend, _, _), name in templates.items():
        if backend == "postgresql":
            _run_in_thread(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _seed_into(url: str) -> None:
    engine = create_async_engine(url)
    try:
        async with session_factory(engine)() as session:
            await seed(session)
    finally:
        await engine.dispose()


async def _template(backend: str, request: pytest.FixtureRequest, clock: datetime | None) -> str:
    """The migrated template this test's database starts from: seeded with the demo data when
    the test uses ``seeded`` (seeding takes more CPU than all else a test sets up), else empty.
    A path for SQLite, a database name for PostgreSQL."""
    empty = str(request.getfixturevalue(f"{'sqlite' if backend == 'sqlite' else 'pg'}_template"))
    if "seeded" not in request.fixturenames:
        return empty
    templates = request.getfixturevalue("seeded_templates")
    key = (backend, clock, utcnow().astimezone(AMSTERDAM).date())
    if key not in templates:
        # With a moved clock, the demo data is dated a minute before the test starts at that
        # instant: never after it, whichever test made the template.
        travel = (
            time_machine.travel(clock - timedelta(minutes=1), tick=True)
            if clock is not None
            else contextlib.nullcontext()
        )
        with travel:
            templates[key] = await _make_seeded(backend, request, empty)
    return templates[key]


async def _make_seeded(backend: str, request: pytest.FixtureRequest, empty: str) -> str:
    """A copy of the empty template ``empty`` with the demo data seeded into it."""
    if backend == "sqlite":
        path = request.getfixturevalue("tmp_path_factory").mktemp("seeded") / "welkom.db"
        shutil.copyfile(empty, path)
        await _seed_into(f"sqlite+aiosqlite:///{path}")
        return str(path)
    name = f"welkom_seeded_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    await _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{empty}"')
    await _seed_into(_pg_url(name))
    return name


@pytest.fixture
async def database_url(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, _clock: datetime | None
) -> AsyncIterator[str]:
    """A migrated database of the given backend, for this test only: with the demo data when
    the test uses ``seeded``, else empty."""
    template = await _template(backend, request, _clock)
    if backend == "sqlite":
        database = tmp_path / "welkom.db"
        shutil.copyfile(template, database)
        yield f"sqlite+aiosqlite:///{database}"
        return
    drops = request.getfixturevalue("pg_drops")
    name = f"welkom_t_{uuid.uuid4().hex[:12]}"
    await _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    yield _pg_url(name)
    drops.submit(asyncio.run, _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


#: A secret production accepts (random, like the one docs/operations.md says to generate).
PRODUCTION_SECRET = "eNrIQbRDKlUybezNwmXN6E1UYkxgDwmivKQCdTRHhhjWXmslKhtcGM_hhyqEzigA"


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "env": "test",
        "database_url": database_url,
        "demo_login": True,
        "session_cookie_secure": False,
        "secret_key": "test-secret-key-of-at-least-32-characters!!",
        "outbox_backoff_base_seconds": 0.01,
        "outbox_backoff_max_seconds": 0.05,
        "outbox_poll_interval_seconds": 0.05,
        # Limits on, but generous: tests sign in and write far faster than people do
        # (tests/test_limits.py proves the limits with small values).
        "rate_limit_logins": 100_000,
        "rate_limit_activations": 100_000,
        "rate_limit_writes": 100_000,
        "rate_limit_anonymous_writes": 100_000,
        # Quotas too (tests/test_quotas.py proves them with small values).
        "quota_questions_per_hour": 100_000,
        "quota_uploads_per_day": 100_000,
        "quota_open_help_requests": 100_000,
        "case_deliveries_per_minute": 100_000,
        # Relative to the test's own working directory: never the checkout's built app.
        "pwa_dir": Path("no-pwa-here"),
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@pytest.fixture
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(settings)
    yield engine
    await engine.dispose()


@pytest.fixture
async def db(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """A session for the test's own reads and setup (separate from the app's)."""
    async with session_factory(engine)() as session:
        yield session


@pytest.fixture
async def seeded(db: AsyncSession) -> None:
    """The demo data: already in the database (copied from a seeded template); seeding again
    finds it and adds nothing."""
    await seed(db)
    await db.commit()  # seed() writes in the caller's unit of work


@pytest.fixture
def app(settings: Settings, seeded: None) -> Litestar:
    return create_app(settings)


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[AsyncTestClient]:
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


async def login(client: AsyncTestClient, demo_login: str) -> dict[str, str]:
    """Sign in as a demo account; returns headers carrying its bearer token."""
    response = await client.post("/api/v1/auth/demo-login", json={"login": demo_login})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


@pytest.fixture
async def resident(client: AsyncTestClient) -> dict[str, str]:
    return await login(client, "demo-resident")


@pytest.fixture
async def caseworker(client: AsyncTestClient) -> dict[str, str]:
    return await login(client, "demo-caseworker")


async def row_counts(session: AsyncSession) -> dict[str, int]:
    """Rows per table: compare before and after to prove a request changed nothing."""
    from welkom.tables import metadata

    counts = {}
    for table in metadata.sorted_tables:
        counts[table.name] = (
            await session.execute(text(f'SELECT count(*) FROM "{table.name}"'))
        ).scalar_one()
    return counts


#: ``make_handlers(sessions, settings, case_routing=None)``: see :func:`make_handlers`.
MakeHandlers = Callable[..., dict[str, OutboxHandler]]


@pytest.fixture
async def make_handlers() -> AsyncIterator[MakeHandlers]:
    """Makes every outbox kind's handler, as ``welkom worker`` has them, for given sessions and
    settings: with a case routing (unless the test passes its own) and a klantcontact routing
    of those settings, all closed when the test ends."""
    made: list[CaseRouting | KlantcontactRouting] = []

    def make(
        sessions: async_sessionmaker[AsyncSession],
        settings: Settings,
        *,
        case_routing: CaseRouting | None = None,
    ) -> dict[str, OutboxHandler]:
        if case_routing is None:
            case_routing = CaseRouting(sessions, settings)
            made.append(case_routing)
        contacts = KlantcontactRouting(sessions, settings, conversations=admin_answers)
        made.append(contacts)
        return outbox_handlers(
            sessions, settings, case_routing=case_routing, klantcontact_routing=contacts
        )

    yield make
    for routing in made:
        await routing.aclose()


@pytest.fixture
def worker(engine: AsyncEngine, settings: Settings, make_handlers: MakeHandlers) -> OutboxWorker:
    """An outbox worker with its own engine, as `welkom worker` runs beside the API.

    Its handlers get the test's settings (without them the case and klantcontact routing read
    the process's settings, which the isolated environment does not give). Pushes are left out:
    tests count the entries they drain, and tests/test_notifications_push.py runs its own."""
    sessions = session_factory(engine)
    handlers = make_handlers(sessions, settings)
    del handlers[PUSH_KIND]
    return OutboxWorker(sessions, handlers, settings)
