# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Whether a municipality's ZGW credentials may do what registrations need (``welkom cases
check``): probes that create nothing, and on request a marked test registration that takes the
same steps as a real one and is deleted again (docs/cases.md, "The rights Welkom needs")."""

from __future__ import annotations

import contextlib
import json
import secrets
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from welkom.cases.ports import CaseDocument, RegistrationRequest, at_least_confidential
from welkom.cases.service import CaseRouting
from welkom.cases.zgw import ZGWCaseRegister
from welkom.municipalities.models import Municipality
from welkom.zgw.errors import CaseRegisterError, CaseRegisterRefused

#: A bronorganisatie that fails the 11-proef: a probe with it is refused as invalid (400) after
#: the register checked the rights (403), so it creates nothing.
_PROBE_RSIN = "000000001"
#: Scopes ``check_rights`` cannot see without creating data (documented in docs/cases.md).
UNPROBED_SCOPES = ("zaken.bijwerken", "documenten.bijwerken", "documenten.lock")
#: The scope a refused step of a registration needs (Open Zaak's rules), by the step's
#: method and the last segment of its path that is not an id.
STEP_SCOPES = {
    ("POST", "zaken"): "zaken.aanmaken",
    ("POST", "_zoek"): "zaken.lezen",
    ("GET", "zaken"): "zaken.lezen",
    ("POST", "rollen"): "zaken.bijwerken",
    ("GET", "rollen"): "zaken.lezen",
    ("POST", "statussen"): "zaken.aanmaken",
    ("GET", "statussen"): "zaken.lezen",
    ("POST", "zaakinformatieobjecten"): "zaken.aanmaken (new zaak) or zaken.bijwerken",
    ("GET", "zaakinformatieobjecten"): "zaken.lezen",
    ("POST", "enkelvoudiginformatieobjecten"): "documenten.aanmaken",
    ("GET", "enkelvoudiginformatieobjecten"): "documenten.lezen",
    ("PUT", "bestandsdelen"): "documenten.bijwerken",
    ("POST", "unlock"): "documenten.lock",
    ("GET", "roltypen"): "catalogi.lezen",
    ("DELETE", "zaken"): "zaken.verwijderen",
    ("DELETE", "zaakinformatieobjecten"): "zaken.bijwerken",
    ("DELETE", "enkelvoudiginformatieobjecten"): "documenten.verwijderen",
}
#: What marks the test registration in the register, for anyone who finds it there.
TEST_MARK = "Welkom: controle van rechten (testzaak, mag verwijderd worden)"


async def check_rights(routing: CaseRouting, municipality: Municipality) -> list[str]:
    """What the municipality's credentials may not do, probed against the live register without
    creating anything: reading zaken and documenten, and creating a zaak and a document of
    every case type at its vertrouwelijkheidaanduiding (a POST with an invalid bronorganisatie:
    a register answers 403 when the right is missing, else refuses the body with 400)."""
    problems: list[str] = []
    register = routing.zgw(municipality)
    config, client = register.config, register.client

    async def probe(what: str, method: str, url: str, **kwargs: Any) -> None:
        try:
            response = await client.send(method, url, accept=(400, 403), **kwargs)
        except (CaseRegisterError, CaseRegisterRefused) as exc:
            problems.append(f"{what}: could not be checked ({exc})")
            return
        if response.status_code == 403:
            detail = ""
            with contextlib.suppress(ValueError, AttributeError):
                detail = response.json().get("detail") or ""
            problems.append(f"missing {what} (403 {detail})".rstrip())

    await probe("scope zaken.lezen", "GET", f"{config.zaken_api}/zaken",
                params={"bronorganisatie": municipality.rsin, "identificatie": "WLK-check"},
                crs=True)  # fmt: skip
    await probe("scope documenten.lezen", "GET",
                f"{config.documenten_api}/enkelvoudiginformatieobjecten",
                params={"bronorganisatie": municipality.rsin, "identificatie": "WLK-check"})  # fmt: skip
    for kind, case_type in routing.case_types(municipality).kinds.items():
        level = at_least_confidential(case_type.vertrouwelijkheidaanduiding)
        await probe(
            f"scope zaken.aanmaken for kinds.{kind} at {level}", "POST", f"{config.zaken_api}/zaken",
            json={"bronorganisatie": _PROBE_RSIN, "verantwoordelijkeOrganisatie": _PROBE_RSIN,
                  "zaaktype": case_type.zaaktype, "vertrouwelijkheidaanduiding": level,
                  "startdatum": "2000-01-01", "omschrijving": "Welkom: controle van rechten"},
            crs=True,
        )  # fmt: skip
        await probe(
            f"scope documenten.aanmaken for kinds.{kind} at {level}", "POST",
            f"{config.documenten_api}/enkelvoudiginformatieobjecten",
            json={"bronorganisatie": _PROBE_RSIN, "creatiedatum": "2000-01-01",
                  "titel": "Welkom: controle van rechten", "auteur": "Welkom", "taal": "dut",
                  "informatieobjecttype": case_type.informatieobjecttype,
                  "vertrouwelijkheidaanduiding": level, "indicatieGebruiksrecht": False},
        )  # fmt: skip
    return problems


@dataclass
class TestRegistration:
    """The outcome of :func:`register_test_zaken`."""

    problems: list[str] = field(default_factory=list)
    #: What was created and could not be deleted again: (url, why), for records management.
    left_behind: list[tuple[str, str]] = field(default_factory=list)
    registered: list[str] = field(default_factory=list)  # the kinds that went through


def _missing_scope(refused: CaseRegisterRefused) -> str:
    """The register's refusal of one step, with the scope that step needs when it was a 403."""
    try:
        summary = json.loads(str(refused))
    except ValueError:
        return str(refused)
    operation = summary.get("operation") or ""
    method, _, path = operation.partition(" ")
    segments = [s for s in path.strip("/").split("/") if s]
    named = next(
        (STEP_SCOPES[(method, s)] for s in reversed(segments) if (method, s) in STEP_SCOPES), None
    )
    detail = summary.get("detail") or summary.get("title") or summary.get("code") or ""
    reasons = [f"{p.get('code')}: {p.get('reason')}" for p in summary.get("invalidParams") or []]
    if reasons:
        detail = f"{detail} {'; '.join(reasons)}".strip()
    if summary.get("status") == 403 and named:
        return f"missing scope {named}: {operation} refused (403 {detail})".rstrip()
    return f"{operation} refused ({summary.get('status')} {detail})".rstrip()


