# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""OpenID Connect login through a real provider (npm oidc-provider), and ID token checks."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from litestar.testing import AsyncTestClient
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import make_settings, row_counts
from tests.oidc.provider import api_token, oidc_issuers, providers, sign_in, through_provider
from welkom.app import create_app
from welkom.auth.models import Account, AccountIdentity, OidcLogin
from welkom.auth.oidc_login import refused_return_to, safe_return_to
from welkom.auth.oidc_tokens import (
    IdTokenRejected,
    claim_review_languages,
    claim_roles,
    verify_access_token,
    verify_id_token,
)
from welkom.core.settings import OidcProvider
from welkom.tables import metadata

__all__ = ["oidc_issuers"]  # the session fixture, used by the fixtures below


@pytest.fixture
async def client(
    database_url: str, seeded: None, oidc_issuers: dict[str, str]
) -> AsyncIterator[AsyncTestClient]:
    settings = make_settings(
        database_url,
        public_base_url="http://testserver.local",
        oidc_providers=providers(oidc_issuers),
    )
    async with AsyncTestClient(app=create_app(settings)) as test_client:
        test_client.follow_redirects = False  # redirects to the provider leave the app
        yield test_client


async def session_of(client: AsyncTestClient) -> httpx.Response:
    return await client.get("/api/v1/auth/session")


