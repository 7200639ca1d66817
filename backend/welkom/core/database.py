# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Database engine, sessions and migration state, for PostgreSQL and SQLite alike."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from litestar.types import ASGIApp, Receive, Scope, Send
from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from welkom.core.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from alembic.config import Config
    from sqlalchemy.engine import CursorResult
    from sqlalchemy.sql import Executable

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


class DatabaseBehindMigrations(RuntimeError):
    """The database schema is not at the revision this code expects."""


def create_engine(settings: Settings) -> AsyncEngine:
    url = make_url(settings.database.url)
    kwargs: dict[str, Any]
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs = {"connect_args": {"timeout": 30}}
    else:
        # No ping per checkout by default: one request = one checkout, and the ping would be
        # one of its few round trips. A connection the server dropped fails the request that
        # finds it; SQLAlchemy then invalidates the whole pool, so the next ones reconnect.
        kwargs = {
            "pool_size": settings.database.pool_size,
            "pool_pre_ping": settings.database.pool_pre_ping,
            "pool_recycle": settings.database.pool_recycle_seconds,
        }
    # A failed statement's parameters are personal data (question texts, e-mail addresses):
    # keep them out of exception messages, which end up in logs and outbox errors.
    engine = create_async_engine(url, hide_parameters=True, **kwargs)
    if url.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "savepoint", _sqlite_begin_before_savepoint)
    else:
        defer_begin_until_write(engine)
    return engine


#: Key in a pooled connection's ``info``: its transaction's BEGIN waits for the first write.
_BEGIN_DEFERRED = "welkom_begin_deferred"
_PLAIN_SELECT = re.compile(r"\s*SELECT\b", re.IGNORECASE)
_ROW_LOCK = re.compile(r"\bFOR\s+(?:NO\s+KEY\s+UPDATE|UPDATE|KEY\s+SHARE|SHARE)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=2048)
def _plain_read(sql: str) -> bool:
    """A ``SELECT`` that takes no row locks (cached: the same compiled statements recur)."""
    return bool(_PLAIN_SELECT.match(sql)) and not _ROW_LOCK.search(sql)


def defer_begin_until_write(engine: AsyncEngine) -> None:
    """On PostgreSQL, send a transaction's BEGIN just before its first statement that is not a
    plain ``SELECT``, as SQLite's driver already does; a unit of work that only reads sends
    neither BEGIN nor COMMIT.

    Most requests only read, and BEGIN and COMMIT were two of their four round trips. Reads
    before the first write each see the data committed when they start, exactly as they do in
    a READ COMMITTED transaction (PostgreSQL's default, which Welkom uses). What needs the
    transaction gets it before it runs: every statement whose SQL does not start with
    ``SELECT`` (writes, DDL, savepoints, ``WITH``) and every ``SELECT … FOR UPDATE`` or ``FOR
    SHARE`` (its locks last until the commit). A ``SELECT`` calling a function that writes or
    takes a transaction-scoped lock would not be protected: Welkom has none, and such a call
    must come after a write or lock a row first. A connection with an explicit isolation level
    (``execution_options``) is left alone: its snapshot must cover every statement.
    """
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "begin")
    def _defer(conn: Connection) -> None:
        adapter = conn.connection.dbapi_connection
        if adapter is None or adapter.autocommit:  # autocommit was asked for: nothing to defer
            return
        if conn.get_execution_options().get("isolation_level") is not None:
            return
        adapter.autocommit = True  # the asyncpg adapter then starts no transaction
        conn.info[_BEGIN_DEFERRED] = True

    @event.listens_for(sync_engine, "before_cursor_execute")
    def _begin_before_write(conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        if conn.info.get(_BEGIN_DEFERRED) and not _plain_read(statement):
            _end_deferral(conn)  # the driver sends BEGIN before running this statement

    def _end_deferral(conn: Connection) -> None:
        if conn.info.pop(_BEGIN_DEFERRED, False):
            adapter = conn.connection.dbapi_connection
            if adapter is not None:
                adapter.autocommit = False

    event.listen(sync_engine, "commit", _end_deferral)
    event.listen(sync_engine, "rollback", _end_deferral)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin_before_savepoint(conn: Connection, _name: str) -> None:
    """Begin SQLite's transaction before a savepoint that would otherwise come first.

    The sqlite3 driver begins a transaction only before a write, so a ``SAVEPOINT`` emitted
    first would open a transaction of its own, and releasing it would commit what it holds
    right away, before (and whatever) the unit of work decides. PostgreSQL needs nothing.
    """
    driver = conn.connection.driver_connection
    if not getattr(driver, "in_transaction", True):
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cursor.execute("BEGIN")
        cursor.close()


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


#: Key in the ASGI scope's ``state`` under which a request keeps its database session.
_REQUEST_SESSION = "welkom_db"


def request_session(scope: Scope) -> AsyncSession:
    """The request's one database session, made on first use.

    The authentication middleware, the guards and the handler (the ``db`` dependency) all use
    this session: one connection checkout and, for a read, one transaction per request, and
    rows the middleware loaded (the caller's account, resident and municipality) come from the
    session's identity map instead of another query. :func:`request_session_middleware`
    closes it after the response is sent.
    """
    state = scope.setdefault("state", {})
    db: AsyncSession | None = state.get(_REQUEST_SESSION)
    if db is None:
        db = state[_REQUEST_SESSION] = scope["app"].state.session_factory()
    return db


def request_session_middleware(app: ASGIApp) -> ASGIApp:
    """ASGI middleware: close the request's session (if one was made) once the app is done.

    Closing ends an open transaction with a ROLLBACK, so nothing uncommitted survives the
    request, and returns the connection to the pool.
    """

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await app(scope, receive, send)
        finally:
            db: AsyncSession | None = scope.get("state", {}).pop(_REQUEST_SESSION, None)
            if db is not None:
                await db.close()

    return middleware


def alembic_config() -> Config:
    # Alembic (with Mako) is loaded only to migrate: it would take ~15 MB in every API process.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@functools.cache
def head_revision() -> str:
    """The newest migration: the one no other migration names as its ``down_revision``.

    Read from the ``revision`` and ``down_revision`` assignments of the migration files, without
    importing them or Alembic (tests/test_migrations.py checks it against Alembic's own head).
    """
    revisions: set[str] = set()
    revised: set[str] = set()
    target: ast.expr
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.AnnAssign) and node.value is not None:
                target, expression = node.target, node.value
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, expression = node.targets[0], node.value
            else:
                continue
            if not isinstance(target, ast.Name):
                continue
            if target.id == "revision":
                revisions.add(ast.literal_eval(expression))
            elif target.id == "down_revision":
                value = ast.literal_eval(expression)
                revised.update((value,) if isinstance(value, str) else value or ())
    heads = revisions - revised
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


