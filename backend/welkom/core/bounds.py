"""Bounds on what a request may cost: JSON nesting depth and the time to send the body.

Body size is bounded by Litestar (``request_max_body_size``: 413), multipart forms by their part
count; both are set in :func:`welkom.app.create_app`. Slow or huge headers and idle keep-alive
connections are bounded by the HTTP server (``welkom serve``).
"""

from __future__ import annotations

import asyncio
from typing import Any

from litestar import Request
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from welkom.core.i18n import N_
from welkom.core.problems import FieldError, Problem


def too_deep(limit: int) -> Problem:
    return Problem(
        400,
        "json-too-deep",
        N_("JSON nested too deeply"),
        N_("The JSON in the request is nested more than {limit} levels deep. Nothing was changed."),
        params={"limit": limit},
    )


def nul_character(field: str = "") -> Problem:
    return Problem.validation([FieldError(field, N_("Text may not contain NUL characters."))])


def _check_json(value: Any, limit: int) -> Problem | None:
    """Why ``value`` is refused: arrays/objects nested deeper than ``limit``, or a NUL character
    in a string (PostgreSQL cannot store it: it would end in a 500), naming the field
    (``links[0].url``). Iterative, stops early."""
    stack: list[tuple[Any, int, str]] = [(value, 1, "")]
    while stack:
        item, depth, path = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return nul_character(path)
            continue
        if isinstance(item, dict):
            if any("\x00" in key for key in item):
                return nul_character(path)
            children: Any = (
                (f"{path}.{key}" if path else key, child) for key, child in item.items()
            )
        elif isinstance(item, list):
            children = ((f"{path}[{index}]", child) for index, child in enumerate(item))
        else:
            continue
        if depth > limit:
            return too_deep(limit)
        stack.extend(
            (child, depth + 1, name)
            for name, child in children
            if isinstance(child, str | dict | list)
        )
    return None


class WelkomRequest(Request[Any, Any, Any]):
    """JSON bodies: refuses nesting deeper than ``WELKOM_REQUEST_MAX_JSON_DEPTH`` (msgspec would
    otherwise hit Python's recursion limit: a 500) and NUL characters, with 400 problem details."""

    async def json(self) -> Any:
        limit: int = self.app.state.settings.request_max_json_depth
        try:
            value = await super().json()
        except RecursionError:
            raise too_deep(limit) from None
        if problem := _check_json(value, limit):
            raise problem
        return value


def request_bounds_middleware(app: ASGIApp) -> ASGIApp:
    """ASGI middleware: refuses NUL characters in the path or query (400); the whole body must arrive within ``WELKOM_REQUEST_BODY_TIMEOUT_SECONDS``
    of the request's start, or the request ends with 408 problem details (slow-client bound)."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope["path"]:
            raise nul_character()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + scope["app"].state.settings.request_body_timeout_seconds
        complete = False

        async def timed_receive() -> Message:
            nonlocal complete
            if complete:  # after the body: waiting for a disconnect is not bounded here
                return await receive()
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                raise Problem(
                    408,
                    "request-timeout",
                    N_("Request timeout"),
                    N_("The request did not arrive in time. Nothing was changed."),
                    headers={"Connection": "close"},
                ) from None
            if message["type"] != "http.request" or not message.get("more_body", False):
                complete = True
            return message

        await app(scope, timed_receive, send)

    return middleware
