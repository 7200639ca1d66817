# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The consent ledger. This module is the only reader of the consent tables.

Everyone who shares a resident's data with someone else asks :func:`allows` at the moment of
sharing — on every request, never from a cache — so a withdrawal counts for the very next read.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

import msgspec
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.consent.models import ConsentEntry, ConsentText
from welkom.consent.purposes import (
    ARTICLE,
    LABELS,
    PURPOSES,
    Action,
    Channel,
    Purpose,
    PurposeDefinition,
    Recipient,
    definition,
)
from welkom.consent.schemas import (
    ConsentChangeIn,
    ConsentEntryOut,
    ConsentReceipt,
    ConsentStateOut,
    ConsentTextOut,
    ConsentTranslationIn,
    ConsentTranslationOut,
    Labelled,
    ReceiptController,
    ReceiptText,
)
from welkom.core import idempotency, preconditions
from welkom.core.guards import forbidden
from welkom.core.i18n import LANGUAGES, N_, TextPair, format_date, gettext
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.pagination import Page, keyset_page
from welkom.core.problems import FieldError, Problem, offered_language
from welkom.municipalities import service as municipalities
from welkom.residents import service as residents

TRANSLATION_STATES = ("source", "machine", "translated", "reviewed")
SOURCE_LANGUAGE = "nl"
#: Texts a person wrote or checked; anything else was made by a machine or is not checked yet.
REVIEWED_STATES = ("source", "reviewed")


# --- The question every sharing code path asks -----------------------------------------------


async def allows(
    db: AsyncSession, resident_id: uuid.UUID, purpose: Purpose, recipient: Recipient | str
) -> bool:
    """May ``recipient`` receive the data of ``purpose`` for this resident, right now?

    True only if the resident's latest ledger entry for exactly this purpose and recipient is a
    grant. Unknown purposes, other recipients and residents who never answered get False.
    Example (volunteers)::

        if await consent.allows(db, resident_id, Purpose.share_contact_with_volunteer,
                                Recipient.volunteer):
            ...show the phone number...
    """
    latest = (
        await db.execute(
            select(col(ConsentEntry.action))
            .where(
                col(ConsentEntry.resident_id) == resident_id,
                col(ConsentEntry.purpose) == str(purpose),
                col(ConsentEntry.recipient) == str(recipient),
            )
            .order_by(col(ConsentEntry.seq).desc())
            .limit(1)
        )
    ).scalar_one_or_none()
    return latest == Action.granted


# --- Texts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextIn:
    language: str
    title: str
    body: str
    translation_state: str


def _text_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n\n{body}".encode()).hexdigest()


def _text_row(
    municipality_id: uuid.UUID, purpose: Purpose, version: int, text: TextIn
) -> ConsentText:
    return ConsentText(
        municipality_id=municipality_id,
        purpose=purpose,
        version=version,
        language=text.language,
        title=text.title,
        body=text.body,
        translation_state=text.translation_state,
        sha256=_text_hash(text.title, text.body),
    )


async def publish_text_version(
    db: AsyncSession, municipality_id: uuid.UUID, purpose: Purpose, texts: list[TextIn]
) -> int:
    """Add a new version of a purpose's consent text (all its languages at once); no commit.

    The Dutch source text is required; other languages say how they were made (``machine`` for
    unreviewed machine translations). Earlier versions stay: ledger entries point at them.
    """
    by_language = {t.language: t for t in texts}
    if len(by_language) != len(texts):
        raise ValueError("one text per language")
    if by_language.get(SOURCE_LANGUAGE) is None:
        raise ValueError("a consent text version needs its Dutch source text")
    if by_language[SOURCE_LANGUAGE].translation_state != "source":
        raise ValueError("the Dutch text is the source")
    for text in texts:
        if text.language not in LANGUAGES or text.translation_state not in TRANSLATION_STATES:
            raise ValueError(f"unknown language or translation state: {text.language}")
        if text.language != SOURCE_LANGUAGE and text.translation_state == "source":
            raise ValueError("only the Dutch text is the source")
        if not text.title.strip() or not text.body.strip() or len(text.title) > 200:
            raise ValueError("a consent text needs a title (at most 200 characters) and a body")
    current = (
        await db.execute(
            select(func.max(ConsentText.version)).where(
                col(ConsentText.municipality_id) == municipality_id,
                col(ConsentText.purpose) == purpose,
            )
        )
    ).scalar_one()
    version = (current or 0) + 1
    db.add_all(_text_row(municipality_id, purpose, version, t) for t in texts)
    await db.flush()
    return version


