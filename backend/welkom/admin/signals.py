# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Early-warning signals for caseworkers: questions left unanswered, registrations the case
register refused, journey steps overdue. Per caseworker (``mine``) or for the whole team."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from welkom.admin import readmodel
from welkom.admin.models import Conversation
from welkom.admin.schemas import CaseworkerRef, Signal, SignalsOut
from welkom.audit import service as audit
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.residents.models import Resident

KINDS = ("unanswered_question", "failed_registration", "stalled_journey_step")


def working_days_before(moment: datetime, days: int) -> datetime:
    """``moment`` moved back ``days`` working days (Monday to Friday; public holidays are not
    known to Welkom and count as working days)."""
    counted = 0
    while counted < days:
        moment -= timedelta(days=1)
        if moment.weekday() < 5:
            counted += 1
    return moment


def _caseworker(resident: Resident, conversation: Conversation | None) -> CaseworkerRef | None:
    if conversation is not None and conversation.assigned_account_id is not None:
        return CaseworkerRef(account_id=conversation.assigned_account_id, name=None)
    if resident.caseworker_account_id is not None:
        return CaseworkerRef(
            account_id=resident.caseworker_account_id, name=resident.caseworker_name
        )
    return None


async def signals(
    db: AsyncSession, principal: Principal, settings: Settings, *, scope: str
) -> SignalsOut:
    now = utcnow()
    mine = scope == "mine"
    items: list[Signal] = []

    cutoff = working_days_before(now, settings.policy.signal_unanswered_working_days)
    for question, conversation, resident in await readmodel.unanswered_questions(
        db, principal.municipality_id, asked_before=cutoff
    ):
        if mine and not readmodel.in_caseload(resident, conversation, principal.account_id):
            continue
        items.append(
            Signal(
                kind="unanswered_question",
                resident_id=resident.id,
                resident_name=resident.preferred_name,
                subject_id=question.id,
                since=question.created_at,
                caseworker=_caseworker(resident, conversation),
                detail={
                    "waiting_for": conversation.waiting_for if conversation else "municipality",
                    "working_days": settings.policy.signal_unanswered_working_days,
                },
            )
        )

    for kind, subject_id, since, resident, conversation in await readmodel.parked_registrations(
        db, principal.municipality_id
    ):
        if mine and not readmodel.in_caseload(resident, conversation, principal.account_id):
            continue
        items.append(
            Signal(
                kind="failed_registration",
                resident_id=resident.id,
                resident_name=resident.preferred_name,
                subject_id=subject_id,
                since=since,
                caseworker=_caseworker(resident, conversation),
                detail={"what": kind},
            )
        )

    due_before = now.date() - timedelta(days=settings.policy.signal_journey_overdue_days)
    for step, resident in await readmodel.overdue_steps(
        db, principal.municipality_id, due_before=due_before
    ):
        if mine and resident.caseworker_account_id != principal.account_id:
            continue
        assert step.due_date is not None
        items.append(
            Signal(
                kind="stalled_journey_step",
                resident_id=resident.id,
                resident_name=resident.preferred_name,
                subject_id=step.id,
                since=datetime.combine(step.due_date, datetime.min.time(), tzinfo=now.tzinfo),
                caseworker=_caseworker(resident, None),
                detail={
                    "step": step.key,
                    "status": step.status,
                    "due_date": step.due_date.isoformat(),
                },
            )
        )

    items.sort(key=lambda s: (s.since, str(s.subject_id)))
    for resident_id in dict.fromkeys(item.resident_id for item in items):
        await audit.record(
            db,
            principal,
            resident_id=resident_id,
            resource="admin.signal",
            fields=["summary"],
            action="read",
            purpose="caseworker: signals",
        )
    counts = {kind: sum(1 for item in items if item.kind == kind) for kind in KINDS}
    return SignalsOut(scope=scope, counts=counts, items=items)
