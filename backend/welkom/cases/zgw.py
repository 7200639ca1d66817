# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""``ZGWCaseRegister``: registers interactions in a municipality's ZGW case system (Open Zaak).

One registration is a series of steps, each safe to repeat:

1. **zaak** — ``POST /zaken`` with our own ``identificatie`` (derived from the interaction id);
   ``identificatie-niet-uniek`` means an earlier attempt made it: look it up and continue.
2. **rol** — the initiator (roltype from the case-type file or the Catalogi API).
3. **status** — the first status from the case-type file.
4. **document** — an EnkelvoudigInformatieObject with its own identificatie (same rule as the
   zaak), inline or in bestandsdelen for large files.
5. **link** — the ZaakInformatieObject.

When the zaak was made in this attempt nothing after it can exist yet, so steps 2–5 only look
before they create when the zaak was found (a retry after a crash). ``observer`` is told after
each step; tests use it to crash the process right after a POST succeeded.

Failures: connection errors, timeouts, 429 and 5xx raise :class:`CaseRegisterError` (the outbox
retries with backoff); other 4xx raise :class:`CaseRegisterRefused` with the problem details the
register returned (the outbox parks the entry for records management).

Guards against what Open Zaak does under real use:

- A **closed zaak** (``einddatum`` set) refuses new links: a registration onto a zaak that was
  found closed is refused before a document is made (no orphan document), code ``zaak-closed``.
- A document found from an earlier attempt is **verified** before it is linked: its
  ``bestandsomvang`` and ``integriteit`` must match what is being sent. A force-unlocked
  interrupted upload has neither; it is refused (``document-content-mismatch``) instead of
  linking an empty document.
- ``datumStatusGezet`` is ``clock_margin_seconds`` in the past: a register whose clock is a
  little behind ours refuses a future date (``date-in-future``).
"""

from __future__ import annotations

import base64
import json
import socket
import time
import uuid
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import structlog
from joserfc import jwt
from joserfc.jwk import OctKey
from pydantic import SecretStr

from welkom.cases.ports import RegistrationRequest, RegistrationResult, at_least_confidential
from welkom.core import tracing
from welkom.zgw.errors import CaseRegisterError, CaseRegisterRefused, path_of, refusal

log = structlog.get_logger("welkom.cases.zgw")

#: Required on /zaken, /zaken/{uuid} and /zaken/_zoek (412 without, 406 when wrong).
CRS_HEADERS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
StepObserver = Callable[[str, str], Awaitable[None]]


class ZGWConfigError(ValueError):
    """A municipality's ZGW settings are incomplete (message names the setting, no secret)."""


@dataclass(frozen=True)
class ZGWConfig:
    """Where and how to reach one municipality's case system."""

    zaken_api: str
    documenten_api: str
    catalogi_api: str
    client_id: str
    secret: SecretStr
    notificaties_api: str = ""
    user_id: str = "welkom"
    user_representation: str = "Welkom"
    timeout: float = 15.0
    bestandsdelen_threshold: int = 4 * 1024 * 1024
    clock_margin_seconds: float = 5.0

    @classmethod
    def from_settings(
        cls, code: str, values: dict[str, Any], secrets: dict[str, SecretStr], **extra: Any
    ) -> ZGWConfig:
        """From ``municipality.case_register_settings`` and the secret in the environment."""
        missing = [
            key
            for key in ("zaken_api", "documenten_api", "catalogi_api", "client_id")
            if not values.get(key)
        ]
        if missing:
            raise ZGWConfigError(
                f"municipality {code}: case_register_settings lacks {', '.join(missing)}"
            )
        if code not in secrets:
            raise ZGWConfigError(
                f"municipality {code}: no ZGW secret in WELKOM_ZGW_CLIENT_SECRETS for its client_id"
            )
        return cls(
            zaken_api=values["zaken_api"].rstrip("/"),
            documenten_api=values["documenten_api"].rstrip("/"),
            catalogi_api=values["catalogi_api"].rstrip("/"),
            notificaties_api=values.get("notificaties_api", "").rstrip("/"),
            client_id=values["client_id"],
            secret=secrets[code],
            user_id=values.get("user_id", "welkom"),
            user_representation=values.get("user_representation", "Welkom"),
            **extra,
        )


