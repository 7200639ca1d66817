# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Consent purposes, recipients, data categories and legal bases: constants, not data.

A purpose fixes who receives what; the ledger copies these values into every entry, so an
entry keeps saying what was agreed even if a definition here changes later.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from welkom.core.i18n import N_


class Purpose(StrEnum):
    share_contact_with_volunteer = "share_contact_with_volunteer"
    share_household_with_social_team = "share_household_with_social_team"
    receive_push_notifications = "receive_push_notifications"
    contact_by_partner_organisations = "contact_by_partner_organisations"
    #: The municipality's klantcontact register (Open Klant) keeps them with the resident's
    #: questions, so a colleague can call or mail back.
    reuse_contact_for_questions = "reuse_contact_for_questions"


class Recipient(StrEnum):
    """``role:…`` is everyone holding a role; ``organisation:…`` one kind of organisation."""

    volunteer = "role:volunteer"
    social_team = "organisation:social-team"
    municipality = "organisation:municipality"
    partner_organisations = "organisation:partner-organisations"


class DataCategory(StrEnum):
    name = "name"
    contact_details = "contact_details"
    languages = "languages"
    household = "household"
    push_subscription = "push_subscription"


class LegalBasis(StrEnum):
    """AVG (GDPR) art. 6(1)."""

    consent = "consent"  # a
    contract = "contract"  # b
    legal_obligation = "legal_obligation"  # c
    vital_interests = "vital_interests"  # d
    public_task = "public_task"  # e
    legitimate_interests = "legitimate_interests"  # f


class Action(StrEnum):
    granted = "granted"
    withdrawn = "withdrawn"


class Channel(StrEnum):
    app = "app"  # the resident, in the PWA
    in_person = "in_person"  # recorded by a caseworker while the resident was present
    paper = "paper"  # a signed form, recorded by a caseworker
    erasure = "erasure"  # withdrawn by the system when the resident's data was erased


@dataclass(frozen=True)
class PurposeDefinition:
    purpose: Purpose
    recipient: Recipient
    data_categories: tuple[DataCategory, ...]
    legal_basis: LegalBasis
    label: str  # msgid


PURPOSES: dict[Purpose, PurposeDefinition] = {
    d.purpose: d
    for d in (
        PurposeDefinition(
            Purpose.share_contact_with_volunteer,
            Recipient.volunteer,
            (DataCategory.name, DataCategory.contact_details, DataCategory.languages),
            LegalBasis.consent,
            N_("Share my contact details with a volunteer who helps me"),
        ),
        PurposeDefinition(
            Purpose.share_household_with_social_team,
            Recipient.social_team,
            (DataCategory.name, DataCategory.household),
            LegalBasis.consent,
            N_("Share my household situation with the social team"),
        ),
        PurposeDefinition(
            Purpose.receive_push_notifications,
            Recipient.municipality,
            (DataCategory.push_subscription,),
            LegalBasis.consent,
            N_("Receive push notifications on this phone"),
        ),
        PurposeDefinition(
            Purpose.contact_by_partner_organisations,
            Recipient.partner_organisations,
            (DataCategory.name, DataCategory.contact_details, DataCategory.languages),
            LegalBasis.consent,
            N_("Be contacted by the municipality's partner organisations"),
        ),
        PurposeDefinition(
            Purpose.reuse_contact_for_questions,
            Recipient.municipality,
            (DataCategory.name, DataCategory.contact_details),
            LegalBasis.consent,
            N_("Let the municipality keep my contact details with my questions to contact me"),
        ),
    )
}

LABELS: dict[str, str] = {
    Recipient.volunteer: N_("volunteers who help you"),
    Recipient.social_team: N_("the social team"),
    Recipient.municipality: N_("the municipality"),
    Recipient.partner_organisations: N_("the municipality's partner organisations"),
    DataCategory.name: N_("your name"),
    DataCategory.contact_details: N_("your phone number and email address"),
    DataCategory.languages: N_("the languages you speak"),
    DataCategory.household: N_("your household members, their birth years and schools"),
    DataCategory.push_subscription: N_("the push address of your phone"),
    LegalBasis.consent: N_("your consent (AVG article 6(1)(a))"),
    LegalBasis.contract: N_("a contract (AVG article 6(1)(b))"),
    LegalBasis.legal_obligation: N_("a legal obligation (AVG article 6(1)(c))"),
    LegalBasis.vital_interests: N_("vital interests (AVG article 6(1)(d))"),
    LegalBasis.public_task: N_("a public task (AVG article 6(1)(e))"),
    LegalBasis.legitimate_interests: N_("legitimate interests (AVG article 6(1)(f))"),
    Action.granted: N_("Consent given"),
    Action.withdrawn: N_("Consent withdrawn"),
    Channel.app: N_("in the Welkom app"),
    Channel.in_person: N_("in person, recorded by your caseworker"),
    Channel.paper: N_("on a signed form, recorded by your caseworker"),
    Channel.erasure: N_("automatically, when your data was erased"),
}

ARTICLE: dict[str, str] = {
    LegalBasis.consent: "AVG art. 6(1)(a)",
    LegalBasis.contract: "AVG art. 6(1)(b)",
    LegalBasis.legal_obligation: "AVG art. 6(1)(c)",
    LegalBasis.vital_interests: "AVG art. 6(1)(d)",
    LegalBasis.public_task: "AVG art. 6(1)(e)",
    LegalBasis.legitimate_interests: "AVG art. 6(1)(f)",
}


def definition(purpose: str) -> PurposeDefinition | None:
    try:
        return PURPOSES[Purpose(purpose)]
    except ValueError:
        return None
