# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Outbox handlers: questions and answers into Open Klant, answers from Open Klant back.

Same guarantees as zaak registration: the work is an outbox entry written with its cause, a
failed attempt is retried with backoff (Open Klant down changes nothing but the timing), a
refusal parks the entry with the register's problem for records management, and every step
looks before it creates, so a retry after a crash makes nothing twice.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Protocol

import httpx
import structlog
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from welkom.auth import service as accounts
from welkom.consent import service as consent
from welkom.consent.purposes import Purpose, Recipient
from welkom.core.i18n import iso639_2b
from welkom.core.models import utcnow
from welkom.core.problems import Problem
from welkom.core.settings import Settings
from welkom.core.unit_of_work import unit_of_work
from welkom.interactions import service as interactions
from welkom.interactions.models import Interaction, RegistrationState
from welkom.klantcontact import service
from welkom.klantcontact.models import LinkRole
from welkom.klantcontact.openklant import (
    AnswerContact,
    ContactDetails,
    OpenKlant,
    OpenKlantConfig,
    OpenKlantConfigError,
    QuestionContact,
    ReceivedAnswer,
)
from welkom.municipalities import service as municipalities
from welkom.municipalities.models import Municipality
from welkom.notifications import kinds as notification_kinds
from welkom.notifications import service as notifications
from welkom.outbox import service as outbox
from welkom.outbox.models import OutboxEntry, OutboxState
from welkom.outbox.service import Clock
from welkom.outbox.worker import Completion, DeferDelivery, OutboxHandler, PermanentDeliveryError
from welkom.processing import service as processing
from welkom.residents import service as residents
from welkom.zgw.errors import CaseRegisterRefused

log = structlog.get_logger("welkom.klantcontact")

#: How long an answer waits before it looks again for its question's klantcontact.
WAIT_FOR_QUESTION = timedelta(seconds=30)


class Answer(Protocol):
    """A caseworker's answer in a conversation, as far as Open Klant needs it (read only)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def municipality_id(self) -> uuid.UUID: ...
    @property
    def text(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...


class Conversations(Protocol):
    """The conversations answers belong to: the ``admin`` domain's ``answers`` module, which the
    app factory passes in (so this package, below ``admin``, does not import it)."""

    async def answer_for_registration(
        self, db: AsyncSession, message_id: uuid.UUID
    ) -> tuple[Answer, Interaction]:
        """The answer and its question, for registration; LookupError if there is none."""
        ...

    async def record_picked_up_answer(
        self,
        db: AsyncSession,
        question: Interaction,
        *,
        author_name: str,
        language: str,
        text: str,
        at: datetime,
    ) -> Answer:
        """Store an answer a colleague registered in Open Klant (the caller commits)."""
        ...


class KlantcontactRouting:
    """Per municipality: its Klantinteracties API client (connections are reused)."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        settings: Settings | None = None,
        *,
        conversations: Conversations,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Clock = utcnow,
    ) -> None:
        self.session_factory, self._settings = session_factory, settings
        self.conversations = conversations
        self.transport, self.clock = transport, clock
        self._clients: dict[uuid.UUID, tuple[OpenKlantConfig, OpenKlant]] = {}
        #: Clients replaced after a settings change: a delivery may still use one, so they are
        #: closed with the rest.
        self._replaced: list[OpenKlant] = []

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from welkom.core.settings import get_settings

            self._settings = get_settings()
        return self._settings

    def config(self, municipality: Municipality) -> OpenKlantConfig:
        values = service.settings_of(municipality)
        if values is None:
            raise OpenKlantConfigError(
                f"municipality {municipality.code}: klantcontact registration is switched off"
            )
        return OpenKlantConfig.from_settings(
            municipality.code,
            values,
            self.settings.openklant.tokens,
            timeout=self.settings.zgw.timeout_seconds,
        )

    def client(self, municipality: Municipality) -> OpenKlant:
        """The municipality's client; raises PermanentDeliveryError when it is misconfigured."""
        try:
            config = self.config(municipality)
        except OpenKlantConfigError as exc:
            raise PermanentDeliveryError(str(exc)) from exc
        cached = self._clients.get(municipality.id)
        if cached is None or cached[0] != config:
            if cached is not None:
                self._replaced.append(cached[1])
            cached = (config, OpenKlant(config, transport=self.transport))
            self._clients[municipality.id] = cached
        return cached[1]

    async def aclose(self) -> None:
        """Close every client made (the app and ``welkom worker`` call it when they stop)."""
        for client in [*self._replaced, *(client for _, client in self._clients.values())]:
            await client.aclose()
        self._clients.clear()
        self._replaced.clear()


