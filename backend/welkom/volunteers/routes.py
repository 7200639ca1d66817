# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Routes: volunteers (``/api/v1/volunteer``), residents' help requests
(``/api/v1/me/help-requests``) and coordinators (``/api/v1/admin/volunteers``)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from litestar import Controller, Response, delete, get, post, put
from litestar.params import FromPath, JSONBody, QueryParameter

from welkom.core.deps import AppSettings, DbSession, IdempotencyKey
from welkom.core.guards import Caller, requires_role
from welkom.core.pagination import Page
from welkom.core.problems import Problem
from welkom.volunteers import claims, coordination, help_requests, profiles
from welkom.volunteers.models import HelpState
from welkom.volunteers.schemas import (
    CoordinatorHelpRequestOut,
    CoordinatorProfileOut,
    CoordinatorReportOut,
    HelpRequestIn,
    OwnHelpRequestOut,
    ProfileIn,
    ProfileOut,
    RatingIn,
    ReassignIn,
    ReportIn,
    SuspensionIn,
    VettingIn,
    VolunteerHelpRequestOut,
)

HelpStateParam = Literal["open", "claimed", "done", "cancelled", "no_show"]


def _created(result: tuple[int, dict[str, Any], bool]) -> Response[dict[str, Any]]:
    status, body, replayed = result
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    return Response(body, status_code=status, headers=headers)


