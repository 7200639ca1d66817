# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The Klantinteracties API of Open Klant 2: questions and answers as klantcontacten.

A question becomes, in one ``POST /maak-klantcontact``: the **klantcontact** (``kanaal``,
a neutral ``onderwerp``, the text as ``inhoud``, ``taal`` in ISO 639-2/B, ``vertrouwelijk``),
the resident as **betrokkene** (rol ``klant``, initiator) and an **onderwerpobject** naming the
zaak. Then the resident's contact details as **digitale adressen** of that betrokkene (only when
the caller passes them: the resident consented to their reuse) and an **interne taak** for the
municipality's team (its actor). An answer is a klantcontact whose onderwerpobject
``wasKlantcontact`` is the question's.

Optional references are left out rather than sent as ``null``: the spec declares them
``nullable`` next to an ``allOf``, which validators (and clients generated from it) read as
not nullable. Every step is safe to repeat. Each klantcontact Welkom makes carries ``metadata.welkom`` = the
id of the question or answer; a retry looks for it before it creates (Open Klant has no
client-set identificatie to be refused on). Failures map as for ZGW: connection errors,
timeouts, 429 and 5xx raise :class:`CaseRegisterError` (retried); other 4xx raise
:class:`CaseRegisterRefused` with the problem's codes (parked).
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Generator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
import structlog
from pydantic import SecretStr

from welkom.core import tracing
from welkom.zgw.errors import CaseRegisterError, refusal

log = structlog.get_logger("welkom.klantcontact")

#: Open Klant's limits (Klantinteracties 2.18.0 spec).
INHOUD_MAX = 1000
KANAAL_MAX = 50
ONDERWERP_MAX = 200
METADATA_KEY = "welkom"
DEFAULT_KANAAL = "Welkom-app"
QUESTION_ONDERWERP = "Vraag van inwoner via Welkom"
ANSWER_ONDERWERP = "Antwoord aan inwoner via Welkom"
GEVRAAGDE_HANDELING = "Vraag van inwoner beantwoorden"


class OpenKlantConfigError(ValueError):
    """A municipality's klantcontact settings are wrong (the message names the setting)."""


@dataclass(frozen=True)
class OpenKlantConfig:
    """Where one municipality's Klantinteracties API is and which team queue gets the tasks."""

    api: str  # …/klantinteracties/api/v1
    actor: uuid.UUID  # the team's actor (organisatorische eenheid) for the interne taak
    token: SecretStr
    kanaal: str = DEFAULT_KANAAL
    timeout: float = 15.0

    @classmethod
    def from_settings(
        cls, code: str, values: dict[str, Any], tokens: dict[str, SecretStr], **extra: Any
    ) -> OpenKlantConfig:
        """From ``case_register_settings["klantcontact"]`` and the token in the environment."""
        problems = validation_problems(values)
        if code not in tokens:
            problems.append("no token in WELKOM_OPENKLANT_TOKENS")
        if problems:
            raise OpenKlantConfigError(f"municipality {code}: klantcontact: {'; '.join(problems)}")
        return cls(
            api=values["api"].rstrip("/"),
            actor=uuid.UUID(values["actor"]),
            token=tokens[code],
            kanaal=values.get("kanaal") or DEFAULT_KANAAL,
            **extra,
        )


