# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The municipality's register of processing activities: purpose → processing activity id.

Code names the *purpose* of a processing (a fixed key from :data:`PURPOSES`); the register file
says which activity of the municipality's own register (verwerkingsregister) that is. The file
is read and checked once at start-up: a missing purpose or an unknown one refuses the start.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

#: Every purpose Welkom processes personal data for, and what it covers.
PURPOSES: dict[str, str] = {
    "casework": "caseworkers reading or changing a resident's data to guide them",
    "volunteer_help": "volunteers and coordinators reading what a resident consented to share",
    "records_management": "records managers reviewing registrations and access",
    "case_registration": "delivering a resident's interaction to the municipality's case system",
    "gdpr_export": "a resident's export of their own data (AVG art. 15, 20)",
    "gdpr_erasure": "erasing a resident's data on their request (AVG art. 17)",
}

#: The purpose of a read or change by someone acting in this role.
ROLE_PURPOSES: dict[str, str] = {
    "caseworker": "casework",
    "coordinator": "volunteer_help",
    "volunteer": "volunteer_help",
    "records_manager": "records_management",
}

DEFAULT_REGISTER_FILE = Path(__file__).with_name("register.toml")


class RegisterFileError(ValueError):
    """The register file cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class ProcessingRegister:
    default: dict[str, str]
    by_municipality: dict[str, dict[str, str]] = field(default_factory=dict)

    def activity_id(self, purpose: str, gemeentecode: str | None) -> str:
        """The processing activity id for ``purpose`` in this municipality (or the default)."""
        if purpose not in PURPOSES:
            raise LookupError(f"unknown processing purpose {purpose!r}")
        own = self.by_municipality.get(gemeentecode or "", {})
        return own.get(purpose) or self.default[purpose]


def _mapping(section: object, where: str) -> dict[str, str]:
    if not isinstance(section, dict):
        raise RegisterFileError(f'{where} must be a table of purpose = "activity id"')
    unknown = sorted(set(section) - set(PURPOSES))
    if unknown:
        raise RegisterFileError(
            f"{where}: unknown purpose(s) {', '.join(unknown)}; known: {', '.join(PURPOSES)}"
        )
    for purpose, value in section.items():
        if not isinstance(value, str) or not value.strip() or len(value) > 500:
            raise RegisterFileError(
                f"{where}.{purpose} must be a non-empty activity id (at most 500 characters)"
            )
    return dict(section)


def load_register(path: Path | None = None) -> ProcessingRegister:
    """Read and check a register file (default: the demo register shipped with Welkom)."""
    path = path or DEFAULT_REGISTER_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegisterFileError(f"cannot read the processing register {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RegisterFileError(f"{path} is not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"default", "gemeente"})
    if unknown:
        raise RegisterFileError(f"{path}: unknown section(s) {', '.join(unknown)}")
    default = _mapping(data.get("default"), f"{path}: [default]")
    missing = sorted(set(PURPOSES) - set(default))
    if missing:
        raise RegisterFileError(f"{path}: [default] lacks purpose(s) {', '.join(missing)}")
    municipalities = data.get("gemeente", {})
    if not isinstance(municipalities, dict):
        raise RegisterFileError(f"{path}: [gemeente] must hold one table per gemeentecode")
    by_municipality = {}
    for code, section in municipalities.items():
        if not (len(code) == 4 and code.isdigit()):
            raise RegisterFileError(f"{path}: {code!r} is not a four-digit gemeentecode")
        by_municipality[code] = _mapping(section, f'{path}: [gemeente."{code}"]')
    return ProcessingRegister(default, by_municipality)
