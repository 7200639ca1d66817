# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""OpenID Connect relying party (Authlib's httpx client, ID tokens verified with joserfc).

Authorization code flow with PKCE (S256), ``state`` (single use, bound to the browser by a
cookie) and ``nonce``. The ID token's signature is checked against the provider's JWKS (from
its discovery document, both cached; an unknown ``kid`` refetches the keys once, for key
rotation), and its ``iss``, ``aud``, ``azp``, ``exp``, ``iat`` and ``nonce`` are checked.
Roles come from a configurable claim; roles the provider may not grant, or that the product
does not know, give nothing.
"""

from __future__ import annotations

import asyncio
import base64
import json
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

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
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.auth.models import Account, AccountIdentity, OidcLogin
from welkom.auth.service import hash_token
from welkom.core.i18n import N_
from welkom.core.identity import ROLES, Principal
from welkom.core.models import utcnow
from welkom.core.problems import Problem
from welkom.core.settings import OidcProvider, Settings
from welkom.municipalities import service as municipalities

log = structlog.get_logger("welkom.auth.oidc")
ID_TOKEN_ALGORITHMS = ("RS256", "PS256", "ES256", "EdDSA")
BROWSER_COOKIE = "welkom_oidc"
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


def claim_roles(provider: OidcProvider, claims: dict[str, Any]) -> set[str]:
    """Product roles from the configured claim: mapped, limited to what the provider may grant."""
    value: Any = claims
    for part in provider.roles_claim.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, str):
        value = value.split()
    if not isinstance(value, list):
        return set()
    mapped = {provider.role_map.get(str(role), str(role)) for role in value}
    return mapped & set(provider.allowed_roles) & ROLES


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
        return httpx2.AsyncClient(timeout=self.settings.oidc_http_timeout_seconds)

    async def metadata(self, provider: OidcProvider) -> dict[str, Any]:
        cached = self._cache.get(provider.key)
        ttl = self.settings.oidc_metadata_cache_seconds
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
                metadata = response.json()
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
            if not refresh and age < self.settings.oidc_metadata_cache_seconds:
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
            timeout=self.settings.oidc_http_timeout_seconds,
            **kwargs,
        )

    async def verify(self, provider: OidcProvider, id_token: str, nonce: str) -> dict[str, Any]:
        keys = await self.keys(provider)
        verify = {"issuer": provider.issuer, "client_id": provider.client_id, "nonce": nonce}
        try:
            return verify_id_token(id_token, keys, **verify)
        except IdTokenRejected as exc:
            if exc.reason not in ("signature", "malformed"):
                raise
            # Perhaps the provider rotated its keys: fetch them again (rate-limited), retry once.
            fresh = await self.keys(provider, refresh=True)
            if fresh is keys:
                raise
            return verify_id_token(id_token, fresh, **verify)

    async def verify_api_token(self, token: str) -> tuple[OidcProvider, dict[str, Any]] | None:
        """The provider and claims of a valid API access token from a configured issuer.

        None for anything else, including when the provider's keys cannot be fetched.
        """
        issuer = unverified_issuer(token)
        for provider in self.settings.oidc_providers:
            if provider.api_audience is None or provider.issuer != issuer:
                continue
            check = {"issuer": provider.issuer, "audience": provider.api_audience}
            try:
                keys = await self.keys(provider)
                try:
                    return provider, verify_access_token(token, keys, **check)
                except IdTokenRejected as exc:
                    fresh = await self.keys(provider, refresh=True)  # rotated keys?
                    if exc.reason not in ("signature", "malformed") or fresh is keys:
                        raise
                    return provider, verify_access_token(token, fresh, **check)
            except IdTokenRejected as exc:
                log.warning("api_token_refused", provider=provider.key, reason=exc.reason)
            except (httpx2.HTTPError, ValueError, RuntimeError) as exc:
                log.error("oidc_keys_unavailable", provider=provider.key, error=type(exc).__name__)
        return None


def redirect_uri(settings: Settings, provider: OidcProvider) -> str:
    return f"{settings.public_base_url.rstrip('/')}/api/v1/auth/oidc/{provider.key}/callback"


def safe_return_to(value: str | None) -> str:
    """Only same-site relative paths (no open redirect)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return "/"
    return value[:500]


@dataclass(frozen=True)
class LoginStart:
    authorization_url: str
    browser_token: str


