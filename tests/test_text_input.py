# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Names and free text: NFC, and no controls, direction overrides or invisible-only text."""

from __future__ import annotations

import msgspec
import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import row_counts
from welkom.admin.schemas import NoteIn
from welkom.interactions.schemas import QuestionIn
from welkom.residents.models import Resident
from welkom.residents.schemas import HouseholdMemberIn, MePatch
from welkom.volunteers.schemas import ProfileIn

#: Real names as people write them: the joiners (U+200C ZWNJ, U+200D ZWJ) are part of the
#: spelling in Persian, Dari, Pashto and Sorani; the marks are how Arabic script mixes with Latin.
REAL_NAMES = {
    "ar": "عبد الرحمن الشامي",
    "ar_mark": "أمل حسن \u200f(Amal)",
    "fa": "مهسا نوروزی\u200cپور",
    "prs": "ذبیح\u200cالله احمدی",
    "ps": "ګل\u200cمکۍ وردګ",
    "ckb": "شێرکۆ بێکەس",
    "ckb_zwj": "ئاسۆ\u200dی",
    "ti": "ዮናስ ተስፋማርያም",
    "nl": "Anaïs de Vries-Çelik",
    "nl_tussenvoegsel": "Zoë van 't Hoff",
    "tr": "Gülşen Öztürk",
    "uk": "Олена Ковальчук",
}

#: Looks like a name to a staff list, and is not one.
SPOOFS = {
    "right_to_left_override": "Amal\u202eHassan",
    "left_to_right_embedding": "\u202aأمل",
    "isolate": "Amal \u2067حسن\u2069",
    "zero_width_only": "\u200b\u200c\u200d",
    "word_joiner_only": "\u2060",
    "bom_only": "\ufeff",
    "whitespace_only": " \u00a0\u3000 ",
    "line_break": "Amal\nHassan",
    "carriage_return": "Amal\rHassan",
    "tab": "Amal\tHassan",
    "line_separator": "Amal\u2028Hassan",
    "bell": "Amal\x07",
    "escape": "\x1b[31mAmal",
    "c1_control": "Amal\x85",
    "delete": "Amal\x7f",
}


def decode(struct: type, body: dict) -> object:
    return msgspec.json.decode(msgspec.json.encode(body), type=struct)


@pytest.mark.parametrize("name", REAL_NAMES.values(), ids=REAL_NAMES.keys())
def test_real_names_in_our_languages_are_accepted(name: str) -> None:
    assert decode(MePatch, {"preferred_name": name}).preferred_name == name
    assert decode(HouseholdMemberIn, {"name": name, "relation": "child"}).name == name
    assert decode(ProfileIn, {"display_name": name, "languages": ["nl"]}).display_name == name


@pytest.mark.parametrize("spoof", SPOOFS.values(), ids=SPOOFS.keys())
def test_names_refuse_controls_overrides_and_invisible_text(spoof: str) -> None:
    with pytest.raises(msgspec.ValidationError):
        decode(MePatch, {"preferred_name": spoof})
    with pytest.raises(msgspec.ValidationError):
        decode(ProfileIn, {"display_name": spoof, "languages": ["nl"]})


def test_free_text_keeps_lines_and_tabs_but_not_overrides() -> None:
    text = "Beste meneer,\n\n\tmijn huur is verhoogd.\r\nمع الشكر\u200c"
    assert decode(QuestionIn, {"text": text, "language": "nl"}).text == text
    assert decode(NoteIn, {"text": "gebeld\n- woningcorporatie"}).text.endswith("corporatie")
    for bad in ("\u202edlrow", "\n\n  \t", "\u200b", "stop\x00", "bel\x07"):
        with pytest.raises(msgspec.ValidationError):
            decode(QuestionIn, {"text": bad, "language": "nl"})
        with pytest.raises(msgspec.ValidationError):
            decode(NoteIn, {"text": bad})


def test_text_is_stored_in_nfc() -> None:
    decomposed = "Zoe\u0308 Anai\u0308s"  # e + combining diaeresis, as some keyboards send it
    assert decode(MePatch, {"preferred_name": decomposed}).preferred_name == "Zoë Anaïs"
    question = decode(QuestionIn, {"text": "ﻻ Cafe\u0301", "language": "nl"})
    assert question.text == "ﻻ Café"  # NFC, not NFKC: compatibility forms stay as typed
    member = decode(HouseholdMemberIn, {"name": "Ru\u0308ya", "relation": "child"})
    assert member.name == "Rüya"


async def test_a_spoofed_name_is_a_localized_field_error_that_changes_nothing(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    before = await row_counts(db)
    profile = (await client.get("/api/v1/me", headers=resident)).json()
    for spoof in ("Amal\u202eHassan", "\u200b\u200b", "Amal\nHassan"):
        response = await client.patch(
            "/api/v1/me", json={"preferred_name": spoof}, headers=resident
        )
        assert response.status_code == 400, response.text
        [error] = response.json()["errors"]
        assert error["field"] == "preferred_name"
        assert response.headers["content-language"] == "ar"  # the demo resident's language
        assert error["message"] != "Write visible text on one line, without line breaks, control characters or text-direction characters."  # fmt: skip
    english = await client.patch(
        "/api/v1/me",
        json={"preferred_name": "Amal\u202eHassan"},
        headers={**resident, "Accept-Language": "en"},
        params={"lang": "en"},
    )
    assert english.json()["errors"][0]["message"] == (
        "Write visible text on one line, without line breaks, control characters or "
        "text-direction characters."
    )
    assert await row_counts(db) == before
    assert (await client.get("/api/v1/me", headers=resident)).json() == profile


async def test_a_question_with_an_override_is_refused_and_a_decomposed_name_stored_nfc(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    before = await row_counts(db)
    refused = await client.post(
        "/api/v1/me/questions",
        json={"text": "Hallo \u202egnitseT", "language": "nl"},
        headers=resident,
    )
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "text"
    assert await row_counts(db) == before

    changed = await client.patch(
        "/api/v1/me", json={"preferred_name": "Ama\u0302l"}, headers=resident
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["preferred_name"] == "Amâl"
    stored = (await db.execute(select(Resident.preferred_name))).scalars().all()
    assert "Amâl" in stored
    assert "Ama\u0302l" not in stored
