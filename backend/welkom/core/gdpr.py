# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The GDPR registry: for every table that holds a resident's data, how to export and erase it.

Each domain declares a :class:`TableHandler` per table in its own ``gdpr.py``; the app factory
registers them all in :data:`REGISTRY` at start (:func:`welkom.app.register_domains`), and
:mod:`welkom.gdpr.service` walks the registry, so ``gdpr`` imports no domain's handlers by name.
A table that references the resident (a foreign key to ``resident.id`` or a ``resident_id``
column) without a handler fails the test suite (``tests/test_gdpr.py``), so new tables cannot
silently escape an export or an erasure.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import MetaData, Table
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.core.identity import Principal


@dataclass(frozen=True)
class Subject:
    """Whose data: the resident, their municipality and the accounts they sign in with."""

    resident_id: uuid.UUID
    municipality_id: uuid.UUID
    account_ids: tuple[uuid.UUID, ...] = ()


@dataclass
class Erased:
    """What an eraser did with a table's rows for this resident."""

    deleted: int = 0
    anonymised: int = 0
    retained: int = 0
    #: Storage keys of files that belonged to the deleted rows: the erasure removes them from
    #: the object store once every handler has run, before it commits.
    files: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {"deleted": self.deleted, "anonymised": self.anonymised, "retained": self.retained}


Exporter = Callable[[AsyncSession, Subject], Awaitable[list[dict[str, Any]]]]
Eraser = Callable[[AsyncSession, Subject, Principal], Awaitable[Erased]]


@dataclass(frozen=True)
class TableHandler:
    """Export and erasure of one table.

    ``retained`` names the columns that keep a value after erasure and why (a short reason that
    the export and ``docs/residents.md`` repeat). Every other column of a remaining row must be
    empty after erasure; the tests check this against the database.
    """

    table: str
    export: Exporter | None
    erase: Eraser
    retained: dict[str, str] = field(default_factory=dict)
    retention_reason: str = ""


def rows(items: Iterable[Any], *, exclude: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """SQLModel rows as JSON-ready dicts."""
    return [item.model_dump(mode="json", exclude=set(exclude)) for item in items]


def resident_column(table: Table) -> str | None:
    """The column through which ``table`` refers to a resident, if any."""
    if table.name == "resident":
        return "id"
    for column in table.columns:
        if any(fk.column.table.name == "resident" for fk in column.foreign_keys):
            return column.name
    return "resident_id" if "resident_id" in table.columns else None


def resident_tables(metadata: MetaData) -> dict[str, str]:
    """Every table that holds rows about a resident, with the column that names them."""
    found = {}
    for table in metadata.sorted_tables:
        if (column := resident_column(table)) is not None:
            found[table.name] = column
    return found


def missing(metadata: MetaData, handlers: Iterable[TableHandler]) -> set[str]:
    """Resident tables without a handler with an exporter."""
    covered = {h.table for h in handlers if h.export is not None}
    return set(resident_tables(metadata)) - covered


def erasure_order(metadata: MetaData, handlers: Iterable[TableHandler]) -> list[TableHandler]:
    """Handlers in an order that respects foreign keys: referencing tables first."""
    position = {t.name: i for i, t in enumerate(reversed(metadata.sorted_tables))}
    return sorted(handlers, key=lambda h: position.get(h.table, -1))


class GdprRegistry:
    """The table handlers of every domain, in the order they were registered.

    Registering the same handler again is allowed (several apps in one process register the same
    domains); a second, different handler for a table is refused.
    """

    def __init__(self) -> None:
        self._handlers: dict[str, TableHandler] = {}

    def register(self, *handlers: TableHandler) -> None:
        for handler in handlers:
            known = self._handlers.get(handler.table)
            if known is not None and known is not handler:
                raise ValueError(f"a second GDPR handler for table {handler.table!r}")
            self._handlers[handler.table] = handler

    @property
    def handlers(self) -> tuple[TableHandler, ...]:
        """Every registered handler; refuses when none are (an export must never be empty)."""
        if not self._handlers:
            raise RuntimeError("no GDPR handlers registered: call welkom.app.register_domains()")
        return tuple(self._handlers.values())


#: Filled at start by the app factory (:func:`welkom.app.register_domains`).
REGISTRY = GdprRegistry()
