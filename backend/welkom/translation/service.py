# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Which machine-translation server a municipality uses, and the translator made from it.

A municipality without a server has no translation aids at all: :func:`translator_for` answers
None and the routes answer ``translation-not-configured``; nothing is ever translated by anyone
else. The server's URL is in ``municipality.translation_settings`` (set by records management
or a functional administrator through the admin API); its API key, if the server wants one, is
in the environment (``WELKOM_TRANSLATION_API_KEYS``), like every other secret.
"""

from __future__ import annotations

from typing import Any

import httpx
import structlog

from welkom.core.i18n import N_
from welkom.core.problems import FieldError, Problem
from welkom.core.settings import Settings
from welkom.municipalities.models import Municipality
from welkom.translation.libretranslate import ENGINE as LIBRETRANSLATE
from welkom.translation.libretranslate import LibreTranslate
from welkom.translation.ports import (
    LanguageNotAvailable,
    TextRefused,
    TranslationError,
    Translator,
    TranslatorUnavailable,
)

log = structlog.get_logger("welkom.translation")

ENGINES = (LIBRETRANSLATE,)


def server_of(municipality: Municipality) -> dict[str, Any] | None:
    """The municipality's server settings (``engine``, ``url``), or None: no translation aids."""
    values = municipality.translation_settings or {}
    return values if values.get("url") else None


#: The adapters made, by server, API key and timeout: reused from request to request so each
#: keeps its server's language list (a handful, one per server; the oldest goes past the bound).
_adapters: dict[tuple[str, str | None, float], LibreTranslate] = {}
_MAX_ADAPTERS = 64


def translator_for(
    municipality: Municipality,
    settings: Settings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Translator | None:
    server = server_of(municipality)
    if server is None:
        return None
    api_key = settings.translation.api_keys.get(municipality.code)
    timeout = settings.translation.timeout_seconds
    if transport is not None:
        return LibreTranslate(server["url"], api_key=api_key, timeout=timeout, transport=transport)
    key = (server["url"], api_key.get_secret_value() if api_key else None, timeout)
    adapter = _adapters.get(key)
    if adapter is None:
        if len(_adapters) >= _MAX_ADAPTERS:
            del _adapters[next(iter(_adapters))]
        adapter = _adapters[key] = LibreTranslate(server["url"], api_key=api_key, timeout=timeout)
    return adapter


def url_problems(url: str) -> list[FieldError]:
    """Why ``url`` cannot be a translation server's address (none: it can)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        return [FieldError("url", N_("Give the server's address, starting with https://."))]
    if parsed.scheme not in ("http", "https") or not parsed.host:
        return [FieldError("url", N_("Give the server's address, starting with https://."))]
    if parsed.userinfo or parsed.query or parsed.fragment:
        return [
            FieldError(
                "url",
                N_(
                    "Give the address without a user name, password, query or fragment; an API "
                    "key goes in the environment."
                ),
            )
        ]
    return []


def configure(municipality: Municipality, *, url: str | None, engine: str) -> None:
    """Point the municipality at its server (``url`` None: switch the aids off). Caller
    commits; validate ``url`` with :func:`url_problems` first."""
    municipality.translation_settings = {"engine": engine, "url": url.rstrip("/")} if url else {}


def not_configured() -> Problem:
    return Problem(
        404,
        "translation-not-configured",
        N_("No machine translation"),
        N_(
            "Your municipality has not set up a machine-translation server, so there are no "
            "translation aids."
        ),
    )


def problem_of(error: TranslationError) -> Problem:
    """The caller's problem for a failed translation; nothing was changed."""
    if isinstance(error, LanguageNotAvailable):
        return Problem(
            422,
            "translation-language-not-available",
            N_("No machine translation for this language"),
            N_(
                "Your municipality's translation server cannot translate from {source} into "
                "{target}. Nothing was changed."
            ),
            params={"source": error.source, "target": error.target},
        )
    if isinstance(error, TextRefused):
        return Problem(
            422,
            "translation-refused",
            N_("Text not translated"),
            N_(
                "The translation server did not accept this text (it may be too long). Nothing "
                "was changed."
            ),
        )
    retry_after = error.retry_after if isinstance(error, TranslatorUnavailable) else None
    log.warning("translation unavailable", reason=str(error))
    return Problem(
        503,
        "translation-unavailable",
        N_("Machine translation unavailable"),
        N_(
            "The translation server cannot be reached or is busy. Try again later; nothing was "
            "changed."
        ),
        headers={"Retry-After": str(retry_after or 30)},
    )
