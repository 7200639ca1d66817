# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The PWA's CLDR data (pwa/src/cldr/*.json) is what pwa/scripts/export_cldr.py exports from Babel."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import babel
from babel.core import get_cldr_version

from welkom.core.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "pwa" / "src" / "cldr"
EXPORTER = ROOT / "pwa" / "scripts" / "export_cldr.py"


def export(out: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(EXPORTER), str(out)], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_committed_cldr_data_is_the_exporters_output(tmp_path: Path) -> None:
    report = export(tmp_path)
    exported = {p.name: p.read_text("utf-8") for p in sorted(tmp_path.glob("*.json"))}
    committed = {p.name: p.read_text("utf-8") for p in sorted(COMMITTED.glob("*.json"))}
    assert sorted(exported) == sorted(f"{lang}.json" for lang in LANGUAGES)
    stale = [name for name in exported if committed.get(name) != exported[name]]
    versions = {json.loads(text)["cldr"] for text in committed.values()}
    hint = (
        f"committed from CLDR {versions}, Babel {babel.__version__} has CLDR {get_cldr_version()}: "
        "run .venv/bin/python pwa/scripts/export_cldr.py"
    )
    assert sorted(committed) == sorted(exported), hint
    assert not stale, f"pwa/src/cldr differs from Babel's data ({stale}): {hint}"
    for lang in LANGUAGES:
        assert f"\n{lang:4} " in "\n" + report  # every language is reported, with what it inherits


def test_tigrinya_months_and_days_are_in_ethiopic_script() -> None:
    ti = json.loads((COMMITTED / "ti.json").read_text("utf-8"))
    names = ti["months"]["wide"] + ti["months"]["abbreviated"] + ti["days"]["wide"]
    assert len(names) == 31
    for name in names:
        assert all(unicodedata.name(c).startswith("ETHIOPIC") for c in name if not c.isspace()), (
            name
        )


def test_each_language_has_its_own_names_and_digits() -> None:
    data = {lang: json.loads((COMMITTED / f"{lang}.json").read_text("utf-8")) for lang in LANGUAGES}
    assert data["prs"]["locale"] == "fa_AF"
    assert data["kmr"]["locale"] == "ku"
    # Only English has English month names.
    for lang in LANGUAGES:
        if lang != "en":
            assert data[lang]["months"]["wide"][11] != "December", lang
    assert data["fa"]["digits"] == data["ps"]["digits"] == "۰۱۲۳۴۵۶۷۸۹"
    assert data["ckb"]["digits"] == "٠١٢٣٤٥٦٧٨٩"
    assert data["nl"]["digits"] == data["ti"]["digits"] == "0123456789"
