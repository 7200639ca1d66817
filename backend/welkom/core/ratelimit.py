# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Rate limits: sign-ins and activation codes per client address, writes per account (or per
client address for anonymous callers). Answered with 429 problem details and ``Retry-After``.

Fixed windows counted in a shared store, so several API processes enforce one limit: Redis when
``WELKOM_REDIS_URL`` is set (one atomic ``INCR`` per request), process memory otherwise (the
embedded default runs one process). Keys hold a keyed hash of the address or account, never the
address itself. If Redis cannot be reached the request is let through and a warning is logged:
a rate limit must not take the service down.

The middleware runs after authentication (it needs the account) and before the route, so a
refused request reaches no handler and changes nothing.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import math
import time
from dataclasses import dataclass
from typing import Any, Protocol

import structlog
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Receive, Scope, Send

from welkom.core.i18n import N_
from welkom.core.problems import Problem
from welkom.core.settings import Settings

log = structlog.get_logger("welkom.ratelimit")

#: Operations that sign someone in (limited per client address).
LOGIN_OPERATIONS = frozenset(
    {
        "demoLogin",
        "deviceLogin",
        "oidcLogin",
        "oidcCallback",
        "passkeySignInOptions",
        "passkeyLogin",
    }
)
#: Redeeming an activation code (limited per client address, on top of the wrong-code limit).
ACTIVATION_OPERATIONS = frozenset({"redeemActivationCode"})
#: Writes not counted against the general write limit: the ZGW Notificaties API's callbacks
#: (machine traffic, authenticated by their own token).
UNLIMITED_OPERATIONS = frozenset({"receiveZgwNotification"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
#: After a Redis failure, requests skip the limits this long before Redis is tried again.
REDIS_RETRY_SECONDS = 5.0


class RateLimitStore(Protocol):
    async def hit(self, key: str, window_seconds: int) -> tuple[int, float]:
        """Count one request for ``key``; return the count in the current window and the
        seconds until that window ends."""

    async def aclose(self) -> None: ...


def _window(window_seconds: int) -> tuple[int, float]:
    now = time.time()
    index = int(now // window_seconds)
    return index, (index + 1) * window_seconds - now


class MemoryStore:
    """One process's counters (the embedded default; tests)."""

    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, int]] = {}
        self._lock = asyncio.Lock()

    async def hit(self, key: str, window_seconds: int) -> tuple[int, float]:
        index, remaining = _window(window_seconds)
        async with self._lock:
            if len(self._counts) > 100_000:  # forget finished windows now and then
                self._counts = {k: v for k, v in self._counts.items() if v[0] == index}
            window, count = self._counts.get(key, (index, 0))
            count = count + 1 if window == index else 1
            self._counts[key] = (index, count)
        return count, remaining

    async def aclose(self) -> None:
        return None


class RedisStore:
    """Counters in Redis, shared by every API process: ``INCR`` and ``EXPIREAT`` in one
    transaction on a key per window."""

    def __init__(self, url: str) -> None:
        from redis.asyncio import Redis

        self._redis = Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
        self._unreachable_until = 0.0

    async def hit(self, key: str, window_seconds: int) -> tuple[int, float]:
        if time.monotonic() < self._unreachable_until:  # do not wait on a dead Redis each time
            raise ConnectionError("Redis was unreachable a moment ago")
        index, remaining = _window(window_seconds)
        window_key = f"welkom:rl:{key}:{index}"
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(window_key)
                pipe.expireat(window_key, (index + 1) * window_seconds + 1)
                count, _ = await pipe.execute()
        except Exception:
            self._unreachable_until = time.monotonic() + REDIS_RETRY_SECONDS
            raise
        return int(count), remaining

    async def aclose(self) -> None:
        await self._redis.aclose()


def create_store(settings: Settings) -> RateLimitStore:
    return RedisStore(settings.redis_url) if settings.redis_url else MemoryStore()


@dataclass(frozen=True)
class Limit:
    bucket: str
    requests: int


def limit_for(
    settings: Settings, operation_id: str | None, method: str, signed_in: bool
) -> Limit | None:
    """Which limit a request counts against (one at most)."""
    if operation_id in LOGIN_OPERATIONS:
        return Limit("login", settings.rate_limit.logins)
    if operation_id in ACTIVATION_OPERATIONS:
        return Limit("activation", settings.rate_limit.activations)
    if method in SAFE_METHODS or operation_id in UNLIMITED_OPERATIONS:
        return None
    if signed_in:
        return Limit("writes", settings.rate_limit.writes)
    return Limit("anonymous-writes", settings.rate_limit.anonymous_writes)


def too_many_requests(retry_after: int) -> Problem:
    return Problem(
        429,
        "too-many-requests",
        N_("Too many requests"),
        N_("Too many requests in a short time. Please try again in {seconds} seconds."),
        params={"seconds": retry_after},
        headers={"Retry-After": str(retry_after)},
    )


def _subject(settings: Settings, scope: Scope, bucket: str) -> str:
    """Whom the limit counts: the account for signed-in writes, else the client address."""
    user = scope.get("user")
    if bucket == "writes" and user is not None:
        raw = f"account:{user.account_id}"
    else:
        client = scope.get("client")
        raw = f"address:{client[0] if client else 'unknown'}"
    digest = hmac.new(settings.secret_key.encode(), raw.encode(), hashlib.sha256)
    return digest.hexdigest()[:24]


def rate_limit_middleware(app: ASGIApp) -> ASGIApp:
    """ASGI middleware (after authentication): count the request, refuse past the limit."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        state = scope["app"].state
        settings: Settings = state.settings
        store: RateLimitStore | None = state.get("rate_limit_store")
        handler: Any = scope.get("route_handler")
        limit = (
            limit_for(
                settings,
                getattr(handler, "operation_id", None),
                scope["method"],
                scope.get("user") is not None,
            )
            if settings.rate_limit.enabled and store is not None
            else None
        )
        if limit is not None and store is not None:  # a limit implies a store
            key = f"{limit.bucket}:{_subject(settings, scope, limit.bucket)}"
            try:
                count, remaining = await store.hit(key, settings.rate_limit.window_seconds)
            except Exception as exc:  # the store is down: let the request through
                log.warning("rate_limit_store_unavailable", error_type=type(exc).__name__)
            else:
                if count > limit.requests:
                    log.info("rate_limited", bucket=limit.bucket)
                    raise too_many_requests(max(1, math.ceil(remaining)))
        await app(scope, receive, send)

    return middleware
