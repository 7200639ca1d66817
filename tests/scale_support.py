# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A Welkom cluster on one PostgreSQL database, for the scale-out and fault tests.

Real processes: ``welkom serve`` (API) and ``welkom worker`` (outbox) as subprocesses on free
loopback ports, the test ZGW server in its own process (``tests/zgw/serve.py``), and concurrent
residents asking questions over HTTP. Every subprocess logs to a file under the test's tmp dir;
:meth:`Processes.close` always ends them (process groups, SIGTERM then SIGKILL), and
:meth:`Processes.summary` tells what they logged when a test fails.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import itertools
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx
from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import create_async_engine

from tests.zgw.fixtures import case_type_toml
from welkom.auth.models import Account
from welkom.core.database import session_factory
from welkom.demo.seed import DEMO_MUNICIPALITY_CODE, seed
from welkom.interactions.models import Interaction
from welkom.municipalities.models import Municipality
from welkom.outbox.models import OutboxEntry
from welkom.residents.models import Resident

REPO = Path(__file__).resolve().parents[1]
CLIENT_ID = "welkom-9999"
SECRET = "scale-test-secret-0123456789abcdef01"
RESIDENT_LOGIN = "scale-resident-{}"
RECORDS_LOGIN = "demo-records-manager"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


# ----------------------------------------------------------------------------- processes


@dataclass
class Proc:
    name: str
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    popen: subprocess.Popen | None = None
    log: IO[bytes] | None = None
    starts: int = 0
    kills: int = 0

    cpu_s: float = 0.0  # of the processes ended so far

    def cpu_now(self) -> float:
        """CPU seconds (user + system) of the running process, from /proc."""
        if not self.running:
            return 0.0
        try:
            fields = Path(f"/proc/{self.popen.pid}/stat").read_text().rsplit(")", 1)[1].split()  # type: ignore[union-attr]
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    @property
    def cpu_total(self) -> float:
        return self.cpu_s + self.cpu_now()

    @property
    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None


