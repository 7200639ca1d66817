# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Settings from ``WELKOM_*`` environment variables.

Read once per process through :func:`get_settings`; never at import time. Every field is
documented: ``welkom config-reference`` renders this class into docs/configuration.md.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

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


class StorageBackend(StrEnum):
    local = "local"
    s3 = "s3"


class S3AddressingStyle(StrEnum):
    path = "path"
    virtual = "virtual"


class OidcProvider(BaseModel):
    """One OpenID Connect issuer that signs people of one municipality in.

    Configured as a JSON list in ``WELKOM_OIDC_PROVIDERS`` (see docs/auth.md).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$", description="Used in URLs")
    municipality_code: str = Field(pattern=r"^\d{4}$", description="CBS gemeentecode")
    issuer: str = Field(min_length=8, description="Exact `iss`; discovery is read from it")
    client_id: str = Field(min_length=1)
    client_secret: str = Field(min_length=1)
    scopes: list[str] = Field(default_factory=lambda: ["openid", "profile"])
    roles_claim: str = Field("roles", description="Claim with roles; dots walk into objects")
    role_map: dict[str, str] = Field(
        default_factory=dict, description="IdP role name → product role (default: same name)"
    )
    allowed_roles: list[str] = Field(
        description="Product roles this issuer may grant; anything else is ignored"
    )
    link_only: bool = Field(
        False,
        description="Only sign in identities linked to an account before (residents: DigiD "
        "after an activation code). Otherwise a first login creates the account.",
    )
    display_name_claim: str = Field("name")
    api_audience: str | None = Field(
        None,
        description="If set, JWT access tokens (RFC 9068) from this issuer whose `aud` holds "
        "this value are accepted as bearer tokens (a municipality's own API clients)",
    )

    @model_validator(mode="after")
    def _api_audience_is_not_the_client(self) -> OidcProvider:
        if self.api_audience is not None and self.api_audience == self.client_id:
            raise ValueError(
                "api_audience must differ from client_id (ID tokens are not API tokens)"
            )
        return self


ProcessingLogSink = Literal["database", "jsonl"]


def _default_processing_log_sinks() -> list[ProcessingLogSink]:
    return ["database"]


class Environment(StrEnum):
    demo = "demo"
    production = "production"
    test = "test"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WELKOM_", extra="ignore")

    env: Environment = Field(
        Environment.production,
        description="`demo`, `production` or `test`. Production refuses demo secrets and demo login.",
    )
    database_url: str = Field(
        "sqlite+aiosqlite:///.welkom/welkom.db",
        description="SQLAlchemy async URL: `postgresql+asyncpg://…` in production, "
        "`sqlite+aiosqlite:///path` for the embedded default.",
    )
    database_pool_size: int = Field(10, ge=1, description="Connection pool size (PostgreSQL).")
    database_pool_pre_ping: bool = Field(
        False,
        description="Test each pooled connection with a round trip before every use. Off: a "
        "connection the server dropped fails one request, after which the whole pool is "
        "replaced; on: that request survives, every request pays one more round trip.",
    )
    database_pool_recycle_seconds: int = Field(
        1800,
        ge=-1,
        description="Replace pooled connections older than this (-1: never), so connections cut "
        "by a proxy or firewall idle timeout are not reused.",
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
    log_level: str = Field("INFO", description="Log level (DEBUG, INFO, WARNING, ERROR).")
    log_json: bool = Field(True, description="Emit JSON log lines (false: human-readable).")

    session_cookie_name: str = Field("welkom_session", description="Name of the session cookie.")
    session_cookie_secure: bool = Field(
        True, description="Send the session cookie only over HTTPS. Must stay true in production."
    )
    session_idle_timeout_seconds: int = Field(
        30 * 60, ge=60, description="A session ends after this much inactivity."
    )
    session_absolute_timeout_seconds: int = Field(
        12 * 3600, ge=300, description="A session ends this long after login, whatever happens."
    )

    public_base_url: str = Field(
        "http://localhost:8000",
        description="The address people reach Welkom at (no trailing slash); OpenID Connect "
        "redirect URIs are made from it.",
    )
    oidc_providers: list[OidcProvider] = Field(
        default_factory=list,
        description="OpenID Connect issuers as a JSON list, one or more per municipality "
        "(staff IdP, volunteer IdP, DigiD broker); fields in docs/auth.md.",
    )
    oidc_metadata_cache_seconds: int = Field(
        3600, ge=0, description="How long a provider's discovery document and keys are cached."
    )
    oidc_http_timeout_seconds: float = Field(
        10.0, gt=0, description="Timeout for calls to an OpenID Connect provider."
    )
    oidc_login_timeout_seconds: int = Field(
        600, ge=60, description="Time allowed between starting a login and its callback."
    )
    activation_code_ttl_seconds: int = Field(
        72 * 3600, ge=300, le=30 * 24 * 3600, description="An activation code expires after this."
    )
    activation_max_failures: int = Field(
        10,
        ge=1,
        description="Wrong activation codes allowed per client address within the window "
        "(residents at an intake desk may share one address).",
    )
    activation_failure_window_seconds: int = Field(
        15 * 60, ge=60, description="Window for counting wrong activation codes."
    )
    device_credential_days: int = Field(
        180, ge=1, le=400, description="Lifetime of a resident's sign-in-on-this-phone credential."
    )
    device_reuse_grace_seconds: int = Field(
        10,
        ge=0,
        le=60,
        description="A rotated device credential presented again within this many seconds "
        "(two requests of one phone racing) is refused without revoking its family; later, "
        "the replay revokes the family.",
    )
    webauthn_rp_id: str | None = Field(
        None,
        description="Passkeys: the WebAuthn relying party id, a registrable domain the PWA is "
        "served from (e.g. welkom.example.nl). Empty: the host of public_base_url. Passkeys are "
        "bound to it: changing it makes every registered passkey unusable.",
    )
    webauthn_origin: str | None = Field(
        None,
        description="Passkeys: the origin the browser reports (scheme://host[:port]). Empty: "
        "public_base_url.",
    )
    passkey_challenge_seconds: int = Field(
        300, ge=30, le=900, description="Time allowed to answer a passkey challenge."
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
    outbox_poll_interval_seconds: float = Field(
        1.0, gt=0, description="How often an idle worker looks for due outbox entries."
    )
    outbox_batch_size: int = Field(50, ge=1, le=1000, description="Entries claimed at once.")
    outbox_concurrency: int = Field(8, ge=1, le=256, description="Deliveries in flight per worker.")
    outbox_lease_seconds: int = Field(
        300,
        ge=5,
        description="A claimed entry not completed within this time is claimed again "
        "(its worker is presumed dead).",
    )
    outbox_backoff_base_seconds: float = Field(
        2.0, gt=0, description="First retry delay; doubles each attempt (with full jitter)."
    )
    outbox_backoff_max_seconds: float = Field(
        3600.0, gt=0, description="Longest delay between two attempts. Entries are never dropped."
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
    vapid_private_key: str | None = Field(
        None,
        description="Web Push VAPID private key (PEM, or the raw 32-byte key base64url-encoded). "
        "Takes precedence over `WELKOM_VAPID_PRIVATE_KEY_FILE`. Generate with `welkom push keys`.",
    )
    vapid_private_key_file: Path | None = Field(
        None,
        description="File holding the VAPID private key (PEM). Default: "
        "`<data_dir>/vapid_private_key.pem`, where `welkom push keys` writes it.",
    )
    vapid_subject: str = Field(
        "mailto:push@welkom.invalid",
        pattern=r"^(mailto:|https://)",
        description="VAPID `sub` claim: a contact for the push services (`mailto:` or "
        "`https:`). Must be a real contact in production.",
    )
    push_allowed_hosts: list[str] = Field(
        [
            "fcm.googleapis.com",
            "updates.push.services.mozilla.com",
            "web.push.apple.com",
            "*.notify.windows.com",
        ],
        description="Push service hosts a subscription endpoint may point at (JSON list), matched "
        "exactly; `*.example.org` stands for one name label before `example.org` (WNS gives each "
        "device a regional host). Anything else is refused, so the server never posts to internal "
        "hosts.",
    )
    push_allow_insecure_endpoints: bool = Field(
        False,
        description="Accept `http://` push endpoints (tests with a loopback push service only). "
        "Refused in production.",
    )
    push_timeout_seconds: float = Field(
        10.0, gt=0, description="Time limit for one request to a push service."
    )
    push_default_time_zone: str = Field(
        "Europe/Amsterdam",
        description="Time zone for quiet hours when the recipient has not chosen one (IANA name).",
    )
    push_default_quiet_hours: str = Field(
        "22:00-07:00",
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$",
        description="Quiet hours (local `HH:MM-HH:MM`) when the recipient has not chosen any: "
        "pushes due then wait until the end. Equal times mean no quiet hours.",
    )
    metrics_token: SecretStr | None = Field(
        None,
        min_length=16,
        description="Bearer token Prometheus must send to read `/metrics` (at least 16 "
        "characters). Unset: the endpoint answers 404.",
    )

    question_max_length: int = Field(4000, ge=100, description="Longest question text accepted.")

    quota_questions_per_hour: int = Field(
        20, ge=1, description="Questions one resident may send per hour (429 beyond)."
    )
    quota_uploads_per_day: int = Field(
        30, ge=1, description="Documents one resident may upload per 24 hours (429 beyond)."
    )
    quota_stored_bytes_per_resident: int = Field(
        200 * 1024 * 1024,
        ge=1024,
        description="Total size of the documents kept for one resident (409 beyond).",
    )
    quota_push_devices_per_account: int = Field(
        10,
        ge=1,
        le=10,
        description="Devices one account may register for push (409 beyond; at most 10). A "
        "notification is pushed to this many of the account's newest devices at most.",
    )
    quota_open_help_requests: int = Field(
        5,
        ge=1,
        description="Help requests one resident may have open or claimed at once (409 beyond).",
    )
    case_deliveries_per_minute: int = Field(
        60,
        ge=0,
        description="Registrations (questions, documents, answers) the outbox worker sends to "
        "one municipality's case system per minute, counted over all workers; more wait "
        "their turn and none is lost (0: no limit).",
    )
    push_max_attempts: int = Field(
        8,
        ge=1,
        le=100,
        description="Tries of one push to one device (429, 5xx, network errors) before that "
        "push is dropped as failed.",
    )
    push_max_failures: int = Field(
        3,
        ge=1,
        le=100,
        description="Failed pushes in a row (refused, dropped after `WELKOM_PUSH_MAX_ATTEMPTS`) "
        "after which a device's subscription is removed; a push that arrives resets the count.",
    )

    redis_url: str | None = Field(
        None,
        description="Redis URL (`redis://host:6379/0`) for state shared by several API "
        "processes: the rate-limit counters. Unset: kept in process memory (one process).",
    )
    rate_limit_enabled: bool = Field(
        True, description="Enforce the rate limits below (answer 429 with `Retry-After`)."
    )
    rate_limit_window_seconds: int = Field(
        60, ge=1, le=3600, description="Length of the fixed window the rate limits count in."
    )
    rate_limit_logins: int = Field(
        30,
        ge=1,
        description="Sign-ins (demo, device, passkey, OpenID Connect start and callback) per "
        "client address per window.",
    )
    rate_limit_activations: int = Field(
        20,
        ge=1,
        description="Activation-code redemptions per client address per window (wrong codes "
        "are limited further by `WELKOM_ACTIVATION_MAX_FAILURES`).",
    )
    rate_limit_writes: int = Field(
        120, ge=1, description="Writes (POST, PUT, PATCH, DELETE) per signed-in account per window."
    )
    rate_limit_anonymous_writes: int = Field(
        60, ge=1, description="Writes by callers not signed in, per client address per window."
    )
    request_max_body_bytes: int = Field(
        1024 * 1024,
        ge=1024,
        description="Largest request body accepted (413 beyond); document uploads have "
        "`WELKOM_UPLOAD_MAX_BYTES`.",
    )
    request_max_json_depth: int = Field(
        32,
        ge=2,
        le=256,
        description="Deepest nesting of arrays and objects in a JSON body (400 beyond).",
    )
    request_body_timeout_seconds: float = Field(
        60.0,
        gt=0,
        description="Time a client has to send the whole request body (408 beyond): slow "
        "clients cannot hold a worker.",
    )
    http_keep_alive_seconds: int = Field(
        5, ge=1, description="`welkom serve`: close idle keep-alive connections after this long."
    )
    http_parser: Literal["auto", "h11", "httptools"] = Field(
        "auto",
        description="`welkom serve`: HTTP/1.1 parser. `auto` takes httptools when installed "
        "(faster); `h11` also bounds header size while reading (the app refuses oversized "
        "headers with 431 under any parser).",
    )
    http_max_header_bytes: int = Field(
        16 * 1024,
        ge=1024,
        description="Largest path, query and headers of a request: the app answers 431 beyond "
        "(any server or parser); `welkom serve` with the h11 parser also stops reading (400).",
    )
    http_limit_concurrency: int | None = Field(
        None,
        ge=1,
        description="`welkom serve`: most connections and tasks per process before answering "
        "503 (unset: no limit).",
    )
    forwarded_allow_ips: str = Field(
        "",
        description="`welkom serve`: addresses or networks (comma-separated) of the reverse "
        "proxies whose `X-Forwarded-For` is trusted as the client address (rate limits count "
        "per client address); `*` trusts any. Empty (the default): nobody, not even loopback, "
        "so the header is ignored.",
    )

    @field_validator("push_default_time_zone")
    @classmethod
    def _known_time_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    processing_register_file: Path | None = Field(
        None,
        description="TOML file mapping each processing purpose to the id of the processing "
        "activity in the municipality's register (a default and per-gemeentecode overrides; "
        "default: the demo register shipped with Welkom). Validated at start-up. See "
        "docs/processing-log.md.",
    )
    processing_log_sinks: list[ProcessingLogSink] = Field(
        default_factory=_default_processing_log_sinks,
        description="Where processing-log records go: `database` (the `processing_record` "
        "table; the resident's access log reads it, so it is required) and optionally `jsonl` "
        "(JSON lines to WELKOM_PROCESSING_LOG_COLLECTOR). JSON list, e.g. "
        '`["database","jsonl"]`.',
    )
    processing_log_collector: str = Field(
        "stdout",
        max_length=500,
        description="With the `jsonl` sink: `stdout`, a file path (appended to) or an "
        "http(s):// URL that receives each record as one JSON line (POST).",
    )
    processing_log_pseudonym_key: SecretStr | None = Field(
        None,
        description="Key of the keyed hash (HMAC-SHA256) that pseudonymises data-subject ids in "
        "the processing log. Keep it stable: a new key detaches earlier records from a "
        "resident's access log. Default: derived from WELKOM_SECRET_KEY (then rotating that key "
        "detaches them too): set it in production.",
    )

    case_types_dir: Path | None = Field(
        None,
        description="Directory of the case-type files of municipalities on a ZGW case system, "
        "one `<gemeentecode>.toml` each (default: `<data_dir>/case-types`). Validated at start-up.",
    )
    zgw_client_secrets: dict[str, SecretStr] = Field(
        default_factory=dict,
        description="JSON object: gemeentecode → the JWT secret of that municipality's ZGW "
        "client_id (the client_id and API URLs are in the municipality's settings). Never logged.",
    )
    zgw_notification_tokens: dict[str, SecretStr] = Field(
        default_factory=dict,
        description="JSON object: gemeentecode → the token the Notificaties API sends back "
        "(`Authorization: Bearer <token>`) on callbacks; set in the abonnement by "
        "`welkom cases subscribe`. Callbacks without it are refused.",
    )
    zgw_timeout_seconds: float = Field(
        15.0, gt=0, description="Timeout of one request to a ZGW API (then retried with backoff)."
    )
    zgw_bestandsdelen_threshold_bytes: int = Field(
        4 * 1024 * 1024,
        ge=1024,
        description="Documents larger than this are sent to the Documenten API in bestandsdelen.",
    )
    openklant_tokens: dict[str, SecretStr] = Field(
        default_factory=dict,
        description="JSON object: gemeentecode → the API token of that municipality's Klantinteracties "
        "API (Open Klant, `Authorization: Token <token>`); the URL and the team's actor are in the "
        "municipality's settings (`welkom municipalities set-klantcontact`). Never logged.",
    )
    translation_api_keys: dict[str, SecretStr] = Field(
        default_factory=dict,
        description="JSON object: gemeentecode → the API key of that municipality's machine-"
        "translation server (LibreTranslate `api_key`), for servers that require one; the "
        "server's URL is set through the admin API (`PUT /api/v1/admin/translation-server`). "
        "Never logged.",
    )
    translation_timeout_seconds: float = Field(
        10.0,
        gt=0,
        le=120,
        description="Timeout of one request to a municipality's machine-translation server "
        "(then the caseworker gets a 503 and can try again).",
    )
    openklant_poll_interval_seconds: float = Field(
        60.0,
        gt=0,
        description="How often a worker asks Open Klant for answers registered there.",
    )
    openklant_poll_batch: int = Field(
        50, ge=1, description="Questions checked for new answers per poll round (then the next)."
    )
    zgw_clock_margin_seconds: float = Field(
        5.0,
        ge=0,
        le=3600,
        description='"Now" values sent to a ZGW API (datumStatusGezet) are this much in the '
        "past, so a register whose clock is behind Welkom's does not refuse them as "
        "date-in-future.",
    )
    reconcile_interval_seconds: float = Field(
        900.0,
        ge=0,
        description="How often a worker polls the ZGW case system for status changes a missed "
        "notification would have brought (0: never).",
    )
    storage_backend: StorageBackend = Field(
        StorageBackend.local,
        description="Where uploaded files are kept: `local` (a directory, see "
        "`WELKOM_STORAGE_DIR`) or `s3` (an S3-compatible object store, see `WELKOM_S3_*`).",
    )
    storage_dir: Path | None = Field(
        None,
        description="With `local` storage: where uploaded files are kept (default: "
        "`<data_dir>/uploads`).",
    )
    s3_bucket: str = Field(
        "",
        description="With `s3` storage: the bucket (created beforehand; Welkom never creates it).",
    )
    s3_endpoint_url: str | None = Field(
        None,
        description="With `s3` storage: the object store's URL (e.g. `https://minio.example.org`); "
        "empty for Amazon S3 itself.",
    )
    s3_region: str | None = Field(
        None, description="With `s3` storage: the region (empty: the SDK's default)."
    )
    s3_access_key_id: SecretStr | None = Field(
        None,
        description="With `s3` storage: the access key id (empty: the SDK's default credential "
        "chain, e.g. a workload identity). Never logged.",
    )
    s3_secret_access_key: SecretStr | None = Field(
        None, description="With `s3` storage: the secret access key. Never logged."
    )
    s3_prefix: str = Field(
        "",
        pattern=r"^([A-Za-z0-9._-]+/)*$",
        description="With `s3` storage: a prefix for every object name, ending in `/` (e.g. "
        "`welkom/`), to share a bucket.",
    )
    s3_addressing_style: S3AddressingStyle = Field(
        S3AddressingStyle.path,
        description="With `s3` storage: `path` (bucket in the path, what MinIO and most "
        "self-hosted stores want) or `virtual` (bucket in the host name).",
    )
    s3_multipart_threshold_bytes: int = Field(
        8 * 1024 * 1024,
        ge=5 * 1024 * 1024,
        description="With `s3` storage: files larger than this are uploaded in parts of this "
        "size, each checksummed by the object store.",
    )
    s3_timeout_seconds: float = Field(
        30.0, gt=0, description="With `s3` storage: connect and read timeout of one request."
    )
    upload_max_bytes: int = Field(
        10 * 1024 * 1024, ge=1024, description="Largest document a resident may upload."
    )
    upload_allowed_types: list[str] = Field(
        default_factory=lambda: ["application/pdf", "image/jpeg", "image/png", "image/heic"],
        description="Content types residents may upload (JSON list), sniffed from the bytes.",
    )
    upload_max_image_pixels: int = Field(
        40_000_000,
        ge=1_000_000,
        le=200_000_000,
        description="An uploaded image with more pixels (width × height) is refused before it "
        "is decoded (decompression bombs).",
    )
    upload_verify_max_seconds: float = Field(
        10.0,
        gt=0,
        le=60,
        description="A PDF whose verification takes longer than this is refused (checked "
        "between its objects).",
    )
    volunteer_vog_max_age_days: int = Field(
        3 * 365,
        ge=1,
        description="A coordinator can vet a volunteer only with a VOG issued at most this many "
        "days ago.",
    )
    help_request_ageing_hours: float = Field(
        48.0,
        gt=0,
        description="Open help requests unclaimed for longer than this show in the "
        "coordinator's ageing list.",
    )
    signal_unanswered_working_days: int = Field(
        2,
        ge=1,
        description="A resident's question without a caseworker answer for more than this many "
        "working days (Monday to Friday) becomes a signal.",
    )
    signal_journey_overdue_days: int = Field(
        7,
        ge=0,
        description="A journey step not done this many days after its due date becomes a signal.",
    )
    report_min_cell_size: int = Field(
        5,
        ge=2,
        description="Report cells counting fewer persons than this are suppressed, with "
        "complementary suppression so they cannot be recovered from totals.",
    )

    retention_interval_seconds: float = Field(
        3600.0,
        ge=0,
        description="How often a worker deletes expired bookkeeping rows (see docs/operations.md, "
        "Retention; 0: never, then run `welkom prune` from a CronJob).",
    )
    retention_idempotency_days: int = Field(
        30,
        ge=1,
        description="How long the answer to a request with an `Idempotency-Key` is kept for "
        "replay. Longer than a phone may stay offline with a request it already sent.",
    )
    retention_auth_attempt_days: int = Field(
        30, ge=1, description="How long failed sign-in and activation attempts are kept."
    )
    retention_finished_push_days: int = Field(
        30, ge=1, description="How long sent or dropped push deliveries are kept."
    )
    retention_read_notification_days: int = Field(
        365, ge=1, description="How long inbox items are kept after the person read them."
    )

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.env is Environment.production:
            problems = []
            if self.secret_key == DEMO_SECRET_KEY:
                problems.append("WELKOM_SECRET_KEY is the demo secret; set a random one")
            problems.extend(self._weak_secrets())
            if self.demo_login:
                problems.append("WELKOM_DEMO_LOGIN must be false in production")
            if not self.session_cookie_secure:
                problems.append("WELKOM_SESSION_COOKIE_SECURE must be true in production")
            if self.push_allow_insecure_endpoints:
                problems.append("WELKOM_PUSH_ALLOW_INSECURE_ENDPOINTS must be false in production")
            if self.local_register_refusal_file is not None:
                problems.append("WELKOM_LOCAL_REGISTER_REFUSAL_FILE is for demos and tests only")
            if self.vapid_private_key and self.vapid_subject.endswith("@welkom.invalid"):
                problems.append("WELKOM_VAPID_SUBJECT must name a real contact in production")
            if not self.public_base_url.startswith("https://"):
                problems.append("WELKOM_PUBLIC_BASE_URL must be an https:// address in production")
            if any(not p.issuer.startswith("https://") for p in self.oidc_providers):
                problems.append("every OpenID Connect issuer must be https:// in production")
            if self.s3_endpoint_url and not self.s3_endpoint_url.startswith("https://"):
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
        if self.s3_secret_access_key is not None:
            secrets.append(
                ("WELKOM_S3_SECRET_ACCESS_KEY", self.s3_secret_access_key.get_secret_value())
            )
        secrets += [
            (f"WELKOM_ZGW_CLIENT_SECRETS[{code}]", value.get_secret_value())
            for code, value in self.zgw_client_secrets.items()
        ]
        secrets += [
            (f"WELKOM_ZGW_NOTIFICATION_TOKENS[{code}]", value.get_secret_value())
            for code, value in self.zgw_notification_tokens.items()
        ]
        secrets += [
            (f"WELKOM_TRANSLATION_API_KEYS[{code}]", value.get_secret_value())
            for code, value in self.translation_api_keys.items()
        ]
        secrets += [
            (f"WELKOM_OIDC_PROVIDERS[{p.key}].client_secret", p.client_secret)
            for p in self.oidc_providers
        ]
        return [
            f"{name} is too easy to guess (repeated characters, a small alphabet or an obvious "
            f"pattern); generate one with: {GENERATE_SECRET}"
            for name, value in secrets
            if is_weak_secret(value)
        ]

    @field_validator("s3_endpoint_url", "s3_region", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @model_validator(mode="after")
    def _complete_object_storage(self) -> Settings:
        if self.storage_backend is StorageBackend.s3:
            if not self.s3_bucket:
                raise ValueError("WELKOM_S3_BUCKET is required with WELKOM_STORAGE_BACKEND=s3")
            if (self.s3_access_key_id is None) != (self.s3_secret_access_key is None):
                raise ValueError(
                    "WELKOM_S3_ACCESS_KEY_ID and WELKOM_S3_SECRET_ACCESS_KEY go together"
                )
        return self

    @model_validator(mode="after")
    def _processing_log_in_database(self) -> Settings:
        if "database" not in self.processing_log_sinks:
            raise ValueError(
                "WELKOM_PROCESSING_LOG_SINKS must include `database`: the resident's access "
                "log is read from it"
            )
        return self

    @model_validator(mode="after")
    def _unique_provider_keys(self) -> Settings:
        keys = [p.key for p in self.oidc_providers]
        if len(keys) != len(set(keys)):
            raise ValueError("WELKOM_OIDC_PROVIDERS: every provider needs its own key")
        return self

    def oidc_provider(self, key: str) -> OidcProvider | None:
        return next((p for p in self.oidc_providers if p.key == key), None)

    @property
    def case_types_path(self) -> Path:
        return self.case_types_dir or self.data_dir / "case-types"

    @property
    def storage_path(self) -> Path:
        return self.storage_dir or self.data_dir / "uploads"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


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
    for name, field in Settings.model_fields.items():
        default = field.get_default(call_default_factory=True, validated_data={})
        if name == "secret_key":
            default = "(demo secret; required in production)"
        elif isinstance(default, StrEnum):
            default = default.value
        lines.append(f"| `WELKOM_{name.upper()}` | `{default}` | {field.description} |")
    return "\n".join(lines) + "\n"
