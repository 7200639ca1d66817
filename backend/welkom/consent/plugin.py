# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The consent domain's part of the app."""

from __future__ import annotations

from welkom.consent import gdpr
from welkom.consent.routes import ConsentController, ConsentTranslationController
from welkom.core.plugins import DomainPlugin

PLUGIN = DomainPlugin(
    "consent",
    route_handlers=(ConsentController, ConsentTranslationController),
    gdpr_handlers=gdpr.HANDLERS,
)
