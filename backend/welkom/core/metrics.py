# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Prometheus metrics: requests by route template, outbox depth and age, deliveries by kind,
Web Push results.

No personal data: labels are route templates (``/api/v1/me/questions``, never a concrete path
or query string), HTTP methods and status codes, outbox kinds and states, push results.

Request and delivery metrics live in this process (prometheus-client's default registry, or
its multi-process mode when ``PROMETHEUS_MULTIPROC_DIR`` is set, for ``welkom serve
--workers N``). Figures kept in the database (outbox depth and age,
:mod:`welkom.outbox.metrics`) are read at scrape time by the collectors the app factory lists
in the app state's ``scrape_collectors``.

``GET /metrics`` answers only with ``Authorization: Bearer <WELKOM_METRICS_TOKEN>``; without
a configured token the endpoint does not exist (404).
"""

from __future__ import annotations

import hmac
import os
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

from litestar import Request, Response, get
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.core.guards import public
from welkom.core.i18n import N_
from welkom.core.problems import Problem

#: Buckets for API latency (seconds): fine-grained below 100 ms, where the goals are.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
UNMATCHED_ROUTE = "(unmatched)"

HTTP_REQUESTS = Counter(
    "welkom_http_requests",
    "HTTP requests answered, by method, route template and status code.",
    ("method", "route", "status"),
)
HTTP_LATENCY = Histogram(
    "welkom_http_request_duration_seconds",
    "Time from request to the end of the response, by method, route template and status code.",
    ("method", "route", "status"),
    buckets=LATENCY_BUCKETS,
)
OUTBOX_ATTEMPTS = Counter(
    "welkom_outbox_delivery_attempts",
    "Outbox deliveries attempted by this process, by kind (e.g. case registrations).",
    ("kind",),
)
OUTBOX_RESULTS = Counter(
    "welkom_outbox_delivery_results",
    "Outcomes of outbox deliveries by kind: delivered, retry (failed, tried again later), "
    "parked (refused; a person must look) or lease_lost (another worker took it over).",
    ("kind", "outcome"),
)
OUTBOX_DURATION = Histogram(
    "welkom_outbox_delivery_duration_seconds",
    "Time a delivery took (the call to the receiving system and the bookkeeping), by kind.",
    ("kind",),
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)

RETENTION_PRUNED = Counter(
    "welkom_retention_pruned_rows",
    "Expired bookkeeping rows deleted by retention, by policy (see docs/operations.md).",
    ("policy",),
)

#: What a push service's answer (or its absence) meant, the label values of PUSH_RESULTS.
PUSH_RESULT_NAMES = (
    "sent",
    "gone",
    "rejected",
    "retry",
    "unsendable",
    "invalid",
    "given_up",
    "removed",
)
PUSH_RESULTS = Counter(
    "welkom_push_results",
    "Web Push attempts by result: sent (2xx), gone (404/410: subscription expired, removed), "
    "rejected (other 4xx: parked for a person), retry (429, 5xx, timeout or network error: "
    "tried again later), unsendable (no usable keys or VAPID key: parked, nothing sent), "
    "invalid (an endpoint no push can reach: subscription removed) or given_up (the last "
    "allowed try failed); removed counts subscriptions removed after failures in a row.",
    ("result",),
)
for _result in PUSH_RESULT_NAMES:  # every series exists from the start (rate() needs a zero)
    PUSH_RESULTS.labels(_result)


def record_delivery(kind: str, outcome: str, seconds: float) -> None:
    """Count one delivery attempt and its outcome (called by the outbox worker)."""
    OUTBOX_ATTEMPTS.labels(kind).inc()
    OUTBOX_RESULTS.labels(kind, outcome).inc()
    OUTBOX_DURATION.labels(kind).observe(seconds)


def record_push(result: str) -> None:
    """Count one Web Push attempt by its result (one of :data:`PUSH_RESULT_NAMES`)."""
    PUSH_RESULTS.labels(result).inc()


def metrics_middleware(app: ASGIApp) -> ASGIApp:
    """ASGI middleware: count and time every HTTP request by its route template."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def send_and_watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await app(scope, receive, send_and_watch)
        finally:
            labels = (
                scope["method"],
                scope.get("path_template") or UNMATCHED_ROUTE,
                str(status),
            )
            HTTP_REQUESTS.labels(*labels).inc()
            HTTP_LATENCY.labels(*labels).observe(time.perf_counter() - started)

    return middleware


#: Figures read from the database at scrape time (outbox depth and age, say): given a session,
#: the metric families. Domains contribute them; the app factory lists them in the app state's
#: ``scrape_collectors``, so this module imports no domain.
ScrapeCollector = Callable[[AsyncSession], Awaitable[list[Metric]]]


class _Fixed(Collector):
    """Yields metric families computed beforehand (the figures read at scrape time)."""

    def __init__(self, families: Sequence[Metric]) -> None:
        self.families = families

    def collect(self) -> Iterable[Metric]:
        return self.families


def process_registry() -> CollectorRegistry:
    """This process's metrics, or every worker process's in multi-process mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return registry
    return REGISTRY


def _authorized(request: Request[Any, Any, Any], token: str) -> bool:
    authorization = request.headers.get("authorization", "")
    scheme, _, presented = authorization.partition(" ")
    if scheme.lower() != "bearer" or not presented:
        return False
    return hmac.compare_digest(presented.strip().encode(), token.encode())


@get(
    "/metrics",
    guards=[public],
    tags=["operations"],
    operation_id="metrics",
    include_in_schema=False,
    cache_control=None,
)
async def metrics(request: Request[Any, Any, Any]) -> Response[bytes]:
    """Prometheus exposition; needs ``Authorization: Bearer <WELKOM_METRICS_TOKEN>``."""
    state = request.app.state
    token = state.settings.metrics_token
    if token is None:
        raise Problem.not_found()
    if not _authorized(request, token.get_secret_value()):
        raise Problem(
            401,
            "unauthenticated",
            N_("Not signed in"),
            N_("Sign in to continue."),
            headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
        )
    scraped: list[Metric] = []
    async with state.session_factory() as db:
        for collect in state.get("scrape_collectors", ()):
            scraped += await collect(db)
    body = generate_latest(process_registry())
    extra = CollectorRegistry(auto_describe=False)
    extra.register(_Fixed(scraped))
    body += generate_latest(extra)
    # Litestar adds the charset itself.
    media_type = CONTENT_TYPE_LATEST.replace("; charset=utf-8", "")
    return Response(body, media_type=media_type, headers={"Cache-Control": "no-store"})


def worker_metrics_app(
    settings: Any, session_factory: Any, collectors: Sequence[ScrapeCollector]
) -> Any:
    """A small app for a worker process: ``/health`` and its own ``/metrics``.

    Workers serve no API; this lets Prometheus read their delivery counters (and Kubernetes probe
    their liveness) on a separate port, with the same bearer token as the API.
    """
    from litestar import Litestar
    from litestar.datastructures import State

    from welkom.core.health import health
    from welkom.core.problems import problem_details_plugin

    return Litestar(
        route_handlers=[health, metrics],
        state=State(
            {
                "settings": settings,
                "session_factory": session_factory,
                "scrape_collectors": list(collectors),
            }
        ),
        plugins=[problem_details_plugin()],
        openapi_config=None,
        logging_config=None,
        debug=False,
    )
