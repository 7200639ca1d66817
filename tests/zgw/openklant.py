# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A test Klantinteracties API as Open Klant 2.18 serves it (``maykinmedia/open-klant``).

Every request is validated against the official spec with openapi-core (the same mechanism as
``tests/zgw/server.py``), and so is every 2xx answer (the spec documents no error responses).
Violations are recorded in :attr:`OpenKlantServer.violations` and answered 400; the fixture
fails the test if any were recorded. Open Klant's own rules are modelled where Welkom meets
them: ``Authorization: Token <key>`` (401 without), referenced objects must exist
("Klantcontact object bestaat niet." and the like, 400), ``kanaal`` checked against a list when
one is configured (Open Klant's referentielijsten check), an email or phone number checked by
its ``soortDigitaalAdres``, a unique (actor, klantcontact) pair, ``maak-klantcontact`` creating
klantcontact, betrokkene and onderwerpobject in one transaction.

Answers carry ``null`` for empty references as Open Klant sends them; the spec declares those
fields ``nullable`` beside an ``allOf``, which OpenAPI 3.0 validators read as not nullable, so
such ``null`` values (and only those) are left out of the copy the answer is validated as.

This is test code: it simulates the municipality's klantcontact register, nothing else.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from typing import Any
from urllib.parse import parse_qsl

import yaml
from werkzeug.datastructures import Headers

from tests.zgw import specs
from tests.zgw.server import Answer, OpenAPIRequest, OpenAPIResponse

HOST = "http://openklant.test"
PREFIX = specs.KLANTINTERACTIES["klantinteracties"][1]
API_VERSION = "0.9.0"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()-]{6,20}$")


def _problem(status: int, code: str, title: str, invalid: list[dict] | None = None) -> Answer:
    body: dict[str, Any] = {
        "type": f"{HOST}/ref/fouten/{code}/", "code": code, "title": title, "status": status,
        "detail": title, "instance": f"urn:uuid:{uuid.uuid4()}",
    }  # fmt: skip
    if invalid is not None:
        body["invalidParams"] = invalid
    return Answer(status, body, content_type="application/problem+json")


def _invalid(name: str, reason: str, code: str = "invalid") -> Answer:
    return _problem(400, "invalid", "Invalid input.", [{"name": name, "code": code,
                                                       "reason": reason}])  # fmt: skip


@cache
def _allof_nullable() -> frozenset[str]:
    """Property names the spec declares ``nullable`` beside an ``allOf`` (a spec defect)."""
    with specs.spec_path("klantinteracties").open("rb") as handle:
        document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    return frozenset(
        name
        for schema in document["components"]["schemas"].values()
        for name, prop in (schema.get("properties") or {}).items()
        if "allOf" in prop and prop.get("nullable")
    )


def _as_validated(value: Any) -> Any:
    if isinstance(value, dict):
        names = _allof_nullable()
        return {k: _as_validated(v) for k, v in value.items() if not (v is None and k in names)}
    if isinstance(value, list):
        return [_as_validated(v) for v in value]
    return value


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


