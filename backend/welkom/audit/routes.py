# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from litestar import Controller, get
from litestar.params import QueryParameter

from welkom.audit import service
from welkom.audit.models import AuditEvent
from welkom.audit.schemas import AccessLogEntry, AuditEventOut
from welkom.core.dates import optional_instant
from welkom.core.deps import DbSession
from welkom.core.guards import Caller, requires_role
from welkom.core.pagination import Page, decode_cursor
from welkom.core.problems import Problem
from welkom.processing import service as processing
from welkom.processing.models import ProcessingRecord
from welkom.residents import tenancy


def _entry(record: ProcessingRecord) -> AccessLogEntry:
    return AccessLogEntry(
        id=record.id,
        occurred_at=record.ended_at,
        actor_name=record.actor_display_name or "",
        actor_role=record.actor_role or "",
        action=record.action,
        resource=record.resource,
        fields=list(record.fields),
        purpose=record.description,
    )


def _out(event: AuditEvent) -> AuditEventOut:
    return AuditEventOut(
        id=event.id,
        occurred_at=event.occurred_at,
        resident_id=event.resident_id,
        actor_account_id=event.actor_account_id,
        actor_name=event.actor_display_name,
        actor_role=event.actor_role,
        action=event.action,
        resource=event.resource,
        fields=list(event.fields),
        purpose=event.purpose,
        request_id=event.request_id,
    )


class AccessLogController(Controller):
    path = "/api/v1/me/access-log"
    tags = ["audit"]
    guards = [requires_role("resident")]

    @get(
        "/",
        operation_id="getMyAccessLog",
        summary="Read who accessed your data",
        description="Who (other than the resident) read or changed the resident's data, newest "
        "first. Read from the processing log (one entry per processing of the resident's data).",
    )
    async def access_log(
        self,
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 20,
    ) -> Page[AccessLogEntry]:
        assert principal.resident_id is not None
        page = await processing.access_log(
            db, principal.resident_id, principal.municipality_id, cursor=cursor, limit=limit
        )
        return Page(items=[_entry(e) for e in page.items], next_cursor=page.next_cursor)


class AuditController(Controller):
    path = "/api/v1/admin/audit-events"
    tags = ["audit"]
    guards = [requires_role("records_manager")]

    @get(
        "/",
        operation_id="listAuditEvents",
        summary="List the audit log",
        description="The municipality's audit log, newest first. Records managers only. "
        "Filtering on one resident is itself recorded in the log.",
    )
    async def list_events(
        self,
        db: DbSession,
        principal: Caller,
        resident_id: Annotated[uuid.UUID | None, QueryParameter(name="resident_id")] = None,
        actor_account_id: Annotated[
            uuid.UUID | None, QueryParameter(name="actor_account_id")
        ] = None,
        since: Annotated[datetime | None, QueryParameter(name="since")] = None,
        until: Annotated[datetime | None, QueryParameter(name="until")] = None,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=200)] = 50,
    ) -> Page[AuditEventOut]:
        since = optional_instant(since, "since")
        until = optional_instant(until, "until")
        if cursor:
            decode_cursor(cursor)  # refused before the filter on a resident is recorded
        if resident_id is not None:
            try:
                await tenancy.reachable_resident(db, principal, resident_id)
            except Problem:
                return Page(items=[], next_cursor=None)  # not a resident of this municipality
            # Looking up one person's trail is itself an access to their data.
            await service.record(
                db,
                principal,
                resident_id=resident_id,
                resource="resident.access_log",
                fields=("access_log",),
                action="read",
                purpose="Records management: review of access to a resident's data",
            )
        page = await service.query(
            db,
            principal.municipality_id,
            resident_id=resident_id,
            actor_account_id=actor_account_id,
            since=since,
            until=until,
            cursor=cursor,
            limit=limit,
        )
        return Page(items=[_out(e) for e in page.items], next_cursor=page.next_cursor)
