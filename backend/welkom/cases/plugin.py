# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The cases domain's part of the app."""

from __future__ import annotations

from welkom.cases.routes import (
    MyCasesController,
    NotificationCallbackController,
    RegistrationsController,
)
from welkom.core.plugins import DomainPlugin

PLUGIN = DomainPlugin(
    "cases",
    route_handlers=(MyCasesController, RegistrationsController, NotificationCallbackController),
)