class ZGWAuth(httpx.Auth):
    """The ZGW JWT (HS256, shared secret), made fresh for every request.

    Open Zaak refuses tokens older than its limit or with ``iat`` in the future, with no leeway:
    a cached token would start failing an hour into a long retry run.
    """

    def __init__(self, config: ZGWConfig) -> None:
        self._key = OctKey.import_key(config.secret.get_secret_value())
        self._claims = {
            "iss": config.client_id,
            "client_id": config.client_id,
            "user_id": config.user_id,
            "user_representation": config.user_representation,
        }

    def token(self) -> str:
        return jwt.encode(
            {"alg": "HS256", "typ": "JWT"}, self._claims | {"iat": int(time.time())}, self._key
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token()}"
        yield request

    def __repr__(self) -> str:  # never show the key
        return f"ZGWAuth(client_id={self._claims['client_id']!r})"


def _invalid_codes(response: httpx.Response) -> set[str]:
    try:
        return {p.get("code") for p in response.json().get("invalidParams") or []}
    except (ValueError, AttributeError):
        return set()


class ZGWClient:
    """httpx with the ZGW JWT and the failure mapping (transient vs refused)."""

    def __init__(self, config: ZGWConfig, transport: httpx.AsyncBaseTransport | None = None):
        self.config = config
        if transport is None:
            # Without TCP_NODELAY each request body waits for the ACK of its headers (Nagle
            # and delayed ACK): measured 6x slower on loopback (bench/RESULTS.md).
            transport = httpx.AsyncHTTPTransport(
                limits=httpx.Limits(max_connections=64, max_keepalive_connections=32),
                socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
            )
        self.http = httpx.AsyncClient(
            auth=ZGWAuth(config),
            timeout=config.timeout,
            transport=transport,
            headers={"Accept": "application/json"},
        )

    async def aclose(self) -> None:
        await self.http.aclose()

    async def send(
        self,
        method: str,
        url: str,
        *,
        crs: bool = False,
        accept: tuple[int, ...] = (),
        **kwargs: Any,
    ) -> httpx.Response:
        """Send; 2xx and the statuses in ``accept`` are returned, the rest raised."""
        headers = dict(kwargs.pop("headers", {})) | tracing.outgoing_headers()
        if crs:
            headers |= CRS_HEADERS
        try:
            response = await self.http.request(method, url, headers=headers, **kwargs)
        except httpx.TransportError as exc:  # connect errors, timeouts, protocol errors
            raise CaseRegisterError(
                f"{type(exc).__name__} on {method} {path_of(httpx.URL(url))}"
            ) from exc
        if response.is_success or response.status_code in accept:
            return response
        if response.status_code == 429 or response.status_code >= 500:
            raise CaseRegisterError(
                f"{response.status_code} on {method} {path_of(response.request.url)}"
            )
        raise refusal(response)

    async def get_json(self, url: str, *, crs: bool = False, **kwargs: Any) -> Any:
        return (await self.send("GET", url, crs=crs, **kwargs)).json()

    async def all_results(
        self, url: str, *, params: dict[str, str] | None = None, crs: bool = False
    ) -> list[dict[str, Any]]:
        """Every result of a paginated list (follows ``next``)."""
        results: list[dict[str, Any]] = []
        page: Any = await self.get_json(url, params=params, crs=crs)
        while True:
            if isinstance(page, list):  # some lists are not paginated (zaakinformatieobjecten)
                return results + page
            results += page["results"]
            if not page.get("next"):
                return results
            page = await self.get_json(page["next"], crs=crs)


