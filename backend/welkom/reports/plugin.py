# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The reports domain's part of the app."""

from __future__ import annotations

from welkom.core.plugins import DomainPlugin
from welkom.reports.routes import ReportController

PLUGIN = DomainPlugin("reports", route_handlers=(ReportController,))
