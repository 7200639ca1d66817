# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A test LibreTranslate server: the API's documented requests and answers, on loopback.

Implements what LibreTranslate's own source (``libretranslate/app.py``) answers, over real HTTP
(uvicorn in a thread, a port of its own):

* ``GET /languages`` → ``[{"code", "name", "targets"}]`` for the installed models (targets
  include what a pivot through English reaches, as Argos Translate's ``translations_from``);
* ``POST /translate`` with a JSON or form body (``q``, ``source``, ``target``, ``format``,
  ``alternatives``, ``api_key``) → ``{"translatedText": ...}``, its access check first (with
  API keys on: an unknown key → 403 ``Invalid API key``; no key → 400 "Please contact the
  server operator to get an API key"), then 400 for a missing parameter, a text over the
  character limit, an unsupported language or format, a pair without a model; 429 ``Slowdown:``
  past the rate limit; 500 ``Cannot translate text:`` when the engine fails. Every error body is
  ``{"error": "..."}``.

Translations are deterministic so tests can check them: a small phrasebook, else the text
prefixed with the target (``[nl] ...``). Everything the server received is in ``requests``.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from litestar import Litestar, Request, Response, get, post

HOST = "127.0.0.1"

#: Models of a stock server with the argospm index (no Pashto, Somali, Tigrinya or Kurdish).
INSTALLED = {
    "en": "English",
    "nl": "Dutch",
    "ar": "Arabic",
    "fa": "Persian",
    "fr": "French",
    "ru": "Russian",
    "tr": "Turkish",
    "uk": "Ukrainian",
}
PHRASEBOOK = {
    ("ar", "nl", "متى سأحصل على منزل؟"): "Wanneer krijg ik een huis?",
    ("nl", "ar", "We bellen u volgende week."): "سنتصل بك الأسبوع المقبل.",
}


@dataclass
class LibreTranslateState:
    installed: dict[str, str] = field(default_factory=lambda: dict(INSTALLED))
    api_keys: set[str] | None = None  # None: the server runs without --api-keys
    char_limit: int = -1
    requests_left: int | None = None  # None: no rate limit
    failing: bool = False  # the engine raises (500)
    latency: float = 0.0
    requests: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)


def _error(status: int, message: str) -> Response[dict[str, str]]:
    return Response({"error": message}, status_code=status)


def build_app(state: LibreTranslateState) -> Litestar:
    @get("/languages", sync_to_thread=False)
    def languages() -> list[dict[str, Any]]:
        state.requests.append(("GET", "/languages", {}))
        codes = sorted(state.installed)
        return [
            {"code": c, "name": state.installed[c], "targets": [t for t in codes if t != c]}
            for c in codes
        ]

    @post("/translate", status_code=200)
    async def translate(request: Request) -> Response[Any]:
        if request.headers.get("content-type", "").startswith("application/json"):
            values = await request.json()
            if not isinstance(values, dict):
                return _error(400, "Invalid JSON format")
        else:
            values = dict((await request.form()).items())
        state.requests.append(("POST", "/translate", dict(values)))
        if state.latency:
            await asyncio.sleep(state.latency)
        if state.api_keys is not None:  # access_check
            key = values.get("api_key")
            if key and key not in state.api_keys:
                return _error(403, "Invalid API key")
            if not key:
                return _error(400, "Please contact the server operator to get an API key")
        if state.requests_left is not None:
            if state.requests_left <= 0:
                return _error(429, "Slowdown: 1 per 1 minute")
            state.requests_left -= 1
        q, source, target = values.get("q"), values.get("source"), values.get("target")
        for name, value in (("q", q), ("source", source), ("target", target)):
            if not value:
                return _error(400, f"Invalid request: missing {name} parameter")
        if state.char_limit != -1 and len(q) > state.char_limit:
            return _error(
                400,
                f"Invalid request: request ({len(q)}) exceeds text limit ({state.char_limit})",
            )
        source, target = source.lower(), target.lower()
        for code in (source, target):
            if code not in state.installed:
                return _error(400, f"{code} is not supported")
        text_format = values.get("format") or "text"
        if text_format not in ("text", "html"):
            return _error(400, f"{text_format} format is not supported")
        if source == target:
            name = state.installed[target]
            return _error(
                400,
                f"{name} ({target}) is not available as a target language from "
                f"{state.installed[source]} ({source})",
            )
        if state.failing:
            return _error(500, "Cannot translate text: CUDA out of memory")
        translated = PHRASEBOOK.get((source, target, q), f"[{target}] {q}")
        return Response({"translatedText": translated}, status_code=200)

    return Litestar(route_handlers=[languages, translate], openapi_config=None)


class LibreTranslateServer:
    """The test server in a thread of its own (its own event loop), on a free loopback port."""

    def __init__(self) -> None:
        self.state = LibreTranslateState()
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind((HOST, 0))
        self.url = f"http://{HOST}:{self._socket.getsockname()[1]}"
        config = uvicorn.Config(
            build_app(self.state), log_level="warning", lifespan="off", access_log=False
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()
        for _ in range(500):
            if self._server.started:
                return
            threading.Event().wait(0.01)
        raise RuntimeError("the test LibreTranslate server did not start")

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()

    def reset(self) -> LibreTranslateState:
        fresh = LibreTranslateState()
        for name in fresh.__dataclass_fields__:
            setattr(self.state, name, getattr(fresh, name))
        return self.state


@contextlib.contextmanager
def running() -> Iterator[LibreTranslateServer]:
    server = LibreTranslateServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def closed_port_url() -> str:
    """An address on loopback where nothing listens (connection refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port = sock.getsockname()[1]
    return f"http://{HOST}:{port}"