class ZGWCaseRegister:
    """A :class:`~welkom.cases.ports.CaseRegister` for one municipality's ZGW APIs."""

    def __init__(
        self,
        config: ZGWConfig,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        observer: StepObserver | None = None,
    ) -> None:
        self.config = config
        self.client = ZGWClient(config, transport)
        self.observer = observer
        self._roltypen: dict[str, str] = {}

    async def aclose(self) -> None:
        await self.client.aclose()

    async def _step(self, name: str, url: str) -> None:
        if self.observer is not None:
            await self.observer(name, url)

    async def register(self, request: RegistrationRequest) -> RegistrationResult:
        zaak, created = await self._zaak(request)
        await self._step("zaak", zaak["url"])
        await self._rol(request, zaak["url"], look_first=not created)
        await self._status(request, zaak["url"], look_first=not created)
        if request.document is not None and not created and zaak.get("einddatum"):
            raise CaseRegisterRefused(
                json.dumps({"code": "zaak-closed", "operation": "POST /zaakinformatieobjecten",
                            "detail": "The zaak is closed (einddatum set): it accepts no new "
                            "documents. Reopen the zaak in the case system, then retry; "
                            "nothing was sent."})
            )  # fmt: skip
        if request.document is not None:
            document = await self._document(request)
            await self._link(request, zaak["url"], document, look_first=not created)
        log.info("zgw_registered", kind=request.interaction_kind, recovered=not created)
        return RegistrationResult(zaak_identificatie=zaak["identificatie"], zaak_url=zaak["url"])

    # -- zaak
    async def _zaak(self, request: RegistrationRequest) -> tuple[dict[str, Any], bool]:
        body = {
            "identificatie": request.identificatie,
            "bronorganisatie": request.bronorganisatie,
            "verantwoordelijkeOrganisatie": request.bronorganisatie,
            "zaaktype": request.zaaktype,
            "vertrouwelijkheidaanduiding": at_least_confidential(
                request.vertrouwelijkheidaanduiding
            ),
            "startdatum": request.startdatum.isoformat(),
            "omschrijving": request.omschrijving[:80],
        }
        if request.toelichting:
            body["toelichting"] = request.toelichting[:1000]
        response = await self.client.send(
            "POST", f"{self.config.zaken_api}/zaken", json=body, crs=True, accept=(400,)
        )
        if response.status_code == 201:
            return response.json(), True
        if "identificatie-niet-uniek" not in _invalid_codes(response):
            raise refusal(response)
        found = await self.find_zaak(request.bronorganisatie, request.identificatie)
        if found is None:  # should not happen: the register said it exists
            raise CaseRegisterError("zaak reported as existing but not found")
        return found, False

    async def find_zaak(self, bronorganisatie: str, identificatie: str) -> dict[str, Any] | None:
        page = await self.client.send(
            "POST",
            f"{self.config.zaken_api}/zaken/_zoek",
            json={"bronorganisatie": bronorganisatie, "identificatie": identificatie},
            crs=True,
        )
        results = page.json()["results"]
        return results[0] if results else None

    # -- rol
    async def roltype_for(self, zaaktype: str) -> str:
        if zaaktype not in self._roltypen:
            found = await self.client.all_results(
                f"{self.config.catalogi_api}/roltypen",
                params={"zaaktype": zaaktype, "omschrijvingGeneriek": "initiator"},
            )
            if not found:
                raise CaseRegisterRefused(
                    json.dumps({"code": "no-initiator-roltype", "zaaktype": zaaktype})
                )
            self._roltypen[zaaktype] = found[0]["url"]
        return self._roltypen[zaaktype]

    async def _rol(self, request: RegistrationRequest, zaak_url: str, *, look_first: bool) -> None:
        if look_first:
            existing = await self.client.all_results(
                f"{self.config.zaken_api}/rollen",
                params={"zaak": zaak_url, "omschrijvingGeneriek": "initiator"},
            )
            if existing:
                return
        if request.initiator_bsn:  # only when a recorded legal basis allows it
            identification = {"inpBsn": request.initiator_bsn}
        else:  # the municipality's own number for a person without BSN (≤ 17 characters)
            identification = {"anpIdentificatie": anp_identificatie(request.initiator_reference)}
        response = await self.client.send(
            "POST",
            f"{self.config.zaken_api}/rollen",
            json={
                "zaak": zaak_url,
                "betrokkeneType": "natuurlijk_persoon",
                "roltype": request.roltype or await self.roltype_for(request.zaaktype),
                "roltoelichting": "Initiator via Welkom",
                "betrokkeneIdentificatie": identification,
            },
        )
        await self._step("rol", response.json()["url"])

    # -- status
    async def _status(
        self, request: RegistrationRequest, zaak_url: str, *, look_first: bool
    ) -> None:
        if not request.statustype:
            return
        if look_first:
            existing = await self.client.all_results(
                f"{self.config.zaken_api}/statussen", params={"zaak": zaak_url}
            )
            if existing:
                return
        response = await self.client.send(
            "POST",
            f"{self.config.zaken_api}/statussen",
            json={
                "zaak": zaak_url,
                "statustype": request.statustype,
                "datumStatusGezet": (
                    datetime.now(UTC) - timedelta(seconds=self.config.clock_margin_seconds)
                ).isoformat(),
            },
        )
        await self._step("status", response.json()["url"])

    # -- document
    async def _document(self, request: RegistrationRequest) -> dict[str, Any]:
        document = request.document
        assert document is not None
        large = len(document.inhoud) > self.config.bestandsdelen_threshold
        body: dict[str, Any] = {
            "identificatie": document.identificatie,
            "bronorganisatie": request.bronorganisatie,
            "creatiedatum": (document.creatiedatum or request.startdatum).isoformat(),
            "titel": document.titel[:200],
            "vertrouwelijkheidaanduiding": at_least_confidential(
                request.vertrouwelijkheidaanduiding
            ),
            "auteur": document.auteur[:200],
            "status": "definitief",
            "formaat": document.formaat,
            "taal": document.taal,
            "bestandsnaam": document.bestandsnaam,
            "bestandsomvang": len(document.inhoud),
            "informatieobjecttype": request.informatieobjecttype,
            "indicatieGebruiksrecht": False,
            "integriteit": {
                "algoritme": "sha_256",
                "waarde": _sha256(document.inhoud),
                "datum": (document.creatiedatum or request.startdatum).isoformat(),
            },
        }
        if not large:
            body["inhoud"] = base64.b64encode(document.inhoud).decode()
        response = await self.client.send(
            "POST",
            f"{self.config.documenten_api}/enkelvoudiginformatieobjecten",
            json=body,
            accept=(400,),
        )
        if response.status_code == 201:
            created: dict[str, Any] = response.json()
            if large:
                await self._upload_parts(created, document.inhoud)
            await self._step("document", created["url"])
            return created
        if "identificatie-niet-uniek" not in _invalid_codes(response):
            raise refusal(response)
        found = await self.client.all_results(
            f"{self.config.documenten_api}/enkelvoudiginformatieobjecten",
            params={
                "bronorganisatie": request.bronorganisatie,
                "identificatie": document.identificatie,
            },
        )
        if not found:
            raise CaseRegisterError("document reported as existing but not found")
        existing = found[0]
        if existing.get("locked") or any(not d["voltooid"] for d in existing["bestandsdelen"]):
            raise CaseRegisterRefused(
                json.dumps({"code": "document-locked", "operation": "bestandsdelen upload"
                            " interrupted; unlock it in the Documenten API, then retry"})
            )  # fmt: skip
        integriteit = existing.get("integriteit") or {}
        if existing.get("bestandsomvang") != len(document.inhoud) or (
            integriteit.get("waarde") and integriteit["waarde"] != _sha256(document.inhoud)
        ):
            raise CaseRegisterRefused(
                json.dumps({"code": "document-content-mismatch", "operation": "document check",
                            "detail": "The document in the Documenten API does not hold what "
                            "was sent (size or checksum differ; a forced unlock drops an "
                            "interrupted upload). Delete that document in the Documenten API, "
                            "then retry: it is uploaded again. Nothing was linked."})
            )  # fmt: skip
        return existing

    async def _upload_parts(self, created: dict[str, Any], content: bytes) -> None:
        # The VNG spec returns the lock in each bestandsdeel; Open Zaak also beside them.
        lock = created.get("lock") or next(
            (d["lock"] for d in created["bestandsdelen"] if d.get("lock")), ""
        )
        offset = 0
        for deel in sorted(created["bestandsdelen"], key=lambda d: d["volgnummer"]):
            chunk = content[offset : offset + deel["omvang"]]
            offset += deel["omvang"]
            await self.client.send(
                "PUT",
                deel["url"],
                data={"lock": lock},
                files={"inhoud": ("deel", chunk, "application/octet-stream")},
            )
        await self.client.send("POST", f"{created['url']}/unlock", json={"lock": lock})

    # -- link
    async def _link(
        self,
        request: RegistrationRequest,
        zaak_url: str,
        document: dict[str, Any],
        *,
        look_first: bool,
    ) -> None:
        if look_first:
            existing = await self.client.all_results(
                f"{self.config.zaken_api}/zaakinformatieobjecten",
                params={"zaak": zaak_url, "informatieobject": document["url"]},
            )
            if existing:
                return
        assert request.document is not None
        response = await self.client.send(
            "POST",
            f"{self.config.zaken_api}/zaakinformatieobjecten",
            json={
                "zaak": zaak_url,
                "informatieobject": document["url"],
                "titel": request.document.titel[:200],
            },
        )
        await self._step("link", response.json()["url"])

    # -- reading back (status for the resident)
    async def zaak_status(self, zaak_url: str) -> tuple[str, str, str] | None:
        """(status url, statustype url, datumStatusGezet) of the zaak's current status."""
        zaak = await self.client.get_json(zaak_url, crs=True)
        if not zaak.get("status"):
            return None
        status = await self.client.get_json(zaak["status"])
        return status["url"], status["statustype"], status["datumStatusGezet"]


def _sha256(content: bytes) -> str:
    import hashlib

    return hashlib.sha256(content).hexdigest()


def anp_identificatie(reference: str) -> str:
    """A stable 17-character number for the resident (the Rol allows at most 17)."""
    raw = uuid.UUID(hex=reference).bytes[:10] if len(reference) == 32 else reference.encode()[:10]
    return "W" + base64.b32encode(raw).decode().rstrip("=")[:16]