class OpenKlantServer:
    """The simulated Open Klant. ``tokens``: the API tokens it accepts."""

    def __init__(self, tokens: set[str], *, host: str = HOST) -> None:
        self.host, self.tokens = host, tokens
        self.violations: list[str] = []
        self.auth_failures: list[str] = []
        self.log: list[tuple[str, str, int]] = []
        self.outage = False  # answer 503
        self.before: Callable[[str, str, dict], Answer | None] | None = None
        self.kanalen: set[str] | None = None  # Open Klant's referentielijsten check, when set
        self.klantcontacten: dict[str, dict] = {}
        self.betrokkenen: dict[str, dict] = {}
        self.onderwerpobjecten: dict[str, dict] = {}
        self.digitaleadressen: dict[str, dict] = {}
        self.internetaken: dict[str, dict] = {}
        self.actoren: dict[str, dict] = {}

    # ----------------------------------------------------------------- set-up and the KCC
    def url(self, path: str) -> str:
        return f"{self.host}{PREFIX}{path}"

    def add_actor(self, naam: str = "Team Statushouders") -> str:
        key = str(uuid.uuid4())
        self.actoren[key] = {
            "uuid": key, "url": self.url(f"/actoren/{key}"), "naam": naam,
            "soortActor": "organisatorische_eenheid", "indicatieActief": True,
        }  # fmt: skip
        return key

    def answer(self, question: str, text: str, *, taal: str = "dut") -> dict:
        """A colleague at the KCC registers an answer to the question's klantcontact."""
        contact = self._klantcontact(
            {"kanaal": "telefoon", "onderwerp": "Antwoord", "inhoud": text, "taal": taal,
             "vertrouwelijk": True, "plaatsgevondenOp": _now()}
        )  # fmt: skip
        self._onderwerpobject(contact["uuid"], {"wasKlantcontact": {"uuid": question}})
        return contact

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
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
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
        if not path.startswith(PREFIX + "/"):
            return _problem(404, "not_found", "Not found.")
        if self.outage:
            self.log.append((method, path, 503))
            return Answer(503, raw=b"Service Unavailable", content_type="text/plain")
        pairs = parse_qsl(query_string, keep_blank_values=True)
        lowered = {k.lower(): v for k, v in headers.items()}
        request = OpenAPIRequest(
            self.host, path, method.lower(), body or None, lowered.get("content-type", ""),
            headers, pairs,
        )  # fmt: skip
        api = specs.openapi("klantinteracties", self.host)
        try:
            api.validate_request(request)
        except Exception as exc:  # every kind of spec violation
            detail = f"{method} {path}: {exc!r} {getattr(exc, '__cause__', None)!r}"
            self.violations.append(detail)
            self.log.append((method, path, 400))
            return _problem(400, "spec-violation", detail[:300])
        authorization = lowered.get("authorization", "")
        if not authorization.startswith("Token ") or authorization[6:] not in self.tokens:
            self.auth_failures.append(f"{method} {path}")
            self.log.append((method, path, 401))
            return _problem(401, "not_authenticated", "Authenticatiegegevens zijn niet opgegeven.")
        sub = path[len(PREFIX) :]
        data = json.loads(body) if body else None
        answer = (self.before(method, sub, data) if self.before else None) or self._dispatch(
            method, sub, dict(pairs), data
        )
        answer.headers.setdefault("API-version", API_VERSION)
        self.log.append((method, path, answer.status))
        if 200 <= answer.status < 300:  # the spec documents no error responses
            raw = json.dumps(_as_validated(answer.body)).encode()
            response = OpenAPIResponse(answer.status, answer.content_type,
                                       Headers(answer.headers), raw)  # fmt: skip
            try:
                api.validate_response(request, response)
            except Exception as exc:
                self.violations.append(
                    f"RESPONSE {method} {path} {answer.status}: {exc!r} "
                    f"{getattr(exc, '__cause__', None)!r}"
                )
        return answer

    def _dispatch(self, method: str, sub: str, query: dict[str, str], data: Any) -> Answer:
        parts = sub.strip("/").split("/")
        collection, key = parts[0], (parts[1] if len(parts) > 1 else None)
        stores = {
            "klantcontacten": self.klantcontacten, "betrokkenen": self.betrokkenen,
            "onderwerpobjecten": self.onderwerpobjecten, "internetaken": self.internetaken,
            "digitaleadressen": self.digitaleadressen, "actoren": self.actoren,
        }  # fmt: skip
        if method == "POST" and sub == "/maak-klantcontact":
            return self._maak_klantcontact(data)
        if collection not in stores:
            return _problem(404, "not_found", "Not found.")
        store = stores[collection]
        if method == "GET" and key is not None:
            found = store.get(key)
            return Answer(200, found) if found else _problem(404, "not_found", "Niet gevonden.")
        if method == "GET":
            return self._list(collection, store, query)
        if method == "POST" and key is None:
            return self._create(collection, data)
        return _problem(405, "method_not_allowed", "Methode niet toegestaan.")

    # ----------------------------------------------------------------- lists
    def _list(self, collection: str, store: dict[str, dict], query: dict[str, str]) -> Answer:
        filters: dict[str, Callable[[dict, str], bool]] = {
            "onderwerpobject__onderwerpobjectidentificatorObjectId": lambda o, v: any(
                (self.onderwerpobjecten[x["uuid"]].get("onderwerpobjectidentificator") or {}).get(
                    "objectId"
                )
                == v
                for x in o["gingOverOnderwerpobjecten"]
            ),
            "wasKlantcontact__uuid": lambda o, v: (o.get("wasKlantcontact") or {}).get("uuid") == v,
            "verstrektDoorBetrokkene__uuid": lambda o, v: (
                (o.get("verstrektDoorBetrokkene") or {}).get("uuid") == v
            ),
            "klantcontact__uuid": lambda o, v: (
                (o.get("aanleidinggevendKlantcontact") or {}).get("uuid") == v
                if collection == "internetaken"
                else (o.get("klantcontact") or {}).get("uuid") == v
            ),
        }
        items = [
            o for o in store.values()
            if all(filters[k](o, v) for k, v in query.items() if k in filters)
        ]  # fmt: skip
        size, page = int(query.get("pageSize", "100")), int(query.get("page", "1"))
        chunk = items[(page - 1) * size : page * size]
        more = page * size < len(items)
        next_url = self.url(f"/{collection}?page={page + 1}&pageSize={size}") if more else None
        if next_url:
            others = "&".join(f"{k}={v}" for k, v in query.items() if k not in ("page", "pageSize"))
            next_url += f"&{others}" if others else ""
        return Answer(200, {"count": len(items), "next": next_url, "previous": None,
                            "results": chunk})  # fmt: skip

    # ----------------------------------------------------------------- creates
    def _fk(self, store: dict[str, dict], value: Any, name: str, what: str) -> Answer | None:
        if value is None:
            return None
        if str(value.get("uuid")) not in store:
            return _invalid(f"{name}.uuid", f"{what} object bestaat niet.", "does_not_exist")
        return None

    def _ref(self, store: dict[str, dict], key: str) -> dict:
        return {"uuid": key, "url": store[key]["url"]}

    def _klantcontact(self, data: dict) -> dict:
        key = str(uuid.uuid4())
        contact = {
            "uuid": key, "url": self.url(f"/klantcontacten/{key}"),
            "gingOverOnderwerpobjecten": [], "hadBetrokkenActoren": [], "omvatteBijlagen": [],
            "hadBetrokkenen": [], "leiddeTotInterneTaken": [],
            "nummer": f"{len(self.klantcontacten) + 1:010d}",
            "referentienummer": None,
            "kanaal": data["kanaal"], "onderwerp": data["onderwerp"],
            "inhoud": data.get("inhoud", ""), "reactie": data.get("reactie", ""),
            "indicatieContactGelukt": data.get("indicatieContactGelukt"),
            "taal": data["taal"], "vertrouwelijk": data["vertrouwelijk"],
            "plaatsgevondenOp": data.get("plaatsgevondenOp") or _now(),
            "metadata": data.get("metadata") or {},
        }  # fmt: skip
        self.klantcontacten[key] = contact
        return contact

    def _betrokkene(self, klantcontact: str, data: dict) -> dict:
        key = str(uuid.uuid4())
        naam = data.get("contactnaam") or None
        betrokkene = {
            "uuid": key, "url": self.url(f"/betrokkenen/{key}"),
            "wasPartij": None, "hadKlantcontact": self._ref(self.klantcontacten, klantcontact),
            "digitaleAdressen": [], "contactnaam": naam,
            "volledigeNaam": " ".join(v for v in (naam or {}).values() if v),
            "rol": data["rol"], "organisatienaam": data.get("organisatienaam", ""),
            "initiator": data["initiator"],
        }  # fmt: skip
        self.betrokkenen[key] = betrokkene
        self.klantcontacten[klantcontact]["hadBetrokkenen"].append(self._ref(self.betrokkenen, key))
        return betrokkene

    def _onderwerpobject(self, klantcontact: str, data: dict) -> dict:
        key = str(uuid.uuid4())
        was = data.get("wasKlantcontact")
        item = {
            "uuid": key, "url": self.url(f"/onderwerpobjecten/{key}"),
            "klantcontact": self._ref(self.klantcontacten, klantcontact),
            "wasKlantcontact": self._ref(self.klantcontacten, str(was["uuid"])) if was else None,
            "onderwerpobjectidentificator": data.get("onderwerpobjectidentificator")
            or {"objectId": "", "codeObjecttype": "", "codeRegister": "", "codeSoortObjectId": ""},
        }  # fmt: skip
        self.onderwerpobjecten[key] = item
        self.klantcontacten[klantcontact]["gingOverOnderwerpobjecten"].append(
            self._ref(self.onderwerpobjecten, key)
        )
        return item

    def _check_kanaal(self, kanaal: str) -> Answer | None:
        if self.kanalen is not None and kanaal not in self.kanalen:
            return _invalid("kanaal", f"'{kanaal}' is not a valid kanaal.")
        return None

    def _maak_klantcontact(self, data: dict) -> Answer:
        """One transaction: nothing is stored when any part is refused."""
        contact = data["klantcontact"]
        onderwerp = data.get("onderwerpobject") or {}
        if refused := self._check_kanaal(contact["kanaal"]) or self._fk(
            self.klantcontacten, onderwerp.get("wasKlantcontact"),
            "onderwerpobject.wasKlantcontact", "Klantcontact",
        ):  # fmt: skip
            return refused
        made = self._klantcontact(contact)
        betrokkene = self._betrokkene(made["uuid"], data["betrokkene"]) if data.get(
            "betrokkene") else None  # fmt: skip
        item = (
            self._onderwerpobject(made["uuid"], onderwerp) if data.get("onderwerpobject") else None
        )
        return Answer(201, {"klantcontact": made, "betrokkene": betrokkene,
                            "onderwerpobject": item})  # fmt: skip

    def _create(self, collection: str, data: dict) -> Answer:
        if collection == "internetaken":
            refused = self._fk(
                self.klantcontacten, data["aanleidinggevendKlantcontact"],
                "aanleidinggevendKlantcontact", "Klantcontact",
            )  # fmt: skip
            actors = data.get("toegewezenAanActoren") or (
                [data["toegewezenAanActor"]] if data.get("toegewezenAanActor") else []
            )
            if not actors:
                refused = refused or _invalid("toegewezenAanActoren", "Dit veld is vereist.",
                                              "required")  # fmt: skip
            for actor in actors:
                refused = refused or self._fk(self.actoren, actor, "toegewezenAanActoren", "Actor")
            if refused:
                return refused
            key = str(uuid.uuid4())
            klantcontact = str(data["aanleidinggevendKlantcontact"]["uuid"])
            self.internetaken[key] = {
                "uuid": key, "url": self.url(f"/internetaken/{key}"),
                "nummer": f"{len(self.internetaken) + 1:010d}", "referentienummer": None,
                "gevraagdeHandeling": data["gevraagdeHandeling"],
                "aanleidinggevendKlantcontact": self._ref(self.klantcontacten, klantcontact),
                "toegewezenAanActor": self._ref(self.actoren, str(actors[0]["uuid"])),
                "toegewezenAanActoren": [self._ref(self.actoren, str(a["uuid"])) for a in actors],
                "toelichting": data.get("toelichting", ""), "status": data["status"],
                "toegewezenOp": _now(), "afgehandeldOp": None,
            }  # fmt: skip
            self.klantcontacten[klantcontact]["leiddeTotInterneTaken"].append(
                self._ref(self.internetaken, key)
            )
            return Answer(201, self.internetaken[key])
        if collection == "digitaleadressen":
            refused = self._fk(
                self.betrokkenen, data.get("verstrektDoorBetrokkene"), "verstrektDoorBetrokkene",
                "Betrokkene",
            )  # fmt: skip
            pattern = {"email": _EMAIL, "telefoonnummer": _PHONE}.get(data["soortDigitaalAdres"])
            if not refused and pattern and not pattern.match(data["adres"]):
                refused = _invalid("adres", "Voer een geldig adres in.")
            if refused:
                return refused
            key = str(uuid.uuid4())
            betrokkene = data.get("verstrektDoorBetrokkene")
            self.digitaleadressen[key] = {
                "uuid": key, "url": self.url(f"/digitaleadressen/{key}"),
                "verstrektDoorBetrokkene": self._ref(self.betrokkenen, str(betrokkene["uuid"]))
                if betrokkene else None,
                "verstrektDoorPartij": None, "adres": data["adres"],
                "soortDigitaalAdres": data["soortDigitaalAdres"],
                "isStandaardAdres": bool(data.get("isStandaardAdres")),
                "omschrijving": data.get("omschrijving", ""), "verificatieDatum": None,
            }  # fmt: skip
            if data.get("referentie"):
                self.digitaleadressen[key]["referentie"] = data["referentie"]
            if betrokkene:
                self.betrokkenen[str(betrokkene["uuid"])]["digitaleAdressen"].append(
                    self._ref(self.digitaleadressen, key)
                )
            return Answer(201, self.digitaleadressen[key])
        return _problem(405, "method_not_allowed", "Methode niet toegestaan.")
