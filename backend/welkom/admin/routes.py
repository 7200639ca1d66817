# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Caseworkers' admin API (``/api/v1/admin/...``) and the resident's view of answers."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from litestar import Controller, Request, Response, get, patch, post, put
from litestar.params import FromPath, JSONBody, PathParameter, QueryParameter

from welkom.admin import answers, conversations, readmodel, signals
from welkom.admin import file as resident_file
from welkom.admin import residents as admin_residents
from welkom.admin.schemas import (
    AnswerForResident,
    AnswerIn,
    AssignmentIn,
    CaseRefOut,
    CaseworkerAssignIn,
    CaseworkerRef,
    ColleagueOut,
    ConversationOut,
    DraftTranslationIn,
    DraftTranslationOut,
    InterpreterIn,
    NoteIn,
    QuestionTranslationOut,
    ResidentDetail,
    ResidentIntakeIn,
    ResidentSummary,
    SignalsOut,
    WaitingForIn,
    WaitingForName,
)
from welkom.audit import service as audit
from welkom.audit.schemas import AccessLogEntry
from welkom.consent.schemas import ConsentStateOut
from welkom.core.deps import AppSettings, DbSession, IdempotencyKey
from welkom.core.guards import Caller, requires_role
from welkom.core.identity import Principal
from welkom.core.pagination import Page
from welkom.core.preconditions import IfMatchHeader
from welkom.core.problems import request_language
from welkom.journey import service as journey
from welkom.journey.schemas import JourneyOut, StepUpdate
from welkom.residents import service as residents
from welkom.residents.schemas import ChangeOut, HouseholdMemberOut, RegisteredDataIn

#: The values of StepKey and StepStatus, spelled out for the type checker (a Literal cannot be
#: computed); tests/test_admin.py checks that they match the enums.
StepKeyName = Literal[
    "housing",
    "brp_registration",
    "digid",
    "bank_account",
    "health_insurance",
    "benefits",
    "inburgering_pip",
    "school",
    "gp",
    "language_course",
]
StepStatusName = Literal[
    "not_started", "in_progress", "waiting_for_municipality", "done", "not_applicable"
]


def _created(result: tuple[int, dict[str, Any], bool]) -> Response[dict[str, Any]]:
    status, body, replayed = result
    return Response(
        body, status_code=status, headers={"Idempotent-Replayed": "true"} if replayed else {}
    )


async def _audited(
    db: DbSession,
    principal: Principal,
    resident_id: uuid.UUID,
    *,
    fields: list[str],
    action: audit.Action,
    purpose: str,
) -> None:
    """Audit a caseworker's use of another domain's service, in that service's transaction
    (it commits; on an error nothing is committed, the audit row included)."""
    await admin_residents.resident_in_reach(db, principal, resident_id)
    await audit.record(
        db,
        principal,
        resident_id=resident_id,
        resource="admin.resident",
        fields=fields,
        action=action,
        purpose=purpose,
    )


