# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Bounds on what a request may cost: the size of its request line and headers, JSON nesting
depth and the time to send the body.

Body size is bounded by Litestar (``request_max_body_size``: 413), multipart forms by their part
count; both are set in :func:`welkom.app.create_app`. Slow headers and idle keep-alive
connections are bounded by the HTTP server (``welkom serve``); header size is bounded both by
the server (with the h11 parser) and here, whatever parser or server runs the app.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncGenerator
from typing import Any, cast

import msgspec
from litestar import Request
from litestar.enums import ScopeType
from litestar.exceptions import ValidationException
from litestar.types import ASGIApp, Receive, ReceiveMessage, Scope, Send
from multipart import (
    MultipartSegment,
    ParserError,
    ParserLimitReached,
    PushMultipartParser,
)

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


def headers_too_large(limit: int) -> Problem:
    return Problem(
        431,
        "headers-too-large",
        N_("Request headers too large"),
        N_("The request's address and headers are larger than {limit} KiB. Nothing was changed."),
        params={"limit": limit // 1024},
        headers={"Connection": "close"},
    )


def head_size(scope: Scope) -> int:
    """Bytes of the request line's path and query and of every header (name and value)."""
    size = len(scope.get("raw_path") or scope["path"].encode()) + len(
        scope.get("query_string", b"")
    )
    return size + sum(len(name) + len(value) for name, value in scope["headers"])


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


_ERROR_AT = re.compile(r"^(?P<message>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)


def strict_body(value: Any, annotation: Any, dec_hook: Any) -> None:
    """Refuse a JSON body that only matches ``annotation`` by coercion (``"2016"`` for an
    integer, ``"true"`` for a boolean): Litestar converts the handler's arguments leniently,
    as query strings need, so the body is checked strictly here first."""
    try:
        msgspec.convert(value, type=annotation, strict=True, str_keys=True, dec_hook=dec_hook)
    except msgspec.ValidationError as exc:
        match = _ERROR_AT.match(str(exc))
        message = match["message"] if match else str(exc)
        path = (match["path"] or "") if match else ""
        key = (path[1:] if path.startswith(".") else path) or "data"  # "data": the whole body
        raise ValidationException(
            detail="Validation failed", extra=[{"message": message, "key": key, "source": "body"}]
        ) from None
    except TypeError:  # a type msgspec cannot convert to: Litestar's own conversion decides
        return


async def checked_multipart(
    stream: AsyncGenerator[bytes, None], boundary: bytes
) -> AsyncGenerator[bytes, None]:
    """``stream`` unchanged, except that a text part (one without a file name) that does not
    decode in its charset (UTF-8 unless it names another) ends it with a 400 problem naming
    that part's field. Litestar's own parser would fail on it with an unnamed error (a 500);
    this parses alongside it and raises first. A body that is not valid multipart is passed on
    as is: Litestar's parser refuses it."""
    parser: PushMultipartParser | None = PushMultipartParser(boundary)
    segment: MultipartSegment | None = None
    text = bytearray()
    async for chunk in stream:
        if parser is not None:
            try:
                for part in parser.parse(chunk):
                    if isinstance(part, MultipartSegment):
                        segment, text = part, bytearray()
                    elif part:
                        if segment is not None and not segment.filename:
                            text.extend(part)
                    elif segment is not None:
                        if not segment.filename:
                            try:
                                text.decode(segment.charset or "utf-8")
                            except (UnicodeDecodeError, LookupError):
                                # The parser refuses a part without a name (ParserError).
                                name = cast(str, segment.name)
                                raise Problem.validation(
                                    [FieldError(name, N_("Text in the request must be UTF-8."))]
                                ) from None
                        segment = None
            except (ParserError, ParserLimitReached):
                parser = None
        yield chunk


class WelkomRequest(Request[Any, Any, Any]):
    """JSON bodies: refuses nesting deeper than ``WELKOM_REQUEST_MAX_JSON_DEPTH`` (msgspec would
    otherwise hit Python's recursion limit: a 500), NUL characters, and values of another type
    than the handler declares (no coercion of strings to numbers or booleans); multipart forms:
    text parts that are not UTF-8 (named). All with 400 problem details."""

    def stream(self) -> AsyncGenerator[bytes, None]:
        content_type, options = self.content_type
        if content_type == "multipart/form-data" and options.get("boundary"):
            return checked_multipart(super().stream(), options["boundary"].encode())
        return super().stream()

    async def json(self) -> Any:
        limit: int = self.app.state.settings.http.request_max_json_depth
        try:
            value = await super().json()
        except RecursionError:
            raise too_deep(limit) from None
        if problem := _check_json(value, limit):
            raise problem
        handler = self.scope.get("route_handler")
        data = handler.parsed_fn_signature.parameters.get("data") if handler else None
        if data is not None:
            strict_body(value, data.annotation, handler.default_deserializer)
        return value


def request_bounds_middleware(app: ASGIApp) -> ASGIApp:
    """ASGI middleware: refuses a request line and headers larger than
    ``WELKOM_HTTP_MAX_HEADER_BYTES`` (431) and NUL characters in the path or query (400); the
    whole body must arrive within ``WELKOM_REQUEST_BODY_TIMEOUT_SECONDS``
    of the request's start, or the request ends with 408 problem details (slow-client bound)."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        settings = scope["app"].state.settings
        if head_size(scope) > settings.http.max_header_bytes:
            raise headers_too_large(settings.http.max_header_bytes)
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope["path"]:
            raise nul_character()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + settings.http.request_body_timeout_seconds
        complete = False

        async def timed_receive() -> ReceiveMessage:
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
