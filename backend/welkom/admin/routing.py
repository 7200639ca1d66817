# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Outbox handler: a caseworker's answer becomes a document on its question's zaak.

The zaak identificatie is the question's (``cases.service.identificatie_for``), so the answer
lands in the same zaak whether the question's own registration ran first or not (registering
is idempotent by identificatie). The document identificatie derives from the answer id, so a
retry after a crash finds the document instead of adding a second one.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from welkom.admin import answers
from welkom.cases.ports import CaseDocument
from welkom.cases.service import CaseRegistrationHandler
from welkom.core.i18n import iso639_2b
from welkom.core.models import utcnow
from welkom.interactions.models import InteractionKind
from welkom.municipalities import service as municipalities
from welkom.outbox.models import OutboxEntry
from welkom.outbox.worker import Completion
from welkom.processing import service as processing

ANSWER_DOCUMENT_TITLE = "Antwoord aan inwoner"
ANSWER_AUTHOR_ROLE = "Medewerker"


def answer_document_identificatie(message_id: uuid.UUID) -> str:
    """≤ 40 characters, unique per answer."""
    return f"WLK-A-{message_id.hex}"


class RegisterAnswerHandler(CaseRegistrationHandler):
    async def deliver(self, entry: OutboxEntry) -> Completion:
        started_at = utcnow()
        async with self.session_factory() as db:
            message, question = await answers.answer_for_registration(db, entry.reference)
            municipality = await municipalities.get(db, message.municipality_id)
        kind = InteractionKind(question.kind)
        request = self.request(
            municipality,
            self.case_type(municipality, kind),
            kind=kind,
            interaction_id=question.id,
            reference=question.reference,
            started=question.created_at,
            resident_id=question.resident_id,
            document=CaseDocument(
                identificatie=answer_document_identificatie(message.id),
                titel=ANSWER_DOCUMENT_TITLE,
                taal=iso639_2b(message.language),
                formaat="text/plain; charset=utf-8",
                inhoud=message.text.encode(),
                bestandsnaam=f"{answer_document_identificatie(message.id)}.txt",
                # the answering caseworker's role and organisation (no name: the zaak is read
                # more widely than the conversation), dated the day the answer was given
                auteur=f"{ANSWER_AUTHOR_ROLE}, {municipality.name}",
                creatiedatum=message.created_at.date(),
            ),
        )
        result = await self.register(municipality, request)

        async def record(db: AsyncSession) -> None:
            await answers.record_answer_registration(db, message.id, result.zaak_identificatie)
            await processing.record(
                db,
                municipality_id=municipality.id,
                resident_ids=(question.resident_id,),
                purpose="case_registration",
                action="deliver",
                resource="case_system.answer",
                fields=("answer",),
                description="Registration of an answer in the municipality's case system",
                started_at=started_at,
            )

        return record

    async def parked(self, db: AsyncSession, entry: OutboxEntry, error: str) -> None:
        await answers.record_answer_parked(db, entry.reference)
