# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Schemathesis against the served OpenAPI schema, signed in as every role.

The app runs under a real uvicorn server on the test's event loop (its database, seeded with the
demo municipality); Schemathesis generates requests for every operation of ``/schema/openapi.json``
in a worker thread: valid ones (positive) and invalid ones (negative), as anonymous and as each
role whose guard lets it through (the resident with a session cookie and ``X-CSRF-Token``, the PWA's
way; the staff and volunteers with bearer tokens). Path parameters are sometimes replaced by ids
that exist, so requests reach past "not found".

Every response must be: not a server error; if an error, an RFC 9457 problem-details document
(``application/problem+json`` with ``type``, ``title`` and ``status`` equal to the HTTP status);
conform to the schema (status, content type, body); and a rejected request (4xx) must leave every
table's row count unchanged. String fields sometimes get a NUL character (PostgreSQL cannot store
one: it must be refused, never a 500).

Deterministic (``derandomize``, no example database) and bounded so CI stays within its time
budget: ``WELKOM_FUZZ_EXAMPLES`` examples per operation, role and mode (default 4; a quarter on
SQLite). ``WELKOM_FUZZ_ONLY=<part of an operationId>`` narrows a run, ``WELKOM_FUZZ_DEBUG=1``
prints every call, ``WELKOM_FUZZ_COVERAGE=1`` the statuses seen per operation.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hypothesis
import requests
import schemathesis
import uvicorn
from hypothesis import HealthCheck, Phase
from hypothesis import strategies as st
from litestar import Litestar
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from welkom.app import create_app
from welkom.core.guards import public, signed_in
from welkom.core.identity import ROLES
from welkom.core.settings import Settings
from welkom.demo.seed import DEMO_LOGINS
from welkom.notifications import vapid
from welkom.tables import metadata

EXAMPLES = int(os.environ.get("WELKOM_FUZZ_EXAMPLES", "4"))
ANONYMOUS_EXAMPLES = 2
#: Also check every response against the schema (status, content type, body).
CONFORMANCE = os.environ.get("WELKOM_FUZZ_CONFORMANCE", "1") == "1"
ROLE_LOGINS = {login.role: login.login for login in DEMO_LOGINS}
COOKIE_ROLES = frozenset({"resident"})  # the PWA's way: session cookie + X-CSRF-Token

#: Operations left out: they end the fuzzing session itself (the authorization matrix and the
#: session tests cover them).
NOT_FUZZED = frozenset({"logout", "logoutEverywhere"})

#: Tables a *rejected* request may legitimately write to: wrong activation codes are counted
#: (that is the brute-force limit).
MAY_CHANGE_WHEN_REJECTED = frozenset({"auth_attempt"})

#: Path parameter → tables whose ids are plausible values (so requests get past "not found").
KNOWN_IDS = {
    "resident_id": ["resident"],
    "question_id": ["interaction"],
    "request_id": ["help_request"],
    "volunteer_id": ["volunteer_profile", "account"],
    "item_id": ["service_item", "notification"],
    "place_id": ["service_place"],
    "step_id": ["journey_step"],
    "member_id": ["household_member"],
    "entry_id": ["consent_entry", "outbox_entry"],
    "subscription_id": ["push_subscription"],
    "owner_id": ["service_item", "service_place"],
    "session_id": ["auth_session"],
}
KNOWN_VALUES = {
    "name": ["interactions", "journey", "help-requests", "residents"],
    "language": ["nl", "en", "ar", "xx"],
    "preferred_language": ["nl", "ar"],
    "field": ["title", "summary", "body", "name"],
    "code": ["9999", "0000"],
    "provider_key": ["demo", "nope"],
}


def allowed_roles(app: Litestar) -> dict[str, frozenset[str]]:
    """operationId → the roles its guard admits (every role for public/signed-in routes)."""
    found: dict[str, frozenset[str]] = {}
    for route in app.routes:
        for handler in getattr(route, "route_handlers", []):
            if not handler.include_in_schema or not handler.operation_id:
                continue
            roles: set[str] = set()
            for layer in handler.ownership_layers:
                for guard in layer.guards or []:
                    name = getattr(guard, "__name__", "")
                    if guard in (public, signed_in):
                        roles |= ROLES
                    elif name.startswith("requires_role("):
                        roles |= {r.strip() for r in name[len("requires_role(") : -1].split(",")}
            operation_id = handler.operation_id
            if callable(operation_id):
                continue
            found[operation_id] = frozenset(roles or ROLES)
    return found


def load_schema(base: str) -> Any:
    """The served schema (errors documented as problem details, strict bodies as strict)."""
    raw = requests.get(f"{base}/schema/openapi.json", timeout=120).json()  # slow on a busy CI
    schema = schemathesis.openapi.from_dict(raw)
    schema.config.update(base_url=base)
    return schema


