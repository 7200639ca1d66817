# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Settings from ``WELKOM_*`` environment variables.

Read once per process through :func:`get_settings`; never at import time. The settings are
grouped in sections (:mod:`welkom.core.settings_sections`): ``settings.database.url`` is
``WELKOM_DATABASE_URL``. Every setting keeps one flat name, its variable without ``WELKOM_``:
``Settings(database_url=…)`` and ``settings.model_copy(update={"database_url": …})`` take it too.
Every field is documented: ``welkom config-reference`` renders them into docs/configuration.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, Self

from pydantic import BaseModel, Field, SecretStr, create_model, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from welkom.core.settings_sections import (
    ActivationSettings,
    DatabaseSettings,
    DeviceSettings,
    HttpSettings,
    LogSettings,
    OidcProvider,
    OidcSettings,
    OpenKlantSettings,
    OutboxSettings,
    PasskeySettings,
    PolicySettings,
    ProcessingLogSink,
    ProcessingSettings,
    PushSettings,
    QuotaSettings,
    RateLimitSettings,
    RetentionSettings,
    S3AddressingStyle,
    S3Settings,
    SessionSettings,
    StorageBackend,
    StorageSettings,
    TranslationSettings,
    UploadSettings,
    ZgwSettings,
)

__all__ = [
    "DEMO_SECRET_KEY",
    "SETTING_PATHS",
    "Environment",
    "OidcProvider",
    "ProcessingLogSink",
    "S3AddressingStyle",
    "Settings",
    "StorageBackend",
    "get_settings",
    "is_weak_secret",
    "render_reference",
]

ENV_PREFIX = "WELKOM_"


class Environment(StrEnum):
    demo = "demo"
    production = "production"
    test = "test"


DEMO_SECRET_KEY = "demo-insecure-secret-key-do-not-use-in-production-0000"  # noqa: S105


#: How an operator makes a secret that passes :func:`is_weak_secret`.
GENERATE_SECRET = 'python -c "import secrets; print(secrets.token_urlsafe(48))"'  # noqa: S105
#: Estimated guesses (log10) a production secret needs at least: about 66 bits.
MIN_SECRET_GUESSES_LOG10 = 20.0
#: zxcvbn evaluates at most this many characters; a longer secret is judged by its start.
_ZXCVBN_MAX_LENGTH = 72


def is_weak_secret(value: str) -> bool:
    """True for a secret an attacker would guess: repeated characters (``aaaa…``), a short
    alphabet (``abab…``), sequences (``abcd…``, ``1234…``), keyboard rows, dictionary words
    and repetitions of them, as estimated by zxcvbn."""
    from zxcvbn import zxcvbn

    sample = value[:_ZXCVBN_MAX_LENGTH]
    if not sample:
        return True
    guesses = zxcvbn(sample, user_inputs=["welkom", "secret", "demo", "test", "production"])
    return float(guesses["guesses_log10"]) < MIN_SECRET_GUESSES_LOG10


