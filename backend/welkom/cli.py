# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The ``welkom`` command."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from welkom import __version__

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from welkom.cases.service import CaseRouting
    from welkom.core.identity import Principal
    from welkom.core.settings import Settings
    from welkom.municipalities.models import Municipality

T = TypeVar("T")


def _settings(**overrides: Any) -> Settings:
    from pydantic import ValidationError

    from welkom.core.settings import Settings

    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise click.ClickException(_first_error(exc)) from None


def _first_error(exc: Exception) -> str:
    errors: list[dict[str, Any]] = getattr(exc, "errors", lambda: [])()
    return "; ".join(str(e.get("msg")) for e in errors) or str(exc)


@click.group()
@click.version_option(__version__, prog_name="welkom")
def main() -> None:
    """Welkom: status holders' own app, routed into the municipality's case records."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--data-dir", default=".welkom", show_default=True, type=click.Path(file_okay=False))
def demo(host: str, port: int, data_dir: str) -> None:
    """Start the demo: SQLite, local case register, seeded demo municipality."""
    import uvicorn

    from welkom.app import create_served_app
    from welkom.core.database import create_engine, migrate, session_factory
    from welkom.core.unit_of_work import unit_of_work
    from welkom.demo.seed import DEMO_LOGINS, seed
    from welkom.web import pwa_directory

    directory = Path(data_dir).resolve()
    settings = _settings(
        env="demo",
        data_dir=directory,
        database_url=f"sqlite+aiosqlite:///{directory / 'welkom.db'}",
        demo_login=True,
        session_cookie_secure=False,
        run_worker_in_process=True,
        outbox_poll_interval_seconds=0.5,
        log_json=False,
    )

    async def run() -> None:
        engine = create_engine(settings)
        click.echo(f"Database: {directory / 'welkom.db'}")
        click.echo("Applying migrations …")
        await migrate(engine)
        async with unit_of_work(session_factory(engine)) as db:
            created = await seed(db)
        click.echo("Seeded the demo municipality." if created else "Demo data already present.")
        from welkom.notifications import vapid

        if vapid.load(settings) is None:  # the demo sends Web Push out of the box
            vapid.generate(vapid.key_file(settings))
            click.echo(f"Generated VAPID keys in {vapid.key_file(settings)}.")
        base = f"http://{host}:{port}"
        click.echo(f"\nWelkom demo running at {base}  (Ctrl+C stops it)")
        click.echo(f"  OpenAPI document:  {base}/schema")
        if pwa_directory(settings) is not None:
            click.echo(f"  The app (PWA):     {base}/")
        click.echo('  Demo logins (POST /api/v1/auth/demo-login with {"login": "…"}):')
        for login in DEMO_LOGINS:
            click.echo(f"    {login.role:<16} {login.login:<21} {login.description}")
        click.echo(
            "\n  Try it:\n"
            f"    TOKEN=$(curl -s {base}/api/v1/auth/demo-login -H 'content-type: application/json' "
            '-d \'{"login":"demo-resident"}\' | python3 -c \'import json,sys; print(json.load(sys.stdin)["token"])\')\n'
            f'    curl -s {base}/api/v1/me/questions -H "Authorization: Bearer $TOKEN" '
            '-H \'content-type: application/json\' -d \'{"text":"Wanneer krijg ik een huis?","language":"nl"}\'\n'
            f'    curl -s {base}/api/v1/me/questions -H "Authorization: Bearer $TOKEN"\n'
        )
        app = create_served_app(settings, engine=engine)
        server = uvicorn.Server(
            uvicorn.Config(app, host=host, port=port, **server_limits(settings))
        )
        await server.serve()

    asyncio.run(run())


@main.command()
@click.option("--host", default="0.0.0.0", show_default=True)  # noqa: S104 - a server binds all
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int, help="API processes.")
def serve(host: str, port: int, workers: int) -> None:
    """Serve the API (production). Configure with WELKOM_* variables; run `welkom migrate` first."""
    import uvicorn

    settings = _settings()  # refuse to start on an unsafe configuration before forking
    click.echo(f"Serving the Welkom API on {host}:{port} with {workers} process(es)")
    # uvicorn handles SIGTERM while it serves (stop accepting, let requests under way finish)
    # and then raises the signal again with this handler back: exit 0, a graceful stop, not
    # death by signal.
    signal.signal(signal.SIGTERM, _stopped_by_sigterm)
    uvicorn.run(
        "welkom.app:create_served_app", factory=True, host=host, port=port, workers=workers,
        **server_limits(settings),
    )  # fmt: skip


def _stopped_by_sigterm(_signum: int, _frame: object) -> None:
    click.echo("Stopped on SIGTERM.")
    raise SystemExit(0)


def server_limits(settings: Settings) -> dict[str, Any]:
    """uvicorn options bounding slow and hostile clients (docs/operations.md, "Limits")."""
    return {
        "log_config": None,
        "access_log": False,
        "proxy_headers": bool(settings.http.forwarded_allow_ips.strip()),  # none trusted by default
        "forwarded_allow_ips": settings.http.forwarded_allow_ips,
        "timeout_keep_alive": settings.http.keep_alive_seconds,
        "h11_max_incomplete_event_size": settings.http.max_header_bytes,
        "limit_concurrency": settings.http.limit_concurrency,
        "http": settings.http.parser,  # h11 bounds header size; httptools is faster
        # SIGTERM: stop accepting, let requests under way finish, then cancel what is left.
        "timeout_graceful_shutdown": settings.shutdown_grace_seconds,
    }


@main.command()
@click.option("--revision", default="head", show_default=True)
def migrate(revision: str) -> None:
    """Bring the database schema up to date."""
    from welkom.core.database import create_engine, current_revision
    from welkom.core.database import migrate as run_migrations

    settings = _settings()

    async def run() -> None:
        engine = create_engine(settings)
        click.echo(
            f"Database at {await current_revision(engine) or '(empty)'}; migrating to {revision} …"
        )
        await run_migrations(engine, revision)
        click.echo(f"Database now at {await current_revision(engine)}.")
        await engine.dispose()

    asyncio.run(run())


@main.command()
def prune() -> None:
    """Delete expired bookkeeping rows once (the worker does this every hour)."""
    from welkom.core.database import assert_migrated, create_engine, session_factory
    from welkom.core.unit_of_work import unit_of_work
    from welkom.retention.service import prune as prune_expired

    settings = _settings()

    async def run() -> None:
        engine = create_engine(settings)
        await assert_migrated(engine)
        async with unit_of_work(session_factory(engine)) as db:
            pruned = await prune_expired(db, settings)
        await engine.dispose()
        for name, count in pruned.items():
            click.echo(f"{name}: {count}")

    asyncio.run(run())


@main.group("processing-log")
def processing_log() -> None:
    """The processing log (Logboek Dataverwerkingen)."""


@processing_log.command("backfill")
def processing_log_backfill() -> None:
    """Copy audit rows from before the processing log into it (once, after upgrading; a second
    run copies nothing), so residents' access logs keep their history."""
    from welkom.audit.service import copy_to_processing_log
    from welkom.core.database import assert_migrated, create_engine, session_factory
    from welkom.core.unit_of_work import unit_of_work
    from welkom.processing import service as processing

    settings = _settings()
    processing.configure(settings)

    async def run() -> int:
        engine = create_engine(settings)
        await assert_migrated(engine)
        async with unit_of_work(session_factory(engine)) as db:
            copied = await copy_to_processing_log(db)
        await engine.dispose()
        return copied

    click.echo(f"Copied {asyncio.run(run())} audit rows into the processing log.")


