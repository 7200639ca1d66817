# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The `welkom` command, run as a user would run it."""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import PRODUCTION_SECRET
from welkom.municipalities import service as municipalities

WELKOM = str(Path(sys.executable).with_name("welkom"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [WELKOM, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in (
        "demo",
        "serve",
        "worker",
        "migrate",
        "downgrade",
        "prune",
        "openapi",
        "config-reference",
        "erasure",
    ):
        assert command in result.stdout


def test_openapi_prints_the_document() -> None:
    result = run("openapi")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["openapi"].startswith("3.1")
    assert (
        "/api/v1/auth/demo-login" not in document["paths"]
    )  # the production API has no demo login


def test_migrate_then_worker_on_a_fresh_database(tmp_path: Path) -> None:
    env = {"WELKOM_ENV": "test", "WELKOM_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'w.db'}"}
    behind = run("worker", "--once", env=env)
    assert behind.returncode != 0
    assert "welkom migrate" in behind.stderr
    migrated = run("migrate", env=env)
    assert migrated.returncode == 0, migrated.stderr
    assert "Database now at" in migrated.stdout
    drained = run("worker", "--once", env=env)
    assert drained.returncode == 0, drained.stderr
    assert "Processed 0 outbox entries." in drained.stdout
    pruned = run("prune", env=env)
    assert pruned.returncode == 0, pruned.stderr
    assert "idempotency_record: 0" in pruned.stdout


def test_production_refuses_demo_secrets() -> None:
    result = run("serve", env={"WELKOM_ENV": "production", "WELKOM_SECRET_KEY": ""})
    assert result.returncode != 0
    result = run(
        "serve",
        env={
            "WELKOM_ENV": "production",
            "WELKOM_DEMO_LOGIN": "true",
            "WELKOM_SECRET_KEY": PRODUCTION_SECRET,
        },
    )
    assert result.returncode != 0
    assert "DEMO_LOGIN" in result.stderr


def test_demo_starts_prints_logins_and_registers_a_question(tmp_path: Path) -> None:
    """README's first command, end to end: a question becomes a zaak within seconds."""
    port = free_port()
    process = subprocess.Popen(
        [WELKOM, "demo", "--port", str(port), "--data-dir", str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise AssertionError("the demo did not start")
        token = httpx.post(
            f"{base}/api/v1/auth/demo-login", json={"login": "demo-resident"}
        ).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        asked = httpx.post(
            f"{base}/api/v1/me/questions",
            json={"text": "Waar is het gemeentehuis?", "language": "nl"},
            headers=headers,
        )
        assert asked.status_code == 201
        registration = {}
        for _ in range(50):
            registration = httpx.get(f"{base}/api/v1/me/questions", headers=headers).json()[
                "items"
            ][0]["registration"]
            if registration["state"] == "registered":
                break
            time.sleep(0.1)
        assert registration["state"] == "registered"
        assert registration["zaak_identificatie"].startswith("WLK-")
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    for login in ("demo-resident", "demo-caseworker", "demo-volunteer"):
        assert login in output
    assert f"{base}" in output
    assert "Applying migrations" in output


def test_served_app_keeps_startup_objects_out_of_garbage_collection(settings) -> None:
    """`welkom serve` freezes what starting made (the p95 fix in bench/RESULTS.md); tests'
    apps do not, or every test's app would stay in memory for good."""
    import gc

    from welkom.app import create_app, create_served_app, freeze_startup_objects
    from welkom.cli import demo, serve

    assert freeze_startup_objects in create_served_app(settings).on_startup
    assert freeze_startup_objects not in create_app(settings).on_startup
    assert all("create_served_app" in inspect.getsource(c.callback) for c in (serve, demo))
    thresholds = gc.get_threshold()
    try:
        freeze_startup_objects()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] > thresholds[0]
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


async def test_consent_policy_is_set_per_municipality(
    database_url: str, seeded: None, db: AsyncSession
) -> None:
    env = {"WELKOM_ENV": "test", "WELKOM_DATABASE_URL": database_url}
    strict = await asyncio.to_thread(
        run, "municipalities", "consent-policy", "9999", "--require-reviewed", env=env
    )
    assert strict.returncode == 0, strict.stderr
    assert "reviewed translation" in strict.stdout
    assert (await municipalities.by_code(db, "9999")).consent_requires_reviewed_text is True
    unknown = await asyncio.to_thread(
        run, "municipalities", "consent-policy", "0000", "--allow-unreviewed", env=env
    )
    assert unknown.returncode != 0
    assert "no municipality with code 0000" in unknown.stderr
    db.expire_all()
    relaxed = await asyncio.to_thread(
        run, "municipalities", "consent-policy", "9999", "--allow-unreviewed", env=env
    )
    assert relaxed.returncode == 0, relaxed.stderr
    assert (await municipalities.by_code(db, "9999")).consent_requires_reviewed_text is False


async def test_languages_are_switched_off_and_on_per_municipality(
    database_url: str, seeded: None, db: AsyncSession
) -> None:
    env = {"WELKOM_ENV": "test", "WELKOM_DATABASE_URL": database_url}
    off = await asyncio.to_thread(
        run, "municipalities", "languages", "9999", "--disable", "ps", "--disable", "so", env=env
    )
    assert off.returncode == 0, off.stderr
    assert "switched off: ps, so" in off.stdout
    assert (await municipalities.by_code(db, "9999")).disabled_languages == ["ps", "so"]
    on = await asyncio.to_thread(
        run, "municipalities", "languages", "9999", "--enable", "so", env=env
    )
    assert "switched off: ps" in on.stdout
    for refused in (("--disable", "nl"), ("--disable", "de")):
        result = await asyncio.to_thread(
            run, "municipalities", "languages", "9999", *refused, env=env
        )
        assert result.returncode != 0
    db.expire_all()
    assert (await municipalities.by_code(db, "9999")).disabled_languages == ["ps"]
