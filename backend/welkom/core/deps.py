# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Named dependencies for route handlers (explicit, as Litestar 3 requires)."""

from typing import TypeAlias

from litestar.di import NamedDependency
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.core.settings import Settings

#: ``db: DbSession`` — the request's session, its unit of work: committed when the handler
#: returns, rolled back when it raises (core/unit_of_work.py). Services never commit.
DbSession: TypeAlias = NamedDependency[AsyncSession]
#: ``settings: AppSettings``
AppSettings: TypeAlias = NamedDependency[Settings]
#: ``idempotency_key: IdempotencyKey`` — the request's checked ``Idempotency-Key`` header, or
#: ``None`` (core/idempotency.py); a malformed key is a 400 problem before the handler runs.
IdempotencyKey: TypeAlias = NamedDependency[str | None]
