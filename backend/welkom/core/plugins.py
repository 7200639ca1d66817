# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""One Litestar plugin per domain: what a domain adds to the app.

Each domain declares a :class:`DomainPlugin` in its own ``plugin.py``: its HTTP routes (some
only under a setting, such as the demo sign-in) and the GDPR handlers of its tables. The app
factory (:mod:`welkom.app`) installs the list of them; Litestar calls :meth:`on_app_init` while it
builds the app. The CLI fills the GDPR registry from the same list without building an app.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from litestar.plugins import InitPluginProtocol
from litestar.types import ControllerRouterHandler

from welkom.core.gdpr import TableHandler
from welkom.core.health import health, ready, version
from welkom.core.metrics import metrics
from welkom.core.settings import Settings

if TYPE_CHECKING:
    from litestar.config.app import AppConfig


@dataclass(frozen=True, eq=False)
class DomainPlugin(InitPluginProtocol):
    """A domain's routes and GDPR handlers.

    ``configured_routes`` gives the routes that depend on the settings (read from the app's
    ``state["settings"]`` while the app is built), e.g. none when a feature is off.
    """

    name: str
    route_handlers: Sequence[ControllerRouterHandler] = ()
    gdpr_handlers: Sequence[TableHandler] = ()
    configured_routes: Callable[[Settings], Sequence[ControllerRouterHandler]] | None = None

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.route_handlers.extend(self.route_handlers)
        if self.configured_routes is not None:
            app_config.route_handlers.extend(self.configured_routes(app_config.state["settings"]))
        return app_config


#: Health, readiness, version and metrics: the operator's endpoints.
CORE_PLUGIN = DomainPlugin("core", route_handlers=(health, ready, version, metrics))
