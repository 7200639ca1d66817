# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Content type from the bytes themselves (magic numbers), never from the client's claim."""

from __future__ import annotations

import filetype

#: filetype names some types differently from the registered IANA names.
_ALIASES = {"image/heif": "image/heic"}


def sniff(data: bytes) -> str | None:
    """The MIME type the bytes really are, or None if unrecognised."""
    kind = filetype.guess(data[:8192])
    if kind is None:
        return None
    mime: str = kind.mime
    return _ALIASES.get(mime, mime)
