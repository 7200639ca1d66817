"""The ``welkom`` command."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
from pathlib import Path

import click

from welkom import __version__


def _settings(**overrides: object):
    from pydantic import ValidationError

    from welkom.core.settings import Settings

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise click.ClickException(_first_error(exc)) from None


def _first_error(exc: Exception) -> str:
    errors = getattr(exc, "errors", lambda: [])()
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

    from welkom.app import create_app
    from welkom.core.database import create_engine, migrate, session_factory
    from welkom.demo.seed import DEMO_LOGINS, seed

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
        async with session_factory(engine)() as db:
            created = await seed(db)
        click.echo("Seeded the demo municipality." if created else "Demo data already present.")
        base = f"http://{host}:{port}"
        click.echo(f"\nWelkom demo running at {base}  (Ctrl+C stops it)")
        click.echo(f"  OpenAPI document:  {base}/schema")
        click.echo('  Demo logins (POST /api/v1/auth/demo-login with {"login": "…"}):')
        for login in DEMO_LOGINS:
            click.echo(f"    {login.role:<11} {login.login:<16} {login.description}")
        click.echo(
            "\n  Try it:\n"
            f"    TOKEN=$(curl -s {base}/api/v1/auth/demo-login -H 'content-type: application/json' "
            '-d \'{"login":"demo-resident"}\' | python3 -c \'import json,sys; print(json.load(sys.stdin)["token"])\')\n'
            f'    curl -s {base}/api/v1/me/questions -H "Authorization: Bearer $TOKEN" '
            '-H \'content-type: application/json\' -d \'{"text":"Wanneer krijg ik een huis?","language":"nl"}\'\n'
            f'    curl -s {base}/api/v1/me/questions -H "Authorization: Bearer $TOKEN"\n'
        )
        app = create_app(settings, engine=engine)
        server = uvicorn.Server(
            uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False)
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

    _settings()  # refuse to start on an unsafe configuration before forking
    click.echo(f"Serving the Welkom API on {host}:{port} with {workers} process(es)")
    uvicorn.run(
        "welkom.app:create_app", factory=True, host=host, port=port, workers=workers,
        log_config=None, access_log=False, proxy_headers=True,
    )  # fmt: skip


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
    from welkom.app import outbox_handlers
    from welkom.core.database import assert_migrated, create_engine, session_factory
    from welkom.core.logging import configure_logging
    from welkom.outbox.worker import OutboxWorker

    settings = _settings()
    configure_logging(settings.log_level, json=settings.log_json)

    async def run() -> None:
        engine = create_engine(settings)
        await assert_migrated(engine)
        sessions = session_factory(engine)
        outbox_worker = OutboxWorker(sessions, outbox_handlers(sessions), settings)
        if once:
            delivered = await outbox_worker.drain()
            click.echo(f"Processed {delivered} outbox entries.")
        else:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, stop.set)
            click.echo(
                f"Outbox worker {outbox_worker.name} running; SIGTERM stops it after the current batch."
            )
            server_task = None
            if metrics_port is not None:
                server_task = asyncio.create_task(
                    _worker_metrics_server(settings, sessions, metrics_host, metrics_port, stop)
                )
            await outbox_worker.run(stop)
            if server_task is not None:
                await server_task
        await engine.dispose()

    try:
        asyncio.run(run())
    except Exception as exc:  # a clear message, not a traceback, for the known failures
        from welkom.core.database import DatabaseBehindMigrations

        if isinstance(exc, DatabaseBehindMigrations):
            raise click.ClickException(str(exc)) from None
        raise


async def _worker_metrics_server(
    settings, sessions, host: str, port: int, stop: asyncio.Event
) -> None:
    import uvicorn

    from welkom.app import outbox_handlers
    from welkom.core.metrics import worker_metrics_app

    app = worker_metrics_app(settings, sessions, sorted(outbox_handlers(sessions)))
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False, lifespan="off")
    )
    server.capture_signals = contextlib.nullcontext  # type: ignore[method-assign]  # the worker owns SIGTERM
    serving = asyncio.create_task(server.serve())
    await stop.wait()
    server.should_exit = True
    await serving


@main.command()
def openapi() -> None:
    """Print the OpenAPI document (JSON) of the production API."""
    from welkom.app import create_app

    app = create_app(
        _settings(env="test", database_url="sqlite+aiosqlite:///:memory:", log_json=True)
    )
    json.dump(app.openapi_schema.to_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


@main.command("config-reference")
def config_reference() -> None:
    """Print the configuration reference (Markdown) generated from the settings."""
    from welkom.core.settings import render_reference

    click.echo(render_reference(), nl=False)
