# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Questions as klantcontacten in Open Klant (Klantinteracties API), answers both ways.

Against ``tests/zgw/openklant.py``: every request and answer is checked against the official
Klantinteracties 2.18.0 spec, and Open Klant's rules (token, existing references, kanaal) hold.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from litestar.testing import AsyncTestClient
from pydantic import SecretStr
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import login, make_settings
from tests.push.fixtures import INBOX
from tests.zgw import specs
from tests.zgw.fixtures import SECRET as ZGW_SECRET
from tests.zgw.fixtures import (  # noqa: F401 - fixtures
    Clock,
    Unreachable,
    app,
    client,
    clock,
    network,
    on_zgw,
    routing,
    zgw,
)
from tests.zgw.openklant import HOST, PREFIX, OpenKlantServer
from tests.zgw.server import ZGWServer
from welkom.admin import answers as conversations
from welkom.admin.models import ConversationMessage
from welkom.app import create_app, outbox_handlers
from welkom.cases.service import CaseRouting
from welkom.cli import main
from welkom.consent.models import ConsentEntry
from welkom.consent.purposes import Purpose
from welkom.core import i18n
from welkom.core.database import session_factory
from welkom.core.settings import Settings
from welkom.demo.seed import DEMO_MUNICIPALITY_CODE
from welkom.interactions.models import Interaction
from welkom.klantcontact import service as klantcontact
from welkom.klantcontact.models import KlantcontactLink
from welkom.klantcontact.routing import KlantcontactRouting, RegisterQuestionHandler
from welkom.municipalities.models import Municipality
from welkom.notifications import kinds
from welkom.outbox.models import OutboxEntry, OutboxState
from welkom.outbox.service import requeue_parked
from welkom.outbox.worker import OutboxWorker
from welkom.processing.models import ProcessingRecord
from welkom.residents.models import Resident

TOKEN = "openklant-token-5e4d3c2b1a"
QUESTION = "Wanneer krijg ik een huis?"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(
        database_url,
        data_dir=tmp_path / "data",
        zgw_client_secrets={DEMO_MUNICIPALITY_CODE: ZGW_SECRET},
        openklant_tokens={DEMO_MUNICIPALITY_CODE: TOKEN},
    )


@pytest.fixture
def openklant() -> Iterator[OpenKlantServer]:
    """The test Open Klant; the test fails if Welkom sent anything the spec does not allow."""
    specs.openapi("klantinteracties", HOST)  # fail loudly (not skip) without the spec
    server = OpenKlantServer({TOKEN})
    server.team = server.add_actor()  # type: ignore[attr-defined]
    yield server
    assert not server.violations, "outside the spec:\n" + "\n".join(server.violations)
    assert not server.auth_failures, "without the token:\n" + "\n".join(server.auth_failures)


@pytest.fixture
def ok_network(openklant: OpenKlantServer) -> Unreachable:
    return Unreachable(httpx.ASGITransport(app=openklant))


@pytest.fixture
async def on_openklant(db: AsyncSession, on_zgw: None, openklant: OpenKlantServer) -> None:
    municipality = await municipality_of(db)
    values = {"api": f"{HOST}{PREFIX}", "actor": openklant.team}  # type: ignore[attr-defined]
    assert await klantcontact.configure(db, municipality, values) == []
    await db.commit()


@pytest.fixture
async def worker(
    routing: CaseRouting,
    settings: Settings,
    clock: Clock,
    ok_network: Unreachable,
    on_openklant: None,
) -> AsyncIterator[OutboxWorker]:
    """A `welkom worker` beside the API: ZGW and Open Klant handlers, on the test clock."""
    sessions = routing.session_factory
    contacts = KlantcontactRouting(
        sessions, settings, conversations=conversations, transport=ok_network, clock=clock
    )
    handlers = outbox_handlers(
        sessions, settings, case_routing=routing, klantcontact_routing=contacts
    )
    yield OutboxWorker(sessions, handlers, settings, clock=clock)
    await contacts.aclose()


async def municipality_of(db: AsyncSession) -> Municipality:
    return (
        await db.execute(select(Municipality).where(Municipality.code == DEMO_MUNICIPALITY_CODE))
    ).scalar_one()


