# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar import Request, get
from sqlalchemy import text

from welkom.core.database import current_revision, head_revision
from welkom.core.guards import public
from welkom.core.i18n import N_
from welkom.core.problems import Problem
from welkom.core.version import build_info


@get(
    "/health",
    guards=[public],
    tags=["operations"],
    operation_id="health",
    summary="Check the process is alive",
    cache_control=None,
)
async def health() -> dict[str, str]:
    """Liveness: the process answers (it checks nothing else; see `ready`)."""
    return {"status": "ok"}


@get(
    "/ready",
    guards=[public],
    tags=["operations"],
    operation_id="ready",
    summary="Check the database is reachable and current",
)
async def ready(request: Request[Any, Any, Any]) -> dict[str, str]:
    """Readiness: the database answers and its schema is current (503 `not-ready` otherwise)."""
    engine = request.app.state.engine
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        current = await current_revision(engine)
    except Exception as exc:
        raise Problem(
            503, "not-ready", N_("Not ready"), N_("The database cannot be reached.")
        ) from exc
    if current != head_revision():
        raise Problem(503, "not-ready", N_("Not ready"), N_("The database schema is not current."))
    return {"status": "ready", "database": "ok", "migrations": current}


@dataclass
class VersionOut:
    version: str
    """The release (semantic versioning; CHANGELOG.md)."""
    commit: str | None
    """The git commit the running build was made from; null when the build did not say."""


@get(
    "/api/v1/version",
    guards=[public],
    tags=["operations"],
    operation_id="getVersion",
    summary="Read the running release",
    cache_control=None,
    description="The running release and the commit it was built from (no sign-in).",
)
async def version() -> VersionOut:
    info = build_info()
    return VersionOut(version=info.version, commit=info.commit)
