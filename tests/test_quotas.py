# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Quotas per resident: questions per hour, documents per day and bytes kept, help requests open
at once. Beyond one: a localized 429 (rate) or 409 (capacity) naming the quota, nothing changes,
and the refusal is counted in ``/metrics`` by quota name only."""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import login, make_settings, row_counts
from tests.support_admin import request_body
from tests.test_uploads import PDF, png, upload
from welkom.app import create_app
from welkom.core.quotas import QUOTA_REFUSALS
from welkom.core.settings import Settings

QUESTIONS = "/api/v1/me/questions"
HELP_REQUESTS = "/api/v1/me/help-requests"
METRICS_TOKEN = "quota-metrics-token-0123456789"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(
        database_url,
        data_dir=tmp_path,
        quota_questions_per_hour=2,
        quota_uploads_per_day=2,
        quota_open_help_requests=1,
        metrics_token=METRICS_TOKEN,
    )


@pytest.fixture
async def client(settings: Settings, seeded: None) -> AsyncIterator[AsyncTestClient]:
    async with AsyncTestClient(app=create_app(settings)) as client:
        yield client


def noisy_png(side: int, seed: int) -> bytes:
    """A valid PNG of random pixels: it does not compress, so its size is about 3 × side²."""
    noise = random.Random(seed)
    raw = b"".join(b"\x00" + noise.randbytes(3 * side) for _ in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def refusals(quota: str) -> float:
    return QUOTA_REFUSALS.labels(quota)._value.get()


def assert_quota_problem(response, status: int, quota: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["type"] == f"urn:welkom:problem:quota-{quota}"
    return body


async def test_questions_per_hour_are_limited_and_a_refusal_changes_nothing(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    resident = await login(client, "demo-resident")
    for n in range(2):
        sent = await client.post(
            QUESTIONS,
            json={"text": f"Vraag {n}", "language": "nl"},
            headers={**resident, "Idempotency-Key": f"question-{n}"},
        )
        assert sent.status_code == 201, sent.text
    before, counted = await row_counts(db), refusals("questions-per-hour")

    refused = await client.post(
        QUESTIONS,
        json={"text": "Nog een vraag", "language": "nl"},
        headers=resident,
    )

    body = assert_quota_problem(refused, 429, "questions-per-hour")
    assert refused.headers["content-language"] == "ar"  # the resident's own language
    assert body["detail"] == (
        "يمكنك إرسال 2 سؤالًا كحد أقصى في الساعة. لم يُرسَل شيء؛ يرجى المحاولة لاحقًا."
    )
    assert body["translation_state"] == "machine"
    assert 0 < int(refused.headers["retry-after"]) <= 3600
    assert await row_counts(db) == before
    assert refusals("questions-per-hour") == counted + 1
    # A resend of a question already asked is answered as before: it asks nothing new.
    again = await client.post(
        QUESTIONS,
        json={"text": "Vraag 1", "language": "nl"},
        headers={**resident, "Idempotency-Key": "question-1"},
    )
    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    # Observable without personal data: the counter carries the quota name only.
    metrics = await client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    line = next(
        line
        for line in metrics.text.splitlines()
        if line.startswith('welkom_quota_refusals_total{quota="questions-per-hour"}')
    )
    assert float(line.split()[-1]) >= 1


async def test_documents_per_day_are_limited(
    client: AsyncTestClient, db: AsyncSession, settings: Settings
) -> None:
    resident = await login(client, "demo-resident")
    for width in (2, 3):
        assert (await upload(client, resident, png(width, 2))).status_code == 201
    before = await row_counts(db)
    stored = sorted(settings.storage_path.rglob("*"))

    refused = await upload(client, resident, PDF)

    assert_quota_problem(refused, 429, "uploads-per-day")
    assert int(refused.headers["retry-after"]) > 0
    assert await row_counts(db) == before
    assert sorted(settings.storage_path.rglob("*")) == stored  # no file kept either


async def test_bytes_kept_per_resident_are_limited(
    database_url: str, seeded: None, db: AsyncSession, tmp_path: Path
) -> None:
    first, second = noisy_png(600, 1), noisy_png(600, 2)
    settings = make_settings(
        database_url, data_dir=tmp_path, quota_stored_bytes_per_resident=2 * 1024 * 1024
    )
    assert len(first) < 2 * 1024 * 1024 < len(first) + len(second)
    async with AsyncTestClient(app=create_app(settings)) as client:
        resident = await login(client, "demo-resident")
        assert (await upload(client, resident, first)).status_code == 201
        before, counted = await row_counts(db), refusals("stored-bytes")

        refused = await client.post(
            "/api/v1/me/documents?lang=fr",
            files={"file": ("scan.png", second, "image/png")},
            data={"language": "nl"},
            headers=resident,
        )

        body = assert_quota_problem(refused, 409, "stored-bytes")
        assert body["detail"] == (
            "Vos documents peuvent occuper au plus 2 Mo au total. Rien n'a été enregistré."
        )
        assert await row_counts(db) == before
        assert refusals("stored-bytes") == counted + 1
        # A smaller document still fits.
        assert (await upload(client, resident, png(2, 2))).status_code == 201


async def test_help_requests_open_at_once_are_limited(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    resident = await login(client, "demo-resident")
    asked = await client.post(HELP_REQUESTS, json=request_body(), headers=resident)
    assert asked.status_code == 201, asked.text
    before = await row_counts(db)

    refused = await client.post(
        HELP_REQUESTS, json=request_body(), headers=resident, params={"lang": "fr"}
    )

    body = assert_quota_problem(refused, 409, "open-help-requests")
    assert refused.headers["content-language"] == "fr"
    assert body["detail"].startswith("Vous pouvez avoir au plus 1 demandes d'aide ouvertes")
    assert await row_counts(db) == before
    # Once the open one is cancelled, the resident may ask again.
    cancelled = await client.post(f"{HELP_REQUESTS}/{asked.json()['id']}/cancel", headers=resident)
    assert cancelled.status_code == 200, cancelled.text
    assert (
        await client.post(HELP_REQUESTS, json=request_body(), headers=resident)
    ).status_code == 201
