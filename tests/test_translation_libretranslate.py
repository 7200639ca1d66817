# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The LibreTranslate adapter against a test server speaking LibreTranslate's API over HTTP."""

from __future__ import annotations

import uuid

import httpx
import pytest
from pydantic import SecretStr

from tests.conftest import make_settings
from tests.translation.fixtures import _libretranslate_session, libretranslate
from tests.translation.server import LibreTranslateServer, build_app, closed_port_url
from welkom.municipalities.models import Municipality
from welkom.translation.libretranslate import LANGUAGE_CODES, LibreTranslate
from welkom.translation.ports import (
    LanguageNotAvailable,
    TextRefused,
    Translation,
    TranslatorUnavailable,
)
from welkom.translation.service import translator_for

__all__ = ["_libretranslate_session", "libretranslate"]


async def test_translates_with_the_documented_request(libretranslate: LibreTranslateServer) -> None:
    translator = LibreTranslate(libretranslate.url + "/")
    result = await translator.translate("متى سأحصل على منزل؟", "ar", "nl")
    assert result == Translation(
        text="Wanneer krijg ik een huis?", source="ar", target="nl", engine="libretranslate"
    )
    assert result.state == "machine"
    assert libretranslate.state.requests[-1] == (
        "POST",
        "/translate",
        {"q": "متى سأحصل على منزل؟", "source": "ar", "target": "nl", "format": "text"},
    )


async def test_languages_in_welkom_codes(libretranslate: LibreTranslateServer) -> None:
    offered = {s.code: s.targets for s in await LibreTranslate(libretranslate.url).languages()}
    # Dari is read through the Persian model; no model: no entry at all.
    assert set(offered) == {"nl", "en", "ar", "fa", "prs", "fr", "ru", "tr", "uk"}
    assert "nl" in offered["prs"]
    assert "prs" in offered["nl"]
    assert "fa" in offered["nl"]
    assert "prs" not in offered["fa"]
    assert "fa" not in offered["prs"]
    assert not {"ps", "so", "ti", "kmr", "ckb"} & offered["nl"]


async def test_dari_goes_to_the_server_as_persian(libretranslate: LibreTranslateServer) -> None:
    result = await LibreTranslate(libretranslate.url).translate("We bellen u.", "nl", "prs")
    assert (result.target, result.text) == ("prs", "[fa] We bellen u.")
    assert libretranslate.state.requests[-1][2]["target"] == "fa"


@pytest.mark.parametrize("target", ["ti", "so", "ps", "kmr", "ckb"])
async def test_a_language_without_a_model_is_not_available(
    libretranslate: LibreTranslateServer, target: str
) -> None:
    with pytest.raises(LanguageNotAvailable) as caught:
        await LibreTranslate(libretranslate.url).translate("Hallo", "nl", target)
    assert (caught.value.source, caught.value.target) == ("nl", target)
    # Asked what the server has; the text was never sent.
    assert [r[:2] for r in libretranslate.state.requests] == [("GET", "/languages")]


async def test_kurmanji_and_sorani_when_the_server_has_models(
    libretranslate: LibreTranslateServer,
) -> None:
    libretranslate.state.installed |= {"ku": "Kurdish", "ckb": "Central Kurdish"}
    translator = LibreTranslate(libretranslate.url)
    assert (await translator.translate("Hallo", "nl", "kmr")).text == "[ku] Hallo"
    assert (await translator.translate("Hallo", "nl", "ckb")).text == "[ckb] Hallo"


def languages_asked(server: LibreTranslateServer) -> int:
    return sum(1 for method, path, _ in server.state.requests if path == "/languages")


async def test_the_language_list_is_kept_for_a_while(libretranslate: LibreTranslateServer) -> None:
    now = [1000.0]
    translator = LibreTranslate(libretranslate.url, languages_ttl=300, clock=lambda: now[0])
    for text in ("Een", "Twee", "Drie"):
        await translator.translate(text, "nl", "en")
    assert languages_asked(libretranslate) == 1
    with pytest.raises(LanguageNotAvailable):  # a pair the list lacks: not sent, not asked
        await translator.translate("Vier", "nl", "ti")
    assert languages_asked(libretranslate) == 1
    now[0] += 299
    await translator.translate("Vijf", "nl", "en")
    assert languages_asked(libretranslate) == 1
    now[0] += 1  # the list is too old: asked again, then kept again
    await translator.translate("Zes", "nl", "en")
    await translator.translate("Zeven", "nl", "en")
    assert languages_asked(libretranslate) == 2


async def test_a_refused_pair_makes_the_list_asked_again(
    libretranslate: LibreTranslateServer,
) -> None:
    translator = LibreTranslate(libretranslate.url)
    await translator.translate("Een", "nl", "ru")
    del libretranslate.state.installed["ru"]  # the model is gone; the kept list still has it
    with pytest.raises(LanguageNotAvailable) as caught:
        await translator.translate("Twee", "nl", "ru")
    assert (caught.value.source, caught.value.target) == ("nl", "ru")
    assert languages_asked(libretranslate) == 1
    sent = len(libretranslate.state.requests)
    with pytest.raises(LanguageNotAvailable):  # the list asked again: the text is not sent
        await translator.translate("Drie", "nl", "ru")
    assert [r[:2] for r in libretranslate.state.requests[sent:]] == [("GET", "/languages")]
    libretranslate.state.installed["ru"] = "Russian"
    assert languages_asked(libretranslate) == 2
    await translator.languages()  # always asks, and keeps the answer
    assert (await translator.translate("Vier", "nl", "ru")).text == "[ru] Vier"
    assert languages_asked(libretranslate) == 3


