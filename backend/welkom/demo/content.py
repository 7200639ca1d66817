# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Translations of the demo municipality's content: service information, consent texts and the
journey, in every product language.

One gettext catalog per language, ``content/<lang>.po``, whose msgids are the Dutch source texts
(``content/demo.pot``). A fuzzy entry is a machine translation (state ``machine``); an entry a
translator confirmed is ``translated``. Nothing here is ever ``reviewed``: that takes a
native-speaker reviewer in the municipality's own translation workflow.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

CONTENT_DIR = Path(__file__).parent / "content"


@dataclass(frozen=True)
class Translation:
    text: str
    state: str  # machine | translated


@cache
def catalogs(directory: Path = CONTENT_DIR) -> dict[str, dict[str, Translation]]:
    """{language: {Dutch text: translation}}, read once per process."""
    result: dict[str, dict[str, Translation]] = {}
    for path in sorted(directory.glob("*.po")):
        with path.open("rb") as po:
            catalog = read_po(po)
        result[path.stem] = {
            message.id: Translation(message.string, "machine" if message.fuzzy else "translated")
            for message in catalog
            if message.id
            and isinstance(message.id, str)
            and isinstance(message.string, str)
            and message.string
        }
    return result


def translations(dutch: str) -> dict[str, Translation]:
    """Every language's translation of one Dutch text (languages without one are left out)."""
    return {
        language: by_text[dutch] for language, by_text in catalogs().items() if dutch in by_text
    }
