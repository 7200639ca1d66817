# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Small-cell suppression for two-way tables with row and column totals.

A table is the grid of cells plus its margins: row totals, column totals and the grand total.
Every row (with its total) and every column (with its total) is an additive *relation*: the
members sum to the total. Publishing a table must not let anyone single out a person:

1. **Primary suppression** — a cell (or total) counting at least one but fewer than ``k``
   persons is not shown.
2. **Complementary suppression** — otherwise a suppressed cell could be recovered by
   subtraction. Further entries are suppressed until
   a. no relation has exactly one suppressed member (plain subtraction),
   b. in every relation whose total is shown, the suppressed members together count at least
      ``k`` (else the total bounds the hidden cell below ``k``: "fewer than k"), and
   c. no suppressed cell can be derived from *any* linear combination of the published
      relations (checked exactly: the cell's unit vector is not in the row space of the system
      of relations over the suppressed entries, with rational Gaussian elimination).

Complements are chosen smallest first (least information lost), inner cells before totals.
Zero cells are not sensitive (nobody is singled out by a zero) and are used as complements only
when nothing else is left.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

Entry = tuple[int, int]  # (row, column); row == R is the totals row, column == C the totals column


@dataclass
class Grid:
    """Values and person counts of a table with its margins, as an (R+1) x (C+1) grid."""

    rows: int
    columns: int
    values: dict[Entry, int]
    persons: dict[Entry, int]
    suppressed: set[Entry] = field(default_factory=set)
    primary: set[Entry] = field(default_factory=set)

    @property
    def total_row(self) -> int:
        return self.rows

    @property
    def total_column(self) -> int:
        return self.columns

    def is_total(self, entry: Entry) -> bool:
        return entry[0] == self.rows or entry[1] == self.columns

    def relations(self) -> list[tuple[list[Entry], Entry]]:
        """(members, total) for every row and every column, margins included."""
        found = []
        for r in range(self.rows + 1):
            found.append(([(r, c) for c in range(self.columns)], (r, self.columns)))
        for c in range(self.columns + 1):
            found.append(([(r, c) for r in range(self.rows)], (self.rows, c)))
        return found


def grid(
    row_keys: Sequence[Hashable],
    column_keys: Sequence[Hashable],
    cells: dict[tuple[Hashable, Hashable], tuple[int, int]],
    row_totals: dict[Hashable, tuple[int, int]],
    column_totals: dict[Hashable, tuple[int, int]],
    total: tuple[int, int],
) -> Grid:
    """Build a grid from (value, persons) per cell and per margin (persons in a margin are the
    distinct persons of that row or column, not a sum)."""
    values: dict[Entry, int] = {}
    persons: dict[Entry, int] = {}
    rows, columns = len(row_keys), len(column_keys)
    for r, row in enumerate(row_keys):
        for c, column in enumerate(column_keys):
            values[(r, c)], persons[(r, c)] = cells.get((row, column), (0, 0))
        values[(r, columns)], persons[(r, columns)] = row_totals.get(row, (0, 0))
    for c, column in enumerate(column_keys):
        values[(rows, c)], persons[(rows, c)] = column_totals.get(column, (0, 0))
    values[(rows, columns)], persons[(rows, columns)] = total
    return Grid(rows, columns, values, persons)


def suppress(table: Grid, k: int) -> Grid:
    """Mark the entries to suppress (primary and complementary) on ``table`` and return it."""
    table.primary = {e for e, n in table.persons.items() if 0 < n < k}
    table.suppressed = set(table.primary)
    while _step(table, k):
        pass
    return table


def _candidates(table: Grid, members: Sequence[Entry]) -> list[Entry]:
    free = [e for e in members if e not in table.suppressed]
    return sorted(free, key=lambda e: (table.is_total(e), table.values[e] == 0, table.values[e], e))


def _step(table: Grid, k: int) -> bool:
    """Suppress one more entry if a rule requires it; False when the table is safe."""
    relations = table.relations()
    # (a) plain subtraction: exactly one hidden member in a relation.
    for members, total in relations:
        everyone = [*members, total]
        hidden = [e for e in everyone if e in table.suppressed]
        if len(hidden) == 1 and (choice := _candidates(table, everyone)):
            table.suppressed.add(choice[0])
            return True
    # (b) the shown total bounds the hidden members below k.
    for members, total in relations:
        hidden = [e for e in members if e in table.suppressed]
        if total in table.suppressed or not any(e in table.primary for e in hidden):
            continue
        if sum(table.values[e] for e in hidden) < k and (
            choice := _candidates(table, [*members, total])
        ):
            table.suppressed.add(choice[0])
            return True
    # (c) any linear combination of the relations.
    exposed = derivable_entries(table) & table.primary
    for entry in sorted(exposed):
        related = [
            [*members, total] for members, total in relations if entry in members or entry == total
        ]
        choices = [c for group in related for c in _candidates(table, group)]
        if choices:
            table.suppressed.add(
                min(
                    choices,
                    key=lambda e: (table.is_total(e), table.values[e] == 0, table.values[e], e),
                )
            )
            return True
    return False


def derivable(table: Grid, entry: Entry) -> bool:
    """Can ``entry`` be computed from the published values?"""
    return entry in derivable_entries(table)


def derivable_entries(table: Grid) -> set[Entry]:
    """The suppressed entries that can be computed from the published values. Exact: an entry
    is derivable when its unit vector lies in the row space of the relations restricted to the
    suppressed entries (reduced row echelon form over the rationals, computed once)."""
    unknowns = sorted(table.suppressed)
    index = {e: i for i, e in enumerate(unknowns)}
    equations = []
    for members, total in table.relations():
        row = [Fraction(0)] * len(unknowns)
        for member in members:
            if member in index:
                row[index[member]] += 1
        if total in index:
            row[index[total]] -= 1
        if any(row):
            equations.append(row)
    basis = _row_echelon(equations)
    found = set()
    for entry, i in index.items():
        # In reduced form, e_i is in the row space iff some basis row is exactly e_i.
        if any(row[i] == 1 and sum(1 for v in row if v != 0) == 1 for _, row in basis):
            found.add(entry)
    return found


def _row_echelon(rows: list[list[Fraction]]) -> list[tuple[int, list[Fraction]]]:
    """Reduced row echelon form as (pivot column, normalised row) pairs."""
    basis: list[tuple[int, list[Fraction]]] = []
    pivot: int | None
    for original in rows:
        row = list(original)
        for pivot, base in basis:
            if row[pivot] != 0:
                factor = row[pivot]
                row = [a - factor * b for a, b in zip(row, base, strict=True)]
        pivot = next((i for i, v in enumerate(row) if v != 0), None)
        if pivot is None:
            continue
        row = [v / row[pivot] for v in row]
        basis = [
            (p, [a - b[pivot] * c for a, c in zip(b, row, strict=True)])
            if b[pivot] != 0
            else (p, b)
            for p, b in basis
        ]
        basis.append((pivot, row))
    return basis
