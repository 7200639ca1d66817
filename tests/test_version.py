# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/version: the release and the commit, without sign-in, from build metadata."""

from __future__ import annotations

import json
import statistics
import subprocess
import time
from pathlib import Path

from litestar.testing import AsyncTestClient

import welkom
from welkom.core.version import COMMIT_VARIABLE, PACKAGE_DIR, read_build_info

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def _head() -> str:
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=PACKAGE_DIR, capture_output=True, text=True, check=True
    ).stdout.strip()


async def test_version_answers_without_sign_in(client: AsyncTestClient) -> None:
    response = await client.get("/api/v1/version")
    assert response.status_code == 200
    # The suite runs in a checkout without build.json: the commit comes from git.
    assert response.json() == {"version": welkom.__version__, "commit": _head()}


async def test_version_is_fast(client: AsyncTestClient) -> None:
    timings = []
    for _ in range(20):
        started = time.perf_counter()
        assert (await client.get("/api/v1/version")).status_code == 200
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.1, timings


def test_build_file_comes_first(tmp_path: Path) -> None:
    build = tmp_path / "build.json"
    build.write_text(json.dumps({"commit": COMMIT, "created": "2026-12-02T10:00:00Z"}))
    info = read_build_info(
        build_file=build, environ={COMMIT_VARIABLE: "f" * 40}, checkout=PACKAGE_DIR
    )
    assert (info.version, info.commit, info.created) == (
        welkom.__version__,
        COMMIT,
        "2026-12-02T10:00:00Z",
    )


def test_environment_then_git(tmp_path: Path) -> None:
    missing = tmp_path / "build.json"
    assert read_build_info(build_file=missing, environ={COMMIT_VARIABLE: COMMIT}).commit == COMMIT
    assert read_build_info(build_file=missing, environ={}, checkout=PACKAGE_DIR).commit == _head()


def test_no_metadata_is_null_not_an_error(tmp_path: Path) -> None:
    """Outside a checkout, with a broken build file and a junk variable: commit null."""
    outside = tmp_path / "image" / "welkom"
    outside.mkdir(parents=True)
    for content in ("{not json", "[1, 2]", json.dumps({"commit": "<script>"}), ""):
        build = tmp_path / "build.json"
        build.write_text(content)
        info = read_build_info(
            build_file=build, environ={COMMIT_VARIABLE: "not a commit"}, checkout=outside
        )
        assert info.commit is None
        assert info.version == welkom.__version__