def _refused(exc: CaseRegisterRefused) -> PermanentDeliveryError:
    return PermanentDeliveryError(str(exc))


def zaak_identificator(question: Interaction, municipality: Municipality) -> tuple[str, str, str]:
    """How the klantcontact names the question's zaak: by uuid in a ZGW Zaken API, by
    identificatie in Welkom's embedded register."""
    if municipality.case_register == "zgw" and question.zaak_url:
        return ("openzaak", "uuid", question.zaak_url.rstrip("/").rsplit("/", 1)[-1])
    return ("welkom", "identificatie", question.zaak_identificatie or "")


async def contact_details(db: AsyncSession, resident_id: uuid.UUID) -> ContactDetails | None:
    """Name, email and phone, only if the resident consented to their reuse by the
    municipality (purpose ``reuse_contact_for_questions``); otherwise None."""
    if not await consent.allows(
        db, resident_id, Purpose.reuse_contact_for_questions, Recipient.municipality
    ):
        return None
    try:
        resident = await residents.get_own(db, resident_id)
    except Problem:  # erased
        return None
    return ContactDetails(
        name=resident.full_name or resident.preferred_name,
        email=resident.email,
        phone=resident.phone,
    )


class RegisterQuestionHandler:
    """A question (whose zaak is registered) becomes a klantcontact with betrokkene,
    onderwerpobject and interne taak."""

    def __init__(self, routing: KlantcontactRouting) -> None:
        self.routing = routing

    async def deliver(self, entry: OutboxEntry) -> Completion:
        async with self.routing.session_factory() as db:
            question = await interactions.for_registration(db, entry.reference)
            municipality = await municipalities.get(db, question.municipality_id)
            contact = await contact_details(db, question.resident_id)
        if question.registration_state != RegistrationState.registered:
            raise DeferDelivery(self.routing.clock() + WAIT_FOR_QUESTION)
        client = self.routing.client(municipality)
        try:
            klantcontact = await client.register_question(
                QuestionContact(
                    reference=question.id,
                    text=question.text,
                    taal=iso639_2b(question.language),
                    at=question.created_at,
                    zaak=zaak_identificator(question, municipality),
                    contact=contact,
                )
            )
        except CaseRegisterRefused as exc:
            raise _refused(exc) from exc

        async def record(db: AsyncSession) -> None:
            service.add_link(
                db,
                municipality_id=question.municipality_id,
                reference=question.id,
                question=question.id,
                role=LinkRole.question,
                klantcontact=klantcontact,
            )
            await processing.record(
                db,
                municipality_id=question.municipality_id,
                resident_ids=(question.resident_id,),
                purpose="case_registration",
                action="deliver",
                resource="open_klant.klantcontact",
                fields=("question",),
                description="A question registered as klantcontact in Open Klant",
            )

        return record

    async def parked(self, db: AsyncSession, entry: OutboxEntry, error: str) -> None:
        """Nothing to mark: the parked outbox entry is what records management sees."""


class RegisterAnswerHandler:
    """A caseworker's answer becomes a klantcontact whose onderwerpobject was the question."""

    def __init__(self, routing: KlantcontactRouting) -> None:
        self.routing = routing

    async def deliver(self, entry: OutboxEntry) -> Completion:
        async with self.routing.session_factory() as db:
            message, question = await self.routing.conversations.answer_for_registration(
                db, entry.reference
            )
            municipality = await municipalities.get(db, message.municipality_id)
            question_link = await service.link_of(db, question.id)
            question_entry = await outbox.find(
                db, kind=service.QUESTION_KIND, reference=question.id
            )
        if question_link is None:
            if question.registration_state == RegistrationState.parked:
                raise PermanentDeliveryError(
                    "the question's zaak registration is parked: retry it first, then this answer"
                )
            if question_entry is None and question.registration_state != RegistrationState.pending:
                raise PermanentDeliveryError(
                    "the question is not registered in the klantcontact register (asked before "
                    "it was switched on): the answer cannot refer to it"
                )
            if question_entry is not None and question_entry.state == OutboxState.parked:
                raise PermanentDeliveryError(
                    f"the question's klantcontact registration {question_entry.id} is parked: "
                    "retry it first, then this answer"
                )
            raise DeferDelivery(self.routing.clock() + WAIT_FOR_QUESTION)
        client = self.routing.client(municipality)
        try:
            klantcontact = await client.register_answer(
                AnswerContact(
                    reference=message.id,
                    question=question_link.klantcontact_uuid,
                    text=message.text,
                    taal=iso639_2b(message.language),
                    at=message.created_at,
                )
            )
        except CaseRegisterRefused as exc:
            raise _refused(exc) from exc

        async def record(db: AsyncSession) -> None:
            service.add_link(
                db,
                municipality_id=message.municipality_id,
                reference=message.id,
                question=question.id,
                role=LinkRole.answer_sent,
                klantcontact=klantcontact,
            )
            await processing.record(
                db,
                municipality_id=message.municipality_id,
                resident_ids=(question.resident_id,),
                purpose="case_registration",
                action="deliver",
                resource="open_klant.klantcontact",
                fields=("answer",),
                description="An answer registered as klantcontact in Open Klant",
            )

        return record

    async def parked(self, db: AsyncSession, entry: OutboxEntry, error: str) -> None:
        """Nothing to mark: the parked outbox entry is what records management sees."""


