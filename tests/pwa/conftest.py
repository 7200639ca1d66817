# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The backend under test serves a small stand-in for pwa/dist, so these tests do not need npm."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_settings
from welkom.core.settings import Settings

BOOT = "(function(){var l=localStorage.getItem('welkom.language');})();\n"
INDEX = (
    "<!doctype html><html lang=nl><head><meta charset=utf-8>"
    f"<script>{BOOT}</script><title>Welkom</title>"
    "<script type=module src=/assets/app-3f2a.js></script>"
)
SCRIPT = "export const greeting = 'hallo';\n" * 100  # large enough to be worth compressing


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(INDEX)
    (root / "sw.js").write_text("self.addEventListener('fetch', () => {});\n")
    (root / "manifest.webmanifest").write_text('{"name": "Welkom"}')
    (root / "assets" / "app-3f2a.js").write_text(SCRIPT)
    return root


@pytest.fixture
def settings(database_url: str, dist: Path) -> Settings:
    return make_settings(database_url, pwa_dir=dist)
