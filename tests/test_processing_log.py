# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The processing log (Logboek Dataverwerkingen) and W3C trace context: one record per data
subject per processing, in the caller's trace, carried through the outbox to the case system;
the resident's access log reads the same records."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from tests.auth_fixtures import World, bearer, build_world
from tests.conftest import login, make_settings
from tests.test_cli import run
from welkom.app import create_app
from welkom.audit.models import AuditEvent
from welkom.core import tracing
from welkom.outbox.models import OutboxEntry
from welkom.outbox.worker import OutboxWorker
from welkom.processing import service as processing
from welkom.processing.models import ProcessingRecord
from welkom.processing.register import RegisterFileError, load_register

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"
TRACEPARENT = f"00-{TRACE_ID}-{PARENT_ID}-01"


@pytest.fixture
async def world(db: AsyncSession, seeded: None) -> World:
    return await build_world(db)


async def records(db: AsyncSession) -> list[ProcessingRecord]:
    db.expire_all()
    found = await db.execute(select(ProcessingRecord).order_by(ProcessingRecord.ended_at))
    return list(found.scalars().all())


# --- traceparent parsing ----------------------------------------------------------------------


def test_a_valid_traceparent_is_parsed() -> None:
    span = tracing.parse_traceparent(TRACEPARENT)
    assert span is not None
    assert (span.trace_id, span.span_id, span.sampled) == (TRACE_ID, PARENT_ID, True)
    child = span.child()
    assert (child.trace_id, child.parent_span_id) == (TRACE_ID, PARENT_ID)
    assert child.span_id != PARENT_ID
    assert child.traceparent == f"00-{TRACE_ID}-{child.span_id}-01"
    # A future version may add fields; the first four are read.
    assert tracing.parse_traceparent(f"cc-{TRACE_ID}-{PARENT_ID}-00-what-ever") is not None


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        f"00-{TRACE_ID.upper()}-{PARENT_ID}-01",  # upper-case hex
        f"00-{'0' * 32}-{PARENT_ID}-01",  # all-zero trace id
        f"00-{TRACE_ID}-{'0' * 16}-01",  # all-zero parent id
        f"ff-{TRACE_ID}-{PARENT_ID}-01",  # forbidden version
        f"00-{TRACE_ID}-{PARENT_ID}-01-extra",  # version 00 has exactly four fields
        f"00-{TRACE_ID[:-1]}-{PARENT_ID}-01",  # short trace id
        f"00-{TRACE_ID}-{PARENT_ID}-1",  # short flags
        f" 00-{TRACE_ID}-{PARENT_ID}-01",
        f"00_{TRACE_ID}_{PARENT_ID}_01",
    ],
)
def test_an_invalid_traceparent_is_none(value: str) -> None:
    assert tracing.parse_traceparent(value) is None


# --- staff reads ------------------------------------------------------------------------------