class Processes:
    """Subprocesses of one test: started, killed, restarted and always cleaned up."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        log_dir.mkdir(parents=True, exist_ok=True)
        self.procs: list[Proc] = []
        self.events: list[tuple[float, str]] = []
        self.t0 = time.monotonic()

    def event(self, what: str) -> None:
        self.events.append((time.monotonic() - self.t0, what))

    def start(self, name: str, argv: list[str], env: dict[str, str]) -> Proc:
        proc = Proc(name, argv, env, self.log_dir / f"{name}.log")
        self.procs.append(proc)
        self._spawn(proc)
        return proc

    def _spawn(self, proc: Proc) -> None:
        if proc.log is None:
            proc.log = proc.log_path.open("ab")
        proc.starts += 1
        proc.log.write(f"==== start {proc.starts}: {' '.join(proc.argv)}\n".encode())
        proc.log.flush()
        proc.popen = subprocess.Popen(
            proc.argv,
            env=proc.env,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=proc.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: killed with everything it forks
        )

    def kill(self, proc: Proc, sig: int = signal.SIGKILL) -> None:
        if proc.popen is None:
            return
        proc.cpu_s += proc.cpu_now()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.popen.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.popen.wait(timeout=10)
        if proc.popen.poll() is None:  # SIGTERM ignored for 10 s
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.popen.pid, signal.SIGKILL)
            proc.popen.wait()
        proc.kills += sig == signal.SIGKILL
        assert proc.log is not None
        proc.log.write(f"==== ended: exit code {proc.popen.returncode}\n".encode())
        proc.log.flush()
        self.event(f"{signal.Signals(sig).name} {proc.name} (exit {proc.popen.returncode})")

    def restart(self, proc: Proc) -> None:
        if proc.running:
            self.kill(proc)
        self._spawn(proc)
        self.event(f"restart {proc.name}")

    def close(self) -> None:
        """End every process still running: SIGTERM, then SIGKILL after 5 s."""
        for proc in self.procs:
            if proc.running:
                proc.cpu_s += proc.cpu_now()
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.popen.pid, signal.SIGTERM)  # type: ignore[union-attr]
        deadline = time.monotonic() + 5
        for proc in self.procs:
            if proc.popen is None:
                continue
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.popen.wait(timeout=max(0.1, deadline - time.monotonic()))
            if proc.popen.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.popen.pid, signal.SIGKILL)
                proc.popen.wait()
            # Anything the process forked and left behind in its group goes too.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.popen.pid, signal.SIGKILL)
            if proc.log is not None:
                proc.log.close()
                proc.log = None

    def cpu(self) -> str:
        """CPU seconds per kind of process (api, worker, zgw), restarts included."""
        totals: collections.Counter = collections.Counter()
        for proc in self.procs:
            totals[proc.name.split("-")[0]] += proc.cpu_total
        return ", ".join(f"{k} {v:.0f} s" for k, v in sorted(totals.items()))

    def summary(self, tail: int = 15) -> str:
        """Per process: starts, kills, exit code, error lines and the end of its log."""
        lines = [f"subprocess logs in {self.log_dir}"]
        for proc in self.procs:
            content = proc.log_path.read_text(errors="replace").splitlines()
            errors = [
                line
                for line in content
                if any(w in line for w in ("Traceback", '"error"', "ERROR", "Error:", "exception"))
            ]
            code = proc.popen.poll() if proc.popen else None
            lines.append(
                f"--- {proc.name}: {proc.starts} start(s), {proc.kills} SIGKILL(s), "
                f"exit code {code}, {len(content)} log lines, {len(errors)} error lines"
            )
            lines += [f"    ! {line[:300]}" for line in errors[:5]]
            lines += [f"    | {line[:300]}" for line in content[-tail:]]
        lines.append("--- events (seconds since start):")
        lines += [f"    {t:7.1f} {what}" for t, what in self.events]
        return "\n".join(lines)

    @contextlib.contextmanager
    def report_on_failure(self) -> Iterator[None]:
        try:
            yield
        except BaseException:
            print(self.summary(), flush=True)  # pytest shows it with the failure
            raise


# ----------------------------------------------------------------------------- ZGW server


class ZGWProcess:
    """The test ZGW server in its own process, with its control channel."""

    def __init__(self, processes: Processes, validate_every: int) -> None:
        self.port, self.control_port = free_port(), free_port()
        ready = processes.log_dir / f"zgw-ready-{uuid.uuid4().hex}.json"
        argv = [
            sys.executable, "-m", "tests.zgw.serve", "--port", str(self.port),
            "--control-port", str(self.control_port), "--ready-file", str(ready),
            "--client", f"{CLIENT_ID}:{SECRET}", "--validate-every", str(validate_every),
        ]  # fmt: skip
        env = dict(os.environ, PYTHONPATH=str(REPO))
        self.proc = processes.start("zgw", argv, env)
        self.processes = processes
        deadline = time.monotonic() + 60
        while not ready.exists():
            if not self.proc.running or time.monotonic() > deadline:
                raise RuntimeError("the test ZGW server did not start:\n" + processes.summary())
            time.sleep(0.05)
        info = json.loads(ready.read_text())
        self.types, self.base = info["types"], info["base"]

    def command(self, command: dict[str, Any]) -> dict[str, Any]:
        with socket.create_connection(("127.0.0.1", self.control_port), timeout=60) as conn:
            conn.sendall(json.dumps(command).encode() + b"\n")
            data = b""
            while not data.endswith(b"\n"):
                chunk = conn.recv(1 << 20)
                if not chunk:
                    break
                data += chunk
        return json.loads(data)

    def mode(self, mode: str) -> None:
        self.command({"mode": mode})
        self.processes.event(f"ZGW {mode}")

    def state(self) -> dict[str, Any]:
        return self.command({"state": True})


# ----------------------------------------------------------------------------- database


async def prepare_database(database_url: str, zgw: ZGWProcess, residents: int) -> None:
    """The demo municipality on the test ZGW server, with ``residents`` extra resident logins."""
    engine = create_async_engine(database_url)
    try:
        async with session_factory(engine)() as db:
            await seed(db)
            await db.execute(
                update(Municipality)
                .where(Municipality.code == DEMO_MUNICIPALITY_CODE)
                .values(case_register="zgw", case_register_settings=zgw.base | {"client_id": CLIENT_ID})
            )  # fmt: skip
            municipality_id = (
                await db.execute(
                    select(Municipality.id).where(Municipality.code == DEMO_MUNICIPALITY_CODE)
                )
            ).scalar_one()
            for n in range(residents):
                resident = Resident(
                    municipality_id=municipality_id,
                    preferred_name=f"Inwoner {n}",
                    preferred_language="nl",
                )
                db.add(resident)
                await db.flush()
                db.add(
                    Account(
                        municipality_id=municipality_id,
                        roles=["resident"],
                        display_name=f"Inwoner {n}",
                        resident_id=resident.id,
                        demo_login=RESIDENT_LOGIN.format(n),
                    )
                )
            await db.commit()
    finally:
        await engine.dispose()


async def outbox_counts(database_url: str) -> dict[str, int]:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state)
            )
            return {str(getattr(state, "value", state)): n for state, n in rows}
    finally:
        await engine.dispose()


async def database_facts(database_url: str) -> dict[str, Any]:
    """Interactions with their registration, and the outbox entries' states and attempts."""
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as conn:
            interactions = {
                str(row.id): (str(row.registration_state), row.zaak_identificatie)
                for row in await conn.execute(
                    select(
                        Interaction.id,
                        Interaction.registration_state,
                        Interaction.zaak_identificatie,
                    )
                )
            }
            entries = list(
                await conn.execute(
                    select(OutboxEntry.reference, OutboxEntry.state, OutboxEntry.attempts).where(
                        OutboxEntry.kind == "cases.register_interaction"
                    )
                )
            )
            connections = (
                (await conn.execute(text("SELECT count(*) FROM pg_stat_activity"))).scalar_one()
                if conn.dialect.name == "postgresql"
                else None
            )
    finally:
        await engine.dispose()
    return {
        "interactions": interactions,
        "entries": [(str(r), str(getattr(s, "value", s)), a) for r, s, a in entries],
        "pg_connections": connections,
    }


