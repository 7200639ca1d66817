# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""How long does small-cell suppression take on a realistic report table?

    .venv/bin/python bench/report_suppression.py [--rows 28] [--months 12] [--small 0.3]

A table of ``rows`` rows (e.g. 2 kinds x 14 languages) by ``months`` columns where a fraction
``small`` of the cells counts 1-4 persons (suppressed), the rest 5-60 or zero. Prints the time
and how many entries were hidden.
"""

from __future__ import annotations

import argparse
import random
import time

from welkom.reports import suppression


def table(rows: int, months: int, small: float, seed: int) -> suppression.Grid:
    generator = random.Random(seed)  # noqa: S311 - test data, not security
    cells = {}
    for r in range(rows):
        for c in range(months):
            roll = generator.random()
            n = (
                generator.randint(1, 4)
                if roll < small
                else (0 if roll < small + 0.2 else generator.randint(5, 60))
            )
            cells[(r, c)] = (n, n)
    row_totals = {r: (sum(cells[(r, c)][0] for c in range(months)),) * 2 for r in range(rows)}
    column_totals = {c: (sum(cells[(r, c)][0] for r in range(rows)),) * 2 for c in range(months)}
    total = (sum(v for v, _ in cells.values()),) * 2
    return suppression.grid(
        list(range(rows)), list(range(months)), cells, row_totals, column_totals, total
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=28)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--small", type=float, default=0.3)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for run in range(args.runs):
        grid = table(args.rows, args.months, args.small, seed=run)
        started = time.perf_counter()
        suppression.suppress(grid, 5)
        elapsed = time.perf_counter() - started
        print(
            f"{args.rows}x{args.months}: {len(grid.primary)} primary, "
            f"{len(grid.suppressed) - len(grid.primary)} complementary, {elapsed:.3f} s"
        )


if __name__ == "__main__":
    main()