class AdminResidentController(Controller):
    path = "/api/v1/admin/residents"
    tags = ["admin"]
    guards = [requires_role("caseworker")]

    @get(
        "/",
        operation_id="listResidents",
        summary="List residents",
        description="Residents of your municipality, newest first. `caseload`: `mine`, "
        "`unassigned` or a caseworker's account id. `waiting=true`: with questions waiting for "
        "the municipality. Last activity is the latest question or change to the record.",
    )
    async def list_residents(
        self,
        db: DbSession,
        principal: Caller,
        caseload: Annotated[str | None, QueryParameter(name="caseload", max_length=36)] = None,
        journey_step: Annotated[StepKeyName | None, QueryParameter(name="journey_step")] = None,
        journey_status: Annotated[
            StepStatusName | None, QueryParameter(name="journey_status")
        ] = None,
        waiting: Annotated[bool | None, QueryParameter(name="waiting")] = None,
        active_since: Annotated[datetime | None, QueryParameter(name="active_since")] = None,
        inactive_since: Annotated[datetime | None, QueryParameter(name="inactive_since")] = None,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 50,
    ) -> Page[ResidentSummary]:
        return await admin_residents.list_residents(
            db,
            principal,
            caseload=caseload,
            journey_step=journey_step,
            journey_status=journey_status,
            waiting=waiting,
            active_since=active_since,
            inactive_since=inactive_since,
            cursor=cursor,
            limit=limit,
        )

    @post(
        "/",
        operation_id="createResident",
        summary="Create a resident at intake",
        status_code=201,
        description="Make a resident record at intake; then issue an activation code. Honours "
        "`Idempotency-Key` (a retry answers the first response; the same key with another body: "
        "422). Invalid fields: 422.",
    )
    async def create_resident(
        self,
        data: JSONBody[ResidentIntakeIn],
        db: DbSession,
        principal: Caller,
        idempotency_key: IdempotencyKey,
    ) -> Response[dict[str, Any]]:
        return _created(await admin_residents.intake(db, principal, data, idempotency_key))

    @get(
        "/{resident_id:uuid}",
        operation_id="getResident",
        summary="Read a resident's record",
        description="The resident's record as caseworkers see it: names, languages, contact "
        "details, arrival date, caseworker, open questions and help requests, and the `version` "
        "that `If-Match` names. The read is recorded in the processing log. A resident outside "
        "your municipality answers 404, exactly like one that does not exist.",
    )
    async def get_resident(
        self, resident_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> ResidentDetail:
        return await admin_residents.resident_detail(db, principal, resident_id)

    @get(
        "/{resident_id:uuid}/conversations",
        operation_id="listResidentConversations",
        summary="List a resident's conversations",
        description="The resident's questions, newest first, each with its registration, answers, "
        "internal notes, assignment and who it waits for. The read is recorded in the processing "
        "log. A resident outside your municipality answers 404.",
    )
    async def conversations(
        self,
        resident_id: FromPath[uuid.UUID],
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 20,
    ) -> Page[ConversationOut]:
        return await conversations.resident_conversations(
            db, principal, resident_id, cursor=cursor, limit=limit
        )

    @put(
        "/{resident_id:uuid}/caseworker",
        operation_id="becomeResidentCaseworker",
        summary="Assign a resident's caseworker: yourself or a colleague",
        description="You become the resident's caseworker, or the colleague `account_id` does "
        "(one of `GET /api/v1/admin/caseworkers`, e.g. when handing over a caseload); `contact` "
        "is shown to the resident. An `account_id` that is not a caseworker of your "
        "municipality is refused (400, a field error at `account_id`), the same for every such account. The "
        "change is recorded in the processing log and the resident's history; out of reach: 404.",
    )
    async def become_caseworker(
        self,
        resident_id: FromPath[uuid.UUID],
        data: JSONBody[CaseworkerAssignIn],
        db: DbSession,
        principal: Caller,
    ) -> ResidentDetail:
        await _audited(
            db, principal, resident_id, fields=["caseworker"], action="update",
            purpose="caseworker: assignment",
        )  # fmt: skip
        await admin_residents.assign_caseworker(db, principal, resident_id, data)
        return await admin_residents.resident_detail(db, principal, resident_id)

    @put(
        "/{resident_id:uuid}/registered-data",
        operation_id="recordRegisteredData",
        summary="Record a resident's registered data",
        description="Record the registered name, BSN or V-number with their source and the "
        "legal basis for holding them. Send `If-Match` with the resident's version: if the "
        "record changed in the meantime the request is refused (412) and nothing changes. The "
        "change is recorded in the processing log; out of reach: 404.",
    )
    async def registered_data(
        self,
        resident_id: FromPath[uuid.UUID],
        data: JSONBody[RegisteredDataIn],
        db: DbSession,
        principal: Caller,
        if_match: IfMatchHeader = None,
    ) -> ResidentDetail:
        await _audited(
            db, principal, resident_id, fields=["registered_data"], action="update",
            purpose="caseworker: registered data and legal basis",
        )  # fmt: skip
        await residents.set_registered_data(db, principal, resident_id, data, if_match=if_match)
        return await admin_residents.resident_detail(db, principal, resident_id)

    @get(
        "/{resident_id:uuid}/history",
        operation_id="listResidentChanges",
        summary="List changes to a resident's data",
        description="Every change to the resident's data, newest first: what, old and new value, "
        "by whom and when. The read is recorded in the processing log. A resident outside your "
        "municipality answers 404.",
    )
    async def history(
        self,
        resident_id: FromPath[uuid.UUID],
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 50,
    ) -> Page[ChangeOut]:
        await _audited(
            db, principal, resident_id, fields=["history"], action="read",
            purpose="caseworker: data changes",
        )  # fmt: skip
        page = await residents.history_for_caseworker(
            db, principal, resident_id, cursor=cursor, limit=limit
        )
        return page

    @get(
        "/{resident_id:uuid}/household",
        operation_id="listResidentHousehold",
        summary="List a resident's household",
        description="The members of the resident's household as the resident entered them "
        "(relation, name, birth year, school). The read is recorded in the processing log. A "
        "resident outside your municipality answers 404.",
    )
    async def household(
        self, resident_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> list[HouseholdMemberOut]:
        return await resident_file.household(db, principal, resident_id)

    @get(
        "/{resident_id:uuid}/consents",
        operation_id="listResidentConsents",
        summary="Read a resident's consent state",
        description="Every consent purpose with the resident's current answer (`granted`, "
        "`withdrawn` or `not_asked`), since when, and whether the text changed after it was "
        "granted; labels in the request's language. The read is recorded in the processing log. "
        "A resident outside your municipality answers 404.",
    )
    async def consents(
        self,
        request: Request[Any, Any, Any],
        resident_id: FromPath[uuid.UUID],
        db: DbSession,
        principal: Caller,
    ) -> list[ConsentStateOut]:
        return await resident_file.consents(db, principal, resident_id, request_language(request))

    @get(
        "/{resident_id:uuid}/access-log",
        operation_id="listResidentAccessLog",
        summary="List who looked at a resident's data",
        description="Who (other than the resident) read or changed the resident's data, newest "
        "first: the processing log the resident reads in the app. This read is recorded first, "
        "so the list includes it. A resident outside your municipality answers 404.",
    )
    async def access_log(
        self,
        resident_id: FromPath[uuid.UUID],
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 20,
    ) -> Page[AccessLogEntry]:
        return await resident_file.access_log(
            db, principal, resident_id, cursor=cursor, limit=limit
        )

    @get(
        "/{resident_id:uuid}/journey",
        operation_id="getResidentJourney",
        summary="Read a resident's journey",
        description="The resident's journey steps with status, due dates, who acts next and "
        "notes. The read is recorded in the processing log. A resident outside your municipality "
        "answers 404.",
    )
    async def get_journey(
        self,
        request: Request[Any, Any, Any],
        resident_id: FromPath[uuid.UUID],
        db: DbSession,
        principal: Caller,
    ) -> JourneyOut:
        await _audited(
            db, principal, resident_id, fields=["journey"], action="read",
            purpose="caseworker: journey",
        )  # fmt: skip
        out = await journey.journey_for_caseworker(
            db, principal, resident_id, request_language(request)
        )
        return out

    @post(
        "/{resident_id:uuid}/journey",
        operation_id="startResidentJourney",
        summary="Start a resident's journey",
        status_code=200,
        description="Give the resident every step of the municipality's journey template they "
        "do not have yet (idempotent).",
    )
    async def start_journey(
        self,
        request: Request[Any, Any, Any],
        resident_id: FromPath[uuid.UUID],
        db: DbSession,
        principal: Caller,
    ) -> JourneyOut:
        await _audited(
            db, principal, resident_id, fields=["journey"], action="create",
            purpose="caseworker: start journey",
        )  # fmt: skip
        await journey.start_journey(db, principal, resident_id)
        await db.flush()
        return await journey.journey_for_caseworker(
            db, principal, resident_id, request_language(request)
        )

    @patch(
        "/{resident_id:uuid}/journey/steps/{step_id:uuid}",
        operation_id="updateResidentJourneyStep",
        summary="Update a resident's journey step",
        description="Set a step's status, due date, who acts next or the note for the resident. "
        "Send `If-Match` with the step's version: if the step changed in the meantime the "
        "request is refused (412) and nothing changes. Invalid fields: 422; out of reach: 404.",
    )
    async def update_step(
        self,
        request: Request[Any, Any, Any],
        resident_id: FromPath[uuid.UUID],
        step_id: FromPath[uuid.UUID],
        data: JSONBody[StepUpdate],
        db: DbSession,
        principal: Caller,
        if_match: IfMatchHeader = None,
    ) -> JourneyOut:
        await _audited(
            db, principal, resident_id, fields=["journey"], action="update",
            purpose="caseworker: journey step",
        )  # fmt: skip
        await journey.update_step(db, principal, resident_id, step_id, data, if_match=if_match)
        return await journey.journey_for_caseworker(
            db, principal, resident_id, request_language(request)
        )


class AdminCaseController(Controller):
    path = "/api/v1/admin/cases"
    tags = ["admin"]
    guards = [requires_role("caseworker")]

    @get(
        "/by-reference/{reference:str}",
        operation_id="getCaseByReference",
        summary="Find a case by its reference",
    )
    async def by_reference(
        self,
        db: DbSession,
        principal: Caller,
        reference: Annotated[str, PathParameter(max_length=40)],
    ) -> CaseRefOut:
        """A case of the municipality by the short reference the resident reads out
        (``K7Q2-9MXA``; case, hyphens, spaces and O/I/L for 0/1 are forgiven)."""
        return await conversations.case_by_reference(db, principal, reference)


class AdminConversationController(Controller):
    path = "/api/v1/admin/conversations"
    tags = ["admin"]
    guards = [requires_role("caseworker")]

    @get(
        "/",
        operation_id="listConversations",
        summary="List the municipality's conversations",
        description="The municipality's questions, oldest first; `order=unanswered_first`: "
        "questions not answered yet before the answered ones (each oldest first), across all "
        "pages. `assigned`: `mine` or `unassigned`; `waiting_for`: who must act.",
    )
    async def list_conversations(
        self,
        db: DbSession,
        principal: Caller,
        assigned: Annotated[
            Literal["mine", "unassigned"] | None, QueryParameter(name="assigned")
        ] = None,
        waiting_for: Annotated[WaitingForName | None, QueryParameter(name="waiting_for")] = None,
        order: Annotated[
            Literal["oldest_first", "unanswered_first"], QueryParameter(name="order")
        ] = "oldest_first",
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 50,
    ) -> Page[ConversationOut]:
        return await conversations.team_conversations(
            db,
            principal,
            assigned=assigned,
            waiting_for=waiting_for,
            cursor=cursor,
            limit=limit,
            order=order,
        )

    @get(
        "/{question_id:uuid}",
        operation_id="getConversation",
        summary="Read a conversation",
        description="One question with its answers, internal notes, assignment and who must act "
        "next; the `version` is what `If-Match` names when you change the assignment or who must "
        "act. A question of another municipality answers 404.",
    )
    async def get_conversation(
        self, question_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> ConversationOut:
        return await conversations.conversation(db, principal, question_id)

    @post(
        "/{question_id:uuid}/answers",
        operation_id="answerQuestion",
        summary="Answer a question",
        status_code=201,
        description="Answer the resident in their language. The answer is shown to them and "
        "added to the question's zaak as a document. With `send_translation: true` the "
        "municipality's translation server also translates it into the resident's language: "
        "the resident sees the original and the translation, marked as machine translation "
        "(503 `translation-unavailable` when the server cannot: nothing is sent). Honours "
        "`Idempotency-Key` (the same key with another body: 422). A question of another "
        "municipality: 404.",
    )
    async def answer(
        self,
        question_id: FromPath[uuid.UUID],
        data: JSONBody[AnswerIn],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
        idempotency_key: IdempotencyKey,
    ) -> Response[dict[str, Any]]:
        return _created(
            await conversations.answer(
                db,
                principal,
                question_id,
                data,
                idempotency_key,
                settings,
            )
        )

    @get(
        "/{question_id:uuid}/translation",
        operation_id="translateQuestion",
        summary="Translate a question into Dutch",
        description="The resident's question and its machine translation into Dutch by the "
        "municipality's own translation server, marked `state: machine`; the original is "
        "always there. Audited as a read of the question. Without a server: 404 "
        "`translation-not-configured`; server down, slow or busy: 503 "
        "`translation-unavailable`.",
    )
    async def translate_question(
        self,
        question_id: FromPath[uuid.UUID],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
    ) -> QuestionTranslationOut:
        return await conversations.question_translation(db, principal, settings, question_id)

    @post(
        "/{question_id:uuid}/answer-translation",
        operation_id="translateAnswerDraft",
        summary="Translate a draft answer",
        status_code=200,
        description="Machine-translate a draft answer (by default into the resident's "
        "language) to check it before sending; nothing is stored or sent. Send the original "
        "with `send_translation: true` to give the resident the translation too.",
    )
    async def translate_draft(
        self,
        question_id: FromPath[uuid.UUID],
        data: JSONBody[DraftTranslationIn],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
    ) -> DraftTranslationOut:
        return await conversations.draft_translation(db, principal, settings, question_id, data)

    @post(
        "/{question_id:uuid}/notes",
        operation_id="addConversationNote",
        summary="Add an internal note",
        status_code=201,
        description="An internal note: never shown to the resident, never sent to the case "
        "system. Honours `Idempotency-Key` (the same key with another body: 422). A question of "
        "another municipality: 404.",
    )
    async def add_note(
        self,
        question_id: FromPath[uuid.UUID],
        data: JSONBody[NoteIn],
        db: DbSession,
        principal: Caller,
        idempotency_key: IdempotencyKey,
    ) -> Response[dict[str, Any]]:
        return _created(await conversations.note(db, principal, question_id, data, idempotency_key))

    @put(
        "/{question_id:uuid}/assignment",
        operation_id="assignConversation",
        summary="Assign a conversation",
        description="Give the conversation to a caseworker of your municipality, or `null` to "
        "leave it unassigned. Send `If-Match` with the conversation's version: if it changed in "
        "the meantime the request is refused (412) and nothing changes. An account that is not a "
        "caseworker of your municipality: 422.",
    )
    async def assign(
        self,
        question_id: FromPath[uuid.UUID],
        data: JSONBody[AssignmentIn],
        db: DbSession,
        principal: Caller,
        if_match: IfMatchHeader = None,
    ) -> ConversationOut:
        return await conversations.assign(
            db, principal, question_id, data.account_id, if_match=if_match
        )

    @put(
        "/{question_id:uuid}/waiting-for",
        operation_id="setConversationWaitingFor",
        summary="Set who must act on a conversation",
        description="Say who the conversation waits for: `municipality`, `resident`, "
        "`other_party` or `nobody`. Send `If-Match` with the conversation's version: if it "
        "changed in the meantime the request is refused (412) and nothing changes.",
    )
    async def waiting_for(
        self,
        question_id: FromPath[uuid.UUID],
        data: JSONBody[WaitingForIn],
        db: DbSession,
        principal: Caller,
        if_match: IfMatchHeader = None,
    ) -> ConversationOut:
        return await conversations.set_waiting_for(
            db, principal, question_id, data.waiting_for, if_match=if_match
        )

    @put(
        "/{question_id:uuid}/interpreter",
        operation_id="setConversationNeedsInterpreter",
        summary="Mark that a resident needs an interpreter",
        description="Say whether the resident needs an interpreter for this question (an "
        "answer in their language is not enough; a colleague arranges one), or clear it. Send "
        "`If-Match` with the conversation's version: if it changed in the meantime the request "
        "is refused (412) and nothing changes.",
    )
    async def interpreter(
        self,
        question_id: FromPath[uuid.UUID],
        data: JSONBody[InterpreterIn],
        db: DbSession,
        principal: Caller,
        if_match: IfMatchHeader = None,
    ) -> ConversationOut:
        return await conversations.set_needs_interpreter(
            db, principal, question_id, data.needs_interpreter, if_match=if_match
        )


class AdminCaseworkerController(Controller):
    path = "/api/v1/admin/caseworkers"
    tags = ["admin"]
    guards = [requires_role("caseworker")]

    @get(
        "/",
        operation_id="listCaseworkers",
        summary="List your colleagues",
        description="The caseworkers of your municipality, by name: whom a conversation can be "
        "assigned to. Staff names only, no resident's data.",
    )
    async def list_caseworkers(self, db: DbSession, principal: Caller) -> list[CaseworkerRef]:
        return [
            CaseworkerRef(account_id=account.id, name=account.display_name)
            for account in await readmodel.caseworkers(db, principal.municipality_id)
        ]


class AdminColleagueController(Controller):
    path = "/api/v1/admin/colleagues"
    tags = ["admin"]
    guards = [requires_role("records_manager")]

    @get(
        "/",
        operation_id="listColleagues",
        summary="List the accounts that can appear in the audit log",
        description="Every account of your municipality that is not a resident's (staff and "
        "volunteers) by name, with its roles: whom the audit log can be filtered on "
        "(`actor_account_id`). Names and roles only, no resident's data.",
    )
    async def list_colleagues(self, db: DbSession, principal: Caller) -> list[ColleagueOut]:
        return [
            ColleagueOut(account_id=a.id, name=a.display_name, roles=sorted(a.roles))
            for a in await readmodel.colleagues(db, principal.municipality_id)
        ]


class AdminSignalController(Controller):
    path = "/api/v1/admin/signals"
    tags = ["admin"]
    guards = [requires_role("caseworker")]

    @get(
        "/",
        operation_id="listSignals",
        summary="List signals that need attention",
        description="Questions unanswered for more than the configured working days, "
        "registrations the case register refused, journey steps overdue. `scope`: `mine` "
        "(your residents and conversations) or `team`.",
    )
    async def list_signals(
        self,
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
        signal_scope: Annotated[Literal["mine", "team"], QueryParameter(name="scope")] = "mine",
    ) -> SignalsOut:
        return await signals.signals(db, principal, settings, scope=signal_scope)


class ResidentAnswerController(Controller):
    path = "/api/v1/me/questions/{question_id:uuid}/answers"
    tags = ["interactions"]
    guards = [requires_role("resident")]

    @get("/", operation_id="listAnswersToMyQuestion", summary="Read the answers to your question")
    async def answers(
        self, question_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> list[AnswerForResident]:
        """The municipality's answers to your question, oldest first."""
        return await answers.answers_for_resident(db, principal, question_id)