def validation_problems(values: dict[str, Any]) -> list[str]:
    """What is wrong with a municipality's klantcontact settings (empty: nothing)."""
    problems = []
    api = values.get("api")
    parts = urlsplit(api) if isinstance(api, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        problems.append("api must be the http(s) URL of the Klantinteracties API")
    try:
        uuid.UUID(str(values.get("actor")))
    except ValueError:
        problems.append("actor must be the uuid of the team's actor in Open Klant")
    kanaal = values.get("kanaal", DEFAULT_KANAAL)
    if not isinstance(kanaal, str) or not 0 < len(kanaal) <= KANAAL_MAX:
        problems.append(f"kanaal must be 1 to {KANAAL_MAX} characters")
    return problems


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class ContactDetails:
    """Only when the resident consented to their reuse by the municipality."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class QuestionContact:
    reference: uuid.UUID  # the question (interaction) id
    text: str
    taal: str  # ISO 639-2/B
    at: datetime
    #: The zaak the question is registered in: (codeRegister, codeSoortObjectId, objectId).
    zaak: tuple[str, str, str]
    contact: ContactDetails | None = None


@dataclass(frozen=True)
class AnswerContact:
    reference: uuid.UUID  # the answer (conversation message) id
    question: uuid.UUID  # the question's klantcontact uuid
    text: str
    taal: str
    at: datetime


@dataclass(frozen=True)
class ReceivedAnswer:
    klantcontact: uuid.UUID
    text: str
    taal: str
    at: datetime | None
    welkom_reference: str | None  # set when Welkom made it (an answer given in Welkom)


class TokenAuth(httpx.Auth):
    """``Authorization: Token <key>`` (Open Klant's token authentication, not a JWT)."""

    def __init__(self, token: SecretStr) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Token {self._token.get_secret_value()}"
        yield request

    def __repr__(self) -> str:  # never show the token
        return "TokenAuth()"


class OpenKlant:
    """One municipality's Klantinteracties API."""

    def __init__(
        self, config: OpenKlantConfig, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.config = config
        if transport is None:
            transport = httpx.AsyncHTTPTransport(
                limits=httpx.Limits(max_connections=16, max_keepalive_connections=8),
                socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
            )
        self.http = httpx.AsyncClient(
            auth=TokenAuth(config.token),
            timeout=config.timeout,
            transport=transport,
            headers={"Accept": "application/json"},
        )

    async def aclose(self) -> None:
        await self.http.aclose()

    async def send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        url = path if path.startswith("http") else f"{self.config.api}{path}"
        headers = dict(kwargs.pop("headers", {})) | tracing.outgoing_headers()
        try:
            response = await self.http.request(method, url, headers=headers, **kwargs)
        except httpx.TransportError as exc:
            raise CaseRegisterError(
                f"{type(exc).__name__} on {method} {httpx.URL(url).path}"
            ) from exc
        if response.is_success:
            return response
        if response.status_code == 429 or response.status_code >= 500:
            raise CaseRegisterError(
                f"{response.status_code} on {method} {response.request.url.path}"
            )
        raise refusal(response)

    async def all_results(self, path: str, params: dict[str, str]) -> list[dict[str, Any]]:
        page = (await self.send("GET", path, params=params)).json()
        results = list(page["results"])
        while page.get("next"):
            page = (await self.send("GET", page["next"])).json()
            results += page["results"]
        return results

    # ----------------------------------------------------------------- questions
    async def register_question(self, question: QuestionContact) -> uuid.UUID:
        """The question's klantcontact (found or made), its contact details and its task."""
        klantcontact = await self._find_question(question)
        if klantcontact is None:
            klantcontact, betrokkene = await self._make_question(question)
        else:
            first: dict[str, Any] = next(iter(klantcontact.get("hadBetrokkenen") or []), {})
            betrokkene = first.get("uuid")
        if question.contact is not None and betrokkene is not None:
            await self._digitale_adressen(uuid.UUID(str(betrokkene)), question.contact)
        await self._interne_taak(uuid.UUID(klantcontact["uuid"]))
        return uuid.UUID(klantcontact["uuid"])

    async def _find_question(self, question: QuestionContact) -> dict[str, Any] | None:
        candidates = await self.all_results(
            "/klantcontacten",
            {"onderwerpobject__onderwerpobjectidentificatorObjectId": question.zaak[2]},
        )
        return next(
            (
                c
                for c in candidates
                if (c.get("metadata") or {}).get(METADATA_KEY) == str(question.reference)
            ),
            None,
        )

    async def _make_question(self, question: QuestionContact) -> tuple[dict[str, Any], str | None]:
        register, soort, object_id = question.zaak
        betrokkene: dict[str, Any] = {"rol": "klant", "initiator": True}
        if question.contact is not None and question.contact.name:
            betrokkene["contactnaam"] = {"voornaam": _clip(question.contact.name, 200)}
        body = {
            "klantcontact": self._klantcontact(
                question.reference, QUESTION_ONDERWERP, question.text, question.taal, question.at
            ),
            "betrokkene": betrokkene,
            "onderwerpobject": {
                "onderwerpobjectidentificator": {
                    "codeObjecttype": "zaak",
                    "codeRegister": register,
                    "codeSoortObjectId": soort,
                    "objectId": object_id,
                },
            },
        }
        made = (await self.send("POST", "/maak-klantcontact", json=body)).json()
        return made["klantcontact"], (made.get("betrokkene") or {}).get("uuid")

    def _klantcontact(
        self, reference: uuid.UUID, onderwerp: str, text: str, taal: str, at: datetime
    ) -> dict[str, Any]:
        return {
            "kanaal": self.config.kanaal,
            "onderwerp": onderwerp,
            "inhoud": _clip(text, INHOUD_MAX),
            "taal": taal,
            "vertrouwelijk": True,
            "indicatieContactGelukt": True,
            "plaatsgevondenOp": at.isoformat().replace("+00:00", "Z"),
            "metadata": {METADATA_KEY: str(reference)},
        }

    async def _digitale_adressen(self, betrokkene: uuid.UUID, contact: ContactDetails) -> None:
        existing = await self.all_results(
            "/digitaleadressen", {"verstrektDoorBetrokkene__uuid": str(betrokkene)}
        )
        have = {(a.get("soortDigitaalAdres"), a.get("adres")) for a in existing}
        for soort, adres in (("email", contact.email), ("telefoonnummer", contact.phone)):
            if not adres or (soort, adres) in have:
                continue
            await self.send(
                "POST",
                "/digitaleadressen",
                json={
                    "verstrektDoorBetrokkene": {"uuid": str(betrokkene)},
                    "adres": adres,
                    "soortDigitaalAdres": soort,
                    "omschrijving": "Opgegeven in Welkom",
                },
            )

    async def _interne_taak(self, klantcontact: uuid.UUID) -> None:
        existing = await self.all_results(
            "/internetaken", {"klantcontact__uuid": str(klantcontact)}
        )
        if existing:
            return
        await self.send(
            "POST",
            "/internetaken",
            json={
                "aanleidinggevendKlantcontact": {"uuid": str(klantcontact)},
                "toegewezenAanActoren": [{"uuid": str(self.config.actor)}],
                "gevraagdeHandeling": GEVRAAGDE_HANDELING,
                "status": "te_verwerken",
            },
        )

    # ----------------------------------------------------------------- answers
    async def register_answer(self, answer: AnswerContact) -> uuid.UUID:
        """An answer given in Welkom as a klantcontact whose onderwerpobject was the question."""
        for received in await self.answers_to(answer.question):
            if received.welkom_reference == str(answer.reference):
                return received.klantcontact
        body = {
            "klantcontact": self._klantcontact(
                answer.reference, ANSWER_ONDERWERP, answer.text, answer.taal, answer.at
            ),
            "betrokkene": {"rol": "klant", "initiator": False},
            "onderwerpobject": {"wasKlantcontact": {"uuid": str(answer.question)}},
        }
        made = (await self.send("POST", "/maak-klantcontact", json=body)).json()
        return uuid.UUID(made["klantcontact"]["uuid"])

    async def answers_to(self, question: uuid.UUID) -> list[ReceivedAnswer]:
        """Every klantcontact whose onderwerpobject ``wasKlantcontact`` is the question's."""
        objects = await self.all_results(
            "/onderwerpobjecten", {"wasKlantcontact__uuid": str(question)}
        )
        answers = []
        for item in objects:
            reference = (item.get("klantcontact") or {}).get("uuid")
            if not reference:
                continue
            contact = (await self.send("GET", f"/klantcontacten/{reference}")).json()
            at = contact.get("plaatsgevondenOp")
            answers.append(
                ReceivedAnswer(
                    klantcontact=uuid.UUID(contact["uuid"]),
                    text=contact.get("inhoud") or contact.get("reactie") or "",
                    taal=contact.get("taal") or "",
                    at=datetime.fromisoformat(at.replace("Z", "+00:00")) if at else None,
                    welkom_reference=(contact.get("metadata") or {}).get(METADATA_KEY),
                )
            )
        return answers
