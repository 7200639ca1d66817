# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Journeys: a municipality's template of steps, and each resident's progress along it.

Residents read their journey; caseworkers of the resident's municipality start it and update
steps (the admin routes come later and call these functions).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import msgspec
from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core import preconditions
from welkom.core.guards import forbidden
from welkom.core.i18n import LANGUAGES, N_, TextPair
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.problems import FieldError, Problem, offered_language
from welkom.journey.models import (
    OPEN_STATUSES,
    JourneyStep,
    JourneyTemplate,
    JourneyTemplateStep,
    NextActor,
    StepStatus,
)
from welkom.journey.schemas import (
    JourneyOut,
    StepOut,
    StepTranslationIn,
    StepTranslationOut,
    StepUpdate,
    TemplateIn,
)
from welkom.residents import service as residents

SOURCE_LANGUAGE = "nl"
EARLIEST_DUE = date(2000, 1, 1)
LATEST_DUE_YEARS = 10
_STATUS_RANK: dict[str, int] = {status: rank for rank, status in enumerate(OPEN_STATUSES)}


def _require_caseworker(principal: Principal) -> None:
    if "caseworker" not in principal.roles:
        raise Problem.not_found()


# --- Templates -------------------------------------------------------------------------------


async def create_template(
    db: AsyncSession, principal: Principal, data: TemplateIn
) -> JourneyTemplate:
    """A new template for the caseworker's municipality; it replaces the active one for journeys
    started from now on (running journeys keep their steps)."""
    _require_caseworker(principal)
    errors: list[FieldError] = []
    keys = [step.key for step in data.steps]
    if len(set(keys)) != len(keys):
        errors.append(FieldError("steps", N_("Each step only once.")))
    for index, step in enumerate(data.steps):
        languages = set(step.explanation)
        if SOURCE_LANGUAGE not in languages or step.explanation[SOURCE_LANGUAGE].state != "source":
            errors.append(
                FieldError(f"steps[{index}].explanation", N_("The Dutch source text is required."))
            )
        if languages - set(LANGUAGES):
            errors.append(
                FieldError(f"steps[{index}].explanation", N_("This language is not offered."))
            )
    if errors:
        raise Problem.validation(errors)
    template = await add_template(db, principal.municipality_id, data)
    return template


async def add_template(
    db: AsyncSession, municipality_id: uuid.UUID, data: TemplateIn
) -> JourneyTemplate:
    """Add and activate a template (validated by :func:`create_template`); no commit."""
    await db.execute(
        update(JourneyTemplate)
        .where(col(JourneyTemplate.municipality_id) == municipality_id)
        .values(active=False)
    )
    template = JourneyTemplate(municipality_id=municipality_id, name=data.name.strip())
    db.add(template)
    for position, step in enumerate(data.steps, start=1):
        db.add(
            JourneyTemplateStep(
                municipality_id=municipality_id,
                template_id=template.id,
                key=step.key,
                position=position,
                typical_duration_days=step.typical_duration_days,
                explanation=msgspec.to_builtins(step.explanation),
                service_item_id=step.service_item_id,
            )
        )
    await db.flush()
    return template


async def active_template(db: AsyncSession, municipality_id: uuid.UUID) -> JourneyTemplate | None:
    return (
        await db.execute(
            select(JourneyTemplate)
            .where(
                col(JourneyTemplate.municipality_id) == municipality_id, col(JourneyTemplate.active)
            )
            .order_by(col(JourneyTemplate.created_at).desc())
            .limit(1)
        )
    ).scalar_one_or_none()


async def start_journey(
    db: AsyncSession, principal: Principal, resident_id: uuid.UUID
) -> list[JourneyStep]:
    """Give the resident every step of the active template they do not have yet. Idempotent."""
    resident = await residents.get_for_caseworker(db, principal, resident_id)
    template = await active_template(db, resident.municipality_id)
    if template is None:
        raise Problem.conflict(
            "no-journey-template",
            N_("No journey template"),
            N_("This municipality has no journey template yet. Nothing was changed."),
        )
    await add_steps(db, resident.id, resident.municipality_id, template.id, principal.account_id)
    return await _steps(db, resident.id)