async def ask(client: AsyncTestClient, resident: dict, text: str = QUESTION) -> str:
    response = await client.post(
        "/api/v1/me/questions", json={"text": text, "language": "ar"}, headers=resident
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def answer(client: AsyncTestClient, question_id: str, text: str) -> str:
    caseworker = await login(client, "demo-caseworker")
    response = await client.post(
        f"/api/v1/admin/conversations/{question_id}/answers",
        json={"text": text},
        headers=caseworker,
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


def only(objects: dict) -> dict:
    assert len(objects) == 1, objects
    return next(iter(objects.values()))


async def entries(db: AsyncSession, kind: str) -> list[OutboxEntry]:
    db.expire_all()
    return list((await db.execute(select(OutboxEntry).where(OutboxEntry.kind == kind))).scalars())


async def grant(db: AsyncSession, resident_id: uuid.UUID, purpose: Purpose, recipient: str) -> None:
    db.add(
        ConsentEntry(
            municipality_id=(await municipality_of(db)).id, resident_id=resident_id, seq=1000,
            purpose=purpose, recipient=recipient, data_categories=["name", "contact_details"],
            legal_basis="consent", action="granted", channel="in_person",
            recorded_by_role="caseworker",
        )
    )  # fmt: skip
    await db.commit()


async def the_question_klantcontact(openklant: OpenKlantServer) -> dict:
    return next(c for c in openklant.klantcontacten.values() if c["onderwerp"].startswith("Vraag"))


# --- questions ----------------------------------------------------------------------------


async def test_question_becomes_a_confidential_klantcontact_about_its_zaak_with_a_team_task(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    openklant: OpenKlantServer,
    db: AsyncSession,
) -> None:
    question_id = await ask(client, resident)
    # the zaak, the answer pickup, then the klantcontact (enqueued with the zaak's record)
    assert await worker.drain() == 3

    zaak = only(zgw.zaken)
    contact = only(openklant.klantcontacten)
    assert contact["taal"] == "ara"  # ISO 639-2/B, as the spec defines taal
    assert contact["kanaal"] == "Welkom-app"
    assert contact["onderwerp"] == "Vraag van inwoner via Welkom"  # nothing of the question
    assert contact["inhoud"] == QUESTION
    assert contact["vertrouwelijk"] is True
    assert contact["metadata"] == {"welkom": question_id}
    betrokkene = only(openklant.betrokkenen)
    assert betrokkene["rol"] == "klant"
    assert betrokkene["initiator"] is True
    assert betrokkene["hadKlantcontact"]["uuid"] == contact["uuid"]
    assert betrokkene["contactnaam"] is None  # no consent: no name, no addresses
    assert openklant.digitaleadressen == {}
    subject = only(openklant.onderwerpobjecten)
    assert subject["klantcontact"]["uuid"] == contact["uuid"]
    assert subject["onderwerpobjectidentificator"] == {
        "codeObjecttype": "zaak", "codeRegister": "openzaak", "codeSoortObjectId": "uuid",
        "objectId": zaak["uuid"],
    }  # fmt: skip
    task = only(openklant.internetaken)
    assert task["aanleidinggevendKlantcontact"]["uuid"] == contact["uuid"]
    assert [a["uuid"] for a in task["toegewezenAanActoren"]] == [openklant.team]  # type: ignore[attr-defined]
    assert task["status"] == "te_verwerken"
    assert ("POST", f"{PREFIX}/maak-klantcontact", 201) in openklant.log

    link = await db.get(KlantcontactLink, uuid.UUID(question_id))
    assert link is not None
    assert str(link.klantcontact_uuid) == contact["uuid"]
    assert all(
        e.state == OutboxState.delivered for e in await entries(db, klantcontact.QUESTION_KIND)
    )
    # The delivery to Open Klant is a processing of the resident's data (Logboek
    # Dataverwerkingen): one record, in the case-registration purpose.
    records = (
        (
            await db.execute(
                select(ProcessingRecord).where(
                    ProcessingRecord.resource == "open_klant.klantcontact"
                )
            )
        )
        .scalars()
        .all()
    )
    assert [(r.purpose, r.status) for r in records] == [("case_registration", "ok")]


@pytest.mark.parametrize(
    ("purpose", "recipient", "shared"),
    [
        (None, None, False),
        # consent for partner organisations is not consent for the municipality's register
        (Purpose.contact_by_partner_organisations, "organisation:partner-organisations", False),
        (Purpose.reuse_contact_for_questions, "organisation:municipality", True),
    ],
)
async def test_contact_details_go_only_on_the_betrokkene_and_only_with_consent(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    openklant: OpenKlantServer,
    db: AsyncSession,
    purpose: Purpose | None,
    recipient: str | None,
    shared: bool,
) -> None:
    amal = (await db.execute(select(Resident))).scalars().first()
    assert amal is not None
    assert amal.phone
    await db.execute(
        update(Resident).where(Resident.id == amal.id).values(email="amal@example.org")
    )
    await db.commit()
    if purpose is not None:
        await grant(db, amal.id, purpose, recipient or "")
    await ask(client, resident)
    await worker.drain()

    contact = only(openklant.klantcontacten)
    betrokkene = only(openklant.betrokkenen)
    addresses = {(a["soortDigitaalAdres"], a["adres"]) for a in openklant.digitaleadressen.values()}
    text = str(contact)
    assert "amal@example.org" not in text
    assert amal.phone not in text
    if shared:
        assert betrokkene["contactnaam"]["voornaam"]
        assert addresses == {("email", "amal@example.org"), ("telefoonnummer", amal.phone)}
        assert all(
            a["verstrektDoorBetrokkene"]["uuid"] == betrokkene["uuid"]
            for a in openklant.digitaleadressen.values()
        )
    else:
        assert betrokkene["contactnaam"] is None
        assert addresses == set()


async def test_open_klant_down_loses_nothing_and_a_retry_after_a_partial_success_adds_nothing(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    openklant: OpenKlantServer,
    ok_network: Unreachable,
    clock: Clock,
    db: AsyncSession,
) -> None:
    ok_network.failure = httpx.ConnectError
    await ask(client, resident)
    await worker.drain()
    [entry] = await entries(db, klantcontact.QUESTION_KIND)
    assert entry.state == OutboxState.pending
    assert "ConnectError" in (entry.last_error or "")
    assert openklant.klantcontacten == {}

    # Back, but the task fails once after the klantcontact was made (a 503 from a proxy).
    ok_network.failure = None
    failed: list[str] = []

    def task_fails_once(method: str, sub: str, data: object):
        if method == "POST" and sub == "/internetaken" and not failed:
            failed.append(sub)
            from tests.zgw.server import Answer

            return Answer(503, raw=b"Service Unavailable", content_type="text/plain")
        return None

    openklant.before = task_fails_once
    for _ in range(5):
        clock.advance(3600)
        await worker.drain()
    [entry] = await entries(db, klantcontact.QUESTION_KIND)
    assert entry.state == OutboxState.delivered
    assert failed == ["/internetaken"]
    only(openklant.klantcontacten)  # found again by its metadata, not made twice
    only(openklant.betrokkenen)
    only(openklant.internetaken)


async def test_a_refusal_parks_the_entry_with_the_registers_problem_and_a_retry_delivers(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    openklant: OpenKlantServer,
    db: AsyncSession,
) -> None:
    openklant.kanalen = {"telefoon", "balie"}  # Open Klant checks kanaal against its list
    await ask(client, resident)
    await worker.drain()
    [entry] = await entries(db, klantcontact.QUESTION_KIND)
    assert entry.state == OutboxState.parked
    assert '"name": "kanaal"' in (entry.last_error or "")
    assert QUESTION not in (entry.last_error or "")  # no content in the reason
    assert openklant.klantcontacten == {}

    openklant.kanalen.add("Welkom-app")  # records management fixed it in Open Klant
    assert await requeue_parked(db, entry.id)
    await db.commit()
    await worker.drain()
    [entry] = await entries(db, klantcontact.QUESTION_KIND)
    assert entry.state == OutboxState.delivered
    only(openklant.klantcontacten)


# --- answers ------------------------------------------------------------------------------


async def test_an_answer_given_in_welkom_waits_for_its_question_then_refers_to_it(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    openklant: OpenKlantServer,
    clock: Clock,
    db: AsyncSession,
) -> None:
    question_id = await ask(client, resident)
    answer_id = await answer(client, question_id, "U krijgt in maart een woning.")
    await worker.drain()  # zaak, answer document, question klantcontact; the answer waited
    clock.advance(31)
    await worker.drain()

    question = await the_question_klantcontact(openklant)
    reply = next(c for c in openklant.klantcontacten.values() if c["uuid"] != question["uuid"])
    assert len(openklant.klantcontacten) == 2
    assert reply["onderwerp"] == "Antwoord aan inwoner via Welkom"
    assert reply["inhoud"] == "U krijgt in maart een woning."
    assert reply["taal"] == "ara"  # the caseworker answered in the resident's language
    assert reply["metadata"] == {"welkom": answer_id}
    subject = next(
        o
        for o in openklant.onderwerpobjecten.values()
        if o["klantcontact"]["uuid"] == reply["uuid"]
    )
    assert subject["wasKlantcontact"]["uuid"] == question["uuid"]
    [entry] = await entries(db, klantcontact.ANSWER_KIND)
    assert entry.state == OutboxState.delivered
    assert entry.attempts == 1

    # The poll sees Welkom's own answer in Open Klant and does not show it a second time.
    clock.advance(3600)
    await worker.drain()
    db.expire_all()
    answers = (await db.execute(select(ConversationMessage))).scalars().all()
    assert [a.id for a in answers] == [uuid.UUID(answer_id)]


async def test_answers_registered_in_open_klant_are_shown_to_the_resident_once(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    openklant: OpenKlantServer,
    clock: Clock,
    db: AsyncSession,
) -> None:
    question_id = await ask(client, resident)
    await worker.drain()
    question = await the_question_klantcontact(openklant)
    openklant.answer(question["uuid"], "Uw woning is in maart klaar.", taal="ara")
    openklant.answer(question["uuid"], "", taal="dut")  # an empty note: nothing to show

    clock.advance(3600)
    await worker.drain()
    seen = await client.get(f"/api/v1/me/questions/{question_id}/answers", headers=resident)
    assert seen.status_code == 200
    [shown] = seen.json()
    assert shown["text"] == "Uw woning is in maart klaar."
    assert shown["language"] == "ar"
    inbox = (await client.get(INBOX, headers=resident)).json()
    answered = [i for i in inbox["items"] if i["kind"] == kinds.QUESTION_ANSWERED]
    assert [i["reference_id"] for i in answered] == [question_id]
    assert answered[0]["title"] == i18n.gettext("Your question has been answered", "ar")

    # Later rounds (and a round repeated after a crash) show nothing twice.
    for _ in range(3):
        clock.advance(3600)
        await worker.drain()
    db.expire_all()
    assert len((await db.execute(select(ConversationMessage))).scalars().all()) == 1
    [poll] = await entries(db, klantcontact.POLL_KIND)
    assert poll.state == OutboxState.pending  # recurring: due again after the interval
    # A second answer from the KCC arrives in a later round.
    openklant.answer(question["uuid"], "De sleutel krijgt u op 3 maart.")
    clock.advance(3600)
    await worker.drain()
    seen = await client.get(f"/api/v1/me/questions/{question_id}/answers", headers=resident)
    assert [a["text"] for a in seen.json()] == [
        "Uw woning is in maart klaar.",
        "De sleutel krijgt u op 3 maart.",
    ]
    assert seen.json()[1]["language"] == "nl"


async def test_the_pickup_walks_the_questions_from_its_cursor(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    openklant: OpenKlantServer,
    settings: Settings,
    clock: Clock,
    db: AsyncSession,
) -> None:
    settings.openklant.poll_batch = 1
    first, second = (
        await ask(client, resident, "Eerste vraag"),
        await ask(client, resident, "Tweede"),
    )
    await worker.drain()
    for contact in list(openklant.klantcontacten.values()):
        openklant.answer(contact["uuid"], f"Antwoord op {contact['inhoud']}")

    async def answered() -> set[str]:
        db.expire_all()
        rows = (await db.execute(select(ConversationMessage.interaction_id))).scalars()
        return {str(r) for r in rows}

    clock.advance(3600)
    await worker.drain()
    after_one = await answered()
    assert len(after_one) == 1  # one question per round
    clock.advance(3600)
    await worker.drain()
    assert await answered() == {first, second}


# --- configuration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"api": "ftp://x", "actor": str(uuid.uuid4())}, "api must be"),
        ({"api": f"{HOST}{PREFIX}", "actor": "team"}, "actor must be"),
        ({"api": f"{HOST}{PREFIX}", "actor": str(uuid.uuid4()), "kanaal": "k" * 51}, "kanaal"),
    ],
)
async def test_wrong_settings_are_refused_and_change_nothing(
    db: AsyncSession, seeded: None, values: dict, problem: str
) -> None:
    municipality = await municipality_of(db)
    before = dict(municipality.case_register_settings)
    problems = await klantcontact.configure(db, municipality, values)
    assert any(problem in p for p in problems), problems
    assert municipality.case_register_settings == before
    assert await entries(db, klantcontact.POLL_KIND) == []


