# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Which build is running: the release version and the commit it was built from.

The commit is build metadata, read once per process, in this order:

1. ``build.json`` beside the package (``{"commit": …, "created": …}``), written by the image
   build (``infra/Containerfile``) — an image carries no ``.git``;
2. the ``WELKOM_BUILD_COMMIT`` environment variable (a build that cannot write the file);
3. ``git rev-parse HEAD``, only when the package runs from a git checkout;
4. otherwise ``None``: the answer never fails for want of it.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import welkom

PACKAGE_DIR = Path(welkom.__file__).resolve().parent
BUILD_FILE = PACKAGE_DIR / "build.json"
COMMIT_VARIABLE = "WELKOM_BUILD_COMMIT"
_COMMIT = re.compile(r"[0-9a-f]{7,64}")


@dataclass(frozen=True)
class BuildInfo:
    version: str
    commit: str | None
    created: str | None = None


def _commit_or_none(value: object) -> str | None:
    """A commit id (hex, 7–64 characters) or None: nothing else reaches the answer."""
    if isinstance(value, str) and _COMMIT.fullmatch(value.strip().lower()):
        return value.strip().lower()
    return None


def _from_file(path: Path) -> tuple[str | None, str | None]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    if not isinstance(data, dict):
        return None, None
    created = data.get("created")
    return _commit_or_none(data.get("commit")), created if isinstance(created, str) else None


def _from_git(directory: Path) -> str | None:
    """HEAD of the checkout the package lies in; None outside a checkout or without git."""
    if not any((parent / ".git").exists() for parent in (directory, *directory.parents)):
        return None
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607 - git from PATH, as a developer runs it
            cwd=directory,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return _commit_or_none(result.stdout) if result.returncode == 0 else None


def read_build_info(
    *,
    build_file: Path = BUILD_FILE,
    environ: Mapping[str, str] = os.environ,
    checkout: Path = PACKAGE_DIR,
) -> BuildInfo:
    """Look the build up (file, environment, git); see the module docstring for the order."""
    commit, created = _from_file(build_file)
    if commit is None:
        commit = _commit_or_none(environ.get(COMMIT_VARIABLE))
    if commit is None:
        commit = _from_git(checkout)
    return BuildInfo(version=welkom.__version__, commit=commit, created=created)


@functools.cache
def build_info() -> BuildInfo:
    """:func:`read_build_info` once per process (the version route answers from memory)."""
    return read_build_info()
