# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Management reports: counts per month, small cells suppressed so no person can be singled
out — not from the cell, and not by subtraction from other rows and the totals."""

from __future__ import annotations

import csv
import io
import itertools
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.support_admin import Person, demo_municipality, other_municipality, person
from welkom.admin.models import Conversation
from welkom.interactions.models import Interaction
from welkom.journey.models import JourneyTemplateStep
from welkom.reports import suppression
from welkom.reports.schemas import ReportOut
from welkom.reports.service import tabulate
from welkom.residents.models import Resident

pytestmark = pytest.mark.time_dependent

K = 5
MONTHS = ["2026-01", "2026-02", "2026-03"]


def facts(counts: dict[tuple[str, str], int]) -> list:
    """One fact per person: ``counts[(row, month)]`` distinct persons."""
    return [(row, month, uuid.uuid4(), 1) for (row, month), n in counts.items() for _ in range(n)]


def published_relations(report: ReportOut) -> tuple[list[list[int | None]], list[int | None]]:
    grid = [[*row.cells, row.total] for row in report.rows]
    totals = [*report.column_totals, report.grand_total]
    return grid, totals


def feasible_values(report: ReportOut, target: tuple[int, int], bound: int) -> set[int]:
    """Every value the target cell can take in some non-negative integer table that publishes
    exactly what the report publishes (a brute-force attacker: it tries every table)."""
    grid, totals = published_relations(report)
    inner = [line[:-1] for line in grid]
    hidden = [(r, c) for r, line in enumerate(inner) for c, v in enumerate(line) if v is None]
    values = set()
    for guess in itertools.product(range(bound + 1), repeat=len(hidden)):
        table = [list(line) for line in inner]
        for (r, c), v in zip(hidden, guess, strict=True):
            table[r][c] = v
        row_sums = [sum(line) for line in table]
        column_sums = [sum(line[c] for line in table) for c in range(len(table[0]))]
        published = [line[-1] for line in grid] + totals
        computed = row_sums + column_sums + [sum(row_sums)]
        if all(p is None or p == v for p, v in zip(published, computed, strict=True)):
            values.add(table[target[0]][target[1]])
    return values


def test_a_cell_of_four_is_hidden_and_cannot_be_recovered_from_totals() -> None:
    counts = {
        ("ar", "2026-01"): 4, ("ar", "2026-02"): 9, ("ar", "2026-03"): 12,
        ("ti", "2026-01"): 7, ("ti", "2026-02"): 6, ("ti", "2026-03"): 8,
        ("fa", "2026-01"): 10, ("fa", "2026-02"): 11, ("fa", "2026-03"): 9,
    }  # fmt: skip
    report = tabulate("t", ["language"], MONTHS, facts(counts), K, period=None)
    rows = {row.key: row for row in report.rows}
    assert rows["ar"].cells[0] is None  # the cell of 4
    # Without complements the row total and column total would give it away.
    assert sum(v is None for v in [*rows["ar"].cells, rows["ar"].total]) >= 2
    assert (
        sum(v is None for v in [row.cells[0] for row in report.rows] + [report.column_totals[0]])
        >= 2
    )
    # Everything that is shown is true.
    assert rows["fa"].cells == [10, 11, 9] or None in rows["fa"].cells
    assert report.grand_total in (76, None)
    # A brute-force attacker cannot pin the cell down, nor tell that it is below the threshold.
    ar = [row.key for row in report.rows].index("ar")
    possible = feasible_values(report, (ar, 0), bound=14)
    assert 4 in possible
    assert len(possible) > 1
    assert max(possible) >= K


def test_a_lonely_small_row_hides_its_total_too() -> None:
    # One person in one month in Tigrinya: the row total is that same person.
    counts = {("ar", m): 8 for m in MONTHS} | {("ti", "2026-02"): 1}
    report = tabulate("t", ["language"], MONTHS, facts(counts), K, period=None)
    ti = next(row for row in report.rows if row.key == "ti")
    assert ti.cells[1] is None
    assert ti.total is None
    # The month's column cannot reveal it either.
    february = [row.cells[1] for row in report.rows] + [report.column_totals[1]]
    assert sum(v is None for v in february) >= 2
    index = [row.key for row in report.rows].index("ti")
    assert len(feasible_values(report, (index, 1), bound=9)) > 1


def test_no_hidden_cell_is_derivable_in_random_tables() -> None:
    import random

    generator = random.Random(8)
    for _ in range(200):
        rows, columns = generator.randint(1, 5), generator.randint(1, 6)
        cells = {}
        for r in range(rows):
            for c in range(columns):
                n = generator.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 20])
                cells[(r, c)] = (n, n)
        row_totals = {r: (sum(cells[(r, c)][0] for c in range(columns)),) * 2 for r in range(rows)}
        column_totals = {
            c: (sum(cells[(r, c)][0] for r in range(rows)),) * 2 for c in range(columns)
        }
        total = (sum(v for v, _ in cells.values()),) * 2
        table = suppression.suppress(
            suppression.grid(
                list(range(rows)), list(range(columns)), cells, row_totals, column_totals, total
            ),
            K,
        )
        for entry in table.primary:
            assert entry in table.suppressed
            assert not suppression.derivable(table, entry), (cells, entry, table.suppressed)
        for members, total_entry in table.relations():
            hidden = [e for e in [*members, total_entry] if e in table.suppressed]
            assert len(hidden) != 1


def test_nothing_small_nothing_hidden() -> None:
    counts = {("ar", m): 6 for m in MONTHS} | {("ti", m): 0 for m in MONTHS}
    report = tabulate("t", ["language"], MONTHS, facts(counts), K, period=None)
    assert report.suppressed == 0
    assert report.grand_total == 18


@pytest.fixture
async def residents_here(client: AsyncTestClient, db: AsyncSession) -> list[Person]:
    here = await demo_municipality(db)
    return [await person(client, db, here, "resident") for _ in range(8)]


async def _question(db: AsyncSession, resident: Person, language: str, at: datetime) -> Interaction:
    municipality = (await db.get(Resident, resident.resident_id)).municipality_id  # type: ignore[union-attr]
    interaction = Interaction(
        municipality_id=municipality,
        resident_id=resident.resident_id,  # type: ignore[arg-type]
        kind="question",
        language=language,
        text="Vraag",
        created_at=at,
    )
    db.add(interaction)
    await db.flush()
    return interaction


async def test_interactions_report_suppresses_small_cells_in_json_and_csv(
    client: AsyncTestClient, db: AsyncSession, residents_here: list[Person]
) -> None:
    january, february = datetime(2026, 1, 15, tzinfo=UTC), datetime(2026, 2, 10, tzinfo=UTC)
    for resident in residents_here:  # 8 persons ask in Arabic in both months
        await _question(db, resident, "ar", january)
        await _question(db, resident, "ar", february)
    for resident in residents_here[:4]:  # 4 persons ask in Tigrinya in January
        await _question(db, resident, "ti", january)
    there = await other_municipality(db)
    stranger = await person(client, db, there, "resident")
    for _ in range(9):
        await _question(db, stranger, "fa", january)
    await db.commit()
    caseworker = await person(client, db, await demo_municipality(db), "caseworker")

    response = await client.get(
        "/api/v1/admin/reports/interactions",
        params={"from": "2026-01", "to": "2026-02"},
        headers=caseworker.headers,
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["columns"] == ["2026-01", "2026-02"]
    assert report["threshold"] == 5
    rows = {tuple(row["dimensions"].values()): row for row in report["rows"]}
    assert set(rows) == {("question", "ar"), ("question", "ti")}  # not the other municipality
    assert rows[("question", "ti")]["cells"][0] is None
    assert rows[("question", "ti")]["total"] is None
    # January's column: the Tigrinya 4 cannot be recovered from the column total.
    january_column = [rows[key]["cells"][0] for key in rows] + [report["column_totals"][0]]
    assert sum(v is None for v in january_column) >= 2
    assert "4" not in [str(v) for row in report["rows"] for v in row["cells"]]

    as_csv = await client.get(
        "/api/v1/admin/reports/interactions",
        params={"from": "2026-01", "to": "2026-02", "format": "csv"},
        headers=caseworker.headers,
    )
    assert as_csv.headers["content-type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(as_csv.text)))
    assert lines[0] == ["kind", "language", "2026-01", "2026-02", "total"]
    tigrinya = next(line for line in lines if line[1] == "ti")
    assert tigrinya[2] == "x"
    assert tigrinya[4] == "x"
    assert lines[-1][0] == "total"


async def test_response_times_and_help_request_reports(
    client: AsyncTestClient, db: AsyncSession, residents_here: list[Person]
) -> None:
    asked = datetime(2026, 3, 2, 9, tzinfo=UTC)
    for n, resident in enumerate(residents_here[:6]):
        question = await _question(db, resident, "ar", asked)
        db.add(
            Conversation(
                interaction_id=question.id,
                municipality_id=question.municipality_id,
                resident_id=question.resident_id,
                first_answered_at=asked + timedelta(hours=n + 1),
            )
        )
    for resident in residents_here[6:]:
        await _question(db, resident, "ar", asked)  # 2 unanswered: a small cell
    await db.commit()
    caseworker = await person(client, db, await demo_municipality(db), "caseworker")
    report = (
        await client.get(
            "/api/v1/admin/reports/response-times",
            params={"from": "2026-03", "to": "2026-03"},
            headers=caseworker.headers,
        )
    ).json()
    stats = report["stats"][0]
    assert stats == {"month": "2026-03", "median_hours": 3.5, "p90_hours": 6.0}
    rows = {row["key"]: row for row in report["rows"]}
    assert rows["unanswered"]["cells"] == [None]
    assert rows["answered"]["cells"] == [None]  # complement: else 8 - 6 gives the 2 away
    assert report["grand_total"] == 8

    help_report = await client.get(
        "/api/v1/admin/reports/help-requests", headers=caseworker.headers
    )
    assert help_report.status_code == 200
    assert help_report.json()["dimensions"] == ["category", "outcome"]
    journey = await client.get("/api/v1/admin/reports/journey", headers=caseworker.headers)
    assert journey.status_code == 200
    assert journey.json()["dimensions"] == ["step"]
    # The demo resident is the only one with a journey: every cell is one person.
    assert all(v is None for row in journey.json()["rows"] for v in row["cells"] if v != 0)
    # Steps are codes; records management reads them by their template's Dutch title.
    labels = journey.json()["labels"]
    assert set(labels) == {row["key"] for row in journey.json()["rows"]}
    titles = {
        step.key: step.explanation["nl"]["title"]
        for step in (await db.execute(select(JourneyTemplateStep))).scalars()
    }
    assert labels == {key: titles[key] for key in labels}


async def test_report_input_is_checked_and_roles_are_enforced(
    client: AsyncTestClient, db: AsyncSession, resident: dict
) -> None:
    caseworker = await person(client, db, await demo_municipality(db), "caseworker")
    for params, field in (
        ({"from": "2026-13"}, "from"),
        ({"from": "januari"}, "from"),
        ({"from": "2026-05", "to": "2026-01"}, "to"),
        ({"from": "2020-01", "to": "2026-01"}, "to"),
        ({"format": "xlsx"}, "format"),
    ):
        response = await client.get(
            "/api/v1/admin/reports/interactions", params=params, headers=caseworker.headers
        )
        assert response.status_code == 400, params
        assert response.json()["errors"][0]["field"] == field
    unknown = await client.get("/api/v1/admin/reports/salaries", headers=caseworker.headers)
    assert unknown.status_code == 404
    volunteer = await person(client, db, await demo_municipality(db), "volunteer")
    for headers in (resident, volunteer.headers):
        refused = await client.get("/api/v1/admin/reports/interactions", headers=headers)
        assert refused.status_code == 403


def test_random_small_tables_withstand_a_brute_force_attack() -> None:
    """Independent of the algebra in suppression.py: for random tables, every hidden small cell
    still has more than one value consistent with everything published."""
    import random

    generator = random.Random(5)
    checked = 0
    while checked < 25:
        rows, months = generator.choice([(2, 2), (2, 3), (3, 2)])
        counts = {
            (f"r{r}", MONTHS[c]): generator.choice([0, 1, 2, 4, 5, 6])
            for r in range(rows)
            for c in range(months)
        }
        report = tabulate("t", ["row"], MONTHS[:months], facts(counts), K, period=None)
        hidden_inner = [
            (r, c)
            for r, row in enumerate(report.rows)
            for c, v in enumerate(row.cells)
            if v is None
        ]
        small = [
            (r, c)
            for r, row in enumerate(report.rows)
            for c in range(months)
            if 0 < counts[(row.key, MONTHS[c])] < K
        ]
        if not small or len(hidden_inner) > 4:
            continue
        for target in small:
            assert target in hidden_inner
            assert len(feasible_values(report, target, bound=9)) > 1, (counts, target)
        checked += 1
