# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The test ZGW server really holds requests to the official specs (it is not a yes-machine)."""

from __future__ import annotations

import time

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import OctKey

from tests.zgw import specs
from tests.zgw.fixtures import CLIENT_ID, SECRET, zgw  # noqa: F401 - fixtures
from tests.zgw.server import ZGWServer


def token(**claims: object) -> str:
    values = {"iss": CLIENT_ID, "client_id": CLIENT_ID, "user_id": "t", "user_representation": "t",
              "iat": int(time.time())} | claims  # fmt: skip
    return jwt.encode({"alg": "HS256"}, values, OctKey.import_key(SECRET))


def zaak_body(zgw: ZGWServer) -> dict:
    return {
        "bronorganisatie": "111222333", "verantwoordelijkeOrganisatie": "111222333",
        "zaaktype": zgw.types["question"]["zaaktype"], "startdatum": "2026-11-24",
        "identificatie": "WLK-contract", "vertrouwelijkheidaanduiding": "vertrouwelijk",
    }  # fmt: skip


async def post(zgw: ZGWServer, path: str, body: dict, headers: dict) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=zgw)) as client:
        return await client.post(zgw.url("zaken", path), json=body, headers=headers)


async def test_a_zaak_without_the_crs_headers_is_a_violation(zgw: ZGWServer) -> None:
    response = await post(zgw, "/zaken", zaak_body(zgw), {"Authorization": f"Bearer {token()}"})
    assert response.status_code == 400
    assert zgw.zaken == {}
    assert any("Accept-Crs" in v for v in zgw.violations)
    zgw.violations.clear()


async def test_a_wrong_value_is_a_violation(zgw: ZGWServer) -> None:
    headers = {"Authorization": f"Bearer {token()}", "Accept-Crs": "EPSG:4326",
               "Content-Crs": "EPSG:4326"}  # fmt: skip
    body = zaak_body(zgw) | {"vertrouwelijkheidaanduiding": "heel_geheim"}
    response = await post(zgw, "/zaken", body, headers)
    assert response.status_code == 400
    assert zgw.violations
    zgw.violations.clear()
    ok = await post(zgw, "/zaken", zaak_body(zgw), headers)
    assert ok.status_code == 201, zgw.violations
    duplicate = await post(zgw, "/zaken", zaak_body(zgw), headers)
    assert duplicate.status_code == 400
    assert duplicate.json()["invalidParams"][0]["code"] == "identificatie-niet-uniek"


@pytest.mark.parametrize(
    "bad",
    [
        {"iat": +120},  # from the future (seconds from now, taken when the test runs)
        {"iat": -3601},  # older than an hour
        {"client_id": "someone-else"},
        {"user_representation": None},
    ],
)
async def test_tokens_open_zaak_would_refuse_are_refused(zgw: ZGWServer, bad: dict) -> None:
    claims = {k: v for k, v in bad.items() if v is not None}
    if "iat" in claims:
        claims["iat"] = int(time.time()) + claims["iat"]
    jwt_token = token(**claims)
    if bad.get("user_representation", 1) is None:
        values = {"iss": CLIENT_ID, "client_id": CLIENT_ID, "user_id": "t", "iat": int(time.time())}
        jwt_token = jwt.encode({"alg": "HS256"}, values, OctKey.import_key(SECRET))
    headers = {"Authorization": f"Bearer {jwt_token}", "Accept-Crs": "EPSG:4326",
               "Content-Crs": "EPSG:4326"}  # fmt: skip
    response = await post(zgw, "/zaken", zaak_body(zgw), headers)
    assert response.status_code == 403
    assert zgw.zaken == {}
    zgw.auth_failures.clear()


def test_missing_specs_fail_loudly(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(specs, "SPECS_DIR", tmp_path)
    with pytest.raises(specs.SpecsMissing, match="missing"):
        specs.spec_path("zaken")
