# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident's own profile and household, their change history, and what others may see.

Residents correct their own fields; the municipality's fields (registered name, BSN, V-number)
are set only by a caseworker of the resident's municipality and carry their source. Every change
is written to ``resident_change`` in the same transaction as the change itself.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import msgspec
from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.core import idempotency, preconditions
from welkom.core.i18n import LANGUAGES, N_
from welkom.core.identity import Principal
from welkom.core.models import utcnow
from welkom.core.pagination import Page, keyset_page
from welkom.core.problems import FieldError, Problem, not_offered_here, offered_language
from welkom.municipalities import service as municipalities
from welkom.municipalities.service import rsin_is_valid
from welkom.residents.models import HouseholdMember, Relation, Resident, ResidentChange
from welkom.residents.schemas import (
    Address,
    CaseworkerOut,
    ChangeOut,
    HouseholdMemberIn,
    HouseholdMemberOut,
    HouseholdMemberPatch,
    MeOut,
    MePatch,
    MunicipalityRef,
    RegisteredData,
    RegisteredDataIn,
    Sourced,
)

MAX_HOUSEHOLD_MEMBERS = 20
EARLIEST_ARRIVAL = date(1990, 1, 1)


def _jsonable(value: Any) -> Any:
    return msgspec.to_builtins(value) if value is not None else None


def _record(
    db: AsyncSession,
    resident: Resident,
    actor: Principal,
    subject: str,
    subject_id: uuid.UUID,
    changes: dict[str, tuple[Any, Any]],
) -> None:
    now = utcnow()
    for field, (old, new) in changes.items():
        db.add(
            ResidentChange(
                municipality_id=resident.municipality_id,
                resident_id=resident.id,
                subject=subject,
                subject_id=subject_id,
                field=field,
                old_value=_jsonable(old),
                new_value=_jsonable(new),
                actor_account_id=actor.account_id,
                actor_role=actor.acting_role,
                changed_at=now,
            )
        )


# --- Reading ---------------------------------------------------------------------------------


async def get_own(db: AsyncSession, resident_id: uuid.UUID) -> Resident:
    resident = await db.get(Resident, resident_id)
    if resident is None or resident.erased_at is not None:
        raise Problem.not_found()
    return resident


async def get_for_caseworker(
    db: AsyncSession, principal: Principal, resident_id: uuid.UUID
) -> Resident:
    """A resident of the caseworker's own municipality, or 404 (never another tenant's)."""
    if "caseworker" not in principal.roles:
        raise Problem.not_found()
    resident = await db.get(Resident, resident_id)
    if resident is None or resident.municipality_id != principal.municipality_id:
        raise Problem.not_found()
    return resident


def _address(resident: Resident) -> Address | None:
    if resident.address_street is None:
        return None
    return Address(
        street=resident.address_street,
        house_number=resident.address_house_number or "",
        postcode=resident.address_postcode or "",
        city=resident.address_city or "",
    )


def _sourced(value: str | None, source: str | None) -> Sourced | None:
    return Sourced(value=value, source=source) if value is not None else None


def member_out(member: HouseholdMember) -> HouseholdMemberOut:
    return HouseholdMemberOut(
        id=member.id,
        relation=member.relation,
        name=member.name,
        birth_year=member.birth_year,
        school=member.school,
        version=member.version,
    )


_HOUSEHOLD = (  # built once (hot path: GET /me)
    select(HouseholdMember)
    .where(col(HouseholdMember.resident_id) == bindparam("resident_id"))
    .order_by(col(HouseholdMember.created_at), col(HouseholdMember.id))
)


async def household(db: AsyncSession, resident_id: uuid.UUID) -> list[HouseholdMember]:
    return list((await db.execute(_HOUSEHOLD, {"resident_id": resident_id})).scalars().all())


