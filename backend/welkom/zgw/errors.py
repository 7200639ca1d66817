# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""How a ZGW-style register fails: temporary trouble (retried) or a refusal (parked), the
refusal reduced to the register's codes and field names."""

from __future__ import annotations

import json

import httpx


class CaseRegisterError(Exception):
    """Temporary trouble (outage, timeout, 5xx): retry later."""


class CaseRegisterRefused(Exception):
    """The register refused the request (4xx validation): retrying as is will not help.

    The message carries the register's problem details (codes and field names, no content).
    """


def refusal(response: httpx.Response) -> CaseRegisterRefused:
    """The register's problem details, reduced to codes and field names (no echoed content)."""
    try:
        body = response.json()
    except ValueError:
        body = {}
    summary = {
        "status": response.status_code,
        "code": body.get("code"),
        "title": body.get("title"),
        # The register's own words: the real cause of a 403 (a scope, a closed zaak). Open Zaak's
        # details name rules and fields; the request body is never echoed here.
        "detail": body.get("detail"),
        "invalidParams": [
            {"name": p.get("name"), "code": p.get("code"), "reason": p.get("reason")}
            for p in body.get("invalidParams") or []
        ],
        "operation": f"{response.request.method} {path_of(response.request.url)}",
    }
    return CaseRegisterRefused(json.dumps(summary, ensure_ascii=False))


def path_of(url: httpx.URL) -> str:
    """A request's path for a message: never the query string (it may carry identifiers)."""
    return url.path
