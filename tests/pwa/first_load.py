# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""What a resident's browser downloads on a first visit to ``/`` in a built ``pwa/dist``.

Follows ``index.html``'s module script and stylesheet, every static ``import`` of the built
chunks (never a dynamic ``import()``: those load later), and adds the Dutch catalog and CLDR
chunks the first view needs. Also lists what the resident service worker precaches. Run as a
script to print the figures: ``python -m tests.pwa.first_load [pwa/dist]``.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

_HTML_ASSET = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="(/assets/[^"]+)"')
#: ``import{a}from"./x.js"`` or ``import"./x.js"`` in minified output; ``import("./x.js")`` is lazy.
_STATIC_IMPORT = re.compile(r'(?:\bfrom|\bimport)\s*"\./([^"]+\.js)"')
_PRECACHE = re.compile(r'\[(?:"/[^"]*",?)+\]')


def first_load(dist: Path, language: str = "nl") -> list[str]:
    """The paths (``/assets/…``) a first visit in ``language`` downloads, sorted."""
    html = (dist / "index.html").read_text("utf-8")
    found: set[str] = set()
    todo = _HTML_ASSET.findall(html)
    boot = re.search(r"var m=(\{[^}]*\})", html)
    if boot:
        catalog = json.loads(boot.group(1)).get(language)
        if catalog:
            todo.append(catalog)
    # The language's CLDR data: the other small chunk named after the language.
    todo += [f"/assets/{p.name}" for p in (dist / "assets").glob(f"{language}-*.js")]
    while todo:
        path = todo.pop()
        if path in found:
            continue
        found.add(path)
        if path.endswith(".js"):
            source = (dist / path.lstrip("/")).read_text("utf-8")
            todo += [f"/assets/{name}" for name in _STATIC_IMPORT.findall(source)]
    return sorted(found)


def precached(dist: Path) -> list[str]:
    """The files the resident service worker precaches on install."""
    match = _PRECACHE.search((dist / "sw.js").read_text("utf-8"))
    return json.loads(match.group(0)) if match else []


def gzip_size(dist: Path, paths: list[str]) -> int:
    """Bytes of ``paths`` compressed as the server sends them (gzip, level 9)."""
    total = 0
    for path in paths:
        file = dist / ("index.html" if path == "/" else path.lstrip("/"))
        if file.is_file():
            total += len(gzip.compress(file.read_bytes(), compresslevel=9, mtime=0))
    return total


def report(dist: Path) -> dict[str, int]:
    load = ["/", *first_load(dist)]
    cache = precached(dist)
    return {
        "first_load_files": len(load),
        "first_load_gzip_bytes": gzip_size(dist, load),
        "precache_files": len(cache),
        "precache_gzip_bytes": gzip_size(dist, cache),
    }


if __name__ == "__main__":
    root = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[2] / "pwa" / "dist"
    )
    print(json.dumps(report(root), indent=2))
