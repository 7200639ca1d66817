# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The caseworkers' admin API's part of the app."""

from __future__ import annotations

from welkom.admin import gdpr
from welkom.admin.routes import (
    AdminCaseController,
    AdminCaseworkerController,
    AdminColleagueController,
    AdminConversationController,
    AdminResidentController,
    AdminSignalController,
    ResidentAnswerController,
)
from welkom.core.plugins import DomainPlugin

PLUGIN = DomainPlugin(
    "admin",
    route_handlers=(
        AdminResidentController,
        AdminCaseController,
        AdminConversationController,
        AdminCaseworkerController,
        AdminColleagueController,
        AdminSignalController,
        ResidentAnswerController,
    ),
    gdpr_handlers=gdpr.HANDLERS,
)
