# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The app is built from one plugin per domain (welkom.app.DOMAINS, welkom.core.plugins)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from litestar import Controller

import welkom
from welkom.app import DOMAINS, create_app
from welkom.core.gdpr import REGISTRY
from welkom.core.settings import Settings


def _controllers() -> set[type[Controller]]:
    found: set[type[Controller]] = set()
    for module in pkgutil.walk_packages(welkom.__path__, "welkom."):
        if module.name == "welkom.__main__" or module.name.startswith(
            ("welkom.migrations", "welkom.demo")
        ):
            continue
        for _, value in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if (
                issubclass(value, Controller)
                and value is not Controller
                and value.__module__.startswith("welkom.")
            ):
                found.add(value)
    return found


def test_every_controller_belongs_to_exactly_one_domain(settings: Settings) -> None:
    everything_on = settings.model_copy(update={"demo_login": True})
    declared = [
        handler
        for domain in DOMAINS
        for handler in (
            *domain.route_handlers,
            *(domain.configured_routes(everything_on) if domain.configured_routes else ()),
        )
    ]
    controllers = [h for h in declared if inspect.isclass(h) and issubclass(h, Controller)]
    assert len(controllers) == len(set(controllers)), "a controller is in two domains"
    assert _controllers() <= set(controllers), "a controller no domain plugin installs"
    assert len({domain.name for domain in DOMAINS}) == len(DOMAINS)


def test_settings_decide_the_configured_routes(settings: Settings) -> None:
    paths = {
        route.path for route in create_app(settings.model_copy(update={"demo_login": False})).routes
    }
    assert "/api/v1/auth/demo-login" not in paths
    assert "/api/v1/me" in paths
    assert "/health" in paths
    paths = {
        route.path for route in create_app(settings.model_copy(update={"demo_login": True})).routes
    }
    assert "/api/v1/auth/demo-login" in paths


def test_gdpr_registry_holds_every_domains_handlers_in_domain_order() -> None:
    expected = [handler.table for domain in DOMAINS for handler in domain.gdpr_handlers]
    assert [handler.table for handler in REGISTRY.handlers] == expected