async def current_revision(engine: AsyncEngine) -> str | None:
    """The migration the database is at (Alembic's ``alembic_version`` table), None if none."""
    async with engine.connect() as conn:
        if not await conn.run_sync(
            lambda sync_conn: inspect(sync_conn).has_table("alembic_version")
        ):
            return None
        version = await conn.execute(text("SELECT version_num FROM alembic_version"))
        return version.scalar_one_or_none()


async def migrate(engine: AsyncEngine, revision: str = "head", *, downgrade: bool = False) -> None:
    """Upgrade (or downgrade) the schema on ``engine``'s database, in one transaction."""

    from alembic import command

    def run(sync_conn: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = sync_conn
        if downgrade:
            command.downgrade(config, revision)
        else:
            command.upgrade(config, revision)

    async with engine.begin() as conn:
        await conn.run_sync(run)


async def assert_migrated(engine: AsyncEngine) -> None:
    """Refuse to serve a database that is behind (or ahead of) this code's migrations."""
    current, expected = await current_revision(engine), head_revision()
    if current != expected:
        raise DatabaseBehindMigrations(
            f"the database is at migration {current or '(none)'}, this version of Welkom needs "
            f"{expected}: run `welkom migrate` first"
        )


async def rows_changed(
    db: AsyncSession,
    statement: Executable,
    params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
) -> int:
    """Execute an UPDATE or DELETE and return how many rows it matched.

    ``AsyncSession.execute`` declares a ``Result``, but a statement without ``RETURNING``
    answers a ``CursorResult``, which has the count.
    """
    result = await db.execute(statement, params)
    return cast("CursorResult[Any]", result).rowcount
