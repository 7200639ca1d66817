# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The sections of :class:`welkom.core.settings.Settings`, one model for each thing configured.

A field keeps the name of its environment variable without the section's prefix where that
prefix is the section's name (``WELKOM_DATABASE_URL`` is ``settings.database.url``), and its
whole name otherwise (``WELKOM_WEBAUTHN_RP_ID`` is ``settings.passkey.webauthn_rp_id``);
``SETTING_PATHS`` in :mod:`welkom.core.settings` lists every variable with its place.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator


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
    display_name: str | None = Field(
        None,
        max_length=100,
        description='Shown on the back office\'s sign-in button ("Sign in with …"); default: '
        "the municipality's name",
    )
    review_languages_claim: str | None = Field(
        None,
        description="Claim with the languages a translation reviewer reviews (codes, a list or "
        "space-separated; dots walk into objects). If set, they follow the IdP at every login, "
        "and a reviewer without any gets no reviewer role. Unset: accounts keep theirs",
    )
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


class _Section(BaseModel):
    """A group of settings; unknown names are refused (a misspelt key is never ignored)."""

    model_config = ConfigDict(extra="forbid")


class DatabaseSettings(_Section):
    """The database and its connection pool (``WELKOM_DATABASE_*``)."""

    url: str = Field(
        "sqlite+aiosqlite:///.welkom/welkom.db",
        description="SQLAlchemy async URL: `postgresql+asyncpg://…` in production, "
        "`sqlite+aiosqlite:///path` for the embedded default.",
    )
    pool_size: int = Field(10, ge=1, description="Connection pool size (PostgreSQL).")
    pool_pre_ping: bool = Field(
        False,
        description="Test each pooled connection with a round trip before every use. Off: a "
        "connection the server dropped fails one request, after which the whole pool is "
        "replaced; on: that request survives, every request pays one more round trip.",
    )
    pool_recycle_seconds: int = Field(
        1800,
        ge=-1,
        description="Replace pooled connections older than this (-1: never), so connections cut "
        "by a proxy or firewall idle timeout are not reused.",
    )

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")


class LogSettings(_Section):
    """The process's log lines (``WELKOM_LOG_*``). ``WELKOM_LOG_JSON`` fills ``json_lines``: a
    field called ``json`` would hide pydantic's method of that name."""

    level: str = Field("INFO", description="Log level (DEBUG, INFO, WARNING, ERROR).")
    json_lines: bool = Field(True, description="Emit JSON log lines (false: human-readable).")


class SessionSettings(_Section):
    """Sign-in sessions and their cookie (``WELKOM_SESSION_*``)."""

    cookie_name: str = Field("welkom_session", description="Name of the session cookie.")
    cookie_secure: bool = Field(
        True, description="Send the session cookie only over HTTPS. Must stay true in production."
    )
    idle_timeout_seconds: int = Field(
        30 * 60, ge=60, description="A session ends after this much inactivity."
    )
    absolute_timeout_seconds: int = Field(
        12 * 3600, ge=300, description="A session ends this long after login, whatever happens."
    )


class OidcSettings(_Section):
    """The OpenID Connect issuers people sign in with (``WELKOM_OIDC_*``)."""

    providers: list[OidcProvider] = Field(
        default_factory=list,
        description="OpenID Connect issuers as a JSON list, one or more per municipality "
        "(staff IdP, volunteer IdP, DigiD broker); fields in docs/auth.md.",
    )
    metadata_cache_seconds: int = Field(
        3600, ge=0, description="How long a provider's discovery document and keys are cached."
    )
    http_timeout_seconds: float = Field(
        10.0, gt=0, description="Timeout for calls to an OpenID Connect provider."
    )
    login_timeout_seconds: int = Field(
        600, ge=60, description="Time allowed between starting a login and its callback."
    )

    @model_validator(mode="after")
    def _unique_provider_keys(self) -> OidcSettings:
        keys = [p.key for p in self.providers]
        if len(keys) != len(set(keys)):
            raise ValueError("WELKOM_OIDC_PROVIDERS: every provider needs its own key")
        return self

    def provider(self, key: str) -> OidcProvider | None:
        return next((p for p in self.providers if p.key == key), None)