def is_problem(response: Any) -> str | None:
    """None if ``response`` is a valid problem-details document for its status, else why not."""
    content_type = (response.headers.get("content-type") or [""])[0]
    if not content_type.startswith("application/problem+json"):
        return f"content-type {content_type!r}"
    try:
        body = json.loads(response.content)
    except ValueError:
        return "body is not JSON"
    if not isinstance(body, dict):
        return "body is not an object"
    if not isinstance(body.get("type"), str) or not body["type"]:
        return "no type"
    if not isinstance(body.get("title"), str) or not body["title"]:
        return "no title"
    if body.get("status") != response.status_code:
        return f"status {body.get('status')!r} != {response.status_code}"
    return None


@dataclass
class Caller:
    role: str
    session: requests.Session
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)
    calls: int = 0
    by_status: dict[int, int] = field(default_factory=dict)
    by_operation: dict[str, set[int]] = field(default_factory=dict)

    def add(self, where: str, what: str, case: schemathesis.Case) -> None:
        if len(self.problems) < 200:
            self.problems.append(f"{where}: {what}\n    {case.as_curl_command()}")


async def _serve(app: Litestar) -> tuple[uvicorn.Server, asyncio.Task[None], str]:
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, log_config=None, access_log=False, lifespan="on"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, task, f"http://127.0.0.1:{port}"


