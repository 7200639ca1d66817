# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Document uploads end to end with the files in S3: the API stores them in a real
S3-compatible server (SeaweedFS on loopback), the outbox worker reads them back checksum-verified
and delivers them to the test ZGW case system."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import make_settings, row_counts
from tests.residents_support import principal_for
from tests.s3.fixtures import s3_bucket, s3_server  # noqa: F401 - fixtures
from tests.s3.server import S3Server
from tests.test_uploads import PDF, png, upload
from tests.zgw.fixtures import (  # noqa: F401 - fixtures
    CALLBACK_TOKEN,
    SECRET,
    app,
    client,
    clock,
    network,
    on_zgw,
    routing,
    worker,
    zgw,
)
from tests.zgw.server import ZGWServer
from welkom.cases.service import CaseRouting
from welkom.core.problems import Problem
from welkom.core.settings import Settings
from welkom.demo.seed import DEMO_MUNICIPALITY_CODE
from welkom.gdpr import service as gdpr
from welkom.interactions.models import InteractionDocument
from welkom.outbox.worker import OutboxWorker
from welkom.storage import storage_for
from welkom.storage.s3 import S3Storage

PREFIX = "welkom/"


@pytest.fixture
def settings(database_url: str, tmp_path: Path, s3_server: S3Server, s3_bucket: str) -> Settings:
    return make_settings(
        database_url,
        data_dir=tmp_path / "data",
        zgw_client_secrets={DEMO_MUNICIPALITY_CODE: SECRET},
        zgw_notification_tokens={DEMO_MUNICIPALITY_CODE: CALLBACK_TOKEN},
        **s3_server.settings(s3_bucket, s3_prefix=PREFIX),
    )


def objects(server: S3Server, bucket: str) -> dict[str, bytes]:
    raw = server.client()
    listed = raw.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {
        item["Key"]: raw.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        for item in listed
    }


async def test_an_upload_is_kept_in_s3_and_delivered_from_there(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    settings: Settings,
    s3_server: S3Server,
    s3_bucket: str,
) -> None:
    content = png(16, 16)
    response = await upload(client, resident, content, name="paspoort.png")
    assert response.status_code == 201, response.text
    body = response.json()
    [(name, kept)] = objects(s3_server, s3_bucket).items()
    assert kept == content
    assert body["sha256"] == hashlib.sha256(kept).hexdigest()
    assert name.startswith(PREFIX)
    assert "paspoort" not in name  # object names are random keys, nothing of the resident
    assert not (settings.data_dir / "uploads").exists()  # nothing on the local disk
    await worker.drain()
    [document] = zgw.documenten.values()
    assert zgw.inhoud[document["url"].rsplit("/", 1)[-1]] == content
    assert document["formaat"] == "image/png"
    cases = (await client.get("/api/v1/me/cases", headers=resident)).json()["items"]
    assert cases[0]["registration"]["state"] == "registered"


async def test_an_object_changed_in_the_bucket_is_parked_not_sent(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    s3_server: S3Server,
    s3_bucket: str,
) -> None:
    assert (await upload(client, resident, PDF)).status_code == 201
    [name] = objects(s3_server, s3_bucket)
    s3_server.client().put_object(
        Bucket=s3_bucket, Key=name, Body=PDF.replace(b"Catalog", b"Catalug")
    )
    await worker.drain()
    assert zgw.zaken == {}
    cases = (await client.get("/api/v1/me/cases", headers=resident)).json()["items"]
    assert cases[0]["registration"]["state"] == "parked"


async def test_with_the_store_away_an_upload_is_refused_and_nothing_changes(
    app: Any,
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    settings: Settings,
    s3_server: S3Server,
    s3_bucket: str,
) -> None:
    routing: CaseRouting = app.state.case_routing
    routing._storage = storage_for(
        settings.model_copy(
            update={"s3_endpoint_url": "http://127.0.0.1:9", "s3_timeout_seconds": 2}
        )
    )
    before = await row_counts(db)
    response = await upload(client, resident, PDF)
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"] == "urn:welkom:problem:storage-unavailable"
    assert response.headers["Retry-After"] == "30"
    assert await row_counts(db) == before
    assert objects(s3_server, s3_bucket) == {}


async def test_with_the_store_away_a_delivery_waits_and_is_not_parked(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    routing: CaseRouting,
    zgw: ZGWServer,
    settings: Settings,
    clock: Any,
) -> None:
    content = png(4, 4)
    assert (await upload(client, resident, content)).status_code == 201
    working = routing.storage
    assert isinstance(working, S3Storage)
    routing._storage = storage_for(
        settings.model_copy(
            update={"s3_endpoint_url": "http://127.0.0.1:9", "s3_timeout_seconds": 2}
        )
    )
    await worker.run_once()
    cases = (await client.get("/api/v1/me/cases", headers=resident)).json()["items"]
    assert cases[0]["registration"]["state"] == "pending"
    assert zgw.zaken == {}
    routing._storage = working  # the store is back
    clock.advance(3600)
    await worker.drain()
    [document] = zgw.documenten.values()
    assert zgw.inhoud[document["url"].rsplit("/", 1)[-1]] == content


async def test_erasure_deletes_the_residents_files_from_the_bucket(
    app: Any,
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    db: AsyncSession,
    settings: Settings,
    s3_server: S3Server,
    s3_bucket: str,
) -> None:
    assert (await upload(client, resident, PDF)).status_code == 201
    assert (await upload(client, resident, png(3, 3))).status_code == 201
    await worker.drain()  # in the case system: the erasure no longer waits
    assert len(objects(s3_server, s3_bucket)) == 2
    exported = (await client.get("/api/v1/me/export", headers=resident)).json()
    assert len(exported["tables"]["interaction_document"]) == 2
    assert "storage_key" not in exported["tables"]["interaction_document"][0]
    request = await client.post("/api/v1/me/erasure-request", json={}, headers=resident)
    request_id = uuid.UUID(request.json()["id"])
    records = await principal_for(client, db, settings, "demo-records-manager")
    storage = app.state.case_routing.storage

    # The store is away: nothing changes, records management is asked to try again.
    away = storage_for(
        settings.model_copy(
            update={"s3_endpoint_url": "http://127.0.0.1:9", "s3_timeout_seconds": 2}
        )
    )
    before = await row_counts(db)
    with pytest.raises(Problem) as refused:
        await gdpr.complete_erasure(db, records, request_id, away)
    assert refused.value.status_code == 503
    assert await row_counts(db) == before
    assert len(objects(s3_server, s3_bucket)) == 2

    done = await gdpr.complete_erasure(db, records, request_id, storage)
    assert done.outcome["interaction_document"]["deleted"] == 2
    assert objects(s3_server, s3_bucket) == {}
    assert (await db.execute(select(InteractionDocument))).all() == []
