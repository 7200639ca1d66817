# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Request and response shapes of the translation aids."""

from typing import Annotated, Literal

import msgspec

from welkom.core.text import TextInput, line_meta
from welkom.translation.ports import Translation


class TranslationOut(msgspec.Struct):
    """A machine translation, always shown with its original: ``state`` is ``machine``."""

    text: str
    language: str
    state: str
    engine: str

    @classmethod
    def of(cls, translation: Translation) -> "TranslationOut":
        return cls(
            text=translation.text,
            language=translation.target,
            state=translation.state,
            engine=translation.engine,
        )


class LanguageOut(msgspec.Struct):
    """A language the server translates from, and what it translates it into."""

    code: str
    targets: list[str]


class TranslationLanguagesOut(msgspec.Struct):
    engine: str
    languages: list[LanguageOut]


class TranslationServerIn(TextInput, forbid_unknown_fields=True):
    """The municipality's machine-translation server; ``url: null`` switches the aids off.

    Its API key, if it wants one, goes in ``WELKOM_TRANSLATION_API_KEYS``, never here."""

    url: Annotated[str, line_meta(1000)] | None
    engine: Literal["libretranslate"] = "libretranslate"


class TranslationServerOut(msgspec.Struct):
    configured: bool
    engine: str | None
    url: str | None
    api_key_configured: bool
    #: Configured only: whether the server answered ``/languages`` just now, and what it offers.
    reachable: bool | msgspec.UnsetType = msgspec.UNSET
    languages: list[LanguageOut] | msgspec.UnsetType = msgspec.UNSET
