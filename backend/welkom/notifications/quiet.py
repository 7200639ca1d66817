# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Quiet hours: when a push may not wake someone, and when it may go instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@dataclass(frozen=True)
class QuietWindow:
    start: time
    end: time
    time_zone: str

    @classmethod
    def parse(cls, spec: str, time_zone: str) -> QuietWindow:
        """From ``"HH:MM-HH:MM"`` (as in the settings)."""
        start, end = spec.split("-")
        return cls(time.fromisoformat(start), time.fromisoformat(end), time_zone)


def is_time_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def quiet_until(now: datetime, window: QuietWindow) -> datetime | None:
    """The UTC moment quiet hours end, if ``now`` falls inside them; else None.

    Windows may cross midnight (22:00-07:00). Equal start and end mean no quiet hours. Local
    times are taken in the window's time zone, so the morning follows daylight saving time.
    """
    if window.start == window.end:
        return None
    zone = ZoneInfo(window.time_zone)
    local = now.astimezone(zone)
    clock = local.time().replace(tzinfo=None)
    if window.start < window.end:
        inside = window.start <= clock < window.end
        end_day = local.date()
    else:
        inside = clock >= window.start or clock < window.end
        end_day = local.date() + timedelta(days=1) if clock >= window.start else local.date()
    if not inside:
        return None
    return datetime.combine(end_day, window.end, tzinfo=zone).astimezone(UTC)
