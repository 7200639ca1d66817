"""The uniform case types: one per interaction kind, the same for every interaction of that kind.

The embedded default uses these local types; a ZGW case system is configured per municipality
with a case-type file mapping the same kinds to its catalogue's URLs.
"""

from __future__ import annotations

from dataclasses import dataclass

from welkom.cases.ports import at_least_confidential


@dataclass(frozen=True)
class CaseType:
    zaaktype: str
    omschrijving: str  # neutral text for every zaak of this type
    document_titel: str
    vertrouwelijkheidaanduiding: str = "vertrouwelijk"

    def __post_init__(self) -> None:
        if (
            at_least_confidential(self.vertrouwelijkheidaanduiding)
            != self.vertrouwelijkheidaanduiding
        ):
            raise ValueError(f"{self.zaaktype}: confidentiality below vertrouwelijk is not allowed")


LOCAL_CASE_TYPES: dict[str, CaseType] = {
    "question": CaseType(
        zaaktype="urn:welkom:zaaktype:vraag-inwoner",
        omschrijving="Vraag van inwoner via Welkom",
        document_titel="Vraag van inwoner",
    ),
}


def for_kind(kind: str) -> CaseType:
    try:
        return LOCAL_CASE_TYPES[kind]
    except KeyError:
        raise LookupError(f"no case type for interaction kind {kind!r}") from None