class ActivationSettings(_Section):
    """Activation codes, with which a resident links an account to a phone
    (``WELKOM_ACTIVATION_*``)."""

    code_ttl_seconds: int = Field(
        72 * 3600, ge=300, le=30 * 24 * 3600, description="An activation code expires after this."
    )
    max_failures: int = Field(
        10,
        ge=1,
        description="Wrong activation codes allowed per client address within the window "
        "(residents at an intake desk may share one address).",
    )
    failure_window_seconds: int = Field(
        15 * 60, ge=60, description="Window for counting wrong activation codes."
    )


class DeviceSettings(_Section):
    """A resident's sign-in-on-this-phone credential (``WELKOM_DEVICE_*``)."""

    credential_days: int = Field(
        180, ge=1, le=400, description="Lifetime of a resident's sign-in-on-this-phone credential."
    )
    reuse_grace_seconds: int = Field(
        10,
        ge=0,
        le=60,
        description="A rotated device credential presented again within this many seconds "
        "(two requests of one phone racing) is refused without revoking its family; later, "
        "the replay revokes the family.",
    )


class PasskeySettings(_Section):
    """Passkeys: the WebAuthn relying party (``WELKOM_WEBAUTHN_*``) and the time to
    answer a challenge (``WELKOM_PASSKEY_CHALLENGE_SECONDS``)."""

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
    challenge_seconds: int = Field(
        300, ge=30, le=900, description="Time allowed to answer a passkey challenge."
    )


class OutboxSettings(_Section):
    """The outbox worker that delivers to case systems and push services
    (``WELKOM_OUTBOX_*``, ``WELKOM_CASE_DELIVERIES_PER_MINUTE``)."""

    poll_interval_seconds: float = Field(
        1.0, gt=0, description="How often an idle worker looks for due outbox entries."
    )
    batch_size: int = Field(50, ge=1, le=1000, description="Entries claimed at once.")
    concurrency: int = Field(8, ge=1, le=256, description="Deliveries in flight per worker.")
    lease_seconds: int = Field(
        300,
        ge=5,
        description="A claimed entry not completed within this time is claimed again "
        "(its worker is presumed dead).",
    )
    backoff_base_seconds: float = Field(
        2.0, gt=0, description="First retry delay; doubles each attempt (with full jitter)."
    )
    backoff_max_seconds: float = Field(
        3600.0, gt=0, description="Longest delay between two attempts. Entries are never dropped."
    )
    case_deliveries_per_minute: int = Field(
        60,
        ge=0,
        description="Registrations (questions, documents, answers) the outbox worker sends to "
        "one municipality's case system per minute, counted over all workers; more wait "
        "their turn and none is lost (0: no limit).",
    )


