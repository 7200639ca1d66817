# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Text a person types: one validator for names, titles and free text, used by every schema.

A field typed :func:`line` (names, titles, labels, addresses) or :func:`lines` (questions, notes,
answers, reasons, markdown bodies) refuses, with a localized field error (see
:mod:`welkom.core.problems`):

- control characters: C0 (``U+0000``–``U+001F``), ``DEL`` and C1 (``U+0080``–``U+009F``);
  :func:`lines` allows line feed, carriage return and tab; :func:`line` allows none of them, nor
  the line and paragraph separators ``U+2028``/``U+2029``;
- bidirectional embeddings and overrides (``U+202A``–``U+202E``) and isolates
  (``U+2066``–``U+2069``), which reorder what staff see (display spoofing);
- text without a single visible character: only spaces and invisible characters (zero-width
  space, joiners, word joiner, BOM, soft hyphen, direction marks).

It keeps what our 14 languages need: zero-width non-joiner and joiner (``U+200C``/``U+200D``)
inside Persian, Dari, Pashto, Sorani and Arabic words, the left-to-right and right-to-left marks
(``U+200E``/``U+200F``, ``U+061C``), Ge'ez script, combining diacritics.

A struct that subclasses :class:`TextInput` stores every string field in Unicode NFC, so the
same name typed on two keyboards (a precomposed ``é`` or ``e`` + combining accent) is stored, and
found, as one.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

import msgspec

#: Characters that are never visible on their own.
_INVISIBLE = r"\s\u00ad\u034f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
#: Controls and direction formatting refused everywhere (tab, LF and CR are handled per kind).
_ALWAYS_REFUSED = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"


def _pattern(refused: str, allow_empty: bool) -> str:
    """A regular expression valid in Python and in ECMAScript (it is published in OpenAPI):
    at least one visible character, none of ``refused``; ``(?![\\s\\S])`` is the very end
    (``$`` would also match before a final line feed)."""
    body = rf"(?=[\s\S]*?[^{_INVISIBLE}])[^{refused}]*"
    return rf"^(?:{body}){'?' if allow_empty else ''}(?![\s\S])"


_LINE_REFUSED = _ALWAYS_REFUSED + r"\t\n\r\u2028\u2029"
LINE_PATTERN = _pattern(_LINE_REFUSED, allow_empty=False)
LINES_PATTERN = _pattern(_ALWAYS_REFUSED, allow_empty=False)
OPTIONAL_LINE_PATTERN = _pattern(_LINE_REFUSED, allow_empty=True)
OPTIONAL_LINES_PATTERN = _pattern(_ALWAYS_REFUSED, allow_empty=True)


def line(max_length: int, *, min_length: int = 1) -> Any:
    """A single-line text (a name, a title): at most ``max_length`` characters.

    ``min_length=0`` also accepts the empty string (an optional field's "nothing").
    """
    return Annotated[str, line_meta(max_length, min_length=min_length)]


def lines(max_length: int, *, min_length: int = 1) -> Any:
    """A multi-line free text (a question, a note, a markdown body): at most ``max_length``."""
    return Annotated[str, lines_meta(max_length, min_length=min_length)]


def line_meta(max_length: int, *, min_length: int = 1) -> msgspec.Meta:
    """The constraints of :func:`line`, in the form a type checker reads (a call is no type):
    ``name: Annotated[str, line_meta(200)]``."""
    pattern = OPTIONAL_LINE_PATTERN if min_length == 0 else LINE_PATTERN
    return msgspec.Meta(min_length=min_length, max_length=max_length, pattern=pattern)


def lines_meta(max_length: int, *, min_length: int = 1) -> msgspec.Meta:
    """The constraints of :func:`lines`: ``text: Annotated[str, lines_meta(4000)]``."""
    pattern = OPTIONAL_LINES_PATTERN if min_length == 0 else LINES_PATTERN
    return msgspec.Meta(min_length=min_length, max_length=max_length, pattern=pattern)


def nfc(value: str) -> str:
    """``value`` in Unicode NFC (ASCII is returned as it is, at no cost)."""
    return value if value.isascii() else unicodedata.normalize("NFC", value)


class TextInput(msgspec.Struct):
    """Base of request bodies: every string field (and string in a list) is stored as NFC.

    A string that NFC makes longer (a few scripts outside our languages decompose) is refused,
    so a length checked by the schema still holds for what is stored.
    """

    def __post_init__(self) -> None:
        for name in self.__struct_fields__:
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, _normalized(value))
            elif isinstance(value, list) and any(isinstance(item, str) for item in value):
                setattr(
                    self,
                    name,
                    [_normalized(item) if isinstance(item, str) else item for item in value],
                )


def _normalized(value: str) -> str:
    normalized = nfc(value)
    if len(normalized) > len(value):
        raise ValueError("Text grows under Unicode normalization")
    return normalized
