# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The authorization matrix: every route in the OpenAPI schema × every role × target.

HOW TO ADD A ROUTE (the test fails for any operationId in the schema without an entry here,
and for entries whose operationId is no longer in the schema):

    MATRIX["myOperationId"] = Case(
        expect={"default": 403, "anonymous": 401, "caseworker": 200},
        body={"field": "a valid value"},   # JSON body (valid, so allowed callers succeed)
        path={"thing_id": "…"},            # fixed path parameters other than resident_id
        query={"limit": 1},
    )

``expect`` maps a role (``"anonymous"`` or one of ``welkom.core.identity.ROLES``; ``"default"``
for every role not listed) to the expected status. For routes with ``{resident_id}`` in the
path, a role may map to a dict per *target* instead of one status:

- ``"own"``                — the caller's own resident record (residents only; others skip it),
- ``"same_municipality"``  — another resident of the caller's municipality,
- ``"other_municipality"`` — a resident of another municipality.

``by_reach(ok, *roles)`` builds the usual expectation for such routes: anonymous 401; roles
that may act get ``ok`` within their reach; everyone else 403 within reach; out of reach 404
(residents reach only themselves, staff their own municipality, volunteers no resident record).

Callers sign in fresh for every cell (demo login, bearer token) in the demo municipality, which
has one account per role. Beyond the table, every cell checks that (1) a resident in another
municipality answers exactly like a resident that does not exist (no existence leak) and
(2) no successful response contains an identifier of the other municipality or, for residents,
of another resident.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.auth_fixtures import World, bearer, build_world
from tests.conftest import login, make_settings
from tests.oidc.provider import oidc_issuers, providers
from welkom.app import create_app
from welkom.auth.models import Account
from welkom.core.guards import public, signed_in
from welkom.core.identity import ROLES

__all__ = ["oidc_issuers"]

CALLERS = ("anonymous", *sorted(ROLES))
TARGETS = ("own", "same_municipality", "other_municipality")
STAFF = ("caseworker", "coordinator", "editor", "reviewer", "records_manager", "admin")


@dataclass(frozen=True)
class Case:
    expect: dict[str, int | dict[str, int]]
    body: Any = None
    path: dict[str, str] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)

    def status(self, caller: str, target: str | None) -> int | None:
        expected = self.expect.get(caller, self.expect.get("default"))
        if isinstance(expected, dict):
            assert target is not None, "per-target expectations need {resident_id} in the path"
            return expected.get(target)
        assert expected is not None, f"no expectation for {caller}"
        return expected


def by_reach(ok: int, *allowed: str, **overrides: int | dict[str, int]) -> dict:
    """Expectations for a ``{resident_id}`` route under the role and tenant guards."""
    expect: dict[str, int | dict[str, int]] = {"anonymous": 401}
    for role in ROLES:
        status = ok if role in allowed else 403
        if role == "resident":
            expect[role] = {"own": status, "same_municipality": 404, "other_municipality": 404}
        elif role in STAFF:
            expect[role] = {"same_municipality": status, "other_municipality": 404}
        else:  # volunteers reach no resident record by id
            expect[role] = {"same_municipality": 404, "other_municipality": 404}
    expect.update(overrides)
    return expect


def only(ok: int, *allowed: str) -> dict[str, int | dict[str, int]]:
    return {"default": 403, "anonymous": 401, **dict.fromkeys(allowed, ok)}


NOWHERE = "00000000-0000-4000-8000-000000000000"  # an id that exists nowhere
VOLUNTEER_PROFILE = {"display_name": "Pieter", "languages": ["nl"], "areas": ["Centrum"]}
HELP_REQUEST = {
    "category": "bike",
    "description": "Een fiets",
    "wanted_from": (datetime.now(UTC) + timedelta(days=7)).isoformat(),
    "wanted_until": (datetime.now(UTC) + timedelta(days=7, hours=2)).isoformat(),
    "neighbourhood": "Centrum",
    "language": "nl",
}
SIGNED_IN = {"default": 200, "anonymous": 401}
NOBODY = str(uuid.UUID(int=0x5EED))  # an id that names nothing
CONTENT_READERS = ("admin", "editor", "reviewer")
CONTENT_WRITERS = ("admin", "editor")
TRANSLATION_OF_NOTHING = {"owner_id": NOBODY, "field": "title", "language": "ar"}
WRONG_CODE = {"code": "AAAA-AAAA-AAAA-AAAA-AAAA"}