async def add_steps(
    db: AsyncSession,
    resident_id: uuid.UUID,
    municipality_id: uuid.UUID,
    template_id: uuid.UUID,
    actor_account_id: uuid.UUID | None,
) -> None:
    """Add the template's steps the resident does not have yet; no commit."""
    have = set(
        (
            await db.execute(
                select(col(JourneyStep.key)).where(col(JourneyStep.resident_id) == resident_id)
            )
        )
        .scalars()
        .all()
    )
    template_steps = (
        await db.execute(
            select(JourneyTemplateStep)
            .where(col(JourneyTemplateStep.template_id) == template_id)
            .order_by(col(JourneyTemplateStep.position))
        )
    ).scalars()
    for template_step in template_steps:
        if template_step.key not in have:
            db.add(
                JourneyStep(
                    municipality_id=municipality_id,
                    resident_id=resident_id,
                    template_step_id=template_step.id,
                    key=template_step.key,
                    position=template_step.position,
                    updated_by_account_id=actor_account_id,
                )
            )
    await db.flush()


# --- Steps -----------------------------------------------------------------------------------


async def update_step(
    db: AsyncSession,
    principal: Principal,
    resident_id: uuid.UUID,
    step_id: uuid.UUID,
    data: StepUpdate,
    *,
    if_match: str | None = None,
) -> JourneyStep:
    """A caseworker sets a step's status, due date, who acts next or the note for the resident."""
    resident = await residents.get_for_caseworker(db, principal, resident_id)
    step = await db.get(JourneyStep, step_id)
    if step is None or step.resident_id != resident.id:
        raise Problem.not_found()
    preconditions.check(if_match, step.version)
    sent = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    errors: list[FieldError] = []
    if isinstance(sent.get("due_date"), date):
        latest = utcnow().date() + timedelta(days=365 * LATEST_DUE_YEARS)
        if not EARLIEST_DUE <= sent["due_date"] <= latest:
            errors.append(FieldError("due_date", N_("This date is out of range.")))
    if isinstance(sent.get("note"), str):
        sent["note"] = sent["note"].strip() or None
    actor = sent.get("next_actor", step.next_actor)
    actor_name = sent.get("next_actor_name", step.next_actor_name)
    if actor == NextActor.other and not actor_name:
        errors.append(FieldError("next_actor_name", N_("Say who acts next.")))
    if errors:
        raise Problem.validation(errors)
    if actor != NextActor.other and "next_actor" in sent:
        sent["next_actor_name"] = None
    changes = {k: v for k, v in sent.items() if getattr(step, k) != v}
    if changes:
        await preconditions.compare_and_set(db, step)
        for name, value in changes.items():
            setattr(step, name, value)
        if "status" in changes:
            step.completed_at = utcnow() if step.status == StepStatus.done else None
        step.updated_at = utcnow()
        step.updated_by_account_id = principal.account_id
    return step


_STEPS = (  # built once (hot path: GET /me/journey)
    select(JourneyStep)
    .where(col(JourneyStep.resident_id) == bindparam("resident_id"))
    .order_by(col(JourneyStep.position), col(JourneyStep.key))
)
_TEMPLATE_STEPS = select(JourneyTemplateStep).where(
    col(JourneyTemplateStep.id).in_(bindparam("ids", expanding=True)),
    col(JourneyTemplateStep.municipality_id) == bindparam("municipality_id"),
)


async def _steps(db: AsyncSession, resident_id: uuid.UUID) -> list[JourneyStep]:
    return list((await db.execute(_STEPS, {"resident_id": resident_id})).scalars().all())


def _ordered(steps: list[JourneyStep]) -> list[JourneyStep]:
    """Open steps first (in progress, then waiting, then not started; each in template order),
    then the finished ones in template order."""

    def key(step: JourneyStep) -> tuple[int, int, int]:
        rank = _STATUS_RANK.get(step.status)
        return (0, rank, step.position) if rank is not None else (1, 0, step.position)

    return sorted(steps, key=key)


