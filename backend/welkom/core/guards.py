# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Role guards and the caller dependency, for every domain's routes.

Every route declares its role guard (:func:`requires_role`, :func:`public` or :func:`signed_in`),
so the authorization matrix can walk them all. They read only the :class:`Principal` that
:func:`welkom.auth.guards.authentication_middleware` put in the scope, so any domain may use them
without importing ``auth``. Guards are coroutines: Litestar runs a plain function guard in a
worker thread, a thread hop per guard per request.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.handlers.base import BaseRouteHandler

from welkom.core.i18n import LANGUAGES, N_
from welkom.core.identity import ROLES, Principal
from welkom.core.problems import Problem


def unauthenticated() -> Problem:
    return Problem(401, "unauthenticated", N_("Not signed in"), N_("Sign in to continue."))


def forbidden() -> Problem:
    return Problem(403, "forbidden", N_("Not allowed"), N_("You are not allowed to do this."))


#: The language content is written in (services, consent, journey); translations are from it.
CONTENT_SOURCE_LANGUAGE = "nl"


def require_language(principal: Principal, language: str, *, reviewing: bool = False) -> None:
    """Refuse (403) content translation work in a language that is not the caller's
    (:meth:`Principal.handles_language`). A code that names no target language (unknown, or
    Dutch, the source) is left to the route's own validation (400/422), so bad input reads the
    same for everyone."""
    target = language in LANGUAGES and language != CONTENT_SOURCE_LANGUAGE
    if target and not principal.handles_language(language, reviewing=reviewing):
        raise Problem(
            403, "not-your-language", N_("Not allowed"), N_("You are not allowed to do this.")
        )


def requires_role(*roles: str) -> Any:
    """Guard: the caller is signed in and holds one of ``roles``."""
    allowed = frozenset(roles)
    unknown = allowed - ROLES
    if unknown:
        raise ValueError(f"unknown roles in guard: {sorted(unknown)}")

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        principal: Principal | None = connection.scope.get("user")
        if principal is None:
            raise unauthenticated()
        if not principal.has_any(allowed):
            raise forbidden()

    guard.__name__ = f"requires_role({', '.join(sorted(allowed))})"
    names = [f"`{role}`" for role in sorted(allowed)]
    either = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    # The API document says who may call each route (welkom.core.openapi).
    # A function attribute read with getattr; mypy does not model attributes set on functions.
    guard.openapi_access = f"a signed-in account with the role {either} (401, 403 otherwise)"  # type: ignore[attr-defined]
    return guard


async def public(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Guard for routes anyone may call (health, schema, login). Explicit, so it is a choice."""


async def signed_in(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    if connection.scope.get("user") is None:
        raise unauthenticated()


# Read by core/openapi.py with getattr; mypy does not model attributes set on functions.
public.openapi_access = "anyone, signed in or not"  # type: ignore[attr-defined]
signed_in.openapi_access = "any signed-in account (401 otherwise)"  # type: ignore[attr-defined]


async def provide_principal(request: Request[Any, Any, Any]) -> Principal:
    principal: Principal | None = request.scope.get("user")
    if principal is None:
        raise unauthenticated()
    return principal


#: ``principal: Caller`` — the signed-in caller (401 if nobody is).
Caller: TypeAlias = NamedDependency[Principal]
