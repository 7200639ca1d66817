# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Management reports under ``/api/v1/admin/reports`` (JSON or CSV)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from litestar import Controller, Response, get
from litestar.params import FromPath, QueryParameter

from welkom.core.dates import MONTH_PATTERN, parse_month
from welkom.core.deps import AppSettings, DbSession
from welkom.core.guards import Caller, requires_role
from welkom.core.models import utcnow
from welkom.core.openapi import CsvAlternative
from welkom.core.problems import Problem
from welkom.reports import service
from welkom.reports.schemas import ReportOut

ReportName = Literal["interactions", "response-times", "help-requests", "journey"]


def _default_period() -> tuple[str, str]:
    today = utcnow().date()
    start = date(today.year - 1, today.month, 1)
    start = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return f"{start.year:04d}-{start.month:02d}", f"{today.year:04d}-{today.month:02d}"


class ReportController(Controller):
    path = "/api/v1/admin/reports"
    tags = ["reports", "admin"]
    guards = [requires_role("caseworker", "coordinator", "records_manager", "admin")]

    @get(
        "/{name:str}",
        operation_id="getReport",
        summary="Read a monthly report",
        operation_class=CsvAlternative,
        description="Monthly counts for your municipality: `interactions` (kind × language), "
        "`response-times` (answered or not, median and p90 hours to the first answer), "
        "`help-requests` (category × outcome), `journey` (step × status, now). Cells of fewer "
        "persons than the threshold are `null` (CSV: `x`), with complementary suppression so "
        "totals do not reveal them. `from`/`to`: months as YYYY-MM (default: the last 12); a "
        "malformed or reversed period: 422. An unknown report: 404. `format=csv` answers CSV.",
    )
    async def get_report(
        self,
        name: FromPath[str],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
        period_from: Annotated[
            str | None, QueryParameter(name="from", max_length=7, pattern=MONTH_PATTERN)
        ] = None,
        period_to: Annotated[
            str | None, QueryParameter(name="to", max_length=7, pattern=MONTH_PATTERN)
        ] = None,
        format: Annotated[Literal["json", "csv"], QueryParameter(name="format")] = "json",
    ) -> Response[Any]:  # a ReportOut, or CSV text (CsvAlternative)
        if name not in service.REPORTS:
            raise Problem.not_found()
        default_from, default_to = _default_period()
        months = service.months_between(
            parse_month(period_from or default_from, "from"),
            parse_month(period_to or default_to, "to"),
        )
        k = settings.policy.report_min_cell_size
        municipality = principal.municipality_id
        report: ReportOut
        if name == "interactions":
            report = await service.interactions_report(db, municipality, months, k)
        elif name == "response-times":
            report = await service.response_times_report(db, municipality, months, k)
        elif name == "help-requests":
            report = await service.help_requests_report(db, municipality, months, k)
        else:
            report = await service.journey_report(db, municipality, k)
        if format == "csv":
            return Response(
                service.to_csv(report),
                media_type="text/csv",  # Litestar adds "; charset=utf-8" to text types
                headers={"Content-Disposition": f'attachment; filename="welkom-{name}.csv"'},
            )
        return Response(report)
