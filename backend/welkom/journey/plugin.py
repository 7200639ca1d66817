# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The journey domain's part of the app."""

from __future__ import annotations

from welkom.core.plugins import DomainPlugin
from welkom.journey import gdpr
from welkom.journey.routes import JourneyController, JourneyTranslationController

PLUGIN = DomainPlugin(
    "journey",
    route_handlers=(JourneyController, JourneyTranslationController),
    gdpr_handlers=gdpr.HANDLERS,
)
