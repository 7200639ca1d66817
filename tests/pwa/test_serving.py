# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The backend serves the built PWA at / under its own strict policy; the API keeps its headers."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from litestar.testing import AsyncTestClient

from tests.conftest import make_settings
from tests.pwa.conftest import BOOT, INDEX
from welkom.app import create_app
from welkom.web import IMMUTABLE, content_security_policy

CSP = content_security_policy(INDEX)


async def test_the_app_shell_is_served_at_the_root_with_a_strict_policy(
    client: AsyncTestClient,
) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.text.startswith("<!doctype html>")
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    assert "script-src 'self' 'sha256-" in CSP
    assert "'unsafe-inline'" not in CSP
    assert "'unsafe-eval'" not in CSP
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_the_inline_boot_script_and_nothing_else_is_allowed_by_its_hash() -> None:
    """The browser hashes the script's exact text: the policy names that hash, and a page
    without inline scripts allows none."""
    digest = base64.b64encode(hashlib.sha256(BOOT.encode()).digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}';" in CSP
    assert CSP.count("'sha256-") == 1
    assert "script-src 'self';" in content_security_policy("<script src=/a.js></script>")
    changed = content_security_policy(INDEX.replace("welkom.language", "other"))
    assert changed != CSP


async def test_the_service_worker_and_manifest_are_revalidated(client: AsyncTestClient) -> None:
    sw = await client.get("/sw.js")
    assert sw.status_code == 200
    assert sw.headers["cache-control"] == "no-cache"
    assert "javascript" in sw.headers["content-type"]
    manifest = await client.get("/manifest.webmanifest")
    assert manifest.headers["content-type"].startswith("application/manifest+json")


async def test_hashed_assets_are_immutable_and_compressed(client: AsyncTestClient) -> None:
    response = await client.get("/assets/app-3f2a.js", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["cache-control"] == IMMUTABLE
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["content-security-policy"] == CSP
    assert "greeting" in response.text


async def test_the_api_keeps_its_own_headers_and_is_never_compressed(
    client: AsyncTestClient,
) -> None:
    response = await client.get("/api/v1/auth/session", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 401
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert response.headers["content-security-policy"] != CSP
    assert response.headers["cache-control"] == "no-store"
    schema = await client.get("/schema/openapi.json", headers={"Accept-Encoding": "gzip"})
    assert schema.status_code == 200
    assert "content-encoding" not in schema.headers


async def test_an_unknown_file_is_a_problem_not_the_app(client: AsyncTestClient) -> None:
    response = await client.get("/nothing-here.js")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_without_a_built_app_only_the_api_is_served(
    database_url: str, tmp_path: Path, seeded: None
) -> None:
    app = create_app(make_settings(database_url, pwa_dir=tmp_path / "empty"))
    async with AsyncTestClient(app=app) as client:
        assert (await client.get("/")).status_code == 404
        assert (await client.get("/health")).status_code == 200


async def test_production_adds_hsts_to_the_app_and_the_api(
    database_url: str, dist: Path, seeded: None
) -> None:
    settings = make_settings(
        database_url,
        env="production",
        demo_login=False,
        session_cookie_secure=True,
        public_base_url="https://welkom.example.nl",
        pwa_dir=dist,
    )
    async with AsyncTestClient(app=create_app(settings)) as client:
        for path in ("/", "/assets/app-3f2a.js", "/api/v1/auth/session", "/health"):
            response = await client.get(path)
            assert response.headers["strict-transport-security"].startswith("max-age="), path
            assert response.headers["x-content-type-options"] == "nosniff", path
            assert response.headers["referrer-policy"] == "no-referrer", path
            assert response.headers["x-frame-options"] == "DENY", path
        shell = await client.get("/")
        assert shell.headers["content-security-policy"] == CSP
        assert "frame-ancestors 'none'" in CSP
        assert "object-src 'none'" in CSP
