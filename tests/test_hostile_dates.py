# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Hostile dates: valid-looking page cursors and date/time query parameters with naive,
extreme and malformed instants, on every route that takes them, for every role that reaches it.

Schemathesis (tests/test_hostile_schemathesis.py) does not build cursors that decode, nor dates
at the edges of the calendar; this test does. Routes are discovered from the app's own OpenAPI
document, so a new list route (a ``cursor`` parameter) or a new date/time query parameter
(``format: date-time`` or ``date``, or a month as :data:`welkom.core.dates.MONTH_PATTERN`) is
covered without touching this file.

Every answer must be below 500 and, if refused, an RFC 9457 problem whose ``status`` matches.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import login
from welkom.auth.models import Account
from welkom.core.dates import MONTH_PATTERN
from welkom.demo.seed import DEMO_LOGINS
from welkom.reports.service import REPORTS

HEX = uuid.UUID(int=0).hex


def cursor(value: Any) -> str:
    """A cursor as the server makes them: base64url of JSON, padding stripped."""
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


HOSTILE_INSTANTS = (
    "2026-01-01T00:00:00",  # no time zone
    "2026-01-01",  # a date only: midnight without a time zone
    "0001-01-01T00:00:00+00:00",
    "0001-01-01T00:00:00+14:00",  # before the first instant Python can hold in UTC
    "9999-12-31T23:59:59+00:00",
    "9999-12-31T23:59:59-14:00",  # after the last one
    "1899-12-31T23:59:59Z",
    "9999-01-01T00:00:00Z",
)
HOSTILE_CURSORS = (
    *(cursor([instant, HEX]) for instant in HOSTILE_INSTANTS),
    cursor(["2026-01-01T00:00:00+00:00", "not-hex"]),
    cursor(["2026-01-01T00:00:00+00:00"]),
    cursor([1, 2]),
    cursor([None, None]),
    cursor({"o": 1}),
    cursor("2026-01-01T00:00:00+00:00"),
    cursor(["2026-01-01T00:00:00+00:00", HEX, "extra"]),
    base64.urlsafe_b64encode(b"\xff\xfe[").decode(),
    "%%%",
)
HOSTILE_DATES = ("0001-01-01", "9999-12-31", "2026-02-30", "0000-01-01")
HOSTILE_MONTHS = ("9999-12", "9999-01", "0001-01", "0000-01", "2026-13", "2026-00", "10000-1")


def _schemas(parameter: dict[str, Any]) -> Iterator[dict[str, Any]]:
    schema = parameter.get("schema", {})
    yield schema
    for key in ("oneOf", "anyOf"):
        yield from schema.get(key, [])


def hostile_values(parameter: dict[str, Any]) -> tuple[str, ...]:
    """The hostile values for one query parameter, or none if it takes no cursor or date."""
    if parameter["in"] != "query":
        return ()
    if parameter["name"] == "cursor":
        return HOSTILE_CURSORS
    formats = {schema.get("format") for schema in _schemas(parameter)}
    patterns = {schema.get("pattern") for schema in _schemas(parameter)}
    if "date-time" in formats:
        return HOSTILE_INSTANTS
    if "date" in formats:
        return HOSTILE_DATES
    if MONTH_PATTERN in patterns:
        return HOSTILE_MONTHS
    return ()


def date_routes(app: Litestar) -> list[tuple[str, str, dict[str, tuple[str, ...]]]]:
    """(method, path template, {parameter: hostile values}) for every route that takes one."""
    found = []
    for path, item in app.openapi_schema.to_schema()["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict):
                continue
            values = {
                parameter["name"]: hostile
                for parameter in operation.get("parameters", [])
                if (hostile := hostile_values(parameter))
            }
            if values:
                found.append((method.upper(), path, values))
    return found


async def _paths(db: AsyncSession, template: str) -> list[str]:
    """Concrete paths for a template: path parameters filled with ids that exist."""
    resident_id = (
        await db.execute(select(Account.resident_id).where(Account.demo_login == "demo-resident"))
    ).scalar_one()
    paths = [template.replace("{resident_id}", str(resident_id))]
    if "{name}" in template:
        paths = [path.replace("{name}", name) for path in paths for name in REPORTS]
    return paths


async def test_hostile_cursors_and_dates_never_answer_5xx(
    app: Litestar, client: AsyncTestClient, db: AsyncSession
) -> None:
    routes = date_routes(app)
    covered = {path for _, path, _ in routes}
    assert "/api/v1/admin/residents" in covered  # discovery works (cursor, date-time)
    assert "/api/v1/admin/reports/{name}" in covered  # months
    assert len(routes) >= 20

    callers = {"anonymous": {}}
    for demo in DEMO_LOGINS:
        callers.setdefault(demo.role, await login(client, demo.login))

    sent, failures, reached = 0, [], set()
    for method, template, parameters in routes:
        for path in await _paths(db, template):
            for role, headers in callers.items():
                baseline = await client.request(method, path, headers=headers)
                if baseline.status_code in (401, 403, 404):
                    continue  # this role cannot reach the route: nothing is decoded
                reached.add((template, role))
                for name, values in parameters.items():
                    for value in values:
                        response = await client.request(
                            method, path, params={name: value}, headers=headers
                        )
                        sent += 1
                        problem = response.headers.get("content-type", "").startswith(
                            "application/problem+json"
                        )
                        if (
                            response.status_code >= 500
                            or (response.status_code >= 400 and not problem)
                            or (problem and response.json()["status"] != response.status_code)
                        ):
                            failures.append(
                                f"{response.status_code} {role} {method} {path} {name}={value!r}"
                            )
    print(f"\nhostile date requests: {sent}, failures: {len(failures)}")
    assert {template for template, _ in reached} == covered  # every route reached by some role
    assert not failures, "\n".join(failures)