async def register_test_zaken(
    routing: CaseRouting, municipality: Municipality, today: date
) -> TestRegistration:
    """Register one marked test zaak per case type the way a resident's document is registered
    (zaak, initiator rol, first status, a document uploaded in bestandsdelen, unlocked and
    linked), then delete what was created: the link, the document, the zaak (with its rol and
    status). This sees the rights the probes cannot (``zaken.bijwerken``,
    ``documenten.bijwerken``, ``documenten.lock``). Deleting needs ``zaken.verwijderen`` and
    ``documenten.verwijderen``, which Welkom itself never uses: without them the test objects
    stay, marked, and are listed for records management to delete."""
    outcome = TestRegistration()
    base = routing.zgw(municipality)
    # Every document in parts, however small: the upload path is the one being checked.
    register = ZGWCaseRegister(
        replace(base.config, bestandsdelen_threshold=0), transport=routing.transport
    )
    try:
        for kind, case_type in routing.case_types(municipality).kinds.items():
            identificatie = f"WLK-CONTROLE-{secrets.token_hex(6).upper()}"
            request = RegistrationRequest(
                municipality_id=municipality.id,
                bronorganisatie=municipality.rsin,
                interaction_kind=kind,
                identificatie=identificatie,
                zaaktype=case_type.zaaktype,
                vertrouwelijkheidaanduiding=case_type.vertrouwelijkheidaanduiding,
                omschrijving=TEST_MARK,
                startdatum=today,
                initiator_reference=f"controle-{identificatie}",
                document=CaseDocument(
                    identificatie=f"{identificatie}-1",
                    titel=TEST_MARK,
                    taal="dut",
                    formaat="text/plain",
                    inhoud=f"{TEST_MARK}\n".encode(),
                    bestandsnaam="welkom-controle.txt",
                    auteur="Welkom",
                    creatiedatum=today,
                ),
                informatieobjecttype=case_type.informatieobjecttype,
                statustype=case_type.initial_statustype,
                roltype=case_type.roltype,
            )
            try:
                await register.register(request)
                outcome.registered.append(kind)
            except CaseRegisterRefused as refused:
                outcome.problems.append(f"kinds.{kind}: {_missing_scope(refused)}")
            except CaseRegisterError as exc:
                outcome.problems.append(f"kinds.{kind}: could not be checked ({exc})")
            outcome.left_behind += await _delete_test_objects(register, request)
    finally:
        await register.aclose()
    return outcome


async def _delete_test_objects(
    register: ZGWCaseRegister, request: RegistrationRequest
) -> list[tuple[str, str]]:
    """Find what the test registration created (also when it stopped half-way) and delete it:
    the links first (a linked document cannot go), then the document, then the zaak (its rol
    and status go with it). Returns what stayed, and why."""
    assert request.document is not None
    config, client = register.config, register.client
    stayed: list[tuple[str, str]] = []
    try:
        zaak = await register.find_zaak(request.bronorganisatie, request.identificatie)
        documents = await client.all_results(
            f"{config.documenten_api}/enkelvoudiginformatieobjecten",
            params={"bronorganisatie": request.bronorganisatie,
                    "identificatie": request.document.identificatie},
        )  # fmt: skip
        links = (
            await client.all_results(
                f"{config.zaken_api}/zaakinformatieobjecten", params={"zaak": zaak["url"]}
            )
            if zaak
            else []
        )
    except (CaseRegisterError, CaseRegisterRefused) as exc:
        return [(request.identificatie, f"could not be looked up to delete it ({exc})")]
    urls = [link["url"] for link in links] + [d["url"] for d in documents]
    urls += [zaak["url"]] if zaak else []
    for url in urls:
        try:  # the Zaken API wants the CRS headers on a zaak, also when deleting it
            await client.send("DELETE", url, crs=zaak is not None and url == zaak["url"])
        except CaseRegisterRefused as refused:
            stayed.append((url, _missing_scope(refused).replace("missing scope", "needs")))
        except CaseRegisterError as exc:
            stayed.append((url, f"could not be deleted ({exc})"))
    return stayed
