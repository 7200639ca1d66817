# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Routing interactions into the municipality's case register through the outbox."""

from __future__ import annotations

import asyncio
import contextlib
import mimetypes
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from welkom.cases import casetypes
from welkom.cases.casetypes import CaseType, CaseTypeFile, CaseTypeFileError
from welkom.cases.local import LocalCaseRegister
from welkom.cases.models import CaseStatus
from welkom.cases.ports import CaseDocument, CaseRegister, RegistrationRequest, RegistrationResult
from welkom.cases.zgw import StepObserver, ZGWCaseRegister, ZGWConfig, ZGWConfigError
from welkom.core.i18n import iso639_2b
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.core.unit_of_work import unit_of_work
from welkom.interactions import reference as case_reference
from welkom.interactions import service as interactions
from welkom.interactions.models import Interaction, InteractionKind
from welkom.klantcontact import service as klantcontact
from welkom.municipalities import service as municipalities
from welkom.municipalities.models import Municipality
from welkom.notifications import kinds as notification_kinds
from welkom.notifications import service as notifications
from welkom.outbox.models import OutboxEntry
from welkom.outbox.worker import Completion, PermanentDeliveryError
from welkom.processing import service as processing
from welkom.storage import storage_for
from welkom.storage.ports import Storage, StorageError
from welkom.zgw.errors import CaseRegisterError, CaseRegisterRefused

log = structlog.get_logger("welkom.cases")
RegisterResolver = Callable[[Municipality], CaseRegister]


def identificatie_for(interaction_id: uuid.UUID) -> str:
    """The zaak identificatie, derived from the interaction id (≤ 40 characters)."""
    return interactions.zaak_identificatie_for(interaction_id)


def toelichting_for(reference: str) -> str:
    """The zaak's toelichting: the short reference the resident reads out (no personal data)."""
    return f"Welkom-referentie {case_reference.display(reference)}"


def extension_for(content_type: str) -> str:
    """The file extension of a (verified) content type, so the register serves the download
    with it (without one Open Zaak serves ``.bin``); empty when the type has none known."""
    return mimetypes.guess_extension(content_type.split(";")[0].strip(), strict=False) or ""


class CaseConfigurationError(RuntimeError):
    """A municipality's case routing is misconfigured: refuse to start (message says why)."""


