# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Time and memory of whole-file upload verification (welkom.storage.verify) on hostile shapes.

Command: ``.venv/bin/python bench/upload_verify.py`` (from the repository root). Each file is
made in memory first; only ``verify()`` is timed. Prints seconds per file and the peak RSS.
"""

from __future__ import annotations

import io
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from PIL import Image
from pypdf import PdfWriter
from tests.documents import pdf

from welkom.storage.verify import verify

MAX_PIXELS = 40_000_000


def timed(name: str, data: bytes, content_type: str) -> None:
    start = time.perf_counter()
    verify(data, content_type, max_pixels=MAX_PIXELS)
    seconds = time.perf_counter() - start
    print(f"{name:<34} {len(data) / 2**20:5.1f} MiB  {seconds:5.2f} s")


def main() -> None:
    timed("pdf, one 4.5 MB text string", pdf(filler=4_500_000), "application/pdf")
    writer = PdfWriter()
    for _ in range(20_000):
        writer.add_blank_page(width=595, height=842)
    timed("pdf, 20 000 pages", pdf(writer=writer), "application/pdf")
    noise = Image.frombytes("RGB", (6000, 6000), os.urandom(6000 * 6000 * 3))
    out = io.BytesIO()
    noise.save(out, "JPEG", quality=20)
    timed("jpeg 6000x6000 noise", out.getvalue(), "image/jpeg")
    out = io.BytesIO()
    noise.crop((0, 0, 2000, 1700)).save(out, "PNG")
    timed("png 2000x1700 noise", out.getvalue(), "image/png")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB (includes building the inputs)")


if __name__ == "__main__":
    main()
