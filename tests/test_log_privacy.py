# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""No personal data in the logs of a realistic run, error paths included.

`welkom serve` and `welkom worker` run as real processes on loopback against the test database,
with JSON logs at DEBUG level captured from their output. A resident signs in, asks a question,
corrects their contact details; the database then fails under the API (two 500s) and under the
case register (a failing registration the worker retries), and is repaired. Afterwards neither
process's output may contain any of the personal values sent, and the records manager's error
text on the outbox entry may not either. (tests/test_operations.py covers the in-process happy
path; this one covers the worker, the server's own output and the error paths.)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

# Distinctive values: none of them can appear in a log by accident.
QUESTION = "Mijn zoon Yusuf Haddad-Qasemi heeft astma en wij vinden geen huisarts"
FAILED_QUESTION = "Ik ben bang voor mijn ex-man Karim Obeidullah in Zwolle"
EMAIL = "yusuf.haddad.qasemi.1987@example.net"
PHONE = "+31 6 90817263"
NEW_NAME = "Samira Obeidullah-Haddad"
FAILED_EMAIL = "karim.obeidullah.zwolle@example.org"
SEEDED = ("Amal", "+31 6 12345678")
METRICS_TOKEN = "log-privacy-metrics-token-0123"  # the demo resident's own name and phone

PERSONAL = (
    QUESTION,
    "Yusuf",
    "Haddad",
    "astma",
    FAILED_QUESTION,
    "Karim",
    "Obeidullah",
    EMAIL,
    PHONE,
    "90817263",
    NEW_NAME,
    "Samira",
    FAILED_EMAIL,
    *SEEDED,
    "12345678",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _welkom(*args: str) -> list[str]:
    return [sys.executable, "-c", "from welkom.cli import main; main()", *args]


@pytest.fixture
def run_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "WELKOM_ENV": "test",
        "WELKOM_DATABASE_URL": database_url,
        "WELKOM_DEMO_LOGIN": "true",
        "WELKOM_SESSION_COOKIE_SECURE": "false",
        "WELKOM_SECRET_KEY": "log-privacy-test-secret-key-0123456789",
        "WELKOM_LOG_LEVEL": "DEBUG",
        "WELKOM_LOG_JSON": "true",
        "WELKOM_OUTBOX_POLL_INTERVAL_SECONDS": "0.05",
        "WELKOM_OUTBOX_BACKOFF_BASE_SECONDS": "0.05",
        "WELKOM_OUTBOX_BACKOFF_MAX_SECONDS": "0.2",
        "WELKOM_METRICS_TOKEN": METRICS_TOKEN,
        "PYTHONUNBUFFERED": "1",
    }


class Processes:
    def __init__(self, directory: Path) -> None:
        self.directory, self.running = directory, []

    def start(self, name: str, args: list[str], env: dict[str, str]) -> Path:
        output = self.directory / f"{name}.log"
        handle = output.open("wb")
        process = subprocess.Popen(args, env=env, stdout=handle, stderr=subprocess.STDOUT)
        self.running.append((process, handle))
        return output

    def stop(self) -> None:
        for process, handle in self.running:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            handle.close()
        self.running = []


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    started = Processes(tmp_path)
    yield started
    started.stop()


async def _wait_for(condition, seconds: float = 60.0) -> None:
    import asyncio

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {condition.__name__}")


async def _install_failures(engine: AsyncEngine, backend: str, tables: dict[str, str]) -> None:
    """Make the database refuse writes to ``tables`` (name → INSERT/UPDATE), as a broken disk."""
    async with engine.begin() as conn:
        if backend == "postgresql":
            await conn.execute(
                text(
                    "CREATE OR REPLACE FUNCTION welkom_simulated_failure() RETURNS trigger "
                    "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated storage failure'; "
                    "END $$"
                )
            )
        for table, operation in tables.items():
            if backend == "postgresql":
                body = "FOR EACH ROW EXECUTE FUNCTION welkom_simulated_failure()"
            else:
                # A missing table, not RAISE(): SQLite reports RAISE as a constraint violation.
                body = "BEGIN INSERT INTO simulated_storage_failure VALUES (1); END"
            await conn.execute(
                text(f"CREATE TRIGGER fail_{table} BEFORE {operation} ON {table} {body}")
            )


async def _remove_failures(engine: AsyncEngine, backend: str, tables: list[str]) -> None:
    async with engine.begin() as conn:
        for table in tables:
            suffix = f" ON {table}" if backend == "postgresql" else ""
            await conn.execute(text(f"DROP TRIGGER fail_{table}{suffix}"))


async def test_no_personal_data_in_api_and_worker_logs(
    backend: str, database_url: str, engine: AsyncEngine, db, seeded: None, run_env, processes
) -> None:
    port = _free_port()
    api_log = processes.start(
        "api", _welkom("serve", "--host", "127.0.0.1", "--port", str(port)), run_env
    )
    worker_port = _free_port()
    worker_log = processes.start(
        "worker",
        _welkom("worker", "--metrics-host", "127.0.0.1", "--metrics-port", str(worker_port)),
        run_env,
    )
    base = f"http://127.0.0.1:{port}"
    scraper = {"Authorization": f"Bearer {METRICS_TOKEN}"}

    async with httpx.AsyncClient(base_url=base, timeout=10) as http:

        async def api_up() -> bool:
            try:
                return (await http.get("/ready")).status_code == 200
            except httpx.TransportError:
                return False

        await _wait_for(api_up)
        token = (
            await http.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
        ).json()["token"]
        http.cookies.clear()
        resident = {"Authorization": f"Bearer {token}"}

        # The case register's storage fails: the worker must retry the registration.
        await _install_failures(engine, backend, {"local_zaak": "INSERT"})
        asked = await http.post(
            "/api/v1/me/questions",
            json={"text": QUESTION, "language": "nl"},
            headers={**resident, "Idempotency-Key": "log-privacy-question-1"},
        )
        assert asked.status_code == 201, asked.text
        question_id = asked.json()["id"]

        seen_errors: list[str] = []

        async def retried() -> bool:
            entry = (
                await db.execute(
                    text("SELECT attempts, last_error FROM outbox_entry WHERE reference = :r"),
                    {"r": question_id if backend == "postgresql" else question_id.replace("-", "")},
                )
            ).one_or_none()
            if entry is None or entry.attempts < 2 or entry.last_error is None:
                return False
            seen_errors.append(entry.last_error)
            return True

        await _wait_for(retried)

        # Contact details corrected, an invalid correction, and a name change.
        patched = await http.patch(
            "/api/v1/me", json={"email": EMAIL, "phone": PHONE}, headers=resident
        )
        assert patched.status_code == 200, patched.text
        invalid = await http.patch(
            "/api/v1/me", json={"email": f"{FAILED_EMAIL} {NEW_NAME}"}, headers=resident
        )
        assert invalid.status_code == 400
        unknown = await http.post(
            f"/api/v1/me/questions?about={NEW_NAME}",
            json={"text": QUESTION, "language": "nl", "bsn": "999990019"},
            headers=resident,
        )
        assert unknown.status_code == 400

        # The API's database fails: two 500s, with the personal values in the failed statements.
        await _install_failures(engine, backend, {"interaction": "INSERT", "resident": "UPDATE"})
        failed = await http.post(
            "/api/v1/me/questions",
            json={"text": FAILED_QUESTION, "language": "nl"},
            headers=resident,
        )
        assert failed.status_code == 500
        assert failed.json()["type"] == "urn:welkom:problem:internal-error"
        failed_patch = await http.patch(
            "/api/v1/me", json={"email": FAILED_EMAIL, "preferred_name": NEW_NAME}, headers=resident
        )
        assert failed_patch.status_code == 500

        # Repaired: the worker's retry registers the question.
        await _remove_failures(engine, backend, ["interaction", "resident", "local_zaak"])

        async def registered() -> bool:
            response = await http.get("/api/v1/me/questions", headers=resident)
            items = response.json()["items"]
            return bool(items) and items[0]["registration"]["state"] == "registered"

        await _wait_for(registered)
        assert (await http.get("/api/v1/me", headers=resident)).json()["email"] == EMAIL

        # The worker's own metrics count what happened; neither process's metrics name anyone.
        worker_metrics = (
            await http.get(f"http://127.0.0.1:{worker_port}/metrics", headers=scraper)
        ).text
        kind = 'kind="cases.register_interaction"'
        assert f'welkom_outbox_delivery_results_total{{{kind},outcome="delivered"}} 1.0' in (
            worker_metrics
        )
        assert f'welkom_outbox_delivery_results_total{{{kind},outcome="retry"}}' in worker_metrics
        api_metrics = (await http.get("/metrics", headers=scraper)).text
        assert 'route="/api/v1/me/questions",status="500"' in api_metrics
        for value in PERSONAL:
            assert value not in api_metrics
            assert value not in worker_metrics

    processes.stop()
    api, worker = api_log.read_text(), worker_log.read_text()

    # The run really produced the lines that could have leaked.
    assert '"event": "request"' in api
    assert '"event": "unhandled_error"' in api
    assert '"status": 500' in api
    assert '"event": "outbox_retry"' in worker
    assert '"event": "outbox_delivered"' in worker
    assert "simulated" in api  # the error itself is logged, its data is not

    leaks = [
        (name, value)
        for name, log in (("api", api), ("worker", worker))
        for value in PERSONAL
        if value in log
    ]
    assert leaks == [], f"personal data in the logs: {leaks}"

    # What records managers see about the failed delivery names the failure, not the person.
    assert "simulated" in seen_errors[0]
    assert [value for value in PERSONAL if value in seen_errors[0]] == []
    # The failed requests changed nothing: one question, one outbox entry, old contact details.
    assert (await db.execute(text("SELECT count(*) FROM interaction"))).scalar_one() == 1
    assert (await db.execute(text("SELECT count(*) FROM outbox_entry"))).scalar_one() == 1
