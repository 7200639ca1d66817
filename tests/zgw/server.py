# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A test ZGW case system: Zaken, Documenten, Catalogi and Notificaties in one ASGI app.

Every request is validated against the official OpenAPI documents (``tests/zgw/specs.py``) with
openapi-core, and so is every answer it gives. A request that does not conform is recorded in
:attr:`ZGWServer.violations` (and answered 400); the fixtures fail the test if any were recorded.
The JWT is checked as Open Zaak checks it (HS256, shared secret, ``iat`` within the hour and not
in the future). It keeps its objects in memory and behaves as Open Zaak does where Welkom relies
on it: ``identificatie-niet-uniek`` on a duplicate, ``bestandsomvang`` checked against the
content, bestandsdelen with a lock, a unique (zaak, informatieobject) link.

Open Zaak's stricter rules are modelled too (``/work/shared/zgw/README.md``): the scopes a client
holds (``scopes``: client_id → scopes; a client not listed holds every scope), one status per
zaak with only ``zaken.aanmaken``, at most one initiator rol (``max-occurences``), no changes to
a closed zaak (an eindstatus sets ``einddatum``), ``date-in-future`` by the register's own clock
(``clock``), and a forced unlock drops bestandsdelen that were not all uploaded (``inhoud`` and
``bestandsomvang`` become null).

This is test code: it simulates the municipality's case system, nothing else.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import multipart
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from tests.zgw import specs

HOST = "http://zgw.test"
API_VERSION = {
    "zaken": "1.5.1",
    "documenten": "1.4.2",
    "catalogi": "1.3.1",
    "notificaties": "1.0.0",
}
Handler = Callable[["Call"], Awaitable["Answer"]]
_CATALOG_FILTERS = ("zaaktype", "omschrijvingGeneriek")


@dataclass
class OpenAPIRequest:
    """openapi-core's Request protocol over the raw ASGI request."""

    host_url: str
    path: str
    method: str
    body: bytes | None
    content_type: str
    headers: dict[str, str]
    query: list[tuple[str, str]]

    def __post_init__(self) -> None:
        # The specs declare Content-Type as a header parameter enumerating bare media types;
        # its parameters (multipart's boundary) are not part of the media type.
        headers = {
            k: (v.split(";")[0].strip() if k.lower() == "content-type" else v)
            for k, v in self.headers.items()
        }
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(self.query),
            header=Headers(headers),
            cookie=ImmutableMultiDict(),
            path={},
        )


@dataclass
class OpenAPIResponse:
    status_code: int
    content_type: str
    headers: Headers
    data: bytes | None


@dataclass
class Call:
    component: str
    method: str
    path: str  # below the component's prefix, e.g. /zaken/<uuid>
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    scopes: frozenset[str] | None = None  # None: every scope

    def allowed(self, *wanted: str) -> bool:
        return self.scopes is None or any(scope in self.scopes for scope in wanted)

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Answer:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    content_type: str = "application/json"


