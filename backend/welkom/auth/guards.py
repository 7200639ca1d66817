# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Authentication middleware and CSRF protection.

The middleware only identifies the caller (session cookie, or ``Authorization: Bearer`` with a
session token or a staff IdP's JWT access token); guards decide. Every route declares its role
guard (``requires_role``, ``public`` or ``signed_in``, :mod:`welkom.core.guards`), so the
authorization matrix can walk them all. Two guards run on every route, before the route's own:

- :func:`csrf_guard` — a state-changing request authenticated by the session *cookie* must carry
  ``X-CSRF-Token`` equal to the ``welkom_csrf`` cookie (and derived from that session).
  Bearer-authenticated requests need no CSRF token.
- :func:`welkom.residents.tenancy.tenant_guard` — a ``resident_id`` path parameter must name a
  resident within the caller's reach; otherwise 404, so the existence of other municipalities'
  residents does not leak.
"""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.enums import ScopeType
from litestar.handlers.base import BaseRouteHandler
from litestar.types import ASGIApp, Receive, Scope, Send

from welkom.auth import oidc_accounts, service
from welkom.core.database import request_session
from welkom.core.guards import public
from welkom.core.i18n import N_
from welkom.core.problems import Problem

CSRF_COOKIE = "welkom_csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def authentication_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        scope["user"] = None
        if scope["type"] == ScopeType.HTTP:
            headers = dict(scope["headers"])
            settings = scope["app"].state.settings
            token, via = _token(headers, settings.session.cookie_name)
            if token:
                db = request_session(scope)  # the handler reuses it and the rows loaded here
                if via == "bearer" and token.count(".") == 2:  # a JWT from a staff IdP
                    principal = await oidc_accounts.resolve_api_token(
                        db, scope["app"].state.oidc, token
                    )
                else:
                    principal = await service.resolve(db, settings, token)
                if principal is not None:
                    scope["user"] = principal
                    request_state = scope.setdefault("state", {})
                    request_state.update(
                        preferred_language=principal.preferred_language,
                        default_language=principal.municipality_default_language,
                        auth_via=via,
                    )
                    if via == "cookie":
                        request_state["csrf_ok"] = service.csrf_matches(
                            settings,
                            token,
                            headers.get(CSRF_HEADER.encode(), b"").decode("latin-1"),
                            _cookies(headers).get(CSRF_COOKIE, ""),
                        )
        await app(scope, receive, send)

    return middleware


def _cookies(headers: dict[bytes, bytes]) -> dict[str, str]:
    cookies: dict[str, str] = {}
    for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        name, _, value = part.strip().partition("=")
        if name and name not in cookies:
            cookies[name] = value
    return cookies


def _token(headers: dict[bytes, bytes], cookie_name: str) -> tuple[str | None, str]:
    authorization = headers.get(b"authorization", b"").decode("latin-1")
    if authorization[:7].lower() == "bearer ":
        return authorization[7:].strip() or None, "bearer"
    return _cookies(headers).get(cookie_name) or None, "cookie"


async def csrf_guard(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """App-wide: cookie-authenticated state changes need the double-submit CSRF token.

    Public routes (sign-in) use no authority of an existing session, so a stale session
    cookie does not block signing in again; they take JSON bodies only (login CSRF).
    """
    state = connection.scope.get("state", {})
    if (
        connection.scope.get("method") not in SAFE_METHODS
        and not _is_public(handler)
        and state.get("auth_via") == "cookie"
        and not state.get("csrf_ok")
    ):
        raise Problem(
            403,
            "csrf",
            N_("Request not trusted"),
            N_("This request is missing its security token. Reload the page and try again."),
        )


def _is_public(handler: BaseRouteHandler) -> bool:
    return any(public in (layer.guards or []) for layer in handler.ownership_layers)