async def _current_version(
    db: AsyncSession, municipality_id: uuid.UUID, purpose: str
) -> int | None:
    return (
        await db.execute(
            select(func.max(ConsentText.version)).where(
                col(ConsentText.municipality_id) == municipality_id,
                col(ConsentText.purpose) == purpose,
            )
        )
    ).scalar_one()


async def _texts_of_version(
    db: AsyncSession, municipality_id: uuid.UUID, purpose: str, version: int
) -> dict[str, ConsentText]:
    rows = (
        await db.execute(
            select(ConsentText).where(
                col(ConsentText.municipality_id) == municipality_id,
                col(ConsentText.purpose) == purpose,
                col(ConsentText.version) == version,
            )
        )
    ).scalars()
    return {row.language: row for row in rows}


def _pick(texts: dict[str, ConsentText], languages: list[str]) -> ConsentText | None:
    """The text in the first of ``languages`` that has one, else the Dutch source."""
    for language in languages:
        if language in texts:
            return texts[language]
    return texts.get(SOURCE_LANGUAGE)


def _text_out(text: ConsentText) -> ConsentTextOut:
    return ConsentTextOut(
        version=text.version,
        language=text.language,
        title=text.title,
        body=text.body,
        translation_state=text.translation_state,
        reviewed=text.translation_state in REVIEWED_STATES,
    )


# --- The resident's view ---------------------------------------------------------------------


async def _ledger_state(
    db: AsyncSession, resident_id: uuid.UUID
) -> tuple[dict[str, ConsentEntry], int]:
    """The latest entry per purpose (for the purpose's own recipient) and the next ``seq``.

    Both come from one query, so a decision taken on this state and written with this ``seq``
    collides (unique ``resident_id, seq``) with anything appended meanwhile: never two answers
    decided on the same stale state.
    """
    rows = list(
        (
            await db.execute(
                select(ConsentEntry)
                .where(col(ConsentEntry.resident_id) == resident_id)
                .order_by(col(ConsentEntry.seq))
            )
        )
        .scalars()
        .all()
    )
    latest: dict[str, ConsentEntry] = {}
    for row in rows:
        known = definition(row.purpose)
        if known is not None and row.recipient == known.recipient:
            latest[row.purpose] = row
    return latest, (rows[-1].seq + 1 if rows else 1)


async def states(
    db: AsyncSession, resident_id: uuid.UUID, municipality_id: uuid.UUID, languages: list[str]
) -> list[ConsentStateOut]:
    """Every purpose with the resident's current answer and the text to show, derived from the
    ledger. ``languages``: the request's language first, then others the resident reads."""
    language = languages[0]
    latest, _ = await _ledger_state(db, resident_id)
    requires_review = (await municipalities.get(db, municipality_id)).consent_requires_reviewed_text
    out = []
    for purpose, known in PURPOSES.items():
        version = await _current_version(db, municipality_id, purpose)
        texts = await _texts_of_version(db, municipality_id, purpose, version) if version else {}
        text = _pick(texts, languages)
        source = texts.get(SOURCE_LANGUAGE)
        entry = latest.get(purpose)
        state = "not_asked" if entry is None else entry.action
        out.append(
            ConsentStateOut(
                purpose=purpose,
                label=gettext(known.label, language),
                recipient=known.recipient,
                recipient_label=gettext(LABELS[known.recipient], language),
                data_categories=[str(c) for c in known.data_categories],
                legal_basis=known.legal_basis,
                # The ledger holds only granted and withdrawn (Action) in its string column.
                state=state,  # type: ignore[arg-type]
                since=entry.recorded_at if entry else None,
                granted_text_version=entry.text_version
                if entry and state == Action.granted
                else None,
                text=_text_out(text) if text else None,
                source_text=_text_out(source) if source and text and text is not source else None,
                grant_requires_review=requires_review,
                text_changed=bool(
                    state == Action.granted and version and entry and entry.text_version != version
                ),
            )
        )
    return out


