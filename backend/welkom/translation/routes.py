# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The municipality's machine-translation server: set by records management or a functional
administrator, its languages read by caseworkers (the aids themselves are on conversations)."""

from __future__ import annotations

import structlog
from litestar import Controller, get, put
from litestar.params import JSONBody

from welkom.core.deps import AppSettings, DbSession
from welkom.core.guards import Caller, requires_role
from welkom.core.problems import Problem
from welkom.municipalities import service as municipalities
from welkom.municipalities.models import Municipality
from welkom.translation import service
from welkom.translation.ports import TranslationError
from welkom.translation.schemas import (
    LanguageOut,
    TranslationLanguagesOut,
    TranslationServerIn,
    TranslationServerOut,
)

log = structlog.get_logger("welkom.translation")

#: Who points the municipality at its server.
SERVER_ROLES = ("records_manager", "admin")


async def _server_out(municipality: Municipality, settings: AppSettings) -> TranslationServerOut:
    server = service.server_of(municipality)
    out = TranslationServerOut(
        configured=server is not None,
        engine=server["engine"] if server else None,
        url=server["url"] if server else None,
        api_key_configured=municipality.code in settings.translation.api_keys,
    )
    translator = service.translator_for(municipality, settings)
    if translator is not None:
        try:
            offered = await translator.languages()
        except TranslationError:
            out.reachable, out.languages = False, []
        else:
            out.reachable = True
            out.languages = [LanguageOut(s.code, sorted(s.targets)) for s in offered]
    return out


class TranslationServerController(Controller):
    path = "/api/v1/admin/translation-server"
    tags = ["translation"]
    guards = [requires_role(*SERVER_ROLES)]

    @get("/", operation_id="getTranslationServer", summary="Read the translation server")
    async def get_server(
        self, db: DbSession, settings: AppSettings, principal: Caller
    ) -> TranslationServerOut:
        """The municipality's machine-translation server, whether it answers now and the
        languages it offers (Welkom's codes)."""
        municipality = await municipalities.get(db, principal.municipality_id)
        return await _server_out(municipality, settings)

    @put("/", operation_id="setTranslationServer", summary="Set or remove the translation server")
    async def set_server(
        self,
        data: JSONBody[TranslationServerIn],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
    ) -> TranslationServerOut:
        """Point the municipality at its own LibreTranslate server (`url`), or switch the
        translation aids off (`url: null`). Its API key goes in `WELKOM_TRANSLATION_API_KEYS`.
        A caseworker's texts go to this server and nowhere else."""
        if data.url is not None and (errors := service.url_problems(data.url)):
            raise Problem.validation(errors)
        municipality = await municipalities.get(db, principal.municipality_id)
        service.configure(municipality, url=data.url, engine=data.engine)
        log.info(
            "translation server set" if data.url else "translation server removed",
            municipality=municipality.code,
            account_id=str(principal.account_id),
        )
        return await _server_out(municipality, settings)


class TranslationLanguagesController(Controller):
    path = "/api/v1/admin/translation/languages"
    tags = ["translation"]
    guards = [requires_role("caseworker")]

    @get(
        "/",
        operation_id="listTranslationLanguages",
        summary="List the languages the server translates",
    )
    async def languages(
        self, db: DbSession, settings: AppSettings, principal: Caller
    ) -> TranslationLanguagesOut:
        """What the municipality's translation server translates (Welkom's codes): the
        caseworker's screens show the aids only for these. Without a server: 404
        `translation-not-configured`."""
        municipality = await municipalities.get(db, principal.municipality_id)
        translator = service.translator_for(municipality, settings)
        if translator is None:
            raise service.not_configured()
        try:
            offered = await translator.languages()
        except TranslationError as error:
            raise service.problem_of(error) from None
        return TranslationLanguagesOut(
            engine=translator.engine,
            languages=[LanguageOut(s.code, sorted(s.targets)) for s in offered],
        )
