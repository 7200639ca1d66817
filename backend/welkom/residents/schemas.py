# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

import msgspec

from welkom.core.text import TextInput, line_meta

EMAIL_PATTERN = r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{2,63}$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ()-]{5,24}$"
POSTCODE_PATTERN = r"^[1-9][0-9]{3} ?[A-Za-z]{2}$"
HOUSE_NUMBER_PATTERN = r"^[1-9][0-9]{0,4}( ?[A-Za-z0-9-]{1,6})?$"

PreferredName = Annotated[str, line_meta(100)]
FullName = Annotated[str, line_meta(200)]
LanguageTag = Annotated[str, msgspec.Meta(min_length=2, max_length=8)]
Email = Annotated[str, msgspec.Meta(max_length=254, pattern=EMAIL_PATTERN)]
Phone = Annotated[str, msgspec.Meta(max_length=32, pattern=PHONE_PATTERN)]
Source = Annotated[str, msgspec.Meta(min_length=2, max_length=32, pattern=r"^[A-Za-z0-9 _-]+$")]


class MunicipalityRef(msgspec.Struct):
    code: str
    name: str


class Address(TextInput, forbid_unknown_fields=True):
    street: Annotated[str, line_meta(200)]
    house_number: Annotated[str, msgspec.Meta(max_length=16, pattern=HOUSE_NUMBER_PATTERN)]
    postcode: Annotated[str, msgspec.Meta(max_length=16, pattern=POSTCODE_PATTERN)]
    city: Annotated[str, line_meta(100)]


class Sourced(msgspec.Struct):
    """A value the municipality owns: shown to the resident, not editable by them."""

    value: str
    source: str | None
    editable: bool = False


class RegisteredData(msgspec.Struct):
    registered_name: Sourced | None
    bsn: Sourced | None
    v_number: Sourced | None


class CaseworkerOut(msgspec.Struct):
    name: str
    contact: str | None


class HouseholdMemberOut(msgspec.Struct):
    id: uuid.UUID
    relation: str
    name: str
    birth_year: int | None
    school: str | None
    version: int


class LanguageChoice(TextInput, forbid_unknown_fields=True):
    """The language the resident chose in the app."""

    language: Annotated[str, msgspec.Meta(max_length=16)]


class LanguageChoiceOut(msgspec.Struct):
    language: str
    direction: str


class MeOut(msgspec.Struct):
    id: uuid.UUID
    preferred_name: str
    preferred_language: str
    #: The language Welkom speaks to the resident in: their own choice in the app, else the
    #: preferred language recorded at intake.
    language: str
    full_name: str | None
    languages: list[str]
    email: str | None
    phone: str | None
    address: Address | None
    arrival_date: date | None
    municipality: MunicipalityRef
    registered: RegisteredData
    caseworker: CaseworkerOut | None
    household: list[HouseholdMemberOut]
    version: int
    updated_at: datetime


class MePatch(TextInput, forbid_unknown_fields=True, omit_defaults=True):
    """Only the fields sent are changed; ``null`` clears an optional field."""

    preferred_name: PreferredName | msgspec.UnsetType = msgspec.UNSET
    preferred_language: LanguageTag | msgspec.UnsetType = msgspec.UNSET
    full_name: FullName | msgspec.UnsetType | None = msgspec.UNSET
    languages: Annotated[list[LanguageTag], msgspec.Meta(max_length=8)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    email: Email | msgspec.UnsetType | None = msgspec.UNSET
    phone: Phone | msgspec.UnsetType | None = msgspec.UNSET
    address: Address | msgspec.UnsetType | None = msgspec.UNSET
    arrival_date: date | msgspec.UnsetType | None = msgspec.UNSET


RelationName = Literal["partner", "child", "other"]
MemberName = Annotated[str, line_meta(100)]
BirthYear = Annotated[int, msgspec.Meta(ge=1900, le=2200)]
School = Annotated[str, line_meta(200)]


class HouseholdMemberIn(TextInput, forbid_unknown_fields=True):
    relation: RelationName
    name: MemberName
    birth_year: BirthYear | None = None
    school: School | None = None


class HouseholdMemberPatch(TextInput, forbid_unknown_fields=True, omit_defaults=True):
    relation: RelationName | msgspec.UnsetType = msgspec.UNSET
    name: MemberName | msgspec.UnsetType = msgspec.UNSET
    birth_year: BirthYear | msgspec.UnsetType | None = msgspec.UNSET
    school: School | msgspec.UnsetType | None = msgspec.UNSET


class ChangeOut(msgspec.Struct):
    id: uuid.UUID
    subject: str
    subject_id: uuid.UUID
    field: str
    old_value: Any
    new_value: Any
    changed_by: str  # "resident" | "caseworker" | …: the role, never a staff member's account id
    changed_at: datetime


class RegisteredDataIn(TextInput, forbid_unknown_fields=True, omit_defaults=True):
    """What a caseworker records from the BRP/IND/COA. ``null`` clears a value."""

    legal_basis: Annotated[str, line_meta(200, min_length=3)]
    registered_name: FullName | msgspec.UnsetType | None = msgspec.UNSET
    registered_name_source: Source | msgspec.UnsetType | None = msgspec.UNSET
    bsn: Annotated[str, msgspec.Meta(pattern=r"^[0-9]{9}$")] | msgspec.UnsetType | None = (
        msgspec.UNSET
    )
    bsn_source: Source | msgspec.UnsetType | None = msgspec.UNSET
    v_number: Annotated[str, msgspec.Meta(pattern=r"^[0-9]{10}$")] | msgspec.UnsetType | None = (
        msgspec.UNSET
    )
    v_number_source: Source | msgspec.UnsetType | None = msgspec.UNSET


class SharedContact(msgspec.Struct):
    preferred_name: str
    languages: list[str]
    phone: str | None
    email: str | None


class SharedHouseholdMember(msgspec.Struct):
    relation: str
    name: str
    birth_year: int | None
    school: str | None


class SharedView(msgspec.Struct):
    """What one recipient may see of a resident: only what consent allows right now."""

    resident_id: uuid.UUID
    contact: SharedContact | None
    household: list[SharedHouseholdMember] | None
