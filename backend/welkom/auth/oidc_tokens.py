# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""OpenID Connect: what comes from the provider and how it is checked.

The ID token's signature is checked against the provider's JWKS (from its discovery document,
both cached per process in :class:`OidcClients`; an unknown ``kid`` refetches the keys once, for
key rotation), and its ``iss``, ``aud``, ``azp``, ``exp``, ``iat`` and ``nonce`` are checked
(joserfc). API access tokens (RFC 9068) are checked the same way against ``api_audience``. Roles
come from a configurable claim; roles the provider may not grant, or that the product does not
know, give nothing. Also the problems a sign-in answers with when the provider is unreachable or
a check fails.
"""

from __future__ import annotations

import asyncio
import base64
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

import httpx2
import structlog
from authlib.integrations.httpx_client import AsyncOAuth2Client
from joserfc import jwt
from joserfc.errors import (
    BadSignatureError,
    ExpiredTokenError,
    InvalidClaimError,
    JoseError,
    MissingClaimError,
)
from joserfc.jwk import KeySet

from welkom.core.guards import CONTENT_SOURCE_LANGUAGE
from welkom.core.i18n import LANGUAGES, N_
from welkom.core.identity import ROLES
from welkom.core.problems import Problem
from welkom.core.settings import OidcProvider, Settings

log = structlog.get_logger("welkom.auth.oidc")
ID_TOKEN_ALGORITHMS = ("RS256", "PS256", "ES256", "EdDSA")
CLOCK_SKEW_SECONDS = 60
_JWKS_REFRESH_MIN_SECONDS = 60


class IdTokenRejected(Exception):
    """The ID token failed verification; ``reason`` says which check (for logs and tests)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def provider_unavailable(provider: OidcProvider, exc: Exception) -> Problem:
    log.error("oidc_provider_unavailable", provider=provider.key, error_type=type(exc).__name__)
    return Problem(
        503,
        "login-unavailable",
        N_("Sign-in unavailable"),
        N_("Signing in is not possible right now. Please try again later."),
    )


def login_failed(reason: str) -> Problem:
    log.warning("oidc_login_refused", reason=reason)
    return Problem(
        401,
        "login-failed",
        N_("Sign-in failed"),
        N_("Signing in did not work. Please start again."),
    )


def verify_id_token(
    id_token: str,
    keys: KeySet,
    *,
    issuer: str,
    client_id: str,
    nonce: str,
    now: int | None = None,
) -> dict[str, Any]:
    """The verified claims of ``id_token``, or :class:`IdTokenRejected`."""
    try:
        token = jwt.decode(id_token, keys, algorithms=list(ID_TOKEN_ALGORITHMS))
    except BadSignatureError as exc:
        raise IdTokenRejected("signature") from exc
    except (ValueError, JoseError) as exc:
        raise IdTokenRejected("malformed") from exc
    claims = token.claims
    registry = jwt.JWTClaimsRegistry(
        now=now,
        leeway=CLOCK_SKEW_SECONDS,
        iss={"essential": True, "value": issuer},
        sub={"essential": True},
        aud={"essential": True, "value": client_id},
        exp={"essential": True},
        iat={"essential": True},
    )
    try:
        registry.validate(claims)
    except ExpiredTokenError as exc:
        raise IdTokenRejected("expired") from exc
    except (InvalidClaimError, MissingClaimError) as exc:
        claim = getattr(exc, "claim", "")
        raise IdTokenRejected({"iss": "issuer", "aud": "audience"}.get(claim, "claims")) from exc
    except JoseError as exc:
        raise IdTokenRejected("claims") from exc
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != client_id:
        raise IdTokenRejected("audience")
    if "azp" in claims and claims["azp"] != client_id:
        raise IdTokenRejected("audience")
    if not isinstance(claims.get("nonce"), str) or not secrets.compare_digest(
        claims["nonce"].encode(), nonce.encode()
    ):
        raise IdTokenRejected("nonce")
    return claims


