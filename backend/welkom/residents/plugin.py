# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The residents domain's part of the app."""

from __future__ import annotations

from welkom.core.plugins import DomainPlugin
from welkom.residents import gdpr
from welkom.residents.routes import HouseholdController, MeController

PLUGIN = DomainPlugin(
    "residents",
    route_handlers=(MeController, HouseholdController),
    gdpr_handlers=gdpr.HANDLERS,
)
