# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Export and erasure of the foundation's tables that hold resident data: accounts (with their
sessions), interactions (questions) and stored idempotent responses (``Idempotency-Key``).

They live here, not in their domains, because those packages belong to the foundation; the lead
may move each into ``welkom/<domain>/gdpr.py`` like the residents, consent and journey domains.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, String, and_, cast, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.auth import gdpr as auth_gdpr
from welkom.auth.models import Account
from welkom.core.database import rows_changed
from welkom.core.gdpr import Erased, Subject, TableHandler, rows
from welkom.core.i18n import N_
from welkom.core.idempotency_models import IdempotencyRecord
from welkom.core.identity import Principal
from welkom.core.problems import Problem
from welkom.interactions.models import Interaction, InteractionDocument, RegistrationState
from welkom.notifications import gdpr as notifications_gdpr

_CASE_RECORD = (
    "the question is a record in the municipality's case system (zaak); Welkom keeps which "
    "zaak it became, not what it said"
)


async def export_interactions(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    found = await db.execute(
        select(Interaction)
        .where(col(Interaction.resident_id) == subject.resident_id)
        .order_by(col(Interaction.created_at), col(Interaction.id))
    )
    return rows(found.scalars())


async def erase_interactions(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    """Registered questions live on in the case system (Archiefwet): Welkom blanks its copy and
    keeps the zaak reference. A question not yet registered blocks the erasure (409): it is a
    submission to the municipality that must reach its records first."""
    unregistered = (
        await db.execute(
            select(col(Interaction.id)).where(
                col(Interaction.resident_id) == subject.resident_id,
                col(Interaction.registration_state) != RegistrationState.registered,
            )
        )
    ).first()
    if unregistered is not None:
        raise Problem.conflict(
            "erasure-waits-for-registration",
            N_("Questions are still being registered"),
            N_(
                "Some of this resident's questions are not yet in the case system. Erase "
                "again once they are registered (records management can help with parked "
                "ones). Nothing was changed."
            ),
        )
    anonymised = await rows_changed(
        db,
        update(Interaction)
        .where(col(Interaction.resident_id) == subject.resident_id)
        .values(text="", language=""),
    )
    return Erased(anonymised=anonymised, retained=anonymised)


def _documents_of(subject: Subject) -> Select[InteractionDocument]:
    return select(InteractionDocument).where(
        col(InteractionDocument.interaction_id).in_(
            select(col(Interaction.id)).where(col(Interaction.resident_id) == subject.resident_id)
        )
    )


async def export_documents(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    """What Welkom knows about each uploaded file (the file itself went to the case system)."""
    found = await db.execute(_documents_of(subject).order_by(col(InteractionDocument.created_at)))
    return rows(found.scalars(), exclude=frozenset({"storage_key"}))


async def erase_documents(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    """Uploaded files go with their rows: once the document is in the case system (the erasure
    waits for that), Welkom's copy has no purpose left."""
    documents = list((await db.execute(_documents_of(subject))).scalars().all())
    if not documents:
        return Erased()
    await db.execute(
        delete(InteractionDocument).where(
            col(InteractionDocument.interaction_id).in_([d.interaction_id for d in documents])
        )
    )
    return Erased(deleted=len(documents), files=[d.storage_key for d in documents])


async def export_accounts(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    accounts = list(
        (await db.execute(select(Account).where(col(Account.resident_id) == subject.resident_id)))
        .scalars()
        .all()
    )
    out = []
    for account, row in zip(accounts, rows(accounts), strict=True):
        row.update(await auth_gdpr.export_for_accounts(db, [account.id]))
        row.update(await notifications_gdpr.export_for_accounts(db, [account.id]))
        out.append(row)
    return out


async def erase_accounts(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    """Sign-in means and notifications go, then the accounts: nobody signs in as them again."""
    ids = list(
        (
            await db.execute(
                select(col(Account.id)).where(col(Account.resident_id) == subject.resident_id)
            )
        )
        .scalars()
        .all()
    )
    if not ids:
        return Erased()
    await auth_gdpr.erase_for_accounts(db, ids)
    await notifications_gdpr.erase_for_accounts(db, ids)
    return Erased(deleted=await rows_changed(db, delete(Account).where(col(Account.id).in_(ids))))


def _stored_responses_of(subject: Subject) -> ColumnElement[bool]:
    """Stored responses about the resident: those that name them (a caseworker's intake,
    answers and notes, the resident's own requests), those sent from their accounts, and
    records stored before responses named their resident that mention the resident's id."""
    mentions = cast(col(IdempotencyRecord.response_body), String)
    return or_(
        col(IdempotencyRecord.resident_id) == subject.resident_id,
        *(
            col(IdempotencyRecord.scope).endswith(f":{account_id}")
            for account_id in subject.account_ids
        ),
        and_(
            col(IdempotencyRecord.resident_id).is_(None),
            or_(
                mentions.contains(str(subject.resident_id)),
                mentions.contains(subject.resident_id.hex),
            ),
        ),
    )


async def export_stored_responses(db: AsyncSession, subject: Subject) -> list[dict[str, Any]]:
    """That a response is stored, and for which kind of request; not the response itself (it
    repeats what the other sections hold, and a caseworker's note is not the resident's)."""
    found = await db.execute(
        select(IdempotencyRecord)
        .where(_stored_responses_of(subject))
        .order_by(col(IdempotencyRecord.created_at), col(IdempotencyRecord.id))
    )
    return [
        {
            "id": str(record.id),
            "request": record.scope.split(":", 1)[0],
            "created_at": record.created_at.isoformat(),
        }
        for record in found.scalars()
    ]


async def erase_stored_responses(db: AsyncSession, subject: Subject, actor: Principal) -> Erased:
    """Stored replies repeat the resident's data (name, e-mail, phone, question, answer and note
    texts): they go, whoever sent the request. A retry with the same key after the erasure is
    handled as a new request."""
    return Erased(
        deleted=await rows_changed(
            db, delete(IdempotencyRecord).where(_stored_responses_of(subject))
        )
    )


HANDLERS = (
    TableHandler(
        "interaction",
        export_interactions,
        erase_interactions,
        retained=dict.fromkeys(
            (
                "kind",
                "reference",
                "created_at",
                "registration_state",
                "zaak_identificatie",
                "zaak_url",
                "registered_at",
            ),
            _CASE_RECORD,
        ),
        retention_reason="Registered questions are blanked (text and language); the zaak "
        "reference and the short case reference (on the zaak's toelichting) stay. The zaak "
        "and its document stay in the case system.",
    ),
    TableHandler("interaction_document", export_documents, erase_documents),
    TableHandler("account", export_accounts, erase_accounts),
    TableHandler("idempotency_record", export_stored_responses, erase_stored_responses),
)
