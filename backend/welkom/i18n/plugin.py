# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The languages list's part of the app."""

from __future__ import annotations

from welkom.core.plugins import DomainPlugin
from welkom.i18n.routes import list_languages

PLUGIN = DomainPlugin("i18n", route_handlers=(list_languages,))
