# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The translation workflow: what is missing or outdated, submit, review, PO export/import.

A translation is never marked ``reviewed`` except by a reviewer through :func:`review`;
imports set ``machine`` (fuzzy entries) or ``translated``.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.consent import service as consent
from welkom.core import preconditions
from welkom.core.i18n import LANGUAGES, N_, TextPair, match_language
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.problems import FieldError, Problem, offered_language
from welkom.i18n.catalogs import pin_language
from welkom.journey import service as journey
from welkom.services import texts
from welkom.services.models import (
    OwnerKind,
    ServiceItem,
    ServicePlace,
    ServiceText,
    TextState,
)
from welkom.services.schemas import (
    ImportResult,
    LanguageProgress,
    ReviewIn,
    TranslationEntry,
    TranslationIn,
)
from welkom.services.service import actor

STATUSES = ("missing", "outdated", "unreviewed", "reviewed", "all")
TARGET_LANGUAGES = tuple(code for code in LANGUAGES if code != texts.CONTENT_SOURCE_LANGUAGE)


def check_target(language: str, *, source: str = "query") -> str:
    return offered_language(language, source=source, exclude=(texts.CONTENT_SOURCE_LANGUAGE,))


async def _sources(db: AsyncSession, municipality_id: uuid.UUID) -> list[ServiceText]:
    """Every source text of the municipality's live items (not archived) and places."""
    live_items = select(col(ServiceItem.id)).where(
        col(ServiceItem.municipality_id) == municipality_id, col(ServiceItem.status) != "archived"
    )
    places = select(col(ServicePlace.id)).where(
        col(ServicePlace.municipality_id) == municipality_id
    )
    return list(
        (
            await db.execute(
                select(ServiceText)
                .where(
                    col(ServiceText.municipality_id) == municipality_id,
                    col(ServiceText.language) == texts.CONTENT_SOURCE_LANGUAGE,
                    col(ServiceText.owner_id).in_(live_items)
                    | col(ServiceText.owner_id).in_(places),
                )
                .order_by(
                    col(ServiceText.owner_kind), col(ServiceText.owner_id), col(ServiceText.field)
                )
            )
        ).scalars()
    )


async def _translations(
    db: AsyncSession, municipality_id: uuid.UUID, language: str | None
) -> dict[tuple[uuid.UUID, str, str], ServiceText]:
    query = select(ServiceText).where(
        col(ServiceText.municipality_id) == municipality_id,
        col(ServiceText.language) != texts.CONTENT_SOURCE_LANGUAGE,
    )
    if language:
        query = query.where(col(ServiceText.language) == language)
    return {
        (row.owner_id, row.field, row.language): row for row in (await db.execute(query)).scalars()
    }


def _entry(source: ServiceText, language: str, row: ServiceText | None) -> TranslationEntry:
    return TranslationEntry(
        owner_kind=source.owner_kind,
        owner_id=source.owner_id,
        field=source.field,
        language=language,
        source_text=source.text,
        source_revision=source.source_revision,
        text=row.text if row else None,
        state=row.state if row else None,
        outdated=texts.is_outdated(row, source) if row else False,
        updated_by=row.updated_by if row else None,
        updated_at=row.updated_at if row else None,
        reviewed_by=row.reviewed_by if row else None,
        reviewed_at=row.reviewed_at if row else None,
        version=row.version if row else 0,
    )


def _matches(entry: TranslationEntry, status: str) -> bool:
    if status == "missing":
        return entry.state is None
    if status == "outdated":
        return entry.outdated
    if status == "unreviewed":
        return entry.state in (TextState.machine, TextState.translated) or entry.outdated
    if status == "reviewed":
        return entry.state == TextState.reviewed and not entry.outdated
    return True


async def list_translations(
    db: AsyncSession, municipality_id: uuid.UUID, language: str, status: str
) -> list[TranslationEntry]:
    check_target(language)
    if status not in STATUSES:
        raise Problem.validation(
            [FieldError("status", N_("This is not one of the allowed values."), source="query")]
        )
    rows = await _translations(db, municipality_id, language)
    entries = [
        _entry(source, language, rows.get((source.owner_id, source.field, language)))
        for source in await _sources(db, municipality_id)
    ]
    return [e for e in entries if _matches(e, status)]