async def test_start_up_names_a_missing_token(
    db: AsyncSession, on_openklant: None, routing: CaseRouting, settings: Settings
) -> None:
    assert await routing.validate() == []
    settings.openklant.tokens = {}
    assert await routing.validate() == [
        f"municipality {DEMO_MUNICIPALITY_CODE}: klantcontact: no token in WELKOM_OPENKLANT_TOKENS"
    ]


async def test_the_in_process_workers_open_klant_clients_are_closed_when_the_app_stops(
    db: AsyncSession, on_openklant: None, settings: Settings
) -> None:
    settings.run_worker_in_process = True
    app = create_app(settings)
    municipality = await municipality_of(db)
    async with AsyncTestClient(app=app) as test_client:
        handler = app.state.worker.handlers[klantcontact.QUESTION_KIND]
        assert isinstance(handler, RegisterQuestionHandler)
        # On the app's event loop, where the worker asks for its clients too.
        open_klant = test_client.blocking_portal.call(handler.routing.client, municipality)
        assert not open_klant.http.is_closed
    assert open_klant.http.is_closed


async def test_a_client_replaced_after_a_settings_change_is_closed_too(
    db: AsyncSession, engine: AsyncEngine, on_openklant: None, settings: Settings
) -> None:
    municipality = await municipality_of(db)
    routing = KlantcontactRouting(session_factory(engine), settings, conversations=conversations)
    first = routing.client(municipality)
    assert routing.client(municipality) is first
    settings.openklant.tokens = {DEMO_MUNICIPALITY_CODE: SecretStr("a-new-token-9f8e7d")}
    second = routing.client(municipality)
    assert second is not first
    assert not first.http.is_closed  # a delivery under way may still use it
    await routing.aclose()
    assert first.http.is_closed
    assert second.http.is_closed