def entry_out(entry: ConsentEntry) -> ConsentEntryOut:
    return ConsentEntryOut(
        id=entry.id,
        seq=entry.seq,
        purpose=entry.purpose,
        recipient=entry.recipient,
        data_categories=list(entry.data_categories),
        legal_basis=entry.legal_basis,
        action=entry.action,
        channel=entry.channel,
        text_version=entry.text_version,
        text_language=entry.text_language,
        text_translation_state=entry.text_translation_state,
        recorded_at=entry.recorded_at,
        receipt=f"/api/v1/me/consents/entries/{entry.id}/receipt",
    )


async def entries(
    db: AsyncSession, resident_id: uuid.UUID, *, cursor: str | None, limit: int
) -> Page[ConsentEntryOut]:
    """The resident's ledger, newest first."""
    query = select(ConsentEntry).where(col(ConsentEntry.resident_id) == resident_id)
    rows, next_cursor = await keyset_page(
        db, query, ConsentEntry.recorded_at, ConsentEntry.id, cursor=cursor, limit=limit
    )
    return Page(items=[entry_out(r) for r in rows], next_cursor=next_cursor)


# --- Recording -------------------------------------------------------------------------------


async def _validated(
    db: AsyncSession, municipality_id: uuid.UUID, resident_id: uuid.UUID, data: ConsentChangeIn
) -> tuple[PurposeDefinition, ConsentText, int]:
    """The purpose, the text shown and the ``seq`` to append at, or a problem."""
    known = definition(data.purpose)
    if known is None:
        raise Problem.validation([FieldError("purpose", N_("Unknown consent purpose."))])
    texts = await _texts_of_version(db, municipality_id, known.purpose, data.text_version)
    text = texts.get(data.language)
    if text is None:
        raise Problem.validation(
            [
                FieldError(
                    "text_version",
                    N_("There is no consent text with this version and language."),
                )
            ]
        )
    entries_now, seq = await _ledger_state(db, resident_id)
    latest = entries_now.get(known.purpose)
    if data.action == "grant":
        current = await _current_version(db, municipality_id, known.purpose)
        if data.text_version != current:
            raise Problem.conflict(
                "consent-text-changed",
                N_("The consent text has changed"),
                N_("Read the current text before you agree. Nothing was changed."),
            )
        if (
            text.translation_state not in REVIEWED_STATES
            and (await municipalities.get(db, municipality_id)).consent_requires_reviewed_text
        ):
            raise Problem.conflict(
                "consent-text-not-reviewed",
                N_("This translation has not been checked yet"),
                N_(
                    "This municipality accepts consent only on the Dutch text or a translation "
                    "checked by a person. Read the Dutch text, or ask for an interpreter. "
                    "Nothing was changed."
                ),
            )
        if latest and latest.action == Action.granted and latest.text_version == current:
            raise Problem.conflict(
                "consent-already-granted",
                N_("Already agreed"),
                N_("You already agreed to this text. Nothing was changed."),
            )
    elif latest is None or latest.action != Action.granted:
        raise Problem.conflict(
            "consent-not-granted",
            N_("Nothing to withdraw"),
            N_("You have not agreed to this, so there is nothing to withdraw."),
        )
    return known, text, seq


def _entry(
    known: PurposeDefinition,
    *,
    municipality_id: uuid.UUID,
    resident_id: uuid.UUID,
    seq: int,
    action: Action,
    channel: Channel,
    text: ConsentText | None,
    actor: Principal | None,
) -> ConsentEntry:
    return ConsentEntry(
        municipality_id=municipality_id,
        resident_id=resident_id,
        seq=seq,
        purpose=known.purpose,
        recipient=known.recipient,
        data_categories=[str(c) for c in known.data_categories],
        legal_basis=known.legal_basis,
        action=action,
        channel=channel,
        text_id=text.id if text else None,
        text_version=text.version if text else None,
        text_language=text.language if text else None,
        text_sha256=text.sha256 if text else None,
        text_translation_state=text.translation_state if text else None,
        recorded_by_account_id=actor.account_id if actor else None,
        recorded_by_role=actor.acting_role if actor else "system",
        recorded_at=utcnow(),
    )


