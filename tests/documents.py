# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Real, small files of every accepted upload type (and hostile look-alikes), made in memory."""

from __future__ import annotations

import io

import pillow_heif
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

pillow_heif.register_heif_opener()


def _image(image_format: str, width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format=image_format)
    return out.getvalue()


def jpeg(width: int = 4, height: int = 4) -> bytes:
    return _image("JPEG", width, height)


def png(width: int = 2, height: int = 2) -> bytes:
    return _image("PNG", width, height)


def heic(width: int = 16, height: int = 16) -> bytes:
    return _image("HEIF", width, height)


def pdf(filler: int = 0, writer: PdfWriter | None = None) -> bytes:
    """A one-page PDF; ``filler`` bytes of (incompressible-looking) metadata make it larger."""
    writer = writer or PdfWriter()
    if not writer.pages:
        writer.add_blank_page(width=595, height=842)
    if filler:
        text = (bytes(range(48, 123)) * (filler // 75 + 1))[:filler].decode()
        writer.add_metadata({"/Subject": text})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_javascript(kind: str) -> bytes:
    """A one-page PDF carrying active content of ``kind``: open_action, launch, embedded, xfa."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if kind == "open_action":
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert('hi')"),
            }
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    elif kind == "launch":
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/Launch"),
                NameObject("/F"): TextStringObject("cmd.exe"),
            }
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    elif kind == "embedded":
        writer.add_attachment("invoice.exe", b"MZ\x90\x00")
    elif kind == "xfa":
        xfa = DecodedStreamObject()
        xfa.set_data(b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'/>")
        writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
            {NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): writer._add_object(xfa)}
        )
    elif kind == "escaped_javascript":
        # The names spelled with #xx escapes: no byte pattern of "/JavaScript" or "/JS" left.
        return (
            pdf_with_javascript("open_action")
            .replace(b"/JavaScript", b"/J#61vaScript")
            .replace(b"/JS ", b"/#4AS ")
        )
    else:
        raise ValueError(kind)
    return pdf(writer=writer)
