# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import datetime
from typing import Annotated, Literal

import msgspec

from welkom.core.text import TextInput, line_meta, lines_meta


class ConsentChangeIn(TextInput, forbid_unknown_fields=True):
    """Grant or withdraw one purpose, naming the text version and language that was shown."""

    purpose: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    action: Literal["grant", "withdraw"]
    text_version: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)]
    language: Annotated[str, msgspec.Meta(min_length=2, max_length=8)]


class ConsentTextOut(msgspec.Struct):
    version: int
    language: str
    title: str
    body: str
    translation_state: str  # source | machine | translated | reviewed
    reviewed: bool  # False: show the "not reviewed" notice


class ConsentStateOut(msgspec.Struct):
    purpose: str
    label: str
    recipient: str
    recipient_label: str
    data_categories: list[str]
    legal_basis: str
    state: Literal["granted", "withdrawn", "not_asked"]
    since: datetime | None
    granted_text_version: int | None
    text: ConsentTextOut | None  # the current text, in the resident's language where it exists
    #: The authoritative Dutch text, when ``text`` is a translation (else null).
    source_text: ConsentTextOut | None
    #: The municipality accepts consent only on the Dutch text or a reviewed translation.
    grant_requires_review: bool
    text_changed: bool  # granted on an older text than the current one


class ConsentEntryOut(msgspec.Struct):
    id: uuid.UUID
    seq: int
    purpose: str
    recipient: str
    data_categories: list[str]
    legal_basis: str
    action: str
    channel: str
    text_version: int | None
    text_language: str | None
    #: How the text shown was made: source | machine | translated | reviewed.
    text_translation_state: str | None
    recorded_at: datetime
    receipt: str  # path of the receipt


class Labelled(msgspec.Struct):
    code: str
    label: str


class ReceiptText(msgspec.Struct):
    version: int
    language: str
    title: str
    body: str
    translation_state: str
    sha256: str


class ReceiptController(msgspec.Struct):
    name: str
    gemeentecode: str
    rsin: str


class ConsentReceipt(msgspec.Struct):
    """A consent receipt: machine-readable codes with human-readable labels in one language."""

    receipt_id: uuid.UUID
    language: str
    issued_at: datetime
    summary: str
    controller: ReceiptController
    resident_id: uuid.UUID
    action: Labelled
    recorded_at: datetime
    channel: Labelled
    purpose: Labelled
    recipient: Labelled
    data_categories: list[Labelled]
    legal_basis: Labelled
    legal_basis_article: str
    consent_text: ReceiptText | None
    how_to_withdraw: str


class ConsentTranslationOut(msgspec.Struct):
    """One purpose's current consent text: the Dutch source and its translation in a language."""

    purpose: str
    version: int
    language: str
    source_title: str
    source_body: str
    title: str | None  # None: not translated into this language yet
    body: str | None
    translation_state: str | None  # machine | translated | reviewed
    reviewed_by: str | None
    reviewed_at: datetime | None
    #: The current version has no text in this language since its Dutch text changed: ``title``
    #: and ``body`` are the translation of an earlier version, a starting point; residents read
    #: the Dutch text until it is saved for this version.
    outdated: bool = False


class ConsentTranslationIn(TextInput, forbid_unknown_fields=True):
    """A translation of a purpose's current consent text (``reviewed`` only through a review);
    for Dutch, the source text itself (a new version; the state is then ``source``)."""

    title: Annotated[str, line_meta(200)]
    body: Annotated[str, lines_meta(20_000)]
    state: Literal["machine", "translated"] = "translated"