async def record(
    db: AsyncSession,
    actor: Principal,
    resident_id: uuid.UUID,
    municipality_id: uuid.UUID,
    data: ConsentChangeIn,
    *,
    channel: Channel,
    idempotency_key: str | None,
) -> tuple[int, dict[str, Any], bool]:
    """Append a grant or withdrawal to the ledger. Returns (status, body, replayed).

    The caller has checked that ``actor`` may act for this resident.
    """
    payload = {**msgspec.to_builtins(data), "resident_id": str(resident_id), "channel": channel}

    async def create() -> tuple[int, dict[str, Any]]:
        known, text, seq = await _validated(db, municipality_id, resident_id, data)
        entry = _entry(
            known,
            municipality_id=municipality_id,
            resident_id=resident_id,
            seq=seq,
            action=Action.granted if data.action == "grant" else Action.withdrawn,
            channel=channel,
            text=text,
            actor=actor,
        )
        db.add(entry)
        return 201, msgspec.to_builtins(entry_out(entry))

    return await idempotency.create_once(
        db,
        scope=f"consent:{actor.account_id}",
        key=idempotency_key,
        payload=payload,
        create=create,
        resident_id=resident_id,
    )


async def record_for_resident(
    db: AsyncSession,
    principal: Principal,
    resident_id: uuid.UUID,
    data: ConsentChangeIn,
    *,
    channel: Channel = Channel.paper,
    idempotency_key: str | None = None,
) -> tuple[int, dict[str, Any], bool]:
    """A caseworker records consent given or withdrawn in person or on paper."""
    if channel not in (Channel.in_person, Channel.paper):
        raise ValueError("caseworkers record in_person or paper consent")
    resident = await residents.get_for_caseworker(db, principal, resident_id)
    return await record(
        db,
        principal,
        resident.id,
        resident.municipality_id,
        data,
        channel=channel,
        idempotency_key=idempotency_key,
    )


async def withdraw_everything(
    db: AsyncSession, resident_id: uuid.UUID, municipality_id: uuid.UUID, actor: Principal
) -> int:
    """On erasure: append a withdrawal for every purpose still granted; no commit."""
    count = 0
    latest, seq = await _ledger_state(db, resident_id)
    for purpose, entry in latest.items():
        if entry.action != Action.granted:
            continue
        withdrawal = _entry(
            PURPOSES[Purpose(purpose)],
            municipality_id=municipality_id,
            resident_id=resident_id,
            seq=seq + count,
            action=Action.withdrawn,
            channel=Channel.erasure,
            text=None,
            actor=actor,
        )
        db.add(withdrawal)
        count += 1
    await db.flush()
    return count


# --- Receipts --------------------------------------------------------------------------------


# --- The translation workflow ----------------------------------------------------------------


def _translation_out(
    purpose: str, version: int, language: str, source: ConsentText, text: ConsentText | None
) -> ConsentTranslationOut:
    return ConsentTranslationOut(
        purpose=purpose,
        version=version,
        language=language,
        source_title=source.title,
        source_body=source.body,
        title=text.title if text else None,
        body=text.body if text else None,
        translation_state=text.translation_state if text else None,
        reviewed_by=text.reviewed_by if text else None,
        reviewed_at=text.reviewed_at if text else None,
    )


def _translation_target(language: str) -> str:
    return offered_language(language, source="query", exclude=(SOURCE_LANGUAGE,))