@main.group()
def municipalities() -> None:
    """A municipality's settings."""


@municipalities.command("consent-policy")
@click.argument("code")
@click.option(
    "--require-reviewed/--allow-unreviewed",
    required=True,
    help="Accept consent only on the Dutch text or a translation a person reviewed.",
)
def municipalities_consent_policy(code: str, require_reviewed: bool) -> None:
    """Set whether residents of municipality CODE may consent on an unreviewed translation."""
    from welkom.core.database import assert_migrated, create_engine, session_factory
    from welkom.core.unit_of_work import unit_of_work
    from welkom.municipalities.service import set_consent_policy

    settings = _settings()

    async def run() -> bool:
        engine = create_engine(settings)
        try:
            await assert_migrated(engine)
            async with unit_of_work(session_factory(engine)) as db:
                return await set_consent_policy(db, code, require_reviewed=require_reviewed)
        finally:
            await engine.dispose()

    if not asyncio.run(run()):
        raise click.ClickException(f"no municipality with code {code}")
    rule = "the Dutch text or a reviewed translation" if require_reviewed else "any translation"
    click.echo(f"municipality {code}: consent on {rule}")


@municipalities.command("languages")
@click.argument("code")
@click.option("--disable", multiple=True, help="A language code to switch off (repeatable).")
@click.option("--enable", multiple=True, help="A language code to offer again (repeatable).")
def municipalities_languages(code: str, disable: tuple[str, ...], enable: tuple[str, ...]) -> None:
    """Switch languages off (or on again) for municipality CODE; prints those switched off."""
    from welkom.core.database import assert_migrated, create_engine, session_factory
    from welkom.core.i18n import LANGUAGES
    from welkom.core.unit_of_work import unit_of_work
    from welkom.municipalities.service import set_languages

    unknown = sorted({*disable, *enable} - set(LANGUAGES))
    if unknown:
        raise click.ClickException(f"unknown language code(s): {', '.join(unknown)}")
    if "nl" in disable:
        raise click.ClickException("Dutch is the source language and cannot be switched off")
    settings = _settings()

    async def run() -> list[str] | None:
        engine = create_engine(settings)
        try:
            await assert_migrated(engine)
            async with unit_of_work(session_factory(engine)) as db:
                return await set_languages(db, code, disable=disable, enable=enable)
        finally:
            await engine.dispose()

    off = asyncio.run(run())
    if off is None:
        raise click.ClickException(f"no municipality with code {code}")
    click.echo(f"municipality {code}: switched off: {', '.join(off) or 'none'}")


