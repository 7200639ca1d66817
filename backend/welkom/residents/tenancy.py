# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Tenant isolation: which residents a principal can reach.

- A resident reaches only their own record.
- Staff (caseworker, coordinator, editor, reviewer, records manager, admin) reach residents of
  their own municipality; the route's role guard decides what they may do there.
- A volunteer reaches no resident record directly; the volunteers domain decides, from
  consent, what of a resident a volunteer may see.

Anything out of reach answers 404 (``Problem.not_found()``), never 403, so the existence of a
record in another municipality does not leak. :func:`tenant_guard` applies this app-wide to every
``resident_id`` path parameter.
"""

from __future__ import annotations

import uuid
from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.core.database import request_session
from welkom.core.identity import STAFF_ROLES, Principal
from welkom.core.problems import Problem
from welkom.residents.models import Resident


def in_reach(principal: Principal, resident: Resident) -> bool:
    if principal.resident_id is not None and principal.resident_id == resident.id:
        return True
    return principal.has_any(STAFF_ROLES) and resident.municipality_id == principal.municipality_id


async def reachable_resident(
    db: AsyncSession, principal: Principal, resident_id: uuid.UUID
) -> Resident:
    """The resident if ``principal`` may reach them; otherwise 404, whether or not they exist."""
    resident = await db.get(Resident, resident_id)
    if resident is None or not in_reach(principal, resident):
        raise Problem.not_found()
    return resident


async def tenant_guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """App-wide: a ``resident_id`` in the path must be within the caller's reach, else 404."""
    raw = connection.scope.get("path_params", {}).get("resident_id")
    principal: Principal | None = connection.scope.get("user")
    if raw is None or principal is None:
        return  # no resident in the path, or anonymous (the role guard answers 401)
    try:
        resident_id = raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw))
    except ValueError:
        raise Problem.not_found() from None
    await reachable_resident(request_session(connection.scope), principal, resident_id)
