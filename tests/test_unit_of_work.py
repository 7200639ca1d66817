# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The request-scoped unit of work (core/unit_of_work.py): one place commits or rolls back.

A handler that raises leaves nothing; a handler that returns has its writes committed before
the response goes out; a commit that fails is a problem-details error, never a 2xx; and no
module but the unit of work calls ``.commit()``.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar, post
from litestar.testing import AsyncTestClient
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import row_counts
from welkom.app import create_app
from welkom.core.database import session_factory
from welkom.core.deps import DbSession
from welkom.core.guards import public
from welkom.core.idempotency_models import IdempotencyRecord
from welkom.core.middleware import install_edge_middleware
from welkom.core.settings import Settings
from welkom.core.unit_of_work import after_commit, checkpoint, transaction, unit_of_work

SCOPE = "test:unit-of-work"
BACKEND = Path(__file__).resolve().parent.parent / "backend" / "welkom"
#: The modules allowed to call ``.commit()``: the unit of work itself, nothing else.
COMMITTERS = {BACKEND / "core" / "unit_of_work.py"}


def _record(key: str) -> IdempotencyRecord:
    return IdempotencyRecord(
        scope=SCOPE, key=key, request_hash="0" * 64, response_status=201, response_body={}
    )


class Boom(RuntimeError):
    """The handler fails after it wrote."""


@post("/test/uow/ok", guards=[public], status_code=201)
async def write_and_return(db: DbSession) -> dict[str, str]:
    db.add(_record("ok"))
    after_commit(db, lambda: _order.append("after-commit"))
    return {"written": "ok"}


@post("/test/uow/raise", guards=[public], status_code=201)
async def write_and_raise(db: DbSession) -> None:
    db.add(_record("raise"))
    await db.flush()  # really in the database's transaction, not only in the session
    after_commit(db, lambda: _order.append("after-commit"))
    raise Boom("after the write")


@post("/test/uow/conflict", guards=[public], status_code=201)
async def write_a_conflict(db: DbSession) -> None:
    # Two rows with the same (scope, key), unflushed: the constraint fails at the commit.
    db.add(_record("twice"))
    db.add(_record("twice"))


_order: list[str] = []


def _probe() -> Any:
    """Edge middleware: when the response starts, count the committed rows (a session of its
    own, from the app's pool)."""

    def factory(app: ASGIApp) -> ASGIApp:
        async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
            async def probing_send(message: Message) -> None:
                if message["type"] == "http.response.start":
                    async with scope["app"].state.session_factory() as other:
                        count = (
                            await other.execute(
                                select(func.count()).where(IdempotencyRecord.scope == SCOPE)
                            )
                        ).scalar_one()
                    _order.append(f"response-start:{count}")
                await send(message)

            await app(scope, receive, send=probing_send)

        return middleware

    return factory


@pytest.fixture
def uow_app(settings: Settings, seeded: None) -> Litestar:
    _order.clear()
    app = create_app(settings)
    for handler in (write_and_return, write_and_raise, write_a_conflict):
        app.register(handler)
    install_edge_middleware(app, _probe())
    return app


@pytest.fixture
async def uow_client(uow_app: Litestar) -> Any:
    async with AsyncTestClient(app=uow_app, raise_server_exceptions=False) as test_client:
        yield test_client


async def _records(db: AsyncSession) -> int:
    db.expire_all()
    return (
        await db.execute(select(func.count()).where(IdempotencyRecord.scope == SCOPE))
    ).scalar_one()


async def test_a_handler_that_raises_after_writing_leaves_nothing(
    uow_client: AsyncTestClient, db: AsyncSession
) -> None:
    before = await row_counts(db)
    response = await uow_client.post("/test/uow/raise")
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"].endswith(":internal-error")
    assert await row_counts(db) == before
    assert "after-commit" not in _order  # dropped with the rollback


async def test_a_successful_request_is_committed_before_its_response_starts(
    uow_client: AsyncTestClient, db: AsyncSession
) -> None:
    response = await uow_client.post("/test/uow/ok")
    assert response.status_code == 201
    # The probe, at the first byte of the response, already saw the row from another
    # session; the after-commit action ran after the commit and before the response.
    assert _order == ["after-commit", "response-start:1"]
    assert await _records(db) == 1


async def test_a_commit_that_breaks_a_constraint_is_a_409_problem(
    uow_client: AsyncTestClient, db: AsyncSession
) -> None:
    before = await row_counts(db)
    response = await uow_client.post("/test/uow/conflict")
    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"].endswith(":changed-concurrently")
    assert await row_counts(db) == before


