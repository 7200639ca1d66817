# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The official ZGW OpenAPI documents, loaded once per process for openapi-core.

They live outside the repository (``../shared/zgw/`` next to the repository root, or
``WELKOM_ZGW_SPECS_DIR``). Contract tests must not pass silently without them: a missing
directory is an error, not a skip.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import yaml
from openapi_core import Config, OpenAPI

REPO_ROOT = Path(__file__).resolve().parents[2]
#: ``../shared/zgw`` beside the repository (CI, the main checkout); a git worktree one level
#: deeper finds it one level up. ``WELKOM_ZGW_SPECS_DIR`` overrides both.
_CANDIDATES = [REPO_ROOT.parent / "shared" / "zgw", REPO_ROOT.parent.parent / "shared" / "zgw"]
SPECS_DIR = Path(
    os.environ.get("WELKOM_ZGW_SPECS_DIR")
    or next((c for c in _CANDIDATES if c.is_dir()), _CANDIDATES[0])
)

#: component → (spec file, path prefix the test server mounts it under)
COMPONENTS = {
    "zaken": ("zaken-1.5.1.yaml", "/zaken/api/v1"),
    "documenten": ("documenten-1.4.2.yaml", "/documenten/api/v1"),
    "catalogi": ("catalogi-1.3.1.yaml", "/catalogi/api/v1"),
    "notificaties": ("notificaties-1.0.0.yaml", "/notificaties/api/v1"),
}

#: Served by Open Klant (``tests/zgw/openklant.py``), not by the ZGW test server.
KLANTINTERACTIES = {
    "klantinteracties": ("klantinteracties-openklant-2.18.0.yaml", "/klantinteracties/api/v1"),
}
_ALL = COMPONENTS | KLANTINTERACTIES


class SpecsMissing(RuntimeError):
    pass


def spec_path(component: str) -> Path:
    path = SPECS_DIR / _ALL[component][0]
    if not path.is_file():
        raise SpecsMissing(
            f"official ZGW OpenAPI spec {path} is missing: the contract tests need "
            "../shared/zgw/ beside the repository (or WELKOM_ZGW_SPECS_DIR)"
        )
    return path


@cache
def openapi(component: str, host: str) -> OpenAPI:
    """The component's official spec, served at ``host`` + its prefix."""
    with spec_path(component).open("rb") as handle:
        document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    document["servers"] = [{"url": host + _ALL[component][1]}]
    # Problem details are JSON too (openapi-core only knows application/json by name).
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    return OpenAPI.from_dict(document, config=config)