MATRIX: dict[str, Case] = {
    # platform
    "health": Case({"default": 200}),
    "ready": Case({"default": 200}),
    "getVersion": Case({"default": 200}),
    # auth: sessions and sign-in
    "getSession": Case(SIGNED_IN),
    "logout": Case({"default": 204, "anonymous": 401}),
    "logoutEverywhere": Case({"default": 204, "anonymous": 401}),
    "listMySessions": Case(SIGNED_IN),
    "endMySession": Case(  # someone else's session id: never reachable
        {"default": 404, "anonymous": 401}, path={"session_id": str(uuid.uuid4())}
    ),
    "demoLogin": Case({"default": 200}, body={"login": "demo-volunteer"}),
    "staffSignInOptions": Case({"default": 200}),
    "redeemActivationCode": Case({"default": 400}, body=WRONG_CODE),
    "rememberDevice": Case(only(204, "resident")),
    "deviceLogin": Case({"default": 401}),  # no device cookie
    "oidcLogin": Case({"default": 303}, path={"provider_key": "staff"}),
    "oidcLink": Case(only(303, "resident"), path={"provider_key": "digid"}),
    "oidcCallback": Case({"default": 401}, path={"provider_key": "staff"}),
    "listMyPasskeys": Case(only(200, "resident")),
    "passkeyRegistrationOptions": Case(only(200, "resident")),
    "addPasskey": Case(  # a ceremony that was never started
        only(400, "resident"), body={"ceremony_id": NOBODY, "credential": {}}
    ),
    "removePasskey": Case(only(404, "resident"), path={"passkey_id": NOBODY}),
    "passkeySignInOptions": Case({"default": 200}, body={}),
    "passkeyLogin": Case({"default": 400}, body={"ceremony_id": NOBODY, "credential": {}}),
    # auth: admin
    "issueActivationCode": Case(by_reach(201, "caseworker")),
    "listActivationCodes": Case(by_reach(200, "caseworker")),
    # audit
    "getMyAccessLog": Case(only(200, "resident")),
    "listAuditEvents": Case(only(200, "records_manager")),
    # residents
    "getMe": Case(only(200, "resident")),
    "updateMe": Case(only(200, "resident"), body={"preferred_name": "Amal"}),
    "chooseMyLanguage": Case(only(200, "resident"), body={"language": "nl"}),
    # interactions
    "listQuestions": Case(only(200, "resident")),
    "askQuestion": Case(only(201, "resident"), body={"text": "Vraag", "language": "nl"}),
    # resident data, consent, journey, GDPR: the resident's own (state-changing cells send
    # invalid bodies or ids of nothing, so the matrix does not depend on the order of cells)
    "listMyDataChanges": Case(only(200, "resident")),
    "listHousehold": Case(only(200, "resident")),
    "addHouseholdMember": Case(only(400, "resident"), body={}),
    "updateHouseholdMember": Case(only(404, "resident"), path={"member_id": NOBODY}, body={}),
    "removeHouseholdMember": Case(only(404, "resident"), path={"member_id": NOBODY}),
    "listMyConsents": Case(only(200, "resident")),
    "changeMyConsent": Case(only(400, "resident"), body={}),
    "listMyConsentEntries": Case(only(200, "resident")),
    "getMyConsentReceipt": Case(only(404, "resident"), path={"entry_id": NOBODY}),
    "getMyJourney": Case(only(200, "resident")),
    "exportMyData": Case(only(200, "resident")),
    "requestErasure": Case(only(400, "resident"), body={"unknown": 1}),
    "getMyErasureRequest": Case(only(404, "resident")),
    # GDPR: records management decides erasure requests (ids of nothing: 404 once allowed)
    "listErasureRequests": Case(only(200, "records_manager"), query={"state": "requested"}),
    "getErasureRequest": Case(only(404, "records_manager"), path={"request_id": NOBODY}),
    "completeErasureRequest": Case(only(404, "records_manager"), path={"request_id": NOBODY}),
    "refuseErasureRequest": Case(
        only(404, "records_manager"), path={"request_id": NOBODY}, body={"reason": "Archiefwet"}
    ),
    # cases: the resident's cases and uploads; records management; ZGW callbacks (token-only)
    "uploadDocument": Case(only(400, "resident"), body={}),
    "listMyCases": Case(only(200, "resident")),
    "getMyCaseByReference": Case(only(404, "resident"), path={"reference": "K7Q2-9MXA"}),
    "listRegistrations": Case(only(200, "records_manager"), query={"state": "parked"}),
    "retryRegistration": Case(only(404, "records_manager"), path={"entry_id": NOBODY}),
    "receiveZgwNotification": Case(
        {"default": 403, "anonymous": 401},  # only the Notificaties API token opens it
        path={"code": "9999"},
        body={
            "kanaal": "zaken",
            "hoofdObject": "https://zaken.example.nl/zaken/api/v1/zaken/" + NOBODY,
            "resource": "status",
            "resourceUrl": "https://zaken.example.nl/zaken/api/v1/statussen/" + NOBODY,
            "actie": "create",
            "aanmaakdatum": "2026-11-24T08:00:00Z",
            "kenmerken": {},
        },
    ),
    # services: public reads (anonymous callers name the municipality)
    "listServices": Case({"default": 200}, query={"municipality": "9999"}),
    "getService": Case({"default": 404}, path={"item_id": NOBODY}, query={"municipality": "9999"}),
    "listLanguages": Case({"default": 200}),
    # services: editors write, reviewers review, both read (ids of nothing: 404 once allowed)
    "adminListServices": Case(only(200, *CONTENT_READERS)),
    "adminGetService": Case(only(404, *CONTENT_READERS), path={"item_id": NOBODY}),
    "adminCreateService": Case(only(400, *CONTENT_WRITERS), body={}),
    "adminUpdateService": Case(only(404, *CONTENT_WRITERS), path={"item_id": NOBODY}, body={}),
    "adminPreviewServiceBody": Case(only(200, *CONTENT_WRITERS), body={"body": "*x*"}),
    "adminPublishService": Case(only(404, *CONTENT_WRITERS), path={"item_id": NOBODY}),
    "adminUnpublishService": Case(only(404, *CONTENT_WRITERS), path={"item_id": NOBODY}),
    "adminArchiveService": Case(only(404, *CONTENT_WRITERS), path={"item_id": NOBODY}),
    "adminListPlaces": Case(only(200, *CONTENT_READERS)),
    "adminGetPlace": Case(only(404, *CONTENT_READERS), path={"place_id": NOBODY}),
    "adminCreatePlace": Case(only(400, *CONTENT_WRITERS), body={}),
    "adminReplacePlace": Case(only(400, *CONTENT_WRITERS), path={"place_id": NOBODY}, body={}),
    "adminListTranslations": Case(only(200, *CONTENT_READERS), query={"language": "ar"}),
    "adminTranslationProgress": Case(only(200, *CONTENT_READERS)),
    "adminExportTranslations": Case(only(200, *CONTENT_READERS), query={"language": "ar"}),
    "adminImportTranslations": Case(only(400, *CONTENT_READERS)),
    "adminSubmitTranslation": Case(
        only(400, *CONTENT_READERS), path=TRANSLATION_OF_NOTHING, body={}
    ),
    "adminReviewTranslation": Case(only(400, "reviewer"), path=TRANSLATION_OF_NOTHING),
    "adminListConsentTranslations": Case(only(200, *CONTENT_READERS), query={"language": "ar"}),
    "adminReviewConsentTranslation": Case(
        only(404, "reviewer"),
        path={"purpose": "sell_my_data", "version": "1", "language": "ar"},
    ),
    "adminSubmitConsentTranslation": Case(
        only(400, *CONTENT_READERS), path={"purpose": "sell_my_data", "language": "ar"}, body={}
    ),
    "adminListJourneyTranslations": Case(only(200, *CONTENT_READERS), query={"language": "ar"}),
    "adminSubmitJourneyTranslation": Case(
        only(400, *CONTENT_READERS), path={"key": "no_such_step", "language": "ar"}, body={}
    ),
    "adminReviewJourneyTranslation": Case(
        only(404, "reviewer"), path={"key": "no_such_step", "language": "ar"}
    ),
    # notifications: everyone signed in has their own inbox and devices
    "getPushPublicKey": Case({"default": 503}),  # no VAPID key configured in tests
    "listNotifications": Case(SIGNED_IN),
    "getNotification": Case({"default": 404, "anonymous": 401}, path={"item_id": NOBODY}),
    "markNotificationRead": Case({"default": 404, "anonymous": 401}, path={"item_id": NOBODY}),
    "markAllNotificationsRead": Case(SIGNED_IN),
    "listPushSubscriptions": Case(SIGNED_IN),
    "registerPushSubscription": Case({"default": 400, "anonymous": 401}, body={}),
    "deletePushSubscription": Case(
        {"default": 404, "anonymous": 401}, path={"subscription_id": NOBODY}
    ),
    "getNotificationPreferences": Case(SIGNED_IN),
    "updateNotificationPreferences": Case(SIGNED_IN, body={}),
    # volunteers (issue 8): the matrix's volunteer has no vetted profile, so sees nothing
    "getVolunteerProfile": Case(only(404, "volunteer")),
    "saveVolunteerProfile": Case(only(201, "volunteer"), body=VOLUNTEER_PROFILE),
    "listOpenHelpRequests": Case(only(403)),
    "listMyClaimedHelpRequests": Case(only(403)),
    "getHelpRequestAsVolunteer": Case(only(403), path={"request_id": NOWHERE}),
    "claimHelpRequest": Case(only(403), path={"request_id": NOWHERE}),
    "markHelpRequestDone": Case(only(403), path={"request_id": NOWHERE}),
    "markHelpRequestNoShow": Case(only(403), path={"request_id": NOWHERE}),
    "releaseHelpRequest": Case(only(403), path={"request_id": NOWHERE}),
    "createHelpRequest": Case(only(201, "resident"), body=HELP_REQUEST),
    "listMyHelpRequests": Case(only(200, "resident")),
    "getMyHelpRequest": Case(only(404, "resident"), path={"request_id": NOWHERE}),
    "cancelMyHelpRequest": Case(only(404, "resident"), path={"request_id": NOWHERE}),
    "rateMyHelpRequest": Case(
        only(404, "resident"), body={"rating": 4}, path={"request_id": NOWHERE}
    ),
    "reportHelpRequest": Case(
        only(404, "resident"), body={"text": "Probleem"}, path={"request_id": NOWHERE}
    ),
    "listVolunteers": Case(only(200, "coordinator")),
    "getVolunteer": Case(only(404, "coordinator"), path={"volunteer_id": NOWHERE}),
    "vetVolunteer": Case(
        only(404, "coordinator"), body={"vog_date": "2026-10-01"}, path={"volunteer_id": NOWHERE}
    ),
    "suspendVolunteer": Case(
        only(404, "coordinator"), body={"reason": "Klacht"}, path={"volunteer_id": NOWHERE}
    ),
    "liftVolunteerSuspension": Case(only(404, "coordinator"), path={"volunteer_id": NOWHERE}),
    "listHelpRequestsForCoordinator": Case(only(200, "coordinator")),
    "listAgeingHelpRequests": Case(only(200, "coordinator")),
    "listHelpReports": Case(only(200, "coordinator")),
    "reassignHelpRequest": Case(
        only(404, "coordinator"), body={"volunteer_id": None}, path={"request_id": NOWHERE}
    ),
    # caseworkers' admin API (issue 8)
    "listResidents": Case(only(200, "caseworker")),
    "createResident": Case(
        only(201, "caseworker"), body={"preferred_name": "Hana", "preferred_language": "ti"}
    ),
    "getResident": Case(by_reach(200, "caseworker")),
    "listResidentConversations": Case(by_reach(200, "caseworker")),
    "becomeResidentCaseworker": Case(by_reach(200, "caseworker"), body={"contact": "Di 9-12"}),
    "recordRegisteredData": Case(
        by_reach(200, "caseworker"), body={"legal_basis": "Wet BRP art. 2.1"}
    ),
    "listResidentChanges": Case(by_reach(200, "caseworker")),
    "listResidentHousehold": Case(by_reach(200, "caseworker")),
    "listResidentConsents": Case(by_reach(200, "caseworker")),
    "listResidentAccessLog": Case(by_reach(200, "caseworker")),
    "listCaseworkers": Case(only(200, "caseworker")),
    "listColleagues": Case(only(200, "records_manager")),
    "getResidentJourney": Case(by_reach(200, "caseworker")),
    "startResidentJourney": Case(by_reach(200, "caseworker")),
    "updateResidentJourneyStep": Case(
        by_reach(404, "caseworker"), body={"status": "done"}, path={"step_id": NOWHERE}
    ),
    "listConversations": Case(only(200, "caseworker")),
    "getConversation": Case(only(404, "caseworker"), path={"question_id": NOWHERE}),
    "getCaseByReference": Case(only(404, "caseworker"), path={"reference": "K7Q2-9MXA"}),
    "answerQuestion": Case(
        only(404, "caseworker"), body={"text": "Hallo"}, path={"question_id": NOWHERE}
    ),
    "addConversationNote": Case(
        only(404, "caseworker"), body={"text": "Notitie"}, path={"question_id": NOWHERE}
    ),
    "assignConversation": Case(
        only(404, "caseworker"), body={"account_id": None}, path={"question_id": NOWHERE}
    ),
    "setConversationWaitingFor": Case(
        only(404, "caseworker"), body={"waiting_for": "nobody"}, path={"question_id": NOWHERE}
    ),
    "setConversationNeedsInterpreter": Case(
        only(404, "caseworker"), body={"needs_interpreter": True}, path={"question_id": NOWHERE}
    ),
    # translation aids: a question that exists nowhere is 404 before "no server"
    "translateQuestion": Case(only(404, "caseworker"), path={"question_id": NOWHERE}),
    "translateAnswerDraft": Case(
        only(404, "caseworker"), body={"text": "Hallo"}, path={"question_id": NOWHERE}
    ),
    # the demo municipality has no translation server: the aids are absent
    "listTranslationLanguages": Case(only(404, "caseworker")),
    "getTranslationServer": Case(only(200, "records_manager", "admin")),
    "setTranslationServer": Case(only(200, "records_manager", "admin"), body={"url": None}),
    "listSignals": Case(only(200, "caseworker")),
    "listAnswersToMyQuestion": Case(only(404, "resident"), path={"question_id": NOWHERE}),
    "getReport": Case(
        only(200, "caseworker", "coordinator", "records_manager", "admin"),
        path={"name": "interactions"},
    ),
}


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str


