# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The PWA's gettext catalogs: complete, placeholders intact, machine-made entries marked fuzzy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.core import Locale
from babel.messages.pofile import read_po

from welkom.core.i18n import CLDR_LOCALE, LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
T_CALL = re.compile(r'\bt\(\s*"((?:[^"\\]|\\.)*)"')
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def used_msgids() -> set[str]:
    ids: set[str] = set()
    for path in (ROOT / "pwa" / "src").rglob("*.ts*"):
        ids.update(json.loads(f'"{m}"') for m in T_CALL.findall(path.read_text("utf-8")))
    return ids


def catalog(language: str):  # type: ignore[no-untyped-def]
    path = ROOT / "locales" / language / "LC_MESSAGES" / "pwa.po"
    with path.open("rb") as f:
        return read_po(f, locale=Locale.parse(CLDR_LOCALE.get(language, language)), domain="pwa")


def test_the_pwa_uses_strings_from_the_catalogs() -> None:
    assert len(used_msgids()) > 30


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_has_every_msgid_and_keeps_placeholders(language: str) -> None:
    messages = {m.id: m for m in catalog(language) if m.id}
    assert used_msgids() <= set(messages), sorted(used_msgids() - set(messages))
    for message in messages.values():
        if message.string:
            assert set(PLACEHOLDER.findall(message.string)) == set(
                PLACEHOLDER.findall(message.id)
            ), (language, message.id, message.string)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_is_presented_as_reviewed(language: str) -> None:
    """Every translation so far is machine-made: it must carry the fuzzy flag until reviewed."""
    unreviewed = [m.id for m in catalog(language) if m.id and m.string and not m.fuzzy]
    assert unreviewed == []


def test_the_main_languages_are_translated() -> None:
    for language in ("nl", "ar", "ti"):
        messages = [m for m in catalog(language) if m.id]
        assert all(m.string for m in messages), language
