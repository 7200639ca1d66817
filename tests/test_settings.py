# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Settings: safe production defaults, a documented reference."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from pydantic import ValidationError

from tests.conftest import PRODUCTION_SECRET
from welkom.core.settings import DEMO_SECRET_KEY, Settings, is_weak_secret, render_reference

STRONG = PRODUCTION_SECRET


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


@pytest.mark.parametrize(
    "weak",
    [
        "a" * 32,
        "a" * 64,
        "ab" * 24,
        "abc" * 16,
        "abcdefghijklmnopqrstuvwxyz012345",
        "0123456789abcdef0123456789abcdef",
        "qwertyuiopasdfghjklzxcvbnm123456",
        "Password1Password1Password1Password1",
        "welkomwelkomwelkomwelkomwelkom2026",
        "a" * 72 + "Zq8#kLm2",  # judged by its first 72 characters
    ],
)
def test_production_refuses_a_guessable_secret_key_and_says_how_to_make_one(weak: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(env="production", secret_key=weak, public_base_url="https://welkom.example.nl")
    message = str(refused.value)
    assert "WELKOM_SECRET_KEY is too easy to guess" in message
    assert 'python -c "import secrets; print(secrets.token_urlsafe(48))"' in message
    assert weak[:16] not in message  # the secret itself is never repeated
    # Outside production the same value is accepted (tests and demos).
    assert Settings(env="test", secret_key=weak).secret_key == weak


def test_production_refuses_every_guessable_secret() -> None:
    weak = "x" * 40
    with pytest.raises(ValidationError) as refused:
        Settings(
            env="production",
            secret_key=PRODUCTION_SECRET,
            public_base_url="https://welkom.example.nl",
            metrics_token=weak,
            zgw_client_secrets={"0363": weak, "0344": PRODUCTION_SECRET},
            zgw_notification_tokens={"0363": "1234567890123456"},
            storage_backend="s3",
            s3_bucket="uploads",
            s3_access_key_id="AKIAEXAMPLE",
            s3_secret_access_key="secretsecretsecretsecret",
            oidc_providers=[
                {
                    "key": "staff",
                    "municipality_code": "0363",
                    "issuer": "https://idp.example.nl/realms/staff",
                    "client_id": "welkom",
                    "client_secret": "changeme",
                    "allowed_roles": ["caseworker"],
                }
            ],
        )  # type: ignore[arg-type]
    message = str(refused.value)
    for name in (
        "WELKOM_METRICS_TOKEN",
        "WELKOM_ZGW_CLIENT_SECRETS[0363]",
        "WELKOM_ZGW_NOTIFICATION_TOKENS[0363]",
        "WELKOM_S3_SECRET_ACCESS_KEY",
        "WELKOM_OIDC_PROVIDERS[staff].client_secret",
    ):
        assert f"{name} is too easy to guess" in message
    assert "WELKOM_SECRET_KEY is too easy" not in message
    assert "[0344]" not in message


@pytest.mark.parametrize("seed", range(20))
def test_generated_secrets_are_accepted(seed: int) -> None:
    """What the message tells operators to run passes, and so do 32 random hex digits."""
    import random

    rng = random.Random(seed)
    urlsafe = "".join(rng.choice(string.ascii_letters + string.digits + "-_") for _ in range(64))
    hexdigits = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    for secret in (urlsafe, hexdigits):
        assert not is_weak_secret(secret), secret
        Settings(env="production", secret_key=secret, public_base_url="https://welkom.example.nl")