def operations(app: Litestar) -> list[Operation]:
    schema = app.openapi_schema.to_schema()
    found = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                found.append(Operation(operation["operationId"], method.upper(), path))
    return found


@pytest.fixture
async def matrix_app(database_url: str, seeded: None, oidc_issuers: dict[str, str]) -> Litestar:
    return create_app(
        make_settings(
            database_url,
            public_base_url="http://testserver.local",
            oidc_providers=providers(oidc_issuers),
            activation_max_failures=10_000,
        )
    )


@pytest.fixture
async def matrix_client(matrix_app: Litestar) -> AsyncIterator[AsyncTestClient]:
    async with AsyncTestClient(app=matrix_app) as client:
        client.follow_redirects = False
        yield client


@pytest.fixture
async def world(db: AsyncSession, seeded: None, matrix_client: AsyncTestClient) -> World:
    world = await build_world(db)
    # Data in the other municipality that must never show up for the demo municipality.
    other = await login(matrix_client, "other-caseworker")
    path = f"/api/v1/admin/residents/{world.other_municipality_resident_id}/activation-codes"
    assert (await matrix_client.post(path, headers=other)).status_code == 201
    assert (await matrix_client.get(path, headers=other)).status_code == 200
    return world


def test_matrix_covers_every_route_and_nothing_else(matrix_app: Litestar) -> None:
    in_schema = {op.operation_id for op in operations(matrix_app)}
    missing = sorted(in_schema - MATRIX.keys())
    stale = sorted(MATRIX.keys() - in_schema)
    assert not missing, f"routes without an authorization matrix entry: {missing}"
    assert not stale, f"matrix entries for routes that no longer exist: {stale}"