async def test_without_klantcontact_settings_nothing_goes_to_open_klant(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, openklant: OpenKlantServer,
    db: AsyncSession,
) -> None:  # fmt: skip
    municipality = await municipality_of(db)
    assert await klantcontact.configure(db, municipality, None) == []
    await db.commit()
    question_id = await ask(client, resident)
    await answer(client, question_id, "Antwoord")
    await worker.drain()
    assert openklant.klantcontacten == {}
    assert await entries(db, klantcontact.QUESTION_KIND) == []
    assert await entries(db, klantcontact.ANSWER_KIND) == []
    interaction = await db.get(Interaction, uuid.UUID(question_id))
    assert interaction is not None
    assert interaction.zaak_url


# --- the test server holds Welkom to the spec and to Open Klant's rules ---------------------


async def test_the_test_server_refuses_what_open_klant_refuses(openklant: OpenKlantServer) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=openklant)) as http:
        url = f"{HOST}{PREFIX}"
        no_token = await http.get(f"{url}/klantcontacten")
        assert no_token.status_code == 400  # the spec requires the token scheme
        assert any("tokenAuth" in v for v in openklant.violations)
        openklant.violations.clear()
        wrong_token = await http.get(
            f"{url}/klantcontacten", headers={"Authorization": "Token not-the-token"}
        )
        assert wrong_token.status_code == 401
        assert openklant.auth_failures
        openklant.auth_failures.clear()
        auth = {"Authorization": f"Token {TOKEN}"}
        wrong = await http.post(
            f"{url}/maak-klantcontact",
            json={"klantcontact": {"kanaal": "app", "onderwerp": "x", "taal": "arabic",
                                   "vertrouwelijk": True}},
            headers=auth,
        )  # fmt: skip
        assert wrong.status_code == 400  # taal is at most three letters
        assert openklant.violations
        openklant.violations.clear()
        unknown_actor = await http.post(
            f"{url}/internetaken",
            json={"aanleidinggevendKlantcontact": {"uuid": str(uuid.uuid4())},
                  "toegewezenAanActoren": [{"uuid": str(uuid.uuid4())}],
                  "gevraagdeHandeling": "Bellen", "status": "te_verwerken"},
            headers=auth,
        )  # fmt: skip
        assert unknown_actor.status_code == 400
        assert unknown_actor.json()["invalidParams"][0]["reason"] == (
            "Klantcontact object bestaat niet."
        )


