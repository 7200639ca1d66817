# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The languages Welkom offers, described from Babel's CLDR data and the catalogs."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import msgspec
from babel import Locale

from welkom.core.i18n import LANGUAGES, LOCALES_DIR, cldr_locale, direction, plural_forms
from welkom.i18n import catalogs

#: Names CLDR lacks in the language's own script (no locale data for these product codes).
OWN_NAMES = {"prs": "دری", "kmr": "Kurmancî"}
ENGLISH_NAMES = {
    "prs": "Dari",
    "kmr": "Kurmanji (Northern Kurdish)",
    "ckb": "Sorani (Central Kurdish)",
}


class CatalogStatus(msgspec.Struct):
    domain: str
    total: int
    translated: int
    reviewed: int


class LanguageOut(msgspec.Struct):
    code: str
    name: str  # in its own script
    english_name: str
    direction: str
    cldr_locale: str
    plural_forms: str  # gettext Plural-Forms of its catalogs (CLDR), for the PWA's catalogs
    day_names: list[str]  # CLDR weekday names, Monday first (opening hours use ISO weekdays)
    numbering_system: str  # CLDR default digits, e.g. latn, arab, arabext
    catalogs: list[CatalogStatus]
    ui_complete: bool  # every domain has a catalog with every message translated
    ui_reviewed: bool  # … and reviewed (no fuzzy entries)


def native_name(language: str) -> str:
    if language in OWN_NAMES:
        return OWN_NAMES[language]
    locale = Locale.parse(cldr_locale(language))
    name = locale.get_display_name(locale) or language
    return name[:1].upper() + name[1:] if locale.character_order == "left-to-right" else name


def english_name(language: str) -> str:
    if language in ENGLISH_NAMES:
        return ENGLISH_NAMES[language]
    english = Locale("en")
    name: str | None = english.languages.get(language)
    return name or Locale.parse(cldr_locale(language)).get_display_name(english) or language


def day_names(language: str) -> list[str]:
    wide = Locale.parse(cldr_locale(language)).days["format"]["wide"]
    return [wide[day] for day in range(7)]  # Babel: 0 = Monday


@cache
def describe(locales: Path = LOCALES_DIR) -> tuple[LanguageOut, ...]:
    """Computed once per process: catalogs change with a deployment, not at runtime."""
    result = []
    for code in LANGUAGES:
        statuses = []
        for domain in catalogs.present_domains(locales):
            counts = catalogs.completeness(locales, code, domain)
            if counts is not None:
                statuses.append(
                    CatalogStatus(domain, counts.total, counts.translated, counts.reviewed)
                )
        domains = len(catalogs.present_domains(locales))
        result.append(
            LanguageOut(
                code=code,
                name=native_name(code),
                english_name=english_name(code),
                direction=direction(code),
                cldr_locale=cldr_locale(code),
                plural_forms="nplurals={}; plural={};".format(*plural_forms(code)),
                day_names=day_names(code),
                numbering_system=Locale.parse(cldr_locale(code)).default_numbering_system,
                catalogs=statuses,
                ui_complete=len(statuses) == domains
                and all(s.translated == s.total for s in statuses),
                ui_reviewed=len(statuses) == domains
                and all(s.reviewed == s.total for s in statuses),
            )
        )
    return tuple(result)