async def test_a_commit_that_fails_otherwise_is_a_500_problem_and_nothing_is_kept(
    uow_client: AsyncTestClient, db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real route (ask a question), its commit failing as when the database goes away."""
    token = (
        await uow_client.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
    ).json()["token"]
    before = await row_counts(db)

    async def failing_commit(self: AsyncSession) -> None:
        raise OperationalError("COMMIT", {}, Exception("connection lost"))

    monkeypatch.setattr(AsyncSession, "commit", failing_commit)
    response = await uow_client.post(
        "/api/v1/me/questions",
        json={"text": "Waar kan ik Nederlands leren?", "language": "nl"},
        headers={"Authorization": f"Bearer {token}"},
    )
    monkeypatch.undo()
    assert response.status_code == 500, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await row_counts(db) == before


async def test_unit_of_work_commits_on_success_and_rolls_back_on_error(
    engine: AsyncEngine, db: AsyncSession
) -> None:
    sessions = session_factory(engine)
    ran: list[str] = []
    async with unit_of_work(sessions) as work:
        work.add(_record("kept"))
        after_commit(work, lambda: ran.append("sync"))

        async def later() -> None:
            ran.append("async")

        after_commit(work, later)
    assert ran == ["sync", "async"]

    async def failing() -> None:
        async with unit_of_work(sessions) as work:
            work.add(_record("dropped"))
            after_commit(work, lambda: ran.append("never"))
            raise Boom

    with pytest.raises(Boom):
        await failing()
    assert ran == ["sync", "async"]
    assert await _records(db) == 1


async def test_a_checkpoint_keeps_what_came_before_a_failure(
    engine: AsyncEngine, db: AsyncSession
) -> None:
    async def refuse(work: AsyncSession) -> None:
        async with transaction(work):
            work.add(_record("refused-attempt"))
            await checkpoint(work)
            work.add(_record("the-rest"))
            raise Boom

    async with session_factory(engine)() as work:
        with pytest.raises(Boom):
            await refuse(work)
    keys = (
        (await db.execute(select(IdempotencyRecord.key).where(IdempotencyRecord.scope == SCOPE)))
        .scalars()
        .all()
    )
    assert keys == ["refused-attempt"]


async def test_a_savepoint_that_comes_first_is_rolled_back_with_the_unit(
    engine: AsyncEngine, db: AsyncSession
) -> None:
    """On SQLite a SAVEPOINT before any write used to open a transaction of its own, whose
    release committed at once (core/database.py now begins the transaction first)."""

    async def savepoint_then_fail() -> None:
        async with unit_of_work(session_factory(engine)) as work:
            await work.execute(select(func.count()).select_from(IdempotencyRecord))
            async with work.begin_nested():
                work.add(_record("in-a-savepoint"))
            raise Boom

    with pytest.raises(Boom):
        await savepoint_then_fail()
    assert await _records(db) == 0


def _commit_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "commit"
    ]


def test_no_module_but_the_unit_of_work_commits() -> None:
    """Services, routes, the worker, the CLI and jobs never commit: the unit of work does
    (:func:`welkom.core.unit_of_work.checkpoint` for the documented exceptions)."""
    offenders = [
        f"{path.relative_to(BACKEND.parent)}:{line}"
        for path in sorted(BACKEND.rglob("*.py"))
        if path not in COMMITTERS
        for line in _commit_calls(path)
    ]
    assert offenders == []
    assert all(_commit_calls(path) for path in COMMITTERS)  # the check itself still bites


async def _in_transaction(work: AsyncSession) -> bool:
    """Whether PostgreSQL has a transaction open on the session's connection (asyncpg)."""
    raw = await (await work.connection()).get_raw_connection()
    return bool(raw.driver_connection.is_in_transaction())  # type: ignore[union-attr]


@pytest.mark.postgresql_only
async def test_reads_send_no_begin_and_the_first_write_does(
    engine: AsyncEngine, db: AsyncSession
) -> None:
    """core/database.py ``defer_begin_until_write``: a unit that only reads costs no BEGIN and
    no COMMIT; the first write (or row lock) begins the transaction, which then holds the rest."""
    async with unit_of_work(session_factory(engine)) as work:
        await work.execute(select(func.count()).select_from(IdempotencyRecord))
        assert not await _in_transaction(work)
        work.add(_record("first-write"))
        await work.flush()
        assert await _in_transaction(work)
        await work.execute(select(func.count()).select_from(IdempotencyRecord))
        assert await _in_transaction(work)
        await checkpoint(work)
        await work.execute(select(IdempotencyRecord).with_for_update())  # locks: a transaction
        assert await _in_transaction(work)
    assert await _records(db) == 1


@pytest.mark.postgresql_only
async def test_a_unit_that_read_first_rolls_back_all_its_writes(
    engine: AsyncEngine, db: AsyncSession
) -> None:
    """Reads before the first write are outside the transaction, the writes are not: a failure
    after two writes keeps neither, and the next unit on the same connection defers again."""

    async def read_write_write_fail() -> None:
        async with unit_of_work(session_factory(engine)) as work:
            await work.execute(select(func.count()).select_from(IdempotencyRecord))
            work.add(_record("one"))
            await work.flush()
            work.add(_record("two"))
            await work.flush()
            raise Boom

    with pytest.raises(Boom):
        await read_write_write_fail()
    assert await _records(db) == 0
    async with unit_of_work(session_factory(engine)) as work:
        await work.execute(select(func.count()).select_from(IdempotencyRecord))
        assert not await _in_transaction(work)


@pytest.mark.postgresql_only
async def test_an_explicit_isolation_level_is_left_alone(engine: AsyncEngine) -> None:
    """A connection asked for a stricter isolation level begins at its first read: its
    snapshot must cover every statement."""
    async with engine.connect() as conn:
        serializable = await conn.execution_options(isolation_level="SERIALIZABLE")
        await serializable.execute(select(func.count()).select_from(IdempotencyRecord))
        raw = await serializable.get_raw_connection()
        assert raw.driver_connection.is_in_transaction()  # type: ignore[union-attr]
        await serializable.rollback()
