# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Checks and maintenance for the gettext catalogs in ``locales/``.

``check`` fails on a missing catalog, a malformed file, a broken placeholder (the ``{name}``
sets of msgid and msgstr differ) or a ``Plural-Forms`` header that does not follow Babel's CLDR
plural rules for the language. Babel has no locale data for ``prs`` and ``kmr``; their rules
are taken from ``fa_AF`` and ``ku`` (:data:`welkom.core.i18n.CLDR_LOCALE`).
"""

from __future__ import annotations

import gettext as stdlib_gettext
import io
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po

from welkom.core.i18n import LANGUAGES, SOURCE_LANGUAGE, cldr_locale, plural_forms

#: Catalog domains: the backend's and the PWA's.
DOMAINS = ("welkom", "pwa")
#: Whole numbers sampled to compare a Plural-Forms expression with CLDR. (CLDR's ``many``
#: for millions in fr/es/it applies to compact notation only and is not sampled.)
PLURAL_SAMPLE = range(0, 1200)


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def catalog_path(locales: Path, language: str, domain: str) -> Path:
    return locales / language / "LC_MESSAGES" / f"{domain}.po"


def present_domains(locales: Path) -> list[str]:
    """Domains with a template or at least one catalog."""
    return [
        domain
        for domain in DOMAINS
        if (locales / f"{domain}.pot").exists() or any(locales.glob(f"*/LC_MESSAGES/{domain}.po"))
    ]


def placeholders(text: str) -> set[str]:
    """Names of ``{name}`` fields; raises ValueError on unbalanced braces."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def cldr_categories(language: str) -> list[str]:
    rule = Locale.parse(cldr_locale(language)).plural_form
    return [rule(n) for n in PLURAL_SAMPLE]


def plural_problem(language: str, header: str | None) -> str | None:
    """Why ``header`` (a Plural-Forms value) does not match CLDR for ``language``, or None."""
    if not header:
        return "no Plural-Forms header"
    params = dict(
        part.strip().split("=", 1) for part in header.strip().rstrip(";").split(";") if "=" in part
    )
    try:
        nplurals = int(params["nplurals"])
        evaluate = stdlib_gettext.c2py(params["plural"].strip())
    except (KeyError, ValueError, SyntaxError) as exc:
        return f"malformed Plural-Forms {header!r} ({exc})"
    categories = cldr_categories(language)
    expected = len(set(categories))
    if nplurals != expected:
        return f"nplurals={nplurals}, but CLDR ({cldr_locale(language)}) has {expected} forms"
    by_index: dict[int, str] = {}
    by_category: dict[str, int] = {}
    for n, category in zip(PLURAL_SAMPLE, categories, strict=True):
        index = evaluate(n)
        if not 0 <= index < nplurals:
            return f"plural={params['plural']} gives form {index} for n={n}"
        if by_index.setdefault(index, category) != category or (
            by_category.setdefault(category, index) != index
        ):
            return f"plural={params['plural']} disagrees with CLDR '{category}' for n={n}"
    return None


def _message_problems(message: Message, nplurals: int) -> list[str]:
    problems = []
    ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
    strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
    label = repr(ids[0])[:60]
    try:
        expected = set().union(*(placeholders(i) for i in ids))
    except ValueError as exc:
        return [f"msgid {label}: {exc}"]
    if isinstance(message.id, (list, tuple)) and len(strings) != nplurals:
        problems.append(f"msgid {label}: {len(strings)} plural forms, Plural-Forms says {nplurals}")
    for text in strings:
        if not text:
            continue
        try:
            found = placeholders(text)
        except ValueError as exc:
            problems.append(f"msgid {label}: translation has {exc}")
            continue
        if found != expected and not (isinstance(message.id, (list, tuple)) and found <= expected):
            problems.append(
                f"msgid {label}: placeholders {sorted(found)} differ from {sorted(expected)}"
            )
    return problems


def _read_counted(path: Path, where: str, report: Report) -> Catalog | None:
    """The catalog at ``path``, counted as checked; None (and the error reported) when it is
    missing or cannot be parsed."""
    if not path.exists():
        report.errors.append(f"{where}: missing catalog")
        return None
    report.checked += 1
    try:
        return _read(path)
    except (PoFileError, UnicodeDecodeError, ValueError) as exc:
        report.errors.append(f"{where}: malformed ({exc})")
        return None


def untranslated(catalog: Catalog) -> list[str]:
    """msgids of ``catalog`` without a translation (a fuzzy one counts: it is marked)."""
    missing = []
    for message in catalog:
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if message.id and not all(strings):
            missing.append(message.id[0] if isinstance(message.id, (list, tuple)) else message.id)
    return missing


def _untranslated_error(where: str, missing: list[str]) -> str:
    return f"{where}: {len(missing)} message(s) not translated, e.g. {missing[0][:60]!r}"


