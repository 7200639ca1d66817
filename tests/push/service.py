# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A push service on loopback that receives pushes as a browser vendor's would.

For every ``POST /push/<token>`` it checks what RFC 8030, 8291 and 8292 require and answers
400/401/403/413 like a real push service when something is wrong:

- ``Content-Encoding: aes128gcm``, a ``TTL`` header (a non-negative integer), ``Urgency`` one of
  RFC 8030's four values, ``Topic`` (if sent) at most 32 base64url characters;
- ``Authorization: vapid t=<JWT>, k=<public key>``: ``k`` is the application server key the
  subscription was made with, the JWT is ES256-signed by it (verified with joserfc), its
  ``aud`` is this service's origin, ``exp`` is in the future and at most 24 hours away, and
  ``sub`` is a ``mailto:`` or ``https:`` contact;
- a body of at most 4096 bytes, which decrypts (http_ece, RFC 8291) with the subscriber's
  private key and auth secret.

Accepted messages are kept (decrypted) for the test to inspect. A test can queue the statuses
a subscription answers next (404, 410, 429, 503, …).
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey

from welkom.notifications.vapid import b64url, b64url_decode

URGENCIES = {"very-low", "low", "normal", "high"}
_AUTHORIZATION = re.compile(r"^vapid\s+t=([^,\s]+)\s*,\s*k=([A-Za-z0-9_-]+)\s*$", re.IGNORECASE)


@dataclass
class Subscriber:
    """A browser's side of a subscription: the keys only the device holds."""

    token: str
    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth_secret: bytes

    @property
    def p256dh(self) -> str:
        return b64url(
            self.private_key.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
        )

    def subscription_json(self) -> dict[str, Any]:
        """What ``PushSubscription.toJSON()`` gives the PWA."""
        return {
            "endpoint": self.endpoint,
            "expirationTime": None,
            "keys": {"p256dh": self.p256dh, "auth": b64url(self.auth_secret)},
        }


@dataclass
class Received:
    token: str
    headers: dict[str, str]  # names in lower case
    body_size: int
    plaintext: bytes
    claims: dict[str, Any]

    @property
    def payload(self) -> Any:
        return json.loads(self.plaintext)


@dataclass
class PushService:
    """Start with :meth:`start`; stop with :meth:`stop`."""

    application_server_key: str  # base64url, what the server hands to PushManager.subscribe()
    #: ``Retry-After`` sent with a 429.
    retry_after: str = "0"
    received: list[Received] = field(default_factory=list)
    rejected: list[tuple[str, int, str]] = field(default_factory=list)
    _subscribers: dict[str, Subscriber] = field(default_factory=dict)
    _script: dict[str, deque[int]] = field(default_factory=lambda: defaultdict(deque))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    @property
    def origin(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> PushService:
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                service._handle(self)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def new_subscriber(self) -> Subscriber:
        token = b64url(os.urandom(24))
        subscriber = Subscriber(
            token=token,
            endpoint=f"{self.origin}/push/{token}",
            private_key=ec.generate_private_key(ec.SECP256R1()),
            auth_secret=os.urandom(16),
        )
        self._subscribers[token] = subscriber
        return subscriber

    def answer_next(self, subscriber: Subscriber, *statuses: int) -> None:
        """The next pushes to ``subscriber`` are answered with these statuses, in order."""
        with self._lock:
            self._script[subscriber.token].extend(statuses)

    def messages_for(self, subscriber: Subscriber) -> list[Received]:
        return [m for m in self.received if m.token == subscriber.token]

    # --- the push service itself ---------------------------------------------------------

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        token = request.path.removeprefix("/push/")
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length)
        status, reason, message = self._check(token, request.headers, body)
        with self._lock:
            if status == 201 and self._script[token]:
                status, reason = self._script[token].popleft(), "scripted"
            if status == 201 and message is not None:
                self.received.append(message)
            elif status not in (404, 410, 429) and status < 500:
                self.rejected.append((token, status, reason))
        request.send_response(status)
        if status == 201:
            request.send_header("Location", f"{self.origin}/message/{len(self.received)}")
        if status == 429:
            request.send_header("Retry-After", self.retry_after)
        request.send_header("Content-Length", "0")
        request.end_headers()

    def _check(self, token: str, headers: Any, body: bytes) -> tuple[int, str, Received | None]:
        subscriber = self._subscribers.get(token)
        if subscriber is None:
            return 404, "no such subscription", None
        if headers.get("Content-Encoding") != "aes128gcm":
            return 400, "Content-Encoding must be aes128gcm", None
        ttl = headers.get("TTL")
        if ttl is None or not ttl.isdigit():
            return 400, "TTL header missing or not a non-negative integer", None
        if headers.get("Urgency") not in URGENCIES:
            return 400, "Urgency header missing or invalid", None
        topic = headers.get("Topic")
        if topic is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,32}", topic):
            return 400, "Topic must be at most 32 base64url characters", None
        if len(body) > 4096:
            return 413, "payload larger than 4096 bytes", None
        claims, problem = self._verify_vapid(headers.get("Authorization") or "")
        if problem:
            return (403 if problem.startswith("k ") else 401), problem, None
        try:
            plaintext = http_ece.decrypt(
                body,
                private_key=subscriber.private_key,
                auth_secret=subscriber.auth_secret,
                version="aes128gcm",
            )
        except Exception as exc:
            return 400, f"payload does not decrypt: {type(exc).__name__}", None
        return (
            201,
            "created",
            Received(
                token, {k.lower(): v for k, v in headers.items()}, len(body), plaintext, claims
            ),
        )

    def _verify_vapid(self, authorization: str) -> tuple[dict[str, Any], str | None]:
        match = _AUTHORIZATION.match(authorization)
        if not match:
            return {}, "Authorization is not `vapid t=…, k=…`"
        token, k = match.groups()
        if k != self.application_server_key:
            return {}, "k is not the application server key of the subscription"
        try:
            public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64url_decode(k))
            key = ECKey.import_key(
                public.public_bytes(
                    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
                )
            )
            decoded = jwt.decode(token, key, algorithms=["ES256"])
        except (JoseError, ValueError) as exc:
            return {}, f"JWT signature does not verify: {type(exc).__name__}"
        claims = dict(decoded.claims)
        now = time.time()
        if claims.get("aud") != self.origin:
            return claims, "JWT aud is not this push service's origin"
        if not isinstance(claims.get("exp"), int) or not now < claims["exp"] <= now + 86400:
            return claims, "JWT exp missing, past, or more than 24 hours away"
        if not str(claims.get("sub", "")).startswith(("mailto:", "https:")):
            return claims, "JWT sub is not a mailto: or https: contact"
        return claims, None
