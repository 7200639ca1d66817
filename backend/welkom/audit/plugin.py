# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The audit domain's part of the app."""

from __future__ import annotations

from welkom.audit import gdpr
from welkom.audit.routes import AccessLogController, AuditController
from welkom.core.plugins import DomainPlugin

PLUGIN = DomainPlugin(
    "audit",
    route_handlers=(AccessLogController, AuditController),
    gdpr_handlers=gdpr.HANDLERS,
)