async def journey(
    db: AsyncSession, resident_id: uuid.UUID, municipality_id: uuid.UUID, languages: list[str]
) -> JourneyOut:
    """``languages``: the request's language first, then others the resident reads; explanations
    come in the first that exists, else the Dutch source."""
    steps = _ordered(await _steps(db, resident_id))
    template_steps = {
        t.id: t
        for t in (
            await db.execute(
                _TEMPLATE_STEPS,
                {
                    "ids": [s.template_step_id for s in steps],
                    "municipality_id": municipality_id,
                },
            )
        ).scalars()
    }
    out = []
    for index, step in enumerate(steps):
        template = template_steps.get(step.template_step_id)
        explanation = template.explanation if template else {}
        text_language = next((lang for lang in languages if lang in explanation), SOURCE_LANGUAGE)
        text = explanation.get(text_language, {"title": step.key, "text": "", "state": "source"})
        is_next = index == 0 and step.status in OPEN_STATUSES
        out.append(
            StepOut(
                id=step.id,
                key=step.key,
                position=step.position,
                title=text["title"],
                explanation=text["text"],
                language=text_language,
                translation_state=text["state"],
                status=step.status,
                is_next=is_next,
                due_date=step.due_date,
                next_actor=step.next_actor,
                next_actor_name=step.next_actor_name,
                note=step.note,
                typical_duration_days=template.typical_duration_days if template else None,
                service_item_id=template.service_item_id if template else None,
                zaak_identificatie=step.zaak_identificatie,
                updated_at=step.updated_at,
                version=step.version,
            )
        )
    done = sum(1 for s in steps if s.status in (StepStatus.done, StepStatus.not_applicable))
    return JourneyOut(
        next_step=out[0] if out and out[0].is_next else None,
        steps=out,
        done=done,
        total=len(steps),
    )


async def journey_for_caseworker(
    db: AsyncSession, principal: Principal, resident_id: uuid.UUID, language: str
) -> JourneyOut:
    resident = await residents.get_for_caseworker(db, principal, resident_id)
    return await journey(db, resident.id, resident.municipality_id, [language])


async def steps_of(db: AsyncSession, resident_id: uuid.UUID) -> list[JourneyStep]:
    """For the GDPR export and erasure (welkom.journey.gdpr)."""
    return await _steps(db, resident_id)


# --- The translation workflow ----------------------------------------------------------------


def _translation_target(language: str) -> str:
    return offered_language(language, source="query", exclude=(SOURCE_LANGUAGE,))


def _source_revision(step: JourneyTemplateStep) -> int:
    """The Dutch text's revision: 1 until an editor changes it, then one more per change."""
    return int(step.explanation.get(SOURCE_LANGUAGE, {}).get("revision", 1))


def _outdated(step: JourneyTemplateStep, text: dict[str, Any] | None) -> bool:
    """A translation made from an older Dutch text (one made before revisions were recorded
    translates revision 1)."""
    if text is None or text.get("state") == "source":
        return False
    return int(text.get("source_revision", 1)) < _source_revision(step)


def _step_translation(step: JourneyTemplateStep, language: str) -> StepTranslationOut:
    source = step.explanation.get(SOURCE_LANGUAGE, {"title": step.key, "text": ""})
    text = step.explanation.get(language)
    return StepTranslationOut(
        key=step.key,
        position=step.position,
        language=language,
        source_title=source["title"],
        source_text=source["text"],
        title=text["title"] if text else None,
        text=text["text"] if text else None,
        translation_state=text["state"] if text else None,
        reviewed_by=text.get("reviewed_by") if text else None,
        reviewed_at=text.get("reviewed_at") if text else None,
        outdated=_outdated(step, text),
        version=step.version,
    )


async def _template_steps(
    db: AsyncSession, municipality_id: uuid.UUID
) -> list[JourneyTemplateStep]:
    template = await active_template(db, municipality_id)
    if template is None:
        return []
    return list(
        (
            await db.execute(
                select(JourneyTemplateStep)
                .where(col(JourneyTemplateStep.template_id) == template.id)
                .order_by(col(JourneyTemplateStep.position))
            )
        ).scalars()
    )


async def translations(
    db: AsyncSession, municipality_id: uuid.UUID, language: str
) -> list[StepTranslationOut]:
    """The active template's steps in Dutch beside their translation into ``language``."""
    _translation_target(language)
    return [_step_translation(s, language) for s in await _template_steps(db, municipality_id)]


