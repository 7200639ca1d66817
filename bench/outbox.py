# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: drain N pending interactions into the test ZGW server on PostgreSQL.

    .venv/bin/python bench/outbox.py                 # 10 000 questions, 1, 2 and 4 workers
    .venv/bin/python bench/outbox.py --count 2000 --workers 2

For each worker count: a fresh database (migrated, the demo municipality on ZGW, N questions
with their outbox entries), a fresh test ZGW server in its own process (uvicorn on loopback,
every request and answer validated against the official OpenAPI specs), then the worker
processes drain the outbox as `welkom worker` does. Reported: wall time until every entry is
delivered, throughput, and latency per delivery (the five ZGW calls plus the local commit).
Results are appended as Markdown to stdout; copy them into bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "backend"))

PG = os.environ.get(
    "WELKOM_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
CLIENT_ID, SECRET = "welkom-9999", "bench-secret-0123456789abcdef0123"


def pg_url(name: str) -> str:
    return PG.rsplit("/", 1)[0] + "/" + name


# ----------------------------------------------------------------------------- ZGW server


def serve(port: int, types_file: str, validate_every: int) -> None:
    """Run the test ZGW server (one process: its state is in memory)."""
    import uvicorn
    from tests.zgw.server import ZGWServer

    server = ZGWServer(
        {CLIENT_ID: SECRET}, host=f"http://127.0.0.1:{port}", validate_every=validate_every
    )
    types = {
        "question": server.add_zaaktype("Vraag van inwoner"),
        "document": server.add_zaaktype("Document van inwoner"),
    }
    Path(types_file).write_text(json.dumps({"types": types, "base": server.base_urls()}))

    async def report(scope, receive, send):  # /_bench: counts and violations
        if scope["type"] == "http" and scope["path"] == "/_bench":
            body = json.dumps({
                "zaken": len(server.zaken), "documenten": len(server.documenten),
                "zios": len(server.zios), "rollen": len(server.rollen),
                "statussen": len(server.statussen), "violations": server.violations[:5],
                "violation_count": len(server.violations),
                "auth_failures": len(server.auth_failures),
                "requests": len(server.log), "cpu_s": time.process_time(),
            }).encode()  # fmt: skip
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": body})
            return
        await server(scope, receive, send)

    config = uvicorn.Config(
        report, host="127.0.0.1", port=port, log_level="warning", access_log=False
    )
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import signal

        profile = cProfile.Profile()
        signal.signal(
            signal.SIGTERM, lambda *_: (profile.dump_stats(types_file + ".prof"), os._exit(0))
        )
        profile.enable()
    # Nagle's algorithm would hold back each answer's body until the headers were ACKed.
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    listener.bind(("127.0.0.1", port))
    uvicorn.Server(config).run(sockets=[listener])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(tmp: Path, validate_every: int) -> tuple[subprocess.Popen, dict, int]:
    port, types_file = free_port(), tmp / f"types-{uuid.uuid4().hex}.json"
    process = subprocess.Popen(  # noqa: S603 - our own script
        [
            sys.executable,
            __file__,
            "--serve",
            str(port),
            "--types-file",
            str(types_file),
            "--validate-every",
            str(validate_every),
        ]
    )
    for _ in range(200):
        if types_file.exists():
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    return process, json.loads(types_file.read_text()), port
            except OSError:
                pass
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("the test ZGW server did not start")


# ----------------------------------------------------------------------------- database


async def prepare(name: str, count: int, zgw: dict, case_dir: Path) -> None:
    from sqlalchemy import insert, text, update
    from sqlalchemy.ext.asyncio import create_async_engine
    from tests.zgw.fixtures import case_type_toml

    from welkom.core.database import migrate, session_factory
    from welkom.core.models import utcnow
    from welkom.demo.seed import seed
    from welkom.interactions.models import Interaction
    from welkom.municipalities.models import Municipality
    from welkom.outbox.models import OutboxEntry
    from welkom.residents.models import Resident

    admin = create_async_engine(PG, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    engine = create_async_engine(pg_url(name))
    await migrate(engine)
    async with session_factory(engine)() as db:
        await seed(db)
        await db.execute(
            update(Municipality).values(
                case_register="zgw", case_register_settings=zgw["base"] | {"client_id": CLIENT_ID}
            )
        )
        municipality_id = (await db.execute(text("SELECT id FROM municipality"))).scalar_one()
        resident_id = (await db.execute(text("SELECT id FROM resident"))).scalar_one()
        assert Resident  # the seeded resident asks every question
        now = utcnow()
        for start in range(0, count, 1000):
            ids = [uuid.uuid4() for _ in range(min(1000, count - start))]
            await db.execute(insert(Interaction), [
                {"id": i, "municipality_id": municipality_id, "resident_id": resident_id,
                 "kind": "question", "language": "nl", "text": f"Vraag {n}", "created_at": now,
                 "registration_state": "pending"}
                for n, i in enumerate(ids, start)
            ])  # fmt: skip
            await db.execute(insert(OutboxEntry), [
                {"id": uuid.uuid4(), "municipality_id": municipality_id,
                 "kind": "cases.register_interaction", "reference": i, "state": "pending",
                 "attempts": 0, "next_attempt_at": now, "created_at": now}
                for i in ids
            ])  # fmt: skip
        await db.commit()
    await engine.dispose()
    case_dir.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - setup, nothing runs yet
    (case_dir / "9999.toml").write_text(case_type_toml(zgw["types"]))


async def drop(name: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    admin = create_async_engine(PG, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


# ----------------------------------------------------------------------------- workers


def bench_settings(name: str, case_dir: Path, args: argparse.Namespace):
    from welkom.core.settings import Settings

    return Settings(
        env="test", database_url=pg_url(name), secret_key="b" * 40, log_level="WARNING",
        case_types_dir=case_dir, zgw_client_secrets={"9999": SECRET},
        outbox_batch_size=args.batch, outbox_concurrency=args.concurrency,
        database_pool_size=max(4, args.concurrency // 2), outbox_backoff_base_seconds=0.2,
        outbox_backoff_max_seconds=2.0,
    )  # fmt: skip


def work(name: str, case_dir: str, args: argparse.Namespace, out: str) -> None:
    """One worker process: drain until nothing is due; write delivery latencies to ``out``."""

    async def run() -> None:
        from welkom.admin import answers as admin_answers
        from welkom.app import outbox_handlers
        from welkom.cases.service import CaseRouting
        from welkom.core.database import create_engine, session_factory
        from welkom.core.logging import configure_logging
        from welkom.klantcontact.routing import KlantcontactRouting
        from welkom.outbox.worker import OutboxWorker
        from welkom.processing import service as processing

        settings = bench_settings(name, Path(case_dir), args)
        configure_logging("WARNING", json=True)
        processing.configure(settings)  # as `welkom worker` does: deliveries are processings
        engine = create_engine(settings)
        sessions = session_factory(engine)
        routing = CaseRouting(sessions, settings)
        contacts = KlantcontactRouting(sessions, settings, conversations=admin_answers)
        handlers = outbox_handlers(
            sessions, settings, case_routing=routing, klantcontact_routing=contacts
        )
        latencies: list[float] = []

        class Timed:
            def __init__(self, inner) -> None:
                self.inner = inner

            async def deliver(self, entry):
                started = time.perf_counter()
                completion = await self.inner.deliver(entry)

                async def record(db) -> None:
                    await completion(db)
                    latencies.append(time.perf_counter() - started)

                return record

            async def parked(self, db, entry, error):
                await self.inner.parked(db, entry, error)

        worker = OutboxWorker(sessions, {k: Timed(h) for k, h in handlers.items()}, settings)
        await worker.drain(max_batches=1_000_000)
        await routing.aclose()
        await contacts.aclose()
        await engine.dispose()
        result = {"latencies": latencies, "cpu_s": time.process_time()}
        Path(out).write_text(json.dumps(result))  # noqa: ASYNC240 - after the run

    if os.environ.get("BENCH_PROFILE"):  # cProfile one worker: where does the time go?
        import cProfile

        cProfile.runctx("asyncio.run(run())", globals(), locals(), out + ".prof")
    else:
        asyncio.run(run())


def run_once(count: int, workers: int, args: argparse.Namespace, tmp: Path) -> dict:
    import httpx

    server, zgw, port = start_server(tmp, args.validate_every)
    name = f"welkom_bench_{uuid.uuid4().hex[:8]}"
    case_dir = tmp / name
    try:
        asyncio.run(prepare(name, count, zgw, case_dir))
        context = multiprocessing.get_context("spawn")
        outs = [str(tmp / f"{name}-{n}.json") for n in range(workers)]
        started = time.perf_counter()
        processes = [
            context.Process(target=work, args=(name, str(case_dir), args, out)) for out in outs
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join()
        wall = time.perf_counter() - started
        results = [json.loads(Path(out).read_text()) for out in outs]
        latencies = sorted(x for r in results for x in r["latencies"])
        worker_cpu = sum(r["cpu_s"] for r in results)
        report = httpx.get(f"http://127.0.0.1:{port}/_bench").json()
        states = asyncio.run(outbox_states(name))
    finally:
        server.terminate()
        server.wait()
        asyncio.run(drop(name))
    return {
        "workers": workers,
        "count": count,
        "wall_s": wall,
        "per_s": count / wall,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "delivered": len(latencies),
        "states": states,
        "server": report,
        "worker_cpu_ms": worker_cpu / count * 1000,
        "server_cpu_ms": report["cpu_s"] / count * 1000,
        "load": os.getloadavg()[0],
    }


async def outbox_states(name: str) -> dict:
    from sqlalchemy.ext.asyncio import create_async_engine

    from welkom.core.database import session_factory
    from welkom.outbox.service import counts_by_state

    engine = create_async_engine(pg_url(name))
    async with session_factory(engine)() as db:
        counts = await counts_by_state(db)
    await engine.dispose()
    return counts


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor())  # fmt: skip
    return f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--batch", type=int, default=100, help="outbox_batch_size")
    parser.add_argument("--concurrency", type=int, default=16, help="outbox_concurrency")
    parser.add_argument(
        "--validate-every",
        type=int,
        default=20,
        help="the test server validates every n-th request and answer against the specs "
        "(1: all, as in the tests; 0: none)",
    )
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--types-file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.types_file, args.validate_every)
        return
    tmp = Path(tempfile.gettempdir()) / "welkom-bench"
    tmp.mkdir(parents=True, exist_ok=True)
    print(f"# Outbox → ZGW benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(f"\nMachine: {machine()}. PostgreSQL: {PG.rsplit('@', 1)[-1].rsplit('/', 1)[0]}.")
    print(
        f"Settings: outbox_batch_size={args.batch}, outbox_concurrency={args.concurrency}; "
        f"test server validates every {args.validate_every}. request/answer.\n"
    )
    print("| workers | interactions | wall time | throughput | p50 per delivery | "
          "p95 per delivery | outbox after | zaken / documenten / links on server | "
          "spec violations | CPU per delivery: workers / test server | "
          "load avg (1 min) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for workers in (int(w) for w in args.workers.split(",")):
        r = run_once(args.count, workers, args, tmp)
        s = r["server"]
        print(
            f"| {workers} | {r['count']} | {r['wall_s']:.1f} s | {r['per_s']:.0f}/s | "
            f"{r['p50_ms']:.0f} ms | {r['p95_ms']:.0f} ms | {r['states']} | "
            f"{s['zaken']} / {s['documenten']} / {s['zios']} | {s['violation_count']} | "
            f"{r['worker_cpu_ms']:.1f} ms / {r['server_cpu_ms']:.1f} ms | {r['load']:.1f} |",
            flush=True,
        )
        if s["violation_count"]:
            print("violations:", s["violations"], file=sys.stderr)


if __name__ == "__main__":
    main()
