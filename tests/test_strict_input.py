# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Strict input at the shared mechanisms: oversized headers (431 under any parser), no coercion of
strings into numbers or booleans in JSON bodies, the CSV report's one charset, and uploads
without a file or with text that is not UTF-8 (field errors)."""

from __future__ import annotations

from typing import Any

from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import row_counts
from welkom.core.middleware import API_SECURITY_HEADERS


def field_errors(response: Any) -> dict[str, str]:
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    assert response.json()["status"] == response.status_code
    return {error["field"]: error["message"] for error in response.json().get("errors", [])}


async def test_numeric_strings_are_not_integers(
    client: AsyncTestClient, resident: dict[str, str], db: AsyncSession
) -> None:
    before = await row_counts(db)
    member = {"relation": "child", "name": "Sara", "birth_year": "2016"}
    refused = await client.post(
        "/api/v1/me/household", json=member, params={"lang": "en"}, headers=resident
    )
    assert refused.status_code == 400, refused.text
    assert field_errors(refused) == {"birth_year": "Expected a whole number."}
    assert await row_counts(db) == before
    accepted = await client.post(
        "/api/v1/me/household", json={**member, "birth_year": 2016}, headers=resident
    )
    assert accepted.status_code == 201, accepted.text


async def test_an_oversized_header_is_refused_with_431(
    client: AsyncTestClient, resident: dict[str, str]
) -> None:
    for headers in ({"X-Padding": "a" * (8 * 1024 * 1024)}, {"X-Padding": "a" * 17_000}):
        response = await client.get("/api/v1/me", headers={**resident, **headers})
        assert response.status_code == 431
        assert response.json()["type"] == "urn:welkom:problem:headers-too-large"
        assert response.headers["x-request-id"]
        assert (
            response.headers["x-content-type-options"]
            == API_SECURITY_HEADERS["X-Content-Type-Options"]
        )
    assert (await client.get("/api/v1/me", headers=resident)).status_code == 200


async def test_the_csv_report_names_its_charset_once(
    client: AsyncTestClient, caseworker: dict[str, str]
) -> None:
    response = await client.get(
        "/api/v1/admin/reports/interactions", params={"format": "csv"}, headers=caseworker
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"


def multipart(*parts: tuple[str, str | None, bytes]) -> tuple[bytes, str]:
    """A multipart/form-data body of (name, filename, content) parts, and its content type."""
    boundary = "welkom-test-boundary"
    body = b""
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode()
        if filename:
            body += b"Content-Type: application/pdf\r\n"
        body += b"\r\n" + content + b"\r\n"
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


async def test_an_upload_without_a_file_or_with_text_not_in_utf8_names_the_field(
    client: AsyncTestClient, resident: dict[str, str], db: AsyncSession
) -> None:
    before = await row_counts(db)
    cases = {
        "file": [("language", None, b"nl")],
        "language": [("file", "scan.pdf", PDF), ("language", None, b"n\xffl")],
    }
    for field, parts in cases.items():
        body, content_type = multipart(*parts)
        response = await client.post(
            "/api/v1/me/documents",
            content=body,
            params={"lang": "en"},
            headers={**resident, "Content-Type": content_type},
        )
        assert response.status_code == 400, response.text
        assert field in field_errors(response), response.text
    assert await row_counts(db) == before
