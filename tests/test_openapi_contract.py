# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The API contract is a committed file: docs/openapi.json is what the app generates, and every
operation in it is documented (summary, description, who may call it, a unique operationId).

The PWA's types (pwa/src/api-types.ts) are generated from that file; `npm run api-types:check`
(scripts/test.d/50-pwa.sh) fails when they are stale.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from welkom.cli import openapi_document
from welkom.core.openapi import ACCESS_PREFIX

COMMITTED = Path(__file__).resolve().parents[1] / "docs" / "openapi.json"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
REGENERATE = "run: welkom openapi > docs/openapi.json && (cd pwa && npm run api-types)"


@pytest.fixture(scope="module")
def generated() -> str:
    return openapi_document()


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def test_the_committed_document_is_what_the_app_generates(generated: str) -> None:
    assert COMMITTED.exists(), REGENERATE
    assert COMMITTED.read_text(encoding="utf-8") == generated, (
        f"docs/openapi.json differs from the API the code serves; {REGENERATE}"
    )


def test_the_document_is_the_same_on_every_run(
    generated: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The environment never changes the contract (the demo login exists only where enabled).
    monkeypatch.setenv("WELKOM_DEMO_LOGIN", "true")
    monkeypatch.setenv("WELKOM_ENV", "demo")
    assert openapi_document() == generated
    assert "/api/v1/auth/demo-login" not in json.loads(generated)["paths"]


def test_every_operation_is_documented(generated: str) -> None:
    found = operations(json.loads(generated))
    assert len(found) > 100
    undocumented = []
    for method, path, operation in found:
        summary = operation.get("summary") or ""
        description = operation.get("description") or ""
        what = description.split(ACCESS_PREFIX)[0].strip()
        if (
            # Litestar's fallback summary is the handler's name ("GetSession"): one word.
            len(summary.split()) < 2
            or summary.endswith(".")
            or not what
            or ACCESS_PREFIX not in description
            or not operation.get("operationId")
        ):
            undocumented.append(f"{method} {path}")
    assert not undocumented, (
        "give these operations summary= (a short phrase) and description= (what it does, its "
        "notable problems) and a guard that says who may call it: " + ", ".join(undocumented)
    )


def test_operation_ids_are_unique_camel_case(generated: str) -> None:
    ids = Counter(
        operation.get("operationId") for *_, operation in operations(json.loads(generated))
    )
    assert [i for i, n in ids.items() if n > 1] == []
    assert [i for i in ids if not re.fullmatch(r"[a-z][A-Za-z0-9]+", str(i))] == []


def test_who_may_call_comes_from_the_guards(generated: str) -> None:
    by_id = {op["operationId"]: op for *_, op in operations(json.loads(generated))}

    def who(operation_id: str) -> str:
        return by_id[operation_id]["description"].split(ACCESS_PREFIX)[1]

    assert who("health") == "anyone, signed in or not."
    assert who("getSession") == "any signed-in account (401 otherwise)."
    assert "role `records_manager` (401, 403 otherwise)." in who("listAuditEvents")
    # A controller's guard and the route's own: both apply, both are named.
    both = who("adminReviewTranslation")
    assert "`admin`, `editor` or `reviewer`" in both
    assert both.endswith("and a signed-in account with the role `reviewer` (401, 403 otherwise).")
