"""Brings locales/<lang>/LC_MESSAGES/pwa.po up to date with the msgids in pwa/src (Babel).

New msgids arrive with an empty msgstr; msgids no longer used are dropped; translations already
in a catalog are kept as they are, with their flags (``fuzzy`` = machine-made or unreviewed).
Run: ``.venv/bin/python pwa/scripts/update_catalogs.py`` from the repository root.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from babel.core import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "pwa" / "src"
LOCALES = ROOT / "locales"
LANGUAGES = ("nl", "en", "ar", "ti", "fa", "prs", "ps", "so", "tr", "uk", "ru", "kmr", "ckb", "fr")
CLDR_LOCALE = {"prs": "fa_AF", "kmr": "ku"}
HEADER = """\
# Welkom PWA strings ({language}), gettext domain "pwa"; msgids are the English source.
# Entries flagged "fuzzy" are machine-made or unreviewed: the app uses them and shows a notice.
# A native speaker removes the flag after reviewing. Update with pwa/scripts/update_catalogs.py.
#"""
T_CALL = re.compile(r'\bt\(\s*"((?:[^"\\]|\\.)*)"')


def extract() -> Catalog:
    template = Catalog(project="Welkom PWA", domain="pwa")
    for path in sorted(SOURCES.rglob("*.ts*")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            for match in T_CALL.finditer(line):
                msgid = json.loads(f'"{match.group(1)}"')
                template.add(msgid, locations=[(str(path.relative_to(ROOT)), number)])
    return template


def update(language: str, template: Catalog) -> Path:
    path = LOCALES / language / "LC_MESSAGES" / "pwa.po"
    locale = Locale.parse(CLDR_LOCALE.get(language, language))
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale=locale, domain="pwa")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
    else:
        catalog = Catalog(locale=locale, domain="pwa", project="Welkom PWA")
        catalog.update(template, no_fuzzy_matching=True)
    catalog.locale = locale
    catalog.header_comment = HEADER.format(language=language)
    catalog.copyright_holder = "Welkom contributors"
    catalog.language_team = f"{language} <https://welkom.example/translate>"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=False, omit_header=False)
    return path


def main() -> None:
    template = extract()
    for language in LANGUAGES:
        print(update(language, template).relative_to(ROOT))


if __name__ == "__main__":
    main()
