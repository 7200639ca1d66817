# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Resident endpoints of Welkom against two reference apps, side by side on PostgreSQL.

    .venv/bin/python bench/api.py [--duration 10] [--connections 16]

Makes a scratch PostgreSQL database (migrated, demo data, 20 questions), starts `welkom serve`
(one process), the honest reference app (bench/honest_app.py: checks the session token on every
request as Welkom does, then the resource query, with asyncpg) and the bare app
(bench/bare_app.py: one asyncpg query per endpoint, no session check) with uvicorn on loopback,
all on the same database and the same session token, and loads each endpoint of each app in turn
with wrk (Debian package `wrk`; installed with apt-get when missing and running as root). Before
loading, every endpoint of every app must answer 2xx, and the honest app must refuse a wrong
token with 401. Reports requests per second, the ratios Welkom/honest and Welkom/bare,
p50/p95/p99 latency, errors, the RSS of each API process and each process's CPU time per request
(/proc/<pid>/stat before and after each load); writes the section "## API (bench/api.py)" of
bench/RESULTS.md (other sections are kept). Bounded: every load lasts --duration seconds after a
--warmup, and the script drops its database at the end.
"""

# A benchmark driver: it starts local servers and wrk with fixed arguments, blocking on purpose.
# ruff: noqa: S105, S603, S607, ASYNC220

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parent.parent
# This checkout's backend, not whichever one the virtualenv was installed from (also for the
# servers started below, which inherit PYTHONPATH).
sys.path.insert(0, str(ROOT / "backend"))
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [str(ROOT / "backend"), os.environ.get("PYTHONPATH")])
)
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## API (bench/api.py)"
SECRET = "bench-secret-key-0123456789-0123456789-abcdef"

ENDPOINTS = (
    ("GET", "/api/v1/me", "getMe"),
    ("GET", "/api/v1/me/questions", "listQuestions (20 items)"),
    ("POST", "/api/v1/me/questions", "askQuestion (with Idempotency-Key)"),
    ("GET", "/api/v1/me/journey", "getMyJourney"),
    ("GET", "/api/v1/services", "listServices (the resident's municipality)"),
)

WRK_SCRIPT = r"""
wrk.method = os.getenv("BENCH_METHOD")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.headers["Content-Type"] = "application/json"
local run = os.getenv("BENCH_RUN")
local counter = 0
local thread_id = 0
setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
request = function()
  if wrk.method == "POST" then
    counter = counter + 1
    wrk.headers["Idempotency-Key"] = string.format("%s-%s-%d", run, tostring(tid), counter)
    return wrk.format(nil, nil, nil,
      '{"text":"Benchmarkvraag nummer ' .. counter .. '","language":"nl"}')
  end
  return wrk.format()
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"socket_errors":%d,"non_2xx":%d,' ..
    '"p50_us":%d,"p95_us":%d,"p99_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk (Debian) …", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False, capture_output=True)
        if not shutil.which("wrk"):
            subprocess.run(["apt-get", "update", "-q"], check=True, capture_output=True)
            subprocess.run(
                ["apt-get", "install", "-y", "-q", "wrk"], check=True, capture_output=True
            )
        if found := shutil.which("wrk"):
            return found
    sys.exit("bench/api.py needs wrk (Debian: apt-get install wrk)")


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    return (
        f"{os.cpu_count()} CPUs (`nproc`: {subprocess.check_output(['nproc'], text=True).strip()}), "
        f"{model}, {int(memory) // 1024 // 1024} GiB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS) in MB of one process."""
    status = Path(f"/proc/{pid}/status").read_text()
    now = int(re.search(r"VmRSS:\s+(\d+)", status)[1]) / 1024
    peak = int(re.search(r"VmHWM:\s+(\d+)", status)[1]) / 1024
    return now, peak


async def prepare(admin_url: str, database: str) -> str:
    """Create, migrate and seed the scratch database; returns its SQLAlchemy URL."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from welkom.core.database import migrate, session_factory
    from welkom.core.unit_of_work import unit_of_work
    from welkom.demo.seed import seed

    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'CREATE DATABASE "{database}"')
    finally:
        await conn.close()
    url = admin_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    url = f"{url}/{database}"
    engine = create_async_engine(url)
    await migrate(engine)
    async with unit_of_work(session_factory(engine)) as db:
        await seed(db)
    async with engine.connect() as conn:  # planner statistics, as a database in use has them
        await conn.execute(text("ANALYZE"))
        await conn.commit()
    await engine.dispose()
    return url


async def drop(admin_url: str, database: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    finally:
        await conn.close()


async def ids(dsn: str) -> tuple[str, str]:
    conn = await asyncpg.connect(dsn)
    try:
        row = await conn.fetchrow(
            "SELECT a.resident_id, a.municipality_id FROM account a WHERE a.demo_login = $1",
            "demo-resident",
        )
    finally:
        await conn.close()
    return str(row["resident_id"]), str(row["municipality_id"])


async def probe(urls: dict[str, str], token: str) -> None:
    """Every endpoint of every app answers 2xx with the token; the honest app refuses others."""
    async with httpx.AsyncClient(timeout=10) as http:
        for name, base in urls.items():
            for method, path, _label in ENDPOINTS:
                body = {"text": "Proefvraag", "language": "nl"} if method == "POST" else None
                headers = {"Authorization": f"Bearer {token}"}
                if method == "POST":
                    headers["Idempotency-Key"] = f"probe-{uuid.uuid4().hex}"
                response = await http.request(method, base + path, json=body, headers=headers)
                if not response.is_success:
                    sys.exit(f"{name}: {method} {path} answered {response.status_code}")
        for method, path, _label in ENDPOINTS:
            refused = await http.request(
                method, urls["honest"] + path, headers={"Authorization": "Bearer wrong"},
                json={"text": "x", "language": "nl"} if method == "POST" else None,
            )  # fmt: skip
            if refused.status_code != 401:
                sys.exit(
                    f"honest: {method} {path} with a wrong token answered {refused.status_code}"
                )


async def wait_ready(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(timeout=2) as http:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                sys.exit(f"server for {url} exited with {process.returncode}")
            try:
                await http.get(url)
                return
            except httpx.TransportError:
                await asyncio.sleep(0.1)
    sys.exit(f"{url} did not come up")


def run_wrk(
    wrk: str, script: Path, url: str, method: str, token: str, seconds: float, args
) -> dict:
    env = {
        **os.environ,
        "BENCH_METHOD": method,
        "BENCH_TOKEN": token,
        "BENCH_RUN": uuid.uuid4().hex,
    }
    output = subprocess.run(
        [wrk, "-t", str(args.threads), "-c", str(args.connections), "-d", f"{seconds:g}s",
         "--timeout", "5s", "-s", str(script), url],
        env=env, capture_output=True, text=True, check=True, timeout=seconds + 60,
    ).stdout  # fmt: skip
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    result = json.loads(line[len("RESULT ") :])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


APPS = ("welkom", "honest", "bare")


def _ms(result: dict) -> str:
    return (
        f"{result['p50_us'] / 1000:.1f} / {result['p95_us'] / 1000:.1f} / "
        f"{result['p99_us'] / 1000:.1f}"
    )


def _errors(result: dict) -> int:
    return result["socket_errors"] + result["non_2xx"]


def render(rows: list[dict], rss: dict[str, tuple[float, float]], args, started: str) -> str:
    load_after = os.getloadavg()[0]
    lines = [
        SECTION,
        "",
        f"Measured {started} UTC on {machine()}; PostgreSQL {args.pg_version} on the same "
        f"machine, loopback only. Load average (1 min) before the run {args.load_before:.1f}, "
        f"after {load_after:.1f}, on {os.cpu_count()} CPUs. **The machine is shared**: anything "
        "above ~0.5 before the run means other processes took part of the CPUs, so requests per "
        "second and latencies are low and noisy. The three apps alternate per endpoint and see "
        "the same load, so the **ratios** are the more robust figures, and each process's own "
        "**CPU time per request** (from /proc/<pid>/stat, excluding PostgreSQL and wrk) the most "
        "robust one: read those.",
        "",
        f"Command: `.venv/bin/python bench/api.py --duration {args.duration:g} "
        f"--connections {args.connections} --threads {args.threads}` — wrk "
        f"({args.connections} connections, {args.threads} thread), {args.warmup:g} s warm-up then "
        f"{args.duration:g} s per endpoint per app, the three apps alternating, all on the same "
        "database with the same bearer session token. Welkom: `welkom serve` (one uvicorn "
        "process with uvloop and httptools, JSON request logs at INFO, sessions checked per "
        "request, one database session per request, pool 10, no pre-ping). Honest: "
        "`bench/honest_app.py` (Litestar, asyncpg, pool 10, no ORM, no logs): per request the "
        "token's HMAC-SHA256 looked up in `auth_session` joined to `account` (not revoked, not "
        "expired, not idle, resident role; 401 otherwise), then the same resource query as the "
        "bare app; the POST inserts the question and its outbox entry in one transaction (no "
        "Idempotency-Key record, no quota count). Bare: `bench/bare_app.py` (one asyncpg query "
        "per endpoint on the same tables, no session check). Everything shares the machine's "
        "cores: wrk, PostgreSQL and the API processes.",
        "",
        "| endpoint | req/s Welkom / honest / bare | Welkom/honest | Welkom/bare | "
        "Welkom p50 / p95 / p99 ms | honest p50 / p95 / p99 ms | bare p50 / p95 / p99 ms "
        "| CPU ms per request Welkom / honest / bare | errors Welkom / honest / bare |",
        "|---|---|---:|---:|---|---|---|---|---|",
    ]
    for row in rows:
        w, h, b = (row[name] for name in APPS)
        lines.append(
            f"| `{row['method']} {row['path']}` ({row['label']}) "
            f"| {w['rps']:.0f} / {h['rps']:.0f} / {b['rps']:.0f} "
            f"| {w['rps'] / h['rps']:.0%} | {w['rps'] / b['rps']:.0%} "
            f"| {_ms(w)} | {_ms(h)} | {_ms(b)} "
            f"| {w['cpu_ms']:.2f} / {h['cpu_ms']:.2f} / {b['cpu_ms']:.2f} "
            f"| {_errors(w)} / {_errors(h)} / {_errors(b)} |"
        )
    lines += [
        "",
        "| API process | RSS after the run (MB) | peak RSS (MB) |",
        "|---|---:|---:|",
    ]
    for name, (now, peak) in rss.items():
        lines.append(f"| {name} | {now:.0f} | {peak:.0f} |")
    goals = []
    met = []
    welkom_peak = rss["welkom serve"][1]
    for row in rows:
        ratio = row["welkom"]["rps"] / row["honest"]["rps"]
        cpu_ratio = row["honest"]["cpu_ms"] / row["welkom"]["cpu_ms"]
        p95 = row["welkom"]["p95_us"] / 1000
        ok = ratio >= 0.5 and p95 <= 50 and welkom_peak <= 150 and not _errors(row["welkom"])
        if ok:
            met.append(f"`{row['method']} {row['path']}`")
        goals.append(
            f"- `{row['method']} {row['path']}`: throughput {ratio:.0%} of the honest app's "
            f"({'meets' if ratio >= 0.5 else 'misses'} ≥ 50 %; by CPU per request "
            f"{cpu_ratio:.0%}), p95 {p95:.1f} ms at {args.connections} concurrent connections "
            f"({'meets' if p95 <= 50 else 'misses'} ≤ 50 ms)."
        )
    goals.append(
        f"- RSS of `welkom serve`: {welkom_peak:.0f} MB peak "
        f"({'meets' if welkom_peak <= 150 else 'misses'} ≤ 150 MB)."
    )
    goals.append(
        f"- All three goals met on {len(met)} of {len(rows)} endpoints"
        + (f" ({', '.join(met)})." if met else ".")
    )
    lines += [
        "",
        "Against the goal of issue 21 (Welkom ≥ 50 % of the honest app's throughput, p95 ≤ 50 ms "
        f"at {args.connections} connections, RSS ≤ 150 MB; 'by CPU per request' is honest CPU "
        "ms / Welkom CPU ms: the throughput ratio of the two API processes when each is bound by "
        "its own CPU, PostgreSQL's share aside):",
        "",
        *goals,
        "",
    ]
    return "\n".join(lines)


def write_section(text: str) -> None:
    current = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(current):
        updated = pattern.sub(lambda _m: text + "\n", current)
    else:
        updated = current.rstrip("\n") + "\n\n" + text + "\n"
    RESULTS.write_text(updated)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measurement")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--questions", type=int, default=20, help="questions seeded for the list")
    parser.add_argument(
        "--pg", default=os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
    )
    parser.add_argument("--no-write", action="store_true", help="print only, leave RESULTS.md")
    parser.add_argument(
        "--only", default="", help="measure only endpoints whose path or label contains this"
    )
    args = parser.parse_args()
    if not 1 <= args.duration <= 120 or not 1 <= args.connections <= 256:
        sys.exit("--duration must be 1..120 s and --connections 1..256")
    wrk = ensure_wrk()
    args.load_before = os.getloadavg()[0]
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    database = f"welkom_bench_{os.getpid()}"
    url = await prepare(args.pg, database)
    dsn = url.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(dsn)
    args.pg_version = (await conn.fetchval("SHOW server_version")).split()[0]
    await conn.close()
    resident_id, municipality_id = await ids(dsn)
    from welkom.core.settings_sections import SessionSettings

    idle_seconds = SessionSettings.model_fields["idle_timeout_seconds"].default
    processes: list[subprocess.Popen] = []
    try:
        welkom_port, honest_port, bare_port = free_port(), free_port(), free_port()
        welkom = subprocess.Popen(
            [sys.executable, "-c", "from welkom.cli import main; main()", "serve",
             "--host", "127.0.0.1", "--port", str(welkom_port)],
            env={**os.environ, "WELKOM_ENV": "test", "WELKOM_DATABASE_URL": url,
                 "WELKOM_DEMO_LOGIN": "true", "WELKOM_SESSION_COOKIE_SECURE": "false",
                 "WELKOM_SECRET_KEY": SECRET, "WELKOM_LOG_LEVEL": "INFO",
                 "WELKOM_RATE_LIMIT_ENABLED": "false",  # measured: the app, not its 429s
                 "WELKOM_QUOTA_QUESTIONS_PER_HOUR": "100000000"},  # (the count still runs)
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        processes.append(welkom)
        bare = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(ROOT / "bench"), "bare_app:app",
             "--host", "127.0.0.1", "--port", str(bare_port), "--no-access-log",
             "--log-level", "warning"],
            env={**os.environ, "BENCH_DSN": dsn, "BENCH_RESIDENT_ID": resident_id,
                 "BENCH_MUNICIPALITY_ID": municipality_id},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        processes.append(bare)
        honest = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(ROOT / "bench"), "honest_app:app",
             "--host", "127.0.0.1", "--port", str(honest_port), "--no-access-log",
             "--log-level", "warning"],
            env={**os.environ, "BENCH_DSN": dsn, "BENCH_SECRET_KEY": SECRET,
                 "BENCH_IDLE_SECONDS": str(idle_seconds)},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        processes.append(honest)
        urls = {
            "welkom": f"http://127.0.0.1:{welkom_port}",
            "honest": f"http://127.0.0.1:{honest_port}",
            "bare": f"http://127.0.0.1:{bare_port}",
        }
        pids = {"welkom": welkom.pid, "honest": honest.pid, "bare": bare.pid}
        welkom_url = urls["welkom"]
        await wait_ready(f"{welkom_url}/health", welkom)
        await wait_ready(f"{urls['bare']}/api/v1/me", bare)
        await wait_ready(f"{urls['honest']}/api/v1/me", honest)

        async with httpx.AsyncClient(base_url=welkom_url, timeout=10) as http:
            response = await http.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
            response.raise_for_status()
            token = response.json()["token"]
            for n in range(args.questions):
                asked = await http.post(
                    "/api/v1/me/questions",
                    json={"text": f"Vraag {n} voor de benchmark", "language": "nl"},
                    headers={"Authorization": f"Bearer {token}"},
                )
                asked.raise_for_status()
        await probe(urls, token)

        rows = []
        with tempfile.TemporaryDirectory() as scratch:
            script = Path(scratch) / "bench.lua"
            script.write_text(WRK_SCRIPT)
            for method, path, label in ENDPOINTS:
                if args.only and args.only not in f"{method} {path} {label}":
                    continue
                row = {"method": method, "path": path, "label": label}
                for name in APPS:
                    base, pid = urls[name], pids[name]
                    run_wrk(wrk, script, base + path, method, token, args.warmup, args)
                    cpu_before = cpu_seconds(pid)
                    row[name] = run_wrk(
                        wrk, script, base + path, method, token, args.duration, args
                    )
                    result = row[name]
                    result["cpu_ms"] = (cpu_seconds(pid) - cpu_before) * 1000 / result["requests"]
                    print(
                        f"{method:4} {path:24} {name:6} {result['rps']:8.0f} req/s  "
                        f"p95 {result['p95_us'] / 1000:6.1f} ms  errors "
                        f"{result['socket_errors'] + result['non_2xx']}  "
                        f"CPU {result['cpu_ms']:.2f} ms/request",
                        flush=True,
                    )
                rows.append(row)
        rss = {
            "welkom serve": rss_mb(welkom.pid),
            "honest reference app": rss_mb(honest.pid),
            "bare Litestar app": rss_mb(bare.pid),
        }
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        await drop(args.pg, database)

    text = render(rows, rss, args, started)
    print()
    print(text)
    if not args.no_write:
        write_section(text)
        print(f"Written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    asyncio.run(main())
