# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""UI catalogs: 14 languages, every domain; placeholders and plurals checked against CLDR."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.frontend import CommandLineInterface
from click.testing import CliRunner
from litestar.testing import AsyncTestClient

from welkom.cli import main
from welkom.core.i18n import LANGUAGES, LOCALES_DIR, PLURAL_FORMS, gettext
from welkom.demo.content import CONTENT_DIR
from welkom.i18n.catalogs import check, check_content, plural_problem, present_domains


def test_repository_catalogs_pass_the_check() -> None:
    report = check(LOCALES_DIR, strict=True)
    assert report.errors == []
    assert report.checked == len(LANGUAGES) * len(present_domains(LOCALES_DIR))
    assert "welkom" in present_domains(LOCALES_DIR)


def test_cli_check_succeeds_and_fails() -> None:
    result = CliRunner().invoke(main, ["i18n", "check", "--strict"])
    assert result.exit_code == 0, result.output
    assert "catalogs OK" in result.output


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, copy)
    return copy


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_broken_placeholder_is_caught(locales: Path) -> None:
    _replace(
        locales / "nl/LC_MESSAGES/welkom.po",
        'msgstr "Hoogstens {max} tekens."',
        'msgstr "Hoogstens {maximum} tekens."',
    )
    report = check(locales)
    assert any("nl/welkom.po" in e and "placeholders" in e for e in report.errors), report.errors
    result = CliRunner().invoke(main, ["i18n", "check", "--locales", str(locales)])
    assert result.exit_code == 1
    assert "placeholders ['maximum'] differ from ['max']" in result.output


@pytest.mark.parametrize("domain", ["welkom", "pwa"])
def test_a_missing_translation_in_any_language_is_caught(locales: Path, domain: str) -> None:
    path = locales / f"ti/LC_MESSAGES/{domain}.po"
    text = path.read_text(encoding="utf-8")
    start = text.index('msgstr "', text.index("\n\n"))  # the first message after the header
    end = text.index("\n\n", start)
    path.write_text(text[:start] + 'msgstr ""' + text[end:], encoding="utf-8")
    report = check(locales)
    assert any(
        e.startswith(f"ti/{domain}.po: 1 message(s) not translated") for e in report.errors
    ), report.errors
    result = CliRunner().invoke(main, ["i18n", "check", "--locales", str(locales)])
    assert result.exit_code == 1
    assert "not translated" in result.output