#: Foundation routes declared without a guard (they should say ``guards=[public]``).
UNGUARDED_FOUNDATION_ROUTES = {"/health", "/ready"}


def test_every_route_declares_its_guard(matrix_app: Litestar) -> None:
    app_guards = set(matrix_app.guards)
    for route in matrix_app.routes:
        if route.path in UNGUARDED_FOUNDATION_ROUTES or route.path.startswith("/schema"):
            continue
        for handler in getattr(route, "route_handlers", []):
            if not handler.include_in_schema:
                continue  # Litestar's automatic OPTIONS handler
            declared = [
                guard
                for layer in handler.ownership_layers
                for guard in (layer.guards or [])
                if guard not in app_guards
            ]
            names = [getattr(g, "__name__", "") for g in declared]
            assert declared, f"{route.path}: no guard"
            assert any(
                g in (public, signed_in) or n.startswith("requires_role(")
                for g, n in zip(declared, names, strict=True)
            ), f"{route.path}: guards {names} include none of requires_role/public/signed_in"


async def _call(
    client: AsyncTestClient,
    op: Operation,
    case: Case,
    headers: dict[str, str],
    resident_id: uuid.UUID | None,
):
    path = op.path
    for name, value in {**case.path, "resident_id": str(resident_id)}.items():
        path = path.replace("{" + name + "}", value)
    kwargs: dict[str, Any] = {"headers": headers, "params": case.query}
    if case.body is not None:
        kwargs["json"] = case.body
    client.cookies.clear()  # bearer only: every cell stands alone
    return await client.request(op.method, path, **kwargs)


