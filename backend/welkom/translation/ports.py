# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The ``Translator`` port: machine translation of a caseworker's or a resident's text.

Language codes here are Welkom's own (``welkom.core.i18n.LANGUAGES``); each adapter maps them
to its engine's codes. A translation is always a *machine* translation: it is shown next to the
original, never instead of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

#: The only state a translation made here can have.
MACHINE = "machine"


@dataclass(frozen=True)
class Translation:
    text: str
    source: str
    target: str
    engine: str
    state: str = MACHINE


@dataclass(frozen=True)
class LanguageSupport:
    """A language the engine translates from, and the languages it translates it into."""

    code: str
    targets: frozenset[str]


class TranslationError(Exception):
    """Base of the port's errors; messages never contain the text being translated."""


class TranslatorUnavailable(TranslationError):
    """The server cannot serve now: down, too slow, rate-limited, refusing Welkom's key or
    answering nonsense. ``reason`` is safe to log."""

    def __init__(self, reason: str, *, retry_after: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class LanguageNotAvailable(TranslationError):
    """The server has no model for this pair of languages."""

    def __init__(self, source: str, target: str) -> None:
        super().__init__(f"no machine translation from {source} into {target}")
        self.source, self.target = source, target


class TextRefused(TranslationError):
    """The server refused this text (longer than its limit, say)."""


class Translator(Protocol):
    """A machine-translation engine."""

    engine: str

    async def translate(self, text: str, source: str, target: str) -> Translation:
        """``text`` from ``source`` into ``target``; raises a :class:`TranslationError`."""
        ...

    async def languages(self) -> list[LanguageSupport]:
        """What the engine translates, in Welkom's codes (only pairs it really has)."""
        ...
