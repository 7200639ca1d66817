# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Database round trips per request on the hot resident endpoints (issue 11, API performance).

Counts what the application sends to the database while one request is served: SQL statements
(``before_cursor_execute``), connection checkouts from the pool (each one a ping when
``pool_pre_ping`` is on) and transaction ends. On PostgreSQL a BEGIN precedes the first
statement that writes (``welkom.core.database.defer_begin_until_write``), and a COMMIT or
ROLLBACK ends it; a request that only reads sends neither. So round trips ≈ statements +
BEGIN/COMMIT pairs of writing requests + pings (:attr:`Counts.round_trips` counts a pair per
transaction end, an upper bound). The ceilings below fail the build if a
change brings back a second session per request or per-request lookups of slow-changing rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import event

from tests.conftest import login


@dataclass
class Counts:
    statements: list[str] = field(default_factory=list)
    checkouts: int = 0
    ends: int = 0

    @property
    def round_trips(self) -> int:
        """Statements, at most one BEGIN and one COMMIT/ROLLBACK per transaction, pings."""
        return len(self.statements) + 2 * self.ends + self.pings

    pings: int = 0


@contextmanager
def counting(app: Litestar) -> Iterator[Counts]:
    engine = app.state.engine.sync_engine
    counts = Counts()
    pre_ping = engine.pool._pre_ping

    def statement(_conn, _cursor, sql, *_args) -> None:  # type: ignore[no-untyped-def]
        counts.statements.append(sql.split("\n", 1)[0][:80])

    def checkout(*_args) -> None:  # type: ignore[no-untyped-def]
        counts.checkouts += 1
        counts.pings += 1 if pre_ping else 0

    def end(*_args) -> None:  # type: ignore[no-untyped-def]
        counts.ends += 1

    listeners = [
        (engine, "before_cursor_execute", statement),
        (engine.pool, "checkout", checkout),
        (engine, "commit", end),
        (engine, "rollback", end),
    ]
    for target, name, fn in listeners:
        event.listen(target, name, fn)
    try:
        yield counts
    finally:
        for target, name, fn in listeners:
            event.remove(target, name, fn)


#: (method, path, body, maximum statements, maximum checkouts)
HOT = [
    ("GET", "/api/v1/me", None, 2, 1),
    ("GET", "/api/v1/me/questions", None, 2, 1),
    # session, idempotency, the hourly question quota, the question in a savepoint (SAVEPOINT,
    # INSERT, RELEASE: a colliding short reference is drawn again without losing the
    # transaction), its outbox entry, commit
    ("POST", "/api/v1/me/questions", {"text": "Waar is het zwembad?", "language": "nl"}, 8, 1),
    ("GET", "/api/v1/me/journey", None, 3, 1),
    ("GET", "/api/v1/services", None, 2, 1),
]


@pytest.mark.parametrize(("method", "path", "body", "max_statements", "max_checkouts"), HOT)
async def test_hot_endpoints_use_one_connection_and_few_statements(
    app: Litestar,
    client: AsyncTestClient,
    method: str,
    path: str,
    body: dict | None,
    max_statements: int,
    max_checkouts: int,
) -> None:
    headers = await login(client, "demo-resident")
    headers["Idempotency-Key"] = "roundtrip-1"
    # Once to warm up whatever the process caches, then count the second request.
    first = await client.request(method, path, json=body, headers=headers)
    assert first.status_code < 300, first.text
    headers["Idempotency-Key"] = "roundtrip-2"
    with counting(app) as counts:
        response = await client.request(method, path, json=body, headers=headers)
    assert response.status_code < 300, response.text
    print(
        f"\n{method} {path}: {len(counts.statements)} statements, {counts.checkouts} checkouts, "
        f"{counts.ends} commit/rollback, ~{counts.round_trips} round trips: {counts.statements}"
    )
    assert counts.checkouts <= max_checkouts, counts
    assert len(counts.statements) <= max_statements, counts.statements
