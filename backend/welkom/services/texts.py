# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Reading and writing translatable texts (source and translations) for items and places."""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core.i18n import N_
from welkom.core.models import utcnow
from welkom.core.problems import FieldError, Problem
from welkom.services.content import MarkdownError, normalise, plain_text, render_markdown
from welkom.services.models import OwnerKind, ServiceText, TextState
from welkom.services.schemas import (
    ACCESSIBILITY_MAX,
    BODY_MAX,
    LABEL_MAX,
    NAME_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
)

#: Language of the content's source texts (editors write Dutch).
CONTENT_SOURCE_LANGUAGE = "nl"
UNREVIEWED_STATES = frozenset({TextState.machine, TextState.translated})

_ITEM_FIELDS = {"title": TITLE_MAX, "summary": SUMMARY_MAX, "body": BODY_MAX}
_PLACE_FIELDS = {"name": NAME_MAX, "accessibility": ACCESSIBILITY_MAX}
_LINK_FIELD = re.compile(r"^link\.([0-9])$")


def field_max_length(owner_kind: str, field: str) -> int | None:
    """Maximum length of a translatable field, or None if the field does not exist."""
    if owner_kind == OwnerKind.item:
        if _LINK_FIELD.match(field):
            return LABEL_MAX
        return _ITEM_FIELDS.get(field)
    if owner_kind == OwnerKind.place:
        return _PLACE_FIELDS.get(field)
    return None


def prepare(
    field: str, text: str, *, error_field: str | None = None
) -> tuple[str, str | None, str]:
    """(text, html, search_text) for storing; the body is sanitised markdown."""
    text = text.strip()
    if field != "body":
        if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):
            raise Problem.validation(
                [FieldError(error_field or field, N_("The text contains control characters."))]
            )
        return text, None, normalise(text)
    try:
        html = render_markdown(text)
    except MarkdownError as exc:
        raise Problem.validation([FieldError(error_field or field, exc.reason)]) from exc
    return text, html, normalise(plain_text(html))


async def load(
    db: AsyncSession,
    municipality_id: uuid.UUID,
    owner_ids: Iterable[uuid.UUID],
    languages: Iterable[str] | None = None,
) -> dict[uuid.UUID, dict[str, dict[str, ServiceText]]]:
    """owner id → field → language → text."""
    ids = list(owner_ids)
    result: dict[uuid.UUID, dict[str, dict[str, ServiceText]]] = {i: {} for i in ids}
    if not ids:
        return result
    params: dict[str, object] = {"municipality_id": municipality_id, "ids": ids}
    if languages is not None:
        params["languages"] = list(languages)
    query = _load_query(languages is not None)
    for row in (await db.execute(query, params)).scalars():
        result[row.owner_id].setdefault(row.field, {})[row.language] = row
    return result


@functools.cache
def _load_query(by_language: bool) -> Select[Any]:
    """Built once per shape."""
    query = select(ServiceText).where(
        col(ServiceText.municipality_id) == bindparam("municipality_id"),
        col(ServiceText.owner_id).in_(bindparam("ids", expanding=True)),
    )
    if by_language:
        query = query.where(col(ServiceText.language).in_(bindparam("languages", expanding=True)))
    return query


def set_source(
    db: AsyncSession,
    existing: dict[str, dict[str, ServiceText]],
    *,
    municipality_id: uuid.UUID,
    owner_kind: str,
    owner_id: uuid.UUID,
    field: str,
    text: str,
    actor: str,
) -> bool:
    """Write a source text; True if it changed. A change makes its translations outdated."""
    value, html, search = prepare(field, text)
    current = existing.get(field, {}).get(CONTENT_SOURCE_LANGUAGE)
    if current is not None:
        if current.text == value:
            return False
        current.text, current.html, current.search_text = value, html, search
        current.source_revision += 1
        current.updated_by, current.updated_at = actor, utcnow()
        return True
    if not value:
        return False
    row = ServiceText(
        municipality_id=municipality_id,
        owner_kind=owner_kind,
        owner_id=owner_id,
        field=field,
        language=CONTENT_SOURCE_LANGUAGE,
        text=value,
        html=html,
        search_text=search,
        state=TextState.source,
        source_revision=1,
        updated_by=actor,
    )
    db.add(row)
    existing.setdefault(field, {})[CONTENT_SOURCE_LANGUAGE] = row
    return True


def is_outdated(translation: ServiceText, source: ServiceText | None) -> bool:
    return (
        translation.state != TextState.source
        and source is not None
        and translation.source_revision < source.source_revision
    )


class Chosen:
    """The text shown for one field, after fallback through the language chain.

    ``row`` is a :class:`ServiceText` or a result row with its columns (the service list reads
    plain rows).
    """

    __slots__ = ("language", "outdated", "row", "unreviewed")

    def __init__(self, row: ServiceText, source: ServiceText | None) -> None:
        self.row = row
        self.language = row.language
        self.unreviewed = row.state in UNREVIEWED_STATES
        self.outdated = is_outdated(row, source)


def choose(
    fields: dict[str, dict[str, ServiceText]], field: str, chain: list[str]
) -> Chosen | None:
    """The best text for ``field``: the first language of ``chain`` that has one."""
    by_language = fields.get(field, {})
    source = by_language.get(CONTENT_SOURCE_LANGUAGE)
    for language in chain:
        row = by_language.get(language)
        if row is not None and row.text:
            return Chosen(row, source)
    return None
