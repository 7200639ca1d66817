# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The uniform case types: one per interaction kind, the same for every interaction of that kind.

The embedded default uses :data:`LOCAL_CASE_TYPES`. A municipality on a ZGW case system has one
case-type file (TOML, owned by records management) mapping every interaction kind to its
catalogue's zaaktype, informatieobjecttype, statustypes (with resident-friendly labels) and
confidentiality. The file is validated when the API or a worker starts: an unknown kind, a
missing type or a confidentiality below ``vertrouwelijk`` refuses the start with a message
naming the file and every problem in it.

.. code-block:: toml

    [kinds.question]
    zaaktype = "https://zaken.example.nl/catalogi/api/v1/zaaktypen/…"
    informatieobjecttype = "https://…/informatieobjecttypen/…"
    vertrouwelijkheidaanduiding = "vertrouwelijk"   # optional; never lower
    omschrijving = "Vraag van inwoner via Welkom"   # neutral, no personal data
    document_titel = "Vraag van inwoner"

    [[kinds.question.statuses]]                      # the first one is set on creation
    statustype = "https://…/statustypen/…"
    label = { nl = "Ontvangen", en = "Received", ar = "تم الاستلام" }
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from welkom.cases.ports import CONFIDENTIALITY_LEVELS, at_least_confidential
from welkom.core.i18n import LANGUAGES


@dataclass(frozen=True)
class StatusLabel:
    statustype: str
    labels: dict[str, str]  # product language → label

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels.get("en") or self.labels["nl"]


@dataclass(frozen=True)
class CaseType:
    zaaktype: str
    omschrijving: str  # neutral text for every zaak of this type
    document_titel: str
    vertrouwelijkheidaanduiding: str = "vertrouwelijk"
    informatieobjecttype: str = ""
    statuses: tuple[StatusLabel, ...] = field(default=())
    roltype: str = ""

    def __post_init__(self) -> None:
        if (
            at_least_confidential(self.vertrouwelijkheidaanduiding)
            != self.vertrouwelijkheidaanduiding
        ):
            raise ValueError(f"{self.zaaktype}: confidentiality below vertrouwelijk is not allowed")

    @property
    def initial_statustype(self) -> str:
        return self.statuses[0].statustype if self.statuses else ""

    def status_label(self, statustype: str) -> StatusLabel | None:
        return next((s for s in self.statuses if s.statustype == statustype), None)


#: Interaction kinds that are registered as zaken. Every case-type file maps each of them.
KINDS = ("question", "document")

LOCAL_CASE_TYPES: dict[str, CaseType] = {
    "question": CaseType(
        zaaktype="urn:welkom:zaaktype:vraag-inwoner",
        omschrijving="Vraag van inwoner via Welkom",
        document_titel="Vraag van inwoner",
    ),
    "document": CaseType(
        zaaktype="urn:welkom:zaaktype:document-inwoner",
        omschrijving="Document van inwoner via Welkom",
        document_titel="Document van inwoner",
    ),
}


def for_kind(kind: str) -> CaseType:
    try:
        return LOCAL_CASE_TYPES[kind]
    except KeyError:
        raise LookupError(f"no case type for interaction kind {kind!r}") from None


class CaseTypeFileError(ValueError):
    """The case-type file is missing or wrong; the message lists every problem."""


@dataclass(frozen=True)
class CaseTypeFile:
    path: Path
    kinds: dict[str, CaseType]

    def for_kind(self, kind: str) -> CaseType:
        try:
            return self.kinds[kind]
        except KeyError:
            raise LookupError(f"{self.path}: no case type for interaction kind {kind!r}") from None

    def status_label(self, statustype: str) -> StatusLabel | None:
        for case_type in self.kinds.values():
            if found := case_type.status_label(statustype):
                return found
        return None


def _is_url(value: object) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


_KIND_KEYS = {
    "zaaktype", "informatieobjecttype", "vertrouwelijkheidaanduiding", "omschrijving",
    "document_titel", "statuses", "roltype",
}  # fmt: skip


