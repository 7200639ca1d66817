# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The authentication domain's part of the app; the demo sign-in only where it is on."""

from __future__ import annotations

from collections.abc import Sequence

from litestar.types import ControllerRouterHandler

from welkom.auth import gdpr, passkey_gdpr
from welkom.auth.admin_routes import ActivationCodeController
from welkom.auth.passkey_routes import PasskeyController, PasskeyLoginController
from welkom.auth.routes import (
    ActivationController,
    DemoLoginController,
    OidcController,
    SessionController,
)
from welkom.core.plugins import DomainPlugin
from welkom.core.settings import Settings


def _demo_login(settings: Settings) -> Sequence[ControllerRouterHandler]:
    return (DemoLoginController,) if settings.demo_login else ()


PLUGIN = DomainPlugin(
    "auth",
    route_handlers=(
        SessionController,
        ActivationController,
        OidcController,
        PasskeyController,
        PasskeyLoginController,
        ActivationCodeController,
    ),
    gdpr_handlers=(*gdpr.HANDLERS, *passkey_gdpr.HANDLERS),
    configured_routes=_demo_login,
)