async def start_login(
    db: AsyncSession,
    clients: OidcClients,
    provider: OidcProvider,
    *,
    return_to: str | None,
    login_hint: str | None = None,
    link_account_id: uuid.UUID | None = None,
) -> LoginStart:
    settings = clients.settings
    try:
        metadata = await clients.metadata(provider)
    except (httpx2.HTTPError, ValueError, RuntimeError) as exc:
        raise provider_unavailable(provider, exc) from None
    state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    verifier, browser = secrets.token_urlsafe(48), secrets.token_urlsafe(32)
    now = utcnow()
    await db.execute(delete(OidcLogin).where(OidcLogin.expires_at < now))  # abandoned logins
    db.add(
        OidcLogin(
            provider=provider.key,
            state_hash=hash_token(settings, state, "oidc-state"),
            browser_hash=hash_token(settings, browser, "oidc-browser"),
            nonce=nonce,
            code_verifier=verifier,
            return_to=safe_return_to(return_to),
            link_account_id=link_account_id,
            created_at=now,
            expires_at=now + timedelta(seconds=settings.oidc_login_timeout_seconds),
        )
    )
    await db.commit()
    extra = {"login_hint": login_hint} if login_hint else {}
    async with clients.client(provider) as oauth:
        url, _ = oauth.create_authorization_url(
            metadata["authorization_endpoint"],
            state=state,
            nonce=nonce,
            code_verifier=verifier,
            **extra,
        )
    return LoginStart(authorization_url=url, browser_token=browser)


@dataclass(frozen=True)
class LoginResult:
    account: Account
    return_to: str


async def finish_login(
    db: AsyncSession,
    clients: OidcClients,
    provider: OidcProvider,
    *,
    state: str | None,
    code: str | None,
    error: str | None,
    iss: str | None,
    browser_token: str | None,
) -> LoginResult:
    """Complete the callback: check state and browser, redeem the code, verify, provision."""
    settings = clients.settings
    if not state:
        raise login_failed("missing_state")
    pending = (
        await db.execute(
            select(OidcLogin).where(
                OidcLogin.state_hash == hash_token(settings, state, "oidc-state")
            )
        )
    ).scalar_one_or_none()
    if pending is None or pending.provider != provider.key:
        raise login_failed("unknown_state")
    used = await db.execute(
        update(OidcLogin)
        .where(OidcLogin.id == pending.id, OidcLogin.used_at.is_(None))
        .values(used_at=utcnow())
    )
    await db.commit()
    if used.rowcount != 1:  # type: ignore[attr-defined]
        raise login_failed("state_reused")
    if utcnow() >= pending.expires_at:
        raise login_failed("state_expired")
    if not browser_token or not secrets.compare_digest(
        hash_token(settings, browser_token, "oidc-browser"), pending.browser_hash
    ):
        raise login_failed("other_browser")
    if error:
        raise login_failed("provider_error")
    if iss is not None and iss != provider.issuer:
        raise login_failed("issuer_mixup")
    if not code:
        raise login_failed("missing_code")
    try:
        metadata = await clients.metadata(provider)
    except (httpx2.HTTPError, ValueError, RuntimeError) as exc:
        raise provider_unavailable(provider, exc) from None
    async with clients.client(provider) as oauth:
        try:
            token = await oauth.fetch_token(
                metadata["token_endpoint"], code=code, code_verifier=pending.code_verifier
            )
        except Exception as exc:  # the provider refused the code (OAuthError) or is down
            log.warning("oidc_token_exchange_failed", error_type=type(exc).__name__)
            raise login_failed("token_exchange") from None
    id_token = token.get("id_token")
    if not isinstance(id_token, str):
        raise login_failed("no_id_token")
    try:
        claims = await clients.verify(provider, id_token, pending.nonce)
    except IdTokenRejected as exc:
        raise login_failed(f"id_token_{exc.reason}") from None
    except (httpx2.HTTPError, ValueError, RuntimeError) as exc:
        raise provider_unavailable(provider, exc) from None
    account = await provision(db, provider, claims, link_account_id=pending.link_account_id)
    return LoginResult(account=account, return_to=pending.return_to)


def _no_role() -> Problem:
    return Problem(
        403,
        "no-role",
        N_("No access"),
        N_("Your account has no role in Welkom. Ask your administrator for access."),
    )