class Fuzzer:
    """Drives Schemathesis from a worker thread; database reads go to the test's loop."""

    def __init__(
        self, base: str, engine: AsyncEngine, loop: asyncio.AbstractEventLoop, app: Litestar
    ) -> None:
        self.base, self.engine, self.loop = base, engine, loop
        self.roles = allowed_roles(app)
        self.findings = Findings()
        tables = [t.name for t in metadata.sorted_tables]
        self._count_sql = text(
            " UNION ALL ".join(f"SELECT '{t}', count(*) FROM \"{t}\"" for t in tables)
        )
        self.counts = self._run(self._row_counts())
        self.known = self._run(self._known_ids())
        self.callers: dict[str, Caller] = {}
        self.sqlite = engine.dialect.name == "sqlite"

    def _run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    async def _row_counts(self) -> dict[str, int]:
        async with self.engine.connect() as conn:
            return dict((await conn.execute(self._count_sql)).all())

    async def _known_ids(self) -> dict[str, list[str]]:
        known: dict[str, list[str]] = {}
        async with self.engine.connect() as conn:
            for param, tables in KNOWN_IDS.items():
                values: list[str] = []
                for table in tables:
                    rows = await conn.execute(text(f'SELECT id FROM "{table}" LIMIT 20'))
                    values += [str(row[0]) for row in rows]
                known[param] = values
        return {**known, **KNOWN_VALUES}

    def caller(self, role: str, *, fresh: bool = False) -> Caller:
        if role in self.callers and not fresh:
            return self.callers[role]
        session = requests.Session()
        caller = Caller(role, session)
        if role != "anonymous":
            response = session.post(
                f"{self.base}/api/v1/auth/demo-login", json={"login": ROLE_LOGINS[role]}, timeout=30
            )
            assert response.status_code == 200, response.text
            if role in COOKIE_ROLES:
                caller.headers = {"X-CSRF-Token": session.cookies["welkom_csrf"]}
            else:
                session.cookies.clear()
                caller.headers = {"Authorization": f"Bearer {response.json()['token']}"}
            self.counts = self._run(self._row_counts())  # the login made a session
        self.callers[role] = caller
        return caller

    def fuzz(self, operation: schemathesis.APIOperation, role: str, mode: Any, n: int) -> None:
        n = max(1, n // 4) if self.sqlite else n  # PostgreSQL is the production database
        where = f"{operation.method.upper()} {operation.path} [{role}, {mode.value}]"

        @hypothesis.settings(
            max_examples=n,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @hypothesis.given(case=operation.as_strategy(generation_mode=mode), data=st.data())
        def run(case: schemathesis.Case, data: st.DataObject) -> None:
            for name in list(case.path_parameters or {}):
                candidates = self.known.get(name)
                if candidates and data.draw(st.booleans(), label=f"known {name}"):
                    case.path_parameters[name] = data.draw(st.sampled_from(candidates))
            if isinstance(case.body, dict) and mode == schemathesis.GenerationMode.POSITIVE:
                for name in list(case.body):
                    candidates = self.known.get(name)
                    if candidates and data.draw(st.booleans(), label=f"known {name}"):
                        case.body[name] = data.draw(st.sampled_from(candidates))
                    elif (
                        isinstance(case.body[name], str)
                        and data.draw(st.integers(0, 7), label=f"NUL in {name}") == 0
                    ):  # PostgreSQL cannot store NUL: it must be refused, not a 500
                        case.body[name] += "\x00"
            self.call(where, role, case)

        with contextlib.suppress(hypothesis.errors.Unsatisfiable):
            run()  # Unsatisfiable: nothing to make invalid (no parameters, no body)

    def call(self, where: str, role: str, case: schemathesis.Case) -> None:
        caller = self.caller(role)
        response = case.call(
            base_url=self.base, session=caller.session, headers=caller.headers, timeout=30
        )
        if response.status_code == 401 and role != "anonymous":  # e.g. the session was ended
            caller = self.caller(role, fresh=True)
            response = case.call(
                base_url=self.base, session=caller.session, headers=caller.headers, timeout=30
            )
        findings = self.findings
        if os.environ.get("WELKOM_FUZZ_DEBUG"):
            print(where, response.status_code, case.body, response.content[:300])
        findings.calls += 1
        findings.by_status[response.status_code] = (
            findings.by_status.get(response.status_code, 0) + 1
        )
        findings.by_operation.setdefault(where.split(" [")[0], set()).add(response.status_code)
        if response.status_code >= 500:
            findings.add(where, f"server error {response.status_code}", case)
        if response.status_code >= 400 and (why := is_problem(response)):
            findings.add(where, f"{response.status_code} is not problem details: {why}", case)
        if CONFORMANCE:
            try:
                case.validate_response(
                    response,
                    checks=[
                        schemathesis.checks.response_schema_conformance,
                        schemathesis.checks.content_type_conformance,
                    ],
                )
            except (Exception, BaseExceptionGroup) as exc:  # schemathesis: a failure group
                parts = getattr(exc, "exceptions", [exc])
                summary = "; ".join(str(p).splitlines()[0] for p in parts)
                findings.add(
                    where, f"{response.status_code} does not match the schema: {summary}", case
                )
        after = self._run(self._row_counts())
        if 400 <= response.status_code < 500:
            changed = {
                t: (self.counts[t], n)
                for t, n in after.items()
                if n != self.counts.get(t) and t not in MAY_CHANGE_WHEN_REJECTED
            }
            if changed:
                findings.add(
                    where, f"rejected ({response.status_code}) but changed {changed}", case
                )
        self.counts = after


def fuzz_everything(fuzzer: Fuzzer, schema: Any, only: Callable[[str], bool]) -> None:
    modes = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
    for result in schema.get_all_operations():
        operation = result.ok()
        operation_id = operation.definition.raw.get("operationId")
        if operation_id in NOT_FUZZED or not only(operation_id):
            continue
        roles = sorted(fuzzer.roles.get(operation_id, ROLES) & set(ROLE_LOGINS))
        for mode in modes:
            fuzzer.fuzz(operation, "anonymous", mode, ANONYMOUS_EXAMPLES)
            for role in roles:
                fuzzer.fuzz(operation, role, mode, EXAMPLES)


async def test_schemathesis_finds_no_server_errors_and_only_problem_details(
    settings: Settings, engine: AsyncEngine, seeded: None, tmp_path: Path
) -> None:
    vapid.generate(tmp_path / "vapid.pem")  # push set up, so push routes answer for real
    app = create_app(
        settings.model_copy(
            update={
                "log_level": "WARNING",
                "data_dir": tmp_path,
                "vapid_private_key_file": tmp_path / "vapid.pem",
            }
        )
    )
    server, task, base = await _serve(app)
    loop = asyncio.get_running_loop()
    started = time.monotonic()
    try:
        schema = await asyncio.to_thread(load_schema, base)
        fuzzer = await asyncio.to_thread(Fuzzer, base, engine, loop, app)
        only = os.environ.get("WELKOM_FUZZ_ONLY")
        await asyncio.to_thread(
            fuzz_everything, fuzzer, schema, (lambda op: only in op) if only else (lambda op: True)
        )
    finally:
        server.should_exit = True
        await task
    findings = fuzzer.findings
    print(
        f"\nschemathesis: {findings.calls} calls in {time.monotonic() - started:.1f} s; "
        f"statuses {dict(sorted(findings.by_status.items()))}"
    )
    if os.environ.get("WELKOM_FUZZ_COVERAGE"):
        for where, statuses in sorted(findings.by_operation.items()):
            print(f"{where}: {sorted(statuses)}")
    assert not findings.problems, "\n".join(findings.problems)


async def test_the_served_schema_documents_errors_as_problem_details(client: Any) -> None:
    schema = (await client.get("/schema/openapi.json")).json()
    assert schema["components"]["schemas"]["ProblemDetails"]["required"] == [
        "type",
        "title",
        "status",
    ]
    assert schema["components"]["schemas"]["QuestionIn"]["additionalProperties"] is False
    assert "additionalProperties" not in schema["components"]["schemas"]["NotificationIn"]
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for code, response in operation["responses"].items():
                where = f"{method.upper()} {path} {code}"
                if code[0] in "45":
                    assert list(response["content"]) == ["application/problem+json"], where
                if code == "204":
                    assert "content" not in response, where
            assert {"4XX", "5XX"} <= operation["responses"].keys(), f"{method.upper()} {path}"