async def _earlier_translation(
    db: AsyncSession, municipality_id: uuid.UUID, purpose: str, version: int, language: str
) -> ConsentText | None:
    """The latest text in ``language`` of a version before ``version``."""
    return (
        (
            await db.execute(
                select(ConsentText)
                .where(
                    col(ConsentText.municipality_id) == municipality_id,
                    col(ConsentText.purpose) == purpose,
                    col(ConsentText.language) == language,
                    col(ConsentText.version) < version,
                )
                .order_by(col(ConsentText.version).desc())
                .limit(1)
            )
        )
        .scalars()
        .first()
    )


async def translations(
    db: AsyncSession, municipality_id: uuid.UUID, language: str
) -> list[ConsentTranslationOut]:
    """Every purpose's current text in Dutch beside its translation into ``language``. A
    language the current version lacks shows its latest earlier translation, ``outdated``."""
    _translation_target(language)
    out = []
    for purpose in PURPOSES:
        version = await _current_version(db, municipality_id, purpose)
        if version is None:
            continue
        texts = await _texts_of_version(db, municipality_id, purpose, version)
        text = texts.get(language)
        earlier = (
            await _earlier_translation(db, municipality_id, purpose, version, language)
            if text is None
            else None
        )
        entry = _translation_out(
            purpose, version, language, texts[SOURCE_LANGUAGE], text or earlier
        )
        if earlier is not None:
            entry.outdated = True
        out.append(entry)
    return out


async def change_source(
    db: AsyncSession,
    editor: Principal,
    purpose: str,
    data: ConsentTranslationIn,
    expected: preconditions.IfMatch,
) -> ConsentTranslationOut:
    """New Dutch wording for a purpose's consent text: a new version holding only the Dutch
    text. Translations of the older text are not carried over — a resident agrees to a
    translation of the exact text — so residents read the Dutch text until a translation is
    saved for the new version; the translation view offers the earlier one as ``outdated``.
    Residents who agreed to the previous version are asked to read the text again."""
    if not editor.has_any({"editor", "admin"}):
        raise forbidden()
    title, body = data.title.strip(), data.body.strip()
    if not title or not body:
        field = "title" if not title else "body"
        raise Problem.validation([FieldError(field, N_("This field is required."))])
    known = definition(purpose)
    current = await _current_version(db, editor.municipality_id, known.purpose) if known else None
    if known is None or current is None:
        raise Problem.not_found()
    preconditions.check(expected, current)
    source = (await _texts_of_version(db, editor.municipality_id, known.purpose, current))[
        SOURCE_LANGUAGE
    ]
    version = current
    if (source.title, source.body) != (title, body):
        try:
            version = await publish_text_version(
                db,
                editor.municipality_id,
                known.purpose,
                [TextIn(SOURCE_LANGUAGE, title, body, "source")],
            )
            await db.flush()
        except IntegrityError as exc:
            await db.rollback()
            raise preconditions.precondition_failed() from exc
    texts = await _texts_of_version(db, editor.municipality_id, known.purpose, version)
    dutch = texts[SOURCE_LANGUAGE]
    return _translation_out(known.purpose, version, SOURCE_LANGUAGE, dutch, dutch)


async def _write_translation(
    db: AsyncSession,
    municipality_id: uuid.UUID,
    purpose: Purpose,
    version: int,
    new: TextIn,
    *,
    create_only: bool = False,
) -> int:
    """Add ``new`` to ``version``, or publish the version that carries it; the version it is in.
    ``create_only``: when the version has other wording in ``new``'s language already, 412
    instead of a new version (whoever added it first wins; the same wording is no change)."""
    texts = await _texts_of_version(db, municipality_id, purpose, version)
    existing = texts.get(new.language)
    if existing is None:
        db.add(_text_row(municipality_id, purpose, version, new))
        await db.flush()
        return version
    if (existing.title, existing.body) == (new.title, new.body):
        if (existing.translation_state, new.translation_state) == ("machine", "translated"):
            existing.translation_state = "translated"  # a person confirms the machine's wording
        return version
    if create_only:
        raise preconditions.precondition_failed()
    carried = [t for t in texts.values() if t.language != new.language]
    version = await publish_text_version(
        db,
        municipality_id,
        purpose,
        [*(TextIn(t.language, t.title, t.body, t.translation_state) for t in carried), new],
    )
    republished = await _texts_of_version(db, municipality_id, purpose, version)
    for old in carried:  # a review stays with the wording it approved
        republished[old.language].reviewed_by = old.reviewed_by
        republished[old.language].reviewed_at = old.reviewed_at
    return version


