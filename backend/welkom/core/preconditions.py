# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Preconditions: one ``ETag`` format, one ``If-Match`` parser, one compare-and-set.

Every resource a client may change with ``If-Match`` carries an integer ``version`` column and
the strong entity tag ``"v<version>"``. A change is written only if the row still has the
version the client named, checked *in the database*: ``UPDATE … SET version = version + 1
WHERE id = :id AND version = :expected``. Of two simultaneous writers that read the same
version, the first gets the row (and, on PostgreSQL, its lock until commit); the second's
``UPDATE`` matches no row and it gets the one 412 problem with nothing changed. A check in
Python alone would let both through.

``If-Match`` follows RFC 9110 §13.1.1: ``*`` or a list of entity tags, compared strongly, so a
weak tag (``W/"v3"``) or a tag that is not ours never matches (412). A value that is not an
entity-tag list at all is a client error: 400 naming the header. Routes that overwrite
content (places, translations, journey step texts, consent texts) *require* the header:
:func:`require` answers 428 ``precondition-required`` without it.

Where writing a part that is missing does not change the version the client names (a consent
text's translation into a language the version lacks), ``If-Match`` cannot tell a second
creator from someone correcting the first: such a route also takes ``If-None-Match: *``
(RFC 9110 §13.1.2, :func:`creates_only`), "create, never replace", and answers 412 when the
part exists by then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, TypeAlias

from litestar.params import HeaderParameter
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from welkom.core.database import rows_changed
from welkom.core.i18n import N_
from welkom.core.problems import FieldError, Problem

__all__ = [
    "IfMatch",
    "IfMatchHeader",
    "IfNoneMatchHeader",
    "check",
    "compare_and_set",
    "creates_only",
    "etag",
    "parse_if_match",
    "precondition_failed",
    "precondition_required",
    "require",
]

#: One entity tag in an ``If-Match`` list: optional weakness prefix, then a quoted opaque tag.
_ENTITY_TAG = re.compile(r'\s*(W/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*')
_OURS = re.compile(r"v(0|[1-9][0-9]{0,17})")


#: A route's ``If-Match`` request header, raw (parsed by :func:`parse_if_match` in the service):
#: ``if_match: IfMatchHeader = None``.
IfMatchHeader: TypeAlias = Annotated[str | None, HeaderParameter(name="If-Match", max_length=100)]

#: A route's ``If-None-Match`` request header on a write (only ``*``; :func:`creates_only`).
IfNoneMatchHeader: TypeAlias = Annotated[
    str | None, HeaderParameter(name="If-None-Match", max_length=100)
]


def etag(version: int) -> str:
    """The ``ETag`` header value of a resource at ``version``."""
    return f'"v{version}"'


@dataclass(frozen=True, slots=True)
class IfMatch:
    """A parsed ``If-Match``: ``any`` for ``*``, else the versions its strong tags name."""

    any: bool
    versions: frozenset[int]

    def allows(self, version: int) -> bool:
        return self.any or version in self.versions


def _malformed() -> Problem:
    return Problem.validation(
        [FieldError("If-Match", N_("This value has the wrong format."), source="header")]
    )


def parse_if_match(value: str | None) -> IfMatch | None:
    """``None`` when the header is absent (no precondition); 422 when it is malformed."""
    if value is None:
        return None
    value = value.strip()
    if value == "*":
        return IfMatch(any=True, versions=frozenset())
    versions: set[int] = set()
    position = 0
    while True:
        match = _ENTITY_TAG.match(value, position)
        if match is None:
            raise _malformed()
        weak, opaque = match.groups()
        ours = _OURS.fullmatch(opaque)
        if ours and not weak:  # strong comparison: a weak tag never matches
            versions.add(int(ours[1]))
        position = match.end()
        if position == len(value):
            return IfMatch(any=False, versions=frozenset(versions))
        if value[position] != ",":
            raise _malformed()
        position += 1


def precondition_failed() -> Problem:
    """The one answer to a stale ``If-Match`` or a lost compare-and-set."""
    return Problem(
        412,
        "precondition-failed",
        N_("Changed in the meantime"),
        N_("This was changed elsewhere. Reload and try again; nothing was changed."),
    )


def precondition_required() -> Problem:
    """The one answer to a change sent without ``If-Match`` where one is required (RFC 6585)."""
    return Problem(
        428,
        "precondition-required",
        N_("Precondition required"),
        N_(
            "Send If-Match with the ETag you read, so that a change made in the meantime is not "
            "overwritten."
        ),
    )


def require(if_match: str | None) -> IfMatch:
    """Parse an ``If-Match`` that must be there: 428 when absent, 400 when malformed."""
    parsed = parse_if_match(if_match)
    if parsed is None:
        raise precondition_required()
    return parsed


def creates_only(if_none_match: str | None) -> bool:
    """Whether a write sent ``If-None-Match: *``: it may create, not replace (412 then). Absent:
    False. Any other value names entity tags, which no write compares with: 400."""
    if if_none_match is None:
        return False
    if if_none_match.strip() != "*":
        raise Problem.validation(
            [FieldError("If-None-Match", N_("This value has the wrong format."), source="header")]
        )
    return True


def check(if_match: IfMatch | str | None, version: int) -> None:
    """412 when ``if_match`` (parsed or raw) does not name ``version``; nothing when absent."""
    parsed = parse_if_match(if_match) if isinstance(if_match, str) else if_match
    if parsed is not None and not parsed.allows(version):
        raise precondition_failed()


async def compare_and_set(
    db: AsyncSession, row: Any, if_match: IfMatch | str | None = None, **values: Any
) -> None:
    """Write ``values`` to ``row`` and bump its version, if and only if the row in the database
    still has the version ``row`` was read with (and ``if_match``, when given, names it).

    One statement: ``UPDATE … SET <values>, version = version + 1 WHERE id = :id AND version =
    :expected``. No row matched: the transaction is rolled back and the one 412 problem raised.
    On success ``row`` carries the written values and new version without being marked dirty;
    the caller commits. Call it before any other write of the change, so the row is claimed
    first and a loser has written nothing."""
    check(if_match, row.version)
    model = type(row)
    expected = row.version
    claimed = await rows_changed(
        db,
        update(model)
        .where(model.id == row.id, model.version == expected)
        .values(version=model.version + 1, **values)
        .execution_options(synchronize_session=False),
    )
    if claimed != 1:
        await db.rollback()
        raise precondition_failed()
    for name, value in {**values, "version": expected + 1}.items():
        set_committed_value(row, name, value)