class PushSettings(_Section):
    """Web Push: the VAPID key and contact (``WELKOM_VAPID_*``), the push services
    posted to and when (``WELKOM_PUSH_*``)."""

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
    allowed_hosts: list[str] = Field(
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
    allow_insecure_endpoints: bool = Field(
        False,
        description="Accept `http://` push endpoints (tests with a loopback push service only). "
        "Refused in production.",
    )
    timeout_seconds: float = Field(
        10.0, gt=0, description="Time limit for one request to a push service."
    )
    default_time_zone: str = Field(
        "Europe/Amsterdam",
        description="Time zone for quiet hours when the recipient has not chosen one (IANA name).",
    )
    default_quiet_hours: str = Field(
        "22:00-07:00",
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$",
        description="Quiet hours (local `HH:MM-HH:MM`) when the recipient has not chosen any: "
        "pushes due then wait until the end. Equal times mean no quiet hours.",
    )
    max_attempts: int = Field(
        8,
        ge=1,
        le=100,
        description="Tries of one push to one device (429, 5xx, network errors) before that "
        "push is dropped as failed.",
    )
    max_failures: int = Field(
        3,
        ge=1,
        le=100,
        description="Failed pushes in a row (refused, dropped after `WELKOM_PUSH_MAX_ATTEMPTS`) "
        "after which a device's subscription is removed; a push that arrives resets the count.",
    )

    @field_validator("default_time_zone")
    @classmethod
    def _known_time_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value


class QuotaSettings(_Section):
    """What one resident or account may send and keep (``WELKOM_QUOTA_*``)."""

    questions_per_hour: int = Field(
        20, ge=1, description="Questions one resident may send per hour (429 beyond)."
    )
    uploads_per_day: int = Field(
        30, ge=1, description="Documents one resident may upload per 24 hours (429 beyond)."
    )
    stored_bytes_per_resident: int = Field(
        200 * 1024 * 1024,
        ge=1024,
        description="Total size of the documents kept for one resident (409 beyond).",
    )
    push_devices_per_account: int = Field(
        10,
        ge=1,
        le=10,
        description="Devices one account may register for push (409 beyond; at most 10). A "
        "notification is pushed to this many of the account's newest devices at most.",
    )
    open_help_requests: int = Field(
        5,
        ge=1,
        description="Help requests one resident may have open or claimed at once (409 beyond).",
    )


class RateLimitSettings(_Section):
    """Requests per client address or account per window (``WELKOM_RATE_LIMIT_*``)."""

    enabled: bool = Field(
        True, description="Enforce the rate limits below (answer 429 with `Retry-After`)."
    )
    window_seconds: int = Field(
        60, ge=1, le=3600, description="Length of the fixed window the rate limits count in."
    )
    logins: int = Field(
        30,
        ge=1,
        description="Sign-ins (demo, device, passkey, OpenID Connect start and callback) per "
        "client address per window.",
    )
    activations: int = Field(
        20,
        ge=1,
        description="Activation-code redemptions per client address per window (wrong codes "
        "are limited further by `WELKOM_ACTIVATION_MAX_FAILURES`).",
    )
    writes: int = Field(
        120, ge=1, description="Writes (POST, PUT, PATCH, DELETE) per signed-in account per window."
    )
    anonymous_writes: int = Field(
        60, ge=1, description="Writes by callers not signed in, per client address per window."
    )


class HttpSettings(_Section):
    """HTTP requests: what the app accepts (``WELKOM_REQUEST_*``) and how ``welkom serve``
    serves them (``WELKOM_HTTP_*``, ``WELKOM_FORWARDED_ALLOW_IPS``)."""

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
    keep_alive_seconds: int = Field(
        5, ge=1, description="`welkom serve`: close idle keep-alive connections after this long."
    )
    parser: Literal["auto", "h11", "httptools"] = Field(
        "auto",
        description="`welkom serve`: HTTP/1.1 parser. `auto` takes httptools when installed "
        "(faster); `h11` also bounds header size while reading (the app refuses oversized "
        "headers with 431 under any parser).",
    )
    max_header_bytes: int = Field(
        16 * 1024,
        ge=1024,
        description="Largest path, query and headers of a request: the app answers 431 beyond "
        "(any server or parser); `welkom serve` with the h11 parser also stops reading (400).",
    )
    limit_concurrency: int | None = Field(
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


class ProcessingSettings(_Section):
    """The processing log and the register of processing activities it refers to
    (``WELKOM_PROCESSING_*``)."""

    register_file: Path | None = Field(
        None,
        description="TOML file mapping each processing purpose to the id of the processing "
        "activity in the municipality's register (a default and per-gemeentecode overrides; "
        "default: the demo register shipped with Welkom). Validated at start-up. See "
        "docs/processing-log.md.",
    )
    log_sinks: list[ProcessingLogSink] = Field(
        default_factory=_default_processing_log_sinks,
        description="Where processing-log records go: `database` (the `processing_record` "
        "table; the resident's access log reads it, so it is required) and optionally `jsonl` "
        "(JSON lines to WELKOM_PROCESSING_LOG_COLLECTOR). JSON list, e.g. "
        '`["database","jsonl"]`.',
    )
    log_collector: str = Field(
        "stdout",
        max_length=500,
        description="With the `jsonl` sink: `stdout`, a file path (appended to) or an "
        "http(s):// URL that receives each record as one JSON line (POST).",
    )
    log_pseudonym_key: SecretStr | None = Field(
        None,
        description="Key of the keyed hash (HMAC-SHA256) that pseudonymises data-subject ids in "
        "the processing log. Keep it stable: a new key detaches earlier records from a "
        "resident's access log. Default: derived from WELKOM_SECRET_KEY (then rotating that key "
        "detaches them too): set it in production.",
    )

    @model_validator(mode="after")
    def _processing_log_in_database(self) -> ProcessingSettings:
        if "database" not in self.log_sinks:
            raise ValueError(
                "WELKOM_PROCESSING_LOG_SINKS must include `database`: the resident's access "
                "log is read from it"
            )
        return self


class ZgwSettings(_Section):
    """Municipalities whose case system speaks the ZGW APIs: their case types, credentials
    and the calls to them (``WELKOM_ZGW_*``, ``WELKOM_CASE_TYPES_DIR``,
    ``WELKOM_RECONCILE_INTERVAL_SECONDS``)."""

    case_types_dir: Path | None = Field(
        None,
        description="Directory of the case-type files of municipalities on a ZGW case system, "
        "one `<gemeentecode>.toml` each (default: `<data_dir>/case-types`). Validated at start-up.",
    )
    client_secrets: dict[str, SecretStr] = Field(
        default_factory=dict,
        description="JSON object: gemeentecode → the JWT secret of that municipality's ZGW "
        "client_id (the client_id and API URLs are in the municipality's settings). Never logged.",
    )
    notification_tokens: dict[str, SecretStr] = Field(
        default_factory=dict,
        description="JSON object: gemeentecode → the token the Notificaties API sends back "
        "(`Authorization: Bearer <token>`) on callbacks; set in the abonnement by "
        "`welkom cases subscribe`. Callbacks without it are refused.",
    )
    timeout_seconds: float = Field(
        15.0, gt=0, description="Timeout of one request to a ZGW API (then retried with backoff)."
    )
    bestandsdelen_threshold_bytes: int = Field(
        4 * 1024 * 1024,
        ge=1024,
        description="Documents larger than this are sent to the Documenten API in bestandsdelen.",
    )
    clock_margin_seconds: float = Field(
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


class OpenKlantSettings(_Section):
    """Municipalities that keep questions in Open Klant, the Klantinteracties API
    (``WELKOM_OPENKLANT_*``)."""

    tokens: dict[str, SecretStr] = Field(
        default_factory=dict,
        description="JSON object: gemeentecode → the API token of that municipality's Klantinteracties "
        "API (Open Klant, `Authorization: Token <token>`); the URL and the team's actor are in the "
        "municipality's settings (`welkom municipalities set-klantcontact`). Never logged.",
    )
    poll_interval_seconds: float = Field(
        60.0,
        gt=0,
        description="How often a worker asks Open Klant for answers registered there.",
    )
    poll_batch: int = Field(
        50, ge=1, description="Questions checked for new answers per poll round (then the next)."
    )


class TranslationSettings(_Section):
    """Municipalities' machine-translation servers (``WELKOM_TRANSLATION_*``)."""

    api_keys: dict[str, SecretStr] = Field(
        default_factory=dict,
        description="JSON object: gemeentecode → the API key of that municipality's machine-"
        "translation server (LibreTranslate `api_key`), for servers that require one; the "
        "server's URL is set through the admin API (`PUT /api/v1/admin/translation-server`). "
        "Never logged.",
    )
    timeout_seconds: float = Field(
        10.0,
        gt=0,
        le=120,
        description="Timeout of one request to a municipality's machine-translation server "
        "(then the caseworker gets a 503 and can try again).",
    )


class StorageSettings(_Section):
    """Where uploaded files are kept (``WELKOM_STORAGE_*``); the object store itself is
    :class:`S3Settings`."""

    backend: StorageBackend = Field(
        StorageBackend.local,
        description="Where uploaded files are kept: `local` (a directory, see "
        "`WELKOM_STORAGE_DIR`) or `s3` (an S3-compatible object store, see `WELKOM_S3_*`).",
    )
    dir: Path | None = Field(
        None,
        description="With `local` storage: where uploaded files are kept (default: "
        "`<data_dir>/uploads`).",
    )


class S3Settings(_Section):
    """The S3-compatible object store used with ``WELKOM_STORAGE_BACKEND=s3``
    (``WELKOM_S3_*``)."""

    bucket: str = Field(
        "",
        description="With `s3` storage: the bucket (created beforehand; Welkom never creates it).",
    )
    endpoint_url: str | None = Field(
        None,
        description="With `s3` storage: the object store's URL (e.g. `https://minio.example.org`); "
        "empty for Amazon S3 itself.",
    )
    region: str | None = Field(
        None, description="With `s3` storage: the region (empty: the SDK's default)."
    )
    access_key_id: SecretStr | None = Field(
        None,
        description="With `s3` storage: the access key id (empty: the SDK's default credential "
        "chain, e.g. a workload identity). Never logged.",
    )
    secret_access_key: SecretStr | None = Field(
        None, description="With `s3` storage: the secret access key. Never logged."
    )
    prefix: str = Field(
        "",
        pattern=r"^([A-Za-z0-9._-]+/)*$",
        description="With `s3` storage: a prefix for every object name, ending in `/` (e.g. "
        "`welkom/`), to share a bucket.",
    )
    addressing_style: S3AddressingStyle = Field(
        S3AddressingStyle.path,
        description="With `s3` storage: `path` (bucket in the path, what MinIO and most "
        "self-hosted stores want) or `virtual` (bucket in the host name).",
    )
    multipart_threshold_bytes: int = Field(
        8 * 1024 * 1024,
        ge=5 * 1024 * 1024,
        description="With `s3` storage: files larger than this are uploaded in parts of this "
        "size, each checksummed by the object store.",
    )
    timeout_seconds: float = Field(
        30.0, gt=0, description="With `s3` storage: connect and read timeout of one request."
    )

    @field_validator("endpoint_url", "region", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value


class UploadSettings(_Section):
    """Documents residents upload (``WELKOM_UPLOAD_*``)."""

    max_bytes: int = Field(
        10 * 1024 * 1024, ge=1024, description="Largest document a resident may upload."
    )
    allowed_types: list[str] = Field(
        default_factory=lambda: ["application/pdf", "image/jpeg", "image/png", "image/heic"],
        description="Content types residents may upload (JSON list), sniffed from the bytes.",
    )
    max_image_pixels: int = Field(
        40_000_000,
        ge=1_000_000,
        le=200_000_000,
        description="An uploaded image with more pixels (width × height) is refused before it "
        "is decoded (decompression bombs).",
    )
    verify_max_seconds: float = Field(
        10.0,
        gt=0,
        le=60,
        description="A PDF whose verification takes longer than this is refused (checked "
        "between its objects).",
    )


class PolicySettings(_Section):
    """Thresholds of the municipality's work: vetting volunteers, ageing help requests,
    signals to caseworkers and small cells in reports (each named as its variable)."""

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


class RetentionSettings(_Section):
    """How long bookkeeping rows are kept, and how often they are pruned
    (``WELKOM_RETENTION_*``)."""

    interval_seconds: float = Field(
        3600.0,
        ge=0,
        description="How often a worker deletes expired bookkeeping rows (see docs/operations.md, "
        "Retention; 0: never, then run `welkom prune` from a CronJob).",
    )
    idempotency_days: int = Field(
        30,
        ge=1,
        description="How long the answer to a request with an `Idempotency-Key` is kept for "
        "replay. Longer than a phone may stay offline with a request it already sent.",
    )
    auth_attempt_days: int = Field(
        30, ge=1, description="How long failed sign-in and activation attempts are kept."
    )
    finished_push_days: int = Field(
        30, ge=1, description="How long sent or dropped push deliveries are kept."
    )
    read_notification_days: int = Field(
        365, ge=1, description="How long inbox items are kept after the person read them."
    )
