# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The machine-translation domain's part of the app."""

from __future__ import annotations

from welkom.core.plugins import DomainPlugin
from welkom.translation.routes import (
    TranslationLanguagesController,
    TranslationServerController,
)

PLUGIN = DomainPlugin(
    "translation",
    route_handlers=(TranslationServerController, TranslationLanguagesController),
)
