# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Editors and reviewers manage content and translations; bad input changes nothing."""

from __future__ import annotations

from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import row_counts
from tests.services_helpers import (
    ANON,
    bearer_only,
    create_item,
    editor,
    find,
    reviewer,
    untranslate,
)
from welkom.auth.models import Account
from welkom.municipalities import service as municipalities


async def test_residents_and_caseworkers_cannot_edit(
    client: AsyncTestClient, resident: dict, caseworker: dict
) -> None:
    for headers in (resident, caseworker):
        assert (await client.get("/api/v1/admin/services", headers=headers)).status_code == 403
    client.cookies.clear()
    assert (await client.get("/api/v1/admin/translations/progress")).status_code == 401
    review_only = await reviewer(client)
    denied = await client.post(
        "/api/v1/admin/services",
        json={"category": "health", "title": "x", "summary": "y"},
        headers=review_only,
    )
    assert denied.status_code == 403


async def test_sanitising_removes_scripts_javascript_links_and_handlers(
    client: AsyncTestClient,
) -> None:
    staff = await editor(client)
    item = await create_item(
        client,
        staff,
        body=(
            "Welkom <script>alert('x')</script>bij ons.\n\n"
            "[Klik](javascript:alert(1)) en [site](https://example.org)\n\n"
            '<a href="https://example.org" onclick="steal()">link</a> '
            '<img src="x" onerror="steal()"> <b onmouseover="x()">vet</b>'
        ),
    )
    published = await client.post(f"/api/v1/admin/services/{item['id']}/publish", headers=staff)
    assert published.status_code == 200
    html = (await client.get(f"/api/v1/services/{item['id']}", params=ANON)).json()["body_html"]
    assert "<script" not in html
    assert "alert" not in html
    assert "javascript:" not in html
    assert "onclick" not in html
    assert "onerror" not in html
    assert "onmouseover" not in html
    assert "<img" not in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>' in html
    assert "Welkom" in html