def verify_access_token(
    token: str, keys: KeySet, *, issuer: str, audience: str, now: int | None = None
) -> dict[str, Any]:
    """The verified claims of a JWT access token (RFC 9068) for Welkom's API."""
    try:
        decoded = jwt.decode(token, keys, algorithms=list(ID_TOKEN_ALGORITHMS))
    except BadSignatureError as exc:
        raise IdTokenRejected("signature") from exc
    except (ValueError, JoseError) as exc:
        raise IdTokenRejected("malformed") from exc
    if str(decoded.header.get("typ", "")).lower() not in ("at+jwt", "application/at+jwt", "jwt"):
        raise IdTokenRejected("type")
    registry = jwt.JWTClaimsRegistry(
        now=now,
        leeway=CLOCK_SKEW_SECONDS,
        iss={"essential": True, "value": issuer},
        sub={"essential": True},
        aud={"essential": True, "value": audience},
        exp={"essential": True},
    )
    try:
        registry.validate(decoded.claims)
    except ExpiredTokenError as exc:
        raise IdTokenRejected("expired") from exc
    except (InvalidClaimError, MissingClaimError) as exc:
        claim = getattr(exc, "claim", "")
        raise IdTokenRejected({"iss": "issuer", "aud": "audience"}.get(claim, "claims")) from exc
    except JoseError as exc:
        raise IdTokenRejected("claims") from exc
    return decoded.claims


def unverified_issuer(token: str) -> str | None:
    """The ``iss`` a JWT claims (to pick the provider whose keys then verify it)."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return None
    issuer = claims.get("iss") if isinstance(claims, dict) else None
    return issuer if isinstance(issuer, str) else None


def _claim_words(claims: dict[str, Any], path: str) -> list[str]:
    """A claim's values: a list, or a space-separated string; dots in ``path`` walk into objects."""
    value: Any = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, str):
        value = value.split()
    return [str(item) for item in value] if isinstance(value, list) else []


def claim_roles(provider: OidcProvider, claims: dict[str, Any]) -> set[str]:
    """Product roles from the configured claim: mapped, limited to what the provider may grant.

    With a review languages claim configured, a reviewer needs at least one language in it:
    a reviewer with none would otherwise be limited to nothing, which the accounts table
    cannot tell from "not limited".
    """
    mapped = {
        provider.role_map.get(role, role) for role in _claim_words(claims, provider.roles_claim)
    }
    roles = mapped & set(provider.allowed_roles) & ROLES
    if provider.review_languages_claim and not claim_review_languages(provider, claims):
        roles.discard("reviewer")
    return roles


def claim_review_languages(provider: OidcProvider, claims: dict[str, Any]) -> list[str] | None:
    """The languages a reviewer reviews, from the configured claim (Welkom's codes only, Dutch,
    the source, left out); None when the provider has no such claim configured."""
    if provider.review_languages_claim is None:
        return None
    words = set(_claim_words(claims, provider.review_languages_claim))
    return sorted(words & (set(LANGUAGES) - {CONTENT_SOURCE_LANGUAGE}))


@dataclass
class _Cached:
    metadata: dict[str, Any]
    fetched_at: float
    keys: KeySet | None = None
    keys_fetched_at: float = 0.0