async def progress(db: AsyncSession, municipality_id: uuid.UUID) -> list[LanguageProgress]:
    sources = await _sources(db, municipality_id)
    rows = await _translations(db, municipality_id, None)
    result = []
    for language in TARGET_LANGUAGES:
        counts = dict.fromkeys(("missing", "outdated", "machine", "translated", "reviewed"), 0)
        for source in sources:
            row = rows.get((source.owner_id, source.field, language))
            if row is None:
                counts["missing"] += 1
            elif texts.is_outdated(row, source):
                counts["outdated"] += 1
            else:
                counts[row.state] += 1
        result.append(LanguageProgress(language=language, total=len(sources), **counts))
    return result


async def _source_for(
    db: AsyncSession, municipality_id: uuid.UUID, owner_id: uuid.UUID, field: str
) -> ServiceText:
    source = (
        await db.execute(
            select(ServiceText).where(
                col(ServiceText.municipality_id) == municipality_id,
                col(ServiceText.owner_id) == owner_id,
                col(ServiceText.field) == field,
                col(ServiceText.language) == texts.CONTENT_SOURCE_LANGUAGE,
            )
        )
    ).scalar_one_or_none()
    if source is None:
        raise Problem.not_found()
    return source


async def _existing(db: AsyncSession, source: ServiceText, language: str) -> ServiceText | None:
    return (
        await db.execute(
            select(ServiceText).where(
                col(ServiceText.owner_id) == source.owner_id,
                col(ServiceText.field) == source.field,
                col(ServiceText.language) == language,
            )
        )
    ).scalar_one_or_none()


def _write(
    db: AsyncSession,
    source: ServiceText,
    row: ServiceText | None,
    language: str,
    text: str,
    state: TextState,
    who: str,
) -> ServiceText:
    limit = texts.field_max_length(source.owner_kind, source.field) or 0
    if len(text) > limit:
        raise Problem.validation(
            [FieldError("text", N_("At most {max} characters."), {"max": limit})]
        )
    value, html, search = texts.prepare(source.field, text, error_field="text")
    if row is None:
        row = ServiceText(
            municipality_id=source.municipality_id,
            owner_kind=source.owner_kind,
            owner_id=source.owner_id,
            field=source.field,
            language=language,
            text=value,
            state=state,
        )
        db.add(row)
    row.text, row.html, row.search_text, row.state = value, html, search, state
    row.source_revision = source.source_revision
    row.updated_by, row.updated_at = who, utcnow()
    row.reviewed_by = row.reviewed_at = None
    return row


async def submit(
    db: AsyncSession,
    principal: Principal,
    owner_id: uuid.UUID,
    field: str,
    language: str,
    data: TranslationIn,
    if_match: str | None,
) -> TranslationEntry:
    """Store a translation of the current source (``machine`` or ``translated``).

    ``If-Match`` is required (428 without) and names the translation's version (``"v0"``: none
    yet). An existing translation is claimed with a compare-and-set; a new one is inserted, and
    of two simultaneous first translations the unique key lets one in. The other gets 412."""
    check_target(language, source="path")
    source = await _source_for(db, principal.municipality_id, owner_id, field)  # 404 before 428
    expected = preconditions.require(if_match)
    row = await _existing(db, source, language)
    preconditions.check(expected, row.version if row else 0)
    if row is not None:
        await preconditions.compare_and_set(db, row, updated_at=utcnow())
    row = _write(db, source, row, language, data.text, TextState(data.state), actor(principal))
    await _flush(db, preconditions.precondition_failed)
    return _entry(source, language, row)


async def review(
    db: AsyncSession,
    principal: Principal,
    owner_id: uuid.UUID,
    field: str,
    language: str,
    data: ReviewIn,
    if_match: str | None = None,
) -> TranslationEntry:
    """A reviewer approves a translation of the *current* source (correcting it if needed).
    The translation is claimed with a compare-and-set on the version read (and on the one
    ``If-Match`` names, when sent)."""
    check_target(language, source="path")
    source = await _source_for(db, principal.municipality_id, owner_id, field)
    row = await _existing(db, source, language)
    preconditions.check(if_match, row.version if row else 0)
    if row is not None:
        await preconditions.compare_and_set(db, row, updated_at=row.updated_at)
    if data.text is not None:
        row = _write(db, source, row, language, data.text, TextState.translated, actor(principal))
    elif row is None:
        raise Problem.not_found()
    elif texts.is_outdated(row, source):
        raise Problem(
            409,
            "translation-outdated",
            N_("Translation is outdated"),
            N_("The source text changed after this translation was made. Update it first."),
        )
    row.state = TextState.reviewed
    row.reviewed_by, row.reviewed_at = actor(principal), utcnow()
    await _flush(db, preconditions.precondition_failed)
    return _entry(source, language, row)


