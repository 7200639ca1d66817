# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Every text the API gives a resident is in the language the resident chose in the app: consent,
journey, services, notifications and problems, on both databases.

The share of letters in the language's own script is measured over everything a resident reads
in one visit, leaving out words the translation keeps exactly as the Dutch source has them: names
and terms a resident will meet on Dutch letters (Welkom, DigiD, GGD, Werkplein, "toeslagen" in
brackets). Those may be at most a fifth of the letters, so a text left in Dutch still fails; with
them, at least 90 % of the letters are in the language's script (titles, summaries and journey
steps give a Dutch term only where a service text explains it)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import row_counts
from tests.push.fixtures import notify
from welkom.core.i18n import gettext
from welkom.municipalities import service as municipalities
from welkom.notifications import kinds
from welkom.residents.models import Resident

ARABIC = ((0x0600, 0x0700), (0x0750, 0x0780), (0xFB50, 0xFE00), (0xFE70, 0xFF00))
ETHIOPIC = ((0x1200, 0x1400), (0x2D80, 0x2DE0))
CYRILLIC = ((0x0400, 0x0530),)
SCRIPTS = {
    "ar": ARABIC,
    "fa": ARABIC,
    "prs": ARABIC,
    "ps": ARABIC,
    "ckb": ARABIC,
    "ti": ETHIOPIC,
    "uk": CYRILLIC,
    "ru": CYRILLIC,
}


WORD = re.compile(r"\w+")


def _letters(words: Iterable[str]) -> list[str]:
    return [c for word in words for c in word if unicodedata.category(c).startswith("L")]


def script_share(
    texts: Iterable[str], script: tuple[tuple[int, int], ...], names: frozenset[str] = frozenset()
) -> float:
    """The share of letters (Unicode category L*) that are in ``script``, leaving out ``names``."""
    letters = _letters(w for text in texts for w in WORD.findall(text) if w not in names)
    inside = sum(1 for c in letters if any(low <= ord(c) < high for low, high in script))
    return inside / len(letters) if letters else 0.0


def kept_share(texts: Iterable[str], names: frozenset[str]) -> float:
    """The share of letters in words kept as the Dutch source has them."""
    words = [w for text in texts for w in WORD.findall(text)]
    kept = len(_letters(w for w in words if w in names))
    return kept / len(_letters(words)) if words else 0.0