def check_content(directory: Path, languages: tuple[str, ...]) -> Report:
    """A directory of content catalogs (``<language>.po``, msgids in the Dutch source
    language, template ``*.pot``): each language has one, translating every msgid with the
    template's placeholders."""
    report = Report()
    [template_path] = directory.glob("*.pot")
    template = _read(template_path)
    for language in languages:
        path = directory / f"{language}.po"
        where = f"{directory.name}/{path.name}"
        if (catalog := _read_counted(path, where, report)) is None:
            continue
        absent = [m.id for m in template if m.id and m.id not in catalog]
        if absent:
            report.errors.append(f"{where}: {len(absent)} msgid(s) of the template missing")
        for message in catalog:
            if message.id:
                report.errors.extend(f"{where}: {p}" for p in _message_problems(message, 1))
        if missing := untranslated(catalog):
            report.errors.append(_untranslated_error(where, missing))
    return report


def _plural_header(path: Path) -> str | None:
    """The raw Plural-Forms header (Babel drops it on reading when it has no locale data)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    header_block = text.split("\n\n", 1)[0]
    joined = "".join(re.findall(r'^"(.*)"$', header_block, re.MULTILINE)).replace("\\n", "\n")
    for line in joined.split("\n"):
        name, _, value = line.partition(":")
        if name.strip().lower() == "plural-forms":
            return value.strip()
    return None


def _read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=None, abort_invalid=True)


def check(locales: Path, languages: tuple[str, ...] = LANGUAGES, *, strict: bool = False) -> Report:
    """Check every domain present for every language. ``strict``: stale catalogs are errors."""
    report = Report()
    domains = present_domains(locales)
    if not domains:
        report.errors.append(f"no catalogs under {locales}")
    for domain in domains:
        template_path = locales / f"{domain}.pot"
        template = _read(template_path) if template_path.exists() else None
        for language in languages:
            path = catalog_path(locales, language, domain)
            where = f"{language}/{domain}.po"
            if (catalog := _read_counted(path, where, report)) is None:
                continue
            header = _plural_header(path)
            if problem := plural_problem(language, header):
                report.errors.append(f"{where}: {problem}")
            nplurals = catalog.num_plurals
            for message in catalog:
                if message.id:
                    report.errors.extend(
                        f"{where}: {p}" for p in _message_problems(message, nplurals)
                    )
            if language != SOURCE_LANGUAGE and (missing := untranslated(catalog)):
                report.errors.append(_untranslated_error(where, missing))
            if template is not None:
                absent = [m.id for m in template if m.id and m.id not in catalog]
                if absent:
                    note = f"{where}: {len(absent)} msgids of {domain}.pot missing; run `welkom i18n update`"
                    (report.errors if strict else report.warnings).append(note)
    return report


@dataclass(frozen=True)
class Completeness:
    total: int
    translated: int  # non-empty msgstr (fuzzy or not)
    reviewed: int  # non-empty and not fuzzy


def completeness(locales: Path, language: str, domain: str) -> Completeness | None:
    """How much of a catalog is translated and reviewed; None if there is no catalog."""
    path = catalog_path(locales, language, domain)
    if not path.exists():
        return None
    catalog = _read(path)
    total = translated = reviewed = 0
    for message in catalog:
        if not message.id:
            continue
        total += 1
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if all(strings):
            translated += 1
            if not message.fuzzy:
                reviewed += 1
    if language == SOURCE_LANGUAGE:  # the msgids are the English text
        translated = reviewed = total
    return Completeness(total, translated, reviewed)


def pin_language(catalog: Catalog, language: str) -> Catalog:
    """Keep the product code in the ``Language`` header (``prs``, ``kmr``) while Babel uses the
    CLDR locale's data, and set the CLDR ``Plural-Forms``."""
    catalog._locale_identifier = language
    catalog._locale = Locale.parse(cldr_locale(language))
    # Babel's __init__ sets both to None, so mypy infers None; Babel assigns them when it reads
    # a Plural-Forms header, as this does.
    catalog._num_plurals, catalog._plural_expr = plural_forms(language)  # type: ignore[assignment]
    return catalog


def _new_catalog(language: str, domain: str) -> Catalog:
    catalog = Catalog(
        domain=domain,
        project="Welkom",
        copyright_holder="Welkom contributors",
        language_team=f"{language} <welkom-translations@example.org>",
        charset="utf-8",
        fuzzy=False,
    )
    return pin_language(catalog, language)


def update(locales: Path, domain: str, languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    """Merge ``<domain>.pot`` into every language's catalog, creating missing ones with the
    CLDR ``Plural-Forms``. Existing translations and their fuzzy flags are kept."""
    template = _read(locales / f"{domain}.pot")
    changed = []
    for language in languages:
        path = catalog_path(locales, language, domain)
        catalog = _read(path) if path.exists() else _new_catalog(language, domain)
        pin_language(catalog, language)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        pin_language(catalog, language)
        catalog.obsolete = {}
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=76, omit_header=False, sort_output=True, no_location=True)
        if not path.exists() or path.read_bytes() != buffer.getvalue():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(buffer.getvalue())
            changed.append(str(path.relative_to(locales)))
    return changed