async def write_translation(
    db: AsyncSession,
    municipality_id: uuid.UUID,
    key: str,
    language: str,
    title: str,
    text: str,
    state: str,
    if_match: preconditions.IfMatch | None = None,
) -> JourneyTemplateStep | None:
    """Put a text of a step of the active template (replacing any earlier translation,
    reviewed or not: new wording needs a new review); no commit. None: no such step.

    Dutch is the source: new wording raises its revision, which makes every translation made
    from the older text outdated. A translation records the revision it translates. The step is
    written with a compare-and-set on the version read (and on ``if_match`` when given), so two
    translators saving languages of one step at once cannot overwrite each other's."""
    step = next((s for s in await _template_steps(db, municipality_id) if s.key == key), None)
    if step is None:
        return None
    preconditions.check(if_match, step.version)
    current = step.explanation.get(language)
    same = current is not None and (current["title"], current["text"]) == (title, text)
    if language == SOURCE_LANGUAGE:
        if same:
            return step
        revision = _source_revision(step) + 1 if current is not None else 1
        written = {"title": title, "text": text, "state": "source", "revision": revision}
    else:
        written = {
            "title": title,
            "text": text,
            "state": state,
            "source_revision": _source_revision(step),
        }
        if same and current is not None:
            if (current["state"], state) == ("machine", "translated"):
                written = {**current, **written}  # a person confirms the wording
            elif _outdated(step, current) and state == "translated":
                written = {**current, "source_revision": _source_revision(step)}  # still right
            else:
                return step
    # A new dict: the JSON column is written whole.
    await preconditions.compare_and_set(
        db, step, explanation={**step.explanation, language: written}
    )
    return step


async def submit_translation(
    db: AsyncSession,
    editor: Principal,
    key: str,
    language: str,
    data: StepTranslationIn,
    if_match: str | None = None,
) -> StepTranslationOut:
    """Put a step's text in ``language`` (:func:`write_translation`): a translation, or for
    Dutch the source (editors only). ``If-Match`` is required (428 without): the step's ETag."""
    if language == SOURCE_LANGUAGE:
        if not editor.has_any({"editor", "admin"}):
            raise forbidden()
    else:
        _translation_target(language)
    expected = preconditions.require(if_match)
    title, text = data.title.strip(), data.text.strip()
    if not title or not text:
        field = "title" if not title else "text"
        raise Problem.validation([FieldError(field, N_("This field is required."))])
    step = await write_translation(
        db, editor.municipality_id, key, language, title, text, data.state, expected
    )
    if step is None:
        raise Problem.not_found()
    return _step_translation(step, language)


async def translation_pairs(
    db: AsyncSession, municipality_id: uuid.UUID, language: str
) -> list[TextPair]:
    """The active template's steps with their translation into ``language``, for a PO file."""
    pairs = []
    for step in await _template_steps(db, municipality_id):
        source = step.explanation.get(SOURCE_LANGUAGE, {"title": step.key, "text": ""})
        text = step.explanation.get(language)
        pairs.append(
            TextPair(
                kind="journey",
                key=step.key,
                fields=("title", "text"),
                source=(source["title"], source["text"]),
                translation=(text["title"], text["text"]) if text else None,
                state=text["state"] if text else None,
            )
        )
    return pairs


async def review_translation(
    db: AsyncSession, reviewer: Principal, key: str, language: str
) -> StepTranslationOut:
    """A native-speaker reviewer approves a step's translation as it stands."""
    _translation_target(language)
    step = next(
        (s for s in await _template_steps(db, reviewer.municipality_id) if s.key == key), None
    )
    if step is None or language not in step.explanation:
        raise Problem.not_found()
    if _outdated(step, step.explanation[language]):
        raise Problem(
            409,
            "translation-outdated",
            N_("Translation is outdated"),
            N_("The source text changed after this translation was made. Update it first."),
        )
    if step.explanation[language]["state"] != "reviewed":
        reviewed = {
            **step.explanation[language],
            "state": "reviewed",
            "reviewed_by": reviewer.display_name,
            "reviewed_at": utcnow().isoformat(),
        }
        await preconditions.compare_and_set(
            db, step, explanation={**step.explanation, language: reviewed}
        )
    return _step_translation(step, language)
