# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The example Keycloak realm and provider configuration in infra/keycloak fit together and
fit Welkom (so a municipality copying them gets a working staff login)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PRODUCTION_SECRET
from welkom.auth.oidc_tokens import redirect_uri
from welkom.core.settings import Settings

INFRA = Path(__file__).resolve().parents[1] / "infra" / "keycloak"


def test_example_realm_matches_the_example_provider_settings() -> None:
    realm = json.loads((INFRA / "welkom-realm.json").read_text())
    settings = Settings(
        env="production",
        secret_key=PRODUCTION_SECRET,
        public_base_url="https://welkom.example.nl",
        oidc_providers=[  # the example's client secrets are placeholders for the real ones
            {**provider, "client_secret": PRODUCTION_SECRET}
            for provider in json.loads((INFRA / "oidc-providers.example.json").read_text())
        ],
    )  # type: ignore[arg-type]
    staff = settings.oidc.provider("staff")
    assert staff is not None
    assert staff.issuer.endswith("/realms/" + realm["realm"])

    (client,) = [c for c in realm["clients"] if c["clientId"] == staff.client_id]
    assert client["publicClient"] is False
    assert client["standardFlowEnabled"]
    assert not client["implicitFlowEnabled"]
    assert client["attributes"]["pkce.code.challenge.method"] == "S256"
    assert client["redirectUris"] == [redirect_uri(settings, staff)]
    (mapper,) = client["protocolMappers"]
    assert mapper["config"]["claim.name"] == staff.roles_claim
    assert mapper["config"]["id.token.claim"] == "true"

    realm_roles = {role["name"] for role in realm["roles"]["realm"]}
    assert realm_roles == set(staff.role_map)
    assert set(staff.role_map.values()) == set(staff.allowed_roles)
    assert realm["bruteForceProtected"] is True
    assert realm["sslRequired"] == "all"
