# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Management reports: monthly counts with small cells suppressed (see suppression.py).

Months are calendar months in Europe/Amsterdam. Every report is a two-way table (rows ×
columns, with row, column and grand totals); each cell knows how many distinct persons it
counts, and cells of fewer than ``report_min_cell_size`` persons are suppressed together with
the complements that keep them from being recovered from the totals.

The facts come from several domains and are read here, read-only (aggregates over a
municipality; no person is ever returned).
"""

from __future__ import annotations

import csv
import io
import math
import statistics
import uuid
from collections import defaultdict
from collections.abc import Hashable, Iterable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.admin.models import Conversation
from welkom.core.i18n import N_
from welkom.core.problems import FieldError, Problem
from welkom.interactions.models import Interaction, InteractionKind
from welkom.journey import service as journey
from welkom.journey.models import JourneyStep, JourneyTemplateStep
from welkom.reports import suppression
from welkom.reports.schemas import MonthStats, ReportOut, ReportRow
from welkom.residents.models import Resident
from welkom.volunteers import help_requests as volunteer_help

ZONE = ZoneInfo("Europe/Amsterdam")
MAX_MONTHS = 36
REPORTS = ("interactions", "response-times", "help-requests", "journey")

Fact = tuple[Hashable, Hashable, uuid.UUID, int]  # (row, column, person, amount)


def months_between(first: date, last: date) -> list[str]:
    if last < first:
        raise Problem.validation(
            [FieldError("to", N_("This must not be before the start."), source="query")]
        )
    months, current = [], first
    while current <= last:
        months.append(f"{current.year:04d}-{current.month:02d}")
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    if len(months) > MAX_MONTHS:
        raise Problem.validation(
            [FieldError("to", N_("At most {max} months at once."), {"max": MAX_MONTHS}, "query")]
        )
    return months


def _bounds(months: list[str]) -> tuple[datetime, datetime]:
    first = datetime.strptime(months[0], "%Y-%m").replace(tzinfo=ZONE)
    last = datetime.strptime(months[-1], "%Y-%m")
    end = datetime(last.year + last.month // 12, last.month % 12 + 1, 1, tzinfo=ZONE)
    return first.astimezone(UTC), end.astimezone(UTC)


def month_of(moment: datetime) -> str:
    local = moment.astimezone(ZONE)
    return f"{local.year:04d}-{local.month:02d}"


def tabulate(
    name: str,
    dimensions: list[str],
    columns: list[str],
    facts: Iterable[Fact],
    k: int,
    *,
    period: tuple[str, str] | None,
) -> ReportOut:
    """Count ``facts`` into a suppressed two-way table."""
    amounts: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    people: dict[tuple[Hashable, Hashable], set[uuid.UUID]] = defaultdict(set)
    row_people: dict[Hashable, set[uuid.UUID]] = defaultdict(set)
    column_people: dict[Hashable, set[uuid.UUID]] = defaultdict(set)
    everyone: set[uuid.UUID] = set()
    for row, column, person, amount in facts:
        if column not in columns:
            continue
        amounts[(row, column)] += amount
        people[(row, column)].add(person)
        row_people[row].add(person)
        column_people[column].add(person)
        everyone.add(person)
    row_keys = sorted({row for row, _ in amounts}, key=str)
    cells = {key: (amounts[key], len(people[key])) for key in amounts}
    row_totals = {
        row: (sum(amounts[(row, c)] for c in columns), len(row_people[row])) for row in row_keys
    }
    column_totals: dict[Hashable, tuple[int, int]] = {
        c: (sum(amounts[(r, c)] for r in row_keys), len(column_people[c])) for c in columns
    }
    total = (sum(amounts.values()), len(everyone))
    table = suppression.suppress(
        suppression.grid(row_keys, columns, cells, row_totals, column_totals, total), k
    )
    R, C = table.rows, table.columns

    def shown(entry: tuple[int, int]) -> int | None:
        return None if entry in table.suppressed else table.values[entry]

    rows = [
        ReportRow(
            key=str(row),
            dimensions=dict(
                zip(dimensions, row if isinstance(row, tuple) else (row,), strict=True)
            ),
            cells=[shown((r, c)) for c in range(C)],
            total=shown((r, C)),
        )
        for r, row in enumerate(row_keys)
    ]
    return ReportOut(
        report=name,
        period_from=period[0] if period else None,
        period_to=period[1] if period else None,
        threshold=k,
        dimensions=dimensions,
        columns=columns,
        rows=rows,
        column_totals=[shown((R, c)) for c in range(C)],
        grand_total=shown((R, C)),
        suppressed=len(table.suppressed),
    )


async def interactions_report(
    db: AsyncSession, municipality_id: uuid.UUID, months: list[str], k: int
) -> ReportOut:
    start, end = _bounds(months)
    rows = await db.execute(
        select(
            col(Interaction.kind),
            col(Interaction.language),
            col(Interaction.created_at),
            col(Interaction.resident_id),
        ).where(
            col(Interaction.municipality_id) == municipality_id,
            col(Interaction.created_at) >= start,
            col(Interaction.created_at) < end,
        )
    )
    facts = [
        ((kind, language), month_of(at), person, 1) for kind, language, at, person in rows.all()
    ]
    return tabulate(
        "interactions", ["kind", "language"], months, facts, k, period=(months[0], months[-1])
    )


async def help_requests_report(
    db: AsyncSession, municipality_id: uuid.UUID, months: list[str], k: int
) -> ReportOut:
    start, end = _bounds(months)
    found = await volunteer_help.requests_created_between(db, municipality_id, start, end)
    facts = [((category, state), month_of(at), person, 1) for at, category, state, person in found]
    return tabulate(
        "help-requests", ["category", "outcome"], months, facts, k, period=(months[0], months[-1])
    )


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p * len(ordered)) - 1)]


async def response_times_report(
    db: AsyncSession, municipality_id: uuid.UUID, months: list[str], k: int
) -> ReportOut:
    """Questions asked per month, answered or not, and the hours to the first answer (median
    and p90) for months with at least ``k`` persons answered."""
    start, end = _bounds(months)
    rows = await db.execute(
        select(
            col(Interaction.created_at),
            col(Interaction.resident_id),
            col(Conversation.first_answered_at),
        )
        .outerjoin(Conversation, col(Conversation.interaction_id) == Interaction.id)
        .where(
            col(Interaction.municipality_id) == municipality_id,
            col(Interaction.kind) == InteractionKind.question,
            col(Interaction.created_at) >= start,
            col(Interaction.created_at) < end,
        )
    )
    facts: list[Fact] = []
    hours: dict[str, list[float]] = defaultdict(list)
    answered_people: dict[str, set[uuid.UUID]] = defaultdict(set)
    for asked_at, person, answered_at in rows.all():
        month = month_of(asked_at)
        facts.append(("answered" if answered_at else "unanswered", month, person, 1))
        if answered_at is not None:
            hours[month].append((answered_at - asked_at).total_seconds() / 3600)
            answered_people[month].add(person)
    report = tabulate(
        "response-times", ["answer"], months, facts, k, period=(months[0], months[-1])
    )
    report.stats = [
        MonthStats(
            month=month,
            median_hours=round(statistics.median(hours[month]), 1)
            if len(answered_people[month]) >= k
            else None,
            p90_hours=round(percentile(hours[month], 0.9), 1)
            if len(answered_people[month]) >= k
            else None,
        )
        for month in months
    ]
    return report


async def journey_report(db: AsyncSession, municipality_id: uuid.UUID, k: int) -> ReportOut:
    """Residents per journey step and status, as they stand now."""
    rows = await db.execute(
        select(col(JourneyStep.key), col(JourneyStep.status), col(JourneyStep.resident_id))
        .join(Resident, col(Resident.id) == JourneyStep.resident_id)
        .where(
            col(JourneyStep.municipality_id) == municipality_id, col(Resident.erased_at).is_(None)
        )
    )
    found = rows.all()
    statuses = sorted({status for _, status, _ in found})
    facts = [(key, status, person, 1) for key, status, person in found]
    report = tabulate("journey", ["step"], statuses, facts, k, period=None)
    report.labels = await _step_titles(db, municipality_id, {row.key for row in report.rows})
    return report


async def _step_titles(
    db: AsyncSession, municipality_id: uuid.UUID, keys: set[str]
) -> dict[str, str]:
    """The Dutch (source) title of each of ``keys`` in the municipality's journey templates.
    Where templates share a key, the step first by position names it; a key without a title
    gets no label."""
    if not keys:
        return {}
    template_steps = await db.execute(
        select(col(JourneyTemplateStep.key), col(JourneyTemplateStep.explanation))
        .where(
            col(JourneyTemplateStep.municipality_id) == municipality_id,
            col(JourneyTemplateStep.key).in_(keys),
        )
        .order_by(col(JourneyTemplateStep.position), col(JourneyTemplateStep.id))
    )
    titles: dict[str, str] = {}
    for key, explanation in template_steps:
        title = ((explanation or {}).get(journey.SOURCE_LANGUAGE) or {}).get("title")
        if isinstance(title, str) and title.strip():
            titles.setdefault(key, title.strip())
    return titles


def to_csv(report: ReportOut) -> str:
    """Wide CSV: one line per row, months (or statuses) as columns; suppressed cells are ``x``."""

    def cell(value: int | None) -> str:
        return "x" if value is None else str(value)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*report.dimensions, *report.columns, "total"])
    for row in report.rows:
        writer.writerow(
            [
                *(row.dimensions[d] for d in report.dimensions),
                *(cell(v) for v in row.cells),
                cell(row.total),
            ]
        )
    writer.writerow(
        [
            "total",
            *([""] * (len(report.dimensions) - 1)),
            *(cell(v) for v in report.column_totals),
            cell(report.grand_total),
        ]
    )
    return out.getvalue()
