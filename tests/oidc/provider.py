# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Runs the real OpenID Connect provider (``server.mjs``, npm ``oidc-provider``) for tests.

Three issuers, as a municipality would configure them: the staff IdP (Keycloak-style nested
``realm_access.roles`` claim with ``welkom-*`` role names), the volunteer IdP, and a DigiD
broker for residents (link-only, carries a BSN claim that Welkom must not store).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest
from litestar.testing import AsyncTestClient

from welkom.core.settings import OidcProvider

HERE = Path(__file__).resolve().parent
WELKOM = "http://testserver.local"  # the ASGI test client's base URL = public_base_url
CLIENT_SECRET = "test-client-secret-0123456789"

ACCOUNTS = {
    "staff": {
        "sanne": {"name": "Sanne de Vries", "realm_access": {"roles": ["welkom-caseworker"]}},
        "ruud": {
            "name": "Ruud Archief",
            "realm_access": {"roles": ["welkom-records-manager", "offline_access", "superuser"]},
        },
        "nora": {"name": "Nora Zonder Rol", "realm_access": {"roles": ["offline_access"]}},
        # Reviewers: the languages they review come from the IdP (Dutch, the source, and codes
        # Welkom does not know are left out); a reviewer with none gets no reviewer role.
        "fatima": {
            "name": "Fatima Haddad",
            "realm_access": {"roles": ["welkom-reviewer"]},
            "welkom_languages": ["ti", "ar", "nl", "xx"],
        },
        "rik": {"name": "Rik Zonder Taal", "realm_access": {"roles": ["welkom-reviewer"]}},
    },
    "volunteers": {
        "pieter": {"name": "Pieter Jansen", "roles": ["volunteer"]},
        "mallory": {"name": "Mallory", "roles": ["admin"]},  # a volunteer IdP cannot grant admin
    },
    "digid": {"amal-digid": {"name": "A. Example", "bsn": "999990019"}},
}


#: The staff IdP also issues JWT access tokens for Welkom's API to a municipality's own tools
#: (client credentials grant), with roles like its users have.
API_AUDIENCE = "https://api.welkom.test"
API_CLIENTS = {
    "reports-tool": {
        "name": "Rapportage-tool",
        "realm_access": {"roles": ["welkom-records-manager"]},
    },
    "roleless-tool": {"name": "Zonder rol", "realm_access": {"roles": ["uma_authorization"]}},
}


def _api_client(client_id: str) -> dict:
    return {
        "client_id": client_id,
        "client_secret": CLIENT_SECRET,
        "grant_types": ["client_credentials"],
        "response_types": [],
        "redirect_uris": [],
        "token_endpoint_auth_method": "client_secret_basic",
    }


def welkom_client(name: str, welkom: str = WELKOM) -> dict:
    """Welkom's client at the provider ``name``, for a Welkom reached at ``welkom``."""
    return {
        "client_id": f"welkom-{name}",
        "client_secret": CLIENT_SECRET,
        "redirect_uris": [f"{welkom}/api/v1/auth/oidc/{name}/callback"],
        "grant_types": ["authorization_code"],
        "response_types": ["code"],
        "token_endpoint_auth_method": "client_secret_basic",
    }


