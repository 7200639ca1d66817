# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The cookies a login sets and a logout clears (HTTP only; the rules are in service.py)."""

from __future__ import annotations

from litestar.datastructures import Cookie

from welkom.auth import service
from welkom.auth.devices import DEVICE_COOKIE
from welkom.auth.guards import CSRF_COOKIE
from welkom.auth.oidc_login import BROWSER_COOKIE
from welkom.core.settings import Settings


def _cookie(
    settings: Settings,
    key: str,
    value: str,
    max_age: int,
    *,
    httponly: bool = True,
    path: str = "/",
) -> Cookie:
    return Cookie(
        key=key,
        value=value,
        max_age=max_age,
        path=path,
        secure=settings.session.cookie_secure,
        httponly=httponly,
        samesite="lax",
    )


def session_cookies(settings: Settings, token: str) -> list[Cookie]:
    """``Secure; HttpOnly; SameSite=Lax`` session cookie plus the readable CSRF cookie."""
    max_age = settings.session.absolute_timeout_seconds
    return [
        _cookie(settings, settings.session.cookie_name, token, max_age),
        _cookie(
            settings, CSRF_COOKIE, service.csrf_token(settings, token), max_age, httponly=False
        ),
    ]


def cleared_session_cookies(settings: Settings) -> list[Cookie]:
    return [
        _cookie(settings, settings.session.cookie_name, "", 0),
        _cookie(settings, CSRF_COOKIE, "", 0, httponly=False),
    ]


def device_cookie(settings: Settings, token: str) -> Cookie:
    return _cookie(
        settings,
        DEVICE_COOKIE,
        token,
        settings.device.credential_days * 86400,
        path="/api/v1/auth/",
    )


def cleared_device_cookie(settings: Settings) -> Cookie:
    return _cookie(settings, DEVICE_COOKIE, "", 0, path="/api/v1/auth/")


def oidc_browser_cookie(settings: Settings, token: str, provider_key: str) -> Cookie:
    return _cookie(
        settings,
        BROWSER_COOKIE,
        token,
        settings.oidc.login_timeout_seconds,
        path=f"/api/v1/auth/oidc/{provider_key}/",
    )


def cleared_oidc_browser_cookie(settings: Settings, provider_key: str) -> Cookie:
    return _cookie(settings, BROWSER_COOKIE, "", 0, path=f"/api/v1/auth/oidc/{provider_key}/")