async def _flush(
    db: AsyncSession, conflict: Callable[[], Problem] = consent.translation_conflict
) -> None:
    """Write it now; two people writing the same new translation at once: the second gets
    ``conflict()`` (409 ``translation-conflict`` unless told)."""
    try:
        await db.flush()
    except IntegrityError as exc:
        await db.rollback()
        raise conflict() from exc


# ---- PO export and import ----

PO_MEDIA_TYPE = "text/x-gettext-translation"


def _context(source: ServiceText) -> str:
    return f"{source.owner_kind}/{source.owner_id}/{source.field}"


async def export_po(db: AsyncSession, municipality_id: uuid.UUID, language: str) -> bytes:
    """Every live source text with its translation; fuzzy = machine-made or outdated."""
    check_target(language)
    rows = await _translations(db, municipality_id, language)
    catalog = Catalog(
        domain="content",
        project="Welkom content",
        version=datetime.now(UTC).strftime("%Y-%m-%d"),
        charset="utf-8",
        fuzzy=False,
    )
    pin_language(catalog, language)
    for source in await _sources(db, municipality_id):
        row = rows.get((source.owner_id, source.field, language))
        flags = []
        comments = [f"state: {row.state if row else 'missing'}"]
        if row is not None and (row.state == TextState.machine or texts.is_outdated(row, source)):
            flags.append("fuzzy")
        if row is not None and texts.is_outdated(row, source):
            comments.append("outdated: the source changed after this translation")
        catalog.add(
            source.text,
            row.text if row else "",
            context=_context(source),
            flags=flags,
            auto_comments=comments,
        )
    for pair in await _pairs(db, municipality_id, language):
        for index, field in enumerate(pair.fields):
            comments = [f"state: {pair.state or 'missing'}"]
            if pair.note:
                comments.append(pair.note)
            catalog.add(
                pair.source[index],
                pair.translation[index] if pair.translation else "",
                context=f"{pair.kind}/{pair.key}/{field}",
                flags=["fuzzy"] if pair.state == "machine" else [],
                auto_comments=comments,
            )
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False)
    return buffer.getvalue()


async def _pairs(db: AsyncSession, municipality_id: uuid.UUID, language: str) -> list[TextPair]:
    """Consent texts and journey steps: each translated as a title with its body."""
    return [
        *await consent.translation_pairs(db, municipality_id, language),
        *await journey.translation_pairs(db, municipality_id, language),
    ]


#: The longest title and body a consent text or journey step takes (their submit schemas).
_PAIR_LIMITS = {"consent": (200, 20_000), "journey": (200, 4000)}


async def _import_pairs(
    db: AsyncSession,
    principal: Principal,
    language: str,
    entries: dict[str, tuple[str, str, bool]],
    counts: dict[str, int],
) -> None:
    """Apply the PO entries (context → msgid, msgstr, fuzzy) of consent texts and journey
    steps. A pair is written when none of its entries is stale; a field the file leaves empty
    keeps the current translation."""
    for pair in await _pairs(db, principal.municipality_id, language):
        contexts = [f"{pair.kind}/{pair.key}/{field}" for field in pair.fields]
        present = [i for i, context in enumerate(contexts) if context in entries]
        if not present:
            continue
        given = {i: entries.pop(contexts[i]) for i in present}
        stale = [i for i in present if given[i][0] != pair.source[i]]
        if stale:
            counts["skipped_stale"] += len(stale)
            continue
        values = []
        for i in range(2):
            text = given[i][1].strip() if i in given else ""
            if not text and pair.translation:
                text = pair.translation[i]
            values.append(text)
        if not all(values):
            counts["empty"] += len(present)
            continue
        for i, limit in enumerate(_PAIR_LIMITS[pair.kind]):
            if len(values[i]) > limit:
                raise Problem.validation(
                    [
                        FieldError(
                            contexts[i], N_("At most {max} characters."), {"max": limit}, "body"
                        )
                    ]
                )
        fuzzy = any(given[i][2] for i in present)
        if pair.translation is not None and tuple(values) == pair.translation:
            confirmed = pair.state in ("translated", "reviewed")
            if fuzzy or confirmed:
                counts["unchanged"] += len(present)
                continue
        state = "machine" if fuzzy else "translated"
        title, body = values
        if pair.kind == "consent":
            await consent.write_translation(
                db, principal.municipality_id, pair.key, language, title, body, state
            )
        else:
            await journey.write_translation(
                db, principal.municipality_id, pair.key, language, title, body, state
            )
        changed = [i for i in present if not pair.translation or values[i] != pair.translation[i]]
        counts["imported"] += len(changed) or len(present)  # nothing changed: a confirmation
        counts["unchanged"] += len(present) - (len(changed) or len(present))


