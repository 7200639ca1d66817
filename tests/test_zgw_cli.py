# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""`welkom cases check` and `welkom worker` refuse a wrong case-type file with a clear message."""

from __future__ import annotations

import asyncio
import json

from click.testing import CliRunner
from sqlalchemy.ext.asyncio import AsyncSession

from tests.zgw.fixtures import (  # noqa: F401 - fixtures
    SECRET,
    case_type_toml,
    on_zgw,
    settings,
    write_case_types,
    zgw,
)
from tests.zgw.server import ZGWServer
from welkom.cli import main
from welkom.core.settings import Settings
from welkom.municipalities import service as municipalities


def environment(settings: Settings, **extra: str) -> dict[str, str]:
    return {
        "WELKOM_ENV": "test",
        "WELKOM_DATABASE_URL": settings.database.url,
        "WELKOM_DATA_DIR": str(settings.data_dir),
        "WELKOM_ZGW_CLIENT_SECRETS": json.dumps({"9999": SECRET}),
        "WELKOM_LOG_JSON": "true",
    } | extra


async def run(*args: str, env: dict[str, str]):
    return await asyncio.to_thread(CliRunner().invoke, main, list(args), env=env)


async def test_cases_check_passes_then_names_every_problem(
    settings: Settings, on_zgw: None, zgw: ZGWServer
) -> None:
    env = environment(settings)
    good = await run("cases", "check", "--offline", env=env)
    assert good.exit_code == 0, good.output
    assert "configured correctly" in good.output

    write_case_types(settings, case_type_toml(zgw.types, level="openbaar"))
    bad = await run("cases", "check", "--offline", env=env)
    assert bad.exit_code == 1
    assert "kinds.question.vertrouwelijkheidaanduiding: 'openbaar' is below" in bad.output
    assert "kinds.document.vertrouwelijkheidaanduiding" in bad.output

    worker = await run("worker", "--once", env=env)
    assert worker.exit_code == 1
    assert "refusing to start" in worker.output
    assert "Traceback" not in worker.output

    no_secret = await run(
        "cases", "check", "--offline", env=env | {"WELKOM_ZGW_CLIENT_SECRETS": "{}"}
    )
    assert no_secret.exit_code == 1
    assert "WELKOM_ZGW_CLIENT_SECRETS" in no_secret.output
    assert SECRET not in no_secret.output


async def test_set_register_switches_a_municipality_only_when_valid(
    settings: Settings, on_zgw: None, zgw: ZGWServer, db: AsyncSession
) -> None:
    env = environment(settings)

    async def register_of() -> tuple[str, dict]:
        db.expire_all()
        found = await municipalities.by_code(db, "9999")
        assert found is not None
        return found.case_register, dict(found.case_register_settings)

    before = await register_of()
    bad = await run("municipalities", "set-register", "9999", "zgw", "--zaken-api",
                    "ftp://openzaak.example.nl/zaken/api/v1", env=env)  # fmt: skip
    assert bad.exit_code == 1
    assert "nothing changed" in bad.output
    assert "zaken_api must be an http(s) URL" in bad.output
    assert await register_of() == before

    local = await run("municipalities", "set-register", "9999", "local", env=env)
    assert local.exit_code == 0, local.output
    assert (await register_of())[0] == "local"

    no_secret = await run(
        "municipalities", "set-register", "9999", "zgw",
        env=env | {"WELKOM_ZGW_CLIENT_SECRETS": "{}"},
    )  # fmt: skip
    assert no_secret.exit_code == 1
    assert "WELKOM_ZGW_CLIENT_SECRETS" in no_secret.output
    assert (await register_of())[0] == "local"

    back = await run("municipalities", "set-register", "9999", "zgw", "--client-id",
                     "welkom-9999-b", env=env)  # fmt: skip
    assert back.exit_code == 0, back.output
    register, values = await register_of()
    assert register == "zgw"
    assert values == before[1] | {"client_id": "welkom-9999-b"}
