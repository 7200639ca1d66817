# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Graceful shutdown (issue 23): SIGTERM to the API and the outbox worker during a burst of
questions and deliveries loses nothing, and both exit within 30 s.

Real processes (``welkom serve``, ``welkom worker`` and the test ZGW server, as in
``tests/test_scale.py``) on SQLite and PostgreSQL. The case system is slow (every ZGW request
takes 1 s: a delivery several seconds, a claimed batch of 20, four at a time, about half a
minute). The worker starts once residents have made a backlog, so it claims a full batch,
and SIGTERM comes while it holds one (deliveries under way, claimed entries waiting: finishing
the batch would not fit in 30 s) and residents are still asking. The lease is long (300 s), so an entry
left claimed would not be delivered within this test. Residents keep asking throughout, retrying a refused or dropped request with its
Idempotency-Key. Then both processes start again, and every acknowledged question must be one
interaction and one zaak, delivered exactly once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.scale_support import (
    Load,
    Proc,
    Processes,
    ask_questions,
    database_facts,
    login_residents,
    outbox_counts,
    run_async,
    start_cluster,
    wait_until,
    welkom_env,
)
from tests.test_scale import assert_exactly_once

COUNT = 900
CLIENTS = 8
BACKLOG = 60
OUTBOX_CONCURRENCY = 4
RESIDENTS = 6
EXIT_LIMIT_S = 30
WORKER_SETTINGS: dict[str, object] = {
    "OUTBOX_BATCH_SIZE": 20,
    "OUTBOX_CONCURRENCY": OUTBOX_CONCURRENCY,
    "OUTBOX_LEASE_SECONDS": 300,
    "SHUTDOWN_GRACE_SECONDS": 20,
    "LOG_LEVEL": "INFO",
}


def _terminate(
    procs: list[Proc], database_url: str
) -> tuple[dict[str, tuple[float, int | None]], dict[str, int]]:
    """SIGTERM to each process (its group); the outbox 2 s later; then how long each process
    took to exit and its exit code."""
    started = time.monotonic()
    for proc in procs:
        assert proc.popen is not None
        os.killpg(proc.popen.pid, signal.SIGTERM)
    time.sleep(2)
    soon_after = run_async(outbox_counts(database_url))
    ended = {}
    for proc in procs:
        assert proc.popen is not None
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.popen.wait(timeout=max(0.1, started + EXIT_LIMIT_S + 5 - time.monotonic()))
        ended[proc.name] = (time.monotonic() - started, proc.popen.poll())
    return ended, soon_after


async def _claimed(database_url: str, count: int) -> bool:
    return (await outbox_counts(database_url)).get("in_progress", 0) >= count


def test_sigterm_during_a_burst_loses_nothing(
    backend: str, database_url: str, tmp_path: Path
) -> None:
    processes = Processes(tmp_path / "logs")
    try:
        with processes.report_on_failure():
            cluster = start_cluster(
                processes, database_url, tmp_path, apis=1, workers=0, residents=RESIDENTS,
                validate_every=7, worker_settings={},
            )  # fmt: skip
            cluster.zgw.command({"latency": 1.0})
            api = cluster.apis[0]
            load = Load(COUNT)
            tokens = run_async(login_residents(cluster.api_urls, RESIDENTS))
            with ThreadPoolExecutor(1) as pool:
                asking = pool.submit(
                    run_async,
                    ask_questions(
                        cluster.api_urls, tokens, load, seed=23, clients=CLIENTS, deadline_s=300
                    ),
                )
                deadline = time.monotonic() + 120
                while len(load.acked) < BACKLOG:  # the worker starts on a backlog: a full batch
                    assert not asking.done(), asking.exception()
                    assert time.monotonic() < deadline, f"only {len(load.acked)} asked"
                    time.sleep(0.02)
                cluster.start_worker(welkom_env(database_url, tmp_path, **WORKER_SETTINGS))
                worker = cluster.workers[0]
                # SIGTERM once the worker holds a full batch (4 deliveries under way, the rest
                # waiting) while residents are still asking.
                run_async(wait_until(lambda: _claimed(database_url, 20), within_s=60, interval=0.1))
                assert not asking.done(), f"the burst was over: {len(load.acked)} asked"
                ended, soon_after = _terminate([api, worker], database_url)
                processes.event(f"SIGTERM api and worker: {ended}")
                at_stop = run_async(outbox_counts(database_url))
                worker_log = worker.log_path.read_text(errors="replace")
                # Start again whatever happened, so the residents' retries can end.
                processes.restart(api)
                processes.restart(worker)
                cluster.wait_ready()
                cluster.zgw.command({"latency": 0})
                asking.result(timeout=600)

            problems = [
                f"{name}: exit code {code} after {seconds:.1f} s"
                for name, (seconds, code) in ended.items()
                if code != 0 or seconds >= EXIT_LIMIT_S
            ]
            # Claimed entries not yet begun were handed back at once: 2 s after SIGTERM the
            # worker holds at most the deliveries under way.
            if soon_after.get("in_progress", 0) > OUTBOX_CONCURRENCY:
                problems.append(f"still claimed 2 s after SIGTERM: {soon_after}")
            # Nothing stayed claimed: what the worker had not finished was handed back.
            if at_stop.get("in_progress", 0):
                problems.append(f"left claimed at exit: {at_stop}")
            if '"outbox_released"' not in worker_log:
                problems.append("the worker handed nothing back")
            assert not problems, problems
            assert at_stop.get("pending", 0) > 0, f"no backlog at SIGTERM: {at_stop}"

            async def delivered() -> bool:
                return (await outbox_counts(database_url)).get("delivered", 0) >= COUNT

            run_async(wait_until(delivered, within_s=240))
            facts = run_async(database_facts(database_url))
            zgw = cluster.zgw.state()
            print(
                f"\n[shutdown {backend}] exits after SIGTERM {ended}; outbox at SIGTERM "
                f"{at_stop}; client retries {dict(load.retries)}, replayed {load.replayed}",
                flush=True,
            )
            # Every request was answered or cleanly refused (a refused or dropped connection
            # is retried with its key); none got an error answer.
            assert not load.failures, load.failures[:5]
            assert not {k for k in load.retries if k.isdigit()}, load.retries
            assert_exactly_once(load, facts, zgw)
    finally:
        processes.close()