@dataclass
class OidcClients:
    """Discovery documents and keys per provider, cached for the process (app.state.oidc)."""

    settings: Settings
    _cache: dict[str, _Cached] = field(default_factory=dict)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def _http(self) -> httpx2.AsyncClient:
        return httpx2.AsyncClient(timeout=self.settings.oidc.http_timeout_seconds)

    async def metadata(self, provider: OidcProvider) -> dict[str, Any]:
        cached = self._cache.get(provider.key)
        ttl = self.settings.oidc.metadata_cache_seconds
        if cached and time.monotonic() - cached.fetched_at < ttl:
            return cached.metadata
        async with self._lock:
            cached = self._cache.get(provider.key)  # fetched while we waited?
            if cached and time.monotonic() - cached.fetched_at < ttl:
                return cached.metadata
            url = provider.issuer.rstrip("/") + "/.well-known/openid-configuration"
            async with self._http() as http:
                response = await http.get(url)
                response.raise_for_status()
                metadata: dict[str, Any] = response.json()
            if metadata.get("issuer") != provider.issuer:
                raise RuntimeError(f"provider {provider.key}: discovery issuer does not match")
            self._cache[provider.key] = _Cached(metadata, time.monotonic())
            return metadata

    async def keys(self, provider: OidcProvider, *, refresh: bool = False) -> KeySet:
        """The provider's signing keys; ``refresh`` refetches them (at most once a minute)."""
        metadata = await self.metadata(provider)
        cached = self._cache[provider.key]
        age = time.monotonic() - cached.keys_fetched_at
        if cached.keys is not None:
            if refresh and age < _JWKS_REFRESH_MIN_SECONDS:
                return cached.keys
            if not refresh and age < self.settings.oidc.metadata_cache_seconds:
                return cached.keys
        async with self._http() as http:
            response = await http.get(metadata["jwks_uri"])
            response.raise_for_status()
            cached.keys = KeySet.import_key_set(response.json())
            cached.keys_fetched_at = time.monotonic()
        return cached.keys

    def client(self, provider: OidcProvider, **kwargs: Any) -> AsyncOAuth2Client:
        return AsyncOAuth2Client(
            client_id=provider.client_id,
            client_secret=provider.client_secret,
            scope=" ".join(provider.scopes),
            redirect_uri=redirect_uri(self.settings, provider),
            code_challenge_method="S256",
            timeout=self.settings.oidc.http_timeout_seconds,
            **kwargs,
        )

    async def verify(self, provider: OidcProvider, id_token: str, nonce: str) -> dict[str, Any]:
        keys = await self.keys(provider)

        def verified(key_set: KeySet) -> dict[str, Any]:
            return verify_id_token(
                id_token, key_set, issuer=provider.issuer, client_id=provider.client_id, nonce=nonce
            )

        try:
            return verified(keys)
        except IdTokenRejected as exc:
            if exc.reason not in ("signature", "malformed"):
                raise
            # Perhaps the provider rotated its keys: fetch them again (rate-limited), retry once.
            fresh = await self.keys(provider, refresh=True)
            if fresh is keys:
                raise
            return verified(fresh)

    async def verify_api_token(self, token: str) -> tuple[OidcProvider, dict[str, Any]] | None:
        """The provider and claims of a valid API access token from a configured issuer.

        None for anything else, including when the provider's keys cannot be fetched.
        """
        issuer = unverified_issuer(token)
        for provider in self.settings.oidc.providers:
            if provider.api_audience is None or provider.issuer != issuer:
                continue
            audience = provider.api_audience
            try:
                keys = await self.keys(provider)
                try:
                    return provider, verify_access_token(
                        token, keys, issuer=provider.issuer, audience=audience
                    )
                except IdTokenRejected as exc:
                    fresh = await self.keys(provider, refresh=True)  # rotated keys?
                    if exc.reason not in ("signature", "malformed") or fresh is keys:
                        raise
                    return provider, verify_access_token(
                        token, fresh, issuer=provider.issuer, audience=audience
                    )
            except IdTokenRejected as exc:
                log.warning("api_token_refused", provider=provider.key, reason=exc.reason)
            except (httpx2.HTTPError, ValueError, RuntimeError) as exc:
                log.error("oidc_keys_unavailable", provider=provider.key, error=type(exc).__name__)
        return None


def redirect_uri(settings: Settings, provider: OidcProvider) -> str:
    return f"{settings.public_base_url.rstrip('/')}/api/v1/auth/oidc/{provider.key}/callback"
