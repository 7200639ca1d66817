# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Extracts the PWA's msgids (``t("…")`` in pwa/src) into locales/pwa.pot and merges it into every
language's locales/<lang>/LC_MESSAGES/pwa.po with the backend's catalog tooling
(``welkom.i18n.catalogs.update``: CLDR Plural-Forms, product language codes, translations and
their ``fuzzy`` flags kept). Check afterwards with ``welkom i18n check``.

Run from the repository root: ``.venv/bin/python pwa/scripts/update_catalogs.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from welkom.i18n.catalogs import update

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "pwa" / "src"
LOCALES = ROOT / "locales"
T_CALL = re.compile(r'\bt\(\s*"((?:[^"\\]|\\.)*)"')


def extract() -> Catalog:
    template = Catalog(project="Welkom", domain="pwa", copyright_holder="Welkom contributors")
    for path in sorted(SOURCES.rglob("*.ts*")):
        for match in T_CALL.finditer(path.read_text("utf-8")):
            template.add(json.loads(f'"{match.group(1)}"'))
    return template


def main() -> None:
    with (LOCALES / "pwa.pot").open("wb") as f:
        write_po(f, extract(), width=76, sort_output=True, no_location=True)
    for path in update(LOCALES, "pwa"):
        print(f"updated {path}")


if __name__ == "__main__":
    main()
