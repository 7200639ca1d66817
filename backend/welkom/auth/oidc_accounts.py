# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""OpenID Connect: the Welkom account behind a verified identity.

At sign-in an identity is linked to the caller's account, found, or (if the provider may) made
into a new account whose roles follow the IdP at every login; a staff IdP's API access token
gets its account (made on first sight) and a session-less principal.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.auth.models import Account, AccountIdentity
from welkom.auth.oidc_tokens import OidcClients, claim_review_languages, claim_roles, login_failed
from welkom.auth.service import hash_token
from welkom.core.i18n import N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.problems import Problem
from welkom.core.settings import OidcProvider
from welkom.core.unit_of_work import checkpoint
from welkom.municipalities import service as municipalities


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
                col(AccountIdentity.municipality_id) == municipality.id,
                col(AccountIdentity.issuer) == provider.issuer,
                col(AccountIdentity.subject) == subject,
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
            _follow_review_languages(account, provider, claims)
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
    _follow_review_languages(account, provider, claims)
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
    return account


def _follow_review_languages(
    account: Account, provider: OidcProvider, claims: dict[str, Any]
) -> None:
    """Where the provider has a review languages claim, the account's languages are the IdP's."""
    languages = claim_review_languages(provider, claims)
    if languages is not None:
        account.review_languages = languages


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
                col(AccountIdentity.municipality_id) == municipality.id,
                col(AccountIdentity.issuer) == provider.issuer,
                col(AccountIdentity.subject) == subject,
            )
        )
    ).scalar_one_or_none()
    name = _display_name(provider, claims, str(claims.get("client_id") or subject))
    account: Account | None
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
        # Made by the authentication middleware: kept whatever the handler does.
        await checkpoint(db)
    else:
        account = await db.get(Account, identity.account_id)
        assert account is not None
        if account.roles != roles or account.display_name != name:
            account.roles, account.display_name = roles, name
            # Made by the authentication middleware: kept whatever the handler does.
            await checkpoint(db)
    token_id = str(claims.get("jti") or hash_token(clients.settings, token, "api-token"))
    return Principal(
        account_id=account.id,
        municipality_id=municipality.id,
        roles=frozenset(roles),
        session_id=uuid.uuid5(uuid.NAMESPACE_URL, f"{provider.issuer}#{token_id}"),
        display_name=account.display_name,
        municipality_default_language=municipality.default_language,
    )
