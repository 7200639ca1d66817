# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Demo data for the resident's own data, consent and journey (called from ``seed``)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from welkom.auth.models import Account
from welkom.consent import service as consent
from welkom.consent.purposes import Purpose
from welkom.core.models import utcnow
from welkom.demo.content import Translation, translations
from welkom.journey import service as journey
from welkom.journey.models import JourneyStep, NextActor, StepStatus
from welkom.journey.schemas import ExplanationIn, TemplateIn, TemplateStepIn
from welkom.residents.models import HouseholdMember, Relation, Resident

# (purpose, title, full text): Dutch sources; translations in content/<lang>.po
CONSENT_TEXTS = [
    (
        Purpose.share_contact_with_volunteer,
        "Mijn contactgegevens delen met een vrijwilliger",
        "Als u hulp vraagt, mag de vrijwilliger die u helpt uw naam, telefoonnummer, "
        "e-mailadres en de talen die u spreekt zien. Zo kan de vrijwilliger contact met u "
        "opnemen. De vrijwilliger ziet nooit uw BSN of V-nummer. U kunt deze toestemming altijd "
        "intrekken; daarna ziet geen vrijwilliger deze gegevens meer.",
    ),
    (
        Purpose.share_household_with_social_team,
        "Mijn gezinssituatie delen met het sociaal team",
        "Het sociaal team van de gemeente mag zien wie er bij u in huis woont: namen, "
        "geboortejaren en scholen van uw gezinsleden. Zo kan het team u beter helpen. U kunt "
        "deze toestemming altijd intrekken.",
    ),
    (
        Purpose.receive_push_notifications,
        "Pushberichten ontvangen",
        "De gemeente mag u een melding sturen op deze telefoon als er iets nieuws is, "
        "bijvoorbeeld een antwoord op uw vraag. In de melding staat nooit persoonlijke "
        "informatie. U kunt dit altijd uitzetten.",
    ),
    (
        Purpose.contact_by_partner_organisations,
        "Contact met partnerorganisaties",
        "Organisaties die met de gemeente samenwerken (zoals VluchtelingenWerk en de "
        "taalschool) mogen uw naam, contactgegevens en talen krijgen om u hulp aan te bieden. U "
        "kunt deze toestemming altijd intrekken.",
    ),
    (
        Purpose.reuse_contact_for_questions,
        "Contactgegevens bewaren bij mijn vragen",
        "De gemeente mag uw naam, telefoonnummer en e-mailadres bewaren bij de vragen die u via "
        "Welkom stelt, in haar klantcontactsysteem. Zo kan een medewerker u over uw vraag bellen of "
        "mailen. U kunt deze toestemming altijd intrekken; daarna stuurt Welkom uw contactgegevens "
        "niet meer mee.",
    ),
]

# (key, typical days, title, explanation): Dutch sources; translations in content/<lang>.po
JOURNEY_STEPS = [
    ('housing', 30, 'Woning', 'U krijgt een woning in de gemeente. Uw klantmanager vertelt u wanneer u de sleutel krijgt.'),
    ('brp_registration', 14, 'Inschrijven in de BRP', 'U schrijft zich in bij de gemeente op uw nieuwe adres. Daarna krijgt u een BSN als u dat nog niet had.'),
    ('digid', 14, 'DigiD aanvragen', 'Met DigiD logt u in bij de overheid. Vraag het aan op digid.nl; u krijgt een brief met een code.'),
    ('bank_account', 14, 'Bankrekening openen', 'U heeft een bankrekening nodig voor uitkering en huur. Neem uw verblijfsdocument mee naar de bank.'),
    ('health_insurance', 7, 'Zorgverzekering', 'Iedereen in Nederland moet een zorgverzekering hebben. Uw klantmanager helpt u kiezen.'),
    ('benefits', 28, 'Uitkering en toeslagen', 'U vraagt een bijstandsuitkering aan en, als u er recht op heeft, zorg- en huurtoeslag.'),
    ('inburgering_pip', 60, 'Inburgering en PIP', 'Samen met de gemeente maakt u een persoonlijk plan (PIP) voor uw inburgering.'),
    ('school', 30, 'School voor de kinderen', 'Kinderen van 5 tot 18 jaar gaan naar school. De gemeente helpt u een school te vinden.'),
    ('gp', 14, 'Huisarts', 'Schrijf u in bij een huisarts in de buurt. Bij hem of haar gaat u eerst als u ziek bent.'),
    ('language_course', 30, 'Taalcursus', 'U leert Nederlands op een taalschool. Uw klantmanager meldt u aan.'),
]  # fmt: skip