async def test_outdated_marking_after_a_source_edit(client: AsyncTestClient) -> None:
    staff = await editor(client)
    summary = await find(client, "Noodnummer 112")
    item_url = f"/api/v1/admin/services/{summary['id']}"
    before = (await client.get(item_url, headers=staff)).json()
    arabic = next(t for t in before["texts"]["title"] if t["language"] == "ar")
    assert arabic["state"] == "machine"
    assert arabic["outdated"] is False

    changed = await client.patch(
        item_url,
        json={"title": "Alarmnummer 112", "journey_steps": ["housing"]},
        headers={**staff, "If-Match": f'"v{before["version"]}"'},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["journey_steps"] == ["housing"]
    assert changed.json()["version"] == before["version"] + 1
    titles = {t["language"]: t for t in changed.json()["texts"]["title"]}
    assert titles["nl"]["text"] == "Alarmnummer 112"
    assert titles["ar"]["outdated"] is True
    summaries = {t["language"]: t for t in changed.json()["texts"]["summary"]}
    assert summaries["ar"]["outdated"] is False  # only the changed text is outdated

    shown = await client.get(
        f"/api/v1/services/{summary['id']}", params=ANON, headers={"Accept-Language": "ar"}
    )
    assert shown.json()["outdated"] is True
    assert shown.json()["unreviewed"] is True

    outdated = await client.get(
        "/api/v1/admin/translations",
        params={"language": "ar", "status": "outdated"},
        headers=staff,
    )
    assert [(e["owner_id"], e["field"]) for e in outdated.json()] == [(summary["id"], "title")]

    stale = await client.patch(
        item_url, json={"summary": "Iets"}, headers={**staff, "If-Match": f'"v{before["version"]}"'}
    )
    assert stale.status_code == 412


async def test_translation_workflow_submit_then_review(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    staff, checker = await editor(client), await reviewer(client)
    summary = await find(client, "Afval scheiden en ophalen")
    await untranslate(db, summary["id"], "uk", fields=("title", "summary"))
    missing = (
        await client.get(
            "/api/v1/admin/translations",
            params={"language": "uk", "status": "missing"},
            headers=staff,
        )
    ).json()
    assert (summary["id"], "title") in {(e["owner_id"], e["field"]) for e in missing}

    url = f"/api/v1/admin/translations/{summary['id']}/title/uk"
    without = await client.put(url, json={"text": "Сортування"}, headers=staff)
    assert without.status_code == 428
    assert without.json()["type"] == "urn:welkom:problem:precondition-required"
    submitted = await client.put(
        url,
        json={"text": "Сортування та вивезення сміття", "state": "translated"},
        headers={**staff, "If-Match": '"v0"'},  # none yet
    )
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["state"] == "translated"
    assert submitted.headers["etag"] == '"v1"' == f'"v{submitted.json()["version"]}"'
    stale = await client.put(url, json={"text": "Інше"}, headers={**staff, "If-Match": '"v0"'})
    assert stale.status_code == 412

    # An editor cannot review; a reviewer can.
    assert (await client.post(url + "/review", json={}, headers=staff)).status_code == 403
    reviewed = await client.post(url + "/review", json={}, headers=checker)
    assert reviewed.status_code == 200
    assert reviewed.json()["state"] == "reviewed"
    assert reviewed.json()["reviewed_by"]

    # Reviewed Ukrainian title + Dutch source summary: nothing unreviewed is shown.
    listed = await client.get(
        "/api/v1/services",
        params={**ANON, "category": "daily_life"},
        headers={"Accept-Language": "uk"},
    )
    item = next(i for i in listed.json()["items"] if i["id"] == summary["id"])
    assert item["title"] == "Сортування та вивезення сміття"
    assert item["language"] == "uk"
    assert "unreviewed" not in item
    # With English accepted too, the summary is the machine-made English: flagged.
    listed = await client.get(
        "/api/v1/services",
        params={**ANON, "category": "daily_life"},
        headers={"Accept-Language": "uk, en;q=0.8"},
    )
    item = next(i for i in listed.json()["items"] if i["id"] == summary["id"])
    assert (
        item["summary"]
        == "Food and garden waste, plastic, paper and residual waste go in different bins."
    )
    assert item["unreviewed"] is True

    progress = (await client.get("/api/v1/admin/translations/progress", headers=staff)).json()
    uk = next(p for p in progress if p["language"] == "uk")
    assert uk["reviewed"] == 1
    assert uk["total"] == uk["missing"] + uk["outdated"] + uk["machine"] + uk["translated"] + 1


async def test_reviewing_an_outdated_translation_is_refused(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    staff, checker = await editor(client), await reviewer(client)
    summary = await find(client, "Noodnummer 112")
    changed = await client.patch(
        f"/api/v1/admin/services/{summary['id']}",
        json={"summary": "Bel 112."},
        headers={**staff, "If-Match": "*"},
    )
    assert changed.status_code == 200, changed.text
    before = await row_counts(db)
    refused = await client.post(
        f"/api/v1/admin/translations/{summary['id']}/summary/ar/review", json={}, headers=checker
    )
    assert refused.status_code == 409
    assert refused.json()["type"] == "urn:welkom:problem:translation-outdated"
    assert await row_counts(db) == before


async def test_bad_input_gets_problem_details_and_changes_nothing(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    staff = await editor(client)
    summary = await find(client, "Noodnummer 112")
    before = await row_counts(db)
    cases = [
        # unknown language codes
        ("PUT", f"/api/v1/admin/translations/{summary['id']}/title/xx", {"text": "Hallo"}, "language"),
        ("PUT", f"/api/v1/admin/translations/{summary['id']}/title/nl", {"text": "Hallo"}, "language"),
        # malformed markdown (control characters, nesting, nothing left after sanitising)
        ("POST", "/api/v1/admin/services", {"category": "health", "title": "T", "summary": "S", "body": "a\x00b"}, "body"),
        ("POST", "/api/v1/admin/services", {"category": "health", "title": "T", "summary": "S", "body": ">" * 40 + " diep"}, "body"),
        ("POST", "/api/v1/admin/services", {"category": "health", "title": "T", "summary": "S", "body": "<script>alert(1)</script>"}, "body"),
        ("PATCH", f"/api/v1/admin/services/{summary['id']}", {"body": "- " * 30 + "x", "title": "Nieuw"}, "body"),
        # oversized bodies
        ("POST", "/api/v1/admin/services", {"category": "health", "title": "T", "summary": "S", "body": "x" * 20_001}, "body"),
        ("PUT", f"/api/v1/admin/translations/{summary['id']}/title/ar", {"text": "x" * 201}, "text"),
        # invalid coordinates, unknown category, unknown place
        ("POST", "/api/v1/admin/services/places", {"name": "N", "street": "S", "house_number": "1", "postal_code": "3811 LM", "city": "Welkom", "latitude": 123.0, "longitude": 5.0}, "latitude"),
        ("POST", "/api/v1/admin/services", {"category": "casino", "title": "T", "summary": "S"}, "category"),
        ("POST", "/api/v1/admin/services", {"category": "health", "title": "T", "summary": "S", "place_ids": ["00000000-0000-0000-0000-000000000001"]}, "place_ids"),
        ("POST", "/api/v1/admin/services", {"category": "health", "title": "T", "summary": "S", "links": [{"url": "javascript:alert(1)", "label": "x"}]}, "links[0].url"),
    ]  # fmt: skip
    for method, url, body, field in cases:
        response = await client.request(method, url, json=body, headers={**staff, "If-Match": "*"})
        assert response.status_code == 400, (url, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert field in [e["field"] for e in response.json()["errors"]], (field, response.json())
    export = await client.get(
        "/api/v1/admin/translations/export", params={"language": "klingon"}, headers=staff
    )
    assert export.status_code == 400
    assert await row_counts(db) == before
    unchanged = await client.get(f"/api/v1/services/{summary['id']}", params=ANON)
    assert unchanged.json()["title"] == "Noodnummer 112"


async def test_oversized_request_is_refused(client: AsyncTestClient, db: AsyncSession) -> None:
    staff = await editor(client)
    before = await row_counts(db)
    response = await client.post(
        "/api/v1/admin/services",
        json={"category": "health", "title": "T", "summary": "S", "body": "x" * 2_000_000},
        headers=staff,
    )
    assert response.status_code == 413
    assert await row_counts(db) == before


async def test_create_is_idempotent_and_places_link(client: AsyncTestClient) -> None:
    staff = await editor(client)
    place = await client.post(
        "/api/v1/admin/services/places",
        json={
            "name": "Fietspunt",
            "street": "Kanaalweg",
            "house_number": "3",
            "postal_code": "3812 AA",
            "city": "Welkom",
            "latitude": 52.16,
            "longitude": 5.39,
            "accessibility": "Gelijkvloers.",
        },
        headers=staff,
    )
    assert place.status_code == 201, place.text
    headers = {**staff, "Idempotency-Key": "svc-create-1"}
    body = {
        "category": "daily_life",
        "title": "Fietsles",
        "summary": "Leer fietsen.",
        "place_ids": [place.json()["id"]],
    }
    first = await client.post("/api/v1/admin/services", json=body, headers=headers)
    again = await client.post("/api/v1/admin/services", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert first.json()["status"] == "draft"
    assert first.json()["place_ids"] == [place.json()["id"]]
    await client.post(f"/api/v1/admin/services/{first.json()['id']}/publish", headers=staff)
    detail = (await client.get(f"/api/v1/services/{first.json()['id']}", params=ANON)).json()
    assert detail["places"][0]["name"] == "Fietspunt"
    assert detail["places"][0]["accessibility"] == "Gelijkvloers."


async def test_no_access_across_municipalities(client: AsyncTestClient, db: AsyncSession) -> None:
    other = municipalities.new("0344", "Gemeente Elders", "002220647")
    db.add(other)
    await db.flush()
    db.add(
        Account(
            municipality_id=other.id,
            roles=["editor", "reviewer"],
            display_name="Elders",
            demo_login="other-editor",
        )
    )
    await db.commit()
    outsider = await bearer_only(client, "other-editor")
    assert (await client.get("/api/v1/admin/services", headers=outsider)).json() == []
    emergency = await find(client, "Noodnummer 112")
    for method, url, body in [
        ("GET", f"/api/v1/admin/services/{emergency['id']}", None),
        ("PATCH", f"/api/v1/admin/services/{emergency['id']}", {"title": "Gekaapt"}),
        ("POST", f"/api/v1/admin/services/{emergency['id']}/publish", None),
        ("PUT", f"/api/v1/admin/translations/{emergency['id']}/title/ar", {"text": "x"}),
    ]:
        response = await client.request(
            method, url, json=body, headers={**outsider, "If-Match": "*"}
        )
        assert response.status_code == 404, (method, url)
    # Anonymous readers of the other municipality see none of the demo's items.
    elders = await client.get("/api/v1/services", params={"municipality": "0344"})
    assert elders.json()["items"] == []
    assert (
        await client.get(f"/api/v1/services/{emergency['id']}", params={"municipality": "0344"})
    ).status_code == 404


async def test_place_edit_marks_its_translations_outdated(client: AsyncTestClient) -> None:
    staff = await editor(client)
    places = (await client.get("/api/v1/admin/services/places", headers=staff)).json()
    police = next(p for p in places if p["street"] == "Veiligheidsplein")
    assert {t["language"] for t in police["texts"]["name"]} >= {"nl", "en", "ar", "ti", "uk"}
    replaced = await client.put(
        f"/api/v1/admin/services/places/{police['id']}",
        json={
            "name": "Politiebureau Welkom-Centrum",
            "street": "Veiligheidsplein",
            "house_number": "2",
            "postal_code": "3811 PP",
            "city": "Welkom",
            "latitude": police["latitude"],
            "longitude": police["longitude"],
            "accessibility": "Rolstoeltoegankelijk.",
        },
        headers={**staff, "If-Match": f'"v{police["version"]}"'},
    )
    assert replaced.status_code == 200, replaced.text
    assert replaced.headers["etag"] == f'"v{police["version"] + 1}"'
    read = await client.get(f"/api/v1/admin/services/places/{police['id']}", headers=staff)
    assert read.headers["etag"] == replaced.headers["etag"]
    assert read.json() == replaced.json()
    names = {t["language"]: t for t in replaced.json()["texts"]["name"]}
    assert names["ti"]["outdated"] is True
    assert names["nl"]["outdated"] is False
    accessibility = {t["language"]: t for t in replaced.json()["texts"]["accessibility"]}
    assert accessibility["en"]["outdated"] is False  # unchanged source


async def test_a_reviewer_works_only_in_their_languages(client: AsyncTestClient) -> None:
    """The demo reviewer reviews Arabic, Tigrinya and Ukrainian: other languages are refused,
    and progress lists only theirs; an editor still reads and writes every language."""
    checker, staff = await reviewer(client), await editor(client)
    progress = (await client.get("/api/v1/admin/translations/progress", headers=checker)).json()
    assert sorted(p["language"] for p in progress) == ["ar", "ti", "uk"]
    everything = (await client.get("/api/v1/admin/translations/progress", headers=staff)).json()
    assert len(everything) == 13

    for url in (
        "/api/v1/admin/translations?language=fa",
        "/api/v1/admin/translations/export?language=fa",
        "/api/v1/admin/consent-texts?language=fa",
        "/api/v1/admin/journey-texts?language=fa",
    ):
        refused = await client.get(url, headers=checker)
        assert refused.status_code == 403, url
        assert refused.json()["type"].endswith("not-your-language")
        assert (await client.get(url, headers=staff)).status_code == 200, url
    assert (
        await client.get("/api/v1/admin/translations?language=ar", headers=checker)
    ).status_code == 200

    summary = await find(client, "Afval scheiden en ophalen")
    review = f"/api/v1/admin/translations/{summary['id']}/title/fa/review"
    assert (await client.post(review, json={}, headers=checker)).status_code == 403
    submit = f"/api/v1/admin/translations/{summary['id']}/title/fa"
    denied = await client.put(submit, json={"text": "x"}, headers=checker)
    assert denied.status_code == 403
    imported = await client.post(
        "/api/v1/admin/translations/import?language=fa", content=b"", headers=checker
    )
    assert imported.status_code == 403
    for url in (
        "/api/v1/admin/journey-texts/bank_account/fa/review",
        "/api/v1/admin/consent-texts/volunteer_sharing/1/fa/review",
    ):
        assert (await client.post(url, headers=checker)).status_code == 403, url


async def test_the_body_preview_is_the_html_residents_get(client: AsyncTestClient) -> None:
    staff = await editor(client)
    url = "/api/v1/admin/services/preview"
    shown = await client.post(
        url,
        json={"body": "Kom **zaterdag**.\n\n<script>x()</script>[a](javascript:y())"},
        headers=staff,
    )
    assert shown.status_code == 200, shown.text
    html = shown.json()["html"]
    assert "<strong>zaterdag</strong>" in html
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert (await client.post(url, json={"body": ""}, headers=staff)).json() == {"html": ""}
    refused = await client.post(url, json={"body": "a\x07b"}, headers=staff)
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "body"
    checker = await reviewer(client)
    assert (await client.post(url, json={"body": "a"}, headers=checker)).status_code == 403
