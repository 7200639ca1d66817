# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Residents read published service information in their best language."""

from __future__ import annotations

from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.services_helpers import ANON, demo_translation, editor, find, untranslate


async def test_demo_has_twenty_items_and_ten_places(client: AsyncTestClient) -> None:
    listed = (await client.get("/api/v1/services", params={**ANON, "limit": "100"})).json()
    assert len(listed["items"]) >= 20
    assert {i["category"] for i in listed["items"]} >= {"housing", "health", "emergencies"}
    places = await client.get("/api/v1/admin/services/places", headers=await editor(client))
    assert len(places.json()) >= 10


async def test_anonymous_reader_gets_municipality_default_dutch(client: AsyncTestClient) -> None:
    response = await client.get("/api/v1/services", params=ANON)
    assert response.status_code == 200
    assert response.headers["content-language"] == "nl"
    body = response.json()
    assert body["language"] == "nl"
    assert body["direction"] == "ltr"
    item = next(i for i in body["items"] if i["title"] == "Noodnummer 112")
    assert item["language"] == "nl"
    assert "unreviewed" not in item  # the Dutch source is not a translation: no notice


async def test_accept_language_comes_before_the_municipality_default(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    await untranslate(db, (await find(client, "Afval scheiden en ophalen"))["id"], "uk")
    response = await client.get(
        "/api/v1/services", params=ANON, headers={"Accept-Language": "uk, en;q=0.5"}
    )
    assert response.headers["content-language"] == "uk"
    items = response.json()["items"]
    emergency = next(i for i in items if i["title"] == demo_translation("Noodnummer 112", "uk"))
    assert emergency["language"] == "uk"
    assert emergency["unreviewed"] is True
    # No Ukrainian text: the next language the caller accepts (English), still flagged.
    waste = next(i for i in items if i["title"] == "Separating and collecting waste")
    assert waste["language"] == "en"
    assert waste["unreviewed"] is True


async def test_resident_preference_comes_before_accept_language(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    client.cookies.clear()  # Dutch titles for find(); the bearer header still signs Amal in
    await untranslate(db, (await find(client, "Afval scheiden en ophalen"))["id"], "ar", "uk")
    response = await client.get(
        "/api/v1/services", headers={**resident, "Accept-Language": "uk"}
    )  # Amal prefers Arabic
    assert response.status_code == 200
    assert response.headers["content-language"] == "ar"
    body = response.json()
    assert body["direction"] == "rtl"
    titles = {i["title"]: i for i in body["items"]}
    assert titles[demo_translation("Noodnummer 112", "ar")]["unreviewed"] is True
    # Neither Arabic nor Ukrainian (Accept-Language): the municipality default, Dutch.
    waste = titles["Afval scheiden en ophalen"]
    assert waste["language"] == "nl"
    assert "unreviewed" not in waste


async def test_fallback_to_source_when_no_accepted_language_has_a_text(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    await untranslate(db, (await find(client, "Noodnummer 112"))["id"], "so")
    response = await client.get("/api/v1/services", params=ANON, headers={"Accept-Language": "so"})
    assert response.headers["content-language"] == "so"
    item = next(i for i in response.json()["items"] if i["category"] == "emergencies")
    assert item["language"] == "nl"
    assert "unreviewed" not in item


async def test_detail_in_tigrinya_with_review_notice_and_places(client: AsyncTestClient) -> None:
    summary = await find(client, "Noodnummer 112")
    response = await client.get(
        f"/api/v1/services/{summary['id']}", params=ANON, headers={"Accept-Language": "ti"}
    )
    assert response.status_code == 200
    detail = response.json()
    assert response.headers["content-language"] == "ti"
    assert detail["title"] == "ቁጽሪ ህጹጽ ረድኤት 112"
    assert detail["language"] == "ti"
    assert detail["unreviewed"] is True
    assert "<strong>112</strong>" in detail["body_html"]
    assert detail["phones"] == ["112", "0900 8844"]
    assert detail["category_name"]
    place = detail["places"][0]
    assert place["name"] == "ጣቢያ ፖሊስ Welkom"
    assert place["address"]["city"] == "Welkom"


async def test_detail_names_the_language_of_its_body(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    """Title and body can come from different languages of the chain: the reader must know."""
    summary = await find(client, "Noodnummer 112")
    await untranslate(db, summary["id"], "so", fields=("body",))
    detail = (
        await client.get(
            f"/api/v1/services/{summary['id']}", params=ANON, headers={"Accept-Language": "so"}
        )
    ).json()
    assert detail["body_html"]
    assert detail["body_language"] == "nl"  # no Somali body: the Dutch source is shown
    assert detail["language"] == "so"  # the title is Somali


async def test_etag_revalidation_and_cache_headers(client: AsyncTestClient) -> None:
    first = await client.get("/api/v1/services", params=ANON)
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public, max-age=")
    assert "Accept-Language" in first.headers["vary"]
    again = await client.get("/api/v1/services", params=ANON, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    other = await client.get(
        "/api/v1/services", params=ANON, headers={"If-None-Match": etag, "Accept-Language": "ar"}
    )
    assert other.status_code == 200
    assert other.headers["etag"] != etag


async def test_signed_in_responses_are_private(client: AsyncTestClient, resident: dict) -> None:
    response = await client.get("/api/v1/services", headers=resident)
    assert response.headers["cache-control"].startswith("private,")
    client.cookies.clear()
    anonymous = await client.get("/api/v1/services", params=ANON)
    assert anonymous.headers["cache-control"].startswith("public,")
    assert anonymous.headers["content-language"] == "nl"  # Amal's Arabic is hers alone


async def test_drafts_are_invisible_to_residents(client: AsyncTestClient, resident: dict) -> None:
    staff = await editor(client)
    drafts = (
        await client.get("/api/v1/admin/services", params={"status": "draft"}, headers=staff)
    ).json()
    assert drafts
    draft_id = drafts[0]["id"]
    listed = (await client.get("/api/v1/services", params={**ANON, "limit": "100"})).json()
    assert draft_id not in {i["id"] for i in listed["items"]}
    assert (await client.get(f"/api/v1/services/{draft_id}", params=ANON)).status_code == 404
    assert (await client.get(f"/api/v1/services/{draft_id}", headers=resident)).status_code == 404


async def test_category_filter_and_pagination(client: AsyncTestClient) -> None:
    health = (await client.get("/api/v1/services", params={**ANON, "category": "health"})).json()[
        "items"
    ]
    assert health
    assert {i["category"] for i in health} == {"health"}
    seen, cursor = [], None
    while True:
        params = {**ANON, "limit": "7", **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/api/v1/services", params=params)).json()
        seen += [i["id"] for i in page["items"]]
        if not (cursor := page["next_cursor"]):
            break
    everything = (await client.get("/api/v1/services", params={**ANON, "limit": "100"})).json()
    assert seen == [i["id"] for i in everything["items"]]


async def test_search_finds_an_item_by_an_arabic_word(client: AsyncTestClient) -> None:
    response = await client.get(
        "/api/v1/services",
        params={**ANON, "q": "الطوارئ"},
        headers={"Accept-Language": "ar"},
    )
    titles = [i["title"] for i in response.json()["items"]]
    assert titles[0] == demo_translation("Noodnummer 112", "ar")
    # Diacritics and hamza forms fold: "الإيجار" written with plain alef still matches.
    folded = await client.get(
        "/api/v1/services", params={**ANON, "q": "الايجار"}, headers={"Accept-Language": "ar"}
    )
    rent = demo_translation("Huurtoeslag en zorgtoeslag", "ar")
    assert "الإيجار" in rent
    assert rent in [i["title"] for i in folded.json()["items"]]


async def test_search_finds_an_item_by_a_ukrainian_word(client: AsyncTestClient) -> None:
    response = await client.get(
        "/api/v1/services",
        params={**ANON, "q": "ЖИТЛО"},  # case-folded like every word
        headers={"Accept-Language": "uk"},
    )
    titles = [i["title"] for i in response.json()["items"]]
    assert titles[0] == demo_translation("Een huurwoning krijgen als statushouder", "uk")


async def test_search_falls_back_to_dutch_words(client: AsyncTestClient, db: AsyncSession) -> None:
    # The waste item has no Ukrainian text; its Dutch source is searched as the fallback.
    await untranslate(db, (await find(client, "Afval scheiden en ophalen"))["id"], "uk")
    response = await client.get(
        "/api/v1/services", params={**ANON, "q": "milieustraat"}, headers={"Accept-Language": "uk"}
    )
    assert [i["category"] for i in response.json()["items"]] == ["daily_life"]
    nothing = await client.get("/api/v1/services", params={**ANON, "q": "xyzzy"})
    assert nothing.json()["items"] == []


async def test_near_a_coordinate_sorted_by_distance(client: AsyncTestClient) -> None:
    # Standing at the police station: the emergency item is nearest.
    response = await client.get(
        "/api/v1/services", params={**ANON, "near": "52.1590,5.3905", "radius_km": "0.5"}
    )
    items = response.json()["items"]
    assert items[0]["title"] == "Noodnummer 112"
    assert items[0]["distance_m"] == 0
    distances = [i["distance_m"] for i in items]
    assert distances == sorted(distances)
    assert max(distances) <= 500
    far = await client.get(
        "/api/v1/services", params={**ANON, "near": "53.2,6.56", "radius_km": "1"}
    )
    assert far.json()["items"] == []


async def test_anonymous_caller_must_name_a_known_municipality(client: AsyncTestClient) -> None:
    missing = await client.get("/api/v1/services")
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["field"] == "municipality"
    unknown = await client.get("/api/v1/services", params={"municipality": "0001"})
    assert unknown.status_code == 404
    malformed = await client.get("/api/v1/services", params={"municipality": "abc"})
    assert malformed.status_code == 400


async def test_invalid_coordinates_and_category_are_problems(client: AsyncTestClient) -> None:
    for near in ("91,5", "52.1,181", "abc", "52.1", "nan,nan"):
        response = await client.get("/api/v1/services", params={**ANON, "near": near})
        assert response.status_code == 400, near
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["errors"][0]["field"] == "near"
    bad = await client.get("/api/v1/services", params={**ANON, "category": "casino"})
    assert bad.status_code == 400
    cursor = await client.get("/api/v1/services", params={**ANON, "cursor": "!!"})
    assert cursor.status_code == 400


async def test_problem_details_follow_the_negotiated_language(client: AsyncTestClient) -> None:
    response = await client.get(
        "/api/v1/services", params={**ANON, "near": "x"}, headers={"Accept-Language": "nl"}
    )
    assert response.headers["content-language"] == "nl"
    assert response.json()["title"] == "Ongeldige invoer"
