"""Settings: safe production defaults, a documented reference."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from welkom.core.settings import DEMO_SECRET_KEY, Settings, render_reference

STRONG = "k" * 48


def test_production_refuses_the_demo_secret() -> None:
    with pytest.raises(ValidationError, match="demo secret"):
        Settings(env="production", secret_key=DEMO_SECRET_KEY)


def test_production_refuses_demo_login_and_insecure_cookies() -> None:
    with pytest.raises(ValidationError, match="DEMO_LOGIN"):
        Settings(env="production", secret_key=STRONG, demo_login=True)
    with pytest.raises(ValidationError, match="COOKIE_SECURE"):
        Settings(env="production", secret_key=STRONG, session_cookie_secure=False)


def test_production_is_the_default_and_reads_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WELKOM_SECRET_KEY", STRONG)
    monkeypatch.setenv("WELKOM_PUBLIC_BASE_URL", "https://welkom.example.nl")
    monkeypatch.setenv("WELKOM_DATABASE_URL", "postgresql+asyncpg://welkom@db/welkom")
    monkeypatch.setenv("WELKOM_PUBLIC_BASE_URL", "https://welkom.example.nl")
    settings = Settings()
    assert settings.env == "production"
    assert settings.database_url == "postgresql+asyncpg://welkom@db/welkom"
    assert settings.session_cookie_secure is True
    assert settings.demo_login is False


def test_demo_login_only_in_demo_or_test() -> None:
    assert Settings(env="demo", demo_login=True).demo_login
    assert Settings(env="test", demo_login=True).demo_login


def test_short_secrets_are_refused() -> None:
    with pytest.raises(ValidationError):
        Settings(env="production", secret_key="short")


def test_configuration_reference_is_current() -> None:
    documented = (Path(__file__).parents[1] / "docs" / "configuration.md").read_text()
    assert documented == render_reference(), "run: welkom config-reference > docs/configuration.md"
    assert "WELKOM_DATABASE_URL" in documented
