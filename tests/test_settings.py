# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Settings: safe production defaults, a documented reference."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from pydantic import ValidationError

from tests.conftest import PRODUCTION_SECRET
from welkom.core.settings import (
    DEMO_SECRET_KEY,
    SETTING_PATHS,
    Settings,
    StorageBackend,
    is_weak_secret,
    render_reference,
)
from welkom.core.settings_sections import DatabaseSettings, OutboxSettings

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
    assert settings.database.url == "postgresql+asyncpg://welkom@db/welkom"
    assert settings.session.cookie_secure is True
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


def test_a_variable_and_a_keyword_for_one_section_both_apply(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The environment and the constructor's keywords are merged under the flat names before
    the sections are made, so neither hides the other's fields of the same section."""
    monkeypatch.setenv("WELKOM_DATABASE_POOL_SIZE", "7")
    monkeypatch.setenv("WELKOM_SESSION_IDLE_TIMEOUT_SECONDS", "900")
    settings = Settings(
        env="test", database_url="sqlite+aiosqlite:///elsewhere.db", session_cookie_secure=False
    )
    assert settings.database.url == "sqlite+aiosqlite:///elsewhere.db"
    assert settings.database.pool_size == 7
    assert settings.session.idle_timeout_seconds == 900
    assert settings.session.cookie_secure is False
    # A keyword wins over the variable of the same setting, as before the sections.
    assert Settings(env="test", database_pool_size=3).database.pool_size == 3


def test_every_kind_of_variable_reaches_its_section(monkeypatch: pytest.MonkeyPatch) -> None:
    """JSON lists and objects, enums, paths and the variables whose field has another name."""
    for name, value in {
        "WELKOM_ENV": "test",
        "WELKOM_LOG_JSON": "false",
        "WELKOM_WEBAUTHN_RP_ID": "welkom.example.nl",
        "WELKOM_CASE_DELIVERIES_PER_MINUTE": "12",
        "WELKOM_PUSH_ALLOWED_HOSTS": '["push.example.org"]',
        "WELKOM_ZGW_CLIENT_SECRETS": '{"0363": "geheim"}',
        "WELKOM_STORAGE_BACKEND": "s3",
        "WELKOM_S3_BUCKET": "uploads",
        "WELKOM_S3_ENDPOINT_URL": "",
        "WELKOM_CASE_TYPES_DIR": "/etc/welkom/case-types",
        "WELKOM_OIDC_PROVIDERS": '[{"key": "staff", "municipality_code": "0363", '
        '"issuer": "https://idp.example.nl", "client_id": "welkom", "client_secret": "s", '
        '"allowed_roles": ["caseworker"]}]',
    }.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert settings.log.json_lines is False
    assert settings.passkey.webauthn_rp_id == "welkom.example.nl"
    assert settings.outbox.case_deliveries_per_minute == 12
    assert settings.push.allowed_hosts == ["push.example.org"]
    assert settings.zgw.client_secrets["0363"].get_secret_value() == "geheim"
    assert settings.storage.backend is StorageBackend.s3
    assert settings.s3.bucket == "uploads"
    assert settings.s3.endpoint_url is None
    assert settings.case_types_path == Path("/etc/welkom/case-types")
    provider = settings.oidc.provider("staff")
    assert provider is not None
    assert provider.allowed_roles == ["caseworker"]


def test_a_section_can_be_given_whole_or_in_part() -> None:
    """Inside the section its own names; there a value wins over the same setting given flat."""
    given = Settings(env="test", database={"url": "sqlite+aiosqlite:///a.db"}, database_pool_size=4)
    assert given.database.url == "sqlite+aiosqlite:///a.db"
    assert given.database.pool_size == 4
    both = Settings(
        env="test",
        database={"url": "sqlite+aiosqlite:///a.db"},
        database_url="sqlite+aiosqlite:///b.db",
    )
    assert both.database.url == "sqlite+aiosqlite:///a.db"
    whole = DatabaseSettings(url="sqlite+aiosqlite:///c.db")
    assert Settings(env="test", database=whole, database_pool_size=4).database == whole
    with pytest.raises(ValidationError, match=r"database\.pool_sise"):
        Settings(env="test", database={"pool_sise": 4})


STAFF = {
    "key": "staff",
    "municipality_code": "0363",
    "issuer": "https://idp.example.nl",
    "client_id": "welkom",
    "client_secret": "s",
    "allowed_roles": ["caseworker"],
}


def test_section_rules_and_rules_across_sections_still_refuse() -> None:
    with pytest.raises(ValidationError, match=r"session\.idle_timeout_seconds"):
        Settings(env="test", session_idle_timeout_seconds=10)
    with pytest.raises(ValidationError, match="unknown time zone"):
        Settings(env="test", push_default_time_zone="Europe/Nowhere")
    with pytest.raises(ValidationError, match="must include `database`"):
        Settings(env="test", processing_log_sinks=["jsonl"])
    with pytest.raises(ValidationError, match="its own key"):
        Settings(env="test", oidc_providers=[STAFF, STAFF])
    with pytest.raises(ValidationError, match="WELKOM_S3_BUCKET is required"):
        Settings(env="test", storage_backend="s3")


def test_model_copy_takes_flat_names_and_leaves_the_original() -> None:
    settings = Settings(env="test")
    copy = settings.model_copy(update={"outbox_batch_size": 20, "demo_login": True})
    assert copy.outbox.batch_size == 20
    assert copy.demo_login is True
    assert settings.outbox.batch_size == OutboxSettings().batch_size
    assert settings.demo_login is False
    assert copy.database is settings.database  # a shallow copy shares the sections not updated


def test_every_setting_has_one_place_and_one_variable() -> None:
    """SETTING_PATHS names each field of Settings and of its sections exactly once (the module
    refuses to load otherwise), in the order of the reference; a field is named as the end of
    its variable (``WELKOM_DATABASE_URL`` is ``database.url``), except ``log.json_lines``
    (``json`` would hide pydantic's method)."""
    documented = (Path(__file__).parents[1] / "docs" / "configuration.md").read_text()
    variables = [line.split("`")[1] for line in documented.splitlines() if line.startswith("| `")]
    assert variables == [f"WELKOM_{name.upper()}" for name in SETTING_PATHS]
    settings = Settings(env="test")
    for name, path in SETTING_PATHS.items():
        value: object = settings
        for part in path.split("."):
            value = getattr(value, part)
        field = path.rpartition(".")[2]
        assert name.endswith(field) or (name, field) == ("log_json", "json_lines"), name