async def me_out(db: AsyncSession, resident: Resident) -> MeOut:
    municipality = await municipalities.get(db, resident.municipality_id)
    return MeOut(
        id=resident.id,
        preferred_name=resident.preferred_name,
        preferred_language=resident.preferred_language,
        language=language_of(resident),
        full_name=resident.full_name,
        languages=list(resident.languages),
        email=resident.email,
        phone=resident.phone,
        address=_address(resident),
        arrival_date=resident.arrival_date,
        municipality=MunicipalityRef(code=municipality.code, name=municipality.name),
        registered=RegisteredData(
            registered_name=_sourced(resident.registered_name, resident.registered_name_source),
            bsn=_sourced(resident.bsn, resident.bsn_source),
            v_number=_sourced(resident.v_number, resident.v_number_source),
        ),
        caseworker=CaseworkerOut(name=resident.caseworker_name, contact=resident.caseworker_contact)
        if resident.caseworker_name
        else None,
        household=[member_out(m) for m in await household(db, resident.id)],
        version=resident.version,
        updated_at=resident.updated_at,
    )


def language_of(resident: Resident) -> str:
    """The resident's language: their own choice in the app wins over what staff recorded."""
    return resident.chosen_language or resident.preferred_language


async def choose_language(db: AsyncSession, resident_id: uuid.UUID, language: str) -> str:
    """Record the language the resident chose in the app; it governs every text Welkom sends
    them (API texts, content, notifications, receipts, exports)."""
    offered_language(language)
    resident = await get_own(db, resident_id)
    municipality = await municipalities.get(db, resident.municipality_id)
    if language in municipality.disabled_languages:
        raise Problem.validation([not_offered_here("language")])
    if resident.chosen_language != language:
        resident.chosen_language = language
    return language


def reading_languages(resident: Resident, request_language: str) -> list[str]:
    """Languages to show content in, best first: the request's, then the others the resident
    reads (so an Arabic speaker who also reads English gets English before Dutch)."""
    ordered = [request_language, language_of(resident), *resident.languages]
    return [lang for i, lang in enumerate(ordered) if lang and lang not in ordered[:i]]


# --- The resident corrects their own data ----------------------------------------------------


def _today() -> date:
    return utcnow().date()


def _own_changes(resident: Resident, patch: MePatch) -> dict[str, tuple[Any, Any]]:
    """Validated {field: (old, new)} for what the patch really changes."""
    sent = {k: v for k, v in msgspec.structs.asdict(patch).items() if v is not msgspec.UNSET}
    errors: list[FieldError] = []
    if "preferred_language" in sent and sent["preferred_language"] not in LANGUAGES:
        errors.append(FieldError("preferred_language", N_("This language is not offered.")))
    for name in ("preferred_name", "full_name"):
        if isinstance(sent.get(name), str):
            sent[name] = sent[name].strip()
            if not sent[name]:
                errors.append(FieldError(name, N_("This field is required.")))
    if "languages" in sent:
        languages = sent["languages"]
        if any(tag not in LANGUAGES for tag in languages):
            errors.append(FieldError("languages", N_("This language is not offered.")))
        elif len(set(languages)) != len(languages):
            errors.append(FieldError("languages", N_("Each language only once.")))
    if isinstance(sent.get("arrival_date"), date):
        if sent["arrival_date"] > _today():
            errors.append(FieldError("arrival_date", N_("This date is in the future.")))
        elif sent["arrival_date"] < EARLIEST_ARRIVAL:
            errors.append(FieldError("arrival_date", N_("This date is too long ago.")))
    if isinstance(sent.get("address"), Address):
        address = sent["address"]
        parts = {f: getattr(address, f).strip() for f in ("street", "house_number", "city")}
        if not all(parts.values()):
            errors.append(FieldError("address", N_("This field is required.")))
        postcode = address.postcode.replace(" ", "").upper()
        sent["address"] = Address(
            street=parts["street"],
            house_number=parts["house_number"],
            postcode=f"{postcode[:4]} {postcode[4:]}",
            city=parts["city"],
        )
    if errors:
        raise Problem.validation(errors)
    changes: dict[str, tuple[Any, Any]] = {}
    for name, new in sent.items():
        old: Any = _address(resident) if name == "address" else getattr(resident, name)
        if name == "languages":
            old = list(old)
        if old != new:
            changes[name] = (old, new)
    return changes


def _apply_address(resident: Resident, address: Address | None) -> None:
    resident.address_street = address.street if address else None
    resident.address_house_number = address.house_number if address else None
    resident.address_postcode = address.postcode if address else None
    resident.address_city = address.city if address else None