async def write_translation(
    db: AsyncSession,
    municipality_id: uuid.UUID,
    purpose: str,
    language: str,
    title: str,
    body: str,
    state: str,
    *,
    create_only: bool = False,
) -> int | None:
    """Put a translation of a purpose's current consent text; no commit. None: no such text.

    A language the current version lacks is added to it (nobody can have agreed to it yet); of
    two writers adding it at once the unique key lets the first in. New wording for a language
    the version already has is a new version — the text a resident agreed to never changes —
    with every other language carried over as it was; residents who agreed to the previous
    version are asked to read the text again. ``create_only`` (``If-None-Match: *``): new
    wording for a language the version has by now is 412 instead."""
    known = definition(purpose)
    version = await _current_version(db, municipality_id, known.purpose) if known else None
    if known is None or version is None:
        return None
    return await _write_translation(
        db,
        municipality_id,
        known.purpose,
        version,
        TextIn(language, title, body, state),
        create_only=create_only,
    )


def translation_conflict() -> Problem:
    """Another editor published a version at the same moment."""
    return Problem.conflict(
        "translation-conflict",
        N_("Changed in the meantime"),
        N_("Someone else saved this translation at the same time. Reload and try again."),
    )


async def submit_translation(
    db: AsyncSession,
    editor: Principal,
    purpose: str,
    language: str,
    data: ConsentTranslationIn,
    if_match: str | None = None,
    if_none_match: str | None = None,
) -> ConsentTranslationOut:
    """Translate a purpose's current consent text into ``language`` (:func:`write_translation`).

    Texts are versioned, never edited, but a new version replaces what residents are shown, so
    the editor names the version they based the change on: ``If-Match: "v<version>"`` is
    required (428 without) and must name the purpose's current version (412 otherwise). Of two
    simultaneous changes naming it, the unique version key lets one in; the other gets 412.

    Adding a language the version lacks keeps the version, so its ETag cannot tell a second
    editor who also found the language missing from a reviewer correcting the first one's text:
    the editor who adds one sends ``If-None-Match: *`` too, and gets 412 when other wording in
    that language is there by then. Dutch: :func:`change_source`."""
    create_only = preconditions.creates_only(if_none_match)
    expected = preconditions.require(if_match) if language == SOURCE_LANGUAGE else None
    if expected is not None:
        if create_only:  # the Dutch source is always there
            raise preconditions.precondition_failed()
        return await change_source(db, editor, purpose, data, expected)
    _translation_target(language)
    expected = preconditions.require(if_match)
    title, body = data.title.strip(), data.body.strip()
    if not title or not body:
        field = "title" if not title else "body"
        raise Problem.validation([FieldError(field, N_("This field is required."))])
    known = definition(purpose)
    current = await _current_version(db, editor.municipality_id, known.purpose) if known else None
    if current is None:
        raise Problem.not_found()
    preconditions.check(expected, current)
    try:
        version = await write_translation(
            db,
            editor.municipality_id,
            purpose,
            language,
            title,
            body,
            data.state,
            create_only=create_only,
        )
        if version is None:
            raise Problem.not_found()
        await db.flush()
    except IntegrityError as exc:
        await db.rollback()
        raise preconditions.precondition_failed() from exc
    texts = await _texts_of_version(db, editor.municipality_id, purpose, version)
    return _translation_out(purpose, version, language, texts[SOURCE_LANGUAGE], texts[language])