def _state(*parts: Translation) -> str:
    """A text made of several translated parts is as far along as its least finished part."""
    return "machine" if any(part.state == "machine" for part in parts) else "translated"


def _explanations(title: str, text: str) -> dict[str, ExplanationIn]:
    """A journey step's Dutch source and every translation the content catalogs have."""
    titles, texts = translations(title), translations(text)
    return {
        "nl": ExplanationIn(title=title, text=text, state="source"),
        **{
            language: ExplanationIn(
                title=titles[language].text,
                text=texts[language].text,
                state=_state(titles[language], texts[language]),  # type: ignore[arg-type]
            )
            for language in sorted(titles.keys() & texts.keys())
        },
    }


async def seed_resident_data(
    db: AsyncSession, municipality_id: uuid.UUID, resident: Resident
) -> None:
    """Profile details, a household, consent texts and a journey for the demo resident."""
    caseworker = (
        await db.execute(select(Account).where(col(Account.demo_login) == "demo-caseworker"))
    ).scalar_one_or_none()
    resident.full_name = "Amal Haddad"
    resident.languages = ["en"]
    resident.arrival_date = date(2026, 9, 1)
    resident.v_number = "1234567890"
    resident.v_number_source = "COA"
    resident.registered_name = "Haddad, Amal"
    resident.registered_name_source = "BRP"
    resident.municipal_data_legal_basis = "Wet BRP; Wet inburgering 2021"
    if caseworker is not None:
        resident.caseworker_account_id = caseworker.id
        resident.caseworker_name = caseworker.display_name
        resident.caseworker_contact = "14 0999, ma–do 9:00–12:00"
    db.add_all(
        [
            HouseholdMember(
                municipality_id=municipality_id,
                resident_id=resident.id,
                relation=Relation.partner,
                name="Karim",
                birth_year=1989,
            ),
            HouseholdMember(
                municipality_id=municipality_id,
                resident_id=resident.id,
                relation=Relation.child,
                name="Lina",
                birth_year=2017,
                school="Basisschool De Regenboog",
            ),
        ]
    )
    for purpose, title, body in CONSENT_TEXTS:
        translated_titles, translated_bodies = translations(title), translations(body)
        await consent.publish_text_version(
            db,
            municipality_id,
            purpose,
            [
                consent.TextIn("nl", title, body, "source"),
                *(
                    consent.TextIn(
                        language,
                        translated_titles[language].text,
                        translated_bodies[language].text,
                        _state(translated_titles[language], translated_bodies[language]),
                    )
                    for language in sorted(translated_titles.keys() & translated_bodies.keys())
                ),
            ],
        )
    template = await journey.add_template(
        db,
        municipality_id,
        TemplateIn(
            name="Welkom in de gemeente",
            steps=[
                TemplateStepIn(
                    key=key,  # type: ignore[arg-type]
                    typical_duration_days=days,
                    explanation=_explanations(title, text),
                )
                for key, days, title, text in JOURNEY_STEPS
            ],
        ),
    )
    await journey.add_steps(db, resident.id, municipality_id, template.id, None)
    progress = {
        "housing": (StepStatus.done, None, None),
        "brp_registration": (StepStatus.done, None, None),
        "bank_account": (StepStatus.in_progress, NextActor.resident, 10),
        "digid": (StepStatus.waiting_for_municipality, NextActor.municipality, 21),
        "school": (StepStatus.not_applicable, None, None),
    }
    steps = (
        await db.execute(select(JourneyStep).where(col(JourneyStep.resident_id) == resident.id))
    ).scalars()
    today = utcnow().date()
    for step in steps:
        if step.key in progress:
            status, actor, due_in = progress[step.key]
            step.status = status
            step.next_actor = actor
            step.due_date = today + timedelta(days=due_in) if due_in else None
            step.completed_at = utcnow() if status == StepStatus.done else None
        if step.key == "bank_account":
            step.note = "Neem uw verblijfsdocument en huurcontract mee."
    await db.flush()