# ----------------------------------------------------------------------------- the cluster


def welkom_env(database_url: str, tmp: Path, **overrides: object) -> dict[str, str]:
    """Settings of every Welkom process (``WELKOM_*``; unknown names are ignored by Settings)."""
    values: dict[str, object] = {
        "ENV": "test",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "scale-test-secret-key-of-at-least-32-chars!",
        "DEMO_LOGIN": "true",
        "SESSION_COOKIE_SECURE": "false",
        "DATA_DIR": tmp / "data",
        "CASE_TYPES_DIR": tmp / "case-types",
        "ZGW_CLIENT_SECRETS": json.dumps({DEMO_MUNICIPALITY_CODE: SECRET}),
        "ZGW_TIMEOUT_SECONDS": 10,
        "RECONCILE_INTERVAL_SECONDS": 0,
        "LOG_LEVEL": "WARNING",
        # The hostile-input work adds rate limits on POSTs and login: hundreds of questions a
        # second from a few accounts are the point here, not an attack.
        "RATE_LIMIT_ENABLED": "false",
        # Likewise the resident quotas and the case system's delivery rate (tested on their own
        # in test_quotas.py and test_outbox.py): thousands of questions from 24 residents,
        # delivered as fast as the workers can.
        "QUOTA_QUESTIONS_PER_HOUR": 1_000_000,
        "QUOTA_UPLOADS_PER_DAY": 1_000_000,
        "CASE_DELIVERIES_PER_MINUTE": 0,
        "OUTBOX_POLL_INTERVAL_SECONDS": 0.25,
        "OUTBOX_BACKOFF_BASE_SECONDS": 0.5,
        "OUTBOX_BACKOFF_MAX_SECONDS": 4,
    }
    values.update(overrides)
    env = {k: v for k, v in os.environ.items() if not k.startswith("WELKOM_")}
    env |= {f"WELKOM_{k}": str(v) for k, v in values.items()}
    env["PYTHONPATH"] = str(REPO / "backend")
    return env


