"""Residents' document uploads: limited, sniffed, stored with a checksum, routed as a zaak."""

from __future__ import annotations

import base64
import hashlib
import struct
import zlib
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import make_settings, row_counts
from tests.zgw.fixtures import (  # noqa: F401 - fixtures
    SECRET,
    app,
    client,
    clock,
    network,
    on_zgw,
    routing,
    settings,
    worker,
    zgw,
)
from tests.zgw.server import ZGWServer
from welkom.core.settings import Settings
from welkom.interactions.models import InteractionDocument
from welkom.outbox.worker import OutboxWorker

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def png(width: int = 2, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64


async def upload(
    client: AsyncTestClient,
    headers: dict,
    content: bytes,
    *,
    name: str = "scan.pdf",
    claimed: str = "application/pdf",
    language: str = "nl",
):
    return await client.post(
        "/api/v1/me/documents",
        files={"file": (name, content, claimed)},
        data={"language": language},
        headers=headers,
    )


def stored_files(settings: Settings) -> list[Path]:
    return [p for p in settings.storage_path.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("content", "expected"),
    [(PDF, "application/pdf"), (png(), "image/png"), (JPEG, "image/jpeg"), (HEIC, "image/heic")],
)
async def test_accepted_types_are_recognised_from_the_bytes(
    client: AsyncTestClient, resident: dict, settings: Settings, content: bytes, expected: str
) -> None:
    response = await upload(client, resident, content, claimed="application/octet-stream")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["content_type"] == expected
    assert body["size"] == len(content)
    assert body["sha256"] == hashlib.sha256(content).hexdigest()
    assert body["registration"]["state"] == "pending"
    [kept] = stored_files(settings)
    assert kept.read_bytes() == content
    assert oct(kept.stat().st_mode & 0o777) == "0o600"


async def test_a_renamed_executable_is_refused_and_nothing_is_kept(
    client: AsyncTestClient, resident: dict, settings: Settings, db: AsyncSession
) -> None:
    before = await row_counts(db)
    response = await upload(client, resident, EXE, name="photo.jpg", claimed="image/jpeg")
    assert response.status_code == 415
    assert response.json()["type"] == "urn:welkom:problem:document-type-not-accepted"
    assert await row_counts(db) == before
    assert stored_files(settings) == []
    text = await upload(client, resident, b"just some text, named .pdf", name="x.pdf")
    assert text.status_code == 415


async def test_size_limit_language_and_empty_files(
    client: AsyncTestClient, resident: dict, settings: Settings, db: AsyncSession
) -> None:
    before = await row_counts(db)
    too_big = PDF + b"0" * settings.upload_max_bytes
    response = await upload(client, resident, too_big)
    assert response.status_code == 413
    assert response.json()["type"] == "urn:welkom:problem:document-too-large"
    assert (await upload(client, resident, PDF, language="xx")).status_code == 400
    assert (await upload(client, resident, b"")).status_code == 400
    assert await row_counts(db) == before
    assert stored_files(settings) == []


async def test_only_residents_upload(
    client: AsyncTestClient, caseworker: dict, settings: Settings
) -> None:
    assert (await upload(client, caseworker, PDF)).status_code == 403
    client.cookies.clear()
    assert (await upload(client, {}, PDF)).status_code == 401
    assert stored_files(settings) == []


async def test_the_same_idempotency_key_uploads_once(
    client: AsyncTestClient, resident: dict, settings: Settings, db: AsyncSession
) -> None:
    headers = resident | {"Idempotency-Key": "upload-5f1c"}
    first = await upload(client, headers, PDF)
    again = await upload(client, headers, PDF)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert len((await db.execute(select(InteractionDocument))).all()) == 1
    assert len(stored_files(settings)) == 1
    other = await upload(client, headers, png())
    assert other.status_code == 422


async def test_an_upload_becomes_a_confidential_document_on_a_zaak(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, zgw: ZGWServer
) -> None:
    content = png(8, 8)
    response = await upload(client, resident, content, name="ik.png", language="ti")
    assert response.status_code == 201
    await worker.drain()
    [zaak] = zgw.zaken.values()
    assert zaak["zaaktype"] == zgw.types["document"]["zaaktype"]
    assert zaak["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    [document] = zgw.documenten.values()
    assert document["formaat"] == "image/png"
    assert document["taal"] == "tir"
    assert document["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    assert document["informatieobjecttype"] == zgw.types["document"]["informatieobjecttype"]
    assert "ik.png" not in document["bestandsnaam"]  # the resident's file name stays home
    assert zgw.inhoud[document["url"].rsplit("/", 1)[-1]] == content
    [link] = zgw.zios.values()
    assert link["informatieobject"] == document["url"]
    cases = (await client.get("/api/v1/me/cases", headers=resident)).json()["items"]
    assert [c["kind"] for c in cases] == ["document"]
    assert cases[0]["registration"]["state"] == "registered"


async def test_a_corrupted_stored_file_is_parked_not_sent(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, zgw: ZGWServer, settings
) -> None:
    assert (await upload(client, resident, PDF)).status_code == 201
    [kept] = stored_files(settings)
    kept.write_bytes(PDF.replace(b"Catalog", b"Catalug"))
    await worker.drain()
    assert zgw.zaken == {}
    cases = (await client.get("/api/v1/me/cases", headers=resident)).json()["items"]
    assert cases[0]["registration"]["state"] == "parked"


async def test_large_documents_go_in_bestandsdelen(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "zgw_bestandsdelen_threshold_bytes", 1024)
    content = PDF + base64.b64encode(bytes(range(256)) * 40)
    assert (await upload(client, resident, content)).status_code == 201
    await worker.drain()
    [document] = zgw.documenten.values()
    assert document["locked"] is False
    assert zgw.inhoud[document["url"].rsplit("/", 1)[-1]] == content
    assert any(c[0] == "PUT" and "/bestandsdelen/" in c[1] for c in zgw.log)
    assert ("POST", document["url"].removeprefix(zgw.host) + "/unlock", 204) in zgw.log
    assert len(zgw.zios) == 1


async def test_documents_also_work_with_the_local_register(
    tmp_path: Path, database_url: str, seeded: None, db: AsyncSession
) -> None:
    from litestar.testing import AsyncTestClient as Client

    from tests.conftest import login
    from welkom.app import create_app, outbox_handlers
    from welkom.cases.models import LocalDocument
    from welkom.core.database import create_engine, session_factory
    from welkom.outbox.worker import OutboxWorker as Worker

    local_settings = make_settings(database_url, data_dir=tmp_path / "local")
    async with Client(app=create_app(local_settings)) as local_client:
        headers = await login(local_client, "demo-resident")
        assert (await upload(local_client, headers, PDF)).status_code == 201
    engine = create_engine(local_settings)
    sessions = session_factory(engine)
    await Worker(sessions, outbox_handlers(sessions, local_settings), local_settings).drain()
    await engine.dispose()
    [document] = (await db.execute(select(LocalDocument))).scalars().all()
    assert document.inhoud == PDF
    assert document.formaat == "application/pdf"