#: Every setting by its flat name (its environment variable without ``WELKOM_``, in lower case,
#: which ``Settings(…)`` takes as a keyword too) and where it lives: a field of :class:`Settings`
#: or ``section.field``. In the order of docs/configuration.md.
SETTING_PATHS: dict[str, str] = {
    "env": "env",
    "database_url": "database.url",
    "database_pool_size": "database.pool_size",
    "database_pool_pre_ping": "database.pool_pre_ping",
    "database_pool_recycle_seconds": "database.pool_recycle_seconds",
    "data_dir": "data_dir",
    "secret_key": "secret_key",
    "demo_login": "demo_login",
    "default_language": "default_language",
    "log_level": "log.level",
    "log_json": "log.json_lines",
    "session_cookie_name": "session.cookie_name",
    "session_cookie_secure": "session.cookie_secure",
    "session_idle_timeout_seconds": "session.idle_timeout_seconds",
    "session_absolute_timeout_seconds": "session.absolute_timeout_seconds",
    "public_base_url": "public_base_url",
    "oidc_providers": "oidc.providers",
    "oidc_metadata_cache_seconds": "oidc.metadata_cache_seconds",
    "oidc_http_timeout_seconds": "oidc.http_timeout_seconds",
    "oidc_login_timeout_seconds": "oidc.login_timeout_seconds",
    "activation_code_ttl_seconds": "activation.code_ttl_seconds",
    "activation_max_failures": "activation.max_failures",
    "activation_failure_window_seconds": "activation.failure_window_seconds",
    "device_credential_days": "device.credential_days",
    "device_reuse_grace_seconds": "device.reuse_grace_seconds",
    "webauthn_rp_id": "passkey.webauthn_rp_id",
    "webauthn_origin": "passkey.webauthn_origin",
    "passkey_challenge_seconds": "passkey.challenge_seconds",
    "run_worker_in_process": "run_worker_in_process",
    "local_register_refusal_file": "local_register_refusal_file",
    "outbox_poll_interval_seconds": "outbox.poll_interval_seconds",
    "outbox_batch_size": "outbox.batch_size",
    "outbox_concurrency": "outbox.concurrency",
    "outbox_lease_seconds": "outbox.lease_seconds",
    "outbox_backoff_base_seconds": "outbox.backoff_base_seconds",
    "outbox_backoff_max_seconds": "outbox.backoff_max_seconds",
    "shutdown_grace_seconds": "shutdown_grace_seconds",
    "pwa_dir": "pwa_dir",
    "vapid_private_key": "push.vapid_private_key",
    "vapid_private_key_file": "push.vapid_private_key_file",
    "vapid_subject": "push.vapid_subject",
    "push_allowed_hosts": "push.allowed_hosts",
    "push_allow_insecure_endpoints": "push.allow_insecure_endpoints",
    "push_timeout_seconds": "push.timeout_seconds",
    "push_default_time_zone": "push.default_time_zone",
    "push_default_quiet_hours": "push.default_quiet_hours",
    "metrics_token": "metrics_token",
    "quota_questions_per_hour": "quota.questions_per_hour",
    "quota_uploads_per_day": "quota.uploads_per_day",
    "quota_stored_bytes_per_resident": "quota.stored_bytes_per_resident",
    "quota_push_devices_per_account": "quota.push_devices_per_account",
    "quota_open_help_requests": "quota.open_help_requests",
    "case_deliveries_per_minute": "outbox.case_deliveries_per_minute",
    "push_max_attempts": "push.max_attempts",
    "push_max_failures": "push.max_failures",
    "redis_url": "redis_url",
    "rate_limit_enabled": "rate_limit.enabled",
    "rate_limit_window_seconds": "rate_limit.window_seconds",
    "rate_limit_logins": "rate_limit.logins",
    "rate_limit_activations": "rate_limit.activations",
    "rate_limit_writes": "rate_limit.writes",
    "rate_limit_anonymous_writes": "rate_limit.anonymous_writes",
    "request_max_body_bytes": "http.request_max_body_bytes",
    "request_max_json_depth": "http.request_max_json_depth",
    "request_body_timeout_seconds": "http.request_body_timeout_seconds",
    "http_keep_alive_seconds": "http.keep_alive_seconds",
    "http_parser": "http.parser",
    "http_max_header_bytes": "http.max_header_bytes",
    "http_limit_concurrency": "http.limit_concurrency",
    "forwarded_allow_ips": "http.forwarded_allow_ips",
    "processing_register_file": "processing.register_file",
    "processing_log_sinks": "processing.log_sinks",
    "processing_log_collector": "processing.log_collector",
    "processing_log_pseudonym_key": "processing.log_pseudonym_key",
    "case_types_dir": "zgw.case_types_dir",
    "zgw_client_secrets": "zgw.client_secrets",
    "zgw_notification_tokens": "zgw.notification_tokens",
    "zgw_timeout_seconds": "zgw.timeout_seconds",
    "zgw_bestandsdelen_threshold_bytes": "zgw.bestandsdelen_threshold_bytes",
    "openklant_tokens": "openklant.tokens",
    "translation_api_keys": "translation.api_keys",
    "translation_timeout_seconds": "translation.timeout_seconds",
    "openklant_poll_interval_seconds": "openklant.poll_interval_seconds",
    "openklant_poll_batch": "openklant.poll_batch",
    "zgw_clock_margin_seconds": "zgw.clock_margin_seconds",
    "reconcile_interval_seconds": "zgw.reconcile_interval_seconds",
    "storage_backend": "storage.backend",
    "storage_dir": "storage.dir",
    "s3_bucket": "s3.bucket",
    "s3_endpoint_url": "s3.endpoint_url",
    "s3_region": "s3.region",
    "s3_access_key_id": "s3.access_key_id",
    "s3_secret_access_key": "s3.secret_access_key",
    "s3_prefix": "s3.prefix",
    "s3_addressing_style": "s3.addressing_style",
    "s3_multipart_threshold_bytes": "s3.multipart_threshold_bytes",
    "s3_timeout_seconds": "s3.timeout_seconds",
    "upload_max_bytes": "upload.max_bytes",
    "upload_allowed_types": "upload.allowed_types",
    "upload_max_image_pixels": "upload.max_image_pixels",
    "upload_verify_max_seconds": "upload.verify_max_seconds",
    "volunteer_vog_max_age_days": "policy.volunteer_vog_max_age_days",
    "help_request_ageing_hours": "policy.help_request_ageing_hours",
    "signal_unanswered_working_days": "policy.signal_unanswered_working_days",
    "signal_journey_overdue_days": "policy.signal_journey_overdue_days",
    "report_min_cell_size": "policy.report_min_cell_size",
    "retention_interval_seconds": "retention.interval_seconds",
    "retention_idempotency_days": "retention.idempotency_days",
    "retention_auth_attempt_days": "retention.auth_attempt_days",
    "retention_finished_push_days": "retention.finished_push_days",
    "retention_read_notification_days": "retention.read_notification_days",
}