class CaseRouting:
    """Per municipality: its case register and its case types.

    ZGW registers are kept per municipality (their HTTP connections are reused). Case-type
    files are read once and again when they change on disk, so a records manager's fix is
    picked up by a retry without a restart.
    """

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        settings: Settings | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        observer: StepObserver | None = None,
        storage: Storage | None = None,
    ) -> None:
        self.session_factory = session_factory
        self._settings = settings
        self.transport, self.observer = transport, observer
        self._storage = storage
        self._registers: dict[uuid.UUID, ZGWCaseRegister] = {}
        self._files: dict[Path, tuple[float, CaseTypeFile]] = {}

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from welkom.core.settings import get_settings

            self._settings = get_settings()
        return self._settings

    @property
    def storage(self) -> Storage:
        if self._storage is None:
            self._storage = storage_for(self.settings)
        return self._storage

    def case_type_path(self, municipality: Municipality) -> Path:
        name = municipality.case_register_settings.get("case_types_file") or (
            f"{municipality.code}.toml"
        )
        return self.settings.case_types_path / name

    def case_types(self, municipality: Municipality) -> CaseTypeFile:
        path = self.case_type_path(municipality)
        try:
            mtime = path.stat().st_mtime
        except FileNotFoundError:
            raise CaseTypeFileError(f"case-type file {path} does not exist") from None
        cached = self._files.get(path)
        if cached is None or cached[0] != mtime:
            cached = (mtime, casetypes.load_file(path))
            self._files[path] = cached
        return cached[1]

    def case_type(self, municipality: Municipality, kind: str) -> CaseType:
        if municipality.case_register == "zgw":
            return self.case_types(municipality).for_kind(kind)
        return casetypes.for_kind(kind)

    def zgw_config(self, municipality: Municipality) -> ZGWConfig:
        return ZGWConfig.from_settings(
            municipality.code,
            municipality.case_register_settings,
            self.settings.zgw.client_secrets,
            timeout=self.settings.zgw.timeout_seconds,
            bestandsdelen_threshold=self.settings.zgw.bestandsdelen_threshold_bytes,
            clock_margin_seconds=self.settings.zgw.clock_margin_seconds,
        )

    def zgw(self, municipality: Municipality) -> ZGWCaseRegister:
        register = self._registers.get(municipality.id)
        if register is None:
            register = ZGWCaseRegister(
                self.zgw_config(municipality), transport=self.transport, observer=self.observer
            )
            self._registers[municipality.id] = register
        return register

    def register_for(self, municipality: Municipality) -> CaseRegister:
        if municipality.case_register == "zgw":
            return self.zgw(municipality)
        # The refusal switch is a demo and test setting: a routing made without settings (a
        # worker for tests) has none, and needs no settings for the local register at all.
        refusal_file = self._settings.local_register_refusal_file if self._settings else None
        return LocalCaseRegister(self.session_factory, refusal_file=refusal_file)

    def forget(self, municipality_id: uuid.UUID) -> None:
        """Drop the cached register of a municipality whose settings changed (its open
        connections close with the process)."""
        self._registers.pop(municipality_id, None)

    async def aclose(self) -> None:
        for register in self._registers.values():
            await register.aclose()
        self._registers.clear()

    async def validate(self) -> list[str]:
        """Every configuration problem of every municipality (empty: all is well)."""
        problems = []
        async with self.session_factory() as db:
            rows = (await db.execute(select(Municipality))).scalars().all()
        for municipality in rows:
            problems += klantcontact.config_problems(municipality, self.settings.openklant.tokens)
            if municipality.case_register == "local":
                continue
            if municipality.case_register != "zgw":
                problems.append(
                    f"municipality {municipality.code}: unknown case_register "
                    f"{municipality.case_register!r} (local | zgw)"
                )
                continue
            try:
                self.case_types(municipality)
            except CaseTypeFileError as exc:
                problems.append(f"municipality {municipality.code}: {exc}")
            try:
                self.zgw_config(municipality)
            except ZGWConfigError as exc:
                problems.append(str(exc))
        return problems

    async def assert_valid(self) -> None:
        if problems := await self.validate():
            raise CaseConfigurationError(
                "refusing to start: case routing is misconfigured:\n" + "\n".join(problems)
            )


#: What the resident is told when the case system holds what they sent.
REGISTERED_NOTIFICATION = {
    InteractionKind.question: notification_kinds.QUESTION_REGISTERED,
    InteractionKind.document: notification_kinds.DOCUMENT_REGISTERED,
}


class CaseRegistrationHandler:
    """What the outbox handlers that register something in a zaak share: the municipality's
    case type for the interaction's kind, the registration request, and the call to its
    register, with configuration and refusals parked (:class:`PermanentDeliveryError`) and
    everything else retried."""

    #: Counts against the municipality's case-system rate (``WELKOM_CASE_DELIVERIES_PER_MINUTE``).
    case_system_rate_limited = True

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        resolve_register: RegisterResolver | None = None,
        *,
        routing: CaseRouting | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.routing = routing or CaseRouting(session_factory)
        self.resolve_register = resolve_register or self.routing.register_for

    def case_type(self, municipality: Municipality, kind: InteractionKind) -> CaseType:
        """The municipality's own case type for ``kind``: local, or from its ZGW catalogue."""
        try:
            return self.routing.case_type(municipality, kind)
        except (CaseTypeFileError, LookupError) as exc:
            raise PermanentDeliveryError(str(exc)) from exc

    @staticmethod
    def request(
        municipality: Municipality,
        case_type: CaseType,
        *,
        kind: InteractionKind,
        interaction_id: uuid.UUID,
        reference: str,
        started: datetime,
        resident_id: uuid.UUID,
        document: CaseDocument,
    ) -> RegistrationRequest:
        """The registration of one interaction's zaak (identificatie derived from its id, so
        registering again finds the same zaak) with ``document`` in it."""
        return RegistrationRequest(
            municipality_id=municipality.id,
            bronorganisatie=municipality.rsin,
            interaction_kind=kind,
            identificatie=identificatie_for(interaction_id),
            zaaktype=case_type.zaaktype,
            vertrouwelijkheidaanduiding=case_type.vertrouwelijkheidaanduiding,
            omschrijving=case_type.omschrijving,
            toelichting=toelichting_for(reference),
            startdatum=started.date(),
            initiator_reference=resident_id.hex,
            document=document,
            informatieobjecttype=case_type.informatieobjecttype,
            statustype=case_type.initial_statustype,
            roltype=case_type.roltype,
        )

    async def register(
        self, municipality: Municipality, request: RegistrationRequest
    ) -> RegistrationResult:
        """Send ``request`` to the municipality's register; park what it can never accept."""
        try:
            register = self.resolve_register(municipality)
        except ZGWConfigError as exc:
            raise PermanentDeliveryError(str(exc)) from exc
        try:
            return await register.register(request)
        except CaseRegisterRefused as exc:
            raise PermanentDeliveryError(str(exc)) from exc


