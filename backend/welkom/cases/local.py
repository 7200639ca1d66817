# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""``LocalCaseRegister``: the embedded case register, in Welkom's own database.

It behaves like a separate system: its own transaction, idempotent by (bronorganisatie,
identificatie) exactly as a ZGW Zaken API is.

For demos and tests it can refuse, as a ZGW register refuses a request it finds invalid: while
``WELKOM_LOCAL_REGISTER_REFUSAL_FILE`` exists, every registration raises
:class:`~welkom.zgw.errors.CaseRegisterRefused` with the problem details in that file, so the
outbox parks it; removing the file is the fix a records manager's retry then finds.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from welkom.cases.models import LocalDocument, LocalZaak
from welkom.cases.ports import RegistrationRequest, RegistrationResult, at_least_confidential
from welkom.core.unit_of_work import unit_of_work
from welkom.zgw.errors import CaseRegisterRefused


class LocalCaseRegister:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        refusal_file: Path | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.refusal_file = refusal_file

    def _refusal(self) -> CaseRegisterRefused | None:
        """The refusal the file describes, in the form :func:`welkom.zgw.errors.refusal` gives a
        ZGW register's answer (codes, field names, the register's detail); None without it."""
        if self.refusal_file is None:
            return None
        try:
            body = json.loads(self.refusal_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except ValueError:
            body = {}
        summary = {
            "status": body.get("status", 400),
            "code": body.get("code", "invalid"),
            "title": body.get("title", "Invalid input."),
            "detail": body.get("detail"),
            "invalidParams": [
                {"name": p.get("name"), "code": p.get("code"), "reason": p.get("reason")}
                for p in body.get("invalidParams") or []
            ],
            "operation": "POST /zaken/api/v1/zaken",
        }
        return CaseRegisterRefused(json.dumps(summary, ensure_ascii=False))

    async def register(self, request: RegistrationRequest) -> RegistrationResult:
        if (refused := self._refusal()) is not None:
            raise refused
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
                    col(LocalZaak.bronorganisatie) == request.bronorganisatie,
                    col(LocalZaak.identificatie) == request.identificatie,
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
                select(col(LocalDocument.id)).where(
                    col(LocalDocument.zaak_id) == zaak.id,
                    col(LocalDocument.identificatie) == document.identificatie,
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
