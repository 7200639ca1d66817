# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Whole-file verification of an upload: the bytes are completely what their type claims.

:func:`welkom.storage.sniff.sniff` names a type from the first bytes; this module then checks
the whole file against that type, so a file that only *starts* like a photo or a PDF does not
pass:

- an image must decode in full with Pillow (``verify`` on the structure, then ``load`` of every
  pixel), in the format sniffed, within a pixel limit that refuses decompression bombs before
  any pixel is decoded;
- a PDF must parse with pypdf (every indirect object and every page), must not be encrypted
  beyond an empty password, and must carry no active content: JavaScript (also as an
  ``/OpenAction`` or ``/AA``), ``/Launch`` actions, embedded files, XFA forms or rich media;
- no file may contain HTML or script markup anywhere (a polyglot that a browser or another
  viewer would run).

Anything else is refused: :class:`UploadRefusedError` says why, never with the file's content.
The work is bounded: at most ``upload_max_bytes`` of input (checked before this runs), at most
``max_pixels`` decoded (JPEGs decode at 1/8 scale, which still reads every coefficient) and at
most :data:`MAX_PDF_OBJECTS` PDF objects, and a PDF still being read after ``max_seconds``
is refused (checked between objects, so one object may overrun it by the time it takes to
parse, at most a few seconds for a 10 MiB object).
"""

from __future__ import annotations

import functools
import io
import re
import time
import warnings
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from PIL import Image

#: Why a file was refused: it is not what it claims, or it carries active content.
Reason = Literal["not-decodable", "active-content"]

#: A PDF with more objects than this is refused (an honest 10 MiB scan has far fewer).
MAX_PDF_OBJECTS = 50_000

#: Pillow's format name for each image type an upload may have.
_IMAGE_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/heic": "HEIF"}

#: HTML or script markup: a file containing it could run in a browser or another viewer.
_MARKUP = re.compile(
    rb"<\s*(?:script|html|body|iframe|object|embed|svg|meta|!doctype\s+html)[\s/>]"
    rb"|<\?php|javascript:",
    re.IGNORECASE,
)

#: PDF names that carry or start active content (matched as whole names).
_ACTIVE_NAMES = frozenset(
    {"/JS", "/JavaScript", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/XFA", "/RichMedia"}
)
_ACTIVE_RAW = re.compile(
    rb"/(?:JavaScript|JS|Launch|EmbeddedFiles?|XFA|RichMedia)(?=[\s/<>\[\]()%{}]|$)"
)


class UploadRefusedError(ValueError):
    """The file is not verifiably what it claims to be; ``reason`` says which way."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason)
        self.reason: Reason = reason


def verify(data: bytes, content_type: str, *, max_pixels: int, max_seconds: float = 10.0) -> None:
    """Return if ``data`` is entirely a harmless ``content_type``; raise otherwise.

    CPU-bound: call it off the event loop (``asyncio.to_thread``).
    """
    if _MARKUP.search(data):
        raise UploadRefusedError("not-decodable")
    if content_type == "application/pdf":
        _verify_pdf(data, time.monotonic() + max_seconds)
    elif content_type in _IMAGE_FORMATS:
        _verify_image(data, _IMAGE_FORMATS[content_type], max_pixels)
    else:
        raise UploadRefusedError("not-decodable")


@functools.cache
def _register_heif() -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()


def _verify_image(data: bytes, image_format: str, max_pixels: int) -> None:
    # Pillow, pillow-heif and pypdf are loaded by the first upload that needs them, not when
    # the app starts: together they take ~12 MB in every API process.
    from PIL import Image

    _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[image_format]) as image:
                _check_size(image, max_pixels)
                image.verify()
            with Image.open(io.BytesIO(data), formats=[image_format]) as image:
                if image_format == "JPEG":
                    image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
    except UploadRefusedError:
        raise
    except Exception as exc:  # Pillow raises many kinds for a broken file; all mean "no"
        raise UploadRefusedError("not-decodable") from exc


def _check_size(image: Image.Image, max_pixels: int) -> None:
    width, height = image.size
    if width < 1 or height < 1 or width * height > max_pixels:
        raise UploadRefusedError("not-decodable")


def _verify_pdf(data: bytes, deadline: float) -> None:
    if _ACTIVE_RAW.search(data):  # uncompressed, even in objects no table points at
        raise UploadRefusedError("active-content")
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UploadRefusedError("not-decodable")  # its content cannot be inspected
        numbers = [(number, generation) for generation, table in reader.xref.items()
                   for number in table]  # fmt: skip
        numbers += [(number, 0) for number in reader.xref_objStm]
        if len(numbers) > MAX_PDF_OBJECTS:
            raise UploadRefusedError("not-decodable")
        _scan(reader.trailer)
        for number, generation in numbers:
            if time.monotonic() > deadline:
                raise UploadRefusedError("not-decodable")
            _scan(reader.get_object(IndirectObject(number, generation, reader)))
        if len(reader.pages) < 1:
            raise UploadRefusedError("not-decodable")
        for page in reader.pages:
            page.mediabox  # noqa: B018 (reads the page's inherited attributes)
    except UploadRefusedError:
        raise
    except Exception as exc:  # pypdf raises many kinds for a broken file; all mean "no"
        raise UploadRefusedError("not-decodable") from exc


def _scan(obj: object) -> None:
    """Refuse active content in ``obj`` and its direct children (references are scanned as
    objects of their own)."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        StreamObject,
    )

    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, DictionaryObject | StreamObject):
            for key, value in item.items():
                if key in _ACTIVE_NAMES:
                    raise UploadRefusedError("active-content")
                if key == "/S" and value in ("/JavaScript", "/Launch", "/GoToE"):
                    raise UploadRefusedError("active-content")
                if key == "/Subtype" and value in ("/FileAttachment", "/RichMedia"):
                    raise UploadRefusedError("active-content")
                if not isinstance(value, IndirectObject):
                    stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(value for value in item if not isinstance(value, IndirectObject))
        elif isinstance(item, NameObject) and item in _ACTIVE_NAMES:
            raise UploadRefusedError("active-content")
