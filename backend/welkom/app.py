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

from welkom import __version__
from welkom.admin import answers as admin_answers
from welkom.admin import conversations as admin_conversations
from welkom.admin import gdpr as admin_gdpr
from welkom.admin.routes import (
    AdminCaseController,
    AdminConversationController,
    AdminResidentController,
    AdminSignalController,
    ResidentAnswerController,
)
from welkom.admin.routing import RegisterAnswerHandler
from welkom.audit import gdpr as audit_gdpr
from welkom.audit.routes import AccessLogController, AuditController
from welkom.auth import gdpr as auth_gdpr
from welkom.auth import passkey_gdpr
from welkom.auth.admin_routes import ActivationCodeController
from welkom.auth.guards import authentication_middleware, csrf_guard
from welkom.auth.oidc_tokens import OidcClients
from welkom.auth.passkey_routes import PasskeyController, PasskeyLoginController
from welkom.auth.routes import (
    ActivationController,
    DemoLoginController,
    OidcController,
    SessionController,
)
from welkom.cases.routes import (
    MyCasesController,
    NotificationCallbackController,
    RegistrationsController,
    RequeueRecorder,
)
from welkom.cases.service import CaseRouting, RegisterInteractionHandler
from welkom.consent import gdpr as consent_gdpr
from welkom.consent.routes import ConsentController, ConsentTranslationController
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
from welkom.core.health import health, ready, version
from welkom.core.idempotency import provide_idempotency_key
from welkom.core.logging import configure_logging
from welkom.core.metrics import metrics, metrics_middleware
from welkom.core.middleware import install_edge_middleware, request_context_middleware
from welkom.core.problems import check_language_override, problem_details_plugin
from welkom.core.ratelimit import create_store, rate_limit_middleware
from welkom.core.settings import Environment, Settings, get_settings
from welkom.core.unit_of_work import after_commit, request_transaction
from welkom.gdpr import foundation as gdpr_foundation
from welkom.gdpr import own as gdpr_own
from welkom.gdpr.routes import ErasureAdminController, GdprController
from welkom.i18n.routes import list_languages
from welkom.interactions import service as interactions
from welkom.interactions.routes import DocumentController, QuestionController
from welkom.journey import gdpr as journey_gdpr
from welkom.journey.routes import JourneyController, JourneyTranslationController
from welkom.klantcontact import service as klantcontact
from welkom.klantcontact.routing import KlantcontactRouting, klantcontact_handlers
from welkom.notifications import service as notifications
from welkom.notifications.push import PushHandler
from welkom.notifications.routes import CONTROLLERS as NOTIFICATION_CONTROLLERS
from welkom.outbox.metrics import outbox_collector
from welkom.outbox.worker import OutboxHandler, OutboxWorker
from welkom.processing import service as processing
from welkom.reports.routes import ReportController
from welkom.residents import gdpr as residents_gdpr
from welkom.residents.routes import HouseholdController, MeController
from welkom.residents.tenancy import tenant_guard
from welkom.services.routes import (
    AdminServiceController,
    AdminTranslationController,
    ServiceController,
)
from welkom.translation.routes import TranslationLanguagesController, TranslationServerController
from welkom.volunteers import gdpr as volunteers_gdpr
from welkom.volunteers.routes import (
    CoordinatorHelpRequestController,
    CoordinatorVolunteerController,
    ResidentHelpRequestController,
    VolunteerController,
)
from welkom.web import pwa_directory, pwa_router

#: Most parts in a multipart form (an upload has two: ``file`` and ``language``).
MULTIPART_PART_LIMIT = 8


def register_domains() -> None:
    """Fill core's registries with what each domain contributes. Called at start (the app, the
    CLI); registering again is harmless.

    GDPR: every table handler, in export order. A new domain with resident data adds its
    ``HANDLERS`` here.
    """
    GDPR_REGISTRY.register(
        *residents_gdpr.HANDLERS,
        *consent_gdpr.HANDLERS,
        *journey_gdpr.HANDLERS,
        *gdpr_foundation.HANDLERS,
        *gdpr_own.HANDLERS,
        *volunteers_gdpr.HANDLERS,
        *admin_gdpr.HANDLERS,
        *auth_gdpr.HANDLERS,
        *passkey_gdpr.HANDLERS,
        *audit_gdpr.HANDLERS,
    )


