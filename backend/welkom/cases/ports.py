# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The ``CaseRegister`` port: how Welkom hands an interaction to a municipal case system."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Protocol

#: Least to most restrictive (ZGW vertrouwelijkheidaanduiding).
CONFIDENTIALITY_LEVELS = (
    "openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk",
    "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim",
)  # fmt: skip
MINIMUM_CONFIDENTIALITY = "vertrouwelijk"


def at_least_confidential(level: str) -> str:
    """``level`` if it is at least ``vertrouwelijk``, otherwise ``vertrouwelijk``: never lower."""
    if CONFIDENTIALITY_LEVELS.index(level) < CONFIDENTIALITY_LEVELS.index(MINIMUM_CONFIDENTIALITY):
        return MINIMUM_CONFIDENTIALITY
    return level


@dataclass(frozen=True)
class CaseDocument:
    identificatie: str
    titel: str
    taal: str  # ISO 639-2/B
    formaat: str  # MIME type
    inhoud: bytes
    bestandsnaam: str = ""
    #: Who made the document: the resident (via Welkom) or the answering caseworker's role.
    auteur: str = "Inwoner via Welkom"
    #: The document's own date (an answer's is the day it was given); default: the zaak's.
    creatiedatum: date | None = None


@dataclass(frozen=True)
class RegistrationRequest:
    """Everything a register needs, and no more personal data than the zaak requires."""

    municipality_id: uuid.UUID
    bronorganisatie: str  # RSIN
    interaction_kind: str
    identificatie: str  # derived from the interaction id: retries find the same zaak
    zaaktype: str
    vertrouwelijkheidaanduiding: str
    omschrijving: str  # neutral, no personal data
    startdatum: date
    initiator_reference: str  # opaque
    document: CaseDocument | None = None
    #: ZGW only: from the case-type file.
    informatieobjecttype: str = ""
    statustype: str = ""  # the first status, set when the zaak is made
    roltype: str = ""  # initiator roltype; looked up in the Catalogi API when empty
    #: The zaak's toelichting (≤ 1000): the short case reference the resident reads out, so a
    #: colleague in the case system finds the zaak by it. No personal data.
    toelichting: str = ""
    #: Only when a recorded legal basis allows sending it; otherwise the opaque reference is used.
    initiator_bsn: str | None = None


@dataclass(frozen=True)
class RegistrationResult:
    zaak_identificatie: str
    zaak_url: str


class CaseRegister(Protocol):
    async def register(self, request: RegistrationRequest) -> RegistrationResult:
        """Create (or find, if it exists) the zaak and its document. Must be idempotent."""
        ...