@dataclass
class Cluster:
    processes: Processes
    zgw: ZGWProcess
    database_url: str
    apis: list[Proc] = field(default_factory=list)
    api_urls: list[str] = field(default_factory=list)
    workers: list[Proc] = field(default_factory=list)

    def start_api(self, env: dict[str, str]) -> None:
        port = free_port()
        argv = [sys.executable, "-m", "welkom", "serve", "--host", "127.0.0.1", "--port", str(port)]
        self.apis.append(self.processes.start(f"api-{len(self.apis)}", argv, env))
        self.api_urls.append(f"http://127.0.0.1:{port}")

    def start_worker(self, env: dict[str, str]) -> None:
        argv = [sys.executable, "-m", "welkom", "worker"]
        self.workers.append(self.processes.start(f"worker-{len(self.workers)}", argv, env))

    def wait_ready(self, index: int | None = None, timeout: float = 90) -> None:
        """Until every (or one) API process answers /ready."""
        deadline = time.monotonic() + timeout
        for n, (proc, url) in enumerate(zip(self.apis, self.api_urls, strict=True)):
            if index is not None and n != index:
                continue
            while True:
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(url + "/ready", timeout=2).status_code == 200:
                        break
                if not proc.running or time.monotonic() > deadline:
                    raise RuntimeError(f"{proc.name} did not get ready")
                time.sleep(0.1)


def start_cluster(
    processes: Processes,
    database_url: str,
    tmp: Path,
    *,
    apis: int,
    workers: int,
    residents: int,
    validate_every: int,
    worker_settings: dict[str, object],
) -> Cluster:
    zgw = ZGWProcess(processes, validate_every)
    asyncio.run(prepare_database(database_url, zgw, residents))
    (tmp / "case-types").mkdir(parents=True, exist_ok=True)
    (tmp / "case-types" / f"{DEMO_MUNICIPALITY_CODE}.toml").write_text(case_type_toml(zgw.types))
    cluster = Cluster(processes, zgw, database_url)
    api_env = welkom_env(database_url, tmp, DATABASE_POOL_SIZE=4)
    worker_env = welkom_env(database_url, tmp, **({"LOG_LEVEL": "INFO"} | worker_settings))
    for _ in range(apis):
        cluster.start_api(api_env)
    for _ in range(workers):
        cluster.start_worker(worker_env)
    cluster.wait_ready()
    return cluster