class RegisterInteractionHandler(CaseRegistrationHandler):
    """Outbox handler: registers one interaction as a zaak with its document."""

    async def deliver(self, entry: OutboxEntry) -> Completion:
        started_at = utcnow()
        async with self.session_factory() as db:
            interaction = await interactions.for_registration(db, entry.reference)
            municipality = await municipalities.get(db, interaction.municipality_id)
            stored = (
                await interactions.document_for(db, interaction.id)
                if interaction.kind == InteractionKind.document
                else None
            )
        kind = InteractionKind(interaction.kind)
        case_type = self.case_type(municipality, kind)
        identificatie = identificatie_for(interaction.id)
        if stored is not None:
            try:
                content = await self.routing.storage.get(stored.storage_key, sha256=stored.sha256)
            except StorageError as exc:
                raise PermanentDeliveryError(f"StorageError: {exc}") from exc
            formaat = stored.content_type
            bestandsnaam = f"{identificatie}-1{extension_for(stored.content_type)}"
        else:
            content, formaat, bestandsnaam = (
                interaction.text.encode(),
                "text/plain; charset=utf-8",
                f"{identificatie}-1.txt",
            )
        request = self.request(
            municipality,
            case_type,
            kind=kind,
            interaction_id=interaction.id,
            reference=interaction.reference,
            started=interaction.created_at,
            resident_id=interaction.resident_id,
            document=CaseDocument(
                identificatie=f"{identificatie}-1",
                titel=case_type.document_titel,
                taal=iso639_2b(interaction.language),
                formaat=formaat,
                inhoud=content,
                bestandsnaam=bestandsnaam,
            ),
        )
        result = await self.register(municipality, request)

        async def record(db: AsyncSession) -> None:
            await interactions.record_registration(
                db, interaction.id, result.zaak_identificatie, result.zaak_url
            )
            await processing.record(
                db,
                municipality_id=interaction.municipality_id,
                resident_ids=(interaction.resident_id,),
                purpose="case_registration",
                action="deliver",
                resource="case_system.zaak",
                fields=(str(interaction.kind),),
                description="Registration in the municipality's case system",
                started_at=started_at,
            )
            if interaction.kind == InteractionKind.question:  # its klantcontact names the zaak
                await klantcontact.enqueue_question(db, municipality, interaction.id)
            # Tell the resident, in this same transaction: exactly once, with the registration.
            await notifications.notify_resident(
                db,
                municipality_id=interaction.municipality_id,
                resident_id=interaction.resident_id,
                kind=REGISTERED_NOTIFICATION[kind],
                reference_id=interaction.id,
            )

        return record

    async def parked(self, db: AsyncSession, entry: OutboxEntry, error: str) -> None:
        await interactions.record_parked(db, entry.reference)


# ------------------------------------------------------------------------- status back


async def record_status(
    db: AsyncSession,
    *,
    interaction_id: uuid.UUID,
    municipality_id: uuid.UUID,
    status_url: str,
    statustype: str,
    status_set_at: datetime,
) -> bool:
    """Store the zaak's current status; True if it changed (caller commits)."""
    row = await db.get(CaseStatus, interaction_id)
    if row is not None and row.status_url == status_url:
        return False
    if row is None:
        row = CaseStatus(
            interaction_id=interaction_id,
            municipality_id=municipality_id,
            status_url=status_url,
            statustype=statustype,
            status_set_at=status_set_at,
        )
        db.add(row)
    else:
        row.status_url, row.statustype = status_url, statustype
        row.status_set_at, row.updated_at = status_set_at, utcnow()
    return True