async def provision(
    db: AsyncSession,
    provider: OidcProvider,
    claims: dict[str, Any],
    *,
    link_account_id: uuid.UUID | None = None,
) -> Account:
    """The account for a verified identity: linked, found, or (if allowed) created.

    Roles of staff and volunteer accounts follow the IdP at every login. The BSN claim of a
    DigiD broker is never stored here (DESIGN.md: only with a recorded legal basis).
    """
    municipality = await municipalities.by_code(db, provider.municipality_code)
    if municipality is None:
        raise RuntimeError(f"provider {provider.key}: unknown municipality code")
    subject = str(claims["sub"])[:255]
    identity = (
        await db.execute(
            select(AccountIdentity).where(
                AccountIdentity.municipality_id == municipality.id,
                AccountIdentity.issuer == provider.issuer,
                AccountIdentity.subject == subject,
            )
        )
    ).scalar_one_or_none()
    now = utcnow()
    if link_account_id is not None:
        account = await db.get(Account, link_account_id)
        if account is None or account.municipality_id != municipality.id:
            raise login_failed("link_other_municipality")
        if not set(account.roles) & set(provider.allowed_roles):
            raise _no_role()
        if identity is not None and identity.account_id != account.id:
            raise Problem(
                409,
                "identity-linked-elsewhere",
                N_("Already in use"),
                N_("This login is already linked to another account."),
            )
        if identity is None:
            db.add(
                AccountIdentity(
                    municipality_id=municipality.id,
                    account_id=account.id,
                    provider=provider.key,
                    issuer=provider.issuer,
                    subject=subject,
                    last_login_at=now,
                )
            )
        await db.commit()
        return account
    roles = claim_roles(provider, claims)
    if identity is not None:
        account = await db.get(Account, identity.account_id)
        assert account is not None
        identity.last_login_at = now
        if not provider.link_only:
            if not roles:
                raise _no_role()
            account.roles = sorted(roles)
            account.display_name = _display_name(provider, claims, account.display_name)
        await db.commit()
        return account
    if provider.link_only:
        raise Problem(
            403,
            "not-linked",
            N_("Not linked yet"),
            N_(
                "First sign in with the activation code from your caseworker, then choose "
                "this way to sign in."
            ),
        )
    if not roles:
        raise _no_role()
    account = Account(
        municipality_id=municipality.id,
        roles=sorted(roles),
        display_name=_display_name(provider, claims, subject),
    )
    db.add(account)
    await db.flush()
    db.add(
        AccountIdentity(
            municipality_id=municipality.id,
            account_id=account.id,
            provider=provider.key,
            issuer=provider.issuer,
            subject=subject,
            last_login_at=now,
        )
    )
    await db.commit()
    return account


def _display_name(provider: OidcProvider, claims: dict[str, Any], fallback: str) -> str:
    value = claims.get(provider.display_name_claim)
    return value.strip()[:200] if isinstance(value, str) and value.strip() else fallback[:200]


async def resolve_api_token(db: AsyncSession, clients: OidcClients, token: str) -> Principal | None:
    """The principal for a JWT access token from a staff IdP (a programmatic API client).

    Valid only for providers with ``api_audience``; roles come from the token (unknown roles
    give nothing; no role, no access). The account is created on first sight and follows the
    token's roles. No session exists: such a principal cannot log out, the token just expires.
    """
    verified = await clients.verify_api_token(token)
    if verified is None:
        return None
    provider, claims = verified
    roles = sorted(claim_roles(provider, claims) - {"resident"})
    if not roles:
        return None
    municipality = await municipalities.by_code(db, provider.municipality_code)
    if municipality is None:
        return None
    subject = str(claims["sub"])[:255]
    identity = (
        await db.execute(
            select(AccountIdentity).where(
                AccountIdentity.municipality_id == municipality.id,
                AccountIdentity.issuer == provider.issuer,
                AccountIdentity.subject == subject,
            )
        )
    ).scalar_one_or_none()
    name = _display_name(provider, claims, str(claims.get("client_id") or subject))
    if identity is None:
        account = Account(municipality_id=municipality.id, roles=roles, display_name=name)
        db.add(account)
        await db.flush()
        db.add(
            AccountIdentity(
                municipality_id=municipality.id,
                account_id=account.id,
                provider=provider.key,
                issuer=provider.issuer,
                subject=subject,
                last_login_at=utcnow(),
            )
        )
        await db.commit()
    else:
        account = await db.get(Account, identity.account_id)
        assert account is not None
        if account.roles != roles or account.display_name != name:
            account.roles, account.display_name = roles, name
            await db.commit()
    token_id = str(claims.get("jti") or hash_token(clients.settings, token, "api-token"))
    return Principal(
        account_id=account.id,
        municipality_id=municipality.id,
        roles=frozenset(roles),
        session_id=uuid.uuid5(uuid.NAMESPACE_URL, f"{provider.issuer}#{token_id}"),
        display_name=account.display_name,
        municipality_default_language=municipality.default_language,
    )
