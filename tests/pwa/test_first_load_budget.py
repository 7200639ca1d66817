# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The back office (pwa/dist/staff) adds nothing to what a resident downloads.

Reads the built ``pwa/dist`` (``npm run build``; skipped locally without it, failing under CI):
no file of the back office is in the resident's first load or in the service worker's precache,
the resident's catalog chunks hold no string only the back office uses, and the resident's
first load stays within its recorded size.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.pwa.first_load import first_load, gzip_size, precached

DIST = Path(__file__).resolve().parents[2] / "pwa" / "dist"

#: The resident's first load in Dutch (index.html, entry chunk, CSS, catalog and CLDR chunks),
#: gzip level 9, measured with ``python -m tests.pwa.first_load`` when the back office was added
#: (31 108 bytes before it; +11 for "Answer from the municipality" in My questions; +551 for the
#: network budget of issue 19: the worker registered when the page is idle, the first-steps
#: catalog loaded after a language choice, a home view of stable height and the large-text bar;
#: +74 for the activation letter's QR link, `#/activate?code=…`, read and taken out of the
#: address bar before the first route; +10 for ``data-own-words`` on the latest question in the
#: home view, the resident's own words that the own-language check leaves out).
#: Change it only for a deliberate change to the resident app, with the figure in the commit
#: message.
FIRST_LOAD_BUDGET_BYTES = 31_754

#: Strings only the back office uses (src/staff/): never in a resident's catalog chunk.
STAFF_ONLY = ["Welkom back office", "Internal note (never shown to the resident)", "Assign to me"]

pytestmark = pytest.mark.skipif(
    not (DIST / "staff" / "index.html").is_file() and not os.environ.get("CI"),
    reason="the PWA is not built (cd pwa && npm run build)",
)


def test_no_back_office_file_is_in_the_residents_first_load_or_precache() -> None:
    load, cache = first_load(DIST), precached(DIST)
    assert load
    assert cache
    assert not [path for path in load + cache if path.startswith("/staff")]
    staff_assets = {p.name for p in (DIST / "staff" / "assets").iterdir()}
    resident_assets = {p.name for p in (DIST / "assets").iterdir()}
    # Its own chunks: the back office's entry and views are not among the resident's files.
    entry = re.search(r'src="/staff/assets/([^"]+)"', (DIST / "staff" / "index.html").read_text())
    assert entry
    assert entry.group(1) in staff_assets
    assert entry.group(1) not in resident_assets


def test_the_residents_catalogs_hold_no_back_office_string() -> None:
    chunks = [p.read_text("utf-8") for p in (DIST / "assets").glob("*.js")]
    for text in STAFF_ONLY:
        assert not [c for c in chunks if text in c], text
    staff = "".join(p.read_text("utf-8") for p in (DIST / "staff" / "assets").glob("*.js"))
    assert "Welkom backoffice" in staff  # the Dutch translation, in the back office's own chunk


def test_the_residents_first_load_did_not_grow() -> None:
    size = gzip_size(DIST, ["/", *first_load(DIST)])
    assert size <= FIRST_LOAD_BUDGET_BYTES, f"first load {size} B > {FIRST_LOAD_BUDGET_BYTES} B"