async def refresh_status(
    db: AsyncSession, routing: CaseRouting, municipality: Municipality, zaak_url: str
) -> bool:
    """Fetch the zaak's status from the case system and store it; True if it changed."""
    interaction = await interactions.by_zaak_url(db, municipality.id, zaak_url)
    if interaction is None:
        return False  # not one of ours (another application's zaak on the same channel)
    current = await routing.zgw(municipality).zaak_status(zaak_url)
    if current is None:
        return False
    status_url, statustype, set_at = current
    before = await db.get(CaseStatus, interaction.id)
    previous = before.statustype if before is not None else None
    changed = await record_status(
        db,
        interaction_id=interaction.id,
        municipality_id=municipality.id,
        status_url=status_url,
        statustype=statustype,
        status_set_at=datetime.fromisoformat(set_at.replace("Z", "+00:00")),
    )
    if changed and _resident_sees_new_status(
        routing, municipality, interaction, previous, statustype
    ):
        await notifications.notify_resident(
            db,
            municipality_id=municipality.id,
            resident_id=interaction.resident_id,
            kind=notification_kinds.CASE_STATUS_CHANGED,
            reference_id=interaction.id,
        )
    return changed


def _resident_sees_new_status(
    routing: CaseRouting,
    municipality: Municipality,
    interaction: Interaction,
    previous: str | None,
    statustype: str,
) -> bool:
    """Whether the resident is told: the statustype (what their app shows) changed. The first
    status, set when Welkom made the zaak, is what "registered" already told them."""
    if previous is not None:
        return previous != statustype
    try:
        initial = routing.case_type(municipality, interaction.kind).initial_statustype
    except (CaseTypeFileError, LookupError):
        initial = None
    return statustype != initial


async def reconcile(routing: CaseRouting) -> dict[str, int]:
    """Poll every registered zaak of ZGW municipalities (a missed notification changes nothing
    for long). Returns counts: checked, changed, failed."""
    counts = {"checked": 0, "changed": 0, "failed": 0}
    async with unit_of_work(routing.session_factory) as db:
        zgw_municipalities = (
            (await db.execute(select(Municipality).where(col(Municipality.case_register) == "zgw")))
            .scalars()
            .all()
        )
        for municipality in zgw_municipalities:
            for interaction in await interactions.registered(db, municipality.id):
                counts["checked"] += 1
                try:
                    if await refresh_status(db, routing, municipality, interaction.zaak_url or ""):
                        counts["changed"] += 1
                except (CaseRegisterError, CaseRegisterRefused, ZGWConfigError):
                    counts["failed"] += 1
    log.info("cases_reconciled", **counts)
    return counts


async def statuses_for(
    db: AsyncSession, interaction_ids: list[uuid.UUID]
) -> dict[uuid.UUID, CaseStatus]:
    if not interaction_ids:
        return {}
    rows = await db.execute(
        select(CaseStatus).where(col(CaseStatus.interaction_id).in_(interaction_ids))
    )
    return {row.interaction_id: row for row in rows.scalars()}


# ------------------------------------------------------------------------- administration


async def check_catalogi(routing: CaseRouting, municipality: Municipality) -> list[str]:
    """Check the municipality's case-type file against its Catalogi API; returns problems."""
    problems: list[str] = []
    register = routing.zgw(municipality)
    client = register.client

    async def fetch(url: str, what: str) -> dict[str, Any] | None:
        try:
            found: dict[str, Any] = await client.get_json(url)
            return found
        except CaseRegisterRefused:
            problems.append(f"{what} {url} does not exist in the Catalogi API")
        except CaseRegisterError as exc:
            problems.append(f"{what} {url} could not be read: {exc}")
        return None

    for kind, case_type in routing.case_types(municipality).kinds.items():
        zaaktype = await fetch(case_type.zaaktype, f"kinds.{kind}: zaaktype")
        if zaaktype is None:
            continue
        if zaaktype.get("concept"):
            problems.append(f"kinds.{kind}: zaaktype is a concept (not published)")
        if case_type.informatieobjecttype not in zaaktype.get("informatieobjecttypen", []):
            problems.append(f"kinds.{kind}: informatieobjecttype is not one of the zaaktype's")
        else:
            await fetch(case_type.informatieobjecttype, f"kinds.{kind}: informatieobjecttype")
        for status in case_type.statuses:
            if status.statustype not in zaaktype.get("statustypen", []):
                problems.append(
                    f"kinds.{kind}: statustype {status.statustype} is not one of the zaaktype's"
                )
        unlabelled = set(zaaktype.get("statustypen", [])) - {
            s.statustype for s in case_type.statuses
        }
        for url in sorted(unlabelled):
            problems.append(f"kinds.{kind}: statustype {url} has no resident-friendly label")
        if case_type.roltype:
            await fetch(case_type.roltype, f"kinds.{kind}: roltype")
        else:
            try:
                await register.roltype_for(case_type.zaaktype)
            except CaseRegisterRefused:
                problems.append(f"kinds.{kind}: the zaaktype has no initiator roltype")
    return problems