async def test_a_staff_read_writes_one_record_per_subject_in_the_callers_trace(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    caseworker = await bearer(client, "caseworker")
    response = await client.get(
        f"/api/v1/admin/residents/{world.own_resident_id}",
        headers=caseworker | {"traceparent": TRACEPARENT},
    )
    assert response.status_code == 200

    (row,) = await records(db)
    plog = processing.current_log()
    assert row.data_subject_id == plog.pseudonym(world.own_resident_id)
    assert str(world.own_resident_id) not in repr(row.model_dump())
    assert world.own_resident_id.hex not in repr(row.model_dump())
    assert (row.trace_id, row.parent_span_id) == (TRACE_ID, PARENT_ID)
    assert len(row.span_id) == 16
    assert row.span_id != PARENT_ID
    assert (row.name, row.status, row.action) == ("admin.resident.read", "ok", "read")
    assert row.purpose == "casework"
    assert row.processing_activity_id == (
        "urn:welkom:demo:verwerkingsactiviteit:begeleiding-statushouders"
    )
    assert row.municipality_id == world.municipality_id
    assert row.started_at <= row.ended_at
    assert row.actor_role == "caseworker"


async def test_a_staff_list_read_writes_exactly_one_record_per_resident_listed(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    caseworker = await bearer(client, "caseworker")
    response = await client.get("/api/v1/admin/residents/", headers=caseworker)
    assert response.status_code == 200
    listed = [uuid.UUID(item["id"]) for item in response.json()["items"]]
    assert len(listed) >= 2

    rows = await records(db)
    plog = processing.current_log()
    assert sorted(r.data_subject_id for r in rows) == sorted(plog.pseudonym(r) for r in listed)
    assert len({r.trace_id for r in rows}) == 1  # one request, one trace, a new one
    assert {r.name for r in rows} == {"admin.resident.read"}


async def test_an_invalid_traceparent_starts_a_new_trace_and_is_never_an_error(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    caseworker = await bearer(client, "caseworker")
    path = f"/api/v1/admin/residents/{world.own_resident_id}"
    bad = f"00-{TRACE_ID}-{'0' * 16}-01"
    response = await client.get(path, headers=caseworker | {"traceparent": bad})
    assert response.status_code == 200
    # Two headers are invalid as well, even if each is valid on its own.
    twice = await client.get(
        path,
        headers=[*caseworker.items(), ("traceparent", TRACEPARENT), ("traceparent", TRACEPARENT)],
    )
    assert twice.status_code == 200
    first, second = await records(db)
    assert TRACE_ID not in (first.trace_id, second.trace_id)
    assert first.trace_id != second.trace_id
    assert first.parent_span_id is second.parent_span_id is None


async def test_the_residents_access_log_reads_the_processing_log(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    caseworker = await bearer(client, "caseworker")
    assert (
        await client.get(f"/api/v1/admin/residents/{world.own_resident_id}", headers=caseworker)
    ).status_code == 200
    assert (await client.get("/api/v1/admin/residents/", headers=caseworker)).status_code == 200

    own = processing.current_log().pseudonym(world.own_resident_id)
    mine = [r for r in await records(db) if r.data_subject_id == own]
    assert len(mine) == 2
    resident = await login(client, "demo-resident")
    log = await client.get("/api/v1/me/access-log", headers=resident)
    assert log.status_code == 200
    items = log.json()["items"]
    assert [uuid.UUID(i["id"]) for i in items] == [r.id for r in reversed(mine)]
    assert {(i["actor_name"], i["action"], i["resource"]) for i in items} == {
        ("Sanne de Vries", "read", "admin.resident")
    }
    assert items[0]["fields"] == ["summary"]
    assert items[1]["fields"] == ["contact", "profile", "registered_data"]


async def test_processing_records_are_append_only(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    caseworker = await bearer(client, "caseworker")
    await client.get(f"/api/v1/admin/residents/{world.own_resident_id}", headers=caseworker)
    for statement in (
        "UPDATE processing_record SET status = 'error'",
        "DELETE FROM processing_record",
    ):
        with pytest.raises(DBAPIError, match="append-only"):
            await db.execute(text(statement))
        await db.rollback()
    assert len(await records(db)) == 1


# --- the JSON-lines sink ----------------------------------------------------------------------


async def test_the_jsonl_sink_writes_committed_records_in_the_standards_fields(
    database_url: str, seeded: None, db: AsyncSession, tmp_path: Path
) -> None:
    world = await build_world(db)
    collector = tmp_path / "processing.jsonl"
    settings = make_settings(
        database_url,
        processing_log_sinks=["database", "jsonl"],
        processing_log_collector=str(collector),
    )
    async with AsyncTestClient(app=create_app(settings)) as client:
        caseworker = await bearer(client, "caseworker")
        ok = await client.get(
            f"/api/v1/admin/residents/{world.own_resident_id}",
            headers=caseworker | {"traceparent": TRACEPARENT},
        )
        assert ok.status_code == 200
        # Not in this municipality: refused, nothing processed, nothing written.
        refused = await client.get(
            f"/api/v1/admin/residents/{world.other_municipality_resident_id}", headers=caseworker
        )
        assert refused.status_code == 404

    (line,) = collector.read_text().splitlines()
    body = json.loads(line)
    (row,) = await records(db)
    assert body["trace_id"] == TRACE_ID == row.trace_id
    assert body["operation_id"] == row.span_id
    assert body["parent_operation_id"] == PARENT_ID
    assert body["status_code"] == "STATUS_CODE_OK"
    assert body["name"] == "admin.resident.read"
    attributes = body["attributes"]
    assert attributes["dpl.core.data_subject_id"] == row.data_subject_id
    assert attributes["dpl.core.processing_activity_id"] == row.processing_activity_id
    assert str(world.own_resident_id) not in line
    assert "Sanne" not in line


def test_the_sinks_must_include_the_database() -> None:
    with pytest.raises(ValueError, match="must include `database`"):
        make_settings("sqlite+aiosqlite://", processing_log_sinks=["jsonl"])


# --- the register of processing activities ----------------------------------------------------


def test_a_municipality_overrides_the_default_register(tmp_path: Path) -> None:
    path = tmp_path / "register.toml"
    default = load_register()
    lines = ["[default]"] + [f'{k} = "{v}"' for k, v in default.default.items()]
    lines += ['[gemeente."0363"]', 'casework = "https://register.example/activiteit/42"']
    path.write_text("\n".join(lines))
    register = load_register(path)
    assert register.activity_id("casework", "0363") == "https://register.example/activiteit/42"
    assert register.activity_id("casework", "0599") == default.default["casework"]
    assert register.activity_id("gdpr_export", "0363") == default.default["gdpr_export"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[default]\ncasework = "x"', "lacks purpose"),
        ("[default]\nmarketing = 'x'", "unknown purpose"),
        ("[elsewhere]\n", "unknown section"),
        ("not toml [", "not valid TOML"),
    ],
)
def test_a_bad_register_refuses_the_start(
    tmp_path: Path, database_url: str, content: str, message: str
) -> None:
    path = tmp_path / "register.toml"
    path.write_text(content)
    with pytest.raises(RegisterFileError, match=message):
        create_app(make_settings(database_url, processing_register_file=path))


async def test_an_export_is_one_record_of_its_own_purpose_not_in_who_looked(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    resident = await login(client, "demo-resident")
    export = await client.get("/api/v1/me/export", headers=resident | {"traceparent": TRACEPARENT})
    assert export.status_code == 200
    (row,) = await records(db)
    assert (row.name, row.purpose, row.trace_id) == ("resident.all.export", "gdpr_export", TRACE_ID)
    assert row.data_subject_id == processing.current_log().pseudonym(world.own_resident_id)
    assert row.actor_account_id is None
    assert "audit_event" in row.fields
    log = await client.get("/api/v1/me/access-log", headers=resident)
    assert log.json()["items"] == []


async def test_an_outbox_entry_keeps_the_trace_of_the_request_that_enqueued_it(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    resident = await login(client, "demo-resident")
    asked = await client.post(
        "/api/v1/me/questions",
        json={"text": "Waar is de bibliotheek?", "language": "nl"},
        headers=resident | {"traceparent": TRACEPARENT},
    )
    assert asked.status_code == 201
    (entry,) = (await db.execute(select(OutboxEntry))).scalars().all()
    stored = tracing.parse_traceparent(entry.traceparent)
    assert stored is not None
    assert stored.trace_id == TRACE_ID
    assert stored.span_id != PARENT_ID  # the request's own span, a child of the caller's


async def test_deliveries_of_a_question_and_its_answer_are_recorded_in_their_traces(
    client: AsyncTestClient, world: World, db: AsyncSession, worker: OutboxWorker
) -> None:
    resident = await login(client, "demo-resident")
    asked = await client.post(
        "/api/v1/me/questions",
        json={"text": "Waar is de bibliotheek?", "language": "nl"},
        headers=resident | {"traceparent": TRACEPARENT},
    )
    assert asked.status_code == 201
    assert await worker.drain() == 1
    caseworker = await bearer(client, "caseworker")
    other_trace = "5" * 32
    answered = await client.post(
        f"/api/v1/admin/conversations/{asked.json()['id']}/answers",
        json={"text": "Aan het Stationsplein."},
        headers=caseworker
        | {"Idempotency-Key": "answer-5f5f5f", "traceparent": f"00-{other_trace}-{'6' * 16}-01"},
    )
    assert answered.status_code == 201, answered.text
    assert await worker.drain() == 1

    own = processing.current_log().pseudonym(world.own_resident_id)
    deliveries = [r for r in await records(db) if r.action == "deliver"]
    assert [(r.name, r.trace_id, r.data_subject_id, r.purpose) for r in deliveries] == [
        ("case_system.zaak.deliver", TRACE_ID, own, "case_registration"),
        ("case_system.answer.deliver", other_trace, own, "case_registration"),
    ]


async def test_audit_rows_from_before_the_processing_log_are_copied_once(
    client: AsyncTestClient, world: World, db: AsyncSession, database_url: str
) -> None:
    """`welkom processing-log backfill`: the access log keeps its history over the upgrade."""
    legacy = AuditEvent(
        municipality_id=world.municipality_id,
        resident_id=world.own_resident_id,
        actor_account_id=uuid.uuid4(),
        actor_role="volunteer",
        actor_display_name="Piet",
        action="read",
        resource="volunteer.help_request",
        fields=["contact"],
        purpose="Volunteer: help request",
    )
    db.add(legacy)
    await db.commit()
    legacy_id, legacy_at = legacy.id, legacy.occurred_at
    resident = await login(client, "demo-resident")
    assert (await client.get("/api/v1/me/access-log", headers=resident)).json()["items"] == []

    # The app's settings: the pseudonym key is derived from its secret key.
    settings = make_settings(database_url)
    env = {
        "WELKOM_ENV": "test",
        "WELKOM_DATABASE_URL": database_url,
        "WELKOM_SECRET_KEY": settings.secret_key,
    }
    first = await asyncio.to_thread(run, "processing-log", "backfill", env=env)
    assert first.returncode == 0, first.stderr
    assert "Copied 1 audit rows" in first.stdout
    again = await asyncio.to_thread(run, "processing-log", "backfill", env=env)
    assert "Copied 0 audit rows" in again.stdout

    (copied,) = await records(db)
    assert copied.id == legacy_id
    assert (copied.purpose, copied.name) == ("volunteer_help", "volunteer.help_request.read")
    assert copied.ended_at == legacy_at
    (entry,) = (await client.get("/api/v1/me/access-log", headers=resident)).json()["items"]
    assert (entry["actor_name"], entry["purpose"]) == ("Piet", "Volunteer: help request")
