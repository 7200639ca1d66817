# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Hostile-input bounds and rate limits: each answers with problem details and changes nothing.

- Rate limits: per account for writes, per client address for anonymous writes, sign-ins and
  activation codes; shared between two app instances through a real Redis (127.0.0.1:6379, or
  ``WELKOM_TEST_REDIS_URL``); 429 with ``Retry-After`` and a localized message.
- Bounds: oversized bodies (declared and chunked), deep JSON, multipart part count, upload bombs
  (nothing is ever decompressed), slow clients, idle keep-alive connections and huge headers
  against a real uvicorn server configured like ``welkom serve``.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import struct
import time
import uuid
import zlib
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import time_machine
import uvicorn
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import login, make_settings, row_counts
from welkom.app import create_app
from welkom.cli import server_limits
from welkom.core.i18n import gettext
from welkom.core.settings import Settings
from welkom.core.settings_sections import RateLimitSettings

REDIS_URL = os.environ.get("WELKOM_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
QUESTION = {"text": "Wanneer krijg ik een huis?", "language": "nl"}


def assert_problem(response: Any, status: int, slug: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    assert body["title"]
    if slug:
        assert body["type"] == f"urn:welkom:problem:{slug}", body
    return body


@pytest.fixture(autouse=True)
def _at_the_start_of_a_window() -> Iterator[None]:
    """Rate limits count in fixed windows of the clock (core/ratelimit.py). Each test starts
    at the beginning of the next one, so no window ends between the requests a test counts,
    however slow the machine."""
    window = RateLimitSettings.model_fields["window_seconds"].default
    start = (time.time() // window + 1) * window
    with time_machine.travel(datetime.fromtimestamp(start, UTC), tick=True):
        yield


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    """Uploads go to the test's own directory."""
    return make_settings(database_url, data_dir=tmp_path)


def limited(database_url: str, **overrides: object) -> Settings:
    """Test settings with small limits (``make_settings`` makes them generous)."""
    values: dict[str, object] = {
        "rate_limit_logins": 3,
        "rate_limit_activations": 2,
        "rate_limit_writes": 3,
        "rate_limit_anonymous_writes": 2,
        "secret_key": f"rate-limit-test-{uuid.uuid4().hex}",  # own Redis keys per test
    }
    values.update(overrides)
    return make_settings(database_url, **values)


@pytest.fixture
async def small_limits(database_url: str, seeded: None) -> AsyncIterator[AsyncTestClient]:
    async with AsyncTestClient(app=create_app(limited(database_url))) as client:
        yield client


def from_address(app: Litestar, address: str) -> httpx.AsyncClient:
    """A client calling ``app`` from another network address."""
    transport = httpx.ASGITransport(app=app, client=(address, 40000))  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


# --- rate limits -------------------------------------------------------------------------------


async def test_writes_are_limited_per_account_and_the_429_changes_nothing(
    small_limits: AsyncTestClient, db: AsyncSession
) -> None:
    client = small_limits
    resident = await login(client, "demo-resident")
    for _ in range(3):
        assert (
            await client.post("/api/v1/me/questions", json=QUESTION, headers=resident)
        ).status_code == 201
    before = await row_counts(db)
    refused = await client.post(
        "/api/v1/me/questions", json=QUESTION, headers={**resident, "Accept-Language": "nl"}
    )
    body = assert_problem(refused, 429, "too-many-requests")
    retry_after = int(refused.headers["retry-after"])
    assert 1 <= retry_after <= 60
    assert await row_counts(db) == before
    # Localized: the resident's own language (Arabic) wins over Accept-Language.
    assert refused.headers["content-language"] == "ar"
    assert str(retry_after) in body["detail"]
    # Reads are not limited; another account on the same address writes on.
    assert (await client.get("/api/v1/me/questions", headers=resident)).status_code == 200
    caseworker = await login(client, "demo-caseworker")
    note = await client.post(
        "/api/v1/admin/residents",
        json={"preferred_name": "Yonas", "preferred_language": "ti"},
        headers=caseworker,
    )
    assert note.status_code == 201, note.text


async def test_the_429_is_in_dutch_for_dutch_staff(small_limits: AsyncTestClient) -> None:
    caseworker = await login(small_limits, "demo-caseworker")
    statuses = []
    for _ in range(4):
        response = await small_limits.post(
            "/api/v1/admin/residents", json={"preferred_name": "X"}, headers=caseworker
        )
        statuses.append(response.status_code)
    assert 429 not in statuses[:3]
    body = assert_problem(response, 429, "too-many-requests")
    assert body["title"] == "Te veel verzoeken"
    assert "seconden opnieuw" in body["detail"]


async def test_anonymous_writes_are_limited_per_client_address(
    database_url: str, seeded: None, db: AsyncSession
) -> None:
    app = create_app(limited(database_url))
    async with from_address(app, "192.0.2.10") as first, from_address(app, "192.0.2.20") as second:
        for _ in range(2):
            assert (await first.post("/api/v1/me/questions", json=QUESTION)).status_code == 401
        before = await row_counts(db)
        refused = await first.post("/api/v1/me/questions", json=QUESTION)
        assert_problem(refused, 429, "too-many-requests")
        assert "retry-after" in refused.headers
        assert await row_counts(db) == before
        # Another address has its own count.
        assert (await second.post("/api/v1/me/questions", json=QUESTION)).status_code == 401


async def test_sign_ins_are_limited_per_client_address(
    database_url: str, seeded: None, db: AsyncSession
) -> None:
    app = create_app(limited(database_url))
    async with from_address(app, "192.0.2.30") as client, from_address(app, "192.0.2.31") as other:
        for _ in range(3):
            ok = await client.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
            assert ok.status_code == 200
        before = await row_counts(db)
        refused = await client.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
        assert_problem(refused, 429, "too-many-requests")
        # The OpenID Connect callback and device sign-in count in the same bucket.
        callback = await client.get("/api/v1/auth/oidc/nope/callback?code=x&state=y")
        assert_problem(callback, 429, "too-many-requests")
        assert_problem(await client.post("/api/v1/auth/device-login"), 429, "too-many-requests")
        assert await row_counts(db) == before  # no session was created
        ok = await other.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
        assert ok.status_code == 200


async def test_activation_codes_are_limited_per_client_address(
    small_limits: AsyncTestClient, db: AsyncSession
) -> None:
    code = {"code": "0000-0000-0000-0000-0000"}
    for _ in range(2):
        assert (await small_limits.post("/api/v1/auth/activation", json=code)).status_code == 400
    before = await row_counts(db)
    refused = await small_limits.post("/api/v1/auth/activation", json=code)
    assert_problem(refused, 429, "too-many-requests")
    assert await row_counts(db) == before  # not even a failed attempt is recorded


async def test_limits_can_be_switched_off(database_url: str, seeded: None) -> None:
    app = create_app(limited(database_url, rate_limit_enabled=False))
    async with AsyncTestClient(app=app) as client:
        for _ in range(6):
            response = await client.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
            assert response.status_code == 200


async def test_two_app_instances_share_one_limit_through_redis(
    database_url: str, seeded: None, db: AsyncSession
) -> None:
    import redis.asyncio

    settings = limited(database_url, redis_url=REDIS_URL)
    first, second = create_app(settings), create_app(settings)
    async with (
        AsyncTestClient(app=first) as one,
        AsyncTestClient(app=second) as two,
    ):
        resident = await login(one, "demo-resident")
        assert (
            await one.post("/api/v1/me/questions", json=QUESTION, headers=resident)
        ).status_code == 201
        assert (
            await two.post("/api/v1/me/questions", json=QUESTION, headers=resident)
        ).status_code == 201
        assert (
            await one.post("/api/v1/me/questions", json=QUESTION, headers=resident)
        ).status_code == 201
        before = await row_counts(db)
        assert_problem(await two.post("/api/v1/me/questions", json=QUESTION, headers=resident), 429)
        assert_problem(await one.post("/api/v1/me/questions", json=QUESTION, headers=resident), 429)
        assert await row_counts(db) == before
    client = redis.asyncio.Redis.from_url(REDIS_URL)
    try:
        keys = [k.decode() async for k in client.scan_iter("welkom:rl:writes:*")]
        assert keys, "the counters live in Redis"
        assert not any("127.0.0.1" in k or "testclient" in k for k in keys)
    finally:
        await client.aclose()


async def test_an_unreachable_redis_does_not_take_the_service_down(
    database_url: str, seeded: None
) -> None:
    app = create_app(limited(database_url, redis_url="redis://127.0.0.1:1/0"))
    async with AsyncTestClient(app=app) as client:
        for _ in range(5):  # beyond the limit: nothing counts, everything is let through
            response = await client.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
            assert response.status_code == 200


# --- bodies --------------------------------------------------------------------------------------


async def test_an_oversized_body_is_refused_with_413(
    client: AsyncTestClient, resident: dict, db: AsyncSession, settings: Settings
) -> None:
    before = await row_counts(db)
    big = {"text": "x" * (settings.http.request_max_body_bytes + 10), "language": "nl"}
    assert_problem(await client.post("/api/v1/me/questions", json=big, headers=resident), 413)

    assert await row_counts(db) == before


@pytest.mark.parametrize("depth", [33, 1_000, 200_000])
async def test_deep_json_is_refused_with_400(
    client: AsyncTestClient, resident: dict, db: AsyncSession, depth: int
) -> None:
    before = await row_counts(db)
    nested = b'{"text": "hoi", "language": "nl", "x": ' + b"[" * depth + b"]" * depth + b"}"
    response = await client.post(
        "/api/v1/me/questions",
        content=nested,
        headers={**resident, "Content-Type": "application/json"},
    )
    body = assert_problem(response, 400, "json-too-deep")
    assert "32" in body["detail"]
    assert await row_counts(db) == before


async def test_json_within_the_depth_limit_is_judged_on_its_content(
    client: AsyncTestClient, resident: dict
) -> None:
    nested = b'{"text": "hoi", "language": "nl", "x": ' + b"[" * 20 + b"]" * 20 + b"}"
    response = await client.post(
        "/api/v1/me/questions",
        content=nested,
        headers={**resident, "Content-Type": "application/json"},
    )
    assert_problem(response, 400, "validation")  # the unknown field, not the depth


# --- uploads -------------------------------------------------------------------------------------


def stored_files(settings: Settings) -> list[Path]:
    return [p for p in settings.storage_path.rglob("*") if p.is_file()]


async def test_a_multipart_form_with_too_many_parts_is_refused(
    client: AsyncTestClient, resident: dict, db: AsyncSession, settings: Settings
) -> None:
    before = await row_counts(db)
    fields = {f"field{i}": "x" for i in range(50)}
    response = await client.post(
        "/api/v1/me/documents",
        files={"file": ("scan.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")},
        data={"language": "nl", **fields},
        headers=resident,
    )
    assert_problem(response, 400)
    assert await row_counts(db) == before
    assert stored_files(settings) == []


def _png_bomb() -> bytes:
    """A valid PNG header claiming 100 000 × 100 000 pixels (30 GB decoded), a few KB on disk."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 5_000_000, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


async def test_compressed_bombs_are_never_inflated(
    client: AsyncTestClient, resident: dict, db: AsyncSession, settings: Settings
) -> None:
    # A gzip bomb (50 MB of zeros in ~50 KB), as a file and as a Content-Encoding: refused by
    # its sniffed type, never decompressed.
    bomb = gzip.compress(b"\x00" * 50_000_000, 9)
    before = await row_counts(db)
    for headers in (resident, {**resident, "Content-Encoding": "gzip"}):
        response = await client.post(
            "/api/v1/me/documents",
            files={"file": ("scan.pdf", bomb, "application/pdf")},
            data={"language": "nl"},
            headers=headers,
        )
        assert_problem(response, 415, "document-type-not-accepted")
    assert await row_counts(db) == before
    assert stored_files(settings) == []
    # An image that would decode to 30 GB is refused by its declared size, before any pixel
    # is decoded.
    response = await client.post(
        "/api/v1/me/documents",
        files={"file": ("scan.png", _png_bomb(), "image/png")},
        data={"language": "nl"},
        headers=resident,
    )
    assert_problem(response, 415, "document-type-not-accepted")
    assert await row_counts(db) == before
    assert stored_files(settings) == []


# --- the HTTP server: slow clients, keep-alive, headers ----------------------------------------


@pytest.fixture
async def served(database_url: str, seeded: None) -> AsyncIterator[tuple[str, int]]:
    """The app under uvicorn with the options ``welkom serve`` uses, and tight timeouts."""
    settings = make_settings(
        database_url,
        request_body_timeout_seconds=0.5,
        http_keep_alive_seconds=1,
        http_parser="h11",
        http_max_header_bytes=8 * 1024,
        log_level="WARNING",
    )
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=0, **server_limits(settings)
    )  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers no event for this
        await asyncio.sleep(0.02)
    yield "127.0.0.1", server.servers[0].sockets[0].getsockname()[1]
    server.should_exit = True
    await task


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {
        k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)
    }
    body = await asyncio.wait_for(reader.readexactly(int(headers.get("content-length", 0))), 5)
    return status, headers, body


async def test_a_slow_body_ends_with_408_and_changes_nothing(
    served: tuple[str, int], db: AsyncSession
) -> None:
    host, port = served
    async with httpx.AsyncClient(base_url=f"http://{host}:{port}") as http:
        token = (
            await http.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
        ).json()["token"]
    before = await row_counts(db)
    reader, writer = await asyncio.open_connection(host, port)
    body = json.dumps(QUESTION).encode()
    writer.write(
        b"POST /api/v1/me/questions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + f"Authorization: Bearer {token}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body[:10]
    )
    await writer.drain()  # ... and the rest never comes
    status, headers, content = await _read_response(reader)
    writer.close()
    assert status == 408
    assert headers["content-type"].startswith("application/problem+json")
    assert json.loads(content)["type"] == "urn:welkom:problem:request-timeout"
    assert await row_counts(db) == before


async def test_a_chunked_body_is_counted_while_it_streams(
    served: tuple[str, int], db: AsyncSession
) -> None:
    host, port = served
    limit = 1024 * 1024  # WELKOM_REQUEST_MAX_BODY_BYTES's default

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length
        yield b'{"text": "'
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536
        yield b'", "language": "nl"}'

    before = await row_counts(db)
    async with httpx.AsyncClient(base_url=f"http://{host}:{port}") as http:
        token = (
            await http.post("/api/v1/auth/demo-login", json={"login": "demo-resident"})
        ).json()["token"]
        before = await row_counts(db)
        response = await http.post(
            "/api/v1/me/questions",
            content=chunks(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
    assert "content-length" not in response.request.headers
    assert_problem(response, 413)
    assert await row_counts(db) == before


async def test_idle_keep_alive_connections_are_closed(served: tuple[str, int]) -> None:
    host, port = served
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
    status, _, _ = await _read_response(reader)
    assert status == 200
    # Idle past WELKOM_HTTP_KEEP_ALIVE_SECONDS (1 s): the server hangs up.
    assert await asyncio.wait_for(reader.read(1), 5) == b""
    writer.close()


async def test_oversized_headers_are_refused_by_the_server(served: tuple[str, int]) -> None:
    host, port = served
    reader, writer = await asyncio.open_connection(host, port)
    # More than one read's worth (64 KB): h11 refuses an incomplete head beyond the limit.
    writer.write(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Junk: " + b"a" * 200_000 + b"\r\n\r\n")
    await writer.drain()
    head = await asyncio.wait_for(reader.read(200), 5)
    writer.close()
    assert head.startswith(b"HTTP/1.1 400"), head  # uvicorn's own answer: the app never sees it


# --- NUL characters (PostgreSQL cannot store them: they used to end in a 500) -----------------


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/v1/me/questions", {"text": "a\u0000b", "language": "nl"}),
        ("PATCH", "/api/v1/me", {"preferred_name": "a\u0000b"}),
        ("POST", "/api/v1/auth/demo-login", {"login": "demo-\u0000resident"}),
        ("POST", "/api/v1/me/questions", {"text": "hoi", "language": "nl", "\u0000": 1}),
        ("GET", "/api/v1/me/questions?cursor=a%00b", None),
        ("GET", "/api/v1/services?q=%00", None),
    ],
)
async def test_nul_characters_are_refused_with_400(
    client: AsyncTestClient, resident: dict, db: AsyncSession, method: str, path: str, body: Any
) -> None:
    before = await row_counts(db)
    response = await client.request(method, path, json=body, headers=resident)
    problem = assert_problem(response, 400, "validation")
    # In the resident's language (Amal reads Arabic).
    assert problem["errors"][0]["message"] == gettext("Text may not contain NUL characters.", "ar")
    assert response.headers["content-language"] == "ar"
    assert await row_counts(db) == before


async def test_a_po_file_with_a_nul_character_is_refused(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    editor = await login(client, "demo-editor")
    exported = await client.get(
        "/api/v1/admin/translations/export", params={"language": "en"}, headers=editor
    )
    assert exported.status_code == 200, exported.text
    poisoned = exported.content.replace(b'msgstr ""', b'msgstr "x\x00y"', 1)
    assert poisoned != exported.content
    before = await row_counts(db)
    response = await client.post(
        "/api/v1/admin/translations/import",
        params={"language": "en"},
        content=poisoned,
        headers={**editor, "Content-Type": "text/plain"},
    )
    assert_problem(response, 400, "validation")
    assert await row_counts(db) == before


# --- trusted proxies ---------------------------------------------------------------------------


async def _serve_like_welkom_serve(settings: Settings) -> tuple[uvicorn.Server, asyncio.Task, str]:
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=0, **server_limits(settings)
    )  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers no event for this
        await asyncio.sleep(0.02)
    return server, task, f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"


async def _wrong_codes_with_rotating_forwarded_for(base: str, count: int) -> list[int]:
    async with httpx.AsyncClient(base_url=base) as http:
        return [
            (
                await http.post(
                    "/api/v1/auth/activation",
                    json={"code": "AAAA-AAAA-AAAA-AAAA-AAAA"},
                    headers={"X-Forwarded-For": f"198.51.100.{n}"},
                )
            ).status_code
            for n in range(count)
        ]


async def test_rotating_forwarded_for_from_loopback_does_not_bypass_the_activation_limit(
    database_url: str, seeded: None
) -> None:
    """By default no proxy is trusted, loopback included: a client cannot pick its address."""
    settings = make_settings(database_url, activation_max_failures=3, log_level="WARNING")
    assert settings.http.forwarded_allow_ips == ""
    server, task, base = await _serve_like_welkom_serve(settings)
    try:
        statuses = await _wrong_codes_with_rotating_forwarded_for(base, 5)
    finally:
        server.should_exit = True
        await task
    assert statuses == [400, 400, 400, 429, 429]


async def test_a_configured_proxy_is_trusted_for_the_client_address(
    database_url: str, seeded: None
) -> None:
    """With the reverse proxy's address configured, each forwarded client counts on its own."""
    settings = make_settings(
        database_url,
        activation_max_failures=3,
        forwarded_allow_ips="127.0.0.1",
        log_level="WARNING",
    )
    server, task, base = await _serve_like_welkom_serve(settings)
    try:
        statuses = await _wrong_codes_with_rotating_forwarded_for(base, 5)
    finally:
        server.should_exit = True
        await task
    assert statuses == [400] * 5


def test_the_helm_values_name_the_trusted_proxies_explicitly() -> None:
    """The chart passes the setting on; production names its ingress, never loopback or `*`."""
    import ipaddress

    import yaml

    chart = Path(__file__).resolve().parents[1] / "infra" / "helm" / "welkom"
    default = yaml.safe_load((chart / "values.yaml").read_text())["config"]
    production = yaml.safe_load((chart / "values-production.yaml").read_text())["config"]
    assert default["FORWARDED_ALLOW_IPS"] == ""
    networks = [
        ipaddress.ip_network(n.strip()) for n in production["FORWARDED_ALLOW_IPS"].split(",")
    ]
    assert networks
    assert not any(n.overlaps(ipaddress.ip_network("127.0.0.0/8")) for n in networks)
    Settings(env="test", forwarded_allow_ips=production["FORWARDED_ALLOW_IPS"])