async def test_set_klantcontact_validates_switches_on_and_off(
    settings: Settings, seeded: None, db: AsyncSession
) -> None:
    env = {
        "WELKOM_ENV": "test",
        "WELKOM_DATABASE_URL": settings.database.url,
        "WELKOM_DATA_DIR": str(settings.data_dir),
        "WELKOM_OPENKLANT_TOKENS": json.dumps({DEMO_MUNICIPALITY_CODE: TOKEN}),
        "WELKOM_LOG_JSON": "true",
    }

    async def run(*args: str):
        command = ["municipalities", "set-klantcontact", DEMO_MUNICIPALITY_CODE, *args]
        return await asyncio.to_thread(CliRunner().invoke, main, command, env=env)

    api, actor = f"{HOST}{PREFIX}", str(uuid.uuid4())
    bad = await run("--api", api, "--actor", "team-statushouders")
    assert bad.exit_code != 0
    assert "actor must be the uuid" in bad.output
    assert klantcontact.settings_of(await municipality_of(db)) is None
    assert await entries(db, klantcontact.POLL_KIND) == []

    on = await run("--api", api, "--actor", actor)
    assert on.exit_code == 0, on.output
    db.expire_all()
    assert klantcontact.settings_of(await municipality_of(db)) == {
        "api": api, "actor": actor, "kanaal": "Welkom-app",
    }  # fmt: skip
    [poll] = await entries(db, klantcontact.POLL_KIND)
    assert poll.state == OutboxState.pending

    off = await run("--off")
    assert off.exit_code == 0, off.output
    db.expire_all()
    assert klantcontact.settings_of(await municipality_of(db)) is None


async def test_an_answer_to_a_parked_question_is_parked_with_the_reason_then_retried(
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    openklant: OpenKlantServer,
    clock: Clock,
    db: AsyncSession,
) -> None:
    openklant.kanalen = {"telefoon"}
    question_id = await ask(client, resident)
    await worker.drain()
    await answer(client, question_id, "Antwoord")
    await worker.drain()
    [question_entry] = await entries(db, klantcontact.QUESTION_KIND)
    question_entry_id, question_state = question_entry.id, question_entry.state
    [answer_entry] = await entries(db, klantcontact.ANSWER_KIND)
    assert question_state == answer_entry.state == OutboxState.parked
    assert "retry it first" in (answer_entry.last_error or "")

    openklant.kanalen.add("Welkom-app")
    for entry_id in (question_entry_id, answer_entry.id):  # records management, in order
        assert await requeue_parked(db, entry_id)
        await db.commit()
        await worker.drain()
    assert [e.state for e in await entries(db, klantcontact.ANSWER_KIND)] == [OutboxState.delivered]
    assert len(openklant.klantcontacten) == 2
