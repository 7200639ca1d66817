# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The interactions domain's part of the app: questions and documents."""

from __future__ import annotations

from welkom.core.plugins import DomainPlugin
from welkom.interactions.routes import DocumentController, QuestionController

PLUGIN = DomainPlugin("interactions", route_handlers=(QuestionController, DocumentController))