def problem(status: int, code: str, title: str, invalid: list[dict] | None = None) -> Answer:
    body = {
        "type": f"{HOST}/ref/fouten/{code}/",
        "code": code,
        "title": title,
        "status": status,
        "detail": title,
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    if invalid is not None:
        body["invalidParams"] = invalid
    return Answer(status, body, content_type="application/problem+json")


def invalid(name: str, code: str, reason: str) -> Answer:
    return problem(
        400, "invalid", "Invalid input.", [{"name": name, "code": code, "reason": reason}]
    )


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def forbidden(detail: str = "Je hebt geen toestemming om deze actie uit te voeren.") -> Answer:
    answer = problem(
        403, "permission_denied", "Je hebt geen toestemming om deze actie uit te voeren."
    )
    answer.body["detail"] = detail
    return answer


CLOSED_ZAAK = "Je mag geen gegevens aanpassen van een gesloten zaak."
ONE_STATUS = "Met de 'zaken.aanmaken' scope mag je slechts 1 status zetten"
#: (component, method, route) → scopes of which the client needs one (Open Zaak's rules).
REQUIRED_SCOPES = {
    ("zaken", "POST", "/zaken"): ("zaken.aanmaken",),
    ("zaken", "POST", "/rollen"): ("zaken.bijwerken", "zaken.geforceerd-bijwerken"),
    ("zaken", "POST", "/statussen"): ("zaken.aanmaken", "zaken.bijwerken"),
    ("zaken", "POST", "/zaakinformatieobjecten"): ("zaken.aanmaken", "zaken.bijwerken"),
    ("zaken", "GET", "*"): ("zaken.lezen",),
    ("zaken", "POST", "/zaken/_zoek"): ("zaken.lezen",),
    ("documenten", "POST", "/enkelvoudiginformatieobjecten"): ("documenten.aanmaken",),
    ("documenten", "GET", "*"): ("documenten.lezen",),
    ("documenten", "PUT", "/bestandsdelen/{uuid}"): ("documenten.bijwerken",),
    ("documenten", "POST", "/enkelvoudiginformatieobjecten/{uuid}/unlock"): (
        "documenten.lock", "documenten.geforceerd-unlock"),
    ("catalogi", "GET", "*"): ("catalogi.lezen",),
    ("zaken", "DELETE", "/zaken/{uuid}"): ("zaken.verwijderen",),
    ("zaken", "DELETE", "/zaakinformatieobjecten/{uuid}"): (
        "zaken.bijwerken", "zaken.geforceerd-bijwerken", "zaken.verwijderen"),
    ("documenten", "DELETE", "/enkelvoudiginformatieobjecten/{uuid}"): ("documenten.verwijderen",),
}  # fmt: skip


def _undocumented_by_open_zaak(method: str, path: str, status: int) -> bool:
    """Answers Open Zaak gives that its own OpenAPI documents do not list: deleting a document
    that is linked or locked raises a validation error (400 ``pending-relations`` /
    ``destroy-locked``, Open Zaak's ``EnkelvoudigInformatieObjectViewSet.perform_destroy``)."""
    return (
        method.lower() == "delete"
        and status == 400
        and "/documenten/api/v1/enkelvoudiginformatieobjecten/" in path
    )


class ZGWServer:
    """The simulated case system. ``clients`` maps JWT client_id → secret."""

    def __init__(
        self,
        clients: dict[str, str],
        *,
        host: str = HOST,
        validate_every: int = 1,
        scopes: dict[str, set[str]] | None = None,
    ):
        """``validate_every``: check every request (tests), or every n-th (the benchmark, where
        openapi-core's ~5 ms per request would measure the validator rather than Welkom)."""
        self.host = host
        self.scopes = scopes or {}
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)  # the register's clock
        self.validate_every = validate_every
        self._handled = 0
        self._by_identificatie: dict[tuple[str, str, str], dict] = {}  # (kind, bron, id) → obj
        self._statussen_by_zaak: dict[str, list[dict]] = {}
        self.clients = clients
        self.violations: list[str] = []
        self.auth_failures: list[str] = []
        self.log: list[tuple[str, str, int]] = []
        self.traceparents: list[tuple[str, str, str | None]] = []  # (method, path, header)
        self.outage = False  # answer 503 (a proxy in front of a dead backend)
        self.latency = 0.0  # seconds each request takes before it is handled (a slow system)
        self.before: Callable[[Call], Answer | None] | None = None  # inject failures
        self.callback_client: httpx.AsyncClient | None = None  # reaches Welkom's callback
        self.zaken: dict[str, dict] = {}
        self.rollen: dict[str, dict] = {}
        self.statussen: dict[str, dict] = {}
        self.zios: dict[str, dict] = {}
        self._zio_pairs: set[tuple[str, str]] = set()  # (zaak, informatieobject): unique
        self.documenten: dict[str, dict] = {}
        self.inhoud: dict[str, bytes] = {}
        self.delen: dict[str, dict] = {}  # bestandsdeel uuid → {document, volgnummer, omvang, data}
        self.locks: dict[str, str] = {}
        self.catalog: dict[str, dict] = {}  # url → catalogi object
        self.abonnementen: dict[str, dict] = {}
        self.routes: list[tuple[str, str, str, Handler]] = [
            ("zaken", "POST", "/zaken", self._create_zaak),
            ("zaken", "GET", "/zaken", self._list_zaken),
            ("zaken", "POST", "/zaken/_zoek", self._zoek_zaken),
            ("zaken", "GET", "/zaken/{uuid}", self._get(self.zaken)),
            ("zaken", "POST", "/rollen", self._create_rol),
            ("zaken", "GET", "/rollen", self._list_rollen),
            ("zaken", "POST", "/statussen", self._create_status),
            ("zaken", "GET", "/statussen", self._list_statussen),
            ("zaken", "GET", "/statussen/{uuid}", self._get(self.statussen)),
            ("zaken", "POST", "/zaakinformatieobjecten", self._create_zio),
            ("zaken", "GET", "/zaakinformatieobjecten", self._list_zios),
            ("zaken", "DELETE", "/zaken/{uuid}", self._delete_zaak),
            ("zaken", "DELETE", "/zaakinformatieobjecten/{uuid}", self._delete_zio),
            (
                "documenten",
                "DELETE",
                "/enkelvoudiginformatieobjecten/{uuid}",
                self._delete_document,
            ),
            ("documenten", "POST", "/enkelvoudiginformatieobjecten", self._create_document),
            ("documenten", "GET", "/enkelvoudiginformatieobjecten", self._list_documenten),
            ("documenten", "GET", "/enkelvoudiginformatieobjecten/{uuid}", self._get_document),
            ("documenten", "GET", "/enkelvoudiginformatieobjecten/{uuid}/download", self._download),
            ("documenten", "POST", "/enkelvoudiginformatieobjecten/{uuid}/unlock", self._unlock),
            ("documenten", "PUT", "/bestandsdelen/{uuid}", self._put_deel),
            ("catalogi", "GET", "/zaaktypen/{uuid}", self._get_catalog("zaaktypen")),
            ("catalogi", "GET", "/informatieobjecttypen/{uuid}", self._get_catalog("iotypen")),
            ("catalogi", "GET", "/statustypen/{uuid}", self._get_catalog("statustypen")),
            ("catalogi", "GET", "/statustypen", self._list_catalog("statustypen")),
            ("catalogi", "GET", "/roltypen/{uuid}", self._get_catalog("roltypen")),
            ("catalogi", "GET", "/roltypen", self._list_catalog("roltypen")),
            ("notificaties", "POST", "/abonnement", self._create_abonnement),
            ("notificaties", "GET", "/abonnement", self._list_abonnementen),
        ]

    # ----------------------------------------------------------------- the catalogue
    def url(self, component: str, path: str) -> str:
        return self.host + specs.COMPONENTS[component][1] + path

    def base_urls(self) -> dict[str, str]:
        return {f"{c}_api": self.url(c, "") for c in specs.COMPONENTS}

    def add_zaaktype(
        self, omschrijving: str, *, statussen: tuple[str, ...] = ("Ontvangen", "Afgehandeld")
    ) -> dict[str, Any]:
        """A published zaaktype with its informatieobjecttype, statustypen and initiator roltype."""
        catalogus = self.url("catalogi", f"/catalogussen/{uuid.uuid4()}")
        zaaktype = self.url("catalogi", f"/zaaktypen/{uuid.uuid4()}")
        iotype = self.url("catalogi", f"/informatieobjecttypen/{uuid.uuid4()}")
        roltype = self.url("catalogi", f"/roltypen/{uuid.uuid4()}")
        ident = f"ZT-{len(self.catalog):04d}"
        statustypen = [self.url("catalogi", f"/statustypen/{uuid.uuid4()}") for _ in statussen]
        self.catalog[zaaktype] = {
            "_kind": "zaaktypen", "url": zaaktype, "identificatie": ident,
            "omschrijving": omschrijving, "vertrouwelijkheidaanduiding": "vertrouwelijk",
            "doel": "Registratie", "aanleiding": "Inwoner via Welkom",
            "indicatieInternOfExtern": "extern", "handelingInitiator": "indienen",
            "onderwerp": "Inwoner", "handelingBehandelaar": "behandelen", "doorlooptijd": "P30D",
            "opschortingEnAanhoudingMogelijk": False, "verlengingMogelijk": False,
            "publicatieIndicatie": False, "productenOfDiensten": [],
            "referentieproces": {"naam": "Welkom"}, "verantwoordelijke": "DIV",
            "catalogus": catalogus, "statustypen": statustypen, "resultaattypen": [],
            "eigenschappen": [], "informatieobjecttypen": [iotype], "roltypen": [roltype],
            "besluittypen": [], "deelzaaktypen": [], "gerelateerdeZaaktypen": [],
            "beginGeldigheid": "2026-01-01", "versiedatum": "2026-01-01", "concept": False,
            "zaakobjecttypen": [],
        }  # fmt: skip
        self.catalog[iotype] = {
            "_kind": "iotypen", "url": iotype, "catalogus": catalogus,
            "omschrijving": f"{omschrijving} (document)", "vertrouwelijkheidaanduiding":
            "vertrouwelijk", "beginGeldigheid": "2026-01-01", "concept": False,
            "besluittypen": [], "informatieobjectcategorie": "Correspondentie",
            "zaaktypen": [zaaktype],
        }  # fmt: skip
        self.catalog[roltype] = {
            "_kind": "roltypen", "url": roltype, "zaaktype": zaaktype,
            "zaaktypeIdentificatie": ident, "omschrijving": "Initiator",
            "omschrijvingGeneriek": "initiator",
        }  # fmt: skip
        for number, (url, name) in enumerate(zip(statustypen, statussen, strict=True), 1):
            self.catalog[url] = {
                "_kind": "statustypen", "url": url, "omschrijving": name, "zaaktype": zaaktype,
                "zaaktypeIdentificatie": ident, "volgnummer": number,
                "isEindstatus": number == len(statussen), "catalogus": catalogus,
                "zaakobjecttype": "",
            }  # fmt: skip
        return {
            "zaaktype": zaaktype,
            "informatieobjecttype": iotype,
            "roltype": roltype,
            "statustypen": statustypen,
        }

    def set_status(self, zaak_url: str, statustype: str) -> dict:
        """A caseworker moves the zaak on (as the municipality's own systems would)."""
        zaak = self._by_url(self.zaken, zaak_url)
        status = self._add(self.statussen, "zaken", "/statussen", {
            "zaak": zaak_url, "statustype": statustype, "datumStatusGezet": _now(),
            "statustoelichting": "", "indicatieLaatstGezetteStatus": True, "gezetdoor": "",
            "zaakinformatieobjecten": [],
        })  # fmt: skip
        for other in self._statussen_by_zaak.get(zaak_url, []):
            other["indicatieLaatstGezetteStatus"] = False
        self._statussen_by_zaak.setdefault(zaak_url, []).append(status)
        zaak["status"] = status["url"]
        if self.catalog[statustype].get("isEindstatus"):
            zaak["einddatum"] = self.clock().date().isoformat()
        return status

    async def notify(
        self,
        kanaal: str,
        resource: str,
        actie: str,
        hoofd_object: str,
        resource_url: str,
        *,
        auth: str | None = None,
    ) -> list[httpx.Response]:
        """Deliver a notification to every abonnement on ``kanaal`` (as Open Notificaties)."""
        message = {
            "kanaal": kanaal, "hoofdObject": hoofd_object, "resource": resource,
            "resourceUrl": resource_url, "actie": actie, "aanmaakdatum": _now(), "kenmerken": {},
        }  # fmt: skip
        answers = []
        for abonnement in self.abonnementen.values():
            if not any(k["naam"] == kanaal for k in abonnement["kanalen"]):
                continue
            assert self.callback_client is not None
            answers.append(
                await self.callback_client.post(
                    abonnement["callbackUrl"],
                    json=message,
                    headers={"Authorization": auth or abonnement["auth"]},
                )
            )
        return answers

    # ----------------------------------------------------------------- ASGI
    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        body = b""
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":  # the client died mid-request: nothing
                return
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        if self.latency:
            await asyncio.sleep(self.latency)
        answer = await self.handle(
            scope["method"], scope["path"], scope.get("query_string", b"").decode(), headers, body
        )
        raw = answer.raw if answer.raw is not None else json.dumps(answer.body).encode()
        out = [(b"content-type", answer.content_type.encode())]
        out += [(k.lower().encode(), v.encode()) for k, v in answer.headers.items()]
        await send({"type": "http.response.start", "status": answer.status, "headers": out})
        await send({"type": "http.response.body", "body": raw})

    async def handle(
        self, method: str, path: str, query_string: str, headers: dict[str, str], body: bytes
    ) -> Answer:
        component = next(
            (c for c, (_, prefix) in specs.COMPONENTS.items() if path.startswith(prefix + "/")),
            None,
        )
        if component is None:
            return problem(404, "not_found", "Not found.")
        sub = path[len(specs.COMPONENTS[component][1]) :]
        pairs = parse_qsl(query_string, keep_blank_values=True)
        lowered = {k.lower(): v for k, v in headers.items()}
        self.traceparents.append((method, path, lowered.get("traceparent")))
        content_type = lowered.get("content-type", "")
        request = OpenAPIRequest(
            self.host, path, method.lower(), body or None, content_type, headers, pairs
        )
        api = specs.openapi(component, self.host)
        if self.outage:
            self.log.append((method, path, 503))
            return Answer(503, raw=b"Service Unavailable", content_type="text/plain")
        self._handled += 1
        validate = self.validate_every > 0 and self._handled % self.validate_every == 0
        try:
            if validate:
                api.validate_request(request)
        except Exception as exc:  # every kind of spec violation
            detail = f"{method} {path}: {exc!r} {getattr(exc, '__cause__', None)!r}"
            self.violations.append(detail)
            self.log.append((method, path, 400))
            return problem(400, "spec-violation", detail[:300])
        if (reason := self._auth_problem(lowered.get("authorization", ""))) is not None:
            self.auth_failures.append(f"{method} {path}: {reason}")
            self.log.append((method, path, 403))
            answer = problem(403, "not_authenticated", "Not authenticated.")
        else:
            call = Call(
                component, method, sub, dict(pairs), lowered, body, self._scopes_of(headers)
            )
            answer = (self.before(call) if self.before else None) or await self._dispatch(call)
        answer.headers.setdefault("API-version", API_VERSION[component])
        if component == "zaken" and sub.startswith("/zaken"):
            answer.headers.setdefault("Content-Crs", "EPSG:4326")
        self.log.append((method, path, answer.status))
        if validate:
            self._validate_response(api, request, answer)
        return answer

    def _validate_response(self, api: Any, request: OpenAPIRequest, answer: Answer) -> None:
        if _undocumented_by_open_zaak(request.method, request.path, answer.status):
            return
        raw = answer.raw if answer.raw is not None else json.dumps(answer.body).encode()
        response = OpenAPIResponse(answer.status, answer.content_type, Headers(answer.headers), raw)
        try:
            api.validate_response(request, response)
        except Exception as exc:
            self.violations.append(
                f"RESPONSE {request.method} {request.path} {answer.status}: {exc!r} "
                f"{getattr(exc, '__cause__', None)!r}"
            )

    def _auth_problem(self, authorization: str) -> str | None:
        if not authorization.startswith("Bearer "):
            return "no bearer token"
        token = authorization[7:]
        try:
            payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
            secret = self.clients[payload["client_id"]]
            claims = jwt.decode(token, OctKey.import_key(secret), algorithms=["HS256"]).claims
        except (KeyError, ValueError, IndexError, binascii.Error, JoseError) as exc:
            return f"invalid token: {type(exc).__name__}"
        missing = {"iss", "iat", "client_id", "user_id", "user_representation"} - set(claims)
        if missing:
            return f"claims missing: {sorted(missing)}"
        age = time.time() - claims["iat"]
        if age < -1 or age > 3600:  # Open Zaak allows no leeway; 1 s for clock granularity
            return "iat out of range"
        return None

    def _scopes_of(self, headers: dict[str, str]) -> frozenset[str] | None:
        token = {k.lower(): v for k, v in headers.items()}["authorization"][7:]
        client_id = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))["client_id"]
        return frozenset(self.scopes[client_id]) if client_id in self.scopes else None

    async def _dispatch(self, call: Call) -> Answer:
        for component, method, pattern, handler in self.routes:
            if component != call.component or method != call.method:
                continue
            parts, wanted = call.path.strip("/").split("/"), pattern.strip("/").split("/")
            if len(parts) != len(wanted):
                continue
            params = {}
            for got, want in zip(parts, wanted, strict=True):
                if want.startswith("{"):
                    params[want[1:-1]] = got
                elif got != want:
                    break
            else:
                call.query.update({f"path:{k}": v for k, v in params.items()})
                needed = REQUIRED_SCOPES.get((component, method, pattern)) or REQUIRED_SCOPES.get(
                    (component, method, "*")
                )
                if needed and not call.allowed(*needed):
                    return forbidden()
                return await handler(call)
        return problem(404, "not_found", "Not found.")

    # ----------------------------------------------------------------- helpers
    def _add(self, store: dict[str, dict], component: str, collection: str, obj: dict) -> dict:
        key = str(uuid.uuid4())
        obj = {"url": self.url(component, f"{collection}/{key}"), "uuid": key, **obj}
        store[key] = obj
        return obj

    @staticmethod
    def _by_url(store: dict[str, dict], url: str) -> dict:
        return store[url.rstrip("/").rsplit("/", 1)[-1]]

    @staticmethod
    def _public(obj: dict) -> dict:
        return {k: v for k, v in obj.items() if not k.startswith("_")}

    def _page(self, items: list[dict], call: Call) -> Answer:
        size, page = 100, int(call.query.get("page", "1"))
        chunk = items[(page - 1) * size : page * size]
        base = self.url(call.component, call.path)
        more = page * size < len(items)
        return Answer(200, {
            "count": len(items),
            "next": f"{base}?page={page + 1}" if more else None,
            "previous": f"{base}?page={page - 1}" if page > 1 else None,
            "results": [self._public(i) for i in chunk],
        })  # fmt: skip

    def _get(self, store: dict[str, dict]) -> Handler:
        async def handler(call: Call) -> Answer:
            obj = store.get(call.query["path:uuid"])
            return (
                Answer(200, self._public(obj))
                if obj
                else problem(404, "not_found", "Niet gevonden.")
            )

        return handler

    def _get_catalog(self, kind: str) -> Handler:
        async def handler(call: Call) -> Answer:
            obj = self.catalog.get(self.url("catalogi", call.path))
            if obj is None or obj["_kind"] != kind:
                return problem(404, "not_found", "Niet gevonden.")
            return Answer(200, self._public(obj))

        return handler

    def _list_catalog(self, kind: str) -> Handler:
        async def handler(call: Call) -> Answer:
            found = [
                o for o in self.catalog.values() if o["_kind"] == kind
                and all(o.get(k) == v for k, v in call.query.items() if k in _CATALOG_FILTERS)
            ]  # fmt: skip
            return self._page(found, call)

        return handler

    # ----------------------------------------------------------------- zaken
    async def _create_zaak(self, call: Call) -> Answer:
        data = call.json()
        if not _rsin_valid(data["bronorganisatie"]):
            return invalid("bronorganisatie", "invalid", "Onjuist RSIN (11-proef).")
        zaaktype = self.catalog.get(data["zaaktype"])
        if zaaktype is None or zaaktype["_kind"] != "zaaktypen" or zaaktype["concept"]:
            return invalid("zaaktype", "does_not_exist", "Het zaaktype bestaat niet.")
        identificatie = data.get("identificatie") or f"ZAAK-{len(self.zaken) + 1:06d}"
        key = ("zaak", data["bronorganisatie"], identificatie)
        if key in self._by_identificatie:
            return invalid(
                "identificatie", "identificatie-niet-uniek",
                "Deze identificatie bestaat al voor deze bronorganisatie",
            )  # fmt: skip
        zaak = self._add(self.zaken, "zaken", "/zaken", {
            **data, "identificatie": identificatie,
            "vertrouwelijkheidaanduiding": data.get(
                "vertrouwelijkheidaanduiding", zaaktype["vertrouwelijkheidaanduiding"]),
            "registratiedatum": date.today().isoformat(), "einddatum": None,
            "betalingsindicatieWeergave": "", "deelzaken": [], "eigenschappen": [],
            "rollen": [], "status": None, "zaakinformatieobjecten": [], "zaakobjecten": [],
            "resultaat": None,
        })  # fmt: skip
        self._by_identificatie[key] = zaak
        return Answer(201, zaak, {"Location": zaak["url"]})

    def _zaken_matching(self, filters: dict[str, Any]) -> list[dict]:
        if "identificatie" in filters and "bronorganisatie" in filters:
            key = ("zaak", filters["bronorganisatie"], filters["identificatie"])
            found = self._by_identificatie.get(key)
            return (
                [found]
                if found and filters.get("zaaktype", found["zaaktype"]) == found["zaaktype"]
                else []
            )
        keys = ("identificatie", "bronorganisatie", "zaaktype")
        return [
            z for z in self.zaken.values() if all(z[k] == filters[k] for k in keys if k in filters)
        ]

    async def _list_zaken(self, call: Call) -> Answer:
        return self._page(self._zaken_matching(call.query), call)

    async def _zoek_zaken(self, call: Call) -> Answer:
        return self._page(self._zaken_matching(call.json()), call)

    async def _create_rol(self, call: Call) -> Answer:
        data = call.json()
        if data["zaak"].rsplit("/", 1)[-1] not in self.zaken:
            return invalid("zaak", "does_not_exist", "De zaak bestaat niet.")
        roltype = self.catalog.get(data["roltype"])
        if roltype is None or roltype["_kind"] != "roltypen":
            return invalid("roltype", "does_not_exist", "Het roltype bestaat niet.")
        if not data.get("betrokkene") and not data.get("betrokkeneIdentificatie"):
            return invalid("betrokkeneIdentificatie", "invalid-betrokkene", "Betrokkene vereist.")
        if self._closed(data["zaak"], call):
            return forbidden(CLOSED_ZAAK)
        if roltype["omschrijvingGeneriek"] == "initiator" and any(
            r["zaak"] == data["zaak"] and r["omschrijvingGeneriek"] == "initiator"
            for r in self.rollen.values()
        ):
            return invalid(
                "roltype", "max-occurences",
                "Er is al een initiator voor deze zaak; het roltype staat er maar één toe.",
            )  # fmt: skip
        rol = self._add(self.rollen, "zaken", "/rollen", {
            **data, "omschrijving": roltype["omschrijving"],
            "omschrijvingGeneriek": roltype["omschrijvingGeneriek"],
            "registratiedatum": _now(), "statussen": [],
        })  # fmt: skip
        self._by_url(self.zaken, data["zaak"])["rollen"].append(rol["url"])
        return Answer(201, self._public(rol))

    async def _list_rollen(self, call: Call) -> Answer:
        keys = ("zaak", "omschrijvingGeneriek", "betrokkeneType")
        found = [
            r
            for r in self.rollen.values()
            if all(r[k] == call.query[k] for k in keys if k in call.query)
        ]
        return self._page(found, call)

    async def _create_status(self, call: Call) -> Answer:
        data = call.json()
        zaak = self.zaken.get(data["zaak"].rsplit("/", 1)[-1])
        if zaak is None:
            return invalid("zaak", "does_not_exist", "De zaak bestaat niet.")
        statustype = self.catalog.get(data["statustype"])
        if statustype is None or statustype["zaaktype"] != zaak["zaaktype"]:
            return invalid("statustype", "zaaktype-mismatch", "Statustype hoort niet bij zaaktype.")
        if self._closed(data["zaak"], call):
            return forbidden(CLOSED_ZAAK)
        if self._statussen_by_zaak.get(data["zaak"]) and not call.allowed(
            "zaken.bijwerken", "zaken.geforceerd-bijwerken"
        ):
            return forbidden(ONE_STATUS)
        gezet = datetime.fromisoformat(data["datumStatusGezet"].replace("Z", "+00:00"))
        if gezet.tzinfo is None:
            gezet = gezet.replace(tzinfo=UTC)
        if gezet > self.clock():
            return invalid(
                "datumStatusGezet", "date-in-future", "Deze datum mag niet in de toekomst zijn."
            )
        if statustype.get("isEindstatus"):
            zaak["einddatum"] = gezet.date().isoformat()
        for other in self._statussen_by_zaak.get(data["zaak"], []):
            other["indicatieLaatstGezetteStatus"] = False
        status = self._add(self.statussen, "zaken", "/statussen", {
            "statustoelichting": "", **data, "indicatieLaatstGezetteStatus": True,
            "gezetdoor": "", "zaakinformatieobjecten": [],
        })  # fmt: skip
        self._statussen_by_zaak.setdefault(data["zaak"], []).append(status)
        zaak["status"] = status["url"]
        return Answer(201, status)

    async def _list_statussen(self, call: Call) -> Answer:
        if "zaak" in call.query:
            found = list(self._statussen_by_zaak.get(call.query["zaak"], []))
        else:
            found = list(self.statussen.values())
        return self._page(found, call)

    async def _create_zio(self, call: Call) -> Answer:
        data = call.json()
        zaak = self.zaken.get(data["zaak"].rsplit("/", 1)[-1])
        if zaak is None:
            return invalid("zaak", "does_not_exist", "De zaak bestaat niet.")
        document = self.documenten.get(data["informatieobject"].rsplit("/", 1)[-1])
        if document is None:
            return invalid(
                "informatieobject", "does_not_exist", "Het informatieobject bestaat niet."
            )
        if self._closed(data["zaak"], call):
            return forbidden(CLOSED_ZAAK)
        if (data["zaak"], data["informatieobject"]) in self._zio_pairs:
            return invalid("nonFieldErrors", "unique", "Het informatieobject is al gekoppeld.")
        self._zio_pairs.add((data["zaak"], data["informatieobject"]))
        zio = self._add(self.zios, "zaken", "/zaakinformatieobjecten", {
            **data, "aardRelatieWeergave": "Hoort bij, omgekeerd: kent",
            "registratiedatum": _now(), "vernietigingsdatum": None, "status": None,
        })  # fmt: skip
        zaak["zaakinformatieobjecten"].append(zio["url"])
        return Answer(201, zio)

    def _forget_zio(self, zio: dict) -> None:
        del self.zios[zio["uuid"]]
        self._zio_pairs.discard((zio["zaak"], zio["informatieobject"]))
        zaak = self.zaken.get(zio["zaak"].rsplit("/", 1)[-1])
        if zaak is not None:
            zaak["zaakinformatieobjecten"].remove(zio["url"])

    async def _delete_zio(self, call: Call) -> Answer:
        zio = self.zios.get(call.query["path:uuid"])
        if zio is None:
            return problem(404, "not_found", "Niet gevonden.")
        if self._closed(zio["zaak"], call):
            return forbidden(CLOSED_ZAAK)
        self._forget_zio(zio)
        return Answer(204, raw=b"")

    async def _delete_zaak(self, call: Call) -> Answer:
        """Open Zaak deletes what belongs to the zaak with it: rollen, statussen, links."""
        zaak = self.zaken.pop(call.query["path:uuid"], None)
        if zaak is None:
            return problem(404, "not_found", "Niet gevonden.")
        self._by_identificatie = {k: v for k, v in self._by_identificatie.items() if v is not zaak}
        for zio in [z for z in self.zios.values() if z["zaak"] == zaak["url"]]:
            self._forget_zio(zio)
        self.rollen = {k: r for k, r in self.rollen.items() if r["zaak"] != zaak["url"]}
        for status in self._statussen_by_zaak.pop(zaak["url"], []):
            del self.statussen[status["uuid"]]
        return Answer(204, raw=b"")

    async def _delete_document(self, call: Call) -> Answer:
        """Refused while a zaak still links the document (``pending-relations``) or while it is
        locked (``destroy-locked``), as Open Zaak does."""
        key = call.query["path:uuid"]
        document = self.documenten.get(key)
        if document is None:
            return problem(404, "not_found", "Niet gevonden.")
        if any(z["informatieobject"] == document["url"] for z in self.zios.values()):
            return invalid(
                "nonFieldErrors", "pending-relations",
                "All relations to the document must be destroyed before destroying the document",
            )  # fmt: skip
        if document["locked"]:
            return invalid("nonFieldErrors", "destroy-locked", "Locked objects cannot be destroyed")
        del self.documenten[key]
        self._by_identificatie = {
            k: v for k, v in self._by_identificatie.items() if v is not document
        }
        self.inhoud.pop(key, None)
        self.locks.pop(key, None)
        return Answer(204, raw=b"")

    async def _list_zios(self, call: Call) -> Answer:
        keys = ("zaak", "informatieobject")
        found = [
            z
            for z in self.zios.values()
            if all(z[k] == call.query[k] for k in keys if k in call.query)
        ]
        return Answer(200, found)

    # ----------------------------------------------------------------- documenten
    async def _create_document(self, call: Call) -> Answer:
        data = call.json()
        if not _rsin_valid(data["bronorganisatie"]):
            return invalid("bronorganisatie", "invalid", "Onjuist RSIN (11-proef).")
        iotype = self.catalog.get(data["informatieobjecttype"])
        if iotype is None or iotype["_kind"] != "iotypen":
            return invalid("informatieobjecttype", "does_not_exist", "Bestaat niet.")
        identificatie = data.get("identificatie") or str(uuid.uuid4())
        doc_key = ("document", data["bronorganisatie"], identificatie)
        if doc_key in self._by_identificatie:
            return invalid(
                "identificatie", "identificatie-niet-uniek",
                "Deze identificatie bestaat al voor deze bronorganisatie",
            )  # fmt: skip
        content = None
        if data.get("inhoud"):
            content = base64.b64decode(data["inhoud"])
            if data.get("bestandsomvang") is not None and data["bestandsomvang"] != len(content):
                return invalid("bestandsomvang", "file-size-mismatch", "Bestandsomvang klopt niet.")
        key = str(uuid.uuid4())
        url = self.url("documenten", f"/enkelvoudiginformatieobjecten/{key}")
        delen: list[str] = []
        lock = ""
        if content is None and data.get("bestandsomvang"):
            lock, size, part = uuid.uuid4().hex, data["bestandsomvang"], 1024 * 1024
            for number, start in enumerate(range(0, size, part), 1):
                deel = str(uuid.uuid4())
                self.delen[deel] = {"document": key, "volgnummer": number,
                                    "omvang": min(part, size - start), "data": None}  # fmt: skip
                delen.append(deel)
            self.locks[key] = lock
        document = {
            **data, "url": url, "identificatie": identificatie, "versie": 1,
            "beginRegistratie": _now(), "locked": bool(lock), "bestandsdelen": delen,
            "inhoud": f"{url}/download?versie=1" if content is not None else None,
            "vertrouwelijkheidaanduiding": data.get(
                "vertrouwelijkheidaanduiding", iotype["vertrouwelijkheidaanduiding"]),
        }  # fmt: skip
        self.documenten[key] = document
        self._by_identificatie[doc_key] = document
        if content is not None:
            self.inhoud[key] = content
        shown = self._document_out(key)
        if lock:  # Open Zaak also answers the lock beside the bestandsdelen (VNG: in each deel)
            shown["lock"] = lock
        return Answer(201, shown)

    def _document_out(self, key: str) -> dict:
        document = dict(self.documenten[key])
        document["bestandsdelen"] = [
            {"url": self.url("documenten", f"/bestandsdelen/{d}"),
             "volgnummer": self.delen[d]["volgnummer"], "omvang": self.delen[d]["omvang"],
             "voltooid": self.delen[d]["data"] is not None, "lock": self.locks.get(key, "")}
            for d in document["bestandsdelen"]
        ]  # fmt: skip
        return document

    async def _list_documenten(self, call: Call) -> Answer:
        if "identificatie" in call.query and "bronorganisatie" in call.query:
            key = ("document", call.query["bronorganisatie"], call.query["identificatie"])
            hit = self._by_identificatie.get(key)
            return self._page(
                [self._document_out(hit["url"].rsplit("/", 1)[-1])] if hit else [], call
            )
        keys = ("identificatie", "bronorganisatie")
        found = [self._document_out(k) for k, d in self.documenten.items()
                 if all(d[f] == call.query[f] for f in keys if f in call.query)]  # fmt: skip
        return self._page(found, call)

    async def _get_document(self, call: Call) -> Answer:
        key = call.query["path:uuid"]
        if key not in self.documenten:
            return problem(404, "not_found", "Niet gevonden.")
        return Answer(200, self._document_out(key))

    async def _download(self, call: Call) -> Answer:
        content = self.inhoud.get(call.query["path:uuid"])
        if content is None:
            return problem(404, "not_found", "Niet gevonden.")
        return Answer(200, raw=content, content_type="application/octet-stream")

    async def _put_deel(self, call: Call) -> Answer:
        deel = self.delen.get(call.query["path:uuid"])
        if deel is None:
            return problem(404, "not_found", "Niet gevonden.")
        boundary = call.headers["content-type"].split("boundary=", 1)[1].strip('"')
        fields: dict[str, bytes] = {}
        for part in multipart.MultipartParser(_Stream(call.body), boundary):
            fields[part.name] = part.raw
        if fields.get("lock", b"").decode() != self.locks.get(deel["document"]):
            return invalid("lock", "incorrect-lock-id", "Incorrect lock ID.")
        if len(fields.get("inhoud", b"")) != deel["omvang"]:
            return invalid("inhoud", "file-size", "De omvang klopt niet.")
        deel["data"] = fields["inhoud"]
        key = call.query["path:uuid"]
        return Answer(200, {
            "url": self.url("documenten", f"/bestandsdelen/{key}"),
            "volgnummer": deel["volgnummer"], "omvang": deel["omvang"], "voltooid": True,
            "lock": fields["lock"].decode(),
        })  # fmt: skip

    def force_unlock(self, document_url: str) -> None:
        """What records management does in the register's admin: the lock goes, and bestandsdelen that were not all
        uploaded are dropped: no content, ``bestandsomvang`` null."""
        key = document_url.rstrip("/").rsplit("/", 1)[-1]
        document = self.documenten[key]
        delen = [self.delen.pop(d) for d in document["bestandsdelen"]]
        if delen and all(d["data"] is not None for d in delen):
            self.inhoud[key] = b"".join(
                d["data"] for d in sorted(delen, key=lambda d: d["volgnummer"])
            )
            document.update(inhoud=f"{document['url']}/download?versie=1")
        elif delen:
            document.update(inhoud=None, bestandsomvang=None)
        document.update(locked=False, bestandsdelen=[])
        self.locks.pop(key, None)

    def _closed(self, zaak_url: str, call: Call) -> bool:
        zaak = self.zaken.get(zaak_url.rstrip("/").rsplit("/", 1)[-1])
        forced = call.scopes is not None and "zaken.geforceerd-bijwerken" in call.scopes
        return bool(zaak and zaak.get("einddatum")) and not forced  # only when granted explicitly

    async def _unlock(self, call: Call) -> Answer:
        key = call.query["path:uuid"]
        if key not in self.documenten or self.locks.get(key) != call.json().get("lock"):
            return invalid("lock", "incorrect-lock-id", "Incorrect lock ID.")
        delen = [self.delen[d] for d in self.documenten[key]["bestandsdelen"]]
        if any(d["data"] is None for d in delen):
            return invalid("nonFieldErrors", "incomplete-upload", "Niet alle delen zijn er.")
        self.inhoud[key] = b"".join(d["data"] for d in sorted(delen, key=lambda d: d["volgnummer"]))
        document = self.documenten[key]
        document.update(
            locked=False, bestandsdelen=[], inhoud=f"{document['url']}/download?versie=1"
        )
        del self.locks[key]
        return Answer(204, raw=b"", content_type="application/json")

    # ----------------------------------------------------------------- notificaties
    async def _create_abonnement(self, call: Call) -> Answer:
        data = call.json()
        client = self.callback_client
        assert client is not None
        probe = {
            "kanaal": "test", "hoofdObject": data["callbackUrl"], "resource": "test",
            "resourceUrl": data["callbackUrl"], "actie": "test", "aanmaakdatum": _now(),
            "kenmerken": {},
        }  # fmt: skip
        with_auth = await client.post(
            data["callbackUrl"], json=probe, headers={"Authorization": data["auth"]}
        )
        without = await client.post(data["callbackUrl"], json=probe)
        if not with_auth.is_success or without.status_code not in (401, 403):
            return invalid("callbackUrl", "invalid-callback-url", "Callback URL faalt de test.")
        abonnement = self._add(self.abonnementen, "notificaties", "/abonnement", data)
        return Answer(201, abonnement)

    async def _list_abonnementen(self, call: Call) -> Answer:
        return Answer(200, list(self.abonnementen.values()))


def _rsin_valid(rsin: str) -> bool:
    """The 11-proef Open Zaak applies to an RSIN (nine digits)."""
    if len(rsin) != 9 or not rsin.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(rsin[:8], range(9, 1, -1), strict=True))
    return (total - int(rsin[8])) % 11 == 0


class _Stream:
    def __init__(self, data: bytes) -> None:
        self.data, self.position = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.position + size
        chunk, self.position = self.data[self.position : end], min(end, len(self.data))
        return chunk


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
