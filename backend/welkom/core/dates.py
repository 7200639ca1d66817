# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Instants and months from the outside world (query parameters, page cursors), checked in one
place: an instant must carry a time zone and lie within :data:`MIN_INSTANT` ..
:data:`MAX_INSTANT`; a month is ``YYYY-MM`` within the same years. Anything else is a localized
400 problem naming the field, never a 500 from a comparison, a conversion to UTC or a month
computed past the year 9999.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from welkom.core.i18n import N_
from welkom.core.problems import FieldError, Problem

#: Earliest and (exclusive) latest instant accepted from a caller: far enough from Python's
#: ``datetime.min``/``max`` that converting to any time zone, or adding a month, cannot overflow.
MIN_INSTANT = datetime(1900, 1, 1, tzinfo=UTC)
MAX_INSTANT = datetime(9999, 1, 1, tzinfo=UTC)
#: A month as query parameters take it (reports' ``from``/``to``).
MONTH_PATTERN = r"^[0-9]{4}-[0-9]{2}$"

_NO_TIME_ZONE = N_("Give a time zone, e.g. Z or +01:00.")
_OUT_OF_RANGE = N_("Use a date from the year {first} up to the year {last}.")


def _out_of_range(field: str, source: str) -> Problem:
    params = {"first": MIN_INSTANT.year, "last": MAX_INSTANT.year - 1}
    return Problem.validation([FieldError(field, _OUT_OF_RANGE, params, source)])


def checked_instant(value: datetime, field: str, *, source: str = "query") -> datetime:
    """``value`` in UTC, or a 400 problem if it has no time zone or lies out of range."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise Problem.validation([FieldError(field, _NO_TIME_ZONE, source=source)])
    try:
        utc = value.astimezone(UTC)
    except OverflowError:  # e.g. 0001-01-01T00:00:00+14:00 is before datetime.min in UTC
        raise _out_of_range(field, source) from None
    if not MIN_INSTANT <= utc < MAX_INSTANT:
        raise _out_of_range(field, source)
    return utc


def optional_instant(
    value: datetime | None, field: str, *, source: str = "query"
) -> datetime | None:
    """:func:`checked_instant` for an optional parameter."""
    return None if value is None else checked_instant(value, field, source=source)


def parse_instant(text: object, field: str, *, source: str = "query") -> datetime:
    """An ISO 8601 instant from untrusted text (a decoded cursor's part), checked as
    :func:`checked_instant` does. Anything that is not such a text is a 400 problem."""
    if not isinstance(text, str):
        raise Problem.validation(
            [FieldError(field, N_("This is not a valid date or time."), source=source)]
        )
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise Problem.validation(
            [FieldError(field, N_("This is not a valid date or time."), source=source)]
        ) from None
    return checked_instant(value, field, source=source)


def parse_month(value: str, field: str, *, source: str = "query") -> date:
    """The first day of the month ``YYYY-MM``, or a 400 problem (wrong shape, no such month,
    or a year out of range)."""
    try:
        year, month = value.split("-")
        first = date(int(year), int(month), 1)
    except ValueError:
        raise Problem.validation(
            [FieldError(field, N_("Use a month as YYYY-MM."), source=source)]
        ) from None
    if not MIN_INSTANT.year <= first.year < MAX_INSTANT.year:
        raise _out_of_range(field, source)
    return first
