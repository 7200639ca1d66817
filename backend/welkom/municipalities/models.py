# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from welkom.core.models import id_field, json_field, timestamp_field


class Municipality(SQLModel, table=True):
    """The tenant. Every tenant-owned row carries a municipality id."""

    __tablename__ = "municipality"

    id: uuid.UUID = id_field()
    code: str = Field(max_length=4, unique=True, description="CBS gemeentecode, four digits")
    name: str = Field(max_length=200)
    rsin: str = Field(max_length=9, description="RSIN: bronorganisatie of its zaken")
    default_language: str = Field(max_length=8, default="nl")
    case_register: str = Field(max_length=16, default="local", description="local | zgw")
    case_register_settings: dict[str, Any] = json_field()
    #: Product languages this municipality does not offer its residents (yet).
    disabled_languages: list[str] = json_field(default_factory=list)
    consent_requires_reviewed_text: bool = Field(
        default=False,
        description="Consent may be given only on the Dutch text or a reviewed translation",
    )
    #: The municipality's machine-translation server (``engine``, ``url``); empty: none.
    #: Its API key, if any, is in the environment (``WELKOM_TRANSLATION_API_KEYS``).
    translation_settings: dict[str, Any] = json_field()
    created_at: datetime = timestamp_field()
