# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Case-type files are validated at start-up: a wrong file refuses the start, clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.zgw.fixtures import (  # noqa: F401 - fixtures
    case_type_toml,
    on_zgw,
    settings,
    use_zgw,
    write_case_types,
    zgw,
)
from tests.zgw.server import ZGWServer
from welkom.app import create_app
from welkom.cases.casetypes import CaseTypeFileError, load_file
from welkom.cases.service import CaseConfigurationError
from welkom.core.settings import Settings

ZT = "https://zaken.example.nl/catalogi/api/v1/zaaktypen/0c6c8a4e-0000-4000-8000-000000000001"
IOT = "https://zaken.example.nl/catalogi/api/v1/informatieobjecttypen/0c6c8a4e-0000-4000-8000-0002"
ST = "https://zaken.example.nl/catalogi/api/v1/statustypen/0c6c8a4e-0000-4000-8000-000000000003"


def kind(name: str, **overrides: str) -> str:
    values = {
        "zaaktype": ZT,
        "informatieobjecttype": IOT,
        "omschrijving": "Vraag van inwoner via Welkom",
        "document_titel": "Vraag van inwoner",
    } | overrides
    body = "\n".join(f'{k} = "{v}"' for k, v in values.items())
    return (
        f"[kinds.{name}]\n{body}\n[[kinds.{name}.statuses]]\n"
        f'statustype = "{ST}"\nlabel = {{ nl = "Ontvangen", en = "Received" }}\n'
    )


async def refused_start(settings: Settings) -> CaseConfigurationError:
    """Start the app; return why it refused (the lifespan wraps it in an exception group)."""
    try:
        async with AsyncTestClient(app=create_app(settings)):
            pass
    except BaseException as exc:
        while isinstance(exc, BaseExceptionGroup):
            exc = exc.exceptions[0]
        if isinstance(exc, CaseConfigurationError):
            return exc
        raise
    raise AssertionError("the app started")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "9999.toml"
    path.write_text(text)
    return path


def test_a_valid_file_maps_every_kind(tmp_path: Path) -> None:
    loaded = load_file(write(tmp_path, kind("question") + kind("document")))
    question = loaded.for_kind("question")
    assert question.zaaktype == ZT
    assert question.vertrouwelijkheidaanduiding == "vertrouwelijk"  # the default
    assert question.initial_statustype == ST
    assert loaded.status_label(ST).label("ar") == "Received"  # falls back to English
    assert loaded.status_label(ST).label("nl") == "Ontvangen"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (kind("question"), "kinds.document: missing"),
        (kind("question") + kind("document") + kind("complaint"), "kinds.complaint: unknown"),
        (
            kind("question", vertrouwelijkheidaanduiding="openbaar") + kind("document"),
            "'openbaar' is below 'vertrouwelijk'",
        ),
        (
            kind("question", vertrouwelijkheidaanduiding="intern") + kind("document"),
            "'intern' is below 'vertrouwelijk'",
        ),
        (kind("question", zaaktype="") + kind("document"), "kinds.question.zaaktype: missing"),
        (
            kind("question", informatieobjecttype="not a url") + kind("document"),
            "kinds.question.informatieobjecttype: missing",
        ),
        (kind("question", omschrijving="x" * 81) + kind("document"), "omschrijving"),
        ("kinds = 1", "no [kinds.<kind>] tables"),
        ("[kinds.question\n", "not valid TOML"),
    ],
)
def test_wrong_files_are_refused_with_every_problem_named(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(CaseTypeFileError) as refused:
        load_file(write(tmp_path, text))
    assert message in str(refused.value)
    assert str(tmp_path) in str(refused.value)  # which file


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CaseTypeFileError, match="does not exist"):
        load_file(tmp_path / "0363.toml")


async def test_the_app_refuses_to_start_on_a_bad_case_type_file(
    settings: Settings, on_zgw: None, zgw: ZGWServer
) -> None:
    write_case_types(
        settings,
        case_type_toml(zgw.types, level="intern"),
    )
    assert "below 'vertrouwelijk'" in str(await refused_start(settings))


async def test_the_app_refuses_to_start_without_the_zgw_secret(
    settings: Settings, on_zgw: None, db: AsyncSession
) -> None:
    settings = settings.model_copy(update={"zgw_client_secrets": {}})
    refused = str(await refused_start(settings))
    assert "WELKOM_ZGW_CLIENT_SECRETS" in refused
    assert "zgw-test-secret" not in refused


async def test_the_app_refuses_to_start_with_incomplete_zgw_settings(
    settings: Settings, on_zgw: None, db: AsyncSession, zgw: ZGWServer
) -> None:
    await use_zgw(db, zgw, documenten_api="")
    assert "lacks documenten_api" in str(await refused_start(settings))
