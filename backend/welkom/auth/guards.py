"""Authentication middleware and role guards.

The middleware only identifies the caller (cookie or ``Authorization: Bearer``); guards decide.
Every route declares its guard, so the authorization matrix can walk them all.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.handlers.base import BaseRouteHandler
from litestar.types import ASGIApp, Receive, Scope, Send

from welkom.auth import service
from welkom.auth.service import Principal
from welkom.core.i18n import N_
from welkom.core.problems import Problem


def authentication_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        scope["user"] = None
        if scope["type"] == "http" and (token := _token(scope)):
            state = scope["app"].state
            async with state.session_factory() as db:
                principal = await service.resolve(db, state.settings, token)
            if principal is not None:
                scope["user"] = principal
                scope.setdefault("state", {}).update(
                    preferred_language=principal.preferred_language,
                    default_language=principal.municipality_default_language,
                )
        await app(scope, receive, send)

    return middleware


def _token(scope: Scope) -> str | None:
    headers = dict(scope["headers"])
    authorization = headers.get(b"authorization", b"").decode("latin-1")
    if authorization[:7].lower() == "bearer ":
        return authorization[7:].strip() or None
    cookie_name = scope["app"].state.settings.session_cookie_name
    for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        name, _, value = part.strip().partition("=")
        if name == cookie_name and value:
            return value
    return None


def unauthenticated() -> Problem:
    return Problem(401, "unauthenticated", N_("Not signed in"), N_("Sign in to continue."))


def requires_role(*roles: str) -> Any:
    """Guard: the caller is signed in and holds one of ``roles``."""
    allowed = frozenset(roles)

    def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        principal: Principal | None = connection.scope.get("user")
        if principal is None:
            raise unauthenticated()
        if not principal.has_any(allowed):
            raise Problem(
                403, "forbidden", N_("Not allowed"), N_("You are not allowed to do this.")
            )

    guard.__name__ = f"requires_role({', '.join(sorted(allowed))})"
    return guard


def public(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Guard for routes anyone may call (health, schema, login). Explicit, so it is a choice."""


def signed_in(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    if connection.scope.get("user") is None:
        raise unauthenticated()


async def provide_principal(request: Request) -> Principal:
    principal = request.scope.get("user")
    if principal is None:
        raise unauthenticated()
    return principal


#: ``principal: Caller`` — the signed-in caller (401 if nobody is).
Caller: TypeAlias = NamedDependency[Principal]