class VolunteerController(Controller):
    path = "/api/v1/volunteer"
    tags = ["volunteers"]
    guards = [requires_role("volunteer")]

    @get(
        "/profile",
        operation_id="getVolunteerProfile",
        summary="Read your volunteer profile",
        description="Your profile: name, languages, skills, areas, availability, organisation and "
        "whether a coordinator vetted it. No profile yet: 404.",
    )
    async def get_profile(self, db: DbSession, principal: Caller) -> ProfileOut:
        profile = await profiles.own_profile(db, principal)
        if profile is None:
            raise Problem.not_found()
        return profiles.profile_out(profile)

    @put(
        "/profile",
        operation_id="saveVolunteerProfile",
        summary="Save your volunteer profile",
        description="Create or replace your volunteer profile. A coordinator must vet it before "
        "you see any help request.",
    )
    async def save_profile(
        self, data: JSONBody[ProfileIn], db: DbSession, principal: Caller
    ) -> Response[ProfileOut]:
        profile, created = await profiles.save_own_profile(db, principal, data)
        return Response(profiles.profile_out(profile), status_code=201 if created else 200)

    @get(
        "/help-requests",
        operation_id="listOpenHelpRequests",
        summary="List open help requests",
        description="Open requests in your languages and areas, longest waiting first. "
        "Vetted, unsuspended volunteers only.",
    )
    async def open_requests(
        self,
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=50)] = 20,
    ) -> Page[VolunteerHelpRequestOut]:
        return await claims.open_requests(db, principal, cursor=cursor, limit=limit)

    @get(
        "/help-requests/mine",
        operation_id="listMyClaimedHelpRequests",
        summary="List the help requests you took",
        description="Requests you hold or held, newest first, optionally by `state`; contact "
        "details only while the request is yours and the resident consents to sharing them. "
        "Vetted, unsuspended volunteers only (403 `volunteer-not-active` otherwise).",
    )
    async def mine(
        self,
        db: DbSession,
        principal: Caller,
        state_filter: Annotated[HelpStateParam | None, QueryParameter(name="state")] = None,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=50)] = 20,
    ) -> Page[VolunteerHelpRequestOut]:
        return await claims.my_requests(
            db, principal, state=state_filter, cursor=cursor, limit=limit
        )

    @get(
        "/help-requests/{request_id:uuid}",
        operation_id="getHelpRequestAsVolunteer",
        summary="Read a help request",
        description="One open request, or one you hold. Requests outside your languages and "
        "areas, or held by another volunteer, answer 404. Vetted, unsuspended volunteers only "
        "(403 `volunteer-not-active` otherwise).",
    )
    async def get_request(
        self, request_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> VolunteerHelpRequestOut:
        return await claims.request_for_volunteer(db, principal, request_id)

    @post(
        "/help-requests/{request_id:uuid}/claim",
        operation_id="claimHelpRequest",
        summary="Take a help request",
        status_code=200,
        description="Take an open request. If another volunteer was first: 409 "
        "`already-claimed`. Claiming again a request you hold answers 200.",
    )
    async def claim(
        self, request_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> VolunteerHelpRequestOut:
        return await claims.claim(db, principal, request_id)

    @post(
        "/help-requests/{request_id:uuid}/done",
        operation_id="markHelpRequestDone",
        summary="Mark a help request done",
        description="You helped: the request you hold is closed as done (again: no change), and "
        "the resident may rate it. If it changed in the meantime (released, reassigned, "
        "cancelled): 409 `state-changed`, nothing changed; a request you do not hold: 404.",
        status_code=200,
    )
    async def done(
        self, request_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> VolunteerHelpRequestOut:
        return await claims.finish(db, principal, request_id, HelpState.done)

    @post(
        "/help-requests/{request_id:uuid}/no-show",
        operation_id="markHelpRequestNoShow",
        summary="Mark a help request as a no-show",
        description="The resident did not come: the request you hold is closed as a no-show "
        "(again: no change). If it changed in the meantime: 409 `state-changed`, nothing changed; "
        "a request you do not hold: 404.",
        status_code=200,
    )
    async def no_show(
        self, request_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> VolunteerHelpRequestOut:
        return await claims.finish(db, principal, request_id, HelpState.no_show)

    @post(
        "/help-requests/{request_id:uuid}/release",
        operation_id="releaseHelpRequest",
        summary="Give a help request back",
        status_code=200,
        description="Give a request you hold back, so another volunteer can take it. If it "
        "changed in the meantime: 409 `state-changed`, nothing changed; a request you do not "
        "hold: 404.",
    )
    async def release(
        self, request_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> VolunteerHelpRequestOut:
        return await claims.finish(db, principal, request_id, HelpState.open)


class ResidentHelpRequestController(Controller):
    path = "/api/v1/me/help-requests"
    tags = ["volunteers"]
    guards = [requires_role("resident")]

    @post(
        "/",
        operation_id="createHelpRequest",
        summary="Ask volunteers for help",
        status_code=201,
        description="Ask volunteers for help. Give a neighbourhood, never an address. Send an "
        "`Idempotency-Key` so a retry does not ask twice (the same key with another body: "
        "422). Invalid fields or a time window in the past: 422.",
    )
    async def create(
        self,
        data: JSONBody[HelpRequestIn],
        db: DbSession,
        principal: Caller,
        settings: AppSettings,
        idempotency_key: IdempotencyKey,
    ) -> Response[dict[str, Any]]:
        return _created(
            await help_requests.create_request(db, settings, principal, data, idempotency_key)
        )

    @get(
        "/",
        operation_id="listMyHelpRequests",
        summary="List your help requests",
        description="Your requests for help, newest first, with their state, the volunteer once "
        "one took it, and your feedback.",
    )
    async def list_requests(
        self,
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 20,
    ) -> Page[OwnHelpRequestOut]:
        return await help_requests.list_own_requests(db, principal, cursor=cursor, limit=limit)

    @get(
        "/{request_id:uuid}",
        operation_id="getMyHelpRequest",
        summary="Read your help request",
        description="One of your requests for help. Another resident's request answers 404.",
    )
    async def get_request(
        self, request_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> OwnHelpRequestOut:
        return await help_requests.get_own_request(db, principal, request_id)

    @post(
        "/{request_id:uuid}/cancel",
        operation_id="cancelMyHelpRequest",
        summary="Cancel your help request",
        description="Withdraw a request that is still open or taken (cancelling again: no "
        "change). Already done or otherwise closed: 409 `help-request-closed`, nothing changed.",
        status_code=200,
    )
    async def cancel(
        self, request_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> OwnHelpRequestOut:
        return await help_requests.cancel_own_request(db, principal, request_id)

    @put(
        "/{request_id:uuid}/rating",
        operation_id="rateMyHelpRequest",
        summary="Rate the help you got",
        description="Rate a request the volunteer marked done (1–5, with an optional comment); "
        "rating again replaces it. Not done yet: 409 `help-request-not-done`.",
    )
    async def rate(
        self,
        request_id: FromPath[uuid.UUID],
        data: JSONBody[RatingIn],
        db: DbSession,
        principal: Caller,
    ) -> OwnHelpRequestOut:
        return await help_requests.rate_own_request(db, principal, request_id, data)

    @post(
        "/{request_id:uuid}/reports",
        operation_id="reportHelpRequest",
        summary="Report a problem with help",
        status_code=201,
        description="Tell the volunteer coordinator about a problem with this help.",
    )
    async def report(
        self,
        request_id: FromPath[uuid.UUID],
        data: JSONBody[ReportIn],
        db: DbSession,
        principal: Caller,
        idempotency_key: IdempotencyKey,
    ) -> Response[dict[str, Any]]:
        return _created(
            await help_requests.report_own_request(db, principal, request_id, data, idempotency_key)
        )


class CoordinatorVolunteerController(Controller):
    path = "/api/v1/admin/volunteers"
    tags = ["volunteers", "admin"]
    guards = [requires_role("coordinator")]

    @get(
        "/",
        operation_id="listVolunteers",
        summary="List volunteers",
        description="The municipality's volunteer profiles, newest first, optionally by `state` "
        "(`unvetted`, `vetted`, `suspended`), with vetting, suspension reason and how many "
        "requests each holds.",
    )
    async def list_volunteers(
        self,
        db: DbSession,
        principal: Caller,
        state_filter: Annotated[
            Literal["unvetted", "vetted", "suspended"] | None, QueryParameter(name="state")
        ] = None,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 50,
    ) -> Page[CoordinatorProfileOut]:
        return await coordination.list_profiles(
            db, principal, state=state_filter, cursor=cursor, limit=limit
        )

    @get(
        "/{volunteer_id:uuid}",
        operation_id="getVolunteer",
        summary="Read a volunteer's profile",
        description="One volunteer's profile with vetting and suspension. A volunteer of another "
        "municipality answers 404.",
    )
    async def get_volunteer(
        self, volunteer_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> CoordinatorProfileOut:
        profile = await coordination.profile_for_coordinator(db, principal, volunteer_id)
        return await coordination.coordinator_view(db, profile)

    @put(
        "/{volunteer_id:uuid}/vetting",
        operation_id="vetVolunteer",
        summary="Vet a volunteer",
        description="Record that you saw the volunteer's VOG, issued on `vog_date`. A date in "
        "the future or too long ago: 422; a volunteer of another municipality: 404.",
    )
    async def vet(
        self,
        volunteer_id: FromPath[uuid.UUID],
        data: JSONBody[VettingIn],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
    ) -> CoordinatorProfileOut:
        profile = await coordination.vet(db, principal, settings, volunteer_id, data)
        return await coordination.coordinator_view(db, profile)

    @put(
        "/{volunteer_id:uuid}/suspension",
        operation_id="suspendVolunteer",
        summary="Suspend a volunteer",
        description="Suspend a volunteer: they see nothing about residents, and the requests "
        "they hold open again. A reason is required (422 without one).",
    )
    async def suspend(
        self,
        volunteer_id: FromPath[uuid.UUID],
        data: JSONBody[SuspensionIn],
        db: DbSession,
        principal: Caller,
    ) -> CoordinatorProfileOut:
        profile = await coordination.suspend(db, principal, volunteer_id, data.reason)
        return await coordination.coordinator_view(db, profile)

    @delete(
        "/{volunteer_id:uuid}/suspension",
        operation_id="liftVolunteerSuspension",
        summary="Lift a volunteer's suspension",
        description="The volunteer sees help requests again (if vetted). Lifting when not "
        "suspended changes nothing. A volunteer of another municipality answers 404.",
        status_code=200,
    )
    async def lift(
        self, volunteer_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> CoordinatorProfileOut:
        profile = await coordination.lift_suspension(db, principal, volunteer_id)
        return await coordination.coordinator_view(db, profile)


class CoordinatorHelpRequestController(Controller):
    path = "/api/v1/admin/volunteers/help-requests"
    tags = ["volunteers", "admin"]
    guards = [requires_role("coordinator")]

    @get(
        "/",
        operation_id="listHelpRequestsForCoordinator",
        summary="List help requests",
        description="The municipality's help requests, newest first, optionally by `state`, with "
        "the volunteer holding each, how long it waited and how many reports it has. The "
        "resident's contact details are never part of it.",
    )
    async def list_requests(
        self,
        db: DbSession,
        principal: Caller,
        state_filter: Annotated[HelpStateParam | None, QueryParameter(name="state")] = None,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 50,
    ) -> Page[CoordinatorHelpRequestOut]:
        return await coordination.requests_for_coordinator(
            db, principal, state=state_filter, cursor=cursor, limit=limit
        )

    @get(
        "/ageing",
        operation_id="listAgeingHelpRequests",
        summary="List help requests nobody took",
        description="Open requests nobody claimed for longer than `older_than_hours` "
        "(default: the configured ageing time), oldest first.",
    )
    async def ageing(
        self,
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
        older_than_hours: Annotated[
            float | None, QueryParameter(name="older_than_hours", ge=0, le=24 * 365)
        ] = None,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 50,
    ) -> Page[CoordinatorHelpRequestOut]:
        hours = (
            settings.policy.help_request_ageing_hours
            if older_than_hours is None
            else older_than_hours
        )
        return await coordination.ageing_requests(
            db, principal, older_than_hours=hours, cursor=cursor, limit=limit
        )

    @put(
        "/{request_id:uuid}/volunteer",
        operation_id="reassignHelpRequest",
        summary="Reassign a help request",
        description="Give the request to another vetted volunteer, or `null` to open it again. "
        "A closed request: 409 `help-request-closed`; a volunteer who does not exist, is not "
        "vetted, is suspended or does not speak the request's language: 422.",
    )
    async def reassign(
        self,
        request_id: FromPath[uuid.UUID],
        data: JSONBody[ReassignIn],
        db: DbSession,
        principal: Caller,
    ) -> CoordinatorHelpRequestOut:
        return await coordination.reassign(db, principal, request_id, data.volunteer_id)

    @get(
        "/reports",
        operation_id="listHelpReports",
        summary="List reports about help",
        description="What residents reported about help they got, newest first, with the request "
        "and the volunteer concerned.",
    )
    async def reports(
        self,
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 50,
    ) -> Page[CoordinatorReportOut]:
        return await coordination.reports_for_coordinator(db, principal, cursor=cursor, limit=limit)
