# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The test ZGW server as its own process, with a control channel for outages.

    python -m tests.zgw.serve --port P --control-port C --ready-file F --client ID:SECRET

Serves :class:`tests.zgw.server.ZGWServer` (uvicorn, loopback) on ``P`` with a "Vraag" and a
"Document" zaaktype, and writes ``{"types": …, "base": …}`` to ``F`` once it listens. Its state
lives in this process's memory, so an outage must not end the process: the control channel on
``C`` (one JSON command per line, one JSON answer per line) switches the case system

* ``{"mode": "up"}`` — serving;
* ``{"mode": "503"}`` — every request answered ``503 Service Unavailable`` (a proxy in front of a
  dead backend);
* ``{"mode": "down"}`` — the listener is closed and open connections are dropped: connections
  are refused until ``up`` starts a fresh listener on the same port;

``{"latency": 0.2}`` makes every request take that long (a slow case system), and
``{"state": true}`` answers counts, what was created per zaak, spec violations and invalid
JWTs (see :func:`state`). Used by the scale-out and fault tests (``tests/test_scale.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import logging
import socket
import time
from pathlib import Path
from typing import Any

import uvicorn

from tests.zgw import specs
from tests.zgw.server import ZGWServer


def state(server: ZGWServer) -> dict[str, Any]:
    """What the case system holds, per zaak identificatie, plus everything that went wrong."""
    rollen = collections.Counter(r["zaak"] for r in server.rollen.values())
    statussen = collections.Counter(s["zaak"] for s in server.statussen.values())
    documents_by_url = {d["url"]: d["identificatie"] for d in server.documenten.values()}
    links: dict[str, list[str]] = collections.defaultdict(list)
    for zio in server.zios.values():
        links[zio["zaak"]].append(documents_by_url.get(zio["informatieobject"], "?"))
    zaken = {
        zaak["identificatie"]: {
            "rollen": rollen[zaak["url"]],
            "statussen": statussen[zaak["url"]],
            "documents": links[zaak["url"]],
        }
        for zaak in server.zaken.values()
    }
    statuses = collections.Counter(status for _, _, status in server.log)
    return {
        "zaken": zaken,
        "zaak_count": len(server.zaken),
        "document_count": len(server.documenten),
        "documents": sorted(d["identificatie"] for d in server.documenten.values()),
        "link_count": len(server.zios),
        "requests": len(server.log),
        "validated": server._handled // max(server.validate_every, 1)
        if server.validate_every
        else 0,
        "answers": {str(k): v for k, v in sorted(statuses.items())},
        "violations": server.violations[:20],
        "violation_count": len(server.violations),
        "auth_failures": server.auth_failures[:20],
        "auth_failure_count": len(server.auth_failures),
        "cpu_s": time.process_time(),
    }


class Serving:
    """The ZGW listener, which can be closed and opened again on the same port."""

    def __init__(self, server: ZGWServer, port: int) -> None:
        self.server, self.port = server, port
        self.uvicorn: uvicorn.Server | None = None
        self.task: asyncio.Task | None = None
        self.mode = "down"

    def _listener(self) -> socket.socket:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Nagle would hold back each answer's body until its headers were ACKed.
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        listener.bind(("127.0.0.1", self.port))
        return listener

    async def up(self) -> None:
        self.server.outage = False
        if self.uvicorn is None:
            config = uvicorn.Config(
                self.server,
                host="127.0.0.1",
                port=self.port,
                log_level="warning",
                access_log=False,
                lifespan="off",
                timeout_graceful_shutdown=1,
            )
            self.uvicorn = uvicorn.Server(config)
            self.task = asyncio.create_task(self.uvicorn.serve(sockets=[self._listener()]))
            while not self.uvicorn.started:
                if self.task.done():
                    self.task.result()
                await asyncio.sleep(0.01)
        self.mode = "up"

    async def unavailable(self) -> None:
        await self.up()
        self.server.outage = True
        self.mode = "503"

    async def down(self) -> None:
        if self.uvicorn is not None and self.task is not None:
            self.uvicorn.should_exit = True
            for connection in list(self.uvicorn.server_state.connections):
                if connection.transport is not None:  # drop, don't drain: the server is gone
                    connection.transport.abort()
            await self.task
        self.uvicorn, self.task = None, None
        self.server.outage = False
        self.mode = "down"


async def main(args: argparse.Namespace) -> None:
    client_id, secret = args.client.split(":", 1)
    for component in specs.COMPONENTS:  # load (and fail on missing) specs before serving
        specs.openapi(component, f"http://127.0.0.1:{args.port}")
    server = ZGWServer(
        {client_id: secret},
        host=f"http://127.0.0.1:{args.port}",
        validate_every=args.validate_every,
    )
    types = {
        "question": server.add_zaaktype("Vraag van inwoner"),
        "document": server.add_zaaktype("Document van inwoner"),
    }
    serving = Serving(server, args.port)
    await serving.up()

    async def control(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError):
            while line := await reader.readline():
                command = json.loads(line)
                if command.get("state"):
                    answer = state(server) | {"mode": serving.mode}
                elif "latency" in command:
                    server.latency = float(command["latency"])
                    answer = {"latency": server.latency}
                else:
                    await {"up": serving.up, "503": serving.unavailable, "down": serving.down}[
                        command["mode"]
                    ]()
                    answer = {"mode": serving.mode}
                writer.write(json.dumps(answer).encode() + b"\n")
                await writer.drain()
        writer.close()

    controller = await asyncio.start_server(control, "127.0.0.1", args.control_port)
    ready = Path(args.ready_file)
    ready.with_suffix(".tmp").write_text(json.dumps({"types": types, "base": server.base_urls()}))
    ready.with_suffix(".tmp").rename(ready)  # atomically: the reader never sees half a file
    async with controller:
        await controller.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--control-port", type=int, required=True)
    parser.add_argument("--ready-file", required=True)
    parser.add_argument("--client", required=True, help="client_id:secret of the JWTs")
    parser.add_argument(
        "--validate-every",
        type=int,
        default=1,
        help="validate every n-th request and answer against the specs (1: all)",
    )
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(main(parser.parse_args()))