def _parse_context(context: str | None) -> tuple[str, uuid.UUID, str] | None:
    try:
        kind, owner, field = (context or "").split("/")
        if kind in (OwnerKind.item, OwnerKind.place):
            return kind, uuid.UUID(owner), field
    except ValueError:
        pass
    return None


async def import_po(
    db: AsyncSession, principal: Principal, language: str, payload: bytes
) -> ImportResult:
    """Apply an agency's PO file. Entries whose msgid no longer equals the source are skipped
    (stale); fuzzy entries become ``machine``, others ``translated`` — never ``reviewed``.
    Either every entry is valid and applied, or nothing changes."""
    check_target(language)
    try:
        if b"\x00" in payload:  # no text has a NUL (PostgreSQL cannot store one)
            raise ValueError("NUL in a PO file")
        catalog = read_po(io.BytesIO(payload), abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError) as exc:
        raise Problem.validation(
            [FieldError("", N_("This is not a valid PO file."), source="body")]
        ) from exc
    declared = catalog.locale_identifier
    if declared and match_language(declared) != language:
        raise Problem.validation(
            [FieldError("Language", N_("The file is for another language."), source="body")]
        )
    sources = {(s.owner_id, s.field): s for s in await _sources(db, principal.municipality_id)}
    rows = await _translations(db, principal.municipality_id, language)
    counts = dict.fromkeys(
        ("imported", "unchanged", "skipped_stale", "skipped_unknown", "empty"), 0
    )
    who = actor(principal)
    paired: dict[str, tuple[str, str, bool]] = {}
    for message in catalog:
        if not message.id:
            continue
        if (message.context or "").startswith(("consent/", "journey/")):
            text = message.string if isinstance(message.string, str) else ""
            paired[str(message.context)] = (str(message.id), text, message.fuzzy)
            continue
        parsed = _parse_context(message.context)
        source = sources.get((parsed[1], parsed[2])) if parsed else None
        if source is None:
            counts["skipped_unknown"] += 1
            continue
        if message.id != source.text:
            counts["skipped_stale"] += 1
            continue
        text = message.string if isinstance(message.string, str) else ""
        if not text.strip():
            counts["empty"] += 1
            continue
        state = TextState.machine if message.fuzzy else TextState.translated
        row = rows.get((source.owner_id, source.field, language))
        if row is not None and row.text == text.strip():
            # Untouched by the agency: a fuzzy entry (machine-made or outdated) stays as it is;
            # a confirmed (non-fuzzy) one only changes what was not a confirmed translation.
            confirmed = row.state in (TextState.translated, TextState.reviewed)
            if message.fuzzy or (confirmed and not texts.is_outdated(row, source)):
                counts["unchanged"] += 1
                continue
        if row is not None:  # an editor saving it at the same moment: 412, nothing imported
            await preconditions.compare_and_set(db, row, updated_at=row.updated_at)
        _write(db, source, row, language, text, state, who)
        counts["imported"] += 1
    try:
        await _import_pairs(db, principal, language, paired, counts)
    except IntegrityError as exc:  # another editor published a consent text at the same moment
        await db.rollback()
        raise consent.translation_conflict() from exc
    counts["skipped_unknown"] += len(paired)
    await _flush(db)
    return ImportResult(language=language, **counts)
