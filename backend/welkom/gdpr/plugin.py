# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The GDPR domain's part of the app: export and erasure, and the tables it keeps itself."""

from __future__ import annotations

from welkom.core.plugins import DomainPlugin
from welkom.gdpr import foundation, own
from welkom.gdpr.routes import ErasureAdminController, GdprController

PLUGIN = DomainPlugin(
    "gdpr",
    route_handlers=(GdprController, ErasureAdminController),
    gdpr_handlers=(*foundation.HANDLERS, *own.HANDLERS),
)
