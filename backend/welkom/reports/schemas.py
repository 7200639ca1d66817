# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Report shapes. ``null`` in a cell or total means suppressed (fewer than the threshold of
persons, or hidden so that such a cell cannot be recovered by subtraction)."""

import msgspec


class ReportRow(msgspec.Struct):
    key: str
    dimensions: dict[str, str]
    cells: list[int | None]
    total: int | None


class MonthStats(msgspec.Struct):
    month: str
    median_hours: float | None
    p90_hours: float | None


class ReportOut(msgspec.Struct, kw_only=True):
    report: str
    period_from: str | None
    period_to: str | None
    threshold: int
    dimensions: list[str]
    columns: list[str]
    rows: list[ReportRow]
    column_totals: list[int | None]
    grand_total: int | None
    suppressed: int
    stats: list[MonthStats] | None = None
    #: Row keys in words, where the key is a code: the journey report's steps by the Dutch title
    #: of their template step.
    labels: dict[str, str] | None = None