class Settings(BaseSettings):
    """All settings: a few that concern the whole application, and one section per thing
    configured. Rules that involve several sections are here; the others are in the section."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    env: Environment = Field(
        Environment.production,
        description="`demo`, `production` or `test`. Production refuses demo secrets and demo login.",
    )
    data_dir: Path = Field(Path(".welkom"), description="Directory for local data (SQLite, files).")
    secret_key: str = Field(
        DEMO_SECRET_KEY,
        min_length=32,
        description="Secret for signing and hashing session tokens. At least 32 characters; "
        "must be set in production.",
    )
    demo_login: bool = Field(
        False,
        description="Enable the demo login endpoint. Only allowed with `WELKOM_ENV=demo|test`.",
    )
    default_language: str = Field("nl", description="Language when nothing else is known.")
    public_base_url: str = Field(
        "http://localhost:8000",
        description="The address people reach Welkom at (no trailing slash); OpenID Connect "
        "redirect URIs are made from it.",
    )
    run_worker_in_process: bool = Field(
        False,
        description="Run the outbox worker inside the API process (the demo does; production "
        "runs `welkom worker` separately).",
    )
    local_register_refusal_file: Path | None = Field(
        None,
        description="Demos and tests only (refused in production): while this file exists, the "
        "embedded case register (`case_register = local`) refuses every registration with the "
        "problem details in it (JSON, as a ZGW register answers a 400), so registrations are "
        "parked for records management; removing the file is the fix a retry then finds. See "
        "docs/staff.md.",
    )
    shutdown_grace_seconds: int = Field(
        20,
        ge=1,
        le=600,
        description="On SIGTERM, how long requests (API) and deliveries (worker) under way may "
        "take to finish. The worker hands back at once the entries it claimed but had not "
        "started, and after this time those still under way. Keep it below the pod's "
        "terminationGracePeriodSeconds (30 s for the API in the chart).",
    )
    pwa_dir: Path | None = Field(
        None,
        description="Directory of the built PWA served at / (default: pwa/dist of this checkout "
        "when it exists; nothing is served at / without it).",
    )
    metrics_token: SecretStr | None = Field(
        None,
        min_length=16,
        description="Bearer token Prometheus must send to read `/metrics` (at least 16 "
        "characters). Unset: the endpoint answers 404.",
    )
    redis_url: str | None = Field(
        None,
        description="Redis URL (`redis://host:6379/0`) for state shared by several API "
        "processes: the rate-limit counters. Unset: kept in process memory (one process).",
    )

    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    log: LogSettings = Field(default_factory=LogSettings)
    session: SessionSettings = Field(default_factory=SessionSettings)
    oidc: OidcSettings = Field(default_factory=OidcSettings)
    activation: ActivationSettings = Field(default_factory=ActivationSettings)
    device: DeviceSettings = Field(default_factory=DeviceSettings)
    passkey: PasskeySettings = Field(default_factory=PasskeySettings)
    outbox: OutboxSettings = Field(default_factory=OutboxSettings)
    push: PushSettings = Field(default_factory=PushSettings)
    quota: QuotaSettings = Field(default_factory=QuotaSettings)
    rate_limit: RateLimitSettings = Field(default_factory=RateLimitSettings)
    http: HttpSettings = Field(default_factory=HttpSettings)
    processing: ProcessingSettings = Field(default_factory=ProcessingSettings)
    zgw: ZgwSettings = Field(default_factory=ZgwSettings)
    openklant: OpenKlantSettings = Field(default_factory=OpenKlantSettings)
    translation: TranslationSettings = Field(default_factory=TranslationSettings)
    storage: StorageSettings = Field(default_factory=StorageSettings)
    s3: S3Settings = Field(default_factory=S3Settings)
    upload: UploadSettings = Field(default_factory=UploadSettings)
    policy: PolicySettings = Field(default_factory=PolicySettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """The constructor's arguments, then the environment read under the flat names.

        Both give flat names, merged into one mapping before validation, so a keyword for one
        field of a section and a variable for another field of it both apply."""
        return init_settings, EnvSettingsSource(_FLAT_ENVIRONMENT)

    @model_validator(mode="before")
    @classmethod
    def _flat_names_into_sections(cls, data: Any) -> Any:
        """Moves each setting given by its flat name into its section. A value given in the
        section itself (``database={"url": …}``) wins over the same setting given flat, and a
        section given as a model is taken whole."""
        if not isinstance(data, Mapping):
            return data
        values, by_section = _split_by_section(data)
        for section, flat in by_section.items():
            given = values.get(section)
            if given is None:
                values[section] = flat
            elif isinstance(given, Mapping):
                values[section] = {**flat, **given}
        return values

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.env is Environment.production:
            problems = []
            if self.secret_key == DEMO_SECRET_KEY:
                problems.append("WELKOM_SECRET_KEY is the demo secret; set a random one")
            problems.extend(self._weak_secrets())
            if self.demo_login:
                problems.append("WELKOM_DEMO_LOGIN must be false in production")
            if not self.session.cookie_secure:
                problems.append("WELKOM_SESSION_COOKIE_SECURE must be true in production")
            if self.push.allow_insecure_endpoints:
                problems.append("WELKOM_PUSH_ALLOW_INSECURE_ENDPOINTS must be false in production")
            if self.local_register_refusal_file is not None:
                problems.append("WELKOM_LOCAL_REGISTER_REFUSAL_FILE is for demos and tests only")
            if self.push.vapid_private_key and self.push.vapid_subject.endswith("@welkom.invalid"):
                problems.append("WELKOM_VAPID_SUBJECT must name a real contact in production")
            if not self.public_base_url.startswith("https://"):
                problems.append("WELKOM_PUBLIC_BASE_URL must be an https:// address in production")
            if any(not p.issuer.startswith("https://") for p in self.oidc.providers):
                problems.append("every OpenID Connect issuer must be https:// in production")
            if self.s3.endpoint_url and not self.s3.endpoint_url.startswith("https://"):
                problems.append("WELKOM_S3_ENDPOINT_URL must be an https:// address in production")
            if problems:
                raise ValueError("refusing to start in production: " + "; ".join(problems))
        elif self.demo_login and self.env not in (Environment.demo, Environment.test):
            raise ValueError("WELKOM_DEMO_LOGIN is only allowed with WELKOM_ENV=demo or test")
        return self

    def _weak_secrets(self) -> list[str]:
        """Names of the secret settings that are too easy to guess, each with the remedy."""
        secrets: list[tuple[str, str]] = []
        if self.secret_key != DEMO_SECRET_KEY:  # refused as the demo secret already
            secrets.append(("WELKOM_SECRET_KEY", self.secret_key))
        if self.metrics_token is not None:
            secrets.append(("WELKOM_METRICS_TOKEN", self.metrics_token.get_secret_value()))
        if self.s3.secret_access_key is not None:
            secrets.append(
                ("WELKOM_S3_SECRET_ACCESS_KEY", self.s3.secret_access_key.get_secret_value())
            )
        secrets += [
            (f"WELKOM_ZGW_CLIENT_SECRETS[{code}]", value.get_secret_value())
            for code, value in self.zgw.client_secrets.items()
        ]
        secrets += [
            (f"WELKOM_ZGW_NOTIFICATION_TOKENS[{code}]", value.get_secret_value())
            for code, value in self.zgw.notification_tokens.items()
        ]
        secrets += [
            (f"WELKOM_TRANSLATION_API_KEYS[{code}]", value.get_secret_value())
            for code, value in self.translation.api_keys.items()
        ]
        secrets += [
            (f"WELKOM_OIDC_PROVIDERS[{p.key}].client_secret", p.client_secret)
            for p in self.oidc.providers
        ]
        return [
            f"{name} is too easy to guess (repeated characters, a small alphabet or an obvious "
            f"pattern); generate one with: {GENERATE_SECRET}"
            for name, value in secrets
            if is_weak_secret(value)
        ]

    @model_validator(mode="after")
    def _complete_object_storage(self) -> Settings:
        if self.storage.backend is StorageBackend.s3:
            if not self.s3.bucket:
                raise ValueError("WELKOM_S3_BUCKET is required with WELKOM_STORAGE_BACKEND=s3")
            if (self.s3.access_key_id is None) != (self.s3.secret_access_key is None):
                raise ValueError(
                    "WELKOM_S3_ACCESS_KEY_ID and WELKOM_S3_SECRET_ACCESS_KEY go together"
                )
        return self

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy as pydantic makes it (``update`` is not validated), where ``update`` takes flat
        names too: ``{"outbox_batch_size": 20}`` gives the copy a copy of ``outbox`` with that
        ``batch_size``, and leaves the original as it was. Sections not updated are shared
        unless ``deep``, as pydantic shares any nested model."""
        if not update:
            return super().model_copy(deep=deep)
        values, by_section = _split_by_section(update)
        for section, changes in by_section.items():
            current: BaseModel = getattr(self, section)
            values.setdefault(section, current.model_copy(update=changes, deep=deep))
        return super().model_copy(update=values, deep=deep)

    @property
    def case_types_path(self) -> Path:
        return self.zgw.case_types_dir or self.data_dir / "case-types"

    @property
    def storage_path(self) -> Path:
        return self.storage.dir or self.data_dir / "uploads"