async def test_the_app_reuses_a_servers_adapter(libretranslate: LibreTranslateServer) -> None:
    # A key of this test's own: an adapter no other test made.
    settings = make_settings(
        "sqlite+aiosqlite:///unused.db", translation_api_keys={"0363": uuid.uuid4().hex}
    )
    here = Municipality(code="0363", translation_settings={"url": libretranslate.url})
    elsewhere = Municipality(code="0599", translation_settings={"url": closed_port_url()})
    first = translator_for(here, settings)
    assert first is not None
    assert translator_for(here, settings) is first
    assert translator_for(elsewhere, settings) is not first
    for text in ("Een", "Twee"):
        await translator_for(here, settings).translate(text, "nl", "en")  # type: ignore[union-attr]
    assert languages_asked(libretranslate) == 1


async def test_unknown_or_equal_languages_are_not_available(
    libretranslate: LibreTranslateServer,
) -> None:
    translator = LibreTranslate(libretranslate.url)
    for source, target in [("nl", "xx"), ("nl", "nl"), ("fa", "prs")]:
        with pytest.raises(LanguageNotAvailable):
            await translator.translate("Hallo", source, target)
    assert libretranslate.state.requests == []
    assert set(LANGUAGE_CODES) == {
        "nl", "en", "ar", "ti", "fa", "prs", "ps", "so", "tr", "uk", "ru", "kmr", "ckb", "fr",
    }  # fmt: skip


async def test_sends_the_api_key(libretranslate: LibreTranslateServer) -> None:
    libretranslate.state.api_keys = {"0f3b2a64-9c7e-4d1b-8a55-2e9f6c1d7b30"}
    translator = LibreTranslate(
        libretranslate.url, api_key=SecretStr("0f3b2a64-9c7e-4d1b-8a55-2e9f6c1d7b30")
    )
    assert (await translator.translate("Hallo", "nl", "en")).text == "[en] Hallo"
    assert libretranslate.state.requests[-1][2]["api_key"] == "0f3b2a64-9c7e-4d1b-8a55-2e9f6c1d7b30"
    assert "0f3b2a64" not in repr(translator)


async def test_a_wrong_or_missing_api_key_makes_the_server_unavailable(
    libretranslate: LibreTranslateServer,
) -> None:
    libretranslate.state.api_keys = {"the-right-key-3c9e1f"}
    with pytest.raises(TranslatorUnavailable, match="API key unknown"):
        await LibreTranslate(libretranslate.url, api_key=SecretStr("wrong")).translate(
            "Hallo", "nl", "en"
        )
    with pytest.raises(TranslatorUnavailable, match="wants an API key"):
        await LibreTranslate(libretranslate.url).translate("Hallo", "nl", "en")


async def test_rate_limit_engine_failure_and_timeout(libretranslate: LibreTranslateServer) -> None:
    translator = LibreTranslate(libretranslate.url, timeout=3.0)  # ample on a busy machine
    libretranslate.state.requests_left = 1
    await translator.translate("Een", "nl", "en")
    with pytest.raises(TranslatorUnavailable, match="rate limited"):
        await translator.translate("Twee", "nl", "en")
    libretranslate.state.requests_left = None
    libretranslate.state.failing = True
    with pytest.raises(TranslatorUnavailable, match="500 on POST /translate") as caught:
        await translator.translate("Drie", "nl", "en")
    assert "Drie" not in str(caught.value)
    libretranslate.state.failing = False
    libretranslate.state.latency = 30.0
    with pytest.raises(TranslatorUnavailable, match="timeout"):
        await translator.translate("Vier", "nl", "en")


async def test_text_over_the_servers_limit_is_refused(libretranslate: LibreTranslateServer) -> None:
    libretranslate.state.char_limit = 10
    with pytest.raises(TextRefused):
        await LibreTranslate(libretranslate.url).translate("Een veel te lange tekst", "nl", "en")


async def test_nothing_listens() -> None:
    with pytest.raises(TranslatorUnavailable, match="ConnectError"):
        await LibreTranslate(closed_port_url()).languages()


async def test_answers_that_are_not_libretranslates() -> None:
    def nonsense(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/languages":
            return httpx.Response(200, json={"languages": "all"})
        return httpx.Response(200, text="<html>proxy login</html>")

    translator = LibreTranslate("http://translate.invalid", transport=httpx.MockTransport(nonsense))
    with pytest.raises(TranslatorUnavailable, match="not a list"):
        await translator.languages()


async def test_the_test_server_answers_form_bodies_like_libretranslate() -> None:
    """The test server itself: the form encoding LibreTranslate also accepts, and its errors."""
    from litestar.testing import AsyncTestClient

    from tests.translation.server import LibreTranslateState

    async with AsyncTestClient(app=build_app(LibreTranslateState())) as client:
        ok = await client.post("/translate", data={"q": "Hallo", "source": "nl", "target": "en"})
        assert ok.json() == {"translatedText": "[en] Hallo"}
        missing = await client.post("/translate", data={"source": "nl", "target": "en"})
        assert (missing.status_code, missing.json()) == (
            400,
            {"error": "Invalid request: missing q parameter"},
        )
        unsupported = await client.post(
            "/translate", json={"q": "x", "source": "nl", "target": "ti"}
        )
        assert unsupported.json() == {"error": "ti is not supported"}
