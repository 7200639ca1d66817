# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Fixtures: the test LibreTranslate server, once per session, reset for every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.translation.server import LibreTranslateServer, running


@pytest.fixture(scope="session")
def _libretranslate_session() -> Iterator[LibreTranslateServer]:
    with running() as server:
        yield server


@pytest.fixture
def libretranslate(_libretranslate_session: LibreTranslateServer) -> LibreTranslateServer:
    _libretranslate_session.reset()
    return _libretranslate_session