def _split_by_section(
    values: Mapping[str, Any],
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """``values`` parted into those of :class:`Settings` itself and, by section, the settings
    given by their flat names (``database_url`` is ``url`` of ``database``)."""
    own: dict[str, Any] = {}
    by_section: dict[str, dict[str, Any]] = {}
    for name, value in values.items():
        section, _, field = SETTING_PATHS.get(name, name).rpartition(".")
        if section:
            by_section.setdefault(section, {})[field] = value
        else:
            own[name] = value
    return own, by_section


def _sections() -> dict[str, type[BaseModel]]:
    """The sections of :class:`Settings` by their field name."""
    return {
        name: field.annotation
        for name, field in Settings.model_fields.items()
        if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)
    }


def _setting_field(name: str) -> FieldInfo:
    """The field that holds the setting with this flat name."""
    section, _, field = SETTING_PATHS[name].rpartition(".")
    model = _sections()[section] if section else Settings
    return model.model_fields[field]


class _Environment(BaseSettings):
    """Base of the flat model the environment is read by (:func:`_flat_environment`)."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")


def _flat_environment() -> type[BaseSettings]:
    """A model with one field per flat name, typed as the field it fills: what pydantic-settings
    reads the ``WELKOM_*`` variables by (JSON for lists and objects, as for any field).

    Checks that :data:`SETTING_PATHS` names every field of every section exactly once."""
    sections = _sections()
    declared = {name for name in Settings.model_fields if name not in sections} | {
        f"{section}.{field}" for section, model in sections.items() for field in model.model_fields
    }
    listed = list(SETTING_PATHS.values())
    if sorted(listed) != sorted(declared):
        raise RuntimeError(
            "SETTING_PATHS must list every setting once; differences: "
            f"{sorted(set(listed) ^ declared) or 'listed twice'}"
        )
    fields: dict[str, Any] = {
        name: (_setting_field(name).annotation, None) for name in SETTING_PATHS
    }
    return create_model("FlatEnvironment", __base__=_Environment, **fields)


_FLAT_ENVIRONMENT = _flat_environment()


@lru_cache
def get_settings() -> Settings:
    return Settings()


def render_reference() -> str:
    """The configuration reference as Markdown, generated from :class:`Settings`."""
    lines = [
        "# Configuration reference",
        "",
        "Generated by `welkom config-reference` from `welkom.core.settings.Settings`; "
        "do not edit by hand.",
        "",
        "| variable | default | description |",
        "|---|---|---|",
    ]
    for name in SETTING_PATHS:
        field = _setting_field(name)
        default = field.get_default(call_default_factory=True, validated_data={})
        if name == "secret_key":
            default = "(demo secret; required in production)"
        elif isinstance(default, StrEnum):
            default = default.value
        lines.append(f"| `WELKOM_{name.upper()}` | `{default}` | {field.description} |")
    return "\n".join(lines) + "\n"
