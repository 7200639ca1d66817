# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Quotas: how much one resident or account may have or do, checked before anything changes.

A quota is either a *rate* (so many per window: answered 429 with ``Retry-After``) or a
*capacity* (so many at once: answered 409 until something is removed or finished). Usage is
counted from the domain's own rows, so every API process sees the same numbers and nothing
extra is stored. A domain calls :func:`usage_in_window` (for rates) or counts by itself (for
capacities), then :func:`enforce`; the limits are settings (docs/configuration.md,
``WELKOM_QUOTA_*``). Every refusal is counted in ``welkom_quota_refusals_total`` by quota name.

Usage is counted before the new row is written: two requests of one person arriving at the same
instant may both pass, so a quota can be exceeded by the requests in flight at once (the rate
limiter bounds those).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

import structlog
from prometheus_client import Counter
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.core.i18n import N_
from welkom.core.problems import Problem

log = structlog.get_logger("welkom.quotas")


class Quota(StrEnum):
    questions_per_hour = "questions-per-hour"
    uploads_per_day = "uploads-per-day"
    stored_bytes = "stored-bytes"
    push_devices = "push-devices"
    open_help_requests = "open-help-requests"


@dataclass(frozen=True)
class _Rule:
    status: int
    title: str
    detail: str
    window: timedelta | None = None


_RULES: dict[Quota, _Rule] = {
    Quota.questions_per_hour: _Rule(
        429,
        N_("Too many questions"),
        N_("You can send at most {limit} questions per hour. Nothing was sent; please try again later."),
        timedelta(hours=1),
    ),
    Quota.uploads_per_day: _Rule(
        429,
        N_("Too many documents"),
        N_("You can send at most {limit} documents per day. Nothing was stored; please try again tomorrow."),
        timedelta(days=1),
    ),
    Quota.stored_bytes: _Rule(
        409,
        N_("Storage limit reached"),
        N_("Your documents may take up at most {limit} MB together. Nothing was stored."),
    ),
    Quota.push_devices: _Rule(
        409,
        N_("Too many devices"),
        N_("At most {limit} devices can get notifications for one account. Turn notifications off on a device you no longer use, then try again."),
    ),
    Quota.open_help_requests: _Rule(
        409,
        N_("Too many open help requests"),
        N_("You can have at most {limit} help requests open at once. Nothing was sent; wait until one is finished or cancel one."),
    ),
}  # fmt: skip

QUOTA_REFUSALS = Counter(
    "welkom_quota_refusals",
    "Requests refused because a quota was reached, by quota name (no personal data).",
    ("quota",),
)
for _quota in Quota:  # every series exists from the start (rate() needs a zero)
    QUOTA_REFUSALS.labels(_quota.value)


def window(quota: Quota) -> timedelta:
    """The window a rate quota counts in."""
    rule = _RULES[quota]
    assert rule.window is not None, f"{quota} is a capacity, not a rate"
    return rule.window


@dataclass(frozen=True)
class Usage:
    """What counts against a quota now; ``oldest`` is the oldest row in a rate's window."""

    used: int
    oldest: datetime | None = None


async def usage_in_window(
    db: AsyncSession, quota: Quota, created_at: Any, *where: Any, now: datetime
) -> Usage:
    """Count the rows matching ``where`` whose ``created_at`` column lies in the quota's window."""
    since = now - window(quota)
    used, oldest = (
        await db.execute(
            select(func.count(), func.min(created_at)).where(*where, created_at > since)
        )
    ).one()
    return Usage(int(used), oldest)


def enforce(
    quota: Quota,
    usage: Usage,
    limit: int,
    *,
    adding: int = 1,
    now: datetime | None = None,
    shown_limit: float | None = None,
) -> None:
    """Raise the quota's problem if ``adding`` more would exceed ``limit``; else do nothing.

    ``shown_limit`` is the limit as the person reads it (megabytes rather than bytes).
    """
    if usage.used + adding <= limit:
        return
    rule = _RULES[quota]
    QUOTA_REFUSALS.labels(quota.value).inc()
    log.info("quota_refused", quota=quota.value, limit=limit)
    headers = None
    if rule.window is not None:
        headers = {"Retry-After": str(_retry_after(rule.window, usage.oldest, now))}
    raise Problem(
        rule.status,
        f"quota-{quota.value}",
        rule.title,
        rule.detail,
        params={"limit": shown_limit if shown_limit is not None else limit},
        headers=headers,
    )


def _retry_after(span: timedelta, oldest: datetime | None, now: datetime | None) -> int:
    """Seconds until the oldest counted row leaves the window (at least 1)."""
    if oldest is None or now is None:
        return max(1, int(span.total_seconds()))
    if oldest.tzinfo is None:  # SQLite hands timestamps back without their zone (always UTC)
        oldest = oldest.replace(tzinfo=now.tzinfo)
    return max(1, math.ceil((oldest + span - now).total_seconds()))
