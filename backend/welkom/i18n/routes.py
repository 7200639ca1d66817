# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from litestar import Response, get

from welkom.core.guards import public
from welkom.i18n.languages import LanguageOut, describe


@get(
    "/api/v1/languages",
    operation_id="listLanguages",
    summary="List the offered languages",
    guards=[public],
    tags=["i18n"],
    description="The offered languages: native name (CLDR), text direction, which UI catalogs "
    "exist and how much of them is translated and reviewed by a person.",
)
async def list_languages() -> Response[list[LanguageOut]]:
    return Response(list(describe()), headers={"Cache-Control": "public, max-age=3600"})