async def test_caseworker_signs_in_at_the_staff_idp(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    done = await sign_in(client, "staff", "sanne", return_to="/staff/inbox?tab=new")
    assert done.status_code == 303, done.text
    assert done.headers["location"] == "/staff/inbox?tab=new"
    assert "httponly" in done.headers["set-cookie"].lower()
    session = await session_of(client)
    assert session.status_code == 200
    assert session.json()["roles"] == ["caseworker"]
    assert session.json()["display_name"] == "Sanne de Vries"

    # Signing in again finds the same account.
    client.cookies.clear()
    assert (await sign_in(client, "staff", "sanne")).status_code == 303
    identities = (await db.execute(select(AccountIdentity))).scalars().all()
    assert [(i.provider, i.subject) for i in identities] == [("staff", "sanne")]
    accounts = (
        await db.execute(select(Account).where(Account.display_name == "Sanne de Vries"))
    ).scalars()
    assert len(accounts.all()) == 2  # the seeded demo account and the OIDC one


async def test_roles_the_product_does_not_know_give_nothing(client: AsyncTestClient) -> None:
    assert (await sign_in(client, "staff", "ruud")).status_code == 303
    assert (await session_of(client)).json()["roles"] == ["records_manager"]


async def test_no_known_role_means_no_account(client: AsyncTestClient, db: AsyncSession) -> None:
    before = await row_counts(db)
    refused = await sign_in(client, "staff", "nora")
    assert refused.status_code == 403
    assert refused.json()["type"] == "urn:welkom:problem:no-role"
    after = await row_counts(db)
    assert after.pop("oidc_login") == before.pop("oidc_login") + 1
    assert after == before
    assert (await session_of(client)).status_code == 401


async def test_a_reviewers_languages_follow_the_idp(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    assert (await sign_in(client, "staff", "fatima")).status_code == 303
    assert (await session_of(client)).json()["roles"] == ["reviewer"]
    account = (
        await db.execute(select(Account).where(Account.display_name == "Fatima Haddad"))
    ).scalar_one()
    assert account.review_languages == ["ar", "ti"]
    progress = await client.get("/api/v1/admin/translations/progress")
    assert sorted(p["language"] for p in progress.json()) == ["ar", "ti"]
    refused = await client.get("/api/v1/admin/translations?language=fa")
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("not-your-language")

    # The IdP's list is the account's at every login.
    await db.execute(
        update(Account).where(Account.id == account.id).values(review_languages=["fa"])
    )
    await db.commit()
    client.cookies.clear()
    await sign_in(client, "staff", "fatima")
    await db.refresh(account)
    assert account.review_languages == ["ar", "ti"]


async def test_a_reviewer_without_languages_is_no_reviewer(client: AsyncTestClient) -> None:
    """An empty list would mean "not limited": the IdP must name at least one language."""
    refused = await sign_in(client, "staff", "rik")
    assert refused.status_code == 403
    assert refused.json()["type"] == "urn:welkom:problem:no-role"


async def test_volunteer_signs_in_at_the_volunteer_idp(client: AsyncTestClient) -> None:
    assert (await sign_in(client, "volunteers", "pieter")).status_code == 303
    assert (await session_of(client)).json()["roles"] == ["volunteer"]


async def test_an_idp_cannot_grant_roles_beyond_its_remit(client: AsyncTestClient) -> None:
    refused = await sign_in(client, "volunteers", "mallory")  # claims "admin"
    assert refused.status_code == 403
    assert (await session_of(client)).status_code == 401


async def test_roles_follow_the_idp_at_every_login(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    await sign_in(client, "staff", "sanne")
    identity = (await db.execute(select(AccountIdentity))).scalar_one()
    await db.execute(
        update(Account).where(Account.id == identity.account_id).values(roles=["admin"])
    )
    await db.commit()
    client.cookies.clear()
    await sign_in(client, "staff", "sanne")
    assert (await session_of(client)).json()["roles"] == ["caseworker"]


async def test_callback_is_single_use_and_bound_to_the_browser(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    started = await client.get("/api/v1/auth/oidc/staff/login", params={"login_hint": "sanne"})
    async with httpx.AsyncClient() as browser:
        callback = await through_provider(started.headers["location"], browser)

    browser_cookie = client.cookies.get("welkom_oidc")
    client.cookies.clear()
    elsewhere = await client.get(callback)  # another browser, without the login cookie
    assert elsewhere.status_code == 401
    assert elsewhere.json()["type"] == "urn:welkom:problem:login-failed"

    client.cookies.set("welkom_oidc", browser_cookie, path="/api/v1/auth/oidc/staff/")
    replay = await client.get(callback)  # the state was spent by the first attempt
    assert replay.status_code == 401
    assert (await session_of(client)).status_code == 401


async def test_unknown_state_and_provider_errors_are_refused(client: AsyncTestClient) -> None:
    made_up = await client.get("/api/v1/auth/oidc/staff/callback?code=x&state=made-up")
    assert made_up.status_code == 401
    await client.get("/api/v1/auth/oidc/staff/login", params={"login_hint": "sanne"})
    unknown = await client.get("/api/v1/auth/oidc/nope/login")
    assert unknown.status_code == 404


async def test_a_sign_in_refused_at_the_provider_goes_back_with_the_refusal(
    client: AsyncTestClient,
) -> None:
    started = await client.get(
        "/api/v1/auth/oidc/staff/login", params={"return_to": "/staff/#/residents"}
    )
    state = parse_qs(urlsplit(started.headers["location"]).query)["state"][0]
    # What the provider sends when the person cancels, refuses consent or cannot sign in.
    refused = await client.get(
        "/api/v1/auth/oidc/staff/callback", params={"error": "access_denied", "state": state}
    )
    assert refused.status_code == 303
    assert refused.headers["location"] == "/staff/?signin_error=refused#/residents"
    assert (await session_of(client)).status_code == 401
    # Only the browser that started the sign-in is sent back; the state is spent.
    again = await client.get(
        "/api/v1/auth/oidc/staff/callback", params={"error": "access_denied", "state": state}
    )
    assert again.status_code == 401


BROWSER = {"Accept": "text/html,application/xhtml+xml", "Sec-Fetch-Mode": "navigate"}


async def test_a_failed_staff_sign_in_goes_back_to_the_back_office_with_a_reason(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    # A made-up state names no sign-in; the staff provider's browser goes to the back office.
    made_up = await client.get(
        "/api/v1/auth/oidc/staff/callback",
        params={"code": "x", "state": "made-up"},
        headers=BROWSER,
    )
    assert made_up.status_code == 303
    assert made_up.headers["location"] == "/staff/?signin_error=failed"
    # An API client gets the problem, as before.
    api = await client.get(
        "/api/v1/auth/oidc/staff/callback", params={"code": "x", "state": "made-up"}
    )
    assert api.status_code == 401
    assert api.json()["type"] == "urn:welkom:problem:login-failed"

    # A sign-in whose answer comes back too late: expired, back where it started.
    started = await client.get(
        "/api/v1/auth/oidc/staff/login", params={"return_to": "/staff/#/residents"}
    )
    state = parse_qs(urlsplit(started.headers["location"]).query)["state"][0]
    await db.execute(update(OidcLogin).values(expires_at=OidcLogin.created_at))
    await db.commit()
    late = await client.get(
        "/api/v1/auth/oidc/staff/callback", params={"code": "x", "state": state}, headers=BROWSER
    )
    assert late.status_code == 303
    assert late.headers["location"] == "/staff/?signin_error=expired#/residents"
    # Its answer again (the back button): spent, also "expired".
    again = await client.get(
        "/api/v1/auth/oidc/staff/callback", params={"code": "x", "state": state}, headers=BROWSER
    )
    assert again.headers["location"] == "/staff/?signin_error=expired#/residents"
    assert (await session_of(client)).status_code == 401


async def test_a_staff_sign_in_without_a_role_goes_back_with_no_access(
    client: AsyncTestClient,
) -> None:
    started = await client.get(
        "/api/v1/auth/oidc/staff/login",
        params={"login_hint": "nora", "return_to": "/staff/"},
        headers=BROWSER,
    )
    async with httpx.AsyncClient() as browser:
        callback = await through_provider(started.headers["location"], browser)
    done = await client.get(callback, headers=BROWSER)
    assert done.status_code == 303
    assert done.headers["location"] == "/staff/?signin_error=no_access"
    assert (await session_of(client)).status_code == 401


async def test_a_failed_sign_in_outside_the_back_office_stays_a_problem(
    client: AsyncTestClient,
) -> None:
    started = await client.get("/api/v1/auth/oidc/staff/login", params={"return_to": "/"})
    state = parse_qs(urlsplit(started.headers["location"]).query)["state"][0]
    client.cookies.clear()  # another browser
    elsewhere = await client.get(
        "/api/v1/auth/oidc/staff/callback", params={"code": "x", "state": state}, headers=BROWSER
    )
    assert elsewhere.status_code == 401
    assert elsewhere.json()["type"] == "urn:welkom:problem:login-failed"


async def test_a_staff_sign_in_at_an_unreachable_provider_goes_back_with_unavailable(
    database_url: str, seeded: None, oidc_issuers: dict[str, str]
) -> None:
    (staff, *_) = providers(oidc_issuers)
    down = staff.model_copy(update={"issuer": "http://127.0.0.1:9"})  # nothing listens there
    settings = make_settings(
        database_url, public_base_url="http://testserver.local", oidc_providers=[down]
    )
    async with AsyncTestClient(app=create_app(settings)) as client:
        client.follow_redirects = False
        response = await client.get(
            "/api/v1/auth/oidc/staff/login",
            params={"return_to": "/staff/#/records"},
            headers=BROWSER,
        )
        assert response.status_code == 303
        assert response.headers["location"] == "/staff/?signin_error=unavailable#/records"
        unknown = await client.get(
            "/api/v1/auth/oidc/nope/login", params={"return_to": "/staff/"}, headers=BROWSER
        )
        assert unknown.headers["location"] == "/staff/?signin_error=failed"


def test_the_refusal_goes_in_the_query_before_any_fragment() -> None:
    assert refused_return_to("/") == "/?signin_error=refused"
    assert refused_return_to("/staff/?a=1") == "/staff/?a=1&signin_error=refused"
    assert refused_return_to("/staff/#/x?y=1") == "/staff/?signin_error=refused#/x?y=1"
    assert refused_return_to("/staff/", "expired") == "/staff/?signin_error=expired"


async def test_staff_sign_in_lists_the_staff_providers_by_municipality(
    client: AsyncTestClient,
) -> None:
    options = await client.get("/api/v1/auth/staff-sign-in")
    assert options.status_code == 200
    # Not the volunteers' or the DigiD broker's; named after the municipality; nothing secret.
    assert options.json() == {
        "providers": [{"key": "staff", "display_name": "Gemeente Welkom (demo)"}],
        "demo_login": True,
    }


async def test_staff_sign_in_names_and_leaves_out(
    database_url: str, seeded: None, oidc_issuers: dict[str, str]
) -> None:
    staff, volunteers, digid = providers(oidc_issuers)
    configured = [
        staff.model_copy(update={"display_name": "Keycloak van de gemeente"}),
        staff.model_copy(update={"key": "nowhere", "municipality_code": "0001"}),  # no such
        volunteers,
        digid,
    ]
    settings = make_settings(database_url, oidc_providers=configured, demo_login=False)
    async with AsyncTestClient(app=create_app(settings)) as other:
        options = (await other.get("/api/v1/auth/staff-sign-in")).json()
    assert options == {
        "providers": [{"key": "staff", "display_name": "Keycloak van de gemeente"}],
        "demo_login": False,
    }


async def test_wrong_nonce_is_refused(client: AsyncTestClient, db: AsyncSession) -> None:
    started = await client.get("/api/v1/auth/oidc/staff/login", params={"login_hint": "sanne"})
    await db.execute(update(OidcLogin).values(nonce="a-nonce-the-provider-never-saw"))
    await db.commit()
    async with httpx.AsyncClient() as browser:
        callback = await through_provider(started.headers["location"], browser)
    refused = await client.get(callback)
    assert refused.status_code == 401
    assert (await session_of(client)).status_code == 401
    assert (await db.execute(select(AccountIdentity))).first() is None


async def test_authorization_request_uses_pkce_state_and_nonce(client: AsyncTestClient) -> None:
    started = await client.get("/api/v1/auth/oidc/staff/login")
    query = parse_qs(urlsplit(started.headers["location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    assert len(query["state"][0]) >= 43
    assert len(query["nonce"][0]) >= 43
    assert query["redirect_uri"] == ["http://testserver.local/api/v1/auth/oidc/staff/callback"]
    assert query["scope"] == ["openid profile"]


async def test_open_redirects_are_not_possible(client: AsyncTestClient) -> None:
    done = await sign_in(client, "staff", "sanne", return_to="https://evil.example/x")
    assert done.headers["location"] == "/"
    for bad in ("//evil.example", "/\\evil.example", "javascript:alert(1)", None, ""):
        assert safe_return_to(bad) == "/"
    assert safe_return_to("/me?x=1") == "/me?x=1"


async def test_digid_needs_an_activation_first_then_links(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    refused = await sign_in(client, "digid", "amal-digid")
    assert refused.status_code == 403
    assert refused.json()["type"] == "urn:welkom:problem:not-linked"

    # A caseworker issues a code; the resident activates and chooses DigiD for next time.
    demo = await client.post("/api/v1/auth/demo-login", json={"login": "demo-caseworker"})
    resident_id = (
        await db.execute(text("SELECT resident_id FROM account WHERE demo_login='demo-resident'"))
    ).scalar_one()
    issued = await client.post(
        f"/api/v1/admin/residents/{resident_id}/activation-codes",
        headers={"Authorization": f"Bearer {demo.json()['token']}"},
    )
    client.cookies.clear()
    activated = await client.post("/api/v1/auth/activation", json={"code": issued.json()["code"]})
    options = activated.json()["sign_in_options"]
    assert {"kind": "oidc", "provider": "digid", "link_url": "/api/v1/auth/oidc/digid/link"} in (
        options
    )
    linked = await sign_in(client, "digid", "amal-digid", path="link", return_to="/settings")
    assert linked.status_code == 303
    assert linked.headers["location"] == "/settings"

    # Next time: DigiD alone signs the resident in.
    client.cookies.clear()
    assert (await sign_in(client, "digid", "amal-digid")).status_code == 303
    session = (await session_of(client)).json()
    assert session["roles"] == ["resident"]
    assert str(session["resident_id"]).replace("-", "") == str(resident_id).replace("-", "")

    # The broker's BSN claim is not stored anywhere.
    for table in metadata.sorted_tables:
        rows = (await db.execute(text(f'SELECT * FROM "{table.name}"'))).all()
        assert "999990019" not in repr(rows), table.name


async def test_staff_cannot_link_a_resident_login(client: AsyncTestClient) -> None:
    demo = await client.post("/api/v1/auth/demo-login", json={"login": "demo-caseworker"})
    assert demo.status_code == 200
    response = await client.get(
        "/api/v1/auth/oidc/digid/link",
        headers={"Authorization": f"Bearer {demo.json()['token']}"},
    )
    assert response.status_code == 403


# ID token verification, with tokens signed by a key of the test's own (the provider's keys
# sign only good tokens; these prove each check refuses what it must).

KEY = RSAKey.generate_key(2048, parameters={"kid": "test-key", "alg": "RS256", "use": "sig"})
OTHER_KEY = RSAKey.generate_key(2048, parameters={"kid": "test-key", "alg": "RS256"})
KEYS = KeySet([KEY])
ISSUER, CLIENT, NONCE = "https://idp.example", "welkom", "n-0S6_WzA2Mj"


def id_token(key: RSAKey = KEY, **overrides: object) -> str:
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "sub": "248289761001",
        "aud": CLIENT,
        "iat": now,
        "exp": now + 300,
        "nonce": NONCE,
    }
    claims.update(overrides)
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode({"alg": "RS256", "kid": "test-key"}, claims, key)


def verify(token: str, nonce: str = NONCE) -> dict:
    return verify_id_token(token, KEYS, issuer=ISSUER, client_id=CLIENT, nonce=nonce)


def test_a_good_id_token_is_accepted() -> None:
    assert verify(id_token())["sub"] == "248289761001"


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (lambda: id_token(key=OTHER_KEY), "signature"),
        (lambda: _tampered(id_token()), "signature"),
        (lambda: id_token(exp=int(time.time()) - 120), "expired"),
        (lambda: id_token(aud="someone-else"), "audience"),
        (lambda: id_token(aud=[CLIENT, "someone-else"]), "audience"),  # no matching azp
        (lambda: id_token(azp="someone-else"), "audience"),
        (lambda: id_token(iss="https://evil.example"), "issuer"),
        (lambda: id_token(nonce="replayed-nonce"), "nonce"),
        (lambda: id_token(nonce=None), "nonce"),
        (lambda: id_token(sub=None), "claims"),
        (lambda: "not.a.jwt", "malformed"),
    ],
)
def test_bad_id_tokens_are_refused(token, reason: str) -> None:
    with pytest.raises(IdTokenRejected) as refused:
        verify(token())
    assert refused.value.reason == reason


def test_unsigned_tokens_are_refused() -> None:
    header = "eyJhbGciOiJub25lIn0"  # {"alg":"none"}
    payload = id_token().split(".")[1]
    with pytest.raises(IdTokenRejected):
        verify(f"{header}.{payload}.")


def _tampered(token: str) -> str:
    import base64
    import json

    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = "someone-else"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return f"{header}.{forged}.{signature}"


def test_review_languages_claim() -> None:
    staff = OidcProvider(
        key="s",
        municipality_code="9999",
        issuer="https://idp.example",
        client_id="c",
        client_secret="s",
        allowed_roles=["reviewer", "editor"],
        review_languages_claim="attrs.languages",
    )
    claims = {"roles": ["reviewer", "editor"], "attrs": {"languages": "so uk nl en-GB"}}
    assert claim_review_languages(staff, claims) == ["so", "uk"]
    assert claim_roles(staff, claims) == {"reviewer", "editor"}
    assert claim_roles(staff, {"roles": ["reviewer", "editor"]}) == {"editor"}
    unset = staff.model_copy(update={"review_languages_claim": None})
    assert claim_review_languages(unset, claims) is None
    assert claim_roles(unset, {"roles": ["reviewer"]}) == {"reviewer"}


def test_roles_claim_paths_and_mapping() -> None:
    (staff, volunteers, _) = providers(
        {"staff": "http://a", "volunteers": "http://b", "digid": "http://c"}
    )
    claims = {"realm_access": {"roles": ["welkom-caseworker", "admin", "root"]}}
    assert claim_roles(staff, claims) == {"caseworker", "admin"}
    assert claim_roles(volunteers, {"roles": "volunteer admin"}) == {"volunteer"}
    assert claim_roles(volunteers, {"roles": {"not": "a list"}}) == set()
    assert claim_roles(staff, {}) == set()


# Programmatic API clients: JWT access tokens from the staff IdP (client credentials grant).


async def test_api_client_uses_a_staff_idp_access_token(
    client: AsyncTestClient, oidc_issuers: dict[str, str], db: AsyncSession
) -> None:
    token = await api_token(oidc_issuers["staff"])
    client.cookies.clear()
    headers = {"Authorization": f"Bearer {token}"}
    session = await client.get("/api/v1/auth/session", headers=headers)
    assert session.status_code == 200, session.text
    assert session.json()["roles"] == ["records_manager"]
    assert session.json()["display_name"] == "Rapportage-tool"
    assert (await client.get("/api/v1/admin/audit-events", headers=headers)).status_code == 200
    # Its role is exactly what the token says: not a caseworker.
    me = await client.get("/api/v1/me", headers=headers)
    assert me.status_code == 403
    # The same tool again is the same account.
    again = await client.get("/api/v1/auth/session", headers={"Authorization": f"Bearer {token}"})
    assert again.json()["account_id"] == session.json()["account_id"]
    identities = (await db.execute(select(AccountIdentity))).scalars().all()
    assert [i.subject for i in identities] == ["reports-tool"]


async def test_api_tokens_without_a_role_or_from_elsewhere_are_refused(
    client: AsyncTestClient, oidc_issuers: dict[str, str], db: AsyncSession
) -> None:
    client.cookies.clear()
    roleless = await api_token(oidc_issuers["staff"], "roleless-tool")
    response = await client.get(
        "/api/v1/auth/session", headers={"Authorization": f"Bearer {roleless}"}
    )
    assert response.status_code == 401
    assert (await db.execute(select(AccountIdentity))).first() is None

    good = await api_token(oidc_issuers["staff"])
    header, payload, signature = good.split(".")
    for bad in (
        f"{header}.{_tampered(good).split('.')[1]}.{signature}",  # payload changed
        id_token(iss=oidc_issuers["staff"], aud="https://api.welkom.test"),  # not its key
        f"{header}.{payload}.",  # signature stripped
    ):
        refused = await client.get(
            "/api/v1/auth/session", headers={"Authorization": f"Bearer {bad}"}
        )
        assert refused.status_code == 401


def test_access_token_checks() -> None:
    token = id_token(aud="https://api.welkom.test")
    # A token for another audience (e.g. an ID token for Welkom's client) is no API token.
    with pytest.raises(IdTokenRejected) as refused:
        verify_access_token(id_token(), KEYS, issuer=ISSUER, audience="https://api.welkom.test")
    assert refused.value.reason == "audience"
    claims = verify_access_token(token, KEYS, issuer=ISSUER, audience="https://api.welkom.test")
    assert claims["sub"] == "248289761001"
    expired = id_token(aud="https://api.welkom.test", exp=int(time.time()) - 120)
    with pytest.raises(IdTokenRejected) as refused:
        verify_access_token(expired, KEYS, issuer=ISSUER, audience="https://api.welkom.test")
    assert refused.value.reason == "expired"


async def test_an_unreachable_provider_is_a_clear_503(
    database_url: str, seeded: None, oidc_issuers: dict[str, str]
) -> None:
    (staff, *_) = providers(oidc_issuers)
    down = staff.model_copy(update={"issuer": "http://127.0.0.1:9"})  # nothing listens there
    settings = make_settings(
        database_url, public_base_url="http://testserver.local", oidc_providers=[down]
    )
    async with AsyncTestClient(app=create_app(settings)) as client:
        client.follow_redirects = False
        response = await client.get("/api/v1/auth/oidc/staff/login")
        assert response.status_code == 503
        assert response.json()["type"] == "urn:welkom:problem:login-unavailable"
        token = id_token(iss="http://127.0.0.1:9", aud="https://api.welkom.test")
        bearer = await client.get(
            "/api/v1/auth/session", headers={"Authorization": f"Bearer {token}"}
        )
        assert bearer.status_code == 401


def test_non_ascii_nonce_is_refused_not_an_error() -> None:
    with pytest.raises(IdTokenRejected) as refused:
        verify(id_token(nonce="ñonce"))
    assert refused.value.reason == "nonce"