async def test_authorization_matrix(
    matrix_app: Litestar, matrix_client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    targets = {
        "own": world.own_resident_id,
        "same_municipality": world.same_municipality_resident_id,
        "other_municipality": world.other_municipality_resident_id,
    }
    other_accounts = (
        await db.execute(
            select(Account.id).where(Account.municipality_id == world.other_municipality_id)
        )
    ).scalars()
    foreign_ids = {
        str(world.other_municipality_id),
        str(world.other_municipality_resident_id),
        *(str(i) for i in other_accounts),
    }
    failures: list[str] = []
    cells = 0
    for op in operations(matrix_app):
        case = MATRIX[op.operation_id]
        has_resident = "{resident_id}" in op.path
        for caller in CALLERS:
            for target in TARGETS if has_resident else (None,):
                expected = case.status(caller, target)
                if expected is None or (target == "own" and caller != "resident"):
                    continue
                headers = {} if caller == "anonymous" else await bearer(matrix_client, caller)
                resident_id = targets[target] if target else None
                response = await _call(matrix_client, op, case, headers, resident_id)
                cells += 1
                where = f"{op.operation_id} as {caller}" + (f" on {target}" if target else "")
                if response.status_code != expected:
                    failures.append(f"{where}: {response.status_code}, expected {expected}")
                    continue
                body = response.text
                leaked = [i for i in foreign_ids if i in body]
                if caller == "resident" and str(world.same_municipality_resident_id) in body:
                    leaked.append("another resident")
                if leaked:
                    failures.append(f"{where}: response contains {leaked}")
                if target == "other_municipality":
                    nowhere = await _call(matrix_client, op, case, headers, uuid.uuid4())
                    if (nowhere.status_code, _problem_type(nowhere)) != (
                        response.status_code,
                        _problem_type(response),
                    ):
                        failures.append(f"{where}: differs from a resident that does not exist")
    assert not failures, f"{len(failures)} of {cells} cells:\n" + "\n".join(failures)
    assert cells > 150, cells
    print(f"authorization matrix: {cells} cells")


def _problem_type(response) -> str | None:
    try:
        return json.loads(response.text).get("type")
    except (ValueError, AttributeError):
        return None
