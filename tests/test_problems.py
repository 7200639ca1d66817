# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Bad input gets RFC 9457 problem details, localized, and changes nothing."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import login, row_counts

PROBLEM_FIELDS = {"type", "title", "status", "detail"}

BAD_QUESTIONS = [
    # (body, expected type, field with an error or None)
    (b"{bad json", "urn:welkom:problem:malformed-json", None),
    (
        b'{"text": "Hallo", "language": "nl", "priority": "high"}',
        "urn:welkom:problem:validation",
        "priority",
    ),
    (
        b'{"text": "' + b"x" * 4001 + b'", "language": "nl"}',
        "urn:welkom:problem:validation",
        "text",
    ),
    (b'{"text": 42, "language": "nl"}', "urn:welkom:problem:validation", "text"),
    (b'{"text": "Hallo", "language": ["nl"]}', "urn:welkom:problem:validation", "language"),
    (b'{"language": "nl"}', "urn:welkom:problem:validation", "text"),
    (b'{"text": "   ", "language": "nl"}', "urn:welkom:problem:validation", "text"),
    (b'{"text": "Hallo", "language": "xx"}', "urn:welkom:problem:validation", "language"),
    (b"[]", "urn:welkom:problem:validation", "data"),
    (b"", "urn:welkom:problem:validation", ""),
]


@pytest.mark.parametrize(("body", "problem_type", "field"), BAD_QUESTIONS)
async def test_bad_question_is_a_problem_and_changes_nothing(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    body: bytes,
    problem_type: str,
    field: str | None,
) -> None:
    before = await row_counts(db)
    response = await client.post(
        "/api/v1/me/questions",
        content=body,
        headers={**resident, "content-type": "application/json", "Idempotency-Key": "bad-input-1"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem.keys() >= PROBLEM_FIELDS
    assert problem["type"] == problem_type
    assert problem["status"] == 400
    if field is not None:
        assert [error["field"] for error in problem["errors"]] == [field]
        assert all(error["message"] for error in problem["errors"])
    assert await row_counts(db) == before


async def test_problems_speak_the_request_language(client: AsyncTestClient) -> None:
    body = {"login": "x" * 65}
    dutch = await client.post(
        "/api/v1/auth/demo-login", json=body, headers={"Accept-Language": "nl-NL"}
    )
    english = await client.post(
        "/api/v1/auth/demo-login", json=body, headers={"Accept-Language": "en-GB,en;q=0.9,nl;q=0.5"}
    )
    fallback = await client.post(
        "/api/v1/auth/demo-login", json=body, headers={"Accept-Language": "de, *"}
    )
    assert dutch.headers["content-language"] == "nl"
    assert dutch.json()["title"] == "Ongeldige invoer"
    assert dutch.json()["errors"][0]["message"] == "Hoogstens 64 tekens."
    assert english.headers["content-language"] == "en"
    assert english.json()["title"] == "Invalid input"
    assert english.json()["errors"][0]["message"] == "At most 64 characters."
    assert fallback.headers["content-language"] == "nl"  # the default language


async def test_signed_in_resident_preference_beats_accept_language(
    client: AsyncTestClient, resident: dict
) -> None:
    await client.patch("/api/v1/me", json={"preferred_language": "nl"}, headers=resident)
    response = await client.get(
        "/api/v1/me/questions", params={"limit": 0}, headers={**resident, "Accept-Language": "en"}
    )
    assert response.status_code == 400
    assert response.headers["content-language"] == "nl"
    assert response.json()["errors"][0] == {
        "field": "limit",
        "source": "query",
        "message": "Moet minstens 1 zijn.",
    }


async def test_field_errors_name_the_parameter_as_the_client_sent_it(
    client: AsyncTestClient, seeded: None
) -> None:
    """``?state=`` is bound to a Python argument of another name; the error names ``state``."""
    volunteer = await login(client, "demo-volunteer")
    response = await client.get(
        "/api/v1/volunteer/help-requests/mine", params={"state": "bogus"}, headers=volunteer
    )
    assert response.status_code == 400
    assert [(e["field"], e["source"]) for e in response.json()["errors"]] == [("state", "query")]


async def test_unknown_route_and_method_are_problems(client: AsyncTestClient) -> None:
    missing = await client.get("/api/v1/nothing-here")
    assert missing.status_code == 404
    assert missing.json()["type"] == "urn:welkom:problem:not-found"
    wrong_method = await client.delete("/health")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["type"] == "urn:welkom:problem:method-not-allowed"


async def test_oversized_body_is_refused(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    before = await row_counts(db)
    response = await client.post(
        "/api/v1/me/questions",
        content=b'{"text": "' + b"x" * (2 * 1024 * 1024) + b'", "language": "nl"}',
        headers={**resident, "content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["type"] == "urn:welkom:problem:too-large"
    assert await row_counts(db) == before
