# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A TCP relay in front of the server that counts every byte on the wire and can shape the link
like a slow mobile connection.

DevTools' network emulation (CDP `Network.emulateNetworkConditions`) applies to one page only: the
service worker's downloads bypass it and are missing from the page's network events. The browser
is pointed at this relay instead, so everything it moves — the page, the worker's precache, a
revalidation — passes here, is counted, and shares one link:

- every segment (at most 1460 bytes) leaves after the previous one in its direction, at the link's
  rate, and arrives half a round trip later (a queue per direction shared by all connections);
- a new connection waits one round trip before its first request (the TCP handshake).

Counts are of delivered bytes, headers included (what a phone's data plan pays for). The request
lines seen (`GET /assets/…`) are kept in order, to tell which URL crossed the link how often.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import threading
import time
from dataclasses import dataclass, field

SEGMENT = 1460
REQUEST_LINE = re.compile(rb"(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\S+) HTTP/1\.[01]\r\n")


@dataclass(frozen=True)
class Profile:
    """A link: round trip in ms, rates in bytes per second (None: unlimited)."""

    name: str
    rtt_ms: float = 0.0
    down_bps: float | None = None
    up_bps: float | None = None


UNSHAPED = Profile("loopback")
# Lighthouse's Slow 4G as DevTools applies it (562.5 ms latency, 1.4 Mbit/s down, 675 kbit/s up).
SLOW_4G = Profile("Slow 4G", rtt_ms=562.5, down_bps=184_320, up_bps=84_375)
# A weak 2G/EDGE cell: 100 kbit/s both ways, 1 s round trips.
EDGE_100K = Profile("100 kbit/s, 1 s RTT", rtt_ms=1000, down_bps=12_500, up_bps=12_500)


@dataclass
class _Direction:
    rate: float | None
    free_at: float = 0.0  # when the link is free for the next segment

    def departure(self, size: int) -> float:
        """Reserve the link for a segment; when its last byte has left."""
        now = time.monotonic()
        start = max(now, self.free_at)
        self.free_at = start + (size / self.rate if self.rate else 0.0)
        return self.free_at


@dataclass
class Link:
    """The relay: `start()` returns its port; `bytes_down`/`bytes_up` and `requests` grow."""

    target_port: int
    profile: Profile = UNSHAPED
    bytes_down: int = 0
    bytes_up: int = 0
    port: int = 0
    requests: list[str] = field(default_factory=list)
    # (time.monotonic() when the request line left the browser, bytes delivered so far, path)
    timeline: list[tuple[float, int, str]] = field(default_factory=list)
    _loop: asyncio.AbstractEventLoop | None = None
    _server: asyncio.AbstractServer | None = None
    _thread: threading.Thread | None = None

    def start(self) -> int:
        """Start relaying (once); the relay's port on 127.0.0.1."""
        if self.port:
            return self.port
        ready = threading.Event()
        port: list[int] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            self._down = _Direction(self.profile.down_bps)
            self._up = _Direction(self.profile.up_bps)
            self._server = loop.run_until_complete(
                asyncio.start_server(self._connection, "127.0.0.1", 0)
            )
            port.append(self._server.sockets[0].getsockname()[1])
            ready.set()
            loop.run_forever()
            loop.close()

        self._thread = threading.Thread(target=run, name="netshape", daemon=True)
        self._thread.start()
        ready.wait(10)
        self.port = port[0]
        return self.port

    def stop(self) -> None:
        """Stop accepting, end every relayed connection, stop the thread's loop."""
        if not (self._loop and self._server):
            return
        server, loop = self._server, self._loop

        async def shutdown() -> None:
            server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            loop.stop()

        asyncio.run_coroutine_threadsafe(shutdown(), loop)
        if self._thread:
            self._thread.join(10)
        self._server = None

    def total(self) -> int:
        return self.bytes_down + self.bytes_up

    def count(self, pattern: str) -> int:
        """How many requests for a path matching `pattern` (a regex) crossed the link."""
        return sum(1 for path in self.requests if re.search(pattern, path))

    async def _connection(
        self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter
    ) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection(
                "127.0.0.1", self.target_port
            )
        except OSError:
            client_writer.close()
            return
        half = self.profile.rtt_ms / 2000
        handshake = time.monotonic() + 2 * half  # SYN, SYN-ACK: then the first request leaves
        await asyncio.gather(
            self._pump(client_reader, server_writer, self._up, half, handshake, upstream=True),
            self._pump(server_reader, client_writer, self._down, half, 0.0, upstream=False),
            return_exceptions=True,
        )

    async def _pump(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        direction: _Direction,
        half_rtt: float,
        not_before: float,
        *,
        upstream: bool,
    ) -> None:
        """Relay one direction, each segment delivered at its arrival time, in order."""
        queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()

        async def deliver() -> None:
            while (item := await queue.get()) is not None:
                arrival, segment = item
                wait = arrival - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(segment)
                await writer.drain()
                if upstream:
                    self.bytes_up += len(segment)
                else:
                    self.bytes_down += len(segment)
            writer.close()

        delivering = asyncio.ensure_future(deliver())
        try:
            while data := await reader.read(65536):
                if upstream:
                    for match in REQUEST_LINE.finditer(data):
                        path = match.group(2).decode("latin-1")
                        self.requests.append(path)
                        self.timeline.append((time.monotonic(), self.total(), path))
                for i in range(0, len(data), SEGMENT):
                    segment = data[i : i + SEGMENT]
                    departure = max(direction.departure(len(segment)), not_before)
                    queue.put_nowait((departure + half_rtt, segment))
        except (ConnectionError, OSError):
            pass
        finally:
            queue.put_nowait(None)
            with contextlib.suppress(ConnectionError, OSError):
                await delivering