def _parse_kind(kind: str, raw: object, problems: list[str]) -> CaseType | None:
    where = f"kinds.{kind}"
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be a table")
        return None
    for key in sorted(set(raw) - _KIND_KEYS):
        problems.append(f"{where}.{key}: unknown key")
    for key in ("zaaktype", "informatieobjecttype"):
        if not _is_url(raw.get(key)):
            problems.append(f"{where}.{key}: missing (an http(s) URL of the Catalogi API)")
    if "roltype" in raw and not _is_url(raw["roltype"]):
        problems.append(f"{where}.roltype: must be an http(s) URL")
    level = raw.get("vertrouwelijkheidaanduiding", "vertrouwelijk")
    if level not in CONFIDENTIALITY_LEVELS:
        problems.append(f"{where}.vertrouwelijkheidaanduiding: unknown level {level!r}")
    elif at_least_confidential(level) != level:
        problems.append(
            f"{where}.vertrouwelijkheidaanduiding: {level!r} is below 'vertrouwelijk'; "
            "Welkom never registers at a lower confidentiality"
        )
    for key, limit in (("omschrijving", 80), ("document_titel", 200)):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            problems.append(f"{where}.{key}: required text of at most {limit} characters")
    statuses: list[StatusLabel] = []
    raw_statuses = raw.get("statuses")
    if not isinstance(raw_statuses, list) or not raw_statuses:
        problems.append(f"{where}.statuses: at least one status (the first is set on creation)")
        raw_statuses = []
    for number, status in enumerate(raw_statuses):
        at = f"{where}.statuses[{number}]"
        if not isinstance(status, dict) or not _is_url(status.get("statustype")):
            problems.append(f"{at}.statustype: missing (an http(s) URL)")
            continue
        labels = status.get("label")
        if not isinstance(labels, dict) or not isinstance(labels.get("nl"), str):
            problems.append(f"{at}.label: a table of labels per language, with at least 'nl'")
            continue
        for language in sorted(set(labels) - set(LANGUAGES)):
            problems.append(f"{at}.label.{language}: not a language Welkom offers")
        statuses.append(StatusLabel(status["statustype"], {k: str(v) for k, v in labels.items()}))
    if problems:
        return None
    return CaseType(
        zaaktype=raw["zaaktype"],
        omschrijving=raw["omschrijving"],
        document_titel=raw["document_titel"],
        vertrouwelijkheidaanduiding=level,
        informatieobjecttype=raw["informatieobjecttype"],
        statuses=tuple(statuses),
        roltype=raw.get("roltype", ""),
    )


def load_file(path: Path) -> CaseTypeFile:
    """Read and validate a case-type file; :class:`CaseTypeFileError` lists every problem."""
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        raise CaseTypeFileError(f"case-type file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise CaseTypeFileError(f"case-type file {path} is not valid TOML: {exc}") from None
    problems: list[str] = []
    raw_kinds = document.get("kinds")
    if not isinstance(raw_kinds, dict):
        raise CaseTypeFileError(f"case-type file {path}: no [kinds.<kind>] tables")
    for key in sorted(set(document) - {"kinds"}):
        problems.append(f"{key}: unknown key")
    for kind in sorted(set(raw_kinds) - set(KINDS)):
        problems.append(f"kinds.{kind}: unknown interaction kind (known: {', '.join(KINDS)})")
    for kind in KINDS:
        if kind not in raw_kinds:
            problems.append(f"kinds.{kind}: missing; every interaction kind needs a case type")
    kinds: dict[str, CaseType] = {}
    for kind in KINDS:
        if kind in raw_kinds:
            kind_problems: list[str] = []
            parsed = _parse_kind(kind, raw_kinds[kind], kind_problems)
            problems += kind_problems
            if parsed is not None:
                kinds[kind] = parsed
    if problems:
        raise CaseTypeFileError(
            f"case-type file {path} is not valid:\n  - " + "\n  - ".join(problems)
        )
    return CaseTypeFile(path=path, kinds=kinds)
