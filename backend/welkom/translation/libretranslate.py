# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The ``Translator`` adapter for a self-hosted LibreTranslate server (Argos Translate models).

Speaks the API as LibreTranslate's own source defines it (``libretranslate/app.py``):

* ``GET /languages`` → ``[{"code", "name", "targets": [...]}]``: the installed languages and
  every language each one reaches (pivoting through English included);
* ``POST /translate`` with a JSON body ``{"q", "source", "target", "format": "text"}`` and
  ``api_key`` when the server wants one → ``{"translatedText": "..."}``;
* errors as ``{"error": "..."}``: 400 (bad request, unsupported language, a missing API key,
  text over the server's limit), 403 (an unknown API key, or a banned client), 429 (rate limit)
  and 500 (the engine failed).

The client ignores proxy environment variables (``trust_env=False``) and follows no redirects:
the text goes to the configured server and nowhere else. Nothing of the text is ever logged.

Translating checks the pair against the server's language list, which an adapter keeps for
:data:`LANGUAGES_TTL_SECONDS` (its own clock) rather than asking ``/languages`` before every
text; the list is asked again once that time is up or when the server refuses a pair the list
offered. :meth:`LibreTranslate.languages` always asks the server (and keeps its answer).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import structlog
from pydantic import SecretStr

from welkom.translation.ports import (
    LanguageNotAvailable,
    LanguageSupport,
    TextRefused,
    Translation,
    TranslatorUnavailable,
)

log = structlog.get_logger("welkom.translation")

ENGINE = "libretranslate"

#: Welkom's language → the code LibreTranslate (Argos Translate) uses for it. Dari has no model
#: of its own: it is translated as Persian (``fa``), which Dari readers read. Kurmanji is ``ku``
#: (ISO 639-1 Kurdish, which machine-translation models use for Kurmanji); Sorani keeps ``ckb``.
#: Whether a pair is really there depends on the models the server has installed (``/languages``).
LANGUAGE_CODES: dict[str, str] = {
    "nl": "nl",
    "en": "en",
    "ar": "ar",
    "fa": "fa",
    "prs": "fa",
    "ps": "ps",
    "so": "so",
    "ti": "ti",
    "tr": "tr",
    "uk": "uk",
    "ru": "ru",
    "kmr": "ku",
    "ckb": "ckb",
    "fr": "fr",
}

#: How long an adapter trusts the server's language list when translating.
LANGUAGES_TTL_SECONDS = 300.0


def _welkom_codes(engine_code: str) -> list[str]:
    return [ours for ours, theirs in LANGUAGE_CODES.items() if theirs == engine_code.lower()]


class LibreTranslate:
    """One municipality's LibreTranslate server."""

    engine = ENGINE

    def __init__(
        self,
        url: str,
        *,
        api_key: SecretStr | None = None,
        timeout: float = 10.0,
        transport: httpx.AsyncBaseTransport | None = None,
        languages_ttl: float = LANGUAGES_TTL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = url.rstrip("/")
        self._api_key = api_key
        self._timeout = httpx.Timeout(timeout)
        self._transport = transport
        self._languages_ttl, self._clock = languages_ttl, clock
        #: The last language list (source → targets) and until when it is trusted.
        self._targets: tuple[dict[str, frozenset[str]], float] | None = None

    def __repr__(self) -> str:  # never show the key
        return f"LibreTranslate({self.url!r})"

    async def _request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        async with httpx.AsyncClient(
            timeout=self._timeout,
            transport=self._transport,
            trust_env=False,
            follow_redirects=False,
            # English error messages (LibreTranslate localizes them by Accept-Language).
            headers={"Accept": "application/json", "Accept-Language": "en"},
        ) as client:
            try:
                response = await client.request(method, f"{self.url}{path}", json=body)
            except httpx.TimeoutException as exc:
                raise TranslatorUnavailable(f"timeout on {method} {path}") from exc
            except httpx.TransportError as exc:
                raise TranslatorUnavailable(f"{type(exc).__name__} on {method} {path}") from exc
        if response.status_code == 200:
            try:
                return response.json()
            except ValueError as exc:
                raise TranslatorUnavailable(f"no JSON from {method} {path}") from exc
        error = _error_of(response)
        if response.status_code == 429:
            retry = response.headers.get("Retry-After", "")
            raise TranslatorUnavailable(
                f"rate limited on {method} {path}",
                retry_after=int(retry) if retry.isdigit() else None,
            )
        if response.status_code == 403:
            raise TranslatorUnavailable(f"refused on {method} {path} (API key unknown or banned)")
        if response.status_code == 400 and "api key" in error.lower():
            raise TranslatorUnavailable(f"refused on {method} {path} (the server wants an API key)")
        if response.status_code == 400 and (
            "is not supported" in error or "is not available as a target language" in error
        ):
            raise LanguageNotAvailable(body["source"], body["target"]) if body else TextRefused()
        if response.status_code == 400:
            raise TextRefused(f"refused on {method} {path}")
        raise TranslatorUnavailable(f"{response.status_code} on {method} {path}")

    async def languages(self) -> list[LanguageSupport]:
        answer = await self._request("GET", "/languages")
        if not isinstance(answer, list):
            raise TranslatorUnavailable("GET /languages: not a list")
        found: dict[str, set[str]] = {}
        for entry in answer:
            if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
                raise TranslatorUnavailable("GET /languages: an entry without a code")
            targets = entry.get("targets", [])
            if not isinstance(targets, list):
                raise TranslatorUnavailable("GET /languages: targets is not a list")
            reached = {ours for t in targets if isinstance(t, str) for ours in _welkom_codes(t)}
            for ours in _welkom_codes(entry["code"]):
                found.setdefault(ours, set()).update(reached - {ours})
        for ours, targets in found.items():  # fa and prs are one model: not a translation
            targets.difference_update(
                t for t in list(targets) if LANGUAGE_CODES[t] == LANGUAGE_CODES[ours]
            )
        offered = [
            LanguageSupport(code=code, targets=frozenset(found[code]))
            for code in LANGUAGE_CODES
            if code in found
        ]
        self._targets = (
            {s.code: s.targets for s in offered},
            self._clock() + self._languages_ttl,
        )
        return offered

    async def _known_targets(self) -> dict[str, frozenset[str]]:
        """Source → targets from the kept language list, asked again once it is too old."""
        kept = self._targets
        if kept is None or self._clock() >= kept[1]:
            return {s.code: s.targets for s in await self.languages()}
        return kept[0]

    async def translate(self, text: str, source: str, target: str) -> Translation:
        theirs_source, theirs_target = LANGUAGE_CODES.get(source), LANGUAGE_CODES.get(target)
        if theirs_source is None or theirs_target is None or theirs_source == theirs_target:
            raise LanguageNotAvailable(source, target)
        if target not in (await self._known_targets()).get(source, frozenset()):
            raise LanguageNotAvailable(source, target)
        body: dict[str, Any] = {
            "q": text,
            "source": theirs_source,
            "target": theirs_target,
            "format": "text",
        }
        if self._api_key is not None:
            body["api_key"] = self._api_key.get_secret_value()
        try:
            answer = await self._request("POST", "/translate", body)
        except LanguageNotAvailable:
            self._targets = None  # the list is out of date: ask again next time
            raise LanguageNotAvailable(source, target) from None
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if not isinstance(translated, str) or not translated.strip():
            raise TranslatorUnavailable("POST /translate: no translatedText")
        log.info("translated", engine=ENGINE, source=source, target=target, chars=len(text))
        return Translation(text=translated, source=source, target=target, engine=ENGINE)


def _error_of(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, str) else ""