ZGW_SETTING_KEYS = (
    "zaken_api", "documenten_api", "catalogi_api", "notificaties_api", "client_id",
    "user_id", "user_representation", "case_types_file",
)  # fmt: skip


async def set_register(
    routing: CaseRouting, code: str, register: str, values: dict[str, str]
) -> list[str]:
    """Switch municipality ``code`` to ``register`` (``local`` | ``zgw``) with its ZGW settings.

    Validated first, the same way the API checks at start (settings complete, API URLs http(s),
    the secret in the environment, a valid case-type file): any problem is returned and nothing
    is changed. Switching to ``local`` keeps the ZGW settings (switching back needs none)."""
    async with unit_of_work(routing.session_factory) as db:
        municipality = await municipalities.by_code(db, code)
        if municipality is None:
            return [f"no municipality with code {code}"]
        if register not in ("local", "zgw"):
            return [f"unknown case register {register!r} (local | zgw)"]
        merged = dict(municipality.case_register_settings)
        if register == "zgw":
            unknown = sorted(set(values) - set(ZGW_SETTING_KEYS))
            if unknown:
                return [f"unknown setting(s): {', '.join(unknown)}"]
            merged |= {key: value for key, value in values.items() if value}
            problems = [
                f"{key} must be an http(s) URL"
                for key in ("zaken_api", "documenten_api", "catalogi_api", "notificaties_api")
                if merged.get(key) and urlsplit(merged[key]).scheme not in ("http", "https")
            ]
            candidate = Municipality(
                code=municipality.code,
                name=municipality.name,
                rsin=municipality.rsin,
                case_register="zgw",
                case_register_settings=merged,
            )
            try:
                routing.zgw_config(candidate)
            except ZGWConfigError as exc:
                problems.append(str(exc))
            try:
                routing.case_types(candidate)
            except CaseTypeFileError as exc:
                problems.append(str(exc))
            if problems:
                return problems
        municipality.case_register = register
        municipality.case_register_settings = merged
    routing.forget(municipality.id)
    return []


async def subscribe(
    routing: CaseRouting, municipality: Municipality, callback_url: str, token: str
) -> str:
    """Create the abonnement (kanaal ``zaken``, this municipality's zaken); returns its URL.

    The Notificaties API tests the callback first: Welkom must answer 2xx with the token and
    refuse without it, so the app must be running with ``WELKOM_ZGW_NOTIFICATION_TOKENS`` set.
    """
    config = routing.zgw_config(municipality)
    if not config.notificaties_api:
        raise ZGWConfigError(
            f"municipality {municipality.code}: case_register_settings lacks notificaties_api"
        )
    response = await routing.zgw(municipality).client.send(
        "POST",
        f"{config.notificaties_api}/abonnement",
        json={
            "callbackUrl": callback_url,
            "auth": f"Bearer {token}",
            "kanalen": [{"naam": "zaken", "filters": {"bronorganisatie": municipality.rsin}}],
        },
    )
    url: str = response.json()["url"]
    return url


async def reconcile_periodically(
    routing: CaseRouting, settings: Settings, stop: asyncio.Event
) -> None:
    """Reconcile every ``reconcile_interval_seconds`` until ``stop`` (in `welkom worker`)."""
    if settings.zgw.reconcile_interval_seconds <= 0:
        return
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), settings.zgw.reconcile_interval_seconds)
            return
        try:
            await reconcile(routing)
        except Exception as exc:  # the database is away: try again next round, never die
            log.warning("cases_reconcile_failed", error_type=type(exc).__name__)
