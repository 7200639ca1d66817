# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""OpenID Connect: the browser's login flow (relying party, Authlib's httpx client).

Authorization code flow with PKCE (S256), ``state`` (single use, bound to the browser by a
cookie) and ``nonce``; the callback redeems the code, verifies the ID token
(:mod:`welkom.auth.oidc_tokens`) and provisions the account (:mod:`welkom.auth.oidc_accounts`).
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import httpx2
import structlog
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.auth.models import Account, OidcLogin
from welkom.auth.oidc_accounts import provision
from welkom.auth.oidc_tokens import IdTokenRejected, OidcClients, login_failed, provider_unavailable
from welkom.auth.service import hash_token
from welkom.core.database import rows_changed
from welkom.core.models import utcnow
from welkom.core.problems import Problem
from welkom.core.settings import OidcProvider
from welkom.core.unit_of_work import checkpoint

log = structlog.get_logger("welkom.auth.oidc")

BROWSER_COOKIE = "welkom_oidc"


def safe_return_to(value: str | None) -> str:
    """Only same-site relative paths (no open redirect)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return "/"
    return value[:500]


class SignInFailed(Exception):
    """A sign-in this browser started ended without a session.

    ``code`` says why in one word the back office shows (``signin_error=<code>``): ``refused``
    (the provider answered with an error: the person cancelled, refused consent or could not
    sign in there), ``expired`` (the sign-in took too long or its answer was used already),
    ``other_browser``, ``no_access`` (no role in Welkom), ``unavailable`` (the provider cannot be
    reached) or ``failed`` (anything else). ``return_to`` is where the sign-in started, when the
    state named a sign-in; ``problem`` is the answer for a client that is not sent back (a refusal
    always goes back where it started).
    """

    def __init__(self, code: str, return_to: str | None, problem: Problem) -> None:
        super().__init__(f"sign-in failed: {code}")
        self.code, self.return_to, self.problem = code, return_to, problem


#: What a problem raised while finishing a sign-in is called in ``signin_error``.
_FAILURE_CODES = {"login-unavailable": "unavailable", "no-role": "no_access"}


def refused_return_to(return_to: str, code: str = "refused") -> str:
    """``return_to`` with ``signin_error=<code>`` added to its query (before any fragment)."""
    path, hash_mark, fragment = return_to.partition("#")
    return f"{path}{'&' if '?' in path else '?'}signin_error={code}{hash_mark}{fragment}"


def is_staff_path(return_to: str) -> bool:
    """Whether a (safe) return path is in the back office."""
    return return_to == "/staff" or return_to.startswith(("/staff/", "/staff?", "/staff#"))


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
    await db.execute(delete(OidcLogin).where(col(OidcLogin.expires_at) < now))  # abandoned logins
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
            expires_at=now + timedelta(seconds=settings.oidc.login_timeout_seconds),
        )
    )
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
    """Complete the callback: check state and browser, redeem the code, verify, provision.

    Every failure is a :class:`SignInFailed`; the route decides whether the browser goes back
    where it started or the client gets the problem."""
    settings = clients.settings
    if not state:
        raise SignInFailed("failed", None, login_failed("missing_state"))
    pending = (
        await db.execute(
            select(OidcLogin).where(
                col(OidcLogin.state_hash) == hash_token(settings, state, "oidc-state")
            )
        )
    ).scalar_one_or_none()
    if pending is None or pending.provider != provider.key:
        raise SignInFailed("failed", None, login_failed("unknown_state"))
    used = await rows_changed(
        db,
        update(OidcLogin)
        .where(col(OidcLogin.id) == pending.id, col(OidcLogin.used_at).is_(None))
        .values(used_at=utcnow()),
    )
    # Spent whatever happens next (the state is single-use), and no lock is held across the token exchange with the provider.
    await checkpoint(db)
    if used != 1:
        raise SignInFailed("expired", pending.return_to, login_failed("state_reused"))
    if utcnow() >= pending.expires_at:
        raise SignInFailed("expired", pending.return_to, login_failed("state_expired"))
    if not browser_token or not secrets.compare_digest(
        hash_token(settings, browser_token, "oidc-browser"), pending.browser_hash
    ):
        raise SignInFailed("other_browser", pending.return_to, login_failed("other_browser"))
    if error:
        raise SignInFailed("refused", pending.return_to, login_failed("provider_error"))
    try:
        account = await _redeem(db, clients, provider, pending, code=code, iss=iss)
    except Problem as problem:
        code_word = _FAILURE_CODES.get(problem.slug, "failed")
        raise SignInFailed(code_word, pending.return_to, problem) from None
    return LoginResult(account=account, return_to=pending.return_to)


async def _redeem(
    db: AsyncSession,
    clients: OidcClients,
    provider: OidcProvider,
    pending: OidcLogin,
    *,
    code: str | None,
    iss: str | None,
) -> Account:
    """Redeem the code of a checked sign-in, verify the ID token and provision the account."""
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
    return await provision(db, provider, claims, link_account_id=pending.link_account_id)
