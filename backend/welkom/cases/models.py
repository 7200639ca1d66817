# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import date, datetime

from sqlalchemy import LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from welkom.core.models import DateTimeUTC, id_field, municipality_fk, timestamp_field


class LocalZaak(SQLModel, table=True):
    """A zaak in the embedded case register (used when no ZGW case system is configured)."""

    __tablename__ = "local_zaak"
    __table_args__ = (
        UniqueConstraint("bronorganisatie", "identificatie", name="uq_local_zaak_identificatie"),
    )

    id: uuid.UUID = id_field()
    municipality_id: uuid.UUID = municipality_fk()
    bronorganisatie: str = Field(max_length=9)
    identificatie: str = Field(max_length=40)
    zaaktype: str = Field(max_length=1000)
    vertrouwelijkheidaanduiding: str = Field(max_length=20)
    omschrijving: str = Field(max_length=80)
    toelichting: str = Field(default="", max_length=1000)
    startdatum: date
    initiator_reference: str = Field(max_length=64, description="Opaque id of the initiator")
    created_at: datetime = timestamp_field()


class LocalDocument(SQLModel, table=True):
    """An informatieobject on a local zaak."""

    __tablename__ = "local_document"
    __table_args__ = (
        UniqueConstraint("zaak_id", "identificatie", name="uq_local_document_identificatie"),
    )

    id: uuid.UUID = id_field()
    zaak_id: uuid.UUID = Field(foreign_key="local_zaak.id", index=True)
    identificatie: str = Field(max_length=40)
    titel: str = Field(max_length=200)
    taal: str = Field(max_length=3, description="ISO 639-2/B")
    vertrouwelijkheidaanduiding: str = Field(max_length=20)
    formaat: str = Field(max_length=255)
    inhoud: bytes = Field(sa_type=LargeBinary)
    bestandsomvang: int
    checksum_sha256: str = Field(max_length=64)
    created_at: datetime = timestamp_field()


class CaseStatus(SQLModel, table=True):
    """The current status of a registered interaction's zaak, as the case system reports it."""

    __tablename__ = "case_status"

    interaction_id: uuid.UUID = Field(foreign_key="interaction.id", primary_key=True)
    municipality_id: uuid.UUID = municipality_fk()
    status_url: str = Field(max_length=1000)
    statustype: str = Field(max_length=1000)
    status_set_at: datetime = Field(sa_type=DateTimeUTC)
    updated_at: datetime = timestamp_field()
