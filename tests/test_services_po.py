# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Translations go to an agency as a PO file and come back."""

from __future__ import annotations

import io

from babel.messages.pofile import read_po, write_po
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import row_counts
from tests.services_helpers import ANON, demo_translation, editor, find, untranslate


async def _export(client: AsyncTestClient, headers: dict, language: str):
    response = await client.get(
        "/api/v1/admin/translations/export", params={"language": language}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/x-gettext-translation")
    return read_po(io.BytesIO(response.content))


def _po_bytes(catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0)
    return buffer.getvalue()


async def test_po_export_import_round_trip(client: AsyncTestClient, db: AsyncSession) -> None:
    staff = await editor(client)
    emergency = await find(client, "Noodnummer 112")
    waste = await find(client, "Afval scheiden en ophalen")
    await untranslate(db, waste["id"], "ti", fields=("title",))
    catalog = await _export(client, staff, "ti")
    assert catalog.locale_identifier == "ti"
    title = catalog.get("Noodnummer 112", context=f"item/{emergency['id']}/title")
    assert title.string == demo_translation("Noodnummer 112", "ti")
    assert title.fuzzy  # machine-made: fuzzy for the agency
    missing = catalog.get("Afval scheiden en ophalen", context=f"item/{waste['id']}/title")
    assert missing.string == ""

    # The agency translates the missing title and confirms the machine one (drops fuzzy).
    missing.string = "ጎሓፍ ምፍላይን ምእካብን"
    title.flags.discard("fuzzy")
    imported = await client.post(
        "/api/v1/admin/translations/import",
        params={"language": "ti"},
        content=_po_bytes(catalog),
        headers={**staff, "Content-Type": "text/x-gettext-translation"},
    )
    assert imported.status_code == 200, imported.text
    result = imported.json()
    assert result["imported"] == 2
    assert result["skipped_stale"] == result["skipped_unknown"] == 0

    again = await _export(client, staff, "ti")
    new = again.get("Afval scheiden en ophalen", context=f"item/{waste['id']}/title")
    assert new.string == "ጎሓፍ ምፍላይን ምእካብን"
    assert not new.fuzzy
    entries = (
        await client.get(
            "/api/v1/admin/translations",
            params={"language": "ti", "status": "all"},
            headers=staff,
        )
    ).json()
    states = {(e["owner_id"], e["field"]): e["state"] for e in entries}
    assert states[(waste["id"], "title")] == "translated"  # never "reviewed" by import
    assert states[(emergency["id"], "title")] == "translated"

    shown = await client.get(
        "/api/v1/services", params={**ANON, "q": "ጎሓፍ"}, headers={"Accept-Language": "ti"}
    )
    assert [i["title"] for i in shown.json()["items"]] == ["ጎሓፍ ምፍላይን ምእካብን"]

    # Importing the same file again changes nothing.
    repeat = await client.post(
        "/api/v1/admin/translations/import",
        params={"language": "ti"},
        content=_po_bytes(again),
        headers={**staff, "Content-Type": "text/x-gettext-translation"},
    )
    assert repeat.json()["imported"] == 0


async def test_stale_entries_are_skipped(client: AsyncTestClient) -> None:
    staff = await editor(client)
    catalog = await _export(client, staff, "fa")
    emergency = await find(client, "Noodnummer 112")
    await client.patch(
        f"/api/v1/admin/services/{emergency['id']}",
        json={"title": "Alarmnummer 112"},
        headers={**staff, "If-Match": "*"},
    )
    message = catalog.get("Noodnummer 112", context=f"item/{emergency['id']}/title")
    message.string = "شماره اضطراری ۱۱۲ (بازبینی شده)"
    result = (
        await client.post(
            "/api/v1/admin/translations/import",
            params={"language": "fa"},
            content=_po_bytes(catalog),
            headers=staff,
        )
    ).json()
    assert result["skipped_stale"] == 1
    entries = (
        await client.get(
            "/api/v1/admin/translations",
            params={"language": "fa", "status": "outdated"},
            headers=staff,
        )
    ).json()
    assert (emergency["id"], "title") in {(e["owner_id"], e["field"]) for e in entries}


async def test_untouched_round_trip_keeps_outdated_translations_outdated(
    client: AsyncTestClient,
) -> None:
    staff = await editor(client)
    emergency = await find(client, "Noodnummer 112")
    await client.patch(
        f"/api/v1/admin/services/{emergency['id']}",
        json={"title": "Alarmnummer 112"},
        headers={**staff, "If-Match": "*"},
    )
    catalog = await _export(client, staff, "uk")
    entry = catalog.get("Alarmnummer 112", context=f"item/{emergency['id']}/title")
    assert entry.string == "Екстрений номер 112"
    assert entry.fuzzy
    result = await client.post(
        "/api/v1/admin/translations/import",
        params={"language": "uk"},
        content=_po_bytes(catalog),
        headers=staff,
    )
    assert result.json()["imported"] == 0
    outdated = (
        await client.get(
            "/api/v1/admin/translations",
            params={"language": "uk", "status": "outdated"},
            headers=staff,
        )
    ).json()
    assert [(e["owner_id"], e["field"]) for e in outdated] == [(emergency["id"], "title")]


async def test_dari_export_keeps_its_code_and_plural_forms(client: AsyncTestClient) -> None:
    staff = await editor(client)
    response = await client.get(
        "/api/v1/admin/translations/export", params={"language": "prs"}, headers=staff
    )
    assert b'"Language: prs\\n"' in response.content
    assert b"Plural-Forms: nplurals=2; plural=(n > 1);" in response.content


async def test_bad_po_files_change_nothing(client: AsyncTestClient, db: AsyncSession) -> None:
    staff = await editor(client)
    good = await client.get(
        "/api/v1/admin/translations/export", params={"language": "ar"}, headers=staff
    )
    before = await row_counts(db)
    for language, payload in [
        ("ar", b"this is not a po file\n"),
        ("ar", b"\xff\xfe not utf-8"),
        ("uk", good.content),  # an Arabic file uploaded as Ukrainian
        ("zz", good.content),  # unknown language
    ]:
        response = await client.post(
            "/api/v1/admin/translations/import",
            params={"language": language},
            content=payload,
            headers=staff,
        )
        assert response.status_code == 400, (language, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
    assert await row_counts(db) == before


async def _import(client: AsyncTestClient, headers: dict, language: str, catalog):
    return await client.post(
        "/api/v1/admin/translations/import",
        params={"language": language},
        content=_po_bytes(catalog),
        headers=headers,
    )


def _pair_entries(catalog, prefix: str) -> dict[str, object]:
    return {m.context: m for m in catalog if m.context and m.context.startswith(prefix)}


async def test_consent_texts_and_journey_go_to_the_agency_in_the_same_file(
    client: AsyncTestClient,
) -> None:
    staff = await editor(client)
    catalog = await _export(client, staff, "ti")
    consent = _pair_entries(catalog, "consent/")
    journey = _pair_entries(catalog, "journey/")
    listed = (
        await client.get("/api/v1/admin/consent-texts", params={"language": "ti"}, headers=staff)
    ).json()
    steps = (
        await client.get("/api/v1/admin/journey-texts", params={"language": "ti"}, headers=staff)
    ).json()
    # Every purpose's title and body, and every step's title and text, with Dutch as msgid.
    assert set(consent) == {
        f"consent/{t['purpose']}/{f}" for t in listed for f in ("title", "body")
    }
    assert set(journey) == {f"journey/{s['key']}/{f}" for s in steps for f in ("title", "text")}
    first = listed[0]
    body = consent[f"consent/{first['purpose']}/body"]
    assert (body.id, body.string) == (first["source_body"], first["body"])
    assert body.fuzzy  # the demo's translations are machine-made
    assert f"version {first['version']}" in body.auto_comments

    # The agency corrects a consent body and confirms a journey step's machine wording.
    body.string = first["body"] + "\n\nቐሊል ዝበለ ትርጉም።"
    body.flags.discard("fuzzy")
    consent[f"consent/{first['purpose']}/title"].flags.discard("fuzzy")  # a person checked both
    step = steps[0]
    for field in ("title", "text"):
        journey[f"journey/{step['key']}/{field}"].flags.discard("fuzzy")
    result = await _import(client, staff, "ti", catalog)
    assert result.status_code == 200, result.text
    assert result.json()["imported"] == 3
    assert result.json()["skipped_unknown"] == 0

    after = {
        t["purpose"]: t
        for t in (
            await client.get(
                "/api/v1/admin/consent-texts", params={"language": "ti"}, headers=staff
            )
        ).json()
    }[first["purpose"]]
    assert after["body"] == body.string
    assert after["translation_state"] == "translated"  # never "reviewed" by an import
    assert after["version"] == first["version"] + 1  # new wording: a new version
    step_after = {
        s["key"]: s
        for s in (
            await client.get(
                "/api/v1/admin/journey-texts", params={"language": "ti"}, headers=staff
            )
        ).json()
    }[step["key"]]
    assert (step_after["title"], step_after["text"]) == (step["title"], step["text"])
    assert step_after["translation_state"] == "translated"

    # The same file again changes nothing (no new consent version either).
    again = await _import(client, staff, "ti", await _export(client, staff, "ti"))
    assert again.json()["imported"] == 0


async def test_consent_and_journey_imports_check_sources_and_lengths(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    staff = await editor(client)
    catalog = await _export(client, staff, "ar")
    journey = _pair_entries(catalog, "journey/")
    title = next(m for c, m in journey.items() if c.endswith("/title"))
    title.id = title.id + " (oud)"  # the source changed since the export
    title.string = "عنوان جديد"
    result = await _import(client, staff, "ar", catalog)
    assert result.json()["skipped_stale"] == 1
    assert result.json()["imported"] == 0

    before = await row_counts(db)
    fresh = await _export(client, staff, "ar")
    consent_title = next(
        m for c, m in _pair_entries(fresh, "consent/").items() if c.endswith("/title")
    )
    consent_title.string = "ع" * 201
    refused = await _import(client, staff, "ar", fresh)
    assert refused.status_code == 400, refused.text
    assert refused.json()["errors"][0]["field"] == consent_title.context
    assert await row_counts(db) == before  # all or nothing
