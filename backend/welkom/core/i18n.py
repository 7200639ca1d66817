# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Locale negotiation and gettext translations (Babel), one catalog source for API and PWA.

Catalogs live in ``locales/<lang>/LC_MESSAGES/<domain>.po`` and are compiled in memory on first
use (fuzzy entries included: an unreviewed translation serves a resident better than English,
and reviewing status is tracked in the catalogs themselves).
"""

from __future__ import annotations

import io
import os
import re
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from babel import dates as babel_dates
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(
    os.environ.get("WELKOM_LOCALES_DIR", Path(__file__).resolve().parents[3] / "locales")
)
DOMAIN = "welkom"

#: Languages Welkom offers (product codes, BCP 47). Dutch is the product's primary language.
LANGUAGES: tuple[str, ...] = (
    "nl", "en", "ar", "ti", "fa", "prs", "ps", "so", "tr", "uk", "ru", "kmr", "ckb", "fr",
)  # fmt: skip
RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ps", "ckb"})
#: Babel/CLDR has no data for these product codes; use the closest locale for CLDR data.
CLDR_LOCALE = {"prs": "fa_AF", "kmr": "ku"}
#: Language of the msgids in the code.
SOURCE_LANGUAGE = "en"

current_language: ContextVar[str] = ContextVar("current_language", default="nl")

_ACCEPT_LANGUAGE_ITEM = re.compile(
    r"^\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q=([0-9.]+))?\s*$"
)


@dataclass(frozen=True)
class TextPair:
    """A content text that is translated as a whole (a title with its body), as exchanged in
    a PO file: one entry per field, ``msgctxt`` = ``<kind>/<key>/<field>``."""

    kind: str
    key: str
    fields: tuple[str, str]
    source: tuple[str, str]
    translation: tuple[str, str] | None
    state: str | None
    note: str = ""


def parse_accept_language(header: str | None) -> list[str]:
    """Language tags from an ``Accept-Language`` header, best first (RFC 9110 q-values)."""
    if not header:
        return []
    weighted: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")[:20]):
        match = _ACCEPT_LANGUAGE_ITEM.match(item)
        if not match or match.group(1) == "*":
            continue
        try:
            quality = float(match.group(2)) if match.group(2) else 1.0
        except ValueError:
            continue
        if quality > 0:
            weighted.append((-quality, position, match.group(1).lower()))
    return [tag for _, _, tag in sorted(weighted)]


def match_language(tag: str | None, available: tuple[str, ...] = LANGUAGES) -> str | None:
    """The product language for a BCP 47 tag: exact, then by primary subtag (``ar-SY`` → ar)."""
    if not tag:
        return None
    tag = tag.lower().replace("_", "-")
    if tag in available:
        return tag
    if tag in ("fa-af",) and "prs" in available:
        return "prs"
    primary = tag.split("-", 1)[0]
    return primary if primary in available else None


def negotiate(*candidates: str | list[str] | None, default: str = "nl") -> str:
    """First supported language among the candidates (in order), else ``default``."""
    for candidate in candidates:
        for tag in candidate if isinstance(candidate, list) else [candidate]:
            if language := match_language(tag):
                return language
    return match_language(default) or "nl"


def direction(language: str) -> str:
    return "rtl" if language in RTL_LANGUAGES else "ltr"


@cache
def translations(language: str, domain: str = DOMAIN) -> NullTranslations:
    path = LOCALES_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    if language == SOURCE_LANGUAGE or not path.exists():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=CLDR_LOCALE.get(language, language))
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=True)
    buffer.seek(0)
    return Translations(buffer, domain=domain)


@cache
def unreviewed(language: str, domain: str = DOMAIN) -> frozenset[str]:
    """msgids whose text in ``language`` is machine-made or not yet reviewed (fuzzy), or missing."""
    path = LOCALES_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    if language == SOURCE_LANGUAGE or not path.exists():
        return frozenset()
    with path.open("rb") as po:
        catalog = read_po(po, locale=CLDR_LOCALE.get(language, language))
    # Welkom's catalogs have no plural forms; a plural entry's id (a tuple) never matches a msgid.
    return frozenset(
        m.id for m in catalog if isinstance(m.id, str) and m.id and (m.fuzzy or not m.string)
    )


def translation_state(language: str, *messages: str) -> str:
    """``reviewed`` when every message reads in ``language`` as a reviewer approved it, else
    ``machine`` (the resident is told the text was not checked by a person)."""
    pending = unreviewed(language)
    return "machine" if any(m in pending for m in messages) else "reviewed"


def gettext(message: str, language: str | None = None, **params: object) -> str:
    """Translate ``message`` into ``language`` (default: the request's) and fill ``{params}``."""
    text = translations(language or current_language.get()).gettext(message)
    return text.format(**params) if params else text


def format_date(value: date, language: str) -> str:
    """A calendar date written the language's own way (CLDR through Babel: month names, order,
    digits), e.g. ``12 ታሕሳስ 2026`` in Tigrinya."""
    return babel_dates.format_date(value, format="long", locale=cldr_locale(language))


def N_(message: str) -> str:
    return message


#: ISO 639-2/B codes for ZGW documents (``taal``).
_ISO639_2B = {
    "nl": "dut", "en": "eng", "ar": "ara", "ti": "tir", "fa": "per", "prs": "per", "ps": "pus",
    "so": "som", "tr": "tur", "uk": "ukr", "ru": "rus", "kmr": "kur", "ckb": "kur", "fr": "fre",
}  # fmt: skip


def iso639_2b(language: str) -> str:
    return _ISO639_2B[language]


#: Gettext ``Plural-Forms`` per product language, derived from Babel's CLDR plural rules for
#: whole numbers (``welkom i18n check`` verifies each against CLDR). Babel's legacy table differs
#: for fa, tr and ti (it has no entry for ti); CLDR is the reference here.
PLURAL_FORMS: dict[str, tuple[int, str]] = {
    "nl": (2, "(n != 1)"),
    "en": (2, "(n != 1)"),
    "ar": (6, "(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5)"),
    "ti": (2, "(n > 1)"),
    "fa": (2, "(n > 1)"),
    "prs": (2, "(n > 1)"),
    "ps": (2, "(n != 1)"),
    "so": (2, "(n != 1)"),
    "tr": (2, "(n != 1)"),
    "uk": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "ru": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "kmr": (2, "(n != 1)"),
    "ckb": (2, "(n != 1)"),
    "fr": (2, "(n > 1)"),
}


def plural_forms(language: str) -> tuple[int, str]:
    """(nplurals, plural expression) for a product language's catalogs."""
    return PLURAL_FORMS[language]


def cldr_locale(language: str) -> str:
    """The Babel/CLDR locale identifier for a product language (prs → fa_AF, kmr → ku)."""
    return CLDR_LOCALE.get(language, language)
