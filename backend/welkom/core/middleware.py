# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Request ids, trace context, security headers and an access log without personal data.

These run at the edge (:func:`install_edge_middleware`): outside Litestar's application-level
exception handler, so they see every response with its final status, including the problem
details for an unknown path (404), a wrong method (405) and refusals raised by other middleware
before the route runs (a NUL byte in the query: 400; the rate limiter: 429; sign-in: 401).
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from typing import Any

import structlog
from litestar import Litestar
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from welkom.core import tracing

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
log = structlog.get_logger("welkom.http")

API_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), geolocation=(), microphone=(), interest-cohort=()",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
}


def request_context_middleware(*, hsts: bool) -> Any:
    """ASGI middleware factory: one request id and one span per request (in the caller's trace
    when it sent a valid ``traceparent``), headers on every response."""

    def factory(app: ASGIApp) -> ASGIApp:
        async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != ScopeType.HTTP:
                await app(scope, receive, send)
                return
            incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
            request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
            scope.setdefault("state", {})["request_id"] = request_id
            # More than one traceparent header is invalid: a new trace, as for a bad value.
            parents = [v for k, v in scope["headers"] if k == b"traceparent"]
            span = tracing.continue_trace(
                parents[0].decode("latin-1") if len(parents) == 1 else None
            )
            structlog.contextvars.bind_contextvars(request_id=request_id, trace_id=span.trace_id)
            started, status = time.perf_counter(), 500

            async def send_with_headers(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = message["status"]
                    headers = MutableScopeHeaders.from_message(message)
                    headers["X-Request-ID"] = request_id
                    for name, value in API_SECURITY_HEADERS.items():
                        if name not in headers:
                            headers[name] = value
                    if hsts:
                        headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
                    if "cache-control" not in headers and scope["path"].startswith("/api/"):
                        headers["Cache-Control"] = "no-store"
                await send(message)

            try:
                with tracing.use(span):
                    await app(scope, receive, send_with_headers)
            finally:
                log.info(
                    "request",
                    method=scope["method"],
                    route=scope.get("path_template") or "(unmatched)",
                    status=status,
                    duration_ms=round((time.perf_counter() - started) * 1000, 1),
                )
                structlog.contextvars.clear_contextvars()

        return middleware

    return factory


def install_edge_middleware(app: Litestar, *middleware: Callable[[ASGIApp], ASGIApp]) -> None:
    """Wrap ``app``'s whole request handling, the exception handler included, in ``middleware``
    (the first is outermost).

    Middleware passed to ``Litestar(middleware=...)`` runs inside a route, so it never sees a
    404 or 405 and sees an exception raised by later middleware before the exception handler
    has made it a response: logged and counted as 500 without request id or headers.
    """
    handler = app.asgi_handler
    for factory in reversed(middleware):
        handler = factory(handler)
    app.asgi_handler = handler