@municipalities.command("set-klantcontact")
@click.argument("code")
@click.option("--api", help="URL of the Klantinteracties API (…/klantinteracties/api/v1).")
@click.option("--actor", help="uuid of the team's actor in Open Klant (gets the interne taken).")
@click.option("--kanaal", default="Welkom-app", show_default=True, help="kanaal of klantcontacten.")
@click.option("--off", is_flag=True, help="Stop registering questions as klantcontacten.")
def municipalities_set_klantcontact(
    code: str, api: str | None, actor: str | None, kanaal: str, off: bool
) -> None:
    """Register the questions of municipality CODE as klantcontacten in Open Klant (or stop).

    Its token goes in WELKOM_OPENKLANT_TOKENS (JSON: gemeentecode → token), never in the database.
    """
    from welkom.core.database import assert_migrated, create_engine, session_factory
    from welkom.core.unit_of_work import unit_of_work
    from welkom.klantcontact.service import configure
    from welkom.municipalities.service import by_code

    if not off and not (api and actor):
        raise click.ClickException("give --api and --actor (or --off)")
    values = None if off else {"api": api, "actor": actor, "kanaal": kanaal}
    settings = _settings()

    async def run() -> list[str] | None:
        engine = create_engine(settings)
        try:
            await assert_migrated(engine)
            async with unit_of_work(session_factory(engine)) as db:
                municipality = await by_code(db, code)
                if municipality is None:
                    return None
                problems = await configure(db, municipality, values)
                if problems:
                    await db.rollback()  # refused: nothing of it is kept
                return problems
        finally:
            await engine.dispose()

    problems = asyncio.run(run())
    if problems is None:
        raise click.ClickException(f"no municipality with code {code}")
    if problems:
        raise click.ClickException("; ".join(problems))
    if off:
        click.echo(f"municipality {code}: questions are no longer registered in Open Klant")
        return
    click.echo(f"municipality {code}: questions are registered as klantcontacten in {api}")
    if code not in settings.openklant.tokens:
        click.echo(f"warning: no token for {code} in WELKOM_OPENKLANT_TOKENS yet", err=True)


