# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The notifications domain's part of the app."""

from __future__ import annotations

from welkom.core.plugins import DomainPlugin
from welkom.notifications.routes import CONTROLLERS

PLUGIN = DomainPlugin("notifications", route_handlers=CONTROLLERS)