async def choose(client: AsyncTestClient, headers: dict, language: str) -> None:
    response = await client.put("/api/v1/me/language", json={"language": language}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["language"] == language


async def everything_a_resident_reads(
    client: AsyncTestClient, headers: dict, language: str
) -> dict[str, list[str]]:
    """{area: [texts]} from one visit; asserts every content text is in ``language``."""
    texts: dict[str, list[str]] = {}

    consent = (await client.get("/api/v1/me/consents", headers=headers)).json()
    texts["consent"] = [s["label"] for s in consent] + [s["recipient_label"] for s in consent]
    texts["consent"] += [s["text"]["title"] for s in consent] + [s["text"]["body"] for s in consent]
    assert {s["text"]["language"] for s in consent} == {language}

    journey = (await client.get("/api/v1/me/journey", headers=headers)).json()
    texts["journey"] = [s["title"] for s in journey["steps"]]
    texts["journey"] += [s["explanation"] for s in journey["steps"]]
    assert {s["language"] for s in journey["steps"]} == {language}

    listing = await client.get("/api/v1/services", headers=headers)
    assert listing.headers["content-language"] == language
    items = listing.json()["items"]
    texts["services"] = [i["title"] for i in items] + [i["summary"] or "" for i in items]
    assert {i["language"] for i in items} == {language}
    one = (await client.get(f"/api/v1/services/{items[0]['id']}", headers=headers)).json()
    assert one["body_language"] == language
    texts["services"].append(one["body_html"])

    inbox = await client.get("/api/v1/me/notifications", headers=headers)
    assert inbox.headers["content-language"] == language
    texts["notifications"] = [n["title"] for n in inbox.json()["items"]]
    texts["notifications"] += [n["body"] for n in inbox.json()["items"]]

    invalid = await client.post("/api/v1/me/questions", json={"text": ""}, headers=headers)
    missing = await client.get(
        "/api/v1/me/notifications/00000000-0000-0000-0000-000000000000", headers=headers
    )
    texts["errors"] = []
    for problem in (invalid, missing):
        assert problem.headers["content-language"] == language
        body = problem.json()
        # The resident is told when a text is a machine translation (English is the source).
        assert body["translation_state"] == ("reviewed" if language == "en" else "machine")
        texts["errors"] += [body["title"], body["detail"]]
        texts["errors"] += [e["message"] for e in body.get("errors", [])]
    return texts


def _without_markup(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("language", sorted(SCRIPTS))
async def test_a_resident_reads_everything_in_the_language_they_chose(
    client: AsyncTestClient, resident: dict, db: AsyncSession, language: str
) -> None:
    # Staff recorded Arabic at intake; the resident's own choice in the app wins.
    await notify(db, "demo-resident", kinds.QUESTION_ANSWERED)
    await choose(client, resident, "nl")
    dutch = await everything_a_resident_reads(client, resident, "nl")
    await choose(client, resident, language)
    texts = await everything_a_resident_reads(client, resident, language)
    script = SCRIPTS[language]
    figures = {}
    for area, area_texts in texts.items():
        plain = [_without_markup(t) for t in area_texts]
        names = frozenset(w for t in dutch[area] for w in WORD.findall(_without_markup(t)))
        figures[area] = (
            script_share(plain, script),
            script_share(plain, script, names),
            kept_share(plain, names),
        )
    print(
        language,
        {
            a: "all {:.1%}, without names {:.1%}, names {:.1%}".format(*f)
            for a, f in figures.items()
        },
    )
    for area, (everything, without_names, names) in figures.items():
        assert everything >= 0.90, (area, figures[area])
        assert without_names >= 0.95, (area, figures[area])
        assert names <= 0.2, (area, figures[area])


@pytest.mark.parametrize("language", ["so", "tr", "kmr", "fr", "en", "nl"])
async def test_latin_script_languages_get_their_own_texts_too(
    client: AsyncTestClient, resident: dict, db: AsyncSession, language: str
) -> None:
    await notify(db, "demo-resident", kinds.QUESTION_ANSWERED)
    await choose(client, resident, language)
    texts = await everything_a_resident_reads(client, resident, language)
    title = gettext(kinds.get(kinds.QUESTION_ANSWERED).title, language)
    assert title in texts["notifications"]
    if language != "en":  # English is the msgid itself
        assert title != kinds.get(kinds.QUESTION_ANSWERED).title


async def test_the_residents_choice_wins_over_the_language_staff_recorded(
    client: AsyncTestClient, resident: dict, caseworker: dict, db: AsyncSession
) -> None:
    await choose(client, resident, "ti")
    me = (await client.get("/api/v1/me", headers=resident)).json()
    assert (me["preferred_language"], me["language"]) == ("ar", "ti")
    # A caseworker's answer defaults to the resident's own language.
    amal = (
        await db.execute(select(Resident).where(Resident.preferred_name == "Amal"))
    ).scalar_one()
    await db.refresh(amal)
    assert amal.chosen_language == "ti"
    # Accept-Language does not override it (a shared phone's browser setting is not a choice) …
    journey = await client.get("/api/v1/me/journey", headers={**resident, "Accept-Language": "uk"})
    assert {s["language"] for s in journey.json()["steps"]} == {"ti"}
    # … but ?lang= does, for one request (a household member reading along).
    along = await client.get("/api/v1/me/journey?lang=uk", headers=resident)
    assert {s["language"] for s in along.json()["steps"]} == {"uk"}
    assert (await client.get("/api/v1/me", headers=resident)).json()["language"] == "ti"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PUT", "/api/v1/me/language", {"language": "de"}),
        ("PUT", "/api/v1/me/language", {"language": "x" * 17}),
        ("PUT", "/api/v1/me/language", {"language": 7}),
        ("PUT", "/api/v1/me/language", {}),
        ("GET", "/api/v1/me/journey?lang=klingon", None),
        ("GET", "/api/v1/services?lang=", None),
    ],
)
async def test_an_unknown_language_is_a_clear_problem_and_changes_nothing(
    client: AsyncTestClient, resident: dict, db: AsyncSession, method: str, path: str, body: object
) -> None:
    await choose(client, resident, "uk")
    before = await row_counts(db)
    response = await client.request(method, path, json=body, headers=resident)
    assert response.status_code == 400, response.text
    problem = response.json()
    assert problem["type"].endswith(":validation")
    assert response.headers["content-language"] == "uk"
    assert script_share([problem["title"], problem["detail"]], CYRILLIC) > 0.9
    assert problem["errors"], problem
    assert await row_counts(db) == before
    assert (await client.get("/api/v1/me", headers=resident)).json()["language"] == "uk"


async def test_a_language_the_municipality_does_not_offer_is_refused_and_changes_nothing(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    await choose(client, resident, "uk")
    code = (await client.get("/api/v1/me", headers=resident)).json()["municipality"]["code"]
    assert await municipalities.set_languages(db, code, disable=("ps",), enable=()) == ["ps"]
    await db.commit()  # the caller's unit of work commits (services never do)
    before = await row_counts(db)
    for method, path, body in (
        ("PUT", "/api/v1/me/language", {"language": "ps"}),
        ("GET", "/api/v1/me/journey?lang=ps", None),
    ):
        response = await client.request(method, path, json=body, headers=resident)
        assert response.status_code == 400, response.text
        assert response.headers["content-language"] == "uk"
        [error] = response.json()["errors"]
        assert error["message"] == gettext(
            "Your municipality does not offer this language yet.", "uk"
        )
    assert await row_counts(db) == before
    # Switching off the language a resident chose: Welkom speaks the one recorded at intake.
    await municipalities.set_languages(db, code, disable=("uk",), enable=("ps",))
    await db.commit()
    journey = await client.get("/api/v1/me/journey", headers=resident)
    assert {s["language"] for s in journey.json()["steps"]} == {"ar"}
