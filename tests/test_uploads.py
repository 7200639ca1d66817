# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Residents' document uploads: limited, sniffed, stored with a checksum, routed as a zaak."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient
from pypdf import PdfWriter
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import MakeHandlers, make_settings, row_counts
from tests.documents import heic, jpeg, pdf, pdf_with_javascript, png
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
from welkom.storage.sniff import sniff
from welkom.storage.verify import UploadRefusedError, verify

PDF = pdf()
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


HEIC = heic()
JPEG = jpeg()


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
    too_big = PDF + b"0" * settings.upload.max_bytes
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
    monkeypatch.setattr(settings.zgw, "bestandsdelen_threshold_bytes", 1024)
    content = pdf(filler=10_000)
    assert (await upload(client, resident, content)).status_code == 201
    await worker.drain()
    [document] = zgw.documenten.values()
    assert document["locked"] is False
    assert zgw.inhoud[document["url"].rsplit("/", 1)[-1]] == content
    assert any(c[0] == "PUT" and "/bestandsdelen/" in c[1] for c in zgw.log)
    assert ("POST", document["url"].removeprefix(zgw.host) + "/unlock", 204) in zgw.log
    assert len(zgw.zios) == 1


async def test_documents_also_work_with_the_local_register(
    tmp_path: Path,
    database_url: str,
    seeded: None,
    db: AsyncSession,
    make_handlers: MakeHandlers,
) -> None:
    from litestar.testing import AsyncTestClient as Client

    from tests.conftest import login
    from welkom.app import create_app
    from welkom.cases.models import LocalDocument
    from welkom.core.database import create_engine, session_factory
    from welkom.outbox.worker import OutboxWorker as Worker

    local_settings = make_settings(database_url, data_dir=tmp_path / "local")
    async with Client(app=create_app(local_settings)) as local_client:
        headers = await login(local_client, "demo-resident")
        assert (await upload(local_client, headers, PDF)).status_code == 201
    engine = create_engine(local_settings)
    sessions = session_factory(engine)
    await Worker(sessions, make_handlers(sessions, local_settings), local_settings).drain()
    await engine.dispose()
    [document] = (await db.execute(select(LocalDocument))).scalars().all()
    assert document.inhoud == PDF
    assert document.formaat == "application/pdf"


#: 29 bytes that start like a JPEG and are script text.
SCRIPT_JPEG = b"\xff\xd8\xff\xe0<script>alert(1)</script>"
#: Starts and parses like a PDF, and is an HTML page with a script to a browser.
PDF_HTML = pdf().replace(
    b"%PDF-1.3\n", b"%PDF-1.3\n%<html><body><script>fetch('/api/v1/me')</script></body></html>\n", 1
)


@pytest.mark.parametrize(
    ("name", "content", "claimed"),
    [
        ("script.jpg", SCRIPT_JPEG, "image/jpeg"),
        ("polyglot.pdf", PDF_HTML, "application/pdf"),
        ("tail.jpg", jpeg() + b"<html><script>alert(1)</script></html>", "image/jpeg"),
        ("cut.jpg", jpeg(64, 64)[:-200], "image/jpeg"),
        ("cut.png", png(64, 64)[:-30], "image/png"),
        (
            "fake.heic",
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64,
            "image/heic",
        ),
        (
            "header.pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
            "application/pdf",
        ),
    ],
)
async def test_a_file_that_only_starts_like_its_type_is_refused(
    client: AsyncTestClient,
    resident: dict,
    settings: Settings,
    db: AsyncSession,
    name: str,
    content: bytes,
    claimed: str,
) -> None:
    before = await row_counts(db)
    response = await upload(client, resident, content, name=name, claimed=claimed)
    assert response.status_code == 415, response.text
    problem = response.json()
    assert problem["type"] == "urn:welkom:problem:document-type-not-accepted"
    assert problem["detail"]
    assert await row_counts(db) == before
    assert stored_files(settings) == []


def test_the_script_jpeg_is_29_bytes_and_sniffs_as_jpeg() -> None:
    assert len(SCRIPT_JPEG) == 29
    assert sniff(SCRIPT_JPEG) == "image/jpeg"
    assert sniff(PDF_HTML) == "application/pdf"


@pytest.mark.parametrize("kind", ["open_action", "launch", "embedded", "xfa", "escaped_javascript"])
async def test_a_pdf_with_active_content_is_refused(
    client: AsyncTestClient, resident: dict, settings: Settings, db: AsyncSession, kind: str
) -> None:
    before = await row_counts(db)
    response = await upload(client, resident, pdf_with_javascript(kind))
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["type"] == "urn:welkom:problem:document-active-content"
    assert problem["detail"]
    assert await row_counts(db) == before
    assert stored_files(settings) == []


async def test_active_content_problem_is_localized(
    client: AsyncTestClient, resident: dict, settings: Settings
) -> None:
    # The demo resident prefers Arabic.
    response = await upload(client, resident, pdf_with_javascript("open_action"))
    assert response.status_code == 422
    assert response.headers["content-language"] == "ar"
    problem = response.json()
    assert problem["title"] != "Document contains active content"
    assert "PDF" in problem["detail"]


async def test_an_image_beyond_the_pixel_limit_is_refused_before_decoding(
    client: AsyncTestClient,
    resident: dict,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings.upload, "max_image_pixels", 1_000_000)
    assert (await upload(client, resident, png(1000, 1000), name="ok.png")).status_code == 201
    response = await upload(client, resident, png(1001, 1000), name="big.png")
    assert response.status_code == 415
    assert response.json()["type"] == "urn:welkom:problem:document-type-not-accepted"


def test_a_pdf_that_takes_too_long_to_read_is_refused() -> None:
    writer = PdfWriter()
    for _ in range(50):
        writer.add_blank_page(width=595, height=842)
    document = pdf(writer=writer)
    verify(document, "application/pdf", max_pixels=1, max_seconds=10)
    with pytest.raises(UploadRefusedError):
        verify(document, "application/pdf", max_pixels=1, max_seconds=0)


def test_real_names_in_pdf_metadata_are_not_active_content() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Author": "Aïcha Benali / JS Bach / Launch party"})
    verify(pdf(writer=writer), "application/pdf", max_pixels=1)


@pytest.mark.parametrize(
    ("make", "content_type"),
    [(pdf, "application/pdf"), (jpeg, "image/jpeg"), (png, "image/png"), (heic, "image/heic")],
)
def test_damaged_files_are_refused_never_an_error(make, content_type: str) -> None:
    """Flipped, cut and repeated bytes of a real file: verify passes or refuses, nothing else."""
    original = make()
    refused = 0
    chance = random.Random(20)  # a fixed seed: the same damaged files on every run
    for _ in range(150):
        damaged = bytearray(original)
        for _ in range(chance.randint(1, 8)):
            damaged[chance.randrange(len(damaged))] = chance.randrange(256)
        if chance.random() < 0.3:
            cut = chance.randrange(len(damaged))
            damaged = damaged[:cut] + damaged[cut:][: chance.randrange(len(damaged))] * 2
        try:
            verify(bytes(damaged), content_type, max_pixels=1_000_000)
        except UploadRefusedError:
            refused += 1
    assert refused > 0