@main.command()
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Undo migrations down to REVISION (`base` removes every table)."""
    from welkom.core.database import create_engine
    from welkom.core.database import migrate as run_migrations

    settings = _settings()

    async def run() -> None:
        engine = create_engine(settings)
        click.echo(f"Downgrading to {revision} …")
        await run_migrations(engine, revision, downgrade=True)
        await engine.dispose()
        click.echo("Done.")

    asyncio.run(run())


@main.command()
@click.option("--once", is_flag=True, help="Deliver what is due now, then exit.")
@click.option(
    "--metrics-port",
    type=int,
    default=None,
    help="Serve /health and /metrics (WELKOM_METRICS_TOKEN) of this worker on this port.",
)
@click.option("--metrics-host", default="0.0.0.0", show_default=True)  # noqa: S104
def worker(once: bool, metrics_port: int | None, metrics_host: str) -> None:
    """Deliver outbox entries (case registrations, …) until stopped."""
    from welkom.admin import answers as admin_answers
    from welkom.app import outbox_handlers
    from welkom.cases.service import CaseConfigurationError, CaseRouting, reconcile_periodically
    from welkom.core.database import assert_migrated, create_engine, session_factory
    from welkom.core.logging import configure_logging
    from welkom.klantcontact.routing import KlantcontactRouting
    from welkom.outbox.worker import OutboxWorker
    from welkom.processing import service as processing
    from welkom.retention.service import prune_periodically

    settings = _settings()
    configure_logging(settings.log.level, json=settings.log.json_lines)
    processing.configure(settings)

    async def run() -> None:
        engine = create_engine(settings)
        await assert_migrated(engine)
        sessions = session_factory(engine)
        routing = CaseRouting(sessions, settings)
        await routing.assert_valid()
        contacts = KlantcontactRouting(sessions, settings, conversations=admin_answers)
        handlers = outbox_handlers(
            sessions, settings, case_routing=routing, klantcontact_routing=contacts
        )
        outbox_worker = OutboxWorker(sessions, handlers, settings)
        if once:
            delivered = await outbox_worker.drain()
            click.echo(f"Processed {delivered} outbox entries.")
        else:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, stop.set)
            click.echo(
                f"Outbox worker {outbox_worker.name} running; SIGTERM stops it: deliveries under way "
                f"finish (at most {settings.shutdown_grace_seconds} s), the rest is handed back."
            )
            reconciling = asyncio.create_task(reconcile_periodically(routing, settings, stop))
            pruning = asyncio.create_task(prune_periodically(sessions, settings, stop))
            server_task = None
            if metrics_port is not None:
                server_task = asyncio.create_task(
                    _worker_metrics_server(
                        settings, sessions, handlers, metrics_host, metrics_port, stop
                    )
                )
            await outbox_worker.run(stop)
            await reconciling
            await pruning
            if server_task is not None:
                await server_task
        await routing.aclose()
        await contacts.aclose()
        await engine.dispose()

    try:
        asyncio.run(run())
    except Exception as exc:  # a clear message, not a traceback, for the known failures
        from welkom.core.database import DatabaseBehindMigrations

        if isinstance(exc, DatabaseBehindMigrations | CaseConfigurationError):
            raise click.ClickException(str(exc)) from None
        raise


@main.group()
def erasure() -> None:
    """Residents' erasure requests, decided by records management (docs/residents.md).

    Every command acts as a records manager: ``--by`` is their account id (``account_id`` in
    ``GET /api/v1/auth/session``); their municipality's requests only, and each step is in the
    audit log under their name, as through the admin API.
    """


def _erasure_run(by: str, work: Callable[[AsyncSession, Principal, Settings], Awaitable[T]]) -> T:
    """Run ``work(db, principal)`` as records manager ``by``; problems become click errors."""
    import uuid

    from welkom.app import register_domains
    from welkom.core.database import assert_migrated, create_engine, session_factory
    from welkom.core.problems import Problem
    from welkom.core.unit_of_work import unit_of_work
    from welkom.gdpr import service
    from welkom.processing import service as processing

    register_domains()  # completing an erasure walks every domain's GDPR handlers
    try:
        account_id = uuid.UUID(by)
    except ValueError:
        raise click.ClickException(f"--by must be an account id, got {by!r}") from None
    settings = _settings()
    processing.configure(settings)  # every step is a processing of the resident's data

    async def run() -> T:
        engine = create_engine(settings)
        try:
            await assert_migrated(engine)
            async with unit_of_work(session_factory(engine)) as db:
                principal = await service.records_manager(db, account_id)
                if principal is None:
                    raise click.ClickException(f"account {by} is not a records manager")
                return await work(db, principal, settings)
        finally:
            await engine.dispose()

    try:
        return asyncio.run(run())
    except Problem as problem:
        detail = (problem.detail_msgid or "").format_map(problem.params)
        raise click.ClickException(
            f"{problem.title_msgid} ({problem.status_code}). {detail}"
        ) from None


def _request_id(value: str):  # type: ignore[no-untyped-def]
    import uuid

    try:
        return uuid.UUID(value)
    except ValueError:
        raise click.ClickException(f"not a request id: {value!r}") from None


@erasure.command("list")
@click.option("--by", required=True, help="The records manager's account id.")
@click.option(
    "--state",
    type=click.Choice(["requested", "completed", "refused"]),
    default="requested",
    show_default=True,
)
def erasure_list(by: str, state: str) -> None:
    """List erasure requests of the records manager's municipality, oldest first."""
    from welkom.gdpr import service

    async def work(db, principal, settings):  # type: ignore[no-untyped-def]
        items, cursor = [], None
        while True:
            page = await service.list_requests(db, principal, state=state, cursor=cursor, limit=200)
            items += page.items
            if not (cursor := page.next_cursor):
                return items

    for request in _erasure_run(by, work):
        click.echo(f"{request.id}  {request.state:<9}  requested {request.requested_at:%Y-%m-%d}")


