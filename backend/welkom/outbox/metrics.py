# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Outbox depth and age for Prometheus, read from the database at scrape time.

One grouped query over the undelivered entries only (the ``state`` index keeps it cheap). The app
factory and the worker's metrics app list :func:`outbox_collector` among their scrape
collectors (:data:`welkom.core.metrics.ScrapeCollector`).
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client.core import GaugeMetricFamily, Metric
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.metrics import ScrapeCollector
from welkom.core.models import utcnow
from welkom.outbox.models import OutboxEntry, OutboxState

#: Outbox states worth watching: delivered entries are history, counted by the workers.
WATCHED_STATES = (OutboxState.pending, OutboxState.in_progress, OutboxState.parked)


async def outbox_families(db: AsyncSession, kinds: Iterable[str]) -> list[Metric]:
    """Depth and oldest age of undelivered outbox entries, by state and kind."""
    depth = GaugeMetricFamily(
        "welkom_outbox_entries",
        "Outbox entries not yet delivered, by state (pending, in_progress, parked) and kind.",
        labels=("state", "kind"),
    )
    age = GaugeMetricFamily(
        "welkom_outbox_oldest_age_seconds",
        "Age of the oldest undelivered outbox entry, by state and kind (0 when there is none).",
        labels=("state", "kind"),
    )
    up = GaugeMetricFamily(
        "welkom_outbox_scrape_ok", "1 if the outbox figures could be read from the database."
    )
    figures = {(state.value, kind): (0, 0.0) for state in WATCHED_STATES for kind in kinds}
    try:
        rows = await db.execute(
            select(
                col(OutboxEntry.state),
                col(OutboxEntry.kind),
                func.count(),
                func.min(col(OutboxEntry.created_at)),
            )
            .where(col(OutboxEntry.state).in_([s.value for s in WATCHED_STATES]))
            .group_by(col(OutboxEntry.state), col(OutboxEntry.kind))
        )
        now = utcnow()
        for state, kind, count, oldest in rows.all():
            figures[(state, kind)] = (count, max(0.0, (now - oldest).total_seconds()))
        up.add_metric([], 1)
    except Exception:  # the scrape still reports the process's own metrics
        up.add_metric([], 0)
        return [up]
    for (state, kind), (count, seconds) in sorted(figures.items()):
        depth.add_metric([state, kind], count)
        age.add_metric([state, kind], seconds)
    return [depth, age, up]


def outbox_collector(kinds: Iterable[str]) -> ScrapeCollector:
    """The outbox figures for ``kinds`` (every kind gets a series, zero when empty)."""
    known = tuple(kinds)

    async def collect(db: AsyncSession) -> list[Metric]:
        return await outbox_families(db, known)

    return collect
