# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The short case reference a person can read out on the phone: ``K7Q2-9MXA``.

Eight random symbols of Douglas Crockford's base32 alphabet (no I, L, O, U), 40 bits, shown in
two groups of four. Random, so it says nothing about how many cases there are or which came
before; unique per municipality (a database constraint; a collision draws again). Reading one
back forgives case, hyphens and spaces, and the letters people confuse with digits (O → 0,
I and L → 1). A dozen lines do not justify a dependency: the maintained Python packages for
Crockford base32 encode numbers, not random identifiers.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
GROUP = 4
#: What a person may type for a symbol: Crockford's decoding rules.
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_IGNORED = str.maketrans("", "", "- \t\u00a0\u2010\u2011\u2012\u2013\u2014\u2212")


def new() -> str:
    """A fresh reference, stored as its eight symbols (without the hyphen)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(stored: str) -> str:
    """``K7Q29MXA`` → ``K7Q2-9MXA``."""
    return "-".join(stored[i : i + GROUP] for i in range(0, len(stored), GROUP))


def normalize(typed: str) -> str | None:
    """The stored form of what a person typed, or None if it cannot be a reference."""
    symbols = typed.translate(_IGNORED).upper().translate(_CONFUSABLE)
    if len(symbols) != LENGTH or any(symbol not in ALPHABET for symbol in symbols):
        return None
    return symbols