async def update_own(
    db: AsyncSession, principal: Principal, patch: MePatch, *, if_match: str | None = None
) -> Resident:
    """Apply the resident's own changes. A stale ``If-Match`` changes nothing (412)."""
    assert principal.resident_id is not None
    resident = await get_own(db, principal.resident_id)
    preconditions.check(if_match, resident.version)
    changes = _own_changes(resident, patch)
    if changes:
        await preconditions.compare_and_set(db, resident)
        for name, (_old, new) in changes.items():
            if name == "address":
                _apply_address(resident, new)
            else:
                setattr(resident, name, new)
        resident.updated_at = utcnow()
        _record(db, resident, principal, "profile", resident.id, changes)
    return resident


# --- Household -------------------------------------------------------------------------------


def _member_errors(name: str | None, birth_year: int | None) -> list[FieldError]:
    errors = []
    if name is not None and not name.strip():
        errors.append(FieldError("name", N_("This field is required.")))
    if birth_year is not None and birth_year > _today().year:
        errors.append(FieldError("birth_year", N_("This year is in the future.")))
    return errors


async def add_member(
    db: AsyncSession, principal: Principal, data: HouseholdMemberIn, idempotency_key: str | None
) -> tuple[int, dict[str, Any], bool]:
    assert principal.resident_id is not None
    resident = await get_own(db, principal.resident_id)

    async def create() -> tuple[int, dict[str, Any]]:
        if errors := _member_errors(data.name, data.birth_year):
            raise Problem.validation(errors)
        count = (
            await db.execute(
                select(func.count())
                .select_from(HouseholdMember)
                .where(col(HouseholdMember.resident_id) == resident.id)
            )
        ).scalar_one()
        if count >= MAX_HOUSEHOLD_MEMBERS:
            raise Problem(
                409,
                "household-full",
                N_("Household is full"),
                N_("A household can have at most {max} members here."),
                params={"max": MAX_HOUSEHOLD_MEMBERS},
            )
        member = HouseholdMember(
            municipality_id=resident.municipality_id,
            resident_id=resident.id,
            relation=Relation(data.relation),
            name=data.name.strip(),
            birth_year=data.birth_year,
            school=data.school.strip() if data.school else None,
        )
        db.add(member)
        _record(
            db,
            resident,
            principal,
            "household_member",
            member.id,
            {
                f: (None, getattr(member, f))
                for f in ("relation", "name", "birth_year", "school")
                if getattr(member, f) is not None
            },
        )
        return 201, msgspec.to_builtins(member_out(member))

    return await idempotency.create_once(
        db,
        scope=f"household:{principal.account_id}",
        key=idempotency_key,
        payload=msgspec.to_builtins(data),
        create=create,
        resident_id=principal.resident_id,
    )


async def _own_member(
    db: AsyncSession, resident_id: uuid.UUID, member_id: uuid.UUID
) -> HouseholdMember:
    member = await db.get(HouseholdMember, member_id)
    if member is None or member.resident_id != resident_id:
        raise Problem.not_found()
    return member


async def update_member(
    db: AsyncSession,
    principal: Principal,
    member_id: uuid.UUID,
    patch: HouseholdMemberPatch,
    *,
    if_match: str | None = None,
) -> HouseholdMember:
    assert principal.resident_id is not None
    resident = await get_own(db, principal.resident_id)
    member = await _own_member(db, resident.id, member_id)
    preconditions.check(if_match, member.version)
    sent = {k: v for k, v in msgspec.structs.asdict(patch).items() if v is not msgspec.UNSET}
    if "name" in sent:
        sent["name"] = sent["name"].strip()
    if isinstance(sent.get("school"), str):
        sent["school"] = sent["school"].strip() or None
    if errors := _member_errors(sent.get("name"), sent.get("birth_year")):
        raise Problem.validation(errors)
    changes = {k: (getattr(member, k), v) for k, v in sent.items() if getattr(member, k) != v}
    if changes:
        await preconditions.compare_and_set(db, member)
        for name, (_old, new) in changes.items():
            setattr(member, name, new)
        member.updated_at = utcnow()
        _record(db, resident, principal, "household_member", member.id, changes)
    return member


async def remove_member(db: AsyncSession, principal: Principal, member_id: uuid.UUID) -> None:
    assert principal.resident_id is not None
    resident = await get_own(db, principal.resident_id)
    member = await _own_member(db, resident.id, member_id)
    _record(
        db,
        resident,
        principal,
        "household_member",
        member.id,
        {"removed": ({"relation": member.relation, "name": member.name}, None)},
    )
    await db.delete(member)


