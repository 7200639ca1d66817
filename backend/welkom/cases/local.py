# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""``LocalCaseRegister``: the embedded case register, in Welkom's own database.

It behaves like a separate system: its own transaction, idempotent by (bronorganisatie,
identificatie) exactly as a ZGW Zaken API is.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from welkom.cases.models import LocalDocument, LocalZaak
from welkom.cases.ports import RegistrationRequest, RegistrationResult, at_least_confidential
from welkom.core.unit_of_work import unit_of_work


class LocalCaseRegister:
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self.session_factory = session_factory

    async def register(self, request: RegistrationRequest) -> RegistrationResult:
        async with unit_of_work(self.session_factory) as db:
            zaak = await self._zaak(db, request)
            if request.document is not None:
                await self._document(db, zaak, request)
        return RegistrationResult(
            zaak_identificatie=zaak.identificatie, zaak_url=f"urn:welkom:local-zaak:{zaak.id}"
        )

    async def _zaak(self, db: AsyncSession, request: RegistrationRequest) -> LocalZaak:
        existing = await self._find(db, request)
        if existing is not None:
            return existing
        zaak = LocalZaak(
            municipality_id=request.municipality_id,
            bronorganisatie=request.bronorganisatie,
            identificatie=request.identificatie,
            zaaktype=request.zaaktype,
            vertrouwelijkheidaanduiding=at_least_confidential(request.vertrouwelijkheidaanduiding),
            omschrijving=request.omschrijving[:80],
            toelichting=request.toelichting[:1000],
            startdatum=request.startdatum,
            initiator_reference=request.initiator_reference,
        )
        try:
            async with db.begin_nested():
                db.add(zaak)
        except IntegrityError:  # made concurrently by another delivery: use that one
            found = await self._find(db, request)
            assert found is not None
            return found
        return zaak

    async def _find(self, db: AsyncSession, request: RegistrationRequest) -> LocalZaak | None:
        return (
            await db.execute(
                select(LocalZaak).where(
                    LocalZaak.bronorganisatie == request.bronorganisatie,
                    LocalZaak.identificatie == request.identificatie,
                )
            )
        ).scalar_one_or_none()

    async def _document(
        self, db: AsyncSession, zaak: LocalZaak, request: RegistrationRequest
    ) -> None:
        document = request.document
        assert document is not None
        exists = (
            await db.execute(
                select(LocalDocument.id).where(
                    LocalDocument.zaak_id == zaak.id,
                    LocalDocument.identificatie == document.identificatie,
                )
            )
        ).first()
        if exists is None:
            db.add(
                LocalDocument(
                    zaak_id=zaak.id,
                    identificatie=document.identificatie,
                    titel=document.titel,
                    taal=document.taal,
                    vertrouwelijkheidaanduiding=at_least_confidential(
                        request.vertrouwelijkheidaanduiding
                    ),
                    formaat=document.formaat,
                    inhoud=document.inhoud,
                    bestandsomvang=len(document.inhoud),
                    checksum_sha256=hashlib.sha256(document.inhoud).hexdigest(),
                )
            )