class PollAnswersHandler:
    """Picks up answers registered in Open Klant: one recurring entry per municipality.

    Each round checks the next batch of registered questions after the municipality's cursor;
    every answer found is stored as an answer to the question and the resident is notified,
    in one transaction with its link (so a repeated round shows nothing twice). Then the entry
    is handed back, due again after ``openklant_poll_interval_seconds``.
    """

    def __init__(self, routing: KlantcontactRouting) -> None:
        self.routing = routing

    async def deliver(self, entry: OutboxEntry) -> Completion:
        async with self.routing.session_factory() as db:
            municipality = await municipalities.get(db, entry.reference)
        if service.settings_of(municipality) is None:
            return _nothing  # switched off: delivered; switching on makes it due again
        client = self.routing.client(municipality)
        limit = self.routing.settings.openklant.poll_batch
        async with unit_of_work(self.routing.session_factory) as db:
            batch, cursor = await service.questions_to_poll(db, municipality.id, limit)
            for link in batch:
                try:
                    answers = await client.answers_to(link.klantcontact_uuid)
                except CaseRegisterRefused as exc:
                    raise _refused(exc) from exc
                await self._store(db, municipality, link.question_reference, answers)
            service.advance(cursor, batch, limit)
        interval = timedelta(seconds=self.routing.settings.openklant.poll_interval_seconds)
        raise DeferDelivery(self.routing.clock() + interval)

    async def _store(
        self,
        db: AsyncSession,
        municipality: Municipality,
        question_id: uuid.UUID,
        answers: list[ReceivedAnswer],
    ) -> None:
        known = await service.linked_klantcontacten(
            db, municipality.id, [a.klantcontact for a in answers]
        )
        fresh = [a for a in answers if a.klantcontact not in known and a.welkom_reference is None]
        if not fresh:
            return
        question = await db.get(Interaction, question_id)
        if question is None:
            return
        account_id = await accounts.account_id_for_resident(db, question.resident_id)
        for answer in fresh:
            if not answer.text.strip():
                continue
            try:
                async with db.begin_nested():
                    message = await self.routing.conversations.record_picked_up_answer(
                        db,
                        question,
                        author_name=municipality.name,
                        language=service.welkom_language(answer.taal, question.language),
                        text=answer.text,
                        at=service.when(answer.at),
                    )
                    await db.flush()
                    service.add_link(
                        db,
                        municipality_id=municipality.id,
                        reference=message.id,
                        question=question.id,
                        role=LinkRole.answer_received,
                        klantcontact=answer.klantcontact,
                    )
                    await db.flush()
            except IntegrityError:  # picked up by an earlier round that lost its lease
                continue
            if account_id is not None:
                await notifications.notify(
                    db,
                    municipality_id=municipality.id,
                    recipient_account_id=account_id,
                    kind=notification_kinds.QUESTION_ANSWERED,
                    reference_id=question.id,
                )
            log.info("klantcontact_answer_picked_up", question=str(question.id))

    async def parked(self, db: AsyncSession, entry: OutboxEntry, error: str) -> None:
        """Nothing to mark: the parked outbox entry is what records management sees."""


async def _nothing(db: AsyncSession) -> None:
    return None


def klantcontact_handlers(routing: KlantcontactRouting) -> dict[str, OutboxHandler]:
    """The klantcontact outbox kinds and their handlers (registered in ``app.outbox_handlers``)."""
    return {
        service.QUESTION_KIND: RegisterQuestionHandler(routing),
        service.ANSWER_KIND: RegisterAnswerHandler(routing),
        service.POLL_KIND: PollAnswersHandler(routing),
    }