# --- History ---------------------------------------------------------------------------------


def change_out(change: ResidentChange) -> ChangeOut:
    return ChangeOut(
        id=change.id,
        subject=change.subject,
        subject_id=change.subject_id,
        field=change.field,
        old_value=change.old_value,
        new_value=change.new_value,
        changed_by=change.actor_role,
        changed_at=change.changed_at,
    )


async def history(
    db: AsyncSession, resident_id: uuid.UUID, *, cursor: str | None, limit: int
) -> Page[ChangeOut]:
    """Every change to the resident's data, newest first."""
    query = select(ResidentChange).where(col(ResidentChange.resident_id) == resident_id)
    rows, next_cursor = await keyset_page(
        db, query, ResidentChange.changed_at, ResidentChange.id, cursor=cursor, limit=limit
    )
    return Page(items=[change_out(r) for r in rows], next_cursor=next_cursor)


async def history_for_caseworker(
    db: AsyncSession,
    principal: Principal,
    resident_id: uuid.UUID,
    *,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[ChangeOut]:
    """What changed and who changed it, for the resident's caseworker (admin API, later)."""
    resident = await get_for_caseworker(db, principal, resident_id)
    return await history(db, resident.id, cursor=cursor, limit=limit)


# --- The municipality's fields ---------------------------------------------------------------


async def set_registered_data(
    db: AsyncSession,
    principal: Principal,
    resident_id: uuid.UUID,
    data: RegisteredDataIn,
    *,
    if_match: str | None = None,
) -> Resident:
    """A caseworker records the registered name, BSN or V-number, each with its source.

    BSN is stored only with a legal basis and must pass the 11-proef.
    """
    resident = await get_for_caseworker(db, principal, resident_id)
    preconditions.check(if_match, resident.version)
    sent = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    errors: list[FieldError] = []
    if isinstance(sent.get("bsn"), str) and not rsin_is_valid(sent["bsn"]):
        errors.append(FieldError("bsn", N_("This is not a valid BSN.")))
    for field in ("registered_name", "bsn", "v_number"):
        if isinstance(sent.get(field), str) and not sent.get(f"{field}_source"):
            errors.append(FieldError(f"{field}_source", N_("Say where this value comes from.")))
    if isinstance(sent.get("registered_name"), str):
        sent["registered_name"] = sent["registered_name"].strip()
        if not sent["registered_name"]:
            errors.append(FieldError("registered_name", N_("This field is required.")))
    if errors:
        raise Problem.validation(errors)
    for field in ("registered_name", "bsn", "v_number"):
        if field in sent and sent[field] is None:
            sent[f"{field}_source"] = None
    sent["municipal_data_legal_basis"] = sent.pop("legal_basis").strip()
    changes = {k: (getattr(resident, k), v) for k, v in sent.items() if getattr(resident, k) != v}
    if changes:
        await preconditions.compare_and_set(db, resident)
        for name, (_old, new) in changes.items():
            setattr(resident, name, new)
        resident.updated_at = utcnow()
        _record(db, resident, principal, "profile", resident.id, changes)
    return resident


async def assign_caseworker(
    db: AsyncSession,
    principal: Principal,
    resident_id: uuid.UUID,
    *,
    account_id: uuid.UUID,
    name: str,
    contact: str | None,
) -> Resident:
    """The account ``account_id`` (named ``name``) becomes the resident's caseworker, by the
    calling caseworker's hand; ``contact`` says how to reach them (phone, hours). Whether that
    account may be a caseworker here is the caller's rule to check."""
    resident = await get_for_caseworker(db, principal, resident_id)
    if contact is not None and (not contact.strip() or len(contact) > 200):
        raise Problem.validation(
            [FieldError("contact", N_("At most {max} characters."), {"max": 200})]
        )
    new = {
        "caseworker_account_id": account_id,
        "caseworker_name": name,
        "caseworker_contact": contact.strip() if contact else None,
    }
    changes = {k: (getattr(resident, k), v) for k, v in new.items() if getattr(resident, k) != v}
    if changes:
        await preconditions.compare_and_set(db, resident)
        for name, (_old, value) in changes.items():
            setattr(resident, name, value)
        resident.updated_at = utcnow()
        _record(db, resident, principal, "profile", resident.id, changes)
    return resident