def outbox_handlers(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings | None = None,
    *,
    case_routing: CaseRouting | None = None,
) -> dict[str, OutboxHandler]:
    """Every outbox kind and its handler. A new kind is registered here.

    Pushes need the settings (VAPID keys, quiet-hour defaults); without them push entries wait
    for a worker that has them.
    """
    routing = case_routing or CaseRouting(sessions, settings)
    handlers: dict[str, OutboxHandler] = {
        interactions.REGISTER_KIND: RegisterInteractionHandler(sessions, routing=routing),
        admin_conversations.ANSWER_KIND: RegisterAnswerHandler(sessions, routing=routing),
    }
    handlers |= klantcontact_handlers(
        KlantcontactRouting(sessions, settings, conversations=admin_answers)
    )
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
    return state.settings


def _provide_outbox_wake(request: Request, state: State) -> Callable[[], None]:
    """``outbox_wake()``: wake the in-process worker once the request's change is committed."""
    worker: OutboxWorker | None = state.get("worker")
    if worker is None:
        return lambda: None
    return lambda: after_commit(request_session(request.scope), worker.wake.set)


def create_app(settings: Settings | None = None, *, engine: AsyncEngine | None = None) -> Litestar:
    settings = settings or get_settings()
    register_domains()
    configure_logging(settings.log_level, json=settings.log_json)
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
            "rate_limit_store": create_store(settings),
        }
    )
    # Figures read from the database at GET /metrics: the depth and age of every outbox kind.
    state.scrape_collectors = [outbox_collector(sorted(outbox_handlers(sessions)))]
    state.registration_kinds = registration_kinds()

    @contextlib.asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncGenerator[None, None]:
        await assert_migrated(engine)
        await app.state.case_routing.assert_valid()  # refuse to start on a bad case-type file
        stop, task = asyncio.Event(), None
        if settings.run_worker_in_process:
            worker = OutboxWorker(
                app.state.session_factory,
                outbox_handlers(
                    app.state.session_factory, settings, case_routing=app.state.case_routing
                ),
                settings,
                name="in-process",
            )
            app.state.worker = worker
            task = asyncio.create_task(worker.run(stop))
        try:
            yield
        finally:
            stop.set()
            if task is not None:
                await task
            await app.state.case_routing.aclose()
            await app.state.rate_limit_store.aclose()
            await engine.dispose()

    route_handlers: list[Any] = [
        health,
        ready,
        version,
        SessionController,
        ActivationController,
        OidcController,
        PasskeyController,
        PasskeyLoginController,
        ActivationCodeController,
        AccessLogController,
        AuditController,
        MeController,
        QuestionController,
        VolunteerController,
        ResidentHelpRequestController,
        CoordinatorVolunteerController,
        CoordinatorHelpRequestController,
        AdminResidentController,
        AdminCaseController,
        AdminConversationController,
        AdminSignalController,
        ResidentAnswerController,
        ReportController,
    ]
    route_handlers += [
        ServiceController,
        AdminServiceController,
        AdminTranslationController,
        list_languages,
    ]
    route_handlers += NOTIFICATION_CONTROLLERS
    route_handlers += [HouseholdController, ConsentController, JourneyController, GdprController]
    route_handlers.append(ErasureAdminController)
    route_handlers += [ConsentTranslationController, JourneyTranslationController]
    route_handlers += [
        DocumentController,
        MyCasesController,
        RegistrationsController,
        NotificationCallbackController,
    ]
    route_handlers += [TranslationServerController, TranslationLanguagesController]
    route_handlers.append(metrics)
    if settings.demo_login:
        route_handlers.append(DemoLoginController)
    if (pwa := pwa_directory(settings)) is not None:
        route_handlers.append(pwa_router(pwa))

    app = Litestar(
        route_handlers=route_handlers,
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
        plugins=[problem_details_plugin()],
        # The PWA's files only: API answers are never compressed (no BREACH on tokens).
        compression_config=CompressionConfig(backend="gzip", exclude=["^/api/", "^/schema"]),
        openapi_config=OpenAPIConfig(
            title="Welkom API",
            version=__version__,
            path="/schema",
            render_plugins=[JsonRenderPlugin(path=["/", "/openapi.json"])],
            use_handler_docstrings=True,  # a handler's docstring describes it unless description=
        ),
        request_max_body_size=settings.request_max_body_bytes,
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