def test_demo_content_catalogs_are_complete_in_every_language(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    targets = tuple(code for code in LANGUAGES if code != "nl")
    assert check_content(content, targets).errors == []
    assert check_content(content, targets).checked == 13
    _replace(
        content / "so.po",
        'msgstr "Xarunta dowladda hoose ee Welkom (Gemeentehuis)"',
        'msgstr ""',
    )
    (content / "kmr.po").unlink()
    errors = check_content(content, targets).errors
    assert any(e.startswith("content/so.po: 1 message(s) not translated") for e in errors), errors
    assert "content/kmr.po: missing catalog" in errors


def test_unbalanced_brace_is_caught(locales: Path) -> None:
    _replace(
        locales / "nl/LC_MESSAGES/welkom.po",
        'msgstr "Hoogstens {max} tekens."',
        'msgstr "Hoogstens {max tekens."',
    )
    assert any("nl/welkom.po" in e for e in check(locales).errors)


@pytest.mark.parametrize(
    ("language", "wrong"),
    [
        ("ar", "nplurals=2; plural=(n != 1);"),  # Arabic has six forms
        ("ti", "nplurals=2; plural=(n != 1);"),  # Tigrinya: 0 and 1 are singular
        ("uk", "nplurals=3; plural=(n%10==1 ? 0 : n%10>=2 ? 1 : 2);"),  # 11 is not "one"
        ("fr", "nplurals=2; plural=(n != 1;"),  # malformed expression
    ],
)
def test_wrong_plural_forms_are_caught(locales: Path, language: str, wrong: str) -> None:
    path = locales / language / "LC_MESSAGES/welkom.po"
    text = path.read_text(encoding="utf-8")
    start = text.index('"Plural-Forms:')
    end = text.index('"MIME-Version')
    path.write_text(text[:start] + f'"Plural-Forms: {wrong}\\n"\n' + text[end:], encoding="utf-8")
    errors = check(locales).errors
    assert any(e.startswith(f"{language}/welkom.po") for e in errors), errors


def test_missing_catalog_is_caught_for_every_domain(locales: Path) -> None:
    (locales / "ckb/LC_MESSAGES/welkom.po").unlink()
    pwa = locales / "ti/LC_MESSAGES/pwa.po"
    if not pwa.exists():  # the PWA domain, once present, must exist for every language
        pwa.write_text(
            'msgid ""\nmsgstr ""\n"Language: ti\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n',
            encoding="utf-8",
        )
    (locales / "nl/LC_MESSAGES/pwa.po").unlink(missing_ok=True)  # present once the PWA landed
    errors = check(locales).errors
    assert "ckb/welkom.po: missing catalog" in errors
    assert "nl/pwa.po: missing catalog" in errors


def test_plural_table_agrees_with_cldr_for_every_language() -> None:
    for language in LANGUAGES:
        header = "nplurals={}; plural={};".format(*PLURAL_FORMS[language])
        assert plural_problem(language, header) is None, language
    # Babel's legacy table says Farsi has one form; CLDR (i = 0 or n = 1) has two.
    assert plural_problem("fa", "nplurals=1; plural=0;") is not None
    assert Locale.parse("fa").plural_form(0) == "one"


def test_machine_translations_stay_fuzzy_and_are_still_served() -> None:
    text = (LOCALES_DIR / "nl/LC_MESSAGES/welkom.po").read_text(encoding="utf-8")
    entry = text[text.index('msgid "Invalid input"') - 12 : text.index('msgid "Invalid input"')]
    assert "fuzzy" in entry
    assert gettext("Invalid input", "nl") == "Ongeldige invoer"


def test_babel_extract_finds_no_msgid_missing_from_the_template(tmp_path: Path) -> None:
    pot = tmp_path / "welkom.pot"
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "-F", str(LOCALES_DIR.parent / "babel.cfg"), "--no-location",
         "--sort-output", "-o", str(pot), str(LOCALES_DIR.parent / "backend" / "welkom")]
    )  # fmt: skip
    from babel.messages.pofile import read_po

    with pot.open("rb") as fresh, (LOCALES_DIR / "welkom.pot").open("rb") as committed:
        fresh_ids = {m.id for m in read_po(fresh) if m.id}
        committed_ids = {m.id for m in read_po(committed) if m.id}
    assert fresh_ids <= committed_ids, sorted(fresh_ids - committed_ids)


async def test_languages_endpoint(client: AsyncTestClient) -> None:
    response = await client.get("/api/v1/languages")
    assert response.status_code == 200
    languages = {entry["code"]: entry for entry in response.json()}
    assert list(languages) == list(LANGUAGES)
    assert languages["ar"]["name"] == "العربية"
    assert languages["ar"]["direction"] == "rtl"
    assert languages["ti"]["name"] == "ትግርኛ"
    assert languages["ti"]["direction"] == "ltr"
    assert languages["prs"]["name"] == "دری"
    assert languages["prs"]["cldr_locale"] == "fa_AF"
    assert languages["kmr"]["cldr_locale"] == "ku"
    assert languages["uk"]["name"] == "Українська"
    assert languages["ti"]["day_names"][0] == "ሰኑይ"  # Monday, from CLDR
    assert languages["ar"]["plural_forms"].startswith("nplurals=6;")
    assert languages["prs"]["numbering_system"] == "arabext"
    assert {code for code, e in languages.items() if e["direction"] == "rtl"} == {
        "ar", "fa", "prs", "ps", "ckb",
    }  # fmt: skip
    welkom = next(c for c in languages["nl"]["catalogs"] if c["domain"] == "welkom")
    assert welkom["translated"] == welkom["total"]
    assert welkom["reviewed"] == 0  # machine-made Dutch: nothing reviewed yet
    assert languages["nl"]["ui_reviewed"] is False
    assert languages["en"]["ui_reviewed"] is True  # the msgids are English
