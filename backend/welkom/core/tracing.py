# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""W3C Trace Context: the ``traceparent`` of the work in progress.

Every request runs in a span of a trace: the caller's trace when it sent a valid
``traceparent`` header (https://www.w3.org/TR/trace-context/#traceparent-header), a new trace
otherwise. An invalid header is ignored (a new trace starts), never refused: tracing must not
break a request. The outbox stores the ``traceparent`` of the work that enqueued an entry, the
worker continues that trace, and outgoing HTTP calls carry it (:func:`outgoing_headers`).

A strict parser of the one header instead of the OpenTelemetry API and SDK: Welkom needs the
ids to write processing-log records and to pass them on, not span export, samplers or a
global propagator registry.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from welkom.core.models import utcnow

#: version "-" trace-id "-" parent-id "-" trace-flags, lower-case hex only. A future version
#: may append fields after another "-"; version 00 may not.
_TRACEPARENT = re.compile(
    r"^(?P<version>[0-9a-f]{2})-(?P<trace_id>[0-9a-f]{32})-(?P<span_id>[0-9a-f]{16})"
    r"-(?P<flags>[0-9a-f]{2})(?P<rest>-.*)?$"
)
_ZERO_TRACE, _ZERO_SPAN = "0" * 32, "0" * 16


@dataclass(frozen=True)
class SpanContext:
    """One span: its trace, its own id, the span that caused it, and when it started."""

    trace_id: str
    span_id: str
    parent_span_id: str | None = None
    sampled: bool = True
    started_at: datetime = field(default_factory=utcnow)

    @property
    def traceparent(self) -> str:
        """The header value that makes this span the parent of the receiver's work."""
        return f"00-{self.trace_id}-{self.span_id}-{'01' if self.sampled else '00'}"

    def child(self) -> SpanContext:
        """A new span in the same trace, caused by this one."""
        return SpanContext(self.trace_id, new_span_id(), self.span_id, self.sampled)


def new_span_id() -> str:
    return secrets.token_hex(8)


def new_trace() -> SpanContext:
    """The root span of a new trace."""
    return SpanContext(secrets.token_hex(16), new_span_id())


def parse_traceparent(value: str | None) -> SpanContext | None:
    """The caller's span from a ``traceparent`` value, or None if it is absent or invalid.

    Strict per the W3C recommendation: lower-case hex, version ``ff`` invalid, version ``00``
    exactly 55 characters, all-zero trace or parent ids invalid.
    """
    if not value or len(value) > 512:
        return None
    match = _TRACEPARENT.match(value)
    if match is None:
        return None
    version = match["version"]
    if version == "ff" or (version == "00" and match["rest"] is not None):
        return None
    if match["trace_id"] == _ZERO_TRACE or match["span_id"] == _ZERO_SPAN:
        return None
    return SpanContext(
        match["trace_id"], match["span_id"], sampled=bool(int(match["flags"], 16) & 1)
    )


def continue_trace(traceparent: str | None) -> SpanContext:
    """A span for work caused by ``traceparent`` (a child of it), or a new trace."""
    caller = parse_traceparent(traceparent)
    return caller.child() if caller is not None else new_trace()


_current: ContextVar[SpanContext | None] = ContextVar("welkom_span", default=None)


def current() -> SpanContext | None:
    return _current.get()


def current_or_new() -> SpanContext:
    """The current span; outside any (a CLI command, a test) a new trace each call."""
    return _current.get() or new_trace()


@contextlib.contextmanager
def use(span: SpanContext) -> Iterator[SpanContext]:
    """Run the block in ``span`` (and restore the previous one after)."""
    token = _current.set(span)
    try:
        yield span
    finally:
        _current.reset(token)


def outgoing_headers() -> dict[str, str]:
    """Headers for an outgoing HTTP call made in the current span (empty outside one)."""
    span = _current.get()
    return {"traceparent": span.traceparent} if span is not None else {}
