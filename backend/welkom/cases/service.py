"""Routing interactions into the municipality's case register through the outbox."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from welkom.auth import service as accounts
from welkom.cases import casetypes
from welkom.cases.local import LocalCaseRegister
from welkom.cases.ports import (
    CaseDocument,
    CaseRegister,
    CaseRegisterRefused,
    RegistrationRequest,
    RegistrationResult,
)
from welkom.core.i18n import iso639_2b
from welkom.interactions import service as interactions
from welkom.municipalities import service as municipalities
from welkom.municipalities.models import Municipality
from welkom.notifications import kinds as notification_kinds
from welkom.notifications import service as notifications
from welkom.outbox.models import OutboxEntry
from welkom.outbox.worker import Completion, PermanentDeliveryError

RegisterResolver = Callable[[Municipality], CaseRegister]


def identificatie_for(interaction_id: uuid.UUID) -> str:
    """The zaak identificatie, derived from the interaction id (≤ 40 characters)."""
    return f"WLK-{interaction_id.hex}"


class RegisterInteractionHandler:
    """Outbox handler: registers one interaction as a zaak with its document."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        resolve_register: RegisterResolver | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.resolve_register = resolve_register or (lambda _m: LocalCaseRegister(session_factory))

    async def deliver(self, entry: OutboxEntry) -> Completion:
        async with self.session_factory() as db:
            interaction = await interactions.for_registration(db, entry.reference)
            municipality = await municipalities.get(db, interaction.municipality_id)
        case_type = casetypes.for_kind(interaction.kind)
        identificatie = identificatie_for(interaction.id)
        request = RegistrationRequest(
            municipality_id=municipality.id,
            bronorganisatie=municipality.rsin,
            interaction_kind=interaction.kind,
            identificatie=identificatie,
            zaaktype=case_type.zaaktype,
            vertrouwelijkheidaanduiding=case_type.vertrouwelijkheidaanduiding,
            omschrijving=case_type.omschrijving,
            startdatum=interaction.created_at.date(),
            initiator_reference=interaction.resident_id.hex,
            document=CaseDocument(
                identificatie=f"{identificatie}-1",
                titel=case_type.document_titel,
                taal=iso639_2b(interaction.language),
                formaat="text/plain; charset=utf-8",
                inhoud=interaction.text.encode(),
            ),
        )
        try:
            result: RegistrationResult = await self.resolve_register(municipality).register(request)
        except CaseRegisterRefused as exc:
            raise PermanentDeliveryError(str(exc)) from exc

        async def record(db: AsyncSession) -> None:
            await interactions.record_registration(
                db, interaction.id, result.zaak_identificatie, result.zaak_url
            )
            # Tell the resident, in this same transaction: exactly once, with the registration.
            if account_id := await accounts.account_id_for_resident(db, interaction.resident_id):
                await notifications.notify(
                    db,
                    municipality_id=interaction.municipality_id,
                    recipient_account_id=account_id,
                    kind=notification_kinds.QUESTION_REGISTERED,
                    reference_id=interaction.id,
                )

        return record

    async def parked(self, db: AsyncSession, entry: OutboxEntry, error: str) -> None:
        await interactions.record_parked(db, entry.reference)
