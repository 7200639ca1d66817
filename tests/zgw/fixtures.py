# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for tests against the test ZGW server: the demo municipality on a ZGW case system.

Import the fixtures a test module needs from here (they override ``settings`` and ``app`` from
``tests/conftest.py`` for that module).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import MakeHandlers, login, make_settings
from tests.zgw import specs
from tests.zgw.server import HOST, ZGWServer
from welkom.app import create_app
from welkom.auth.models import Account
from welkom.cases.service import CaseRouting
from welkom.core.database import session_factory
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.demo.seed import DEMO_MUNICIPALITY_CODE
from welkom.municipalities.models import Municipality
from welkom.outbox.worker import OutboxWorker

CLIENT_ID = "welkom-9999"
SECRET = "zgw-test-secret-0123456789abcdef"
CALLBACK_TOKEN = "callback-token-9f8e7d6c5b4a"


class Clock:
    """Real time plus an offset the test moves forward (outages of minutes in no time)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return utcnow() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)


class Unreachable(httpx.AsyncBaseTransport):
    """The network in front of the test server: can drop connections or time out."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.failure: type[httpx.TransportError] | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.failure is not None:
            raise self.failure("simulated network failure", request=request)
        return await self.inner.handle_async_request(request)


def case_type_toml(types: dict[str, dict[str, Any]], *, level: str = "vertrouwelijk") -> str:
    parts, kind_name = [], {"question": "Vraag", "document": "Document"}
    for kind, ids in types.items():
        parts.append(
            f'[kinds.{kind}]\nzaaktype = "{ids["zaaktype"]}"\n'
            f'informatieobjecttype = "{ids["informatieobjecttype"]}"\n'
            f'vertrouwelijkheidaanduiding = "{level}"\n'
            f'omschrijving = "{kind_name[kind]} van inwoner via Welkom"\n'
            f'document_titel = "{kind.capitalize()} van inwoner"\n'
        )
        labels = [("Ontvangen", "Received", "تم الاستلام"), ("Afgehandeld", "Done", "تم")]
        for url, (nl, en, ar) in zip(ids["statustypen"], labels, strict=True):
            parts.append(
                f'[[kinds.{kind}.statuses]]\nstatustype = "{url}"\n'
                f'label = {{ nl = "{nl}", en = "{en}", ar = "{ar}" }}\n'
            )
    return "\n".join(parts)


def write_case_types(settings: Settings, content: str) -> Path:
    path = settings.case_types_path / f"{DEMO_MUNICIPALITY_CODE}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = path.stat().st_mtime + 1 if path.exists() else None
    path.write_text(content)
    if stamp is not None:  # make the change visible even within the filesystem's mtime step
        os.utime(path, (stamp, stamp))
    return path


@pytest.fixture
def zgw() -> Iterator[ZGWServer]:
    """The test case system; the test fails if Welkom sent anything the specs do not allow."""
    for component in specs.COMPONENTS:  # fail loudly (not skip) without the official specs
        specs.openapi(component, HOST)
    server = ZGWServer({CLIENT_ID: SECRET})
    server.types = {  # type: ignore[attr-defined]
        "question": server.add_zaaktype("Vraag van inwoner"),
        "document": server.add_zaaktype("Document van inwoner"),
    }
    yield server
    assert not server.violations, "outside the official specs:\n" + "\n".join(server.violations)
    assert not server.auth_failures, "without a valid ZGW JWT:\n" + "\n".join(server.auth_failures)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(
        database_url,
        data_dir=tmp_path / "data",
        zgw_client_secrets={DEMO_MUNICIPALITY_CODE: SECRET},
        zgw_notification_tokens={DEMO_MUNICIPALITY_CODE: CALLBACK_TOKEN},
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def network(zgw: ZGWServer) -> Unreachable:
    return Unreachable(httpx.ASGITransport(app=zgw))


async def use_zgw(db: AsyncSession, zgw: ZGWServer, **extra: Any) -> None:
    values = zgw.base_urls() | {"client_id": CLIENT_ID} | extra
    await db.execute(
        update(Municipality)
        .where(Municipality.code == DEMO_MUNICIPALITY_CODE)
        .values(case_register="zgw", case_register_settings=values)
    )
    await db.commit()


@pytest.fixture
async def on_zgw(db: AsyncSession, seeded: None, zgw: ZGWServer, settings: Settings) -> None:
    """The demo municipality registers in the test ZGW server, with its case-type file."""
    write_case_types(settings, case_type_toml(zgw.types))  # type: ignore[attr-defined]
    await use_zgw(db, zgw)
    municipality_id = (
        await db.execute(
            Municipality.__table__.select().where(Municipality.code == DEMO_MUNICIPALITY_CODE)
        )
    ).first()[0]
    db.add(
        Account(
            municipality_id=municipality_id,
            roles=["records_manager"],
            display_name="Records management",
            demo_login="demo-records",
        )
    )
    await db.commit()


@pytest.fixture
def app(settings: Settings, on_zgw: None, network: Unreachable) -> Litestar:
    application = create_app(settings)
    application.state.case_routing.transport = network
    return application


@pytest.fixture
async def client(app: Litestar, zgw: ZGWServer) -> AsyncIterator[AsyncTestClient]:
    """The API client; the case system's callbacks reach the app through it too."""
    async with AsyncTestClient(app=app) as test_client:
        zgw.callback_client = test_client
        yield test_client


@pytest.fixture
async def routing(
    engine: AsyncEngine, settings: Settings, network: Unreachable, on_zgw: None
) -> AsyncIterator[CaseRouting]:
    """Case routing as a separate `welkom worker` process has it (its own engine)."""
    case_routing = CaseRouting(session_factory(engine), settings, transport=network)
    yield case_routing
    await case_routing.aclose()


@pytest.fixture
def worker(
    routing: CaseRouting, settings: Settings, clock: Clock, make_handlers: MakeHandlers
) -> OutboxWorker:
    """An outbox worker beside the API, on the test clock."""
    sessions = routing.session_factory
    return OutboxWorker(
        sessions, make_handlers(sessions, settings, case_routing=routing), settings, clock=clock
    )


@pytest.fixture
async def records_manager(client: Any) -> dict[str, str]:
    return await login(client, "demo-records")