@pytest.fixture(scope="session")
def oidc_issuers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Start the provider once per test session; {name: issuer URL}."""
    config = {
        "providers": [
            {
                "name": name,
                "clients": [welkom_client(name)]
                + ([_api_client(c) for c in API_CLIENTS] if name == "staff" else []),
                "accounts": accounts,
                **(
                    {"api": {"audience": API_AUDIENCE, "claims": API_CLIENTS}}
                    if name == "staff"
                    else {}
                ),
            }
            for name, accounts in ACCOUNTS.items()
        ]
    }
    with run_provider(config, tmp_path_factory.mktemp("oidc")) as issuers:
        yield issuers


@contextlib.contextmanager
def run_provider(config: dict, directory: Path) -> Iterator[dict[str, str]]:
    """The provider (``server.mjs``) with ``config``, written to ``directory``; {name: issuer}."""
    node = shutil.which("node")
    if node is None or not (HERE / "node_modules" / "oidc-provider").exists():
        pytest.fail("the test OIDC provider is not installed: run scripts/test.d/10-oidc.sh")
    path = directory / "config.json"
    path.write_text(json.dumps(config))
    process, line = None, ""
    for _attempt in range(3):  # a start that hangs (seen once on a busy machine) is retried
        process = subprocess.Popen(
            [node, str(HERE / "server.mjs"), str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=HERE,
        )
        line = _first_line(process, timeout=60.0)
        if line:
            break
        process.kill()
        process.wait(10)
    assert process is not None
    try:
        if not line:
            pytest.fail("the test OIDC provider did not start within 60 s (three tries)")
        yield json.loads(line)
    finally:
        process.terminate()
        process.wait(10)


def _first_line(process: subprocess.Popen[str], timeout: float) -> str:
    """The provider's first line of output (its issuers), or "" after ``timeout`` seconds."""
    lines: list[str] = []
    assert process.stdout is not None
    stdout = process.stdout
    reader = threading.Thread(target=lambda: lines.append(stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return lines[0] if lines else ""


def providers(issuers: dict[str, str], municipality_code: str = "9999") -> list[OidcProvider]:
    """Welkom's configuration for the three test issuers."""
    return [
        OidcProvider(
            key="staff",
            municipality_code=municipality_code,
            issuer=issuers["staff"],
            client_id="welkom-staff",
            client_secret=CLIENT_SECRET,
            roles_claim="realm_access.roles",
            role_map={
                "welkom-caseworker": "caseworker",
                "welkom-records-manager": "records_manager",
                "welkom-reviewer": "reviewer",
            },
            review_languages_claim="welkom_languages",
            allowed_roles=[
                "caseworker",
                "coordinator",
                "editor",
                "reviewer",
                "records_manager",
                "admin",
            ],
            api_audience=API_AUDIENCE,
        ),
        OidcProvider(
            key="volunteers",
            municipality_code=municipality_code,
            issuer=issuers["volunteers"],
            client_id="welkom-volunteers",
            client_secret=CLIENT_SECRET,
            allowed_roles=["volunteer"],
        ),
        OidcProvider(
            key="digid",
            municipality_code=municipality_code,
            issuer=issuers["digid"],
            client_id="welkom-digid",
            client_secret=CLIENT_SECRET,
            allowed_roles=["resident"],
            link_only=True,
        ),
    ]


async def api_token(issuer: str, client_id: str = "reports-tool") -> str:
    """A JWT access token for Welkom's API, as a municipality's tool gets it."""
    async with httpx.AsyncClient() as http:
        metadata = (await http.get(f"{issuer}/.well-known/openid-configuration")).json()
        response = await http.post(
            metadata["token_endpoint"],
            data={"grant_type": "client_credentials", "scope": "api", "resource": API_AUDIENCE},
            auth=(client_id, CLIENT_SECRET),
        )
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


async def through_provider(location: str, browser: httpx.AsyncClient) -> str:
    """Follow the provider's redirects (as a browser would) until it sends us back to Welkom."""
    for _ in range(10):
        if location.startswith(WELKOM):
            return location.removeprefix(WELKOM)
        response = await browser.get(location)
        assert response.status_code in (302, 303), response.text
        location = urljoin(location, response.headers["location"])
    raise AssertionError("too many redirects at the provider")


async def sign_in(
    client: AsyncTestClient,
    provider: str,
    user: str,
    *,
    path: str = "login",
    return_to: str = "/",
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """Start at Welkom, sign in at the real provider as ``user``, finish at Welkom's callback."""
    started = await client.get(
        f"/api/v1/auth/oidc/{provider}/{path}",
        params={"login_hint": user, "return_to": return_to},
        headers=headers or {},
    )
    assert started.status_code == 303, started.text
    async with httpx.AsyncClient() as browser:
        callback = await through_provider(started.headers["location"], browser)
    return await client.get(callback)