@erasure.command("show")
@click.argument("request_id")
@click.option("--by", required=True, help="The records manager's account id.")
def erasure_show(request_id: str, by: str) -> None:
    """Show a request and what completing it keeps under a legal duty, and why."""
    import msgspec

    from welkom.gdpr import service

    wanted = _request_id(request_id)

    async def work(db, principal, settings):  # type: ignore[no-untyped-def]
        return await service.request_detail(db, principal, wanted)

    detail = _erasure_run(by, work)
    click.echo(json.dumps(msgspec.to_builtins(detail), indent=2, ensure_ascii=False))


@erasure.command("complete")
@click.argument("request_id")
@click.option("--by", required=True, help="The records manager's account id.")
def erasure_complete(request_id: str, by: str) -> None:
    """Carry out an erasure request (deletes the resident's files from storage too)."""
    from welkom.gdpr import service
    from welkom.storage import storage_for

    wanted = _request_id(request_id)

    async def work(db, principal, settings):  # type: ignore[no-untyped-def]
        return await service.complete_erasure(db, principal, wanted, storage_for(settings))

    done = _erasure_run(by, work)
    click.echo(f"erasure request {done.id}: {done.state}")
    for table, counts in sorted(done.outcome.items()):
        if any(counts.values()):
            click.echo(f"  {table}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@erasure.command("refuse")
@click.argument("request_id")
@click.option("--by", required=True, help="The records manager's account id.")
@click.option("--reason", required=True, help="Why; the resident reads this as written.")
def erasure_refuse(request_id: str, by: str, reason: str) -> None:
    """Refuse an erasure request with a reason; the resident is notified."""
    from welkom.gdpr import service
    from welkom.gdpr.schemas import ErasureRefusalIn

    wanted = _request_id(request_id)
    if not reason.strip() or len(reason) > 1000:
        raise click.ClickException("--reason needs 1 to 1000 characters")

    async def work(db, principal, settings):  # type: ignore[no-untyped-def]
        return await service.refuse_erasure(db, principal, wanted, ErasureRefusalIn(reason))

    done = _erasure_run(by, work)
    click.echo(f"erasure request {done.id}: {done.state}")


@main.group()
def storage() -> None:
    """Where uploaded files are kept (WELKOM_STORAGE_BACKEND)."""


@storage.command("check")
def storage_check() -> None:
    """Store a small probe file, read it back checksum-verified and delete it.

    Checks the configured storage (a local directory or the S3 bucket, its credentials and
    permissions) before going live; exits non-zero with the reason if any step fails.
    """
    import secrets

    from welkom.core.settings import StorageBackend
    from welkom.storage import storage_for
    from welkom.storage.ports import StorageError, StorageUnavailableError

    settings = _settings()
    where = (
        f"s3://{settings.s3.bucket}/{settings.s3.prefix}"
        + (f" at {settings.s3.endpoint_url}" if settings.s3.endpoint_url else "")
        if settings.storage.backend is StorageBackend.s3
        else str(settings.storage_path)
    )
    probe = b"welkom storage check " + secrets.token_bytes(32)

    async def run() -> None:
        store = storage_for(settings)
        stored = await store.put(probe)
        try:
            if await store.get(stored.key, sha256=stored.sha256) != probe:
                raise StorageError("the probe came back different")
        finally:
            await store.delete(stored.key)
        try:
            await store.get(stored.key, sha256=stored.sha256)
        except StorageError:
            return
        raise StorageError("the probe is still there after deleting it")

    try:
        asyncio.run(run())
    except (StorageError, StorageUnavailableError) as exc:
        raise click.ClickException(f"storage check failed ({where}): {exc}") from None
    click.echo(f"Storage works: {settings.storage.backend.value}, {where} (write, read, delete).")


@main.group()
def push() -> None:
    """Web Push (VAPID keys)."""


@push.command("keys")
@click.option(
    "--force", is_flag=True, help="Replace existing keys (every device must subscribe again)."
)
def push_keys(force: bool) -> None:
    """Generate the VAPID key pair, stored outside the repository.

    Writes the private key (PEM, mode 0600) to WELKOM_VAPID_PRIVATE_KEY_FILE, or
    <data dir>/vapid_private_key.pem, and prints the public key. Production may instead pass
    the private key in WELKOM_VAPID_PRIVATE_KEY.
    """
    from welkom.notifications import vapid

    settings = _settings()
    if settings.push.vapid_private_key:
        raise click.ClickException(
            "WELKOM_VAPID_PRIVATE_KEY is set: the key comes from the environment; unset it to "
            "generate a key file"
        )
    path = vapid.key_file(settings).resolve()
    if path.exists() and not force:
        keys = vapid.load(settings)
        assert keys is not None
        click.echo(f"VAPID keys already exist: {path} (use --force to replace them)")
        click.echo(f"Public key: {keys.public_key}")
        return
    if _inside_git_work_tree(path):
        raise click.ClickException(
            f"{path} is inside a git work tree and not ignored: keep keys out of the repository "
            "(set WELKOM_DATA_DIR or WELKOM_VAPID_PRIVATE_KEY_FILE)"
        )
    if path.exists():
        path.unlink()
    keys = vapid.generate(path)
    click.echo(f"Wrote the VAPID private key to {path} (mode 0600).")
    click.echo(f"Public key: {keys.public_key}")


def _inside_git_work_tree(path: Path) -> bool:
    """True if ``path`` would be tracked by git (in a work tree and not ignored)."""
    import subprocess

    directory = next((p for p in path.parents if p.exists()), None)
    if directory is None:
        return False
    try:
        inside = subprocess.run(  # noqa: S603 - fixed argv, no shell
            ["git", "-C", str(directory), "rev-parse", "--is-inside-work-tree"],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        if inside.stdout.strip() != "true":
            return False
        ignored = subprocess.run(  # noqa: S603 - fixed argv, no shell
            ["git", "-C", str(directory), "check-ignore", "-q", str(path)],  # noqa: S607
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:  # no git on this machine
        return False
    return ignored.returncode != 0


async def _worker_metrics_server(
    settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    kinds: Iterable[str],
    host: str,
    port: int,
    stop: asyncio.Event,
) -> None:
    """Serve the worker's metrics, with the outbox figures of ``kinds``, until ``stop``."""
    import uvicorn

    from welkom.core.metrics import worker_metrics_app
    from welkom.outbox.metrics import outbox_collector

    collectors = [outbox_collector(sorted(kinds))]
    app = worker_metrics_app(settings, sessions, collectors)
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False, lifespan="off")
    )
    server.capture_signals = contextlib.nullcontext  # type: ignore[method-assign,assignment]  # the worker owns SIGTERM
    serving = asyncio.create_task(server.serve())
    await stop.wait()
    server.should_exit = True
    await serving


def openapi_document() -> str:
    """The OpenAPI document (JSON) of the production API, as committed in docs/openapi.json.

    The same on every machine and every run: built from the settings' defaults only (no
    ``WELKOM_*`` variable or ``.env`` adds routes such as the demo login), keys sorted.
    """
    from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

    from welkom.app import create_app
    from welkom.core.settings import Settings

    class Defaults(Settings):
        @classmethod
        def settings_customise_sources(  # type: ignore[override]
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            **_: Any,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            return (init_settings,)  # the constructor's arguments only, never the environment

    settings = Defaults(env="test", database_url="sqlite+aiosqlite:///:memory:", log_json=True)
    schema = create_app(settings).openapi_schema.to_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@main.command()
def openapi() -> None:
    """Print the OpenAPI document (JSON) of the production API (docs/openapi.json)."""
    sys.stdout.write(openapi_document())


@main.command("config-reference")
def config_reference() -> None:
    """Print the configuration reference (Markdown) generated from the settings."""
    from welkom.core.settings import render_reference

    click.echo(render_reference(), nl=False)


@main.group()
def i18n() -> None:
    """Gettext catalogs in locales/: check, extract, update."""


@i18n.command("check")
@click.option(
    "--locales", "locales_dir", type=click.Path(file_okay=False, exists=True), default=None
)
@click.option("--strict", is_flag=True, help="Catalogs behind their template are errors too.")
def i18n_check(locales_dir: str | None, strict: bool) -> None:
    """Fail on a missing catalog, a missing translation in any language, a broken placeholder
    or a malformed plural (every domain), and on gaps in the demo content's catalogs."""
    from welkom.core.i18n import LANGUAGES, LOCALES_DIR
    from welkom.demo.content import CONTENT_DIR
    from welkom.i18n.catalogs import check, check_content

    report = check(Path(locales_dir) if locales_dir else LOCALES_DIR, strict=strict)
    content = check_content(CONTENT_DIR, tuple(code for code in LANGUAGES if code != "nl"))
    report.errors += content.errors
    report.checked += content.checked
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if not report.ok:
        raise click.ClickException(f"{len(report.errors)} catalog problem(s)")
    click.echo(f"{report.checked} catalogs OK.")


@i18n.command("extract")
def i18n_extract() -> None:
    """Extract the backend's msgids into locales/welkom.pot (pybabel extract)."""
    from babel.messages.frontend import CommandLineInterface

    from welkom.core.i18n import LOCALES_DIR

    root = LOCALES_DIR.parent
    CommandLineInterface().run(  # type: ignore[no-untyped-call]  # babel ships it unannotated
        ["pybabel", "extract", "-F", str(root / "babel.cfg"), "--no-location", "--sort-output",
         "-o", str(LOCALES_DIR / "welkom.pot"), str(root / "backend" / "welkom")]
    )  # fmt: skip


@i18n.command("update")
@click.option("--domain", default="welkom", show_default=True)
def i18n_update(domain: str) -> None:
    """Merge <domain>.pot into every language's catalog (creating missing ones with CLDR
    Plural-Forms); translations and fuzzy flags are kept."""
    from welkom.core.i18n import LOCALES_DIR
    from welkom.i18n.catalogs import update

    for path in update(LOCALES_DIR, domain):
        click.echo(f"updated {path}")


@municipalities.command("set-register")
@click.argument("code")
@click.argument("register", type=click.Choice(["local", "zgw"]))
@click.option("--zaken-api", default="", help="Base URL of the Zaken API.")
@click.option("--documenten-api", default="", help="Base URL of the Documenten API.")
@click.option("--catalogi-api", default="", help="Base URL of the Catalogi API.")
@click.option("--notificaties-api", default="", help="Base URL of the Notificaties API.")
@click.option("--client-id", default="", help="Welkom's client_id (the secret: environment).")
@click.option("--case-types-file", default="", help="Case-type file name (default <code>.toml).")
def municipalities_set_register(code: str, register: str, **values: str) -> None:
    """Switch municipality CODE to the embedded (local) or a ZGW case register.

    Settings not given keep their current value. Validated first (settings complete, the
    secret in WELKOM_ZGW_CLIENT_SECRETS, a valid case-type file); on any problem nothing
    changes. Then run `welkom cases check` to check against the live register."""
    from welkom.cases.service import set_register

    async def action(routing: CaseRouting, settings: Settings) -> list[str]:
        return await set_register(routing, code, register, values)

    problems = _with_routing(action)
    if problems:
        raise click.ClickException("nothing changed:\n" + "\n".join(problems))
    click.echo(f"municipality {code}: case register {register}")


@main.group()
def cases() -> None:
    """Case routing into the municipalities' ZGW case systems."""


def _with_routing(action: Callable[[CaseRouting, Settings], Awaitable[T]]) -> T:
    from welkom.cases.service import CaseRouting
    from welkom.core.database import assert_migrated, create_engine, session_factory

    settings = _settings()

    async def run() -> T:
        engine = create_engine(settings)
        await assert_migrated(engine)
        routing = CaseRouting(session_factory(engine), settings)
        try:
            return await action(routing, settings)
        finally:
            await routing.aclose()
            await engine.dispose()

    return asyncio.run(run())


async def _zgw_municipalities(routing: CaseRouting, code: str | None) -> list[Municipality]:
    from sqlalchemy import select
    from sqlmodel import col

    from welkom.municipalities.models import Municipality

    async with routing.session_factory() as db:
        query = select(Municipality).where(col(Municipality.case_register) == "zgw")
        if code:
            query = query.where(col(Municipality.code) == code)
        return list((await db.execute(query)).scalars())


@cases.command("check")
@click.option("--code", default=None, help="Only this municipality (gemeentecode).")
@click.option("--offline", is_flag=True, help="Only the files and settings, not the Catalogi API.")
@click.option(
    "--with-test-zaak",
    is_flag=True,
    help="Also register one marked test zaak per case type (zaak, rol, status, a document in "
    "parts, the link) and delete it again: checks the rights the probes cannot see.",
)
def cases_check(code: str | None, offline: bool, with_test_zaak: bool) -> None:
    """Validate the case-type files, check them against each Catalogi API, and check that the
    credentials hold the scopes registrations need (without creating data, unless
    --with-test-zaak)."""
    from welkom.cases.rights import UNPROBED_SCOPES, check_rights, register_test_zaken
    from welkom.cases.service import check_catalogi
    from welkom.core.models import utcnow

    async def action(routing: CaseRouting, settings: Settings) -> list[str]:
        problems = await routing.validate()
        if not problems and not offline:
            for municipality in await _zgw_municipalities(routing, code):
                found = await check_catalogi(routing, municipality)
                problems += [f"municipality {municipality.code}: {p}" for p in found]
                if not found:
                    click.echo(
                        f"municipality {municipality.code}: case types match the Catalogi API"
                    )
                lacking = await check_rights(routing, municipality)
                problems += [f"municipality {municipality.code}: {p}" for p in lacking]
                if not lacking and not with_test_zaak:
                    click.echo(
                        f"municipality {municipality.code}: credentials may read and create "
                        f"zaken and documents at the case types' confidentiality (not checked "
                        f"without creating data: {', '.join(UNPROBED_SCOPES)}; "
                        f"--with-test-zaak checks them)"
                    )
                if with_test_zaak and not lacking:
                    test = await register_test_zaken(routing, municipality, utcnow().date())
                    problems += [f"municipality {municipality.code}: {p}" for p in test.problems]
                    if test.registered:
                        click.echo(
                            f"municipality {municipality.code}: a test registration went "
                            f"through for {', '.join(f'kinds.{k}' for k in test.registered)}"
                        )
                    for url, why in test.left_behind:
                        click.echo(
                            f"municipality {municipality.code}: test object left in the "
                            f"register, delete it there: {url} ({why})"
                        )
        return problems

    problems = _with_routing(action)
    if problems:
        raise click.ClickException("\n".join(problems))
    click.echo("Case routing is configured correctly.")


@cases.command("subscribe")
@click.option("--code", required=True, help="The municipality (gemeentecode).")
@click.option(
    "--callback-url",
    required=True,
    help="Welkom's public URL of /api/v1/zgw/notificaties/<code> (the API must be running).",
)
def cases_subscribe(code: str, callback_url: str) -> None:
    """Create the Notificaties abonnement (kanaal zaken) for a municipality."""
    from welkom.cases.service import subscribe

    async def action(routing: CaseRouting, settings: Settings) -> str:
        found = await _zgw_municipalities(routing, code)
        if not found:
            raise click.ClickException(f"no municipality {code} on a ZGW case system")
        token = settings.zgw.notification_tokens.get(code)
        if token is None:
            raise click.ClickException(f"set WELKOM_ZGW_NOTIFICATION_TOKENS for {code} first")
        return await subscribe(routing, found[0], callback_url, token.get_secret_value())

    click.echo(f"Abonnement created: {_with_routing(action)}")


@cases.command("reconcile")
def cases_reconcile() -> None:
    """Fetch the current status of every registered zaak once (workers also do this)."""
    from welkom.cases.service import reconcile

    async def action(routing: CaseRouting, settings: Settings) -> dict[str, int]:
        return await reconcile(routing)

    counts = _with_routing(action)
    click.echo(", ".join(f"{k}: {v}" for k, v in counts.items()))
