# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The Litestar application factory."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncGenerator, Callable
from typing import Any

from litestar import Litestar, Request
from litestar.config.compression import CompressionConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from welkom import __version__, web
from welkom.admin import answers as admin_answers
from welkom.admin import conversations as admin_conversations
from welkom.admin.plugin import PLUGIN as ADMIN
from welkom.admin.routing import RegisterAnswerHandler
from welkom.audit.plugin import PLUGIN as AUDIT
from welkom.auth.guards import authentication_middleware, csrf_guard
from welkom.auth.oidc_tokens import OidcClients
from welkom.auth.plugin import PLUGIN as AUTH
from welkom.cases.plugin import PLUGIN as CASES
from welkom.cases.routes import RequeueRecorder
from welkom.cases.service import CaseRouting, RegisterInteractionHandler
from welkom.consent.plugin import PLUGIN as CONSENT
from welkom.core import openapi
from welkom.core.bounds import WelkomRequest, request_bounds_middleware
from welkom.core.database import (
    assert_migrated,
    create_engine,
    request_session,
    request_session_middleware,
    session_factory,
)
from welkom.core.gdpr import REGISTRY as GDPR_REGISTRY
from welkom.core.guards import provide_principal
from welkom.core.idempotency import provide_idempotency_key
from welkom.core.logging import configure_logging
from welkom.core.metrics import metrics_middleware
from welkom.core.middleware import install_edge_middleware, request_context_middleware
from welkom.core.plugins import CORE_PLUGIN, DomainPlugin
from welkom.core.problems import check_language_override, problem_details_plugin
from welkom.core.ratelimit import create_store, rate_limit_middleware
from welkom.core.settings import Environment, Settings, get_settings
from welkom.core.unit_of_work import after_commit, request_transaction
from welkom.gdpr.plugin import PLUGIN as GDPR
from welkom.i18n.plugin import PLUGIN as I18N
from welkom.interactions import service as interactions
from welkom.interactions.plugin import PLUGIN as INTERACTIONS
from welkom.journey.plugin import PLUGIN as JOURNEY
from welkom.klantcontact import service as klantcontact
from welkom.klantcontact.routing import KlantcontactRouting, klantcontact_handlers
from welkom.notifications import service as notifications
from welkom.notifications.plugin import PLUGIN as NOTIFICATIONS
from welkom.notifications.push import PushHandler
from welkom.outbox.metrics import outbox_collector
from welkom.outbox.worker import OutboxHandler, OutboxWorker
from welkom.processing import service as processing
from welkom.reports.plugin import PLUGIN as REPORTS
from welkom.residents.plugin import PLUGIN as RESIDENTS
from welkom.residents.tenancy import tenant_guard
from welkom.services.plugin import PLUGIN as SERVICES
from welkom.translation.plugin import PLUGIN as TRANSLATION
from welkom.volunteers.plugin import PLUGIN as VOLUNTEERS

#: Every domain's part of the app. The order of those with resident data is the order of a GDPR
#: export's sections (:func:`register_domains`).
DOMAINS: tuple[DomainPlugin, ...] = (
    CORE_PLUGIN,
    RESIDENTS,
    CONSENT,
    JOURNEY,
    GDPR,
    VOLUNTEERS,
    ADMIN,
    AUTH,
    AUDIT,
    INTERACTIONS,
    CASES,
    SERVICES,
    NOTIFICATIONS,
    REPORTS,
    I18N,
    TRANSLATION,
    web.PLUGIN,
)

#: Most parts in a multipart form (an upload has two: ``file`` and ``language``).
MULTIPART_PART_LIMIT = 8


def register_domains() -> None:
    """Fill core's registries with what each domain contributes (:data:`DOMAINS`). Called at
    start (the app, the CLI); registering again is harmless."""
    GDPR_REGISTRY.register(*(handler for domain in DOMAINS for handler in domain.gdpr_handlers))


def outbox_handlers(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings | None = None,
    *,
    case_routing: CaseRouting,
    klantcontact_routing: KlantcontactRouting,
) -> dict[str, OutboxHandler]:
    """Every outbox kind and its handler. A new kind is registered here.

    Pushes need the settings (VAPID keys, quiet-hour defaults); without them push entries wait
    for a worker that has them. The routings stay the caller's, who closes them when done.
    """
    handlers: dict[str, OutboxHandler] = {
        interactions.REGISTER_KIND: RegisterInteractionHandler(sessions, routing=case_routing),
        admin_conversations.ANSWER_KIND: RegisterAnswerHandler(sessions, routing=case_routing),
    }
    handlers |= klantcontact_handlers(klantcontact_routing)
    if settings is not None:
        handlers[notifications.PUSH_KIND] = PushHandler(sessions, settings)
    return handlers


def registration_kinds() -> dict[str, RequeueRecorder]:
    """Outbox kinds that register something in a case system: records management lists and
    retries them (``/api/v1/admin/registrations``). Each names how its subject records "pending
    again" when retried. A new registration kind is registered here too."""
    return {
        interactions.REGISTER_KIND: interactions.record_pending,
        admin_conversations.ANSWER_KIND: admin_answers.record_answer_pending,
        klantcontact.QUESTION_KIND: klantcontact.record_pending,
        klantcontact.ANSWER_KIND: klantcontact.record_pending,
    }


