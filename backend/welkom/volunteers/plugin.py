# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The volunteers domain's part of the app."""

from __future__ import annotations

from welkom.core.plugins import DomainPlugin
from welkom.volunteers import gdpr
from welkom.volunteers.routes import (
    CoordinatorHelpRequestController,
    CoordinatorVolunteerController,
    ResidentHelpRequestController,
    VolunteerController,
)

PLUGIN = DomainPlugin(
    "volunteers",
    route_handlers=(
        VolunteerController,
        ResidentHelpRequestController,
        CoordinatorVolunteerController,
        CoordinatorHelpRequestController,
    ),
    gdpr_handlers=gdpr.HANDLERS,
)
