# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Serves the built PWA (``pwa/dist``) at ``/`` with a strict Content-Security-Policy.

The API keeps its own headers (``default-src 'none'``); the PWA's pages get a policy that allows
only same-origin scripts, styles, fonts, images, manifest, worker and API calls, plus the inline
boot script of ``index.html`` by its SHA-256 (never ``'unsafe-inline'``). Hashed assets are
cached for a year; ``index.html``, ``sw.js`` and the manifest are revalidated on every load so a new
deploy reaches the service worker's update flow.

The staff back office, built into ``pwa/dist/staff`` (its own entry and chunks), is served at
``/staff/`` by the same routes under the same policy; its hashed ``/staff/assets`` are immutable
too. The resident service worker passes ``/staff/`` through to the network (``pwa/src/sw.ts``).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from litestar import Response, Router
from litestar.static_files import create_static_files_router
from litestar.types import ControllerRouterHandler

from welkom.core.guards import public
from welkom.core.plugins import DomainPlugin
from welkom.core.settings import Settings

CHECKOUT_DIST = Path(__file__).resolve().parents[2] / "pwa" / "dist"

#: Inline scripts in index.html: ``<script>`` without attributes (the build's boot script).
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)

PWA_SECURITY_HEADERS = {
    "Permissions-Policy": "camera=(self), geolocation=(), microphone=(), interest-cohort=()",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def content_security_policy(index_html: str) -> str:
    """The PWA's policy: same origin only, and each inline script of ``index_html`` by its hash.

    A script that changed after the policy was made (a rebuild while serving) is refused by the
    browser; the boot script only starts downloads early, so the app still works.
    """
    hashes = "".join(
        f" 'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in _INLINE_SCRIPT.findall(index_html)
    )
    return (
        f"default-src 'none'; script-src 'self'{hashes}; style-src 'self'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; "
        "worker-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; "
        "object-src 'none'"
    )


IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def pwa_directory(settings: Settings) -> Path | None:
    """The built PWA to serve, or None when there is none (the API runs without it)."""
    directory = settings.pwa_dir or CHECKOUT_DIST
    return directory if (directory / "index.html").is_file() else None


def _with_headers(cache_control: str, csp: str) -> Callable[[Response[Any]], Response[Any]]:
    def after_request(response: Response[Any]) -> Response[Any]:
        response.headers.update(PWA_SECURITY_HEADERS)
        response.headers["Content-Security-Policy"] = csp
        response.headers["Cache-Control"] = cache_control
        return response

    return after_request


def pwa_router(directory: Path) -> Router:
    """`/assets/*` and `/staff/assets/*` immutable, everything else (index.html, sw.js, manifest,
    icons, the back office's ``staff/index.html``) revalidated."""
    csp = content_security_policy((directory / "index.html").read_text("utf-8"))
    assets = create_static_files_router(
        path="/assets",
        directories=[directory / "assets"],
        name="pwa-assets",
        guards=[public],
        after_request=_with_headers(IMMUTABLE, csp),
        include_in_schema=False,
    )
    handlers = [assets]
    staff = directory / "staff"
    if (staff / "index.html").is_file():
        # Routes of their own: a route under /staff would otherwise hide /staff/ from the shell's.
        handlers += [
            create_static_files_router(
                path="/staff/assets",
                directories=[staff / "assets"],
                name="staff-assets",
                guards=[public],
                after_request=_with_headers(IMMUTABLE, csp),
                include_in_schema=False,
            ),
            create_static_files_router(
                path="/staff",
                directories=[staff],
                html_mode=True,
                name="staff",
                guards=[public],
                after_request=_with_headers(REVALIDATE, csp),
                include_in_schema=False,
            ),
        ]
    shell = create_static_files_router(
        path="/",
        directories=[directory],
        html_mode=True,
        name="pwa",
        guards=[public],
        after_request=_with_headers(REVALIDATE, csp),
        include_in_schema=False,
    )
    return Router(path="/", route_handlers=[*handlers, shell], include_in_schema=False)


def _pwa_routes(settings: Settings) -> Sequence[ControllerRouterHandler]:
    directory = pwa_directory(settings)
    return (pwa_router(directory),) if directory is not None else ()


#: The resident app and the back office, where a built ``pwa/dist`` is found.
PLUGIN = DomainPlugin("web", configured_routes=_pwa_routes)