def _provide_settings(state: State) -> Settings:
    settings: Settings = state.settings
    return settings


def _provide_outbox_wake(request: Request[Any, Any, Any], state: State) -> Callable[[], None]:
    """``outbox_wake()``: wake the in-process worker once the request's change is committed."""
    worker: OutboxWorker | None = state.get("worker")
    if worker is None:
        return lambda: None
    return lambda: after_commit(request_session(request.scope), worker.wake.set)


def create_app(settings: Settings | None = None, *, engine: AsyncEngine | None = None) -> Litestar:
    settings = settings or get_settings()
    register_domains()
    configure_logging(settings.log.level, json=settings.log.json_lines)
    processing.configure(settings)  # refuses to start on a bad register of processing activities
    engine = engine or create_engine(settings)
    sessions = session_factory(engine)
    state = State(
        {
            "settings": settings,
            "engine": engine,
            "session_factory": sessions,
            "oidc": OidcClients(settings),
            "case_routing": CaseRouting(sessions, settings),
            "klantcontact_routing": KlantcontactRouting(
                sessions, settings, conversations=admin_answers
            ),
            "rate_limit_store": create_store(settings),
        }
    )
    # Every outbox kind's handler: the in-process worker delivers with them, and GET /metrics
    # reads the depth and age of each kind from the database.
    handlers = outbox_handlers(
        sessions,
        settings,
        case_routing=state.case_routing,
        klantcontact_routing=state.klantcontact_routing,
    )
    state.scrape_collectors = [outbox_collector(sorted(handlers))]
    state.registration_kinds = registration_kinds()

    @contextlib.asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncGenerator[None, None]:
        await assert_migrated(engine)
        await app.state.case_routing.assert_valid()  # refuse to start on a bad case-type file
        stop, task = asyncio.Event(), None
        if settings.run_worker_in_process:
            worker = OutboxWorker(sessions, handlers, settings, name="in-process")
            app.state.worker = worker
            task = asyncio.create_task(worker.run(stop))
        try:
            yield
        finally:
            stop.set()
            if task is not None:
                await task
            await app.state.case_routing.aclose()
            await app.state.klantcontact_routing.aclose()
            await app.state.rate_limit_store.aclose()
            await engine.dispose()

    app = Litestar(
        state=state,
        lifespan=[lifespan],
        dependencies={
            "db": Provide(request_transaction),  # the request's unit of work
            "settings": Provide(_provide_settings, sync_to_thread=False),
            "idempotency_key": Provide(provide_idempotency_key, sync_to_thread=False),
            "principal": Provide(provide_principal),
            "outbox_wake": Provide(_provide_outbox_wake, sync_to_thread=False),
        },
        middleware=[
            request_session_middleware,
            authentication_middleware,
            rate_limit_middleware,  # after authentication: writes count per account
            request_bounds_middleware,  # after authentication: refusals in the caller's language
        ],
        guards=[csrf_guard, tenant_guard],  # on every route, before the route's own guard
        before_request=check_language_override,
        plugins=[problem_details_plugin(), *DOMAINS],
        # The PWA's files only: API answers are never compressed (no BREACH on tokens).
        compression_config=CompressionConfig(backend="gzip", exclude=["^/api/", "^/schema"]),
        openapi_config=OpenAPIConfig(
            title="Welkom API",
            version=__version__,
            path="/schema",
            render_plugins=[JsonRenderPlugin(path=["/", "/openapi.json"])],
            use_handler_docstrings=True,  # a handler's docstring describes it unless description=
        ),
        request_max_body_size=settings.http.request_max_body_bytes,
        request_class=WelkomRequest,
        multipart_form_part_limit=MULTIPART_PART_LIMIT,
        logging_config=None,
        debug=False,
    )
    # Outermost: every response, refusals and unknown paths included, counted, logged and given
    # a request id and the security headers with its real status.
    install_edge_middleware(
        app,
        metrics_middleware,
        request_context_middleware(hsts=settings.env is Environment.production),
    )
    openapi.install(app)  # errors documented as problem details, strict bodies as strict
    return app


def create_served_app(
    settings: Settings | None = None, *, engine: AsyncEngine | None = None
) -> Litestar:
    """The app as ``welkom serve`` and ``welkom demo`` run it: :func:`create_app` plus
    process-wide tuning that tests (many apps in one process) must not get."""
    app = create_app(settings, engine=engine)
    app.on_startup.append(freeze_startup_objects)
    return app


def freeze_startup_objects() -> None:
    """Keep what starting made (routes, schemas, mappers, catalogs) out of garbage collection.

    Those objects live as long as the process, yet every full collection walked all of them: a
    pause of tens of milliseconds that showed as the p95 latency under load (bench/RESULTS.md,
    2026-11-24: GET /api/v1/me p95 112 ms before, 25 ms after, same load). A request's own
    objects are freed by reference counting; the higher first threshold makes the collections
    that look for cycles among them rarer.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(5_000, 10, 10)