def run_async(coroutine: Any) -> Any:
    """Run on a fresh event loop in a thread (pytest-asyncio may own this thread's loop)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


# ----------------------------------------------------------------------------- residents


@dataclass
class Load:
    """What the residents were told: question number → interaction id, and the retries."""

    count: int
    acked: dict[int, str] = field(default_factory=dict)
    replayed: int = 0
    retries: collections.Counter = field(default_factory=collections.Counter)
    failures: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def progress(self) -> float:
        return len(self.acked) / self.count


async def login_residents(api_urls: list[str], residents: int) -> list[str]:
    tokens = []
    async with httpx.AsyncClient(timeout=30) as client:
        for n in range(residents):
            response = await client.post(
                api_urls[n % len(api_urls)] + "/api/v1/auth/demo-login",
                json={"login": RESIDENT_LOGIN.format(n)},
            )
            assert response.status_code == 200, response.text
            tokens.append(response.json()["token"])
    return tokens


class Connection:
    """One keep-alive HTTP/1.1 connection to an API process.

    Deliberately small (a request line, a few headers, a Content-Length body): the load
    generator shares two cores with everything it measures, and a full HTTP client costs
    several milliseconds of CPU per request.
    """

    IDLE_S = 2.0  # uvicorn closes idle connections after 5 s; never reuse one that old

    def __init__(self, url: str) -> None:
        self.host, port = url.removeprefix("http://").split(":")
        self.port = int(port)
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        self.used = 0.0

    async def post(
        self, path: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        if self.streams is None or time.monotonic() - self.used > self.IDLE_S:
            self.close()
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        head = f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        try:
            writer.write(head.encode() + body)
            raw = await reader.readuntil(b"\r\n\r\n")
            lines = raw.decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ", 2)[1])
            answer = {
                k.strip().lower(): v.strip()
                for k, _, v in (line.partition(":") for line in lines[1:] if line)
            }
            content = await reader.readexactly(int(answer.get("content-length", 0)))
        except BaseException:
            self.close()
            raise
        self.used = time.monotonic()
        if answer.get("connection", "").lower() == "close":
            self.close()
        return status, answer, content

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


RETRYABLE = (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError)


async def ask_questions(
    api_urls: list[str],
    tokens: list[str],
    load: Load,
    *,
    seed: int,
    clients: int,
    deadline_s: float = 900,
) -> None:
    """``clients`` concurrent residents ask ``load.count`` questions, spread over the API
    processes, each with an Idempotency-Key; a failed or unanswered request is retried with the
    same key (on the next API process) until it is acknowledged."""
    numbers = itertools.count()
    stop_at = time.monotonic() + deadline_s

    async def client(c: int) -> None:
        connections = [Connection(url) for url in api_urls]
        token = tokens[c % len(tokens)]
        try:
            while (i := next(numbers)) < load.count:
                text = f"Vraag {i}: waar kan ik een afspraak maken?"
                body = json.dumps({"text": text, "language": "nl"}).encode()
                headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": f"s{seed}-{i}"}
                target = i % len(connections)
                while True:
                    try:
                        status, answer, content = await asyncio.wait_for(
                            connections[target].post("/api/v1/me/questions", body, headers), 30
                        )
                    except RETRYABLE as exc:
                        load.retries[type(exc).__name__] += 1
                    else:
                        if status == 201:
                            load.acked[i] = json.loads(content)["id"]
                            load.replayed += answer.get("idempotent-replayed") == "true"
                            break
                        if status not in (429, 502, 503, 504):
                            load.failures.append(f"{i}: {status} {content[:200]!r}")
                            break
                        load.retries[str(status)] += 1
                    if time.monotonic() > stop_at:
                        load.failures.append(f"{i}: gave up retrying")
                        break
                    target = (target + 1) % len(connections)  # another API process, same key
                    await asyncio.sleep(0.05 + random.random() * 0.2)
        finally:
            for connection in connections:
                connection.close()

    try:
        await asyncio.gather(*(client(c) for c in range(clients)))
    finally:
        load.finished = time.monotonic()


async def records_manager_list(
    api_url: str,
    state: str,
    *,
    limit: int = 200,
    until: Callable[[dict], bool] | None = None,
) -> list[dict]:
    """Every entry of ``GET /api/v1/admin/registrations?state=…`` (all pages, or the pages up
    to the first entry ``until`` accepts)."""
    items: list[dict] = []
    async with httpx.AsyncClient(base_url=api_url, timeout=60) as client:
        login = await client.post("/api/v1/auth/demo-login", json={"login": RECORDS_LOGIN})
        assert login.status_code == 200, login.text
        headers = {"Authorization": f"Bearer {login.json()['token']}"}
        cursor = None
        while True:
            params: dict[str, Any] = {"state": state, "limit": limit}
            if cursor:
                params["cursor"] = cursor
            response = await client.get(
                "/api/v1/admin/registrations", params=params, headers=headers
            )
            assert response.status_code == 200, response.text
            page = response.json()
            items += page["items"]
            cursor = page["next_cursor"]
            if not cursor or (until is not None and any(until(e) for e in page["items"])):
                return items


async def wait_until(
    condition: Callable[[], Any], *, within_s: float, interval: float = 0.5
) -> float:
    """Poll an async ``condition`` until true; returns the seconds it took."""
    started = time.monotonic()
    while not await condition():
        if time.monotonic() - started > within_s:
            raise TimeoutError(f"not reached within {within_s} s")
        await asyncio.sleep(interval)
    return time.monotonic() - started


def machine_load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min) / {five:.1f} (5 min) on {os.cpu_count()} CPUs"
