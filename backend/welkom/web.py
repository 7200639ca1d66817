"""Serves the built PWA (``pwa/dist``) at ``/`` with a strict Content-Security-Policy.

The API keeps its own headers (``default-src 'none'``); the PWA's pages get a policy that allows
only same-origin scripts, styles, fonts, images, manifest, worker and API calls. Hashed assets are
cached for a year; ``index.html``, ``sw.js`` and the manifest are revalidated on every load so a new
deploy reaches the service worker's update flow.
"""

from __future__ import annotations

from pathlib import Path

from litestar import Response, Router
from litestar.static_files import create_static_files_router

from welkom.auth.guards import public
from welkom.core.settings import Settings

CHECKOUT_DIST = Path(__file__).resolve().parents[2] / "pwa" / "dist"

PWA_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"
    ),
    "Permissions-Policy": "camera=(self), geolocation=(), microphone=(), interest-cohort=()",
    "Cross-Origin-Resource-Policy": "same-origin",
}
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def pwa_directory(settings: Settings) -> Path | None:
    """The built PWA to serve, or None when there is none (the API runs without it)."""
    directory = settings.pwa_dir or CHECKOUT_DIST
    return directory if (directory / "index.html").is_file() else None


def _with_headers(cache_control: str):
    def after_request(response: Response) -> Response:
        response.headers.update(PWA_SECURITY_HEADERS)
        response.headers["Cache-Control"] = cache_control
        return response

    return after_request


def pwa_router(directory: Path) -> Router:
    """`/assets/*` immutable, everything else (index.html, sw.js, manifest, icons) revalidated."""
    assets = create_static_files_router(
        path="/assets",
        directories=[directory / "assets"],
        name="pwa-assets",
        guards=[public],
        after_request=_with_headers(IMMUTABLE),
        include_in_schema=False,
    )
    shell = create_static_files_router(
        path="/",
        directories=[directory],
        html_mode=True,
        name="pwa",
        guards=[public],
        after_request=_with_headers(REVALIDATE),
        include_in_schema=False,
    )
    return Router(path="/", route_handlers=[assets, shell], include_in_schema=False)