async def translation_pairs(
    db: AsyncSession, municipality_id: uuid.UUID, language: str
) -> list[TextPair]:
    """Every purpose's current text with its translation into ``language``, for a PO file."""
    pairs = []
    for purpose in PURPOSES:
        version = await _current_version(db, municipality_id, purpose)
        if version is None:
            continue
        texts = await _texts_of_version(db, municipality_id, purpose, version)
        source, text = texts[SOURCE_LANGUAGE], texts.get(language)
        pairs.append(
            TextPair(
                kind="consent",
                key=purpose,
                fields=("title", "body"),
                source=(source.title, source.body),
                translation=(text.title, text.body) if text else None,
                state=text.translation_state if text else None,
                note=f"version {version}",
            )
        )
    return pairs


async def review_translation(
    db: AsyncSession, reviewer: Principal, purpose: str, version: int, language: str
) -> ConsentTranslationOut:
    """A native-speaker reviewer approves a translation of a consent text as it stands: its
    wording (and so its SHA-256) never changes, only its state. Commits."""
    _translation_target(language)
    known = definition(purpose)
    texts = (
        await _texts_of_version(db, reviewer.municipality_id, known.purpose, version)
        if known
        else {}
    )
    text = texts.get(language)
    if known is None or text is None:
        raise Problem.not_found()
    if text.translation_state != "reviewed":
        text.translation_state = "reviewed"
        text.reviewed_by, text.reviewed_at = reviewer.display_name, utcnow()
    return _translation_out(known.purpose, version, language, texts[SOURCE_LANGUAGE], text)


async def receipt(db: AsyncSession, resident_id: uuid.UUID, entry_id: uuid.UUID) -> ConsentReceipt:
    """A receipt for one of the resident's own entries, in the language its text was shown in.

    Another resident's entry is not found (404), as is an unknown one.
    """
    entry = (
        await db.execute(
            select(ConsentEntry).where(
                col(ConsentEntry.id) == entry_id, col(ConsentEntry.resident_id) == resident_id
            )
        )
    ).scalar_one_or_none()
    if entry is None:
        raise Problem.not_found()
    text = await db.get(ConsentText, entry.text_id) if entry.text_id else None
    municipality = await municipalities.get(db, entry.municipality_id)
    language = entry.text_language or municipality.default_language

    def label(code: str) -> Labelled:
        return Labelled(code=code, label=gettext(LABELS.get(code, code), language))

    known = definition(entry.purpose)
    purpose = Labelled(
        code=entry.purpose,
        label=gettext(known.label, language) if known else entry.purpose,
    )
    action = label(entry.action)
    return ConsentReceipt(
        receipt_id=entry.id,
        language=language,
        issued_at=utcnow(),
        summary=gettext(
            N_("{action} on {date} for: {purpose}. Recipient: {recipient}."),
            language,
            action=action.label,
            date=format_date(entry.recorded_at.date(), language),
            purpose=purpose.label,
            recipient=gettext(LABELS.get(entry.recipient, entry.recipient), language),
        ),
        controller=ReceiptController(
            name=municipality.name, gemeentecode=municipality.code, rsin=municipality.rsin
        ),
        resident_id=entry.resident_id,
        action=action,
        recorded_at=entry.recorded_at,
        channel=label(entry.channel),
        purpose=purpose,
        recipient=label(entry.recipient),
        data_categories=[label(c) for c in entry.data_categories],
        legal_basis=label(entry.legal_basis),
        legal_basis_article=ARTICLE.get(entry.legal_basis, entry.legal_basis),
        consent_text=ReceiptText(
            version=text.version,
            language=text.language,
            title=text.title,
            body=text.body,
            translation_state=text.translation_state,
            sha256=text.sha256,
        )
        if text
        else None,
        how_to_withdraw=gettext(
            N_(
                "You can withdraw your consent at any time in the Welkom app under "
                "My data and consent, or through your caseworker. Withdrawing does not make "
                "earlier sharing unlawful."
            ),
            language,
        ),
    )


# --- GDPR (used by welkom.consent.gdpr) ------------------------------------------------------


async def ledger_rows(db: AsyncSession, resident_id: uuid.UUID) -> list[ConsentEntry]:
    return list(
        (
            await db.execute(
                select(ConsentEntry)
                .where(col(ConsentEntry.resident_id) == resident_id)
                .order_by(col(ConsentEntry.seq))
            )
        )
        .scalars()
        .all()
    )
