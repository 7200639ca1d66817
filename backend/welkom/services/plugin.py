# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The service information domain's part of the app."""

from __future__ import annotations

from welkom.core.plugins import DomainPlugin
from welkom.services.routes import (
    AdminServiceController,
    AdminTranslationController,
    ServiceController,
)

PLUGIN = DomainPlugin(
    "services",
    route_handlers=(ServiceController, AdminServiceController, AdminTranslationController),
)
